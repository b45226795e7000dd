// The renderers of `evaluate` (SPEC §9): JSON per the Evaluation contract; the Triple Aim
// evaluation table — three sections, one per aim, each indicator with the four values, the two
// changes, the difference in differences (or ratio of rate ratios) with its interval and the
// verdict in words — as a terminal table and as Markdown; CSV one row per indicator.

import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { AIMS } from '../domain/vocabulary.js';
import type { Effect, EvaluationReport } from '../contracts/evaluate.js';
import { AIM_TITLES, formatNumber, groupLabel, readingDecimals, unitLabel } from './format.js';
import { csvText, type Field } from './csv.js';
import { toJson } from './json.js';
import { bulletSection, cellText } from './markdown.js';

export function renderEvaluationJson(report: EvaluationReport): string {
  return toJson(report);
}

const VERDICT_WORDS: Record<NonNullable<Effect['verdict']>, string> = {
  improvement: 'improvement',
  deterioration: 'deterioration',
  no_clear_change: 'no clear change',
};

function selectorText(s: EvaluationReport['intervention'] | 'rest'): string {
  return s === 'rest' ? 'the rest of the region' : groupLabel(s, true);
}

/** The cells of one line, as text. */
function line(e: Effect) {
  const cells = [e.cells.intervention.before, e.cells.intervention.after, e.cells.comparison.before, e.cells.comparison.after];
  const d = readingDecimals(e.unit, cells.map((c) => c.value));
  const value = (c: (typeof cells)[number]) => (c.suppressed ? 'suppressed' : c.value === null ? '–' : formatNumber(c.value, e.unit, d));
  const ratio = e.measure === 'ratio';
  const change = (v: number | null) =>
    v === null ? '–' : ratio ? `×${v.toFixed(2)}` : `${v > 0 ? '+' : ''}${formatNumber(v, e.unit, d)}`;
  const did =
    e.did === null
      ? '–'
      : ratio
        ? `×${e.did.toFixed(2)}${e.ci95 ? ` (${e.ci95[0].toFixed(2)}–${e.ci95[1].toFixed(2)})` : ''}`
        : `${e.did > 0 ? '+' : ''}${formatNumber(e.did, e.unit, d)}${e.ci95 ? ` (${formatNumber(e.ci95[0], e.unit, d)} to ${formatNumber(e.ci95[1], e.unit, d)})` : ''}`;
  return {
    cells: cells.map(value),
    changeIntervention: change(e.change_intervention),
    changeComparison: change(e.change_comparison),
    did,
    verdict: e.verdict === null ? 'not assessed' : VERDICT_WORDS[e.verdict],
    unit: e.unit === 'percent' ? '% (change in pp)' : unitLabel(e.unit),
  };
}

const LEGEND =
  'Change: after − before (percentage points for percent); for counts the ratio after / before (×). ' +
  'Effect: the difference in differences (intervention change − comparison change), or for counts the ratio ' +
  'of the two ratios, with its 95 % interval. The verdict is an improvement or a deterioration when the ' +
  'interval excludes no change (0, or ×1 for counts) on the better or worse side of the indicator; ' +
  'otherwise no clear change.';

function heading(report: EvaluationReport): string[] {
  const w = report.windows;
  return [
    `Intervention: ${selectorText(report.intervention)}; comparison: ${selectorText(report.comparison)}.`,
    `Before: ${w.before.from} – ${w.before.to}; after: ${w.after.from} – ${w.after.to}.`,
  ];
}

