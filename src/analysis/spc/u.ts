// u chart for rates, per 1000 (SPEC §7 `u`; Montgomery 7.19, qicharts2 `qic.u`,
// PowerBI-SPC `u.ts`): CL = Σ events / Σ population of the baseline points (× 1000);
// s_i = √(ū/n_i); limits CL ± 3 s_i (× 1000), the lower clipped at 0.

import { NO_CHART, type Counts, type PhaseChart } from './limits.js';

/** Rate charts report events per 1000 inhabitants (SPEC §3.1). */
export const PER_1000 = 1000;

/** ū = Σ events / Σ population over the baseline points; null without any. Checks x ≥ 0, n > 0. */
export function pooledRate(baseline: readonly Counts[]): number | null {
  let events = 0;
  let exposure = 0;
  for (const { numerator, denominator } of baseline) {
    if (!(denominator > 0) || !(numerator >= 0)) {
      throw new RangeError(`a u chart needs numerator ≥ 0 and denominator > 0, not ${numerator}/${denominator}`);
    }
    events += numerator;
    exposure += denominator;
  }
  return exposure > 0 ? events / exposure : null;
}

/** The u chart of a phase. With ū = 0 the limits equal the CL (σ = 0; SPEC §7). */
export function uChart(baseline: readonly Counts[]): PhaseChart {
  const uBar = pooledRate(baseline);
  if (uBar === null) return NO_CHART;
  return {
    center: uBar * PER_1000,
    sigma: Math.sqrt(uBar) * PER_1000,
    perDenominator: true,
    floor: 0,
    ceiling: null,
  };
}
