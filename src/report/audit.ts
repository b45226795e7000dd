// The exclusion audit as CSV (SPEC §14.4): `indicator, period, unit_id, role, rule`, one row
// per unit and role as the engine gathered them (src/engine/run.ts). RFC 4180 (`,`, CRLF, a
// field with `,`, `"` or a line break quoted). No patient id, age or municipality is written:
// the rows carry none.

import type { AuditRow } from '../engine/run.js';

export const AUDIT_COLUMNS = ['indicator', 'period', 'unit_id', 'role', 'rule'] as const;

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const r of rows) lines.push(AUDIT_COLUMNS.map((c) => field(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
