// The renderers of `monitor` (SPEC §7): JSON per the Monitor contract; a table and Markdown with
// one line per series — a sparkline of the values, the centre line, the runs figures against
// their limits, the signals, the verdict; CSV with one row per point. The HTML charts are
// drawn by src/report/html from the model monitorHtmlModel builds here.

import { csvText, municipalityNameOf } from './csv.js';
import { toJson } from './json.js';
import { bulletSection, cellText } from './markdown.js';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { formatGroupKey, municipalityName, sameGroup } from '../calc/groups.js';
import type { MonitorReport, Series } from '../contracts/monitor.js';
import { AIMS } from '../domain/vocabulary.js';
import { AIM_TITLES, formatNumber, unitLabel } from './format.js';
import type { Result } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import type { Lang, MonitorHtmlModel } from './html/model.js';
import { localiseMonitorModel } from './localise.js';

const SPARK = '▁▂▃▄▅▆▇█';

/** The values as one line of block characters, scaled from the series' lowest to its highest
 *  value; a gap (no value) is a space, a flat series the middle block. */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => ' ').join('');
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (hi === lo) return SPARK[3];
      return SPARK[Math.min(SPARK.length - 1, Math.floor(((v - lo) / (hi - lo)) * SPARK.length))];
    })
    .join('');
}

const VARIATION_WORDS: Record<Series['variation'], string> = {
  common_cause: 'common cause',
  improvement: 'improvement',
  concern: 'concern',
  special_cause: 'special cause',
  insufficient_data: 'insufficient data (< 10 useful points)',
};

/** SPEC §13.9: will the process meet its target, as its limits describe it. */
const ASSURANCE_WORDS: Record<NonNullable<Series['assurance']>, string> = {
  pass: 'pass (meets the target consistently)',
  fail: 'fail (will not meet the target)',
  inconsistent: 'inconsistent (may or may not meet the target)',
};

/** The verdict with the side of its evidence (SPEC §13.1): "improvement (above)". */
function variationText(s: Series): string {
  return VARIATION_WORDS[s.variation] + (s.signal_side ? ` (${s.signal_side})` : '');
}

/** The sparkline, then the provisional points by period (SPEC §13.2). */
function valuesText(s: Series): string {
  const provisional = s.points.filter((p) => p.provisional).map((p) => p.period);
  return sparkline(s.points.map((p) => p.value)) + (provisional.length ? ` (provisional: ${provisional.join(', ')})` : '');
}

/** The figures of one line: the last phase, whose signals decide the verdict (SPEC §7). */
function line(s: Series) {
  const phase = s.phases[s.phases.length - 1];
  const runs = phase?.runs;
  const signals: string[] = [];
  if (runs?.longest_run != null && runs.longest_run_max != null && runs.longest_run > runs.longest_run_max) signals.push('long run');
  if (runs?.crossings != null && runs.crossings_min != null && runs.crossings < runs.crossings_min) signals.push('few crossings');
  if (phase && phase.sigma_signals.length) signals.push(`outside limits: ${phase.sigma_signals.join(', ')}`);
  return {
    group: groupLabel(s.group),
    phases: s.phases.length,
    center: phase?.center == null ? '–' : formatNumber(phase.center, s.unit),
    longestRun: runs?.longest_run == null ? '–' : `${runs.longest_run} (max ${runs.longest_run_max})`,
    crossings: runs?.crossings == null ? '–' : `${runs.crossings} (min ${runs.crossings_min})`,
    signals: signals.join('; ') || 'none',
    variation: variationText(s),
    assurance: s.assurance === null ? '–' : ASSURANCE_WORDS[s.assurance],
  };
}

function groupLabel(group: Series['group']): string {
  if (Object.keys(group).length === 0) return 'total';
  const name = group.municipality ? municipalityName(group.municipality) : undefined;
  return formatGroupKey(group) + (name ? ` (${name})` : '');
}

function periodsText(report: MonitorReport): string {
  const first = report.periods[0]?.id;
  const last = report.periods[report.periods.length - 1]?.id;
  return first === undefined ? 'no periods' : first === last ? first : `${first} … ${last} (${report.periods.length} points)`;
}

/** SPEC §13.2: the data end of each dated extract, which decides the provisional points. */
function dataEndLines(report: MonitorReport): string[] {
  const ends = report.inputs.filter((i) => i.data_end !== null).map((i) => `${i.extract} ${i.data_end}`);
  return ends.length ? [`Data end: ${ends.join(', ')}.`, ''] : [];
}

export function renderMonitorJson(report: MonitorReport): string {
  return toJson(report);
}

export function renderMonitorTable(report: MonitorReport, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Series['variation'], (s: string) => string> = {
    common_cause: (s) => s,
    improvement: chalk.green,
    concern: chalk.red,
    special_cause: chalk.yellow,
    insufficient_data: (s) => s,
  };
  const out: string[] = [`Monitoring ${periodsText(report)}`, '', ...dataEndLines(report)];
  for (const aim of AIMS) {
    const series = report.series.filter((s) => s.aim === aim);
    if (series.length === 0) continue;
    out.push(chalk.bold(AIM_TITLES[aim]));
    const table = new Table({
      head: ['Indicator', 'Group', 'Chart', 'Values', 'CL', 'Longest run', 'Crossings', 'Signals', 'Variation', 'Assurance'],
      style: { head: [], border: [], compact: true },
    });
    for (const s of series) {
      const l = line(s);
      table.push([
        s.indicator,
        l.group,
        s.chart,
        valuesText(s),
        `${l.center} ${unitLabel(s.unit)}`,
        l.longestRun,
        l.crossings,
        l.signals,
        paint[s.variation](l.variation),
        l.assurance,
      ]);
    }
    out.push(table.toString(), '');
  }
  out.push(LEGEND);
  return out.join('\n') + '\n';
}

