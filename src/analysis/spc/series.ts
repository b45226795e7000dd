// The SPC analysis of one series (SPEC §7): phases, each with its baseline, centre line,
// limits, runs analysis and sigma signals, and the series' verdict (last_side, signal,
// variation). Pure: points and spec in, plain data out; linear in the number of points
// apart from the run chart's median sort.

import { pChart } from './p.js';
import { uChart } from './u.js';
import { pPrimeChart, uPrimeChart } from './laney.js';
import { iChart } from './i.js';
import { runChart } from './run.js';
import { chartFits } from './chart.js';
import { isOutsideLimits, limitsAt, type Counts, type PhaseChart } from './limits.js';
import { isOnCentre, runsAnalysis } from './runs.js';
import type {
  ChartType,
  Direction,
  PhaseAnalysis,
  PointAnalysis,
  SeriesAnalysis,
  SeriesPointInput,
  SeriesSpec,
  Side,
  Variation,
} from './types.js';

/** Charts whose centre line and limits come from numerators and denominators. */
export function isCountChart(chart: ChartType): chart is 'p' | 'pp' | 'u' | 'up' {
  return chart === 'p' || chart === 'pp' || chart === 'u' || chart === 'up';
}

/**
 * A point takes part in a count chart's centre line and limits only with both counts and a
 * positive denominator; a measured value alone (SPEC §7) has neither.
 */
export function countsOf(point: SeriesPointInput): Counts | null {
  const { numerator, denominator } = point;
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  return { numerator, denominator };
}

/** The phase's centre line and limit recipe from its baseline points. */
export function phaseChart(chart: ChartType, baselineValues: readonly number[], baselineCounts: readonly Counts[]): PhaseChart {
  switch (chart) {
    case 'run':
      return runChart(baselineValues);
    case 'i':
      return iChart(baselineValues);
    case 'p':
      return pChart(baselineCounts);
    case 'pp':
      return pPrimeChart(baselineCounts);
    case 'u':
      return uChart(baselineCounts);
    case 'up':
      return uPrimeChart(baselineCounts);
  }
}

/**
 * Analyse one series. `points` are the series' periods in time order; `spec.chart` must
 * already fit `spec.unit` (see `chartForUnit`). Returns one `PointAnalysis` per point and
 * one `PhaseAnalysis` per phase (none for an empty series).
 *
 * Baseline (SPEC §7 "Run chart"): "the baseline points are the phase's points with a value,
 * up to the freeze period when the first phase is frozen" — and, for p/pp/u/up, with a
 * numerator and denominator ("such points take part in the runs analysis but not in the
 * centre line or limits of those charts").
 *
 * Runs analysis: "for every chart type, per phase, over all the phase's points with a value,
 * against the phase's CL" — so a frozen first phase is analysed over all its points with a
 * value, the points after the freeze period included; `--freeze` changes only where the CL
 * and limits come from. qicharts2 does the same: `runs.analysis` takes every included
 * point of the part, the baseline (`freeze`) only feeds the CL (its Montgomery example 6.5,
 * `freeze = 20` of 40 points, reports n.useful 40).
 *
 * Provisional points (SPEC §13.2) are shown but not useful: like a gap they take no part in
 * the centre line, the limits, the runs analysis or the sigma signals (`baseline` false,
 * lcl/ucl null, `sigma_signal` false); only `last_side` (§7) still reads their value.
 * `signal_side` and `variation` follow SPEC §13.1 (see `evidenceSide`, `variationOf`).
 */
export function analyseSeries(points: readonly SeriesPointInput[], spec: SeriesSpec): SeriesAnalysis {
  checkSpec(points, spec);
  const n = points.length;
  const countChart = isCountChart(spec.chart);
  const pointResults = new Array<PointAnalysis>(n);
  const phases: PhaseAnalysis[] = [];
  const phaseCount = n === 0 ? 0 : spec.phaseStarts.length + 1;

  for (let k = 0; k < phaseCount; k++) {
    const start = k === 0 ? 0 : spec.phaseStarts[k - 1];
    const end = k < spec.phaseStarts.length ? spec.phaseStarts[k] : n;
    const frozen = k === 0 && spec.freezeTo !== null;
    const baselineEnd = frozen ? spec.freezeTo! + 1 : end;

    const valued: number[] = [];
    const baselineValues: number[] = [];
    const baselineCounts: Counts[] = [];
    const isBaseline = new Array<boolean>(end - start).fill(false);
    for (let i = start; i < end; i++) {
      const value = points[i].value;
      // SPEC §13.2: a provisional point is not useful, like a gap.
      if (value === null || points[i].provisional === true) continue;
      valued.push(value);
      if (i >= baselineEnd) continue;
      if (countChart) {
        const counts = countsOf(points[i]);
        if (counts === null) continue;
        baselineCounts.push(counts);
      }
      baselineValues.push(value);
      isBaseline[i - start] = true;
    }

    const chart = phaseChart(spec.chart, baselineValues, baselineCounts);
    const sigmaSignals: string[] = [];
    for (let i = start; i < end; i++) {
      const point = points[i];
      const useful = point.value !== null && point.provisional !== true;
      const limits = !useful ? null : limitsAt(chart, countChart ? (countsOf(point)?.denominator ?? null) : null);
      const signal = useful && isOutsideLimits(point.value!, limits);
      if (signal) sigmaSignals.push(point.period);
      pointResults[i] = {
        phase: k + 1,
        baseline: isBaseline[i - start],
        center: chart.center,
        lcl: limits?.lcl ?? null,
        ucl: limits?.ucl ?? null,
        sigma_signal: signal,
      };
    }

    phases.push({
      from: points[start].period,
      to: points[end - 1].period,
      frozen_to: frozen ? points[spec.freezeTo!].period : null,
      center: chart.center,
      runs: runsAnalysis(valued, chart.center),
      sigma_signals: sigmaSignals,
    });
  }

  const lastSide = lastPointSide(points, pointResults);
  const lastPhase = phases[phases.length - 1];
  const signal = lastPhase !== undefined && (lastPhase.runs.signal || lastPhase.sigma_signals.length > 0);
  const lastPhaseStart = spec.phaseStarts.length > 0 ? spec.phaseStarts[spec.phaseStarts.length - 1] : 0;
  const signalSide = lastPhase === undefined ? null : evidenceSide(points, pointResults, lastPhaseStart, lastPhase);
  return {
    variation: variationOf(signal, signalSide, spec.direction, lastPhase?.runs.n_useful ?? 0),
    last_side: lastSide,
    signal,
    signal_side: signalSide,
    phases,
    points: pointResults,
  };
}

