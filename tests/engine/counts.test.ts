// SPEC §15: cells a run asks for that the counts file holds only in parts (report's clusters
// from its municipalities, evaluate's arm windows from the months of its groups) are sums of
// the file's cells, and only where a sum is the cell the extract run would have counted. The
// numbers are worked out by hand in each test.

import { describe, expect, it } from 'vitest';
import { REGION_MUNICIPALITY_CODES, type Dimension } from '../../src/calc/groups.js';
import { monthWindow, parsePeriodArgument, parsePeriodId, type Period } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import { MESSAGES, say } from '../../src/domain/messages.js';
import type { CellsByPeriod, TallyOptions } from '../../src/engine/aggregate.js';
import { givenCounts, periodRanges } from '../../src/engine/counts.js';
import { armFilters, armGroupFilters } from '../../src/engine/project.js';
import { readCounts } from '../../src/extracts/counts.js';
import type { UnitAttributes } from '../../src/indicators/types.js';


function counts(lines: string[]) {
  const { counts: file, problems } = readCounts(['indicator,period,municipality,cell,numerator,denominator,units', ...lines].join('\n'), 'c.csv');
  expect(problems).toEqual([]);
  return givenCounts(file, 'c.csv');
}

function fill(c: ReturnType<typeof counts>, periods: Period[], dims: Dimension[], options: TallyOptions = {}, filter?: Parameters<ReturnType<typeof counts>['fill']>[5]) {
  const cells: CellsByPeriod = periods.map(() => new Map());
  c.fill('readmission-30d', periods, dims, options, cells, filter);
  return cells;
}

const p = (id: string) => parsePeriodId(id)!;
const DIED = say(MESSAGES.indexExcludedDied);

// readmission-30d in 2016: Herning 657 and Ikast-Brande 756 (cluster Vest), Aarhus 751, Odense
// 461 (outside the region) and a unit without municipality; the total row is the file's own.
const YEAR = [
  'readmission-30d,2016,,,9,41,41',
  'readmission-30d,2016,,note=indexExcludedDied,4,0,4',
  'readmission-30d,2016,,education=short,2,5,5',
  'readmission-30d,2016,657,,3,10,10',
  'readmission-30d,2016,657,note=indexExcludedDied,2,0,2',
  'readmission-30d,2016,657,education=short,1,4,4',
  'readmission-30d,2016,756,,1,5,5',
  'readmission-30d,2016,756,note=indexExcludedDied,1,0,1',
  'readmission-30d,2016,756,education=short,1,1,1',
  'readmission-30d,2016,751,,4,20,20',
  'readmission-30d,2016,751,note=indexExcludedDied,1,0,1',
  'readmission-30d,2016,461,,1,4,4',
  'readmission-30d,2016,unknown,,0,2,2',
];

