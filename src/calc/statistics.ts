// 95 % confidence intervals (SPEC §3.1), following PHEindicatormethods (UKHSA): Wilson score
// intervals for proportions; for counts behind rates, exact Poisson intervals below 10 events
// and Byar's approximation from 10 events. χ² quantiles come from @stdlib (maintained
// numerics) rather than a hand-written inverse gamma.

import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

/** The 97.5 % standard normal quantile, as the SPEC fixes it. */
export const Z95 = 1.959964;

export type Interval = [number, number];

/**
 * Wilson score interval for x successes of n, in percent:
 * (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)) × 100. Null when n = 0.
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  if (x < 0 || x > n) throw new RangeError(`numerator ${x} must be between 0 and the denominator ${n}`);
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const scale = 2 * (n + z2);
  // At x = 0 and x = n the bounds are exactly 0 and 100; the formula can miss by an ulp.
  const lower = x === 0 ? 0 : ((centre - spread) / scale) * 100;
  const upper = x === n ? 100 : ((centre + spread) / scale) * 100;
  return [lower, upper];
}

/** Exact Poisson interval for a count: L = χ²(0.025; 2x)/2, U = χ²(0.975; 2x+2)/2. */
export function exactPoissonInterval(x: number): Interval {
  const lower = x === 0 ? 0 : chisquareQuantile(0.025, 2 * x) / 2;
  const upper = chisquareQuantile(0.975, 2 * x + 2) / 2;
  return [lower, upper];
}

/**
 * Byar's approximation for a count x ≥ 10:
 * L = x(1 − 1/(9x) − z/(3√x))³, U = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³.
 */
export function byarInterval(x: number, z = Z95): Interval {
  const lower = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  const x1 = x + 1;
  const upper = x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
  return [lower, upper];
}

/** The interval of a count as PHEindicatormethods chooses it: exact below 10, Byar from 10. */
export function poissonCountInterval(x: number): Interval {
  return x < 10 ? exactPoissonInterval(x) : byarInterval(x);
}

/** A rate per 1000 inhabitants with the interval of its count scaled the same way. */
export function ratePer1000Interval(events: number, population: number): Interval | null {
  if (!(population > 0)) return null;
  const [l, u] = poissonCountInterval(events);
  return [(l / population) * 1000, (u / population) * 1000];
}
