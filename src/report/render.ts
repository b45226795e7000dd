// One door for every report type (issue 22): the compute report (SPEC §4), monitor's series
// (§7), evaluate's evaluation (§9), validate's report (§1.6), the catalogue of `indicators`
// and the profile differences of `definitions diff` (§14.3) are each rendered through a
// registry of one renderer per format, and a command offers exactly the formats of its
// registry (its keys), so a format cannot be offered without a renderer (as @arethetypeswrong/cli checks its formats against the renderer type). The annual
// report and a municipality's profile (§10, §13.9) are HTML only. The HTML renderers are loaded
// only when HTML is asked for: they bring vega, vega-lite and date-fns, whose loading is most
// of the start-up time of every other command (SPEC §12).

import type { DefinitionsDiffJson } from '../contracts/definitions.js';
import type { EvaluationReport } from '../contracts/evaluate.js';
import type { FileReport } from '../extracts/load.js';
import type { MonitorReport } from '../contracts/monitor.js';
import type { Report, Result } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { catalogueJson, catalogueMarkdown, catalogueTable, definitionText } from './catalogue.js';
import { renderCsv, type CsvDialect } from './csv.js';
import { renderDefinitionsMarkdown, renderDefinitionsTable } from './definitions.js';
import { renderEvaluationCsv, renderEvaluationJson, renderEvaluationMarkdown, renderEvaluationTable } from './evaluate.js';
import type { Lang, MunicipalityProfileModel, ReportHtmlModel } from './html/model.js';
import { renderJson, toJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { monitorHtmlModel, renderMonitorCsv, renderMonitorJson, renderMonitorMarkdown, renderMonitorTable } from './monitor.js';
import { renderTable } from './table.js';
import { renderValidationJson, renderValidationTable } from './validation.js';

/** The renderers of one report type, by format. */
type Registry<R, C> = Record<string, (report: R, context: C) => string | Promise<string>>;

/** The formats of a registry, in the order it lists them (the order `--help` shows). */
function formatsOf<T extends object>(registry: T): (keyof T & string)[] {
  return Object.keys(registry) as (keyof T & string)[];
}

// --- compute -----------------------------------------------------------------------------

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
} satisfies Registry<Report, RenderContext>;

export type ReportFormat = keyof typeof RENDERERS;
export const REPORT_FORMATS = formatsOf(RENDERERS);

export function renderReport(report: Report, format: ReportFormat, context: RenderContext): string {
  return RENDERERS[format](report, context);
}

// --- monitor -----------------------------------------------------------------------------

export interface MonitorRenderContext {
  /** Colour for the terminal table. */
  color: boolean;
  /** --lang of --format html (SPEC §13.6). */
  lang: Lang;
  /** The engine's results of the series' points: --format html shows the target of each
   *  series' last period. */
  results: readonly Result[];
  /** The indicators of the run's profile (SPEC §14.3): the charts' names and units. */
  catalogue: readonly IndicatorDefinition[];
}

const MONITOR_RENDERERS = {
  table: (report, c) => renderMonitorTable(report, { color: c.color }),
  json: (report) => renderMonitorJson(report),
  markdown: (report) => renderMonitorMarkdown(report),
  csv: (report) => renderMonitorCsv(report),
  html: async (report, c) => (await import('./html/index.js')).renderMonitorHtml(monitorHtmlModel(report, c.results, c.lang, c.catalogue)),
} satisfies Registry<MonitorReport, MonitorRenderContext>;

export type MonitorFormat = keyof typeof MONITOR_RENDERERS;
export const MONITOR_FORMATS = formatsOf(MONITOR_RENDERERS);

export function renderMonitor(report: MonitorReport, format: MonitorFormat, context: MonitorRenderContext): Promise<string> {
  return Promise.resolve(MONITOR_RENDERERS[format](report, context));
}

// --- evaluate ----------------------------------------------------------------------------

export interface EvaluationRenderContext {
  /** Colour for the terminal table. */
  color: boolean;
}

const EVALUATION_RENDERERS = {
  table: (report, c) => renderEvaluationTable(report, { color: c.color }),
  json: (report) => renderEvaluationJson(report),
  markdown: (report) => renderEvaluationMarkdown(report),
  csv: (report) => renderEvaluationCsv(report),
} satisfies Registry<EvaluationReport, EvaluationRenderContext>;

export type EvaluationFormat = keyof typeof EVALUATION_RENDERERS;
export const EVALUATION_FORMATS = formatsOf(EVALUATION_RENDERERS);

export function renderEvaluation(report: EvaluationReport, format: EvaluationFormat, context: EvaluationRenderContext): string {
  return EVALUATION_RENDERERS[format](report, context);
}

// --- report: the annual report and one municipality's profile (HTML only) -----------------

export async function renderAnnualReport(model: ReportHtmlModel): Promise<string> {
  return (await import('./html/index.js')).renderReportHtml(model);
}

export async function renderMunicipalityProfile(model: MunicipalityProfileModel): Promise<string> {
  return (await import('./html/index.js')).renderProfileHtml(model);
}

// --- validate (SPEC §1.6) ------------------------------------------------------------------

export interface ValidationRenderContext {
  /** Colour for the terminal table. */
  color: boolean;
  /** --max-errors: the problems the table lists per file. */
  maxErrors: number;
}

const VALIDATION_RENDERERS = {
  table: (files, c) => renderValidationTable(files, c.maxErrors, c.color),
  json: (files) => renderValidationJson(files),
} satisfies Registry<readonly FileReport[], ValidationRenderContext>;

export type ValidationFormat = keyof typeof VALIDATION_RENDERERS;
export const VALIDATION_FORMATS = formatsOf(VALIDATION_RENDERERS);

export function renderValidation(files: readonly FileReport[], format: ValidationFormat, context: ValidationRenderContext): string {
  return VALIDATION_RENDERERS[format](files, context);
}

// --- indicators: the catalogue (SPEC §3) -----------------------------------------------------

export interface CatalogueRenderContext {
  /** One indicator asked for by id: the table is its whole definition. */
  detailed: boolean;
  /** The profile's definition_version (SPEC §14.3), e.g. national-2023.1. */
  version: string;
}

const CATALOGUE_RENDERERS = {
  table: (list, c) => (c.detailed ? definitionText(list[0], c.version) : catalogueTable(list)),
  json: (list, c) => toJson(catalogueJson(list, c.version)),
  markdown: (list, c) => catalogueMarkdown(list, c.version),
} satisfies Registry<readonly IndicatorDefinition[], CatalogueRenderContext>;

export type CatalogueFormat = keyof typeof CATALOGUE_RENDERERS;
export const CATALOGUE_FORMATS = formatsOf(CATALOGUE_RENDERERS);

export function renderCatalogue(list: readonly IndicatorDefinition[], format: CatalogueFormat, context: CatalogueRenderContext): string {
  return CATALOGUE_RENDERERS[format](list, context);
}

// --- definitions diff: the profile differences (SPEC §14.3) ----------------------------------

const DEFINITIONS_RENDERERS = {
  table: (diff) => renderDefinitionsTable(diff),
  json: (diff) => toJson(diff),
  markdown: (diff) => renderDefinitionsMarkdown(diff),
} satisfies Registry<DefinitionsDiffJson, void>;

export type DefinitionsFormat = keyof typeof DEFINITIONS_RENDERERS;
export const DEFINITIONS_FORMATS = formatsOf(DEFINITIONS_RENDERERS);

export function renderDefinitions(diff: DefinitionsDiffJson, format: DefinitionsFormat): string {
  return DEFINITIONS_RENDERERS[format](diff);
}
