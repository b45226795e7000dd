import { describe, expect, it } from 'vitest';
import { crossingsMin, isOnCentre, longestRunMax, runsAnalysis } from '../../../src/analysis/spc/runs.js';

// Appendix 2 of the qicharts2 vignette, "Critical values for longest run and number of
// crossings" (anhoej/qicharts2, vignettes/qicharts2.Rmd, rendered in
// docs/articles/qicharts2.html at commit 1b9487e), the whole table:
// [number of useful observations, upper limit for longest run, lower limit for number of crossings]
const APPENDIX_2: ReadonlyArray<readonly [number, number, number]> = [
  [10, 6, 2], [11, 6, 2], [12, 7, 3], [13, 7, 3], [14, 7, 4], [15, 7, 4],
  [16, 7, 4], [17, 7, 5], [18, 7, 5], [19, 7, 6], [20, 7, 6], [21, 7, 6],
  [22, 7, 7], [23, 8, 7], [24, 8, 8], [25, 8, 8], [26, 8, 8], [27, 8, 9],
  [28, 8, 9], [29, 8, 10], [30, 8, 10], [31, 8, 11], [32, 8, 11], [33, 8, 11],
  [34, 8, 12], [35, 8, 12], [36, 8, 13], [37, 8, 13], [38, 8, 14], [39, 8, 14],
  [40, 8, 14], [41, 8, 15], [42, 8, 15], [43, 8, 16], [44, 8, 16], [45, 8, 17],
  [46, 9, 17], [47, 9, 17], [48, 9, 18], [49, 9, 18], [50, 9, 19], [51, 9, 19],
  [52, 9, 20], [53, 9, 20], [54, 9, 21], [55, 9, 21], [56, 9, 21], [57, 9, 22],
  [58, 9, 22], [59, 9, 23], [60, 9, 23], [61, 9, 24], [62, 9, 24], [63, 9, 25],
  [64, 9, 25], [65, 9, 25], [66, 9, 26], [67, 9, 26], [68, 9, 27], [69, 9, 27],
  [70, 9, 28], [71, 9, 28], [72, 9, 29], [73, 9, 29], [74, 9, 29], [75, 9, 30],
  [76, 9, 30], [77, 9, 31], [78, 9, 31], [79, 9, 32], [80, 9, 32], [81, 9, 33],
  [82, 9, 33], [83, 9, 34], [84, 9, 34], [85, 9, 34], [86, 9, 35], [87, 9, 35],
  [88, 9, 36], [89, 9, 36], [90, 9, 37], [91, 10, 37], [92, 10, 38], [93, 10, 38],
  [94, 10, 39], [95, 10, 39], [96, 10, 39], [97, 10, 40], [98, 10, 40], [99, 10, 41],
  [100, 10, 41],
];

describe('Anhøj critical values (SPEC §7; qicharts2 vignette, Appendix 2)', () => {
  it('the quoted table has every n from 10 to 100', () => {
    expect(APPENDIX_2.map(([n]) => n)).toEqual(Array.from({ length: 91 }, (_, i) => i + 10));
  });

  it.each(APPENDIX_2)('n = %i: longest run max %i, crossings min %i', (n, longest, crossings) => {
    expect(longestRunMax(n)).toBe(longest);
    expect(crossingsMin(n)).toBe(crossings);
  });

  it('crossings_min for n = 1 … 21 is qbinom(0.05, n − 1, 0.5) as R 4.2.2 prints it', () => {
    // R: qbinom(0.05, 0:20, 0.5) → 0 0 0 0 0 1 1 1 2 2 2 3 3 4 4 4 5 5 6 6 6
    const r = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6];
    expect(r.map((_, i) => crossingsMin(i + 1))).toEqual(r);
  });

  it('crossings_min stays exact for thousands of points (R 4.2.2 qbinom for 1000, 5000, 10000, 20001 trials)', () => {
    // R: qbinom(0.05, c(1000, 5000, 10000, 20001), 0.5) → 474 2442 4918 9884.
    // 2^−m underflows a double from m = 1075 on; the BigInt sum does not.
    expect(crossingsMin(1001)).toBe(474);
    expect(crossingsMin(5001)).toBe(2442);
    expect(crossingsMin(10001)).toBe(4918);
    expect(crossingsMin(20002)).toBe(9884);
  });

  it('crossings_min is the smallest c with P(X ≤ c) ≥ 0.05 for Bin(15, ½): 4 (worked example 4, run 1)', () => {
    // P(X ≤ 3) = (1 + 15 + 105 + 455)/32768 = 576/32768 = 0.01758 < 0.05;
    // P(X ≤ 4) = (576 + 1365)/32768 = 1941/32768 = 0.05923 ≥ 0.05.
    expect(crossingsMin(16)).toBe(4);
  });

  it('longest_run_max = round(log₂ n) + 3; log₂ n is never a half-integer, so R rounding half to even never matters', () => {
    // For n up to 100 000 the floating-point log is far from any .5 (the distance is at
    // least about 0.7/n²), so Math.round gives the reference; the exact integer formula
    // must agree everywhere. round(log₂ 16) = 4, round(log₂ 19 = 4.248) = 4, round(log₂ 23 = 4.524) = 5.
    expect(longestRunMax(1)).toBe(3);
    expect(longestRunMax(16)).toBe(7);
    expect(longestRunMax(19)).toBe(7);
    expect(longestRunMax(23)).toBe(8);
    for (let n = 1; n <= 100_000; n++) {
      if (longestRunMax(n) !== Math.round(Math.log2(n)) + 3) throw new Error(`longestRunMax(${n}) is wrong`);
    }
    // Powers of two are exact integers (k, not k − ε): n = 2^20 → 20 + 3.
    expect(longestRunMax(2 ** 20)).toBe(23);
    // 2^(k+½) lies between two integers: 2^10.5 = 1448.15… → n = 1448 rounds down, 1449 up.
    expect(longestRunMax(1448)).toBe(13);
    expect(longestRunMax(1449)).toBe(14);
  });

  it('refuses a count below 1', () => {
    expect(() => crossingsMin(0)).toThrow(/at least 1/);
    expect(() => longestRunMax(2.5)).toThrow(/integer/);
  });
});

