// Types of the statistical process control analysis of one series (SPEC §7). The output
// types carry the SPEC's JSON field names (snake_case) so that `monitor` can embed them as
// they are; the inputs are the series' points as `compute` reports them.

/** The charts of `--chart` once `auto` is resolved (see chart.ts). */
export type ChartType = 'run' | 'p' | 'pp' | 'u' | 'up' | 'i';

/** An indicator's unit and direction, as declared in the output contract (src/contracts). */
import type { z } from 'zod';
import type { Direction, Unit } from '../../contracts/common.js';
import type { PhaseSchema, PointSchema, RunsSchema, Series, VariationSchema } from '../../contracts/monitor.js';
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
  /** SPEC §13.2: the period's follow-up is not over. Shown (its value counts for last_side),
   *  but like a gap no part of the centre line, limits, runs or sigma signals. */
  provisional?: boolean;
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

// The output types are the monitor contract's (src/contracts/monitor.ts), declared once there
// with the SPEC's JSON field names, so monitor embeds the analysis as it is.

/** The Anhøj rules over one phase (SPEC §7 "Runs analysis"); the four figures are null when n_useful = 0. */
export type RunsAnalysis = z.infer<typeof RunsSchema>;

/** A phase: its first and last period, `frozen_to` (the last baseline point when the first
 *  phase is frozen), its centre line (null without a baseline point), the runs analysis, and
 *  the periods of its points outside their limits. */
export type PhaseAnalysis = z.infer<typeof PhaseSchema>;

/** The SPC fields of one point (`phase` 1-based; `baseline`: used for the phase's centre line
 *  and limits; `center` on every point of the phase, gaps too; `sigma_signal`: strictly
 *  outside a limit); `monitor` merges period, counts, value, suppression and annotation. */
export type PointAnalysis = Pick<z.infer<typeof PointSchema>, 'phase' | 'baseline' | 'center' | 'lcl' | 'ucl' | 'sigma_signal'>;

export type Side = NonNullable<Series['last_side']>;

export type Variation = z.infer<typeof VariationSchema>;

export interface SeriesAnalysis {
  variation: Variation;
  last_side: Side | null;
  /** The last phase has a runs or a sigma signal. */
  signal: boolean;
  /** SPEC §13.1: the side of the evidence at the end of the last phase, null without it. */
  signal_side: 'above' | 'below' | null;
  phases: PhaseAnalysis[];
  /** One per input point, in input order. */
  points: PointAnalysis[];
}
