// Laney's P′ and U′ charts (SPEC §7 `pp`, `up`; Laney 2002, qicharts2 `qic.pp`/`qic.up`,
// PowerBI-SPC `pprime.ts`/`uprime.ts`). Population denominators make plain p/u limits too
// narrow for over-dispersed series; Laney widens them by σ_z, the spread of the baseline
// points' z-scores between subgroups:
//   z_i = (y_i − CL)/s_i over the baseline points, σ_z = screened AMR of the z_i / 1.128,
//   limits CL ± 3 s_i σ_z, clipped as p (to [0, 100]) or u (lower at 0).

import { D2, NO_CHART, screenedAverageMovingRange, type Counts, type PhaseChart } from './limits.js';
import { PERCENT, pooledProportion } from './p.js';
import { PER_1000, pooledRate } from './u.js';

/**
 * σ_z of the baseline: z_i = (x_i/n_i − centre)/√(variance/n_i) in baseline order, then the
 * screened AMR / 1.128. Null when the z-scores are undefined (variance 0: p̄ ∈ {0, 1} or
 * ū = 0), there are fewer than two baseline points, or no moving range is left after
 * screening (a constant baseline) — SPEC §7: then pp and up limits are null.
 *
 * y_i is taken from the counts, not from the reported value, so that a constant baseline
 * (every x_i/n_i equal to Σx/Σn as a fraction) gives z_i = 0 exactly: IEEE division rounds
 * equal fractions to the same double.
 */
export function laneySigmaZ(baseline: readonly Counts[], centre: number, variance: number): number | null {
  if (!(variance > 0) || baseline.length < 2) return null;
  const z = new Array<number>(baseline.length);
  for (let i = 0; i < baseline.length; i++) {
    const { numerator, denominator } = baseline[i];
    z[i] = (numerator / denominator - centre) / Math.sqrt(variance / denominator);
  }
  const amr = screenedAverageMovingRange(z);
  return amr === null ? null : amr / D2;
}

/** Laney P′ chart of a phase, in percent. */
export function pPrimeChart(baseline: readonly Counts[]): PhaseChart {
  const pBar = pooledProportion(baseline);
  if (pBar === null) return NO_CHART;
  const variance = pBar * (1 - pBar);
  const sigmaZ = laneySigmaZ(baseline, pBar, variance);
  return {
    center: pBar * PERCENT,
    sigma: sigmaZ === null ? null : Math.sqrt(variance) * sigmaZ * PERCENT,
    perDenominator: true,
    floor: 0,
    ceiling: PERCENT,
  };
}

/** Laney U′ chart of a phase, per 1000. */
export function uPrimeChart(baseline: readonly Counts[]): PhaseChart {
  const uBar = pooledRate(baseline);
  if (uBar === null) return NO_CHART;
  const sigmaZ = laneySigmaZ(baseline, uBar, uBar);
  return {
    center: uBar * PER_1000,
    sigma: sigmaZ === null ? null : Math.sqrt(uBar) * sigmaZ * PER_1000,
    perDenominator: true,
    floor: 0,
    ceiling: null,
  };
}
