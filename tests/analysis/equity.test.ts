import { describe, expect, it } from 'vitest';
import { educationEquity, type EquityCell } from '../../src/analysis/equity.js';
import { wilsonInterval, Z95 } from '../../src/calc/statistics.js';
import { expectClose, expectCloseInterval } from './close.js';

const percent = (x: number, n: number): EquityCell => ({ numerator: x, denominator: n, value: n > 0 ? (x / n) * 100 : null, suppressed: false });
const rate = (x: number, n: number): EquityCell => ({ numerator: x, denominator: n, value: n > 0 ? (x / n) * 1000 : null, suppressed: false });
const SUPPRESSED: EquityCell = { numerator: null, denominator: null, value: null, suppressed: true };

// Worked example 5, part B (../shared/examples/standardisation-and-equity): smoke-free-6m-itt,
// Viborg 2017, short 6/20, medium 8/16, long 9/12; every number of expected.json's equity block.
describe('equity block of worked example 5 (SPEC §8.2)', () => {
  const equity = educationEquity('percent', { short: percent(6, 20), medium: percent(8, 16), long: percent(9, 12) });

  it('gap −45 with Newcombe interval −67.31974 … −9.272504', () => {
    expectClose(equity.gap.value, -45);
    expectCloseInterval(equity.gap.ci95, [-67.31973746113447, -9.272503962684725]);
  });

  it('ratio 0.4 with log interval 0.1899125 … 0.8424931', () => {
    expectClose(equity.ratio.value, 0.4);
    expectCloseInterval(equity.ratio.ci95, [0.18991253499216224, 0.8424930982391619]);
  });

  it('SII 65.47619 with 18.57473 … 112.3777', () => {
    expectClose(equity.sii.value, 65.47619047619047);
    expectCloseInterval(equity.sii.ci95, [18.574730650111896, 112.37765030226905]);
  });

  it('RII 5.313725 with the delta-method interval −5.199160 … 15.82661 (it may go below 0)', () => {
    expectClose(equity.rii.value, 5.313725490196082);
    expectCloseInterval(equity.rii.ci95, [-5.199160258519886, 15.82661123891205]);
  });

  it('groups echo each group\'s numerator, denominator and value', () => {
    expect(equity.groups).toEqual({
      short: { numerator: 6, denominator: 20, value: 30 },
      medium: { numerator: 8, denominator: 16, value: 50 },
      long: { numerator: 9, denominator: 12, value: 75 },
    });
  });

  it('has exactly the JSON shape of SPEC §8.2', () => {
    expect(Object.keys(equity)).toEqual(['gap', 'ratio', 'sii', 'rii', 'groups']);
    for (const m of [equity.gap, equity.ratio, equity.sii, equity.rii]) expect(Object.keys(m)).toEqual(['value', 'ci95']);
  });
});

describe('gap (SPEC §8.2)', () => {
  it('percent: Newcombe\'s hybrid score interval from the two Wilson intervals (2/10 against 5/10)', () => {
    // p₁ = 20, Wilson [l₁, u₁] = [5.668215, 50.983753]; p₂ = 50, [l₂, u₂] = [23.659309, 76.340691]; d = −30.
    // L = −30 − √((20 − 5.668215)² + (76.340691 − 50)²) = −30 − √(205.4001 + 693.8320) = −59.987198
    // U = −30 + √((50.983753 − 20)² + (50 − 23.659309)²) = −30 + √(959.9929 + 693.8320) = 10.667247
    const [l1, u1] = wilsonInterval(2, 10)!;
    const [l2, u2] = wilsonInterval(5, 10)!;
    const gap = educationEquity('percent', { short: percent(2, 10), long: percent(5, 10) }).gap;
    expect(gap.value).toBe(-30);
    expectCloseInterval(gap.ci95, [-30 - Math.sqrt((20 - l1) ** 2 + (u2 - 50) ** 2), -30 + Math.sqrt((u1 - 20) ** 2 + (50 - l2) ** 2)]);
    expect(gap.ci95![0]).toBeCloseTo(-59.987198, 5);
    expect(gap.ci95![1]).toBeCloseTo(10.667247, 5);
  });

  it('percent: the interval exists when both groups have 0 (as Wilson\'s does)', () => {
    // 0/10 each: Wilson [0, 27.753280]; d = 0; L = −√(0² + 27.753280²), U = +27.753280.
    const gap = educationEquity('percent', { short: percent(0, 10), long: percent(0, 10) }).gap;
    expect(gap.value).toBe(0);
    expectCloseInterval(gap.ci95, [-27.75327998628892, 27.75327998628892]);
  });

  it('rates: d ± z √(x₁/n₁² + x₂/n₂²) × 1000 (20/4000 against 5/2500)', () => {
    // 5 ‰ − 2 ‰ = 3; √(20/4000² + 5/2500²) × 1000 = √(1.25e-6 + 0.8e-6) × 1000 = 1.431782;
    // z × 1.431782 = 2.806241 → [0.193759, 5.806241].
    const gap = educationEquity('per_1000', { short: rate(20, 4000), long: rate(5, 2500) }).gap;
    expectClose(gap.value, 3);
    expectCloseInterval(gap.ci95, [0.19375863788893666, 5.806241362111063]);
  });

  it('rates: with events in one group only the interval exists (only the other count is 0)', () => {
    // 0 ‰ − 2 ‰ = −2; √(0 + 5/2500²) × 1000 = 0.894427; z × 0.894427 = 1.753048.
    const gap = educationEquity('per_1000', { short: rate(0, 4000), long: rate(5, 2500) }).gap;
    expectClose(gap.value, -2);
    expectCloseInterval(gap.ci95, [-2 - Z95 * Math.sqrt(5) / 2.5, -2 + Z95 * Math.sqrt(5) / 2.5]);
  });

  it('rates: the interval is null when both event counts are 0; the value is 0', () => {
    const gap = educationEquity('per_1000', { short: rate(0, 4000), long: rate(0, 2500) }).gap;
    expect(gap).toEqual({ value: 0, ci95: null });
  });
});

