// The renderers of `monitor` (SPEC §7): JSON per the Monitor contract; a table and Markdown with
// one line per series — a sparkline of the values, the centre line, the runs figures against
// their limits, the signals, the verdict; CSV with one row per point. The HTML charts are
// drawn by src/report/html.

import { csvText, municipalityNameOf } from './csv.js';
import { toJson } from './json.js';
import { bulletSection, cellText } from './markdown.js';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { formatGroupKey, municipalityName } from '../calc/groups.js';
import type { MonitorReport, Series } from '../contracts/monitor.js';
import { AIMS } from '../domain/vocabulary.js';
import { AIM_TITLES, formatNumber, unitLabel } from './format.js';

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
  insufficient_data: 'too few points',
};

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
    variation: VARIATION_WORDS[s.variation],
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
  const out: string[] = [`Monitoring ${periodsText(report)}`, ''];
  for (const aim of AIMS) {
    const series = report.series.filter((s) => s.aim === aim);
    if (series.length === 0) continue;
    out.push(chalk.bold(AIM_TITLES[aim]));
    const table = new Table({
      head: ['Indicator', 'Group', 'Chart', 'Values', 'CL', 'Longest run', 'Crossings', 'Signals', 'Variation'],
      style: { head: [], border: [], compact: true },
    });
    for (const s of series) {
      const l = line(s);
      table.push([
        s.indicator,
        l.group,
        s.chart,
        sparkline(s.points.map((p) => p.value)),
        `${l.center} ${unitLabel(s.unit)}`,
        l.longestRun,
        l.crossings,
        l.signals,
        paint[s.variation](l.variation),
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
  'variation special: improvement or concern by the indicator\'s direction; otherwise common cause.';

export function renderMonitorMarkdown(report: MonitorReport): string {
  const out: string[] = ['# Triple Aim monitoring — Sundhedsaftalen, Region Midtjylland', ''];
  out.push(`Points: ${periodsText(report)}.` + (report.breakdown.length ? ` Breakdown: ${report.breakdown.join(', ')}.` : ''), '');
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
    out.push('| indicator | group | chart | values | CL | longest run | crossings | signals | variation |');
    out.push('|---|---|---|---|---:|---:|---:|---|---|');
    for (const s of series) {
      const l = line(s);
      out.push(
        `| \`${s.indicator}\` | ${cellText(l.group)} | ${s.chart} | \`${sparkline(s.points.map((p) => p.value))}\` | ${l.center} ${unitLabel(s.unit)} | ${l.longestRun} | ${l.crossings} | ${cellText(l.signals)} | ${l.variation} |`,
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
  'phase', 'baseline', 'center', 'lcl', 'ucl', 'sigma_signal', 'annotation', 'series_signal', 'variation', 'last_side',
] as const;

/** One row per point, with its series' verdict repeated (SPEC §7). */
export function renderMonitorCsv(report: MonitorReport): string {
  const rows = report.series.flatMap((s) =>
    s.points.map((p) => [
      s.indicator, s.aim, s.unit, s.direction, formatGroupKey(s.group), municipalityNameOf(s.group), s.chart, p.period, p.numerator, p.denominator, p.value,
      p.suppressed, p.phase, p.baseline, p.center, p.lcl, p.ucl, p.sigma_signal, p.annotation, s.signal, s.variation, s.last_side,
    ]),
  );
  return csvText(CSV_COLUMNS, rows);
}