describe('Runs analysis (SPEC §7)', () => {
  it('drops points on the CL: they neither count nor break a run (worked example 4, run 1)', () => {
    // The 19 values against the median 75: three equal 75 and are dropped, n_useful 16.
    // Signs − − − − (75) − (gap) − − (75) − − | + + + + + + (75) +: a run of 9 minuses,
    // 1 crossing. Max round(log₂ 16) + 3 = 7, min qbinom(0.05, 15, ½) = 4 → signal.
    const values = [60, 63.64, 55.56, 66.67, 75, 18.75, 70, 66.67, 75, 62.5, 63.64, 90, 83.33, 88.89, 91.67, 87.5, 81.82, 75, 90.91];
    expect(runsAnalysis(values, 75)).toEqual({
      n_useful: 16,
      longest_run: 9,
      longest_run_max: 7,
      crossings: 1,
      crossings_min: 4,
      signal: true,
    });
  });

  it('"on the CL" means |v − CL| ≤ 1e-9 · max(|v|, |CL|)', () => {
    expect(isOnCentre(100 * (1 + 5e-10), 100)).toBe(true);
    expect(isOnCentre(100 * (1 + 2e-9), 100)).toBe(false);
    expect(isOnCentre(100 * (1 - 2e-9), 100)).toBe(false);
    expect(isOnCentre(0, 0)).toBe(true);
    expect(isOnCentre(1e-300, 0)).toBe(false); // relative: nothing but 0 is on a CL of 0
    // 70 + 1e-8 against 70: |Δ| = 1e-8 ≤ 1e-9 · 70 = 7e-8, so it is on the line and dropped.
    expect(runsAnalysis([70 + 1e-8, 71], 70).n_useful).toBe(1);
  });

  it('a run ends at a sign change, and a run of exactly longest_run_max is no signal', () => {
    // n = 10: max round(log₂ 10 = 3.32) + 3 = 6, min qbinom(0.05, 9, ½) = 2 (Appendix 2).
    // Signs + + + + + + − − − −: longest 6 = max (not above), crossings 1 < 2 → signal by crossings only.
    const tooFewCrossings = runsAnalysis([2, 2, 2, 2, 2, 2, 0, 0, 0, 0], 1);
    expect(tooFewCrossings).toMatchObject({ n_useful: 10, longest_run: 6, longest_run_max: 6, crossings: 1, crossings_min: 2, signal: true });
    // Signs + + + + + + − + − −: longest 6, crossings 3 ≥ 2 → no signal.
    expect(runsAnalysis([2, 2, 2, 2, 2, 2, 0, 2, 0, 0], 1)).toMatchObject({ longest_run: 6, crossings: 3, signal: false });
    // Signs + × 7, − + −: longest 7 > 6 → signal although crossings 3 ≥ 2.
    expect(runsAnalysis([2, 2, 2, 2, 2, 2, 2, 0, 2, 0], 1)).toMatchObject({ longest_run: 7, crossings: 3, signal: true });
  });

  it('crossings equal to crossings_min are no signal', () => {
    // n = 10, min 2: + + + + + − − − − + has 2 crossings = min, longest 5 ≤ 6: no signal.
    expect(runsAnalysis([2, 2, 2, 2, 2, 0, 0, 0, 0, 2], 1)).toMatchObject({ crossings: 2, crossings_min: 2, longest_run: 5, signal: false });
  });

  it('n_useful = 0 (every point on the CL, or none) gives four null figures and no signal', () => {
    const none = { n_useful: 0, longest_run: null, longest_run_max: null, crossings: null, crossings_min: null, signal: false };
    expect(runsAnalysis([5, 5, 5], 5)).toEqual(none);
    expect(runsAnalysis([], 5)).toEqual(none);
  });

  it('a phase without a CL has n_useful 0 and no signal', () => {
    expect(runsAnalysis([1, 2, 3], null)).toMatchObject({ n_useful: 0, longest_run: null, signal: false });
  });

  it('n_useful = 1 follows the formulas: longest run 1 ≤ 3, crossings 0 ≥ 0, no signal', () => {
    // One useful point is one run of length 1 and has no sign change: longest_run 1,
    // crossings 0. longest_run_max = round(log₂ 1) + 3 = 0 + 3 = 3. crossings_min: X ~
    // Bin(0, ½) is 0 with certainty, P(X ≤ 0) = 1 ≥ 0.05, so c = 0 (R: qbinom(0.05, 0, 0.5)
    // = 0). 1 > 3 is false and 0 < 0 is false: no signal.
    expect(runsAnalysis([7], 5)).toEqual({ n_useful: 1, longest_run: 1, longest_run_max: 3, crossings: 0, crossings_min: 0, signal: false });
  });

  it('n_useful = 2 on opposite sides: one crossing, no signal', () => {
    // max round(log₂ 2) + 3 = 4; min qbinom(0.05, 1, ½) = 0 (P(X ≤ 0) = ½).
    expect(runsAnalysis([7, 3], 5)).toEqual({ n_useful: 2, longest_run: 1, longest_run_max: 4, crossings: 1, crossings_min: 0, signal: false });
  });
});
