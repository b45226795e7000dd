// JSON (SPEC §4.1): unrounded numbers, keys in a fixed order, no clock unless
// SOURCE_DATE_EPOCH is set, so the same inputs and options give byte-identical output. Every
// JSON output is written through `toJson`, so control characters that came from an input —
// JSON.stringify escapes C0 but writes DEL and C1 raw — appear as \u00HH (SPEC §6.1).

import { escapeJsonControls } from '../extracts/fields.js';
import type { Report } from '../contracts/report.js';

export function toJson(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2)) + '\n';
}

export function renderJson(report: Report): string {
  return toJson(report);
}
