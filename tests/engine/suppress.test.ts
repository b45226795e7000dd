import { describe, expect, it } from 'vitest';
import { isSmallCell } from '../../src/engine/suppress.js';
import type { Result } from '../../src/contracts/report.js';

const result = (group: Record<string, string>, numerator: number, denominator: number | null, unit: Result['unit'] = 'percent'): Result => ({
  indicator: 'x', aim: 'quality', unit, direction: 'higher_is_better', period: '2016', group,
  numerator, denominator, value: denominator ? (numerator / denominator) * 100 : numerator, ci95: [1, 2],
  suppressed: false, baseline: null, target: null, change: null, change_pct: null, status: 'no_target', target_verdict: 'no_target', provisional: false, reason: null, notes: [],
});

describe('small-cell suppression (SPEC §4.4)', () => {
  it('with --min-cell 5 a count of 4 is suppressed and a count of 5 is not', () => {
    expect(isSmallCell('percent', 4, 100, 5)).toBe(true);
    expect(isSmallCell('percent', 5, 100, 5)).toBe(false);
    expect(isSmallCell('percent', 20, 4, 5)).toBe(true);
  });
  it('zero counts are not suppressed', () => {
    expect(isSmallCell('percent', 0, 10, 5)).toBe(false);
    expect(isSmallCell('count', 0, null, 5)).toBe(false);
  });
  it('rates look at the events only (not population); DKK per capita never suppress', () => {
    expect(isSmallCell('per_1000', 3, 5000, 5)).toBe(true);
    expect(isSmallCell('per_1000', 7, 3, 5)).toBe(false);
    expect(isSmallCell('dkk_per_capita', 3, 2, 5)).toBe(false);
  });
  it('--min-cell 0 turns suppression off', () => {
    const rs = [result({}, 1, 2)];
    expect(suppressResults(rs, 0)).toEqual({ primary: 0, complementary: 0 });
    expect(rs[0].suppressed).toBe(false);
  });
  it('a suppressed result has value, ci95, numerator and denominator null', () => {
    const rs = [result({}, 3, 50)];
    suppressResults(rs, 5);
    expect(rs[0]).toMatchObject({ suppressed: true, value: null, ci95: null, numerator: null, denominator: null });
  });
  it('when exactly one group is suppressed, the group with the next smallest count is suppressed too', () => {
    // total 30/70; A 2/10 is primary (2 < 5); B 8/20 has the next smallest denominator, so it is
    // hidden too (else A = total − B − C); C 20/40 stays.
    const rs = [result({}, 30, 70), result({ sex: 'A' }, 2, 10), result({ sex: 'B' }, 8, 20), result({ sex: 'C' }, 20, 40)];
    expect(suppressResults(rs, 5)).toEqual({ primary: 1, complementary: 1 });
    expect(rs.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    expect(rs[2].notes.join()).toMatch(/complementary/);
  });
  it('no complementary suppression when two or more groups are already hidden', () => {
    const rs = [result({}, 30, 70), result({ sex: 'A' }, 2, 10), result({ sex: 'B' }, 3, 20), result({ sex: 'C' }, 25, 40)];
    expect(suppressResults(rs, 5)).toEqual({ primary: 2, complementary: 0 });
    expect(rs[3].suppressed).toBe(false);
  });
});

// SPEC §13.7: no small count anywhere; complementary suppression across the periods of a run.
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { disclosedCounts, isDisclosed, shownCount, suppressArm, suppressResults } from '../../src/engine/suppress.js';

/** A count result of one period and group. */
const counted = (period: string, count: number, group: Record<string, string> = {}): Result => ({
  ...result(group, count, null, 'count'),
  period,
  value: count,
  ci95: null,
});

describe('a count in text (SPEC §13.7)', () => {
  it('a note count of 4 is written <5, 0 and 5 are shown as they are (--min-cell 5)', () => {
    expect(shownCount(4, 5)).toBe('<5');
    expect(shownCount(1, 5)).toBe('<5');
    expect(shownCount(0, 5)).toBe('0');
    expect(shownCount(5, 5)).toBe('5');
  });
  it('the threshold is --min-cell: <10 under --min-cell 10; with --min-cell 0 nothing is hidden', () => {
    expect(shownCount(9, 10)).toBe('<10');
    expect(shownCount(10, 10)).toBe('10');
    expect(shownCount(4, 0)).toBe('4');
    expect(shownCount(1, 1)).toBe('1');
  });
  it('a disclosure is a count of 1–4 shown because --min-cell is below the default 5', () => {
    expect(isDisclosed(4, 0)).toBe(true);
    expect(isDisclosed(3, 3)).toBe(true); // --min-cell 3 hides 1–2, shows 3
    expect(isDisclosed(2, 3)).toBe(false); // hidden
    expect(isDisclosed(0, 0)).toBe(false); // 0 may be shown
    expect(isDisclosed(5, 0)).toBe(false);
    expect(isDisclosed(4, 5)).toBe(false);
  });
  it('disclosedCounts names the numerator and the denominator of a shown percent, the events of a rate, nothing of DKK', () => {
    const r = { ...result({ sex: 'F' }, 3, 4), period: '2016' };
    expect(disclosedCounts(r, 0).map((d) => [d.what, d.count])).toEqual([['numerator', 3], ['denominator', 4]]);
    expect(disclosedCounts({ ...r, unit: 'per_1000', denominator: 2 }, 0).map((d) => d.what)).toEqual(['numerator']);
    expect(disclosedCounts({ ...r, unit: 'dkk_per_capita' }, 0)).toEqual([]);
    expect(disclosedCounts({ ...r, numerator: 30, denominator: 40 }, 0)).toEqual([]);
  });
});

describe('complementary suppression across periods (SPEC §13.7)', () => {
  const months = (counts: number[], year = 2016) => counts.map((c, i) => counted(`${year}-${String(i + 1).padStart(2, '0')}`, c));
  const periodsOf = (rs: Result[]) => parsePeriodArguments([...new Set(rs.map((r) => r.period))]);

  it('a year shown with its months: one hidden month hides the next smallest month of that year', () => {
    // Jan 3 is hidden (3 < 5); without more the year (3 + 6 + 9 + 9 × 10 = 108) minus the
    // other months would give it. Feb 6 is the smallest shown month, so it is hidden too.
    const rs = [counted('2016', 108), ...months([3, 6, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10])];
    expect(suppressResults(rs, 5, periodsOf(rs))).toEqual({ primary: 1, complementary: 1 });
    expect(rs.filter((r) => r.suppressed).map((r) => r.period)).toEqual(['2016-01', '2016-02']);
    expect(rs[2].notes.join()).toMatch(/complementary.*the year 2016/);
    expect(rs[0]).toMatchObject({ suppressed: false, value: 108 });
  });

  it('two hidden months need no complement; months of another year do not count for this one', () => {
    const rs = [counted('2016', 115), ...months([3, 2, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20]), counted('2017-01', 6)];
    expect(suppressResults(rs, 5, periodsOf(rs))).toEqual({ primary: 2, complementary: 0 });
  });

  it('the next smallest is the smallest count above 0: a month of 0 protects nothing', () => {
    // Mar 0 is smaller than Apr 7, but a known zero subtracts nothing: Apr is hidden.
    const rs = [counted('2016', 51), ...months([4, 10, 0, 7, 10, 10, 10])];
    suppressResults(rs, 5, periodsOf(rs));
    expect(rs.filter((r) => r.suppressed).map((r) => r.period)).toEqual(['2016-01', '2016-04']);
  });

  it('quarters in a year, and months in a quarter, are protected the same way', () => {
    // Year 41 = Q1 2 + Q2 7 + Q3 12 + Q4 20: Q1 hidden, Q2 the next smallest.
    const quarters = [counted('2016', 41), counted('2016-Q1', 2), counted('2016-Q2', 7), counted('2016-Q3', 12), counted('2016-Q4', 20)];
    expect(suppressResults(quarters, 5, periodsOf(quarters))).toEqual({ primary: 1, complementary: 1 });
    expect(quarters.filter((r) => r.suppressed).map((r) => r.period)).toEqual(['2016-Q1', '2016-Q2']);
    // Q1 17 = Jan 4 + Feb 8 + Mar 5: Jan hidden, Mar (5) is smaller than Feb (8).
    const inQuarter = [counted('2016-Q1', 17), counted('2016-01', 4), counted('2016-02', 8), counted('2016-03', 5)];
    expect(suppressResults(inQuarter, 5, periodsOf(inQuarter))).toEqual({ primary: 1, complementary: 1 });
    expect(inQuarter.filter((r) => r.suppressed).map((r) => r.period)).toEqual(['2016-01', '2016-03']);
  });

  it('a hidden whole with no hidden part hides its smallest part (else the parts add up to it)', () => {
    // The year is hidden (here by hand, as a complement elsewhere would hide it): its months
    // 6 + 9 would give it back, so the smaller month is hidden.
    const rs = [counted('2016', 15), counted('2016-01', 6), counted('2016-02', 9)];
    const year = rs[0];
    Object.assign(year, { suppressed: true, numerator: null, value: null });
    suppressResults(rs, 5, periodsOf(rs));
    expect(rs.map((r) => r.suppressed)).toEqual([true, true, false]);
    // Now two of the sum's three cells are hidden: neither follows from the third alone.
    expect(suppressResults(rs, 5, periodsOf(rs))).toEqual({ primary: 0, complementary: 0 });
  });

  it('hiding runs to a fixed point over groups and periods, and only the counted periods are counted', () => {
    // By sex, 2016 and its quarters (counts):   Q1  Q2  Q3  Q4  year
    //   F                                         3  10  12  15   40
    //   M                                        20   8  25  30   83
    //   total                                    23  18  37  45  123
    // F Q1 is primary. Q1's breakdown then has one hidden group: M Q1 is hidden. F's quarters
    // have one hidden: F Q2 (10, the smallest left). M's quarters have one hidden: M Q2 (8).
    // Q2's breakdown then has two hidden: done. F Q1 + F Q2 = 13, F Q1 + M Q1 = 23,
    // M Q1 + M Q2 = 28, F Q2 + M Q2 = 18: four unknowns, three independent equations.
    const table: [string, number, number, number][] = [
      ['2016', 40, 83, 123], ['2016-Q1', 3, 20, 23], ['2016-Q2', 10, 8, 18], ['2016-Q3', 12, 25, 37], ['2016-Q4', 15, 30, 45],
    ];
    const rs = table.flatMap(([p, f, m, t]) => [counted(p, t), counted(p, f, { sex: 'F' }), counted(p, m, { sex: 'M' })]);
    const hidden = () => rs.filter((r) => r.suppressed).map((r) => `${r.period} ${r.group.sex ?? 'total'}`);
    expect(suppressResults(rs, 5, periodsOf(rs))).toEqual({ primary: 1, complementary: 3 });
    expect(hidden()).toEqual(['2016-Q1 F', '2016-Q1 M', '2016-Q2 F', '2016-Q2 M']);
    // The same run where only the year is reported (the quarters computed alongside).
    const again = table.flatMap(([p, f, m, t]) => [counted(p, t), counted(p, f, { sex: 'F' }), counted(p, m, { sex: 'M' })]);
    expect(suppressResults(again, 5, periodsOf(again), (r) => r.period === '2016')).toEqual({ primary: 0, complementary: 0 });
  });

  it('without nested periods nothing changes: the breakdown rule alone (SPEC §4.4)', () => {
    const rs = [counted('2016', 30), counted('2017', 3)];
    expect(suppressResults(rs, 5, periodsOf(rs))).toEqual({ primary: 1, complementary: 0 });
  });
});

describe("evaluate's arms (SPEC §13.7)", () => {
  it('when one window of an arm is hidden the other is hidden too; two shown or two hidden stay', () => {
    const before = { ...result({}, 3, 10), period: 'b' };
    const after = { ...result({}, 9, 10), period: 'a' };
    suppressResults([before], 5);
    expect(suppressArm(before, after)).toBe(1);
    expect(after).toMatchObject({ suppressed: true, numerator: null, denominator: null, value: null });
    expect(after.notes.join()).toMatch(/other window of this arm/);
    expect(suppressArm(before, after)).toBe(0);
    expect(suppressArm({ ...result({}, 30, 40) }, { ...result({}, 9, 10) })).toBe(0);
  });
});
