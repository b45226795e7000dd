// p chart for proportions, in percent (SPEC §7 `p`; Montgomery 7.1, qicharts2 `qic.p`,
// PowerBI-SPC `p.ts`): CL = Σ numerators / Σ denominators of the baseline points (× 100);
// s_i = √(p̄(1 − p̄)/n_i); limits CL ± 3 s_i (× 100), clipped to [0, 100].

import { NO_CHART, type Counts, type PhaseChart } from './limits.js';

/** Percent charts report proportions × 100. */
export const PERCENT = 100;

/** p̄ = Σx / Σn over the baseline points; null without any. Checks 0 ≤ x ≤ n, n > 0. */
export function pooledProportion(baseline: readonly Counts[]): number | null {
  let events = 0;
  let trials = 0;
  for (const { numerator, denominator } of baseline) {
    if (!(denominator > 0) || !(numerator >= 0) || numerator > denominator) {
      throw new RangeError(`a p chart needs 0 ≤ numerator ≤ denominator and denominator > 0, not ${numerator}/${denominator}`);
    }
    events += numerator;
    trials += denominator;
  }
  return trials > 0 ? events / trials : null;
}

/**
 * The p chart of a phase. With p̄ = 0 or 1 the limits equal the CL (σ = 0), so any other
 * value is a sigma signal (SPEC §7).
 */
export function pChart(baseline: readonly Counts[]): PhaseChart {
  const pBar = pooledProportion(baseline);
  if (pBar === null) return NO_CHART;
  return {
    center: pBar * PERCENT,
    sigma: Math.sqrt(pBar * (1 - pBar)) * PERCENT,
    perDenominator: true,
    floor: 0,
    ceiling: PERCENT,
  };
}
