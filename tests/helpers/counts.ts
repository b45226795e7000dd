// Counts files as an analyst makes them (SPEC §15): the DuckDB script of `triple-aim sql` run
// on the extracts (tests/helpers/sql.ts), its result set written as CSV (NULL → empty field).

import { writeFileSync } from 'node:fs';
import type { Dimension } from '../../src/calc/groups.js';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { DEFAULT_PROFILE } from '../../src/indicators/profiles.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, resultColumns, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import { canonicalTables, loadFiles, runDuckdb } from './sql.js';

/** The compiled indicators the given extracts can count. */
export function countable(extracts: readonly string[]): CountingIndicator[] {
  return DEFAULT_PROFILE.catalogue.filter(
    (i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id) && i.kind === 'counting' && i.sources.every((s) => s === 'population' || extracts.includes(s)),
  );
}

/** Writes the counts of the DuckDB script on these extracts to `path`; returns the path. */
export async function writeCounts(
  path: string,
  extracts: { admissions?: string; referrals?: string; smoking?: string },
  periods: readonly string[],
  by: Dimension[],
  transform: (lines: string[]) => string[] = (lines) => lines,
): Promise<string> {
  const data = await loadFiles(extracts);
  const indicators = countable(Object.keys(extracts));
  const script = printPlan(compile({ indicators, periods: periods.flatMap((p) => parsePeriodArgument(p)), by }), DIALECT.duckdb);
  const rows = await runDuckdb(script, canonicalTables(data));
  const columns = resultColumns(by);
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))).join(','))];
  writeFileSync(path, transform(lines).join('\n') + '\n');
  return path;
}
