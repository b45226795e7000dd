// CSV (SPEC §4.3): one row per result, the JSON fields flattened; group as dim=value;dim=value.

import { formatGroupKey } from '../calc/groups.js';
import type { Report, Result } from '../engine/result.js';

const COLUMNS = [
  'indicator', 'aim', 'unit', 'direction', 'period', 'group', 'numerator', 'denominator', 'value',
  'ci95_lower', 'ci95_upper', 'suppressed', 'baseline_value', 'baseline_period', 'baseline_source',
  'target_value', 'target_period', 'target_rule', 'change', 'change_pct', 'status', 'notes',
] as const;

function field(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(r: Result): (string | number | boolean | null)[] {
  return [
    r.indicator, r.aim, r.unit, r.direction, r.period, formatGroupKey(r.group), r.numerator, r.denominator, r.value,
    r.ci95?.[0] ?? null, r.ci95?.[1] ?? null, r.suppressed, r.baseline?.value ?? null, r.baseline?.period ?? null,
    r.baseline?.source ?? null, r.target?.value ?? null, r.target?.period ?? null, r.target?.rule ?? null, r.change,
    r.change_pct, r.status, r.notes.join(' | '),
  ];
}

export function renderCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  for (const r of report.results) lines.push(row(r).map(field).join(','));
  return lines.join('\r\n') + '\r\n';
}
