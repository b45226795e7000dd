// --engine duckdb's evaluate (SPEC §9, §15): the arms are pooled from counts broken down by the
// selector's dimensions and municipality. armGroups keeps the groups armFilters keeps the units
// of; poolCounts adds up what adds up over groups (numerator, denominator, units, notes) and
// keeps the latest follow-up end. Numbers worked out by hand below.

import { describe, expect, it } from 'vitest';
import { poolCounts } from '../../src/engine/counts.js';
import { armGroups } from '../../src/engine/project.js';
import { readCounts } from '../../src/extracts/counts.js';

describe('armGroups: the arms over groups (SPEC §9)', () => {
  const rest = armGroups({ intervention: { cluster: 'Vest' }, comparison: 'rest' });

  it('breaks down by the selector dimensions and municipality, in the order of the dimensions', () => {
    expect(rest.dimensions).toEqual(['municipality', 'cluster']);
    expect(armGroups({ intervention: { sex: 'F', education: 'short' }, comparison: 'rest' }).dimensions).toEqual(['municipality', 'education', 'sex']);
  });

  it('the intervention is the region groups matching the selector; the rest the other region groups with a known value', () => {
    expect(rest.intervention({ municipality: '657', cluster: 'Vest' })).toBe(true); // Herning
    expect(rest.intervention({ municipality: '751', cluster: 'Aarhus' })).toBe(false);
    expect(rest.comparison({ municipality: '751', cluster: 'Aarhus' })).toBe(true);
    expect(rest.comparison({ municipality: '657', cluster: 'Vest' })).toBe(false);
  });

  it('a group outside the region or of unknown municipality is in neither arm', () => {
    for (const g of [{ municipality: '101', cluster: 'Outside region' }, { municipality: 'unknown', cluster: 'unknown' }]) {
      expect([rest.intervention(g), rest.comparison(g)]).toEqual([false, false]);
    }
  });

  it('with the rest as comparison, a group with an unknown selector value is in neither arm', () => {
    const bySex = armGroups({ intervention: { sex: 'F' }, comparison: 'rest' });
    expect([bySex.intervention({ municipality: '751', sex: 'unknown' }), bySex.comparison({ municipality: '751', sex: 'unknown' })]).toEqual([false, false]);
    expect(bySex.comparison({ municipality: '751', sex: 'M' })).toBe(true);
  });
});

describe('poolCounts: an arm’s cells from the groups it keeps', () => {
  // rehab-timely-start in 2016 by municipality: Aarhus 751 3 of 10 (2 not started), Skanderborg
  // 746 4 of 5 (1 not started), Herning 657 1 of 2; follow-up ends 2016-12-20, 2017-01-15,
  // 2016-11-30.
  const text = [
    'indicator,period,municipality,cell,numerator,denominator,units',
    'rehab-timely-start,2016,,,8,17,17',
    'rehab-timely-start,2016,751,,3,10,10',
    'rehab-timely-start,2016,751,note=notStarted,2,0,2',
    'rehab-timely-start,2016,751,follow_up_end=2016-12-20,0,0,0',
    'rehab-timely-start,2016,746,,4,5,5',
    'rehab-timely-start,2016,746,note=notStarted,1,0,1',
    'rehab-timely-start,2016,746,follow_up_end=2017-01-15,0,0,0',
    'rehab-timely-start,2016,657,,1,2,2',
    'rehab-timely-start,2016,657,follow_up_end=2016-11-30,0,0,0',
    'rehab-timely-start,2016,751,education=short,1,4,4',
  ].join('\n');
  const { counts, problems } = readCounts(text, 'test.csv');

  it('sums numerators, denominators, units and notes of the kept groups into the total row; the total row and education cells are not taken', () => {
    expect(problems).toEqual([]);
    const pooled = poolCounts(counts, (g) => g.municipality === '751' || g.municipality === '746');
    const result = pooled.rows.find((r) => r.cell.kind === 'result')!;
    // 3 + 4 of 10 + 5: 7 of 15, 15 units; notStarted 2 + 1 = 3.
    expect([result.numerator, result.denominator, result.units, result.group]).toEqual([7, 15, 15, {}]);
    const note = pooled.rows.find((r) => r.cell.kind === 'note')!;
    expect([note.numerator, note.units]).toEqual([3, 3]);
    expect(pooled.rows.some((r) => r.cell.kind === 'education')).toBe(false);
    expect(pooled.rows).toHaveLength(3);
  });

  it('keeps the latest follow-up end of the kept groups', () => {
    const pooled = poolCounts(counts, (g) => g.municipality !== '746');
    const end = pooled.rows.find((r) => r.cell.kind === 'followUpEnd')!;
    // 2016-12-20 (751) and 2016-11-30 (657): the later, 2016-12-20.
    expect(end.cell).toEqual(counts.rows.find((r) => r.group.municipality === '751' && r.cell.kind === 'followUpEnd')!.cell);
  });
});