/**
 * SPEC §13.1, the evidence at the end of the last phase: its last useful point (a value, not
 * provisional) is evidence when it is a sigma signal, or when it belongs to the phase's final
 * run and that run is longer than longest_run_max. The final run is counted over useful points
 * as the runs analysis counts them: points on the CL are dropped and do not break it. Returns
 * the point's side when it is evidence, null otherwise (also when it lies on the CL: it is
 * then in no run and inside its limits).
 */
function evidenceSide(
  points: readonly SeriesPointInput[],
  results: readonly PointAnalysis[],
  phaseStart: number,
  phase: PhaseAnalysis,
): 'above' | 'below' | null {
  const center = phase.center;
  if (center === null) return null;
  let last = -1;
  for (let i = points.length - 1; i >= phaseStart; i--) {
    if (points[i].value !== null && points[i].provisional !== true) {
      last = i;
      break;
    }
  }
  if (last < 0) return null;
  const value = points[last].value!;
  if (isOnCentre(value, center)) return null;
  const side = value > center ? 'above' : 'below';
  if (results[last].sigma_signal) return side;
  const maxRun = phase.runs.longest_run_max;
  if (maxRun === null) return null;
  let run = 0;
  for (let i = last; i >= phaseStart; i--) {
    const v = points[i].value;
    if (v === null || points[i].provisional === true || isOnCentre(v, center)) continue;
    if ((v > center ? 'above' : 'below') !== side) break;
    run += 1;
  }
  return run > maxRun ? side : null;
}

/**
 * The side of the series' last point with a value relative to its phase's CL; null when no
 * point has a value or that phase has no CL. "On" uses the runs analysis's tolerance
 * (|v − CL| ≤ 1e-9 · max(|v|, |CL|)), so a last point dropped from the runs as lying on the
 * CL is also `on` here.
 */
function lastPointSide(points: readonly SeriesPointInput[], results: readonly PointAnalysis[]): Side | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const value = points[i].value;
    if (value === null) continue;
    const center = results[i].center;
    if (center === null) return null;
    if (isOnCentre(value, center)) return 'on';
    return value > center ? 'above' : 'below';
  }
  return null;
}

/** SPEC §13.1: fewer useful points than this in the last phase are too few to call. */
export const MIN_USEFUL_POINTS = 10;

/**
 * SPEC §13.1 (amending §7 "Variation"): `insufficient_data` with fewer than 10 useful points
 * in the last phase; otherwise common cause without a signal in the last phase; with one,
 * improvement or concern as the evidence at the phase's end (`signalSide`) lies on the
 * indicator's better or worse side, and special cause when there is no such evidence (an old
 * outlier, an earlier run, too few crossings) or the indicator has no direction. `last_side`
 * plays no part.
 */
export function variationOf(signal: boolean, signalSide: 'above' | 'below' | null, direction: Direction, nUseful: number): Variation {
  if (nUseful < MIN_USEFUL_POINTS) return 'insufficient_data';
  if (!signal) return 'common_cause';
  if (direction === 'none' || signalSide === null) return 'special_cause';
  const better: Side = direction === 'higher_is_better' ? 'above' : 'below';
  return signalSide === better ? 'improvement' : 'concern';
}

/** Programming errors of the caller (`monitor` validates the user's options first). */
function checkSpec(points: readonly SeriesPointInput[], spec: SeriesSpec): void {
  const n = points.length;
  if (!chartFits(spec.chart, spec.unit)) {
    throw new RangeError(`chart ${spec.chart} does not fit unit ${spec.unit}; resolve it with chartForUnit first`);
  }
  let previous = 0;
  for (const start of spec.phaseStarts) {
    if (!Number.isInteger(start) || start <= previous || start >= n) {
      throw new RangeError(`phase starts must be increasing indices between 1 and ${n - 1}, not ${spec.phaseStarts.join(', ')}`);
    }
    previous = start;
  }
  if (spec.freezeTo !== null) {
    const firstPhaseEnd = spec.phaseStarts.length > 0 ? spec.phaseStarts[0] : n;
    if (!Number.isInteger(spec.freezeTo) || spec.freezeTo < 0 || spec.freezeTo >= firstPhaseEnd) {
      throw new RangeError(`the freeze index ${spec.freezeTo} must lie in the first phase (0 to ${firstPhaseEnd - 1})`);
    }
  }
  for (const point of points) {
    if (point.value !== null && !Number.isFinite(point.value)) {
      throw new RangeError(`the value of ${point.period} must be a finite number or null, not ${point.value}`);
    }
  }
}
