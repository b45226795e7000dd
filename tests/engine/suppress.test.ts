import { describe, expect, it } from 'vitest';
import { isSmallCell, suppressBreakdown } from '../../src/engine/suppress.js';
import type { Result } from '../../src/engine/result.js';

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
    expect(suppressBreakdown(rs, 0)).toEqual({ primary: 0, complementary: 0 });
    expect(rs[0].suppressed).toBe(false);
  });
  it('a suppressed result has value, ci95, numerator and denominator null', () => {
    const rs = [result({}, 3, 50)];
    suppressBreakdown(rs, 5);
    expect(rs[0]).toMatchObject({ suppressed: true, value: null, ci95: null, numerator: null, denominator: null });
  });
  it('when exactly one group is suppressed, the group with the next smallest count is suppressed too', () => {
    // total 30/70; A 2/10 is primary (2 < 5); B 8/20 has the next smallest denominator, so it is
    // hidden too (else A = total − B − C); C 20/40 stays.
    const rs = [result({}, 30, 70), result({ sex: 'A' }, 2, 10), result({ sex: 'B' }, 8, 20), result({ sex: 'C' }, 20, 40)];
    expect(suppressBreakdown(rs, 5)).toEqual({ primary: 1, complementary: 1 });
    expect(rs.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    expect(rs[2].notes.join()).toMatch(/complementary/);
  });
  it('no complementary suppression when two or more groups are already hidden', () => {
    const rs = [result({}, 30, 70), result({ sex: 'A' }, 2, 10), result({ sex: 'B' }, 3, 20), result({ sex: 'C' }, 25, 40)];
    expect(suppressBreakdown(rs, 5)).toEqual({ primary: 2, complementary: 0 });
    expect(rs[3].suppressed).toBe(false);
  });
});
