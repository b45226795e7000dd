// One way to render (issue 22): compute, monitor, evaluate, validate and indicators each render
// through a registry of one renderer per format in src/report/render.ts, and each command offers exactly the
// formats of its registry — so a format cannot be offered without a renderer, nor a renderer
// be left unreachable.

import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { computeCommand } from '../../src/cli/compute.js';
import { definitionsCommand } from '../../src/cli/definitions.js';
import { evaluateCommand } from '../../src/cli/evaluate.js';
import { indicatorsCommand } from '../../src/cli/indicators.js';
import { monitorCommand } from '../../src/cli/monitor.js';
import { validateCommand } from '../../src/cli/validate.js';
import type { EvaluationReport } from '../../src/contracts/evaluate.js';
import type { MonitorReport } from '../../src/contracts/monitor.js';
import { suppressionText, toolJson } from '../../src/report/assemble.js';
import { renderEvaluationCsv, renderEvaluationJson, renderEvaluationMarkdown, renderEvaluationTable } from '../../src/report/evaluate.js';
import { renderMonitorCsv, renderMonitorJson, renderMonitorMarkdown, renderMonitorTable } from '../../src/report/monitor.js';
import type { FileReport } from '../../src/extracts/load.js';
import { CATALOGUE, findIndicator } from '../../src/indicators/catalogue.js';
import { catalogueJson, catalogueMarkdown, catalogueTable, definitionText } from '../../src/report/catalogue.js';
import { toJson } from '../../src/report/json.js';
import { DEFINITION_VERSION } from '../../src/version.js';
import {
  CATALOGUE_FORMATS,
  DEFINITIONS_FORMATS,
  EVALUATION_FORMATS,
  MONITOR_FORMATS,
  renderCatalogue,
  renderEvaluation,
  renderMonitor,
  renderValidation,
  REPORT_FORMATS,
  VALIDATION_FORMATS,
} from '../../src/report/render.js';
import { renderValidationJson, renderValidationTable } from '../../src/report/validation.js';

const formatChoices = (cmd: Command) => cmd.options.find((o) => o.long === '--format')?.argChoices;

const suppression = { min_cell: 5, primary: 0, complementary: 0, description: suppressionText(5, 0, 0) };
const monitorReport: MonitorReport = {
  schema_version: 1,
  tool: toolJson(),
  kind: 'monitor',
  inputs: [],
  periods: [],
  breakdown: [],
  chart: 'run',
  suppression,
  series: [],
  warnings: ['a warning'],
};
const evaluationReport: EvaluationReport = {
  schema_version: 1,
  tool: toolJson(),
  kind: 'evaluate',
  inputs: [],
  intervention: { cluster: 'Vest' },
  comparison: 'rest',
  windows: { before: { from: '2016-01-01', to: '2016-06-30' }, after: { from: '2016-07-01', to: '2016-12-31' } },
  suppression,
  effects: [],
  not_evaluated: [{ indicator: 'audits-with-citizens', reason: 'measured' }],
  warnings: [],
};

describe('each command offers exactly the formats of its registry', () => {
  it('compute: table, json, markdown, csv (SPEC §4.3)', () => {
    expect(REPORT_FORMATS).toEqual(['table', 'json', 'markdown', 'csv']);
    expect(formatChoices(computeCommand())).toEqual(REPORT_FORMATS);
  });

  it('monitor: those and html (SPEC §7, §10)', () => {
    expect(MONITOR_FORMATS).toEqual(['table', 'json', 'markdown', 'csv', 'html']);
    expect(formatChoices(monitorCommand())).toEqual(MONITOR_FORMATS);
  });

  it('evaluate: table, json, markdown, csv (SPEC §9)', () => {
    expect(EVALUATION_FORMATS).toEqual(['table', 'json', 'markdown', 'csv']);
    expect(formatChoices(evaluateCommand())).toEqual(EVALUATION_FORMATS);
  });

  it('validate: table, json (SPEC §1.6)', () => {
    expect(VALIDATION_FORMATS).toEqual(['table', 'json']);
    expect(formatChoices(validateCommand())).toEqual(VALIDATION_FORMATS);
  });

  it('indicators: table, json, markdown', () => {
    expect(CATALOGUE_FORMATS).toEqual(['table', 'json', 'markdown']);
    expect(formatChoices(indicatorsCommand())).toEqual(CATALOGUE_FORMATS);
  });

  it('definitions diff: table, json, markdown (SPEC §14.3)', () => {
    expect(DEFINITIONS_FORMATS).toEqual(['table', 'json', 'markdown']);
    const diff = definitionsCommand().commands.find((c) => c.name() === 'diff')!;
    expect(formatChoices(diff)).toEqual(DEFINITIONS_FORMATS);
  });
});

describe('the registry hands each format to its renderer', () => {
  it.each([
    ['json', renderMonitorJson(monitorReport)],
    ['csv', renderMonitorCsv(monitorReport)],
    ['markdown', renderMonitorMarkdown(monitorReport)],
    ['table', renderMonitorTable(monitorReport, { color: true })],
  ] as const)('monitor %s', async (format, expected) => {
    expect(await renderMonitor(monitorReport, format, { color: true, lang: 'da', results: [], catalogue: CATALOGUE })).toBe(expected);
  });

  it('monitor html: a document in the language asked for', async () => {
    const html = await renderMonitor(monitorReport, 'html', { color: false, lang: 'en', results: [], catalogue: CATALOGUE });
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<html lang="en"');
  });

  it.each([
    ['json', renderEvaluationJson(evaluationReport)],
    ['csv', renderEvaluationCsv(evaluationReport)],
    ['markdown', renderEvaluationMarkdown(evaluationReport)],
    ['table', renderEvaluationTable(evaluationReport, { color: false })],
  ] as const)('evaluate %s', (format, expected) => {
    expect(renderEvaluation(evaluationReport, format, { color: false })).toBe(expected);
  });

  const files: FileReport[] = [
    {
      extract: 'admissions',
      path: 'admissions.csv',
      rows: 3,
      problems: [{ type: 'type-error', extract: 'admissions', path: 'admissions.csv', line: 3, column: 'admitted_at', value: 'x', message: '"x" is not a date', fileLevel: false }],
      problemCount: 1,
      unusable: false,
      rowsRejected: 1,
      encoding: 'utf8',
      notices: [],
    },
  ];
  it.each([
    ['json', renderValidationJson(files)],
    ['table', renderValidationTable(files, 7, false)],
  ] as const)('validate %s', (format, expected) => {
    expect(renderValidation(files, format, { color: false, maxErrors: 7 })).toBe(expected);
  });

  const one = [findIndicator('readmission-30d')!];
  it.each([
    ['json', false, toJson(catalogueJson(one))],
    ['markdown', false, catalogueMarkdown(one)],
    ['table', false, catalogueTable(one)],
    ['table', true, definitionText(one[0])],
  ] as const)('indicators %s (one asked for by id: %s)', (format, detailed, expected) => {
    expect(renderCatalogue(one, format, { detailed, version: DEFINITION_VERSION })).toBe(expected);
  });
});
