// Comparison with the region (SPEC §8.3): the 99.8 % interval of a result and the level of a
// group against the value of the total row, as Fingertips compares areas with England
// (PHE Public Health Technical Guidance, "Comparisons with a benchmark": an interval wholly
// above or below the benchmark is significantly higher or lower, otherwise similar).

import { ratePer1000Interval, wilsonInterval, Z998, type Interval } from '../calc/statistics.js';
import type { Direction, Unit } from '../indicators/types.js';
import { MESSAGES, say } from '../domain/messages.js';

/** The fields of a result that its intervals come from. */
export interface IntervalSource {
  unit: Unit;
  numerator: number | null;
  denominator: number | null;
  ci95: Interval | null;
}

/**
 * The 99.8 % interval of a percent or per_1000 result (SPEC §8.3): Wilson with z = Z998 for
 * percent; for rates the exact χ²(0.001; 2x)/2 … χ²(0.999; 2x + 2)/2 below 10 events and Byar
 * with Z998 from 10, over the population × 1000. Null where ci95 is null and for other units.
 */
export function ci998(result: IntervalSource): Interval | null {
  const { unit, numerator, denominator, ci95 } = result;
  if (ci95 === null || numerator === null || denominator === null) return null;
  if (unit === 'percent') return wilsonInterval(numerator, denominator, Z998);
  if (unit === 'per_1000') return ratePer1000Interval(numerator, denominator, '99.8');
  return null;
}

export type ComparisonLevel = 'better' | 'worse' | 'similar' | 'higher' | 'lower';

/** Where an interval lies against a reference value. */
export type IntervalSide = 'above' | 'below' | 'overlaps';

/**
 * `above` / `below` when the interval lies wholly and strictly on that side of the reference;
 * a bound touching it within 1e-9 (relative, |a − b| ≤ 1e-9 · max(|a|, |b|), the SPEC's
 * tolerance of §3.4 and §7) overlaps it.
 */
export function intervalSide([lower, upper]: Interval, reference: number): IntervalSide {
  if (lower > reference && !nearlyEqual(lower, reference)) return 'above';
  if (upper < reference && !nearlyEqual(upper, reference)) return 'below';
  return 'overlaps';
}

/**
 * The level of a group's interval against the reference (the total row's value), SPEC §8.3:
 * `better` / `worse` by the indicator's direction, `higher` / `lower` when it has none,
 * `similar` when the interval overlaps or touches the reference. Null when the group's value
 * or the reference is null, and when the group has a value but no interval (a measured
 * value without counts) — there is nothing to set against the reference.
 */
export function comparisonLevel(
  value: number | null,
  interval: Interval | null,
  reference: number | null,
  direction: Direction,
): ComparisonLevel | null {
  if (value === null || reference === null || interval === null) return null;
  const side = intervalSide(interval, reference);
  if (side === 'overlaps') return 'similar';
  switch (direction) {
    case 'higher_is_better':
      return side === 'above' ? 'better' : 'worse';
    case 'lower_is_better':
      return side === 'below' ? 'better' : 'worse';
    case 'none':
      return side === 'above' ? 'higher' : 'lower';
  }
}

/**
 * SPEC §13.5: a group outside the region (a municipality not among its 19, the cluster
 * `Outside region`) is not compared: the extract holds only those of its residents who were
 * treated here, so its value is not the rate of a population.
 */
export const NOTE_OUTSIDE_REGION = say(MESSAGES.outsideRegion);

/**
 * SPEC §13.5 for the `unknown` municipality or cluster: residents whose municipality is not
 * recorded are no area at all, so there is nothing to compare with the region. (The SPEC asks
 * for "a fitting note of its own"; this is that note's wording.)
 */
export const NOTE_RESIDENCE_UNKNOWN = say(MESSAGES.residenceUnknown);

export interface Comparison {
  reference: number | null;
  level95: ComparisonLevel | null;
  level998: ComparisonLevel | null;
}

/** The `comparison` block of a non-total group (SPEC §8.3), from its two intervals. */
export function compareWithRegion(
  group: { value: number | null; ci95: Interval | null; ci998: Interval | null },
  reference: number | null,
  direction: Direction,
): Comparison {
  return {
    reference,
    level95: comparisonLevel(group.value, group.ci95, reference, direction),
    level998: comparisonLevel(group.value, group.ci998, reference, direction),
  };
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
