// SPEC §13.7 in the engine: the counts in notes are written like results are shown — `<5` for a
// count of 1–4, a count hidden as a complement `hidden` — and a run lists every count it shows
// that the default --min-cell would hide (what --fail-on disclosure reports).

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { runIndicators } from '../../src/engine/run.js';
import { prepare } from '../../src/facts/index.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { day } from '../helpers/records.js';
import { MESSAGES, say } from '../../src/domain/messages.js';

/** A declared note (SPEC §13.6: notes are declared messages), "courses left out, not completed". */
const LEFT_OUT = say(MESSAGES.coursesNotCompleted);

/** A percent indicator over hand-made units [date, sex, numerator, denominator], with a note
 *  "courses left out, not completed" per entry of `notes` [date, sex]. */
function fake(units: [string, 'F' | 'M', number, number][], notes: [string, 'F' | 'M'][]): CountingIndicator {
  return {
    kind: 'counting', id: 'fake', nameDa: 'x', nameEn: 'x', aim: 'quality', section: '', unit: 'percent', sources: [],
    direction: 'higher_is_better', definition: '', definitionDa: '', baselines: [], target: null, needs: [],
    dimensions: ['municipality', 'cluster', 'education', 'sex', 'age_band'],
    count(_data, tally) {
      for (const [d, sex, n, den] of units) tally.add(day(d), { sex, municipality: '751', age: 40, education: null }, n, den);
      for (const [d, sex] of notes) tally.note(day(d), { sex, municipality: '751', age: 40, education: null }, LEFT_OUT);
    },
  };
}
const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const run = (ind: CountingIndicator, periods: string[], by: string[], minCell: number) =>
  runIndicators([ind], prepare({}), { periods: parsePeriodArguments(periods), by: by as never, minCell });
const notesOf = (out: ReturnType<typeof run>) =>
  out.results.map((r) => [r.period, r.group.sex ?? 'total', r.notes.filter((n) => n.startsWith(LEFT_OUT)).join()]);

// 20 F and 20 M units in 2016-03, 10 of each in the numerator: every result shows 10/20 or 20/40.
const units: [string, 'F' | 'M', number, number][] = [
  ...repeat(10, ['2016-03-01', 'F', 1, 1] as [string, 'F' | 'M', number, number]),
  ...repeat(10, ['2016-03-01', 'F', 0, 1] as [string, 'F' | 'M', number, number]),
  ...repeat(10, ['2016-03-01', 'M', 1, 1] as [string, 'F' | 'M', number, number]),
  ...repeat(10, ['2016-03-01', 'M', 0, 1] as [string, 'F' | 'M', number, number]),
];

describe('counts in notes (SPEC §13.7)', () => {
  it('a note count of 4 is written <5; 5 and more are shown; 0 never makes a note', () => {
    // F: 4 left out, M: 5 left out, total 9.
    const out = run(fake(units, [...repeat(4, ['2016-03-02', 'F'] as [string, 'F']), ...repeat(5, ['2016-03-02', 'M'] as [string, 'M'])]), ['2016'], ['sex'], 5);
    expect(notesOf(out)).toEqual([
      ['2016', 'total', 'courses left out, not completed: 9'],
      ['2016', 'F', 'courses left out, not completed: <5'],
      // M alone would give F back as 9 − 5: hidden as the complement of F.
      ['2016', 'M', 'courses left out, not completed: hidden'],
    ]);
  });

  it('with --min-cell 0 every note count is shown as it is', () => {
    const out = run(fake(units, repeat(4, ['2016-03-02', 'F'] as [string, 'F'])), ['2016'], ['sex'], 0);
    expect(notesOf(out)).toEqual([
      ['2016', 'total', 'courses left out, not completed: 4'],
      ['2016', 'F', 'courses left out, not completed: 4'],
      ['2016', 'M', ''],
    ]);
  });

  it('under --min-cell 10 the threshold written is <10', () => {
    const out = run(fake(units, repeat(7, ['2016-03-02', 'F'] as [string, 'F'])), ['2016'], [], 10);
    expect(notesOf(out)).toEqual([['2016', 'total', 'courses left out, not completed: <10']]);
  });

  it('a note of a month shown with its year is protected across the periods as results are', () => {
    // Notes: 3 in March, 6 in April, 8 in May (year 17): March <5, April (next smallest) hidden.
    const notes = [...repeat(3, ['2016-03-02', 'F']), ...repeat(6, ['2016-04-02', 'F']), ...repeat(8, ['2016-05-02', 'F'])] as [string, 'F'][];
    const out = run(fake(units, notes), ['2016', '2016-03', '2016-04', '2016-05'], [], 5);
    expect(notesOf(out)).toEqual([
      ['2016', 'total', 'courses left out, not completed: 17'],
      ['2016-03', 'total', 'courses left out, not completed: <5'],
      ['2016-04', 'total', 'courses left out, not completed: hidden'],
      ['2016-05', 'total', 'courses left out, not completed: 8'],
    ]);
    // Notes are not results: the report's suppression counts stay at the results' (none here).
    expect(out.suppression).toEqual({ primary: 0, complementary: 0 });
  });
});

describe('disclosures: counts shown that the default --min-cell 5 would hide (SPEC §13.7)', () => {
  it('with --min-cell 0 a run lists each shown count of 1–4, of results and of notes, in report order', () => {
    const small: [string, 'F' | 'M', number, number][] = [['2016-03-01', 'F', 1, 1], ['2016-03-01', 'F', 0, 1], ...units.slice(20)];
    const out = run(fake(small, repeat(4, ['2016-03-02', 'M'] as [string, 'M'])), ['2016'], ['sex'], 0);
    expect(out.disclosures.map((d) => [d.group.sex ?? 'total', d.what, d.count])).toEqual([
      ['total', 'courses left out, not completed', 4],
      ['F', 'numerator', 1],
      ['F', 'denominator', 2],
      ['M', 'courses left out, not completed', 4],
    ]);
  });

  it('under the default threshold nothing small is shown, so nothing is listed', () => {
    const small: [string, 'F' | 'M', number, number][] = [['2016-03-01', 'F', 1, 1], ['2016-03-01', 'F', 0, 1], ...units.slice(20)];
    const out = run(fake(small, repeat(4, ['2016-03-02', 'M'] as [string, 'M'])), ['2016'], ['sex'], 5);
    expect(out.disclosures).toEqual([]);
    expect(out.results.find((r) => r.group.sex === 'F')).toMatchObject({ suppressed: true, numerator: null });
  });
});
