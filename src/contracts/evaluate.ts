// The JSON of `evaluate` (SPEC §9): a project's effect per indicator — the four cells
// (intervention/comparison × before/after), the changes, the difference in differences (or
// the ratio of rate ratios for counts) with its 95 % interval, and the verdict.

import { z } from 'zod';
import { AimSchema, DirectionSchema, GroupSchema, InputSchema, IntervalSchema, ToolSchema, UnitSchema } from './common.js';
import { SuppressionSchema } from './report.js';

export const EvaluationCellSchema = z.strictObject({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

const ArmSchema = z.strictObject({ before: EvaluationCellSchema, after: EvaluationCellSchema });

export const EffectSchema = z.strictObject({
  indicator: z.string(),
  aim: AimSchema,
  unit: UnitSchema,
  direction: DirectionSchema,
  /** difference (percent, per_1000, dkk_per_capita) or ratio (count). */
  measure: z.enum(['difference', 'ratio']),
  cells: z.strictObject({ intervention: ArmSchema, comparison: ArmSchema }),
  change_intervention: z.number().nullable(),
  change_comparison: z.number().nullable(),
  did: z.number().nullable(),
  ci95: IntervalSchema.nullable(),
  verdict: z.enum(['improvement', 'deterioration', 'no_clear_change']).nullable(),
  notes: z.array(z.string()),
});
export type Effect = z.infer<typeof EffectSchema>;

const WindowSchema = z.strictObject({ from: z.string(), to: z.string() });

export const EvaluationSchema = z.strictObject({
  schema_version: z.literal(1),
  tool: ToolSchema,
  generated_at: z.string().optional(),
  kind: z.literal('evaluate'),
  inputs: z.array(InputSchema),
  intervention: GroupSchema,
  comparison: z.union([z.literal('rest'), GroupSchema]),
  windows: z.strictObject({ before: WindowSchema, after: WindowSchema }),
  suppression: SuppressionSchema,
  effects: z.array(EffectSchema),
  not_evaluated: z.array(z.strictObject({ indicator: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
});
export type EvaluationReport = z.infer<typeof EvaluationSchema>;