describe('ratio (SPEC §8.2)', () => {
  it('percent: exp(ln r ± z √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)) (2/10 against 5/10)', () => {
    // r = 20/50 = 0.4; SE = √(1/2 − 1/10 + 1/5 − 1/10) = √0.5 = 0.707107; z·SE = 1.385904;
    // 0.4·e^∓1.385904 = [0.100039, 1.599375].
    const ratio = educationEquity('percent', { short: percent(2, 10), long: percent(5, 10) }).ratio;
    expectClose(ratio.value, 0.4);
    expectCloseInterval(ratio.ci95, [0.10003906130396255, 1.5993752631669527]);
  });

  it('rates: exp(ln r ± z √(1/x₁ + 1/x₂)) (20/4000 against 5/2500)', () => {
    // r = 5/2 = 2.5; SE = √(1/20 + 1/5) = 0.5; e^(z·0.5) = 2.664408 → [0.938295, 6.661021].
    const ratio = educationEquity('per_1000', { short: rate(20, 4000), long: rate(5, 2500) }).ratio;
    expectClose(ratio.value, 2.5);
    expectCloseInterval(ratio.ci95, [0.9382946435329413, 6.661020653882245]);
  });

  it.each([
    ['percent, short 0', 'percent', percent(0, 10), percent(5, 10)],
    ['percent, long 0', 'percent', percent(2, 10), percent(0, 10)],
    ['rates, short 0', 'per_1000', rate(0, 4000), rate(5, 2500)],
    ['rates, long 0', 'per_1000', rate(20, 4000), rate(0, 2500)],
  ] as const)('value and interval are null when x₁ or x₂ is 0 (%s)', (_name, unit, short, long) => {
    expect(educationEquity(unit, { short, long }).ratio).toEqual({ value: null, ci95: null });
  });

  it('an interval exists when a group is at 100 % (1/x − 1/n = 0 for it)', () => {
    // short 10/10, long 5/10: r = 2; SE = √(0 + 1/5 − 1/10) = √0.1.
    const ratio = educationEquity('percent', { short: percent(10, 10), long: percent(5, 10) }).ratio;
    expectCloseInterval(ratio.ci95, [2 * Math.exp(-Z95 * Math.sqrt(0.1)), 2 * Math.exp(Z95 * Math.sqrt(0.1))]);
  });
});

