// Every JSON output of the tool, by the name `triple-aim schema NAME` takes (SPEC §11).

import { z } from 'zod';
import { CatalogueSchema } from './catalogue.js';
import { DefinitionsDiffSchema } from './definitions.js';
import { EvaluationSchema } from './evaluate.js';
import { MonitorSchema } from './monitor.js';
import { ReportSchema } from './report.js';
import { ValidationReportSchema } from './validate.js';
import type { OutputName } from './names.js';

export { OUTPUT_NAMES, type OutputName } from './names.js';

export const OUTPUT_SCHEMAS: Record<OutputName, z.ZodType> = {
  /** `compute --format json` */
  report: ReportSchema,
  /** `validate --format json` */
  validate: ValidationReportSchema,
  /** `indicators --format json` */
  indicators: CatalogueSchema,
  /** `monitor --format json` */
  monitor: MonitorSchema,
  /** `evaluate --format json` */
  evaluate: EvaluationSchema,
  /** `definitions diff A B --format json` (SPEC §14.3) */
  definitions: DefinitionsDiffSchema,
};

/** The JSON Schema (draft 2020-12) of one output, as zod derives it. */
export function jsonSchemaOf(name: OutputName): Record<string, unknown> {
  return z.toJSONSchema(OUTPUT_SCHEMAS[name], { target: 'draft-2020-12' }) as Record<string, unknown>;
}
