// The JSON of `definitions diff A B --format json` (SPEC §14.3, §11): each rule that differs
// between two definition profiles, generated from their declarations
// (src/indicators/profile-diff.ts).

import { z } from 'zod';

export const ProfileRefSchema = z.strictObject({
  id: z.string(),
  /** The profile's tool.definition_version, e.g. national-2023.1. */
  version: z.string(),
});

export const RuleDifferenceSchema = z.strictObject({
  indicator: z.string(),
  /** What differs: the catalogue (an indicator in one profile only), the units, the window,
   *  an index rule or a readmission rule. */
  part: z.enum(['catalogue', 'units', 'window', 'index rule', 'readmission rule']),
  /** The rule's name (or the part's), as the audit writes it (SPEC §14.4). */
  rule: z.string(),
  /** The rule in profile A and in B, in words; null: not in that profile. */
  a: z.string().nullable(),
  b: z.string().nullable(),
});

export const DefinitionsDiffSchema = z.strictObject({
  a: ProfileRefSchema,
  b: ProfileRefSchema,
  differences: z.array(RuleDifferenceSchema),
});
export type DefinitionsDiffJson = z.infer<typeof DefinitionsDiffSchema>;
export type RuleDifference = z.infer<typeof RuleDifferenceSchema>;