const LEGEND =
  'CL: centre line of the last phase (median for run charts). A signal in the last phase — a run longer than its ' +
  'maximum, fewer crossings than the minimum (the Anhøj rules), or a point outside the 3-sigma limits — makes the ' +
  'variation special; otherwise common cause. The variation describes where the last phase ends: when its last ' +
  'point is outside its limits, or ends a final run longer than the maximum, it is improvement or concern by the ' +
  "indicator's direction, with that point's side in brackets; a signal with no such evidence at the end is special " +
  'cause. A last phase with fewer than 10 useful points has insufficient data. Provisional points (their follow-up ' +
  'reaches past the data end) are shown but take no part in the centre line, limits or runs. Assurance compares the ' +
  "target with the last point's limits: pass when even the worse limit meets it, fail when not even the better one " +
  'does, inconsistent between.';

export function renderMonitorMarkdown(report: MonitorReport): string {
  const out: string[] = ['# Triple Aim monitoring — Sundhedsaftalen, Region Midtjylland', ''];
  out.push(`Points: ${periodsText(report)}.` + (report.breakdown.length ? ` Breakdown: ${report.breakdown.join(', ')}.` : ''), '');
  out.push(...dataEndLines(report));
  out.push(
    `Produced by ${report.tool.name} ${report.tool.version}, definitions ${report.tool.definition_version}` +
      (report.generated_at ? `, ${report.generated_at}` : '') +
      '.',
    '',
  );
  for (const aim of AIMS) {
    const series = report.series.filter((s) => s.aim === aim);
    if (series.length === 0) continue;
    out.push(`## ${AIM_TITLES[aim]}`, '');
    out.push('| indicator | group | chart | values | CL | longest run | crossings | signals | variation | assurance |');
    out.push('|---|---|---|---|---:|---:|---:|---|---|---|');
    for (const s of series) {
      const l = line(s);
      const provisional = s.points.filter((p) => p.provisional).map((p) => p.period);
      const values = `\`${sparkline(s.points.map((p) => p.value))}\`` + (provisional.length ? ` (provisional: ${provisional.join(', ')})` : '');
      out.push(
        `| \`${s.indicator}\` | ${cellText(l.group)} | ${s.chart} | ${values} | ${l.center} ${unitLabel(s.unit)} | ${l.longestRun} | ${l.crossings} | ${cellText(l.signals)} | ${l.variation} | ${l.assurance} |`,
      );
    }
    out.push('');
  }
  out.push(LEGEND, '');
  out.push('## Small-cell suppression', '', report.suppression.description, '');
  out.push(...bulletSection('Notes', [...new Set(report.series.flatMap((s) => s.notes))].map(cellText)));
  out.push(...bulletSection('Warnings', report.warnings.map(cellText)));
  return out.join('\n');
}

const CSV_COLUMNS = [
  'indicator', 'aim', 'unit', 'direction', 'group', 'municipality_name', 'chart', 'period', 'numerator', 'denominator', 'value', 'suppressed',
  'provisional', 'phase', 'baseline', 'center', 'lcl', 'ucl', 'sigma_signal', 'annotation', 'series_signal', 'variation',
  'last_side', 'signal_side', 'assurance',
] as const;

/** One row per point, with its series' verdict repeated (SPEC §7). */
export function renderMonitorCsv(report: MonitorReport): string {
  const rows = report.series.flatMap((s) =>
    s.points.map((p) => [
      s.indicator, s.aim, s.unit, s.direction, formatGroupKey(s.group), municipalityNameOf(s.group), s.chart, p.period, p.numerator, p.denominator, p.value,
      p.suppressed, p.provisional, p.phase, p.baseline, p.center, p.lcl, p.ucl, p.sigma_signal, p.annotation, s.signal,
      s.variation, s.last_side, s.signal_side, s.assurance,
    ]),
  );
  return csvText(CSV_COLUMNS, rows);
}

/** The charts of `--format html` (SPEC §10): every series with the target of its last period. */
export function monitorHtmlModel(report: MonitorReport, results: readonly Result[], lang: Lang, catalogue: readonly IndicatorDefinition[]): MonitorHtmlModel {
  const last = report.periods[report.periods.length - 1]?.id;
  // The report's texts are English (as the JSON); the model is put into `lang` (SPEC §13.6).
  return localiseMonitorModel({
    meta: {
      lang,
      title: null,
      tool: report.tool,
      generated_at: report.generated_at ?? null,
      inputs: report.inputs,
      suppression: report.suppression,
    },
    charts: report.series.map((series) => {
      const def = catalogue.find((i) => i.id === series.indicator)!;
      const result = results.find((r) => r.indicator === series.indicator && r.period === last && sameGroup(r.group, series.group));
      return {
        indicator: { id: def.id, aim: def.aim, name_da: def.nameDa, name_en: def.nameEn, unit: def.unit, direction: def.direction },
        series,
        target: result?.target ?? null,
      };
    }),
    warnings: report.warnings,
  });
}
