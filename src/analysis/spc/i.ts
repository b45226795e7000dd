// Individuals (XmR) chart (SPEC §7 `i`; Montgomery 6.33, qicharts2 `qic.i`, PowerBI-SPC
// `i.ts`): CL = the mean of the baseline values; σ = screened AMR of consecutive baseline
// values / 1.128; limits CL ± 3σ, not clipped (a DKK or count series may move anywhere).

import { D2, NO_CHART, screenedAverageMovingRange, type PhaseChart } from './limits.js';

/** The i chart of a phase; limits null with fewer than two baseline values or a constant baseline. */
export function iChart(baselineValues: readonly number[]): PhaseChart {
  if (baselineValues.length === 0) return NO_CHART;
  let sum = 0;
  for (const v of baselineValues) sum += v;
  const amr = screenedAverageMovingRange(baselineValues);
  return {
    center: sum / baselineValues.length,
    sigma: amr === null ? null : amr / D2,
    perDenominator: false,
    floor: null,
    ceiling: null,
  };
}