describe('SII and RII by weighted least squares with the sandwich variance (SPEC §8.2)', () => {
  // Rates, worked by hand: populations n = (1000, 2000, 1000), events x = (10, 12, 2), so
  // y = (10, 6, 2) ‰, a = (0.25, 0.5, 0.25), b = (0.125, 0.5, 0.875).
  // XᵀAX = [[Σa, Σab], [Σab, Σab²]] = [[1, 0.5], [0.5, 0.3203125]], det = 0.0703125,
  // (XᵀAX)⁻¹ = [[0.3203125, −0.5], [−0.5, 1]] / 0.0703125 = [[4.555556, −7.111111], [−7.111111, 14.222222]].
  // M = (XᵀAX)⁻¹XᵀA, column i = ((XᵀAX)⁻¹ (1, b_i)ᵀ)·a_i:
  //   β₀ row d = ((4.555556 − 7.111111·0.125)·0.25, (4.555556 − 7.111111·0.5)·0.5, (4.555556 − 7.111111·0.875)·0.25)
  //            = (0.916667, 0.5, −0.416667)
  //   β₁ row c = ((−7.111111 + 14.222222·0.125)·0.25, 0, (−7.111111 + 14.222222·0.875)·0.25) = (−1.333333, 0, 1.333333)
  // β₀ = 9.166667 + 3 − 0.833333 = 11.333333; β₁ = −13.333333 + 2.666667 = −10.666667 (SII).
  // S = diag((1000√x/n)²) = diag(10, 3, 2). Var β₁ = Σc²s² = 1.777778·10 + 1.777778·2 = 21.333333;
  // Var β₀ = Σd²s² = 0.840278·10 + 0.25·3 + 0.173611·2 = 9.5; Cov = Σcd·s² = −12.222222 − 1.111111 = −13.333333.
  // SII 95 %: −10.666667 ∓ z·√21.333333 = −10.666667 ∓ 9.052685 → [−19.719353, −1.613981].
  // RII = (β₀ + β₁)/β₀ = 0.666667/11.333333 = 0.058824; g = (−β₁/β₀², 1/β₀) = (0.083045, 0.088235);
  // Var = 0.083045²·9.5 + 2·0.083045·0.088235·(−13.333333) + 0.088235²·21.333333 = 0.036206;
  // RII 95 %: 0.058824 ∓ z·0.190280 → [−0.314118, 0.431765].
  const equity = educationEquity('per_1000', { short: rate(10, 1000), medium: rate(12, 2000), long: rate(2, 1000) });

  it('SII = β₁ ± z √Var₁₁ (rates, three groups worked by hand)', () => {
    expectClose(equity.sii.value, -32 / 3);
    expectCloseInterval(equity.sii.ci95, [-19.71935253927604, -1.6139807940572908]);
  });

  it('RII = (β₀ + β₁)/β₀ with the delta-method interval (rates, three groups worked by hand)', () => {
    expectClose(equity.rii.value, 2 / 34);
    expectCloseInterval(equity.rii.ci95, [-0.3141183384861753, 0.431765397309705]);
  });

  it('percent standard errors are 100 √(p(1 − p)/n): with equal groups Var β₁ = Σc²se²', () => {
    // n = (10, 10, 10): a = (1/3, 1/3, 1/3), b = (1/6, 1/2, 5/6), b̄ = 1/2, Sbb = (1/3)(1/9 + 0 + 1/9) = 2/27.
    // c = a(b − b̄)/Sbb = (1/3)(∓1/3)·27/2 = (−1.5, 0, 1.5). x = (2, 5, 8): y = (20, 50, 80), β₁ = −30 + 120 = 90.
    // se² = 100²·p(1 − p)/10 = (160, 250, 160); Var β₁ = 2.25·160 + 2.25·160 = 720.
    const pct = educationEquity('percent', { short: percent(2, 10), medium: percent(5, 10), long: percent(8, 10) });
    expectClose(pct.sii.value, 90);
    expectCloseInterval(pct.sii.ci95, [90 - Z95 * Math.sqrt(720), 90 + Z95 * Math.sqrt(720)]);
    // β₀ = ȳ − β₁b̄ = 50 − 45 = 5; RII = 95/5 = 19.
    expectClose(pct.rii.value, 19);
  });

  it('RII is null when β₀ = 0 (rates proportional to b: y = 8b), while SII stands', () => {
    // x = (1, 8, 7) of n = (1000, 2000, 1000): y = (1, 4, 7) ‰ = 8·(0.125, 0.5, 0.875).
    // In floating point the least squares leave β₀ = 8.9e-16 here (RII would be ~9e15): a residue
    // below 1e-12 of the largest |y| counts as 0.
    const e = educationEquity('per_1000', { short: rate(1, 1000), medium: rate(8, 2000), long: rate(7, 1000) });
    expectClose(e.sii.value, 8);
    expect(e.sii.ci95).not.toBeNull();
    expect(e.rii).toEqual({ value: null, ci95: null });
  });

  it('RII has no interval when only one group has se > 0 (percent 0/10, 0/10, 5/10): RII −2.6 by hand, SII 75 keeps its interval', () => {
    // a = (⅓, ⅓, ⅓), b = (⅙, ½, ⅚), y = (0, 0, 50): β₁ = Σa(b − b̄)(y − ȳ) / Σa(b − b̄)² = 75,
    // β₀ = ȳ − β₁ b̄ = 16.667 − 37.5 = −20.833; RII = (β₀ + β₁)/β₀ = −2.6 whatever the one
    // random group's value, so the delta method would give a zero width (SPEC §8.2).
    const e = educationEquity('percent', { short: percent(0, 10), medium: percent(0, 10), long: percent(5, 10) });
    expectClose(e.sii.value, 75);
    expect(e.sii.ci95).not.toBeNull();
    expectClose(e.rii.value, -2.6);
    expect(e.rii.ci95).toBeNull();
  });

  it('RII has no interval when only one rate group has events (0, 0 and 5 of 1000 each), and one when two have', () => {
    const one = educationEquity('per_1000', { short: rate(0, 1000), medium: rate(0, 1000), long: rate(5, 1000) });
    expectClose(one.rii.value, -2.6);
    expect(one.rii.ci95).toBeNull();
    const two = educationEquity('per_1000', { short: rate(0, 1000), medium: rate(2, 1000), long: rate(5, 1000) });
    expect(two.rii.ci95).toHaveLength(2);
    expect(two.rii.ci95!.every(Number.isFinite)).toBe(true);
  });

  it('a group at 100 % has se 0 too: 10/10, 10/10, 5/10 gives RII without an interval', () => {
    const e = educationEquity('percent', { short: percent(10, 10), medium: percent(10, 10), long: percent(5, 10) });
    expect(e.rii.value).not.toBeNull();
    expect(e.rii.ci95).toBeNull();
  });

  it('rates: SII is 0 with a null interval, and RII null, when all three event counts are 0', () => {
    const e = educationEquity('per_1000', { short: rate(0, 1000), medium: rate(0, 2000), long: rate(0, 1000) });
    expect(e.sii).toEqual({ value: 0, ci95: null });
    expect(e.rii).toEqual({ value: null, ci95: null });
  });

  it('percent: with all three groups at 0 the SII interval exists ([0, 0]) and RII is null (β₀ = 0)', () => {
    const e = educationEquity('percent', { short: percent(0, 10), medium: percent(0, 20), long: percent(0, 10) });
    expect(e.sii).toEqual({ value: 0, ci95: [0, 0] });
    expect(e.rii).toEqual({ value: null, ci95: null });
  });
});

