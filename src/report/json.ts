// JSON (SPEC §4.1): unrounded numbers, keys in a fixed order, no clock unless
// SOURCE_DATE_EPOCH is set, so the same inputs and options give byte-identical output.

import type { Report } from '../engine/result.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