describe('cells summed from the counts (SPEC §15)', () => {
  it("a cluster's cell is the sum of its municipalities' cells: Vest = 657 + 756 = 4 of 15, 3 died, short education 2 of 5", () => {
    const [cells] = fill(counts(YEAR), [p('2016')], ['cluster'], { byEducation: true });
    const vest = [...cells.values()].find((c) => c.group.cluster === 'Vest')!;
    expect([vest.numerator, vest.denominator, vest.units]).toEqual([4, 15, 15]);
    expect(vest.notes.get(DIED)).toBe(3);
    expect(vest.education!.get('short')).toEqual({ numerator: 2, denominator: 5, units: 5 });
    const outside = [...cells.values()].find((c) => c.group.cluster === 'Outside region')!;
    expect([outside.numerator, outside.denominator]).toEqual([1, 4]);
    const unknown = [...cells.values()].find((c) => c.group.cluster === 'unknown')!;
    expect(unknown.denominator).toBe(2);
    // The total row is the file's own: 9 of 41, 4 died.
    const total = cells.get('')!;
    expect([total.numerator, total.denominator, total.notes.get(DIED)]).toEqual([9, 41, 4]);
  });

  it('an arm takes the groups its test accepts: Vest 4 of 15; the rest is Aarhus alone (Odense is outside the region, the unknown in neither)', () => {
    const arms = armGroupFilters({ intervention: { cluster: 'Vest' }, comparison: 'rest' });
    const c = counts(YEAR);
    const [vest] = fill(c, [p('2016')], [], {}, arms.intervention);
    expect([vest.get('')!.numerator, vest.get('')!.denominator, vest.get('')!.notes.get(DIED)]).toEqual([4, 15, 3]);
    const [rest] = fill(c, [p('2016')], [], {}, arms.comparison);
    expect([rest.get('')!.numerator, rest.get('')!.denominator, rest.get('')!.notes.get(DIED)]).toEqual([4, 20, 1]);
  });

  it('a window is the sum of the months that make it up (January–March 2016: 2 + 0 + 3 of 5 + 4 + 6), its follow-up end the latest', () => {
    const c = counts([
      'readmission-30d,2016-01,,,2,5,5',
      'readmission-30d,2016-01,,follow_up_end=2016-02-20,0,0,0',
      'readmission-30d,2016-02,,,0,4,4',
      'readmission-30d,2016-02,,follow_up_end=2016-03-30,0,0,0',
      'readmission-30d,2016-03,,,3,6,6',
      'readmission-30d,2016-03,,follow_up_end=2016-03-31,0,0,0',
      'readmission-30d,2016-04,,,7,7,7',
    ]);
    const window = monthWindow(p('2016-01'), 3);
    const [cells] = fill(c, [window], []);
    const total = cells.get('')!;
    expect([total.numerator, total.denominator, total.units]).toEqual([5, 15, 15]);
    expect(formatDay(total.followUpEnd)).toBe('2016-03-31');
    // A window the file's periods do not make up is named.
    expect(c.lacks({ periods: [monthWindow(p('2016-03'), 3)], by: [] })).toBe(
      'it has no counts for 2016-03..2016-05, nor the periods that make it up (it has 2016-01..2016-04)',
    );
  });

  it('persons per ESP2013 band do not add up: one person with an event in each of 657 and 751 is one person with 2 events in the total, two persons with 1 in the parts', () => {
    const c = counts([
      'readmission-30d,2016,,esp2013=14;events=2,1,0,1',
      'readmission-30d,2016,657,esp2013=14;events=1,1,0,1',
      'readmission-30d,2016,751,esp2013=14;events=1,1,0,1',
      'readmission-30d,2016-01,,esp2013=14;events=1,1,0,1',
      'readmission-30d,2016-02,,esp2013=14;events=1,1,0,1',
    ]);
    // The total as counted: one person, 2 events.
    const [cells] = fill(c, [p('2016')], [], { strata: true });
    expect([...cells.get('')!.strata![14]!.persons.values()]).toEqual([2]);
    // Summed over groups or months it would be two persons with one event each: refused.
    expect(c.lacks({ periods: [p('2016')], by: ['cluster'], strata: true })).toMatch(/persons per age band, which do not add up across groups/);
    expect(c.lacks({ periods: [monthWindow(p('2016-01'), 2)], by: [], strata: true })).toMatch(/do not add up across periods: it needs 2016-01\.\.2016-02 as counted, not 2016-01, 2016-02/);
    expect(() => fill(c, [p('2016')], ['cluster'], { strata: true })).toThrow(/persons per band do not add up/);
    // Without persons (no standardisation) the same sums are fine.
    expect(c.lacks({ periods: [p('2016')], by: ['cluster'] })).toBeNull();
  });

  it('a dimension the file has no values of is named (cluster comes from municipality; sex does not)', () => {
    const c = counts(YEAR);
    expect(c.lacks({ periods: [p('2016')], by: ['cluster'] })).toBeNull();
    expect(c.lacks({ periods: [p('2016')], by: [], filter: armGroupFilters({ intervention: { sex: 'F' }, comparison: 'rest' }).intervention })).toBe(
      'it is not broken down by sex (its breakdown: municipality)',
    );
  });

  it('an indicator always broken down by a dimension (LUP by patient type) needs it in the file unless the run pools over it', () => {
    const c = counts(['lup-cooperation-school,2016,,,8,10,10', 'lup-cooperation-school,2016,751,,8,10,10']);
    expect(c.lacks({ periods: [p('2016')], by: [] })).toBe('it has no cells of lup-cooperation-school by patient_type');
    expect(c.lacks({ periods: [p('2016')], by: ['municipality'], pooled: true })).toBeNull();
  });

  it("a group's cell without the total row's is a problem of the file: the region would have nothing where its groups have units", () => {
    const { problems } = readCounts(
      ['indicator,period,municipality,cell,numerator,denominator,units', 'readmission-30d,2016,657,,3,10,10', 'readmission-30d,2016,657,note=indexExcludedDied,2,0,2', 'readmission-30d,2016,,note=indexExcludedDied,2,0,2'].join('\n'),
      'c.csv',
    );
    expect(problems).toEqual([{ line: 2, column: null, message: "readmission-30d, 2016: a group's cell without the total row's (every dimension empty), which the script writes beside it" }]);
  });

  it('periods are named as ranges of consecutive periods of one kind', () => {
    expect(periodRanges(parsePeriodArgument('2016-01..2016-12').concat(parsePeriodArgument('2015..2016'), parsePeriodArgument('2018-03')))).toEqual([
      '2015..2016',
      '2016-01..2016-12',
      '2018-03',
    ]);
  });
});

