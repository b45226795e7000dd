// CSV (SPEC §4.3): one row per result, the JSON fields flattened; group as dim=value;dim=value.
// Two dialects (SPEC §6.3): `rfc` (RFC 4180: `,`, `.`, CRLF, numbers unrounded as in JSON) and
// `excel-da`, what Danish Excel opens by double-click: `;` between fields, decimal comma,
// UTF-8 with a BOM (without it Excel reads the file as Windows-1252 and garbles æøå), CRLF,
// numbers rounded to 10 significant digits so that float noise (55.00000000000001) is gone.

import { formatGroupKey, municipalityName, type Group } from '../calc/groups.js';
import type { Report, Result } from '../contracts/report.js';

export const CSV_DIALECTS = ['rfc', 'excel-da'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

// `municipality_name` beside `group` (SPEC §13.5: the name of any of the 98 codes, empty for a
// group without a municipality or a code that is none), so `group` stays the key of §4.3;
// `target_verdict` beside `status` (§13.4: the target alone; `status` is unchanged).
const COLUMNS = [
  'indicator', 'aim', 'unit', 'direction', 'period', 'group', 'municipality_name', 'numerator', 'denominator', 'value',
  'ci95_lower', 'ci95_upper', 'suppressed', 'provisional', 'baseline_value', 'baseline_period', 'baseline_source',
  'target_value', 'target_period', 'target_rule', 'change', 'change_pct', 'status', 'target_verdict', 'notes',
] as const;

export type Field = string | number | boolean | null;

interface Dialect {
  separator: string;
  bom: string;
  number: (n: number) => string;
}

const DIALECTS: Record<CsvDialect, Dialect> = {
  rfc: { separator: ',', bom: '', number: (n) => String(n) },
  'excel-da': { separator: ';', bom: '\uFEFF', number: (n) => excelNumber(n).replace('.', ',') },
};

const SIGNIFICANT_DIGITS = 10;

/**
 * `n` rounded to 10 significant digits, written without an exponent and without trailing
 * zeros: 55.00000000000001 → "55", 12.123552123552123 → "12.12355212", 43250397 → "43250397".
 * (Excel would read "1e-7" as text in a Danish locale, so no exponent is ever written.)
 */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(SIGNIFICANT_DIGITS));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.min(100, Math.max(0, SIGNIFICANT_DIGITS - 1 - magnitude));
  let text = rounded.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

function field(v: Field, d: Dialect): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? d.number(v) : String(v);
  const special = d.separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(r: Result): Field[] {
  return [
    r.indicator, r.aim, r.unit, r.direction, r.period, formatGroupKey(r.group), municipalityNameOf(r.group), r.numerator, r.denominator, r.value,
    r.ci95?.[0] ?? null, r.ci95?.[1] ?? null, r.suppressed, r.provisional, r.baseline?.value ?? null, r.baseline?.period ?? null,
    r.baseline?.source ?? null, r.target?.value ?? null, r.target?.period ?? null, r.target?.rule ?? null, r.change,
    r.change_pct, r.status, r.target_verdict, r.notes.join(' | '),
  ];
}

/** The `municipality_name` column of every CSV that names groups (SPEC §13.5): the name of the
 *  group's municipality code, null (an empty field) without one or for a code that is none of the 98. */
export function municipalityNameOf(group: Group): string | null {
  return group.municipality === undefined ? null : (municipalityName(group.municipality) ?? null);
}

export function renderCsv(report: Report, dialect: CsvDialect = 'rfc'): string {
  return csvText(COLUMNS, report.results.map(row), dialect);
}

/** A header and rows as CSV in a dialect: every CSV the tool writes (compute, monitor,
 *  evaluate) goes through here, so quoting and line ends are one rule. */
export function csvText(header: readonly string[], rows: readonly Field[][], dialect: CsvDialect = 'rfc'): string {
  const d = DIALECTS[dialect];
  const lines = [header.map((c) => field(c, d)).join(d.separator)];
  for (const r of rows) lines.push(r.map((v) => field(v, d)).join(d.separator));
  return d.bom + lines.join('\r\n') + '\r\n';
}
