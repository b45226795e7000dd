// The JSON of `monitor` (SPEC §7): a series per indicator and group, with the phases' centre
// lines, runs analysis and sigma signals, and every point with its limits.

import { z } from 'zod';
import {
  AimSchema,
  DimensionSchema,
  DirectionSchema,
  GroupSchema,
  InputSchema,
  PeriodRefSchema,
  ToolSchema,
  UnitSchema,
} from './common.js';
import { SuppressionSchema } from './report.js';

export const ChartSchema = z.enum(['run', 'p', 'pp', 'u', 'up', 'i']);

export const RunsSchema = z.strictObject({
  n_useful: z.number().int(),
  longest_run: z.number().int().nullable(),
  longest_run_max: z.number().int().nullable(),
  crossings: z.number().int().nullable(),
  crossings_min: z.number().int().nullable(),
  signal: z.boolean(),
});

export const PhaseSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** The last period of the frozen baseline (first phase with --freeze), else null. */
  frozen_to: z.string().nullable(),
  center: z.number().nullable(),
  runs: RunsSchema,
  sigma_signals: z.array(z.string()),
});

export const PointSchema = z.strictObject({
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  /** 1-based number of the point's phase. */
  phase: z.number().int(),
  /** The point was used for its phase's centre line and limits. */
  baseline: z.boolean(),
  center: z.number().nullable(),
  lcl: z.number().nullable(),
  ucl: z.number().nullable(),
  sigma_signal: z.boolean(),
  /** SPEC §13.2: the period's follow-up reaches past the data end (compute's `provisional`).
   *  Shown with its value, but no part of the centre line, limits, runs or sigma signals:
   *  `baseline` false, lcl/ucl null, `sigma_signal` false. */
  provisional: z.boolean(),
  annotation: z.string().nullable(),
});

/** SPEC §13.1: where the last phase ends — `insufficient_data` under 10 useful points;
 *  `common_cause` without a signal; `improvement` / `concern` by the side of the evidence at
 *  the end (`signal_side`) and the direction; `special_cause` for a signal without evidence
 *  at the end or an indicator without direction. */
export const VariationSchema = z.enum(['common_cause', 'improvement', 'concern', 'special_cause', 'insufficient_data']);

/** SPEC §13.9 (NHS Making Data Count): will the process meet its target? `pass`: even the
 *  worse limit meets it; `fail`: not even the better one; `inconsistent`: between. */
export const AssuranceSchema = z.enum(['pass', 'fail', 'inconsistent']);
export type Assurance = z.infer<typeof AssuranceSchema>;

export const SeriesSchema = z.strictObject({
  indicator: z.string(),
  aim: AimSchema,
  unit: UnitSchema,
  direction: DirectionSchema,
  group: GroupSchema,
  chart: ChartSchema,
  variation: VariationSchema,
  last_side: z.enum(['above', 'below', 'on']).nullable(),
  signal: z.boolean(),
  /** SPEC §13.1: the side of the evidence at the end of the last phase (its last useful point,
   *  when a sigma signal or in a final run longer than longest_run_max), or null. */
  signal_side: z.enum(['above', 'below']).nullable(),
  /** SPEC §13.9: the target of the last period (if it applies to the series' period kind)
   *  against the limits of the last phase's last useful point; null without either. */
  assurance: AssuranceSchema.nullable(),
  phases: z.array(PhaseSchema),
  points: z.array(PointSchema),
  notes: z.array(z.string()),
});
export type Series = z.infer<typeof SeriesSchema>;
export type SeriesPoint = z.infer<typeof PointSchema>;

export const MonitorSchema = z.strictObject({
  schema_version: z.literal(1),
  tool: ToolSchema,
  generated_at: z.string().optional(),
  kind: z.literal('monitor'),
  inputs: z.array(InputSchema),
  /** The points' periods (months or quarters), in order. */
  periods: z.array(PeriodRefSchema),
  breakdown: z.array(DimensionSchema),
  /** --chart as asked (`auto` included); each series says the chart it got. */
  chart: z.enum(['run', 'p', 'pp', 'u', 'up', 'i', 'auto']),
  suppression: SuppressionSchema,
  series: z.array(SeriesSchema),
  warnings: z.array(z.string()),
});
export type MonitorReport = z.infer<typeof MonitorSchema>;