export function renderEvaluationTable(report: EvaluationReport, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<string, (s: string) => string> = {
    improvement: chalk.green,
    deterioration: chalk.red,
    'no clear change': (s) => s,
    'not assessed': chalk.dim,
  };
  const out = ['Triple Aim evaluation', ...heading(report), ''];
  for (const aim of AIMS) {
    const effects = report.effects.filter((e) => e.aim === aim);
    if (effects.length === 0) continue;
    out.push(chalk.bold(AIM_TITLES[aim]));
    const table = new Table({
      head: ['Indicator', 'Unit', 'Interv. before', 'Interv. after', 'Comp. before', 'Comp. after', 'Change interv.', 'Change comp.', 'Effect (95 % CI)', 'Verdict'],
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    });
    for (const e of effects) {
      const l = line(e);
      table.push([e.indicator, l.unit, ...l.cells, l.changeIntervention, l.changeComparison, l.did, paint[l.verdict](l.verdict)]);
    }
    out.push(table.toString(), '');
  }
  out.push(LEGEND);
  if (report.not_evaluated.length) {
    out.push('', 'Not evaluated:');
    for (const n of report.not_evaluated) out.push(`  ${n.indicator}: ${n.reason}`);
  }
  out.push(report.suppression.description);
  return out.join('\n') + '\n';
}

export function renderEvaluationMarkdown(report: EvaluationReport): string {
  const out = ['# Triple Aim evaluation — Sundhedsaftalen, Region Midtjylland', '', ...heading(report).map((l) => l + '  '), ''];
  out.push(
    `Produced by ${report.tool.name} ${report.tool.version}, definitions ${report.tool.definition_version}` +
      (report.generated_at ? `, ${report.generated_at}` : '') +
      '.',
    '',
  );
  for (const aim of AIMS) {
    const effects = report.effects.filter((e) => e.aim === aim);
    if (effects.length === 0) continue;
    out.push(`## ${AIM_TITLES[aim]}`, '');
    out.push('| indicator | unit | intervention before | intervention after | comparison before | comparison after | change intervention | change comparison | effect (95 % CI) | verdict |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const e of effects) {
      const l = line(e);
      out.push(`| \`${e.indicator}\` | ${l.unit} | ${l.cells.join(' | ')} | ${l.changeIntervention} | ${l.changeComparison} | ${l.did} | **${l.verdict}** |`);
    }
    out.push('');
  }
  out.push(LEGEND, '');
  out.push(...bulletSection('Notes', report.effects.flatMap((e) => e.notes.map((n) => cellText(`\`${e.indicator}\`: ${n}`)))));
  out.push(...bulletSection('Not evaluated', report.not_evaluated.map((n) => `\`${n.indicator}\`: ${cellText(n.reason)}`)));
  out.push('## Small-cell suppression', '', report.suppression.description, '');
  out.push(...bulletSection('Warnings', report.warnings.map(cellText)));
  return out.join('\n');
}

const CSV_COLUMNS = [
  'indicator', 'aim', 'unit', 'direction', 'measure',
  'intervention_before_numerator', 'intervention_before_denominator', 'intervention_before_value', 'intervention_before_suppressed',
  'intervention_after_numerator', 'intervention_after_denominator', 'intervention_after_value', 'intervention_after_suppressed',
  'comparison_before_numerator', 'comparison_before_denominator', 'comparison_before_value', 'comparison_before_suppressed',
  'comparison_after_numerator', 'comparison_after_denominator', 'comparison_after_value', 'comparison_after_suppressed',
  'change_intervention', 'change_comparison', 'did', 'ci95_lower', 'ci95_upper', 'verdict', 'notes',
] as const;

/** One row per indicator (SPEC §9), the JSON fields flattened. */
export function renderEvaluationCsv(report: EvaluationReport): string {
  const rows: Field[][] = [];
  for (const e of report.effects) {
    const c = e.cells;
    const cellFields = [c.intervention.before, c.intervention.after, c.comparison.before, c.comparison.after].flatMap((x) => [
      x.numerator,
      x.denominator,
      x.value,
      x.suppressed,
    ]);
    rows.push([
      e.indicator, e.aim, e.unit, e.direction, e.measure, ...cellFields, e.change_intervention, e.change_comparison, e.did,
      e.ci95?.[0] ?? null, e.ci95?.[1] ?? null, e.verdict, e.notes.join(' | '),
    ]);
  }
  return csvText(CSV_COLUMNS, rows);
}
