// The terminal table (SPEC §4.2, §6.3): grouped by aim, one row per indicator and group with
// one column per period — or, beyond 6 periods, one line per indicator, group and period;
// values rounded for reading; the target verdict and the change against the baseline in words
// of their own (SPEC §13.4), coloured only when asked to; municipalities with their names
// (§13.5); --details adds the 95 % interval and numerator/denominator.

import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Report } from '../contracts/report.js';
import { layout, PROVISIONAL_LEGEND, PROVISIONAL_MARK, REGION_LEGEND, unitLabel, VERDICT_LEGEND, type Cell, type Row, type Section, type Tone, type Verdict } from './format.js';

export interface TableOptions {
  color: boolean;
  names: ReadonlyMap<string, string>;
  /** --details: the 95 % interval and numerator/denominator in every cell. */
  details?: boolean;
}

type Paint = (s: string) => string;
type PaintVerdicts = (verdicts: readonly Verdict[]) => string;

export function renderTable(report: Report, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const tones: Record<Tone, Paint> = { good: chalk.green, bad: chalk.red, neutral: (t) => t };
  const paint = (verdicts: readonly Verdict[]) => verdicts.map((v) => tones[v.tone](v.text)).join(', ');
  const { periods, long, compared, sections, footnotes } = layout(report, { names: options.names, municipalityNames: true });
  const details = options.details === true;
  const out: string[] = [];
  for (const section of sections) {
    out.push(chalk.bold(section.title));
    out.push((long ? longTable(section, periods, details, paint) : wideTable(section, periods, details, paint)).toString(), '');
  }
  out.push(VERDICT_LEGEND);
  if (compared) out.push(REGION_LEGEND);
  if (report.results.some((r) => r.provisional)) out.push(PROVISIONAL_LEGEND);
  if (details) out.push('Details: value, then its 95 % interval and numerator/denominator.');
  footnotes.forEach((f, i) => out.push(`[${i + 1}] ${f}`));
  const dataEnds = report.inputs.filter((i) => i.data_end !== null).map((i) => `${i.extract} ${i.data_end}`);
  if (dataEnds.length) out.push(`Data end: ${dataEnds.join(', ')}.`);
  out.push(report.suppression.description);
  // Warnings go to stderr (SPEC §1.4), written by the compute command for every format.
  return out.join('\n') + '\n';
}

function valueText(c: Cell, row?: Row): string {
  const interval = row?.showInterval && c.interval ? ` (${c.interval})` : '';
  return `${c.text}${c.footnote ? `[${c.footnote}]` : ''}${c.provisional ? PROVISIONAL_MARK : ''}${interval}`;
}

function wideTable(section: Section, periods: readonly string[], details: boolean, paint: PaintVerdicts): Table.Table {
  const table = new Table({
    head: ['Indicator', 'Group', 'Unit', 'Baseline', 'Target', ...periods],
    style: { head: [], border: [], compact: !details },
    colAligns: ['left', 'left', 'left', 'right', 'right', ...periods.map(() => 'right' as const)],
  });
  for (const row of section.rows) {
    table.push([
      row.indicator,
      row.group,
      unitLabel(row.unit),
      row.baseline,
      row.target,
      ...row.cells.map((c) => {
        if (!c) return '';
        const first = valueText(c, row) + (c.verdicts.length ? ' ' + paint(c.verdicts) : '') + (c.region ? ` (${c.region})` : '');
        if (!details || row.showInterval) return first;
        return [first, c.interval && `(${c.interval})`, c.counts].filter(Boolean).join('\n');
      }),
    ]);
  }
  return table;
}

function longTable(section: Section, periods: readonly string[], details: boolean, paint: PaintVerdicts): Table.Table {
  const head = ['Indicator', 'Group', 'Unit', 'Period', 'Value', 'Verdict', 'Baseline', 'Target'];
  if (details) head.push('95 % interval', 'Numerator/denominator');
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'left', 'left', 'left', 'right', 'left', 'right', 'right', 'right', 'right'],
  });
  for (const row of section.rows) {
    row.cells.forEach((c, i) => {
      if (!c) return;
      const line = [row.indicator, row.group, unitLabel(row.unit), periods[i], valueText(c, row), [paint(c.verdicts), c.region].filter(Boolean).join('; '), row.baseline, row.target];
      if (details) line.push(c.interval, c.counts);
      table.push(line);
    });
  }
  return table;
}
