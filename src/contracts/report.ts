// The JSON report of `compute` (SPEC §4.1, with the fields of §3.4 and §4.4).

import { z } from 'zod';
import {
  AimSchema,
  DimensionSchema,
  DirectionSchema,
  GroupSchema,
  InputSchema,
  IntervalSchema,
  PeriodRefSchema,
  ToolSchema,
  UnitSchema,
} from './common.js';

export const StatusSchema = z.enum(['met', 'improving', 'worsening', 'unchanged', 'not_met', 'no_target', 'not_computed']);
export type Status = z.infer<typeof StatusSchema>;

/** SPEC §13.4: the target alone, whatever the baseline says (`status` mixes the two). */
export const TargetVerdictSchema = z.enum(['met', 'not_met', 'no_target']);
export type TargetVerdict = z.infer<typeof TargetVerdictSchema>;

export const BaselineRefSchema = z.strictObject({
  value: z.number(),
  period: z.string().nullable(),
  /** "data" (--baseline-period), "baselines.csv", or the catalogue's citation. */
  source: z.string(),
});
export type BaselineRef = z.infer<typeof BaselineRefSchema>;

export const TargetRefSchema = z.strictObject({
  /** The value to reach; for "increase over baseline" the baseline value to exceed. */
  value: z.number(),
  period: z.string().nullable(),
  /** at_least (higher is better), at_most (lower is better), above_baseline (increase over baseline). */
  rule: z.enum(['at_least', 'at_most', 'above_baseline']),
});
export type TargetRef = z.infer<typeof TargetRefSchema>;

export const ReasonCodeSchema = z.enum([
  'source-not-loaded',
  'column-missing',
  'no-measurement',
  'no-value',
  'zero-denominator',
  'no-population',
  'suppressed',
]);

/** Why a result has no value (status not_computed), as data. */
export const ReasonSchema = z.strictObject({ code: ReasonCodeSchema, message: z.string() });


const MeasureSchema = z.strictObject({ value: z.number().nullable(), ci95: IntervalSchema.nullable() });
const EducationGroupSchema = z.strictObject({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

/** `--equity` (SPEC §8.2): short − long gap, ratio, slope and relative index of inequality. */
export const EquitySchema = z.strictObject({
  gap: MeasureSchema,
  ratio: MeasureSchema,
  sii: MeasureSchema,
  rii: MeasureSchema,
  groups: z.strictObject({ short: EducationGroupSchema, medium: EducationGroupSchema, long: EducationGroupSchema }),
});

export const ComparisonLevelSchema = z.enum(['better', 'worse', 'similar', 'higher', 'lower']);

/** `--compare` (SPEC §8.3): a group's intervals set against the region's value. */
export const ComparisonSchema = z.strictObject({
  reference: z.number().nullable(),
  level95: ComparisonLevelSchema.nullable(),
  level998: ComparisonLevelSchema.nullable(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** `--standardize` (SPEC §8.1): the directly standardised rate per 1000 with Dobson's interval. */
export const StandardizedSchema = z.strictObject({
  value: z.number().nullable(),
  ci95: IntervalSchema.nullable(),
  /** The option's text: `esp2013`, `population:2015`. */
  standard: z.string(),
  method: z.literal('dobson'),
  /**
   * With --compare, every non-total group (SPEC §13.8): the DSR's 95 % and 99.8 % Dobson
   * intervals against the total row's DSR (levels null when either DSR is null); null, as the
   * crude `comparison`, for a group outside the region or of unknown residence (§13.5).
   */
  comparison: ComparisonSchema.nullable().optional(),
});
export type Standardized = z.infer<typeof StandardizedSchema>;

export const ResultSchema = z.strictObject({
  indicator: z.string(),
  aim: AimSchema,
  unit: UnitSchema,
  direction: DirectionSchema,
  period: z.string(),
  group: GroupSchema,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  ci95: IntervalSchema.nullable(),
  /** With --compare, percent and per_1000 results: the 99.8 % interval (SPEC §8.3). */
  ci998: IntervalSchema.nullable().optional(),
  suppressed: z.boolean(),
  baseline: BaselineRefSchema.nullable(),
  target: TargetRefSchema.nullable(),
  change: z.number().nullable(),
  change_pct: z.number().nullable(),
  status: StatusSchema,
  /** SPEC §13.4: met / not_met whenever a target applies and the value is not null. */
  target_verdict: TargetVerdictSchema,
  /** SPEC §13.2: the follow-up of the result (declared on the indicator: a fixed window after
   *  the period, or each denominator referral's own date) reaches past the data end of the
   *  indicator's source (`inputs[].data_end`); a note names both. Status is decided as usual. */
  provisional: z.boolean(),
  /** Set exactly when the value is null (status not_computed). */
  reason: ReasonSchema.nullable(),
  /** With --standardize, per_1000 results (null for groups with an age band). */
  standardized: StandardizedSchema.nullable().optional(),
  /** With --equity, percent and per_1000 results whose group has no education key. */
  equity: EquitySchema.optional(),
  /**
   * With --compare, every percent and per_1000 non-total group of a breakdown (SPEC §8.3); null,
   * with a note, for a municipality outside the region, the cluster `Outside region` and the
   * `unknown` municipality or cluster (SPEC §13.5). The reference stays the total row.
   */
  comparison: ComparisonSchema.nullable().optional(),
  notes: z.array(z.string()),
});
export type Result = z.infer<typeof ResultSchema>;

export const SuppressionSchema = z.strictObject({
  min_cell: z.number().int(),
  /** Results hidden because a count was between 1 and min_cell − 1. */
  primary: z.number().int(),
  /** Results hidden so that a primary one cannot be derived from the total. */
  complementary: z.number().int(),
  description: z.string(),
});
export type SuppressionRef = z.infer<typeof SuppressionSchema>;

export const ReportSchema = z.strictObject({
  schema_version: z.literal(1),
  tool: ToolSchema,
  /** Only when SOURCE_DATE_EPOCH is set (SPEC §4.1). */
  generated_at: z.string().optional(),
  inputs: z.array(InputSchema),
  periods: z.array(PeriodRefSchema),
  breakdown: z.array(DimensionSchema),
  suppression: SuppressionSchema,
  results: z.array(ResultSchema),
  warnings: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;
export type InputRef = z.infer<typeof InputSchema>;
export type PeriodRef = z.infer<typeof PeriodRefSchema>;
