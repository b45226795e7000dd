// Building blocks of the JSON outputs (SPEC §4.1, §11): each output is declared once as a zod
// schema; the TypeScript types are derived from it (z.infer), the end-to-end tests parse the
// binary's real output strictly with it, and `triple-aim schema NAME` prints its JSON Schema.
// Objects are strict: a renamed or added field fails the parse, a dropped one too.

import { z } from 'zod';
import { DIMENSIONS } from '../calc/groups.js';
import { AIMS, type Aim } from '../domain/vocabulary.js';

export const AimSchema = z.enum(AIMS);
export type { Aim };

export const UnitSchema = z.enum(['percent', 'per_1000', 'count', 'dkk_per_capita']);
export type Unit = z.infer<typeof UnitSchema>;

export const DirectionSchema = z.enum(['higher_is_better', 'lower_is_better', 'none']);
export type Direction = z.infer<typeof DirectionSchema>;

export const DimensionSchema = z.enum(DIMENSIONS);

/** A breakdown group: `{}` is the total row; values are strings (`{ "municipality": "751" }`). */
export const GroupSchema = z.partialRecord(DimensionSchema, z.string());

/** A confidence interval [lower, upper]. */
export const IntervalSchema = z.tuple([z.number(), z.number()]);

/** Where the tool and its definitions come from (SPEC §4.1). */
export const ToolSchema = z.strictObject({
  name: z.literal('triple-aim'),
  version: z.string(),
  definition_version: z.string(),
});

/** One input file of a run (SPEC §4.1, §6.1). */
export const InputSchema = z.strictObject({
  extract: z.string(),
  path: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  rows_rejected: z.number().int(),
  /** SPEC §6.1, §14.1: what the file was read as. */
  encoding: z.enum(['utf8', 'cp1252', 'utf16le', 'utf16be']),
  /** SPEC §13.2: the extract's data end (ISO date): --data-end, else the latest of its event
   *  dates; null for extracts without event dates (population, measurements, baselines). */
  data_end: z.string().nullable(),
});

export const PeriodRefSchema = z.strictObject({
  id: z.string(),
  from: z.string().describe('first day, YYYY-MM-DD'),
  to: z.string().describe('last day, YYYY-MM-DD'),
});
