// The Anhøj rules for non-random variation in a run or control chart (SPEC §7 "Runs
// analysis"), as qicharts2 computes them (R/helper.functions.R, `runs.analysis` and
// `crsignal`): an unusually long run (Schilling 2012) or unusually few crossings of the
// centre line (Chen 2010).

import type { RunsAnalysis } from './types.js';

/**
 * Whether a value counts as lying on the centre line: |v − CL| ≤ 1e-9 · max(|v|, |CL|)
 * (SPEC §7). Such points are dropped from the runs analysis, and a last point there is `on`.
 */
export function isOnCentre(value: number, center: number): boolean {
  return Math.abs(value - center) <= 1e-9 * Math.max(Math.abs(value), Math.abs(center));
}

/**
 * The upper limit for the longest run: round(log₂ n) + 3 (Schilling 2012; qicharts2).
 *
 * R's `round` rounds halves to even, but for an integer n ≥ 1 log₂ n is never a half-integer:
 * log₂ n = k + ½ would need n² = 2^(2k+1), and a square has an even power of 2. So any
 * rounding rule gives the same result. It is computed exactly on integers:
 * round(log₂ n) = ⌊log₂ n + ½⌋ = ⌊⌊log₂(2n²)⌋ / 2⌋, and ⌊log₂(2n²)⌋ = bit length of n², so
 * no floating-point logarithm can land on the wrong side for any n.
 */
export function longestRunMax(nUseful: number): number {
  requireCount(nUseful, 1, 'the number of useful observations');
  const square = BigInt(nUseful) * BigInt(nUseful);
  const bitLength = square.toString(2).length;
  return Math.floor(bitLength / 2) + 3;
}

/**
 * The lower limit for the number of crossings: the smallest c with P(X ≤ c) ≥ 0.05 for
 * X ~ Binomial(n − 1, ½), i.e. R's `qbinom(0.05, n - 1, 0.5)` (Chen 2010; qicharts2).
 *
 * Exact: P(X ≤ c) = Σ_{k≤c} C(m, k) / 2^m with m = n − 1, so the condition is
 * 20 · Σ_{k≤c} C(m, k) ≥ 2^m, decided on BigInt integers: no rounding, and no underflow of
 * 2^−m (a double underflows from m = 1075). P(X ≤ c) = 0.05 exactly is impossible (20·S = 2^m
 * would need 5 | 2^(m−2)). R searches in doubles with a fuzz factor (1 − 64ε), which could
 * only differ where P(X ≤ c) lies within ~1e-15 relative below 0.05; compared with R 4.2.2's
 * qbinom(0.05, m, 0.5) for every m = 0 … 20 000, the results are identical. Cost: c + 1 BigInt
 * steps of about m bits — quadratic in n, ~20 ms at n = 10 000, a few µs at n = 48.
 */
export function crossingsMin(nUseful: number): number {
  requireCount(nUseful, 1, 'the number of useful observations');
  const m = nUseful - 1;
  const twoToTheM = 1n << BigInt(m);
  let binomial = 1n; // C(m, c)
  let cumulative = 1n; // Σ_{k≤c} C(m, k)
  let c = 0;
  while (20n * cumulative < twoToTheM) {
    c += 1;
    binomial = (binomial * BigInt(m - c + 1)) / BigInt(c); // exact: C(m, c) = C(m, c−1)·(m−c+1)/c
    cumulative += binomial;
  }
  return c;
}

/**
 * The runs analysis of one phase: `values` are the phase's points with a value, in time
 * order; `center` the phase's CL (null when the phase has none, which gives n_useful 0).
 * Points on the CL are dropped; each other point has the sign of value − CL; the longest run
 * is the longest sequence of equal signs and the crossings the number of sign changes.
 */
export function runsAnalysis(values: readonly number[], center: number | null): RunsAnalysis {
  let nUseful = 0;
  let longestRun = 0;
  let crossings = 0;
  let currentRun = 0;
  let previousSign = 0;
  if (center !== null) {
    for (const value of values) {
      if (isOnCentre(value, center)) continue;
      const sign = value > center ? 1 : -1;
      nUseful += 1;
      if (sign === previousSign) currentRun += 1;
      else {
        if (previousSign !== 0) crossings += 1;
        currentRun = 1;
        previousSign = sign;
      }
      if (currentRun > longestRun) longestRun = currentRun;
    }
  }
  if (nUseful === 0) {
    return { n_useful: 0, longest_run: null, longest_run_max: null, crossings: null, crossings_min: null, signal: false };
  }
  const maxRun = longestRunMax(nUseful);
  const minCrossings = crossingsMin(nUseful);
  return {
    n_useful: nUseful,
    longest_run: longestRun,
    longest_run_max: maxRun,
    crossings,
    crossings_min: minCrossings,
    signal: longestRun > maxRun || crossings < minCrossings,
  };
}

function requireCount(n: number, min: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${what} must be an integer of at least ${min}, not ${n}`);
}
