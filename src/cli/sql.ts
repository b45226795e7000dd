// `triple-aim sql --dialect duckdb|postgres|spark|tsql`: prints the SQL script that counts the
// indicators where the data live (SPEC §15). Reads no file: the script is compiled from the
// declarations (src/sql/compile.ts) and printed by the chosen dialect (src/sql/dialects).

import { Command, InvalidArgumentError, Option } from 'commander';
import type { Dimension } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import { findProfile, PROFILES } from '../indicators/profiles.js';
import type { CountingIndicator } from '../indicators/types.js';
import { compile, isSqlIndicator, SQL_EXTRACTS, SQL_INDICATORS } from '../sql/compile.js';
import { DIALECT } from '../sql/dialects/index.js';
import { DIALECTS, printPlan, type DialectName } from '../sql/print.js';
import { runs } from './command.js';
import { EXIT, UsageError } from './errors.js';
import { addOutputOptions, checkOut, writeResult, type OutputOptions } from './output.js';
import { collectPeriods, parseDimensions, parseIndicatorIds } from './selection.js';


/** A table name as the script writes it: an identifier, optionally schema- and database-
 *  qualified (dw.lpr.admissions), or bracketed/quoted parts. Anything else could inject SQL. */
const TABLE_NAME = /^(?:[A-Za-z_][A-Za-z0-9_$]*|\[[^\]]+\]|"[^"]+"|`[^`]+`)(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|\[[^\]]+\]|"[^"]+"|`[^`]+`)){0,2}$/;

/** --table EXTRACT=NAME, accumulated. */
export function collectTable(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([^=]+)=(.+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected EXTRACT=NAME (e.g. admissions=dw.lpr_admissions), not "${value}"`);
  const extract = m[1].trim().toLowerCase();
  const name = m[2].trim();
  if (!(SQL_EXTRACTS as readonly string[]).includes(extract)) {
    throw new InvalidArgumentError(`unknown extract "${m[1].trim()}" (the script reads ${SQL_EXTRACTS.join(', ')})`);
  }
  if (!TABLE_NAME.test(name)) {
    throw new InvalidArgumentError(`"${name}" is not a table name (expected NAME, SCHEMA.NAME or DATABASE.SCHEMA.NAME)`);
  }
  if (previous[extract] !== undefined && previous[extract] !== name) {
    throw new InvalidArgumentError(`${extract} is mapped twice (${previous[extract]} and ${name})`);
  }
  return { ...previous, [extract]: name };
}

interface SqlOptions extends OutputOptions {
  dialect: DialectName;
  profile: string;
  indicators?: string[];
  period?: Period[];
  by?: Dimension[];
  table?: Record<string, string>;
}

export function sqlCommand(): Command {
  const cmd = new Command('sql')
    .description('print the SQL script that counts the indicators in a database (DuckDB, PostgreSQL, Spark, SQL Server)')
    .addOption(new Option('--dialect <dialect>', 'the SQL dialect').choices(DIALECTS).makeOptionMandatory())
    .addOption(new Option('--profile <profile>', 'definition profile (SPEC §14.3)').choices(PROFILES.map((p) => p.id)).default('rm-2015-2018'))
    .option('--indicators <ids>', `only these indicator ids (comma-separated; default: ${SQL_INDICATORS.join(', ')})`, parseIndicatorIds)
    .option('--period <id>', 'YYYY, YYYY-Qn, YYYY-MM or a range A..B (repeatable; required)', collectPeriods)
    .option('--by <dims>', 'break down by these dimensions (comma-separated)', parseDimensions)
    .option(
      '--table <extract=name>',
      'the table an extract is read from (repeatable; default: the extract name); --table contacts=NAME counts the hospital indicators from LPR3 contacts instead of admissions',
      collectTable,
    )
    .addHelpText(
      'after',
      `
Examples:
  triple-aim sql --dialect postgres --period 2016 --by municipality > counts.sql
  triple-aim sql --dialect tsql --period 2016-01..2016-12 --table admissions=dw.lpr_admissions --out counts.sql
  triple-aim sql --dialect duckdb --period 2022 --profile national --table contacts=lpr3_contacts > counts.sql
  then: triple-aim compute --counts counts.csv --population population.csv`,
    );
  addOutputOptions(cmd, 'the script');
  return runs(cmd, sql);
}

async function sql(opts: SqlOptions): Promise<number> {
  const out = checkOut(opts.out);
  if (!opts.period) throw new UsageError('sql needs --period (the script reads no data to choose periods from)');
  const wanted = opts.indicators ?? [...SQL_INDICATORS];
  const unsupported = wanted.filter((id) => !isSqlIndicator(id));
  const measured = unsupported.filter((id) => findProfile(opts.profile)!.catalogue.find((i) => i.id === id)?.kind === 'measured');
  if (measured.length > 0) {
    // SPEC §2.7: their values are given in measurements.csv; there is nothing to count.
    throw new UsageError(`${measured.join(', ')}: not counted from an extract (the values come from measurements.csv); sql covers ${SQL_INDICATORS.join(', ')}`);
  }
  if (unsupported.length > 0) {
    throw new UsageError(`no SQL yet for ${unsupported.join(', ')} (sql covers ${SQL_INDICATORS.join(', ')})`);
  }
  const profile = findProfile(opts.profile)!;
  // SPEC §14.1: the hospital data are admissions.csv or contacts.csv, not both; a contacts
  // table named with --table makes the script read contacts (stays, SPEC §14.2).
  if (opts.table?.admissions !== undefined && opts.table?.contacts !== undefined) {
    throw new UsageError('--table names both admissions and contacts: the hospital indicators read one of them (SPEC §14.1)');
  }
  const hospital = opts.table?.contacts !== undefined ? 'contacts' : 'admissions';
  // The profile's catalogue: its readmission-30d, and under national the split bed days.
  const indicators = profile.catalogue.filter((i): i is CountingIndicator => i.kind === 'counting' && wanted.includes(i.id));
  const notInProfile = wanted.filter((id) => !indicators.some((i) => i.id === id));
  if (opts.indicators && notInProfile.length > 0) {
    throw new UsageError(`${notInProfile.join(', ')} ${notInProfile.length === 1 ? 'is' : 'are'} not in the ${profile.id} profile (see \`triple-aim indicators --profile ${profile.id}\`)`);
  }
  const plan = compile({
    indicators,
    periods: opts.period,
    by: opts.by ?? [],
    tables: opts.table,
    profile: profile.id,
    readmission: profile.readmission,
    hospital,
  });
  await writeResult(printPlan(plan, DIALECT[opts.dialect]), out, { quiet: opts.quiet });
  return EXIT.ok;
}
