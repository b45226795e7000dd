// The JSON of `validate --format json` (SPEC §1.6, §11): every kept problem per file with a
// stable kebab-case `type` (as frictionless names its errors).

import { z } from 'zod';

export const ProblemTypeSchema = z
  .string()
  .regex(/^[a-z]+(-[a-z]+)*$/)
  .describe('stable kebab-case problem type: type-error, missing-column, duplicate-column, unique-error, encoding-error, …');

export const ValidationErrorSchema = z.strictObject({
  type: ProblemTypeSchema,
  /** Physical line (header = 1); null for a file-level problem without a line. */
  line: z.number().int().nullable(),
  /** Canonical column name, or null. */
  column: z.string().nullable(),
  /** The offending value, truncated to 40 characters, or null. */
  value: z.string().nullable(),
  message: z.string(),
});

export const ValidationFileSchema = z.strictObject({
  extract: z.string(),
  path: z.string(),
  rows: z.number().int(),
  errors: z.array(ValidationErrorSchema),
  /** All problems found, including those not listed in `errors`. */
  error_count: z.number().int(),
});

export const ValidationReportSchema = z.strictObject({
  files: z.array(ValidationFileSchema),
  ok: z.boolean(),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
