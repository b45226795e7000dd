// The effect of a project (SPEC §9 "Effects"): intervention against comparison, before against
// after. Percent, per_1000 and DKK per capita: difference in differences with a normal
// interval from the per-cell variances (binomial for percent, Poisson for rates). Counts: the
// ratio of rate ratios, whose log has the variance Σ 1/x of four Poisson counts (the ratio of
// two rate ratios, e.g. Altman & Bland, "Interaction revisited", BMJ 2003;326:219).

import { Z95, type Interval } from '../calc/statistics.js';
import type { Direction, Unit } from '../indicators/types.js';
import { intervalSide } from './comparison.js';

/** One cell of an evaluation: a `compute` result for one window and one side, suppression included. */
export interface EvaluationCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface EvaluationCells {
  intervention: { before: EvaluationCell; after: EvaluationCell };
  comparison: { before: EvaluationCell; after: EvaluationCell };
}

export type EffectMeasure = 'difference' | 'ratio';
export type Verdict = 'improvement' | 'deterioration' | 'no_clear_change';

export interface Effect {
  measure: EffectMeasure;
  change_intervention: number | null;
  change_comparison: number | null;
  did: number | null;
  ci95: Interval | null;
  verdict: Verdict | null;
}

/** The effect of one indicator from its four cells (SPEC §9). */
export function projectEffect(cells: EvaluationCells, unit: Unit, direction: Direction): Effect {
  return unit === 'count' ? ratioOfRateRatios(cells, direction) : differenceInDifferences(cells, unit, direction);
}

/**
 * Δ_I = I_after − I_before, Δ_C likewise, did = Δ_I − Δ_C; 95 % interval did ± z √(Σ var)
 * over the four cells, var = p(1 − p)/n × 100² (percent, p = x/n) or x/n² × 1000² (rates);
 * null for DKK per capita and when a cell is null (SPEC §9).
 */
function differenceInDifferences(cells: EvaluationCells, unit: Unit, direction: Direction): Effect {
  const { intervention: i, comparison: c } = cells;
  const changeIntervention = difference(i.after, i.before);
  const changeComparison = difference(c.after, c.before);
  const did = changeIntervention === null || changeComparison === null ? null : changeIntervention - changeComparison;
  let ci95: Interval | null = null;
  if (did !== null && unit !== 'dkk_per_capita') {
    const variances = [i.before, i.after, c.before, c.after].map((cell) => cellVariance(cell, unit));
    if (variances.every((v): v is number => v !== null)) {
      const half = Z95 * Math.sqrt(variances.reduce((s, v) => s + v, 0));
      ci95 = [did - half, did + half];
    }
  }
  return {
    measure: 'difference',
    change_intervention: changeIntervention,
    change_comparison: changeComparison,
    did,
    ci95,
    verdict: verdictOf(ci95, 0, direction),
  };
}

function difference(after: EvaluationCell, before: EvaluationCell): number | null {
  const a = valueOf(after);
  const b = valueOf(before);
  return a === null || b === null ? null : a - b;
}

/** The sampling variance of a cell's value on its own scale; null without counts. */
function cellVariance(cell: EvaluationCell, unit: Unit): number | null {
  const x = cell.suppressed ? null : cell.numerator;
  const n = cell.suppressed ? null : cell.denominator;
  if (x === null || n === null || !(n > 0)) return null;
  if (unit === 'percent') {
    const p = x / n;
    return ((p * (1 - p)) / n) * 100 ** 2;
  }
  return (x / n ** 2) * 1000 ** 2;
}

/**
 * Counts: did = (I_after / I_before) / (C_after / C_before) with interval
 * exp(ln did ± z √(1/I_b + 1/I_a + 1/C_b + 1/C_a)), both null when any count is 0;
 * change_intervention = I_after / I_before and change_comparison = C_after / C_before, null when
 * the before count is 0 (SPEC §9).
 */
function ratioOfRateRatios(cells: EvaluationCells, direction: Direction): Effect {
  const { intervention: i, comparison: c } = cells;
  const counts = [i.before, i.after, c.before, c.after].map(valueOf);
  const [ib, ia, cb, ca] = counts;
  const changeIntervention = ia === null || ib === null || ib === 0 ? null : ia / ib;
  const changeComparison = ca === null || cb === null || cb === 0 ? null : ca / cb;
  let did: number | null = null;
  let ci95: Interval | null = null;
  if (counts.every((x): x is number => x !== null && x > 0)) {
    did = changeIntervention! / changeComparison!;
    const half = Z95 * Math.sqrt(counts.reduce((s, x) => s + 1 / x, 0));
    ci95 = [Math.exp(Math.log(did) - half), Math.exp(Math.log(did) + half)];
  }
  return {
    measure: 'ratio',
    change_intervention: changeIntervention,
    change_comparison: changeComparison,
    did,
    ci95,
    verdict: verdictOf(ci95, 1, direction),
  };
}

function valueOf(cell: EvaluationCell): number | null {
  return cell.suppressed ? null : cell.value;
}

/**
 * `improvement` / `deterioration` when the interval excludes the no-change value (0 for a
 * difference, 1 for a ratio) on the better / worse side by direction; `no_clear_change` when
 * it contains or touches it; null without an interval (SPEC §9). An indicator without a
 * direction has no better side: a clear change then has no verdict (null).
 */
export function verdictOf(ci95: Interval | null, noChange: number, direction: Direction): Verdict | null {
  if (ci95 === null) return null;
  const side = intervalSide(ci95, noChange);
  if (side === 'overlaps') return 'no_clear_change';
  if (direction === 'none') return null;
  const better = direction === 'higher_is_better' ? 'above' : 'below';
  return side === better ? 'improvement' : 'deterioration';
}
