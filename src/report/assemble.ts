// Puts the engine's results, the inputs and the run's settings into the versioned report
// object of SPEC §4.1, which every renderer reads.

import { periodJson, type Period } from '../calc/periods.js';
import type { Dimension } from '../calc/groups.js';
import type { ExtractInfo } from '../extracts/records.js';
import type { RunOutput } from '../engine/run.js';
import type { Report } from '../engine/result.js';
import { DEFINITION_VERSION, SCHEMA_VERSION, VERSION } from '../version.js';

export interface AssembleOptions {
  inputs: readonly ExtractInfo[];
  periods: readonly Period[];
  by: readonly Dimension[];
  minCell: number;
  warnings: readonly string[];
  /** SOURCE_DATE_EPOCH, when set: the only clock a report may carry (reproducible builds). */
  sourceDateEpoch?: string;
}

export function assembleReport(run: RunOutput, o: AssembleOptions): Report {
  const report: Report = {
    schema_version: SCHEMA_VERSION,
    tool: { name: 'triple-aim', version: VERSION, definition_version: DEFINITION_VERSION },
    inputs: o.inputs.map((i) => ({
      extract: i.extract,
      path: i.path,
      sha256: i.sha256,
      rows: i.rows,
      rows_rejected: i.rowsRejected,
      encoding: i.encoding,
    })),
    periods: o.periods.map(periodJson),
    breakdown: [...o.by],
    suppression: {
      min_cell: o.minCell,
      primary: run.suppression.primary,
      complementary: run.suppression.complementary,
      description: suppressionText(o.minCell, run.suppression.primary, run.suppression.complementary),
    },
    results: run.results,
    warnings: [...o.warnings, ...run.warnings],
  };
  const epoch = o.sourceDateEpoch?.trim();
  if (epoch && /^\d+$/.test(epoch)) {
    // generated_at goes right after `tool` so the key order stays fixed.
    const { schema_version, tool, ...rest } = report;
    return { schema_version, tool, generated_at: new Date(Number(epoch) * 1000).toISOString(), ...rest };
  }
  return report;
}

export function suppressionText(minCell: number, primary: number, complementary: number): string {
  if (minCell <= 1) return 'Small-cell suppression is off (--min-cell 0): counts of 1–4 people are shown.';
  return (
    `Small-cell suppression with threshold ${minCell}: results with a count of people or events between 1 and ` +
    `${minCell - 1} are hidden (primary: ${primary}), and when exactly one group of a breakdown is hidden the next ` +
    `smallest group is hidden too (complementary: ${complementary}).`
  );
}
