// The terminal table (SPEC §4.2): grouped by aim, one row per indicator and group, one column
// per period; values rounded for reading; status as a symbol, coloured only when asked to.

import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Report, Status } from '../engine/result.js';
import { layout, STATUS_LEGEND, unitLabel } from './format.js';

export interface TableOptions {
  color: boolean;
  names: ReadonlyMap<string, string>;
}

export function renderTable(report: Report, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = {
    met: chalk.green,
    improving: chalk.green,
    worsening: chalk.red,
    unchanged: chalk.yellow,
    not_met: chalk.red,
    no_target: (s) => s,
    not_computed: chalk.dim,
  };
  const { periods, sections, footnotes } = layout(report, options.names);
  const out: string[] = [];
  for (const section of sections) {
    out.push(chalk.bold(section.title));
    const table = new Table({
      head: ['Indicator', 'Group', 'Unit', 'Baseline', 'Target', ...periods],
      style: { head: [], border: [], compact: true },
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
          const note = c.footnote ? `[${c.footnote}]` : '';
          const text = `${c.text}${note}${c.symbol && c.status !== 'not_computed' ? ' ' + c.symbol : ''}`;
          return paint[c.status](text);
        }),
      ]);
    }
    out.push(table.toString(), '');
  }
  out.push(STATUS_LEGEND);
  footnotes.forEach((f, i) => out.push(`[${i + 1}] ${f}`));
  out.push(report.suppression.description);
  // Warnings go to stderr (SPEC §1.4), written by the compute command for every format.
  return out.join('\n') + '\n';
}
