// What `compute --fail-on` prints when it triggers (SPEC §6.2): one line per triggering result
// — indicator, period, group, status, value and the baseline (worsening) or target (not_met)
// it was held against — at most 20, then one line `and N more`. A CI log then says why the
// job failed without anyone opening the report.

import type { FailOn } from '../engine/evaluate.js';
import type { Result } from '../contracts/report.js';
import { DEFAULT_MIN_CELL, type Disclosure } from '../engine/suppress.js';
import type { Unit } from '../indicators/types.js';
import { formatNumber, groupLabel, readingDecimals } from './format.js';

export const GATE_LINES_MAX = 20;

const UNIT_SUFFIX: Record<Unit, string> = {
  percent: ' %',
  per_1000: ' per 1000',
  count: '',
  dkk_per_capita: ' DKK per capita',
};

export function gateLines(triggered: readonly Result[], failOn: FailOn, max = GATE_LINES_MAX): string[] {
  const lines = triggered.slice(0, max).map((r) => gateLine(r, failOn));
  if (triggered.length > max) lines.push(`and ${triggered.length - max} more`);
  return lines;
}

function gateLine(r: Result, failOn: FailOn): string {
  const reference = failOn === 'worsening' ? r.baseline?.value ?? null : r.target?.value ?? null;
  const decimals = readingDecimals(r.unit, [r.value, reference]);
  const number = (n: number) => formatNumber(n, r.unit, decimals) + UNIT_SUFFIX[r.unit];
  let held = '';
  if (failOn === 'worsening' && r.baseline) {
    held = `baseline ${number(r.baseline.value)}${r.baseline.period ? ` (${r.baseline.period})` : ''}`;
  } else if (failOn === 'not_met' && r.target) {
    const rule = r.target.rule === 'above_baseline' ? 'above baseline' : r.target.rule === 'at_most' ? '≤' : '≥';
    held = `target ${rule} ${number(r.target.value)}`;
  }
  const value = r.value === null ? 'no value' : `value ${number(r.value)}`;
  return `--fail-on ${failOn}: ${r.indicator}, period ${r.period}, group ${groupLabel(r.group, true)}: status ${r.status}, ${value}${held ? ', ' + held : ''}`;
}

/**
 * What `--fail-on disclosure` prints when it triggers (SPEC §13.7): one line per count shown
 * that the default `--min-cell` would hide (a lower `--min-cell`, 0 above all, turned that
 * suppression off) — indicator, period, group, what the count is and the count — at most 20,
 * then `and N more`. The CI log of a job that publishes then says what would be disclosed.
 */
export function disclosureLines(disclosures: readonly Disclosure[], minCell: number, max = GATE_LINES_MAX): string[] {
  const lines = disclosures
    .slice(0, max)
    .map(
      (d) =>
        `--fail-on disclosure: ${d.indicator}, period ${d.period}, group ${groupLabel(d.group)}: ${d.what} ${d.count} shown ` +
        `(--min-cell ${minCell}; the default ${DEFAULT_MIN_CELL} hides counts of 1 to ${DEFAULT_MIN_CELL - 1})`,
    );
  if (disclosures.length > max) lines.push(`and ${disclosures.length - max} more`);
  return lines;
}
