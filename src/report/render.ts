// The renderers of the compute report (SPEC §4), one per format. The list of formats is the
// keys of RENDERERS, so a format cannot be offered without a renderer (as
// @arethetypeswrong/cli checks its formats against the renderer type).

import type { Report } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { renderCsv, type CsvDialect } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export interface RenderContext {
  /** Colour for the terminal table (decided by the CLI: a TTY, no NO_COLOR, no --no-color). */
  color: boolean;
  catalogue: readonly IndicatorDefinition[];
  /** --details: the table shows each value's 95 % interval and numerator/denominator. */
  details?: boolean;
  /** --csv-dialect (default rfc). */
  csvDialect?: CsvDialect;
}

const RENDERERS = {
  table: (report, c) =>
    renderTable(report, { color: c.color, details: c.details, names: new Map(c.catalogue.map((i) => [i.id, i.nameEn])) }),
  json: (report) => renderJson(report),
  markdown: (report, c) => renderMarkdown(report, c.catalogue),
  csv: (report, c) => renderCsv(report, c.csvDialect),
} satisfies Record<string, (report: Report, context: RenderContext) => string>;

export type ReportFormat = keyof typeof RENDERERS;
export const REPORT_FORMATS = Object.keys(RENDERERS) as ReportFormat[];

export function renderReport(report: Report, format: ReportFormat, context: RenderContext): string {
  return RENDERERS[format](report, context);
}
