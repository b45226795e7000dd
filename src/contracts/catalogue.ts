// The JSON of `indicators --format json` (SPEC §3.2, §11): the catalogue as data.

import { z } from 'zod';
import { AimSchema, DimensionSchema, DirectionSchema, GroupSchema, UnitSchema } from './common.js';

export const TargetRuleSchema = z.discriminatedUnion('kind', [
  /** A fixed value: met when value ≥ (higher is better) or ≤ (lower is better) it. */
  z.strictObject({ kind: z.literal('value'), value: z.number() }),
  /** The agreement's "an increase over the baseline": met when value > baseline. */
  z.strictObject({ kind: z.literal('increase_over_baseline') }),
  /** A target per calendar year; a period takes its start year's target, none outside. */
  z.strictObject({ kind: z.literal('by_year'), values: z.record(z.string().regex(/^\d{4}$/), z.number()) }),
]);

export const CatalogueEntrySchema = z.strictObject({
  id: z.string(),
  name_da: z.string(),
  name_en: z.string(),
  aim: AimSchema,
  section: z.string(),
  sources: z.array(z.string()),
  unit: UnitSchema,
  direction: DirectionSchema,
  baselines: z.array(
    z.strictObject({ group: GroupSchema, value: z.number(), period: z.string().nullable(), source: z.string() }),
  ),
  target: TargetRuleSchema.nullable(),
  dimensions: z.array(DimensionSchema),
  always_by: z.array(DimensionSchema),
  definition: z.string(),
  /** Extra reference material (e.g. the §3.3 diagnosis list), or null. */
  reference: z.string().nullable(),
});

export const CatalogueSchema = z.strictObject({
  definition_version: z.string(),
  indicators: z.array(CatalogueEntrySchema),
});
export type CatalogueJson = z.infer<typeof CatalogueSchema>;
