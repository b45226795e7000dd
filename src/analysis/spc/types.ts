// Types of the statistical process control analysis of one series (SPEC §7). The output
// types carry the SPEC's JSON field names (snake_case) so that `monitor` can embed them as
// they are; the inputs are the series' points as `compute` reports them.

/** The charts of `--chart` once `auto` is resolved (see chart.ts). */
export type ChartType = 'run' | 'p' | 'pp' | 'u' | 'up' | 'i';

/** An indicator's unit and direction, as declared in the output contract (src/contracts). */
import type { Direction, Unit } from '../../contracts/common.js';
export type { Direction, Unit };

/**
 * One point of a series as `compute` reports it (SPEC §7 "Series"): `value` in the
 * indicator's scale (percent, per 1000, count, DKK); null is a gap. `numerator` and
 * `denominator` as in the JSON (§3.1): both null for a measured value alone.
 */
export interface SeriesPointInput {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface SeriesSpec {
  /** Already resolved by `chartForUnit`: it must fit `unit`. */
  chart: ChartType;
  unit: Unit;
  direction: Direction;
  /** 0-based indices where phases 2, 3, … start (sorted, unique, each > 0 and < the number of points). */
  phaseStarts: readonly number[];
  /** 0-based index of the last point of the first phase's baseline (`--freeze`), inside phase 1; null: not frozen. */
  freezeTo: number | null;
}

/** The Anhøj rules over one phase (SPEC §7 "Runs analysis"); the four figures are null when n_useful = 0. */
export interface RunsAnalysis {
  n_useful: number;
  longest_run: number | null;
  longest_run_max: number | null;
  crossings: number | null;
  crossings_min: number | null;
  signal: boolean;
}

export interface PhaseAnalysis {
  /** Period of the phase's first and last point. */
  from: string;
  to: string;
  /** Period of the last baseline point when the phase is frozen (`--freeze`, first phase only). */
  frozen_to: string | null;
  /** The phase's centre line; null when the phase has no baseline point. */
  center: number | null;
  runs: RunsAnalysis;
  /** Periods of the phase's points outside their limits, in order. */
  sigma_signals: string[];
}

/** The SPC fields of one point; `monitor` merges period, counts, value, suppression and annotation. */
export interface PointAnalysis {
  /** 1-based number of the point's phase. */
  phase: number;
  /** The point was used for its phase's centre line and limits. */
  baseline: boolean;
  /** The phase's centre line, on every point of the phase (gaps too). */
  center: number | null;
  lcl: number | null;
  ucl: number | null;
  /** Strictly above `ucl` or strictly below `lcl`. */
  sigma_signal: boolean;
}

export type Side = 'above' | 'below' | 'on';

export type Variation = 'common_cause' | 'improvement' | 'concern' | 'special_cause';

export interface SeriesAnalysis {
  variation: Variation;
  last_side: Side | null;
  /** The last phase has a runs or a sigma signal. */
  signal: boolean;
  phases: PhaseAnalysis[];
  /** One per input point, in input order. */
  points: PointAnalysis[];
}
