// Confidence intervals (SPEC §3.1, §6.3, §8.3), following PHEindicatormethods (UKHSA,
// R/utils.R: wilson_lower/upper, byars_lower/upper; R/Rates.R: exact below 10 events):
// Wilson score intervals for proportions; for counts behind rates, exact Poisson intervals
// below 10 events and Byar's approximation from 10 events. χ² quantiles come from @stdlib
// (maintained numerics) rather than a hand-written inverse gamma.

import { createRequire } from 'node:module';

/** @stdlib's χ² quantile, loaded at its first use: its few dozen small modules take about
 *  0.15 s to load, which a run without a rate interval (readmission-30d alone) need not pay
 *  (SPEC §12). */
let chisquare: ((p: number, k: number) => number) | null = null;
function chisquareQuantile(p: number, k: number): number {
  chisquare ??= createRequire(import.meta.url)('@stdlib/stats-base-dists-chisquare-quantile') as (p: number, k: number) => number;
  return chisquare(p, k);
}

/** qnorm(0.975), unrounded, for every 95 % interval (SPEC §6.3; §3.1's 1.959964 is superseded). */
export const Z95 = 1.959963984540054;

/** qnorm(0.999), for every 99.8 % interval (SPEC §6.3, §8.3). */
export const Z998 = 3.090232306167813;

export type Interval = [number, number];

/** The two confidence levels the SPEC uses: 95 % everywhere, 99.8 % for comparisons (§8.3). */
export type ConfidenceLevel = '95' | '99.8';

interface LevelConstants {
  /** The two-sided normal quantile, qnorm(1 − α/2). */
  z: number;
  /** α/2 and 1 − α/2: the χ² probabilities of the exact Poisson limits. */
  lowerTail: number;
  upperTail: number;
}

const LEVELS: Record<ConfidenceLevel, LevelConstants> = {
  '95': { z: Z95, lowerTail: 0.025, upperTail: 0.975 },
  '99.8': { z: Z998, lowerTail: 0.001, upperTail: 0.999 },
};

/** The normal quantile of a confidence level: Z95 or Z998. */
export function zOf(level: ConfidenceLevel): number {
  return LEVELS[level].z;
}

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

/**
 * Exact Poisson interval for a count: L = χ²(α/2; 2x)/2, U = χ²(1 − α/2; 2x+2)/2, i.e.
 * χ²(0.025; 2x)/2 … χ²(0.975; 2x+2)/2 at 95 % and χ²(0.001; 2x)/2 … χ²(0.999; 2x+2)/2 at
 * 99.8 % (SPEC §3.1, §8.3). L = 0 at x = 0.
 */
export function exactPoissonInterval(x: number, level: ConfidenceLevel = '95'): Interval {
  const { lowerTail, upperTail } = LEVELS[level];
  const lower = x === 0 ? 0 : chisquareQuantile(lowerTail, 2 * x) / 2;
  const upper = chisquareQuantile(upperTail, 2 * x + 2) / 2;
  return [lower, upper];
}

/**
 * Byar's approximation for a count x (Breslow & Day 1987; PHEindicatormethods byars_lower /
 * byars_upper): L = x(1 − 1/(9x) − z/(3√x))³, U = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³.
 * Meant for x ≥ 10; at very small x and high z the lower limit goes negative (PHE then
 * reports NA). Our callers never reach that: counts use the exact interval below 10 events
 * and a standardised rate is null below 10 (§8.1).
 */
export function byarInterval(x: number, z = Z95): Interval {
  const lower = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  const x1 = x + 1;
  const upper = x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
  return [lower, upper];
}

/** The interval of a count as PHEindicatormethods chooses it: exact below 10, Byar from 10. */
export function poissonCountInterval(x: number, level: ConfidenceLevel = '95'): Interval {
  return x < 10 ? exactPoissonInterval(x, level) : byarInterval(x, LEVELS[level].z);
}

/** A rate per 1000 inhabitants with the interval of its count scaled the same way. */
export function ratePer1000Interval(events: number, population: number, level: ConfidenceLevel = '95'): Interval | null {
  if (!(population > 0)) return null;
  const [l, u] = poissonCountInterval(events, level);
  return [(l / population) * 1000, (u / population) * 1000];
}
