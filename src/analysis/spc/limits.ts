// What every chart type computes for a phase (SPEC §7 "Control charts"): a centre line and
// the recipe of its 3-sigma limits, and how a point's limits follow from it. One file per
// chart type builds a `PhaseChart` from the phase's baseline points (run.ts, p.ts, u.ts,
// laney.ts, i.ts), as PowerBI-SPC has one file per chart in `src/Limit Calculations/`.

/** A baseline point of a p, pp, u or up chart: its two counts (denominator > 0). */
export interface Counts {
  numerator: number;
  denominator: number;
}

/** A point's 3-sigma limits, already clipped. */
export interface Limits {
  lcl: number;
  ucl: number;
}

/**
 * A phase's centre line and limits, in the chart's scale (percent for p/pp, per 1000 for
 * u/up, the values' own scale for run and i).
 *
 * A point's σ is `sigma / √n` (n its denominator) when `perDenominator` (p, pp, u, up:
 * s_i = √(p̄(1 − p̄)/n_i) = √(p̄(1 − p̄)) / √n_i), and `sigma` itself otherwise (i). Its
 * limits are CL ± 3σ, clipped to [`floor`, `ceiling`] where those are not null.
 */
export interface PhaseChart {
  /** Null when the phase has no baseline point. */
  center: number | null;
  /** Null when the chart draws no limits (run chart, and the degenerate cases of §7). */
  sigma: number | null;
  perDenominator: boolean;
  floor: number | null;
  ceiling: number | null;
}

/** A phase without a baseline point: no centre line, no limits (SPEC §7 "Run chart"). */
export const NO_CHART: PhaseChart = { center: null, sigma: null, perDenominator: false, floor: null, ceiling: null };

/**
 * The limits of one point with a value. `denominator` is the point's denominator for the
 * charts whose limits depend on it (null: the point has no counts, so it gets no limits —
 * SPEC §7: "lcl/ucl are null … for p/pp/u/up, for a point without numerator and
 * denominator"). Null when the chart draws no limits.
 */
export function limitsAt(chart: PhaseChart, denominator: number | null): Limits | null {
  if (chart.center === null || chart.sigma === null) return null;
  let sigma = chart.sigma;
  if (chart.perDenominator) {
    if (denominator === null || !(denominator > 0)) return null;
    sigma = chart.sigma / Math.sqrt(denominator);
  }
  let lcl = chart.center - 3 * sigma;
  let ucl = chart.center + 3 * sigma;
  if (chart.floor !== null && lcl < chart.floor) lcl = chart.floor;
  if (chart.ceiling !== null && ucl > chart.ceiling) ucl = chart.ceiling;
  return { lcl, ucl };
}

/** A sigma signal: strictly above the upper or strictly below the lower limit (SPEC §7). */
export function isOutsideLimits(value: number, limits: Limits | null): boolean {
  return limits !== null && (value > limits.ucl || value < limits.lcl);
}

/** Moving ranges at or above this multiple of their mean are screened out (Nelson 1982; D₄ for n = 2). */
export const MOVING_RANGE_SCREEN = 3.267;

/** σ = AMR / d₂ with d₂ = 1.128 for ranges of two consecutive points (Montgomery, eq. 6.33). */
export const D2 = 1.128;

/**
 * The screened average moving range of a sequence (SPEC §7, `pp`/`up`/`i`): the ranges
 * |v_j − v_{j−1}| of consecutive entries, AMR their mean; ranges ≥ 3.267 × AMR are dropped
 * and AMR recomputed once (qicharts2 `qic.i`, PowerBI-SPC `i.ts` with outliers screened).
 *
 * "Consecutive" is in the list given: the caller passes the baseline points with a value,
 * so a gap does not break the sequence (the SPEC deliberately differs from qicharts2 here).
 * Null when there are fewer than two entries or no range is left after screening — the
 * latter happens exactly when every range is 0 (a constant baseline): with AMR > 0 the
 * smallest range is ≤ AMR < 3.267 × AMR and stays.
 */
export function screenedAverageMovingRange(sequence: readonly number[]): number | null {
  const count = sequence.length - 1;
  if (count < 1) return null;
  let sum = 0;
  for (let j = 1; j <= count; j++) sum += Math.abs(sequence[j] - sequence[j - 1]);
  const screen = MOVING_RANGE_SCREEN * (sum / count);
  let kept = 0;
  let keptSum = 0;
  for (let j = 1; j <= count; j++) {
    const range = Math.abs(sequence[j] - sequence[j - 1]);
    if (range < screen) {
      kept += 1;
      keptSum += range;
    }
  }
  return kept === 0 ? null : keptSum / kept;
}