describe('null inputs (SPEC §8.2: any measure whose inputs are null or suppressed is null)', () => {
  const NULLS = { value: null, ci95: null };

  it('a suppressed medium group leaves gap and ratio but nulls SII and RII', () => {
    const e = educationEquity('percent', { short: percent(6, 20), medium: SUPPRESSED, long: percent(9, 12) });
    expect(e.gap.value).toBe(-45);
    expectClose(e.ratio.value, 0.4);
    expect(e.sii).toEqual(NULLS);
    expect(e.rii).toEqual(NULLS);
    expect(e.groups.medium).toEqual({ numerator: null, denominator: null, value: null });
  });

  it('a suppressed short (or long) group nulls every measure', () => {
    for (const groups of [
      { short: SUPPRESSED, medium: percent(8, 16), long: percent(9, 12) },
      { short: percent(6, 20), medium: percent(8, 16), long: SUPPRESSED },
    ]) {
      const e = educationEquity('percent', groups);
      expect([e.gap, e.ratio, e.sii, e.rii]).toEqual([NULLS, NULLS, NULLS, NULLS]);
    }
  });

  it('a suppressed flag nulls a measure even if counts were left in the cell', () => {
    const e = educationEquity('percent', { short: { ...percent(6, 20), suppressed: true }, long: percent(9, 12) });
    expect(e.gap).toEqual(NULLS);
  });

  it('a group missing from the breakdown is null in groups and nulls the measures that use it', () => {
    const e = educationEquity('percent', { short: percent(6, 20), medium: percent(8, 16) });
    expect(e.groups.long).toEqual({ numerator: null, denominator: null, value: null });
    expect([e.gap, e.ratio, e.sii, e.rii]).toEqual([NULLS, NULLS, NULLS, NULLS]);
  });

  it('a rate group with events but no inhabitants (value null) nulls the measures that use it', () => {
    const e = educationEquity('per_1000', { short: rate(3, 0), medium: rate(12, 2000), long: rate(2, 1000) });
    expect(e.groups.short).toEqual({ numerator: 3, denominator: 0, value: null });
    expect([e.gap, e.ratio, e.sii, e.rii]).toEqual([NULLS, NULLS, NULLS, NULLS]);
  });
});
