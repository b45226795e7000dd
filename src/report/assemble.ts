// Puts the engine's results, the inputs and the run's settings into the versioned report
// object of SPEC §4.1, which every renderer reads.

import { periodJson, type Period } from '../calc/periods.js';
import type { Dimension } from '../calc/groups.js';
import type { ExtractInfo } from '../extracts/records.js';
import type { RunOutput } from '../engine/run.js';
import type { InputRef, Report } from '../contracts/report.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import { DEFINITION_VERSION, SCHEMA_VERSION, VERSION } from '../version.js';
import { formatDay, type DayNumber } from '../calc/time.js';
import { dataEndOf } from '../engine/provisional.js';

export interface AssembleOptions {
  inputs: readonly ExtractInfo[];
  periods: readonly Period[];
  by: readonly Dimension[];
  minCell: number;
  warnings: readonly string[];
  /** SOURCE_DATE_EPOCH, when set: the only clock a report may carry (reproducible builds). */
  sourceDateEpoch?: string;
  /** `--data-end` (SPEC §13.2), when given. */
  dataEnd?: DayNumber;
  /** The profile's definition version (SPEC §14.3); default the rm-2015-2018 one. */
  definitionVersion?: string;
}

export function assembleReport(run: RunOutput, o: AssembleOptions): Report {
  const report: Report = {
    schema_version: SCHEMA_VERSION,
    tool: toolJson(o.definitionVersion),
    inputs: inputsJson(o.inputs, o.dataEnd),
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
  return withGeneratedAt(report, o.sourceDateEpoch);
}

/** The inputs of a run as every JSON output lists them (SPEC §4.1), each with its data end
 *  (SPEC §13.2: `dataEnd` is --data-end, which applies to every dated extract). */
export function inputsJson(inputs: readonly ExtractInfo[], dataEnd?: DayNumber): InputRef[] {
  return inputs.map((i) => ({
    extract: i.extract,
    path: i.path,
    sha256: i.sha256,
    rows: i.rows,
    rows_rejected: i.rowsRejected,
    encoding: i.encoding,
    data_end: dataEndJson(i, dataEnd),
  }));
}

function dataEndJson(info: ExtractInfo, override: DayNumber | undefined): string | null {
  const day = dataEndOf(info, override);
  return day === null ? null : formatDay(day);
}

/** SOURCE_DATE_EPOCH, when set, is the only clock an output may carry (SPEC §4.1): it gives
 *  `generated_at`, right after `tool` so the key order stays fixed. */
export function withGeneratedAt<T extends { schema_version: 1; tool: Report['tool'] }>(output: T, sourceDateEpoch: string | undefined): T {
  const epoch = sourceDateEpoch?.trim();
  if (!epoch || !/^\d+$/.test(epoch)) return output;
  const { schema_version, tool, ...rest } = output;
  return { schema_version, tool, generated_at: new Date(Number(epoch) * 1000).toISOString(), ...rest } as unknown as T;
}

/** The tool block of every JSON output. */
export function toolJson(definitionVersion: string = DEFINITION_VERSION): Report['tool'] {
  return { name: 'triple-aim', version: VERSION, definition_version: definitionVersion };
}

/** The suppression statement (SPEC §4.4, §13.7), declared with its Danish text (SPEC §13.6). */
export function suppressionText(minCell: number, primary: number, complementary: number): Said {
  if (minCell <= 1) return say(MESSAGES.suppressionOff, { minCell });
  return say(MESSAGES.suppressionOn, { minCell, max: minCell - 1, primary, complementary });
}