describe('the arms over groups are the arms over units (SPEC §9, §15)', () => {
  const municipalities = [...REGION_MUNICIPALITY_CODES, '461', '101', null];
  const sexes = ['F', 'M', null] as const;
  it.each([
    [{ intervention: { cluster: 'Vest' }, comparison: 'rest' as const }],
    [{ intervention: { sex: 'F' }, comparison: 'rest' as const }],
    [{ intervention: { municipality: '657' }, comparison: { municipality: '661' } }],
    [{ intervention: { cluster: 'Vest', sex: 'F' }, comparison: { cluster: 'Aarhus', sex: 'F' } }],
    [{ intervention: { cluster: 'Vest', sex: 'F' }, comparison: 'rest' as const }],
  ])('%o: a unit and the cell of a counts file by municipality and sex that holds it go to the same arm (19 municipalities, outside, unknown)', (spec) => {
    const units = armFilters(spec);
    const groups = armGroupFilters(spec);
    const inArm = { intervention: 0, comparison: 0 };
    for (const municipality of municipalities) {
      for (const sex of sexes) {
        const who: UnitAttributes = { municipality, sex, age: 50, education: null };
        // The file's one cell for this unit: its municipality and sex as the script writes them.
        const { counts: file, problems } = readCounts(
          `indicator,period,municipality,sex,cell,numerator,denominator,units\nreadmission-30d,2016,,,,1,1,1\nreadmission-30d,2016,${municipality ?? 'unknown'},${sex ?? 'unknown'},,1,1,1\n`,
          'c.csv',
        );
        expect(problems).toEqual([]);
        const c = givenCounts(file, 'c.csv');
        for (const arm of ['intervention', 'comparison'] as const) {
          const cells: CellsByPeriod = [new Map()];
          c.fill('readmission-30d', [p('2016')], [], {}, cells, groups[arm]);
          const counted = cells[0].get('')?.denominator ?? 0;
          expect(counted, `${arm} ${municipality} ${sex}`).toBe(units[arm](who) ? 1 : 0);
          inArm[arm] += counted;
        }
      }
    }
    expect(inArm.intervention).toBeGreaterThan(0);
    expect(inArm.comparison).toBeGreaterThan(0);
  });
});
