// `--engine duckdb` (SPEC §15, issue 24 item 3): the counting is done by the generated DuckDB
// script (src/sql) run in process with @duckdb/node-api over the CSV or Parquet extracts, out of
// core; the counts come back as the rows `--counts` reads and enter the engine at the same seam
// (src/engine/counts.ts → run.ts `options.counts`), so every later step is the same code. This
// is an edge module: it reads files and runs DuckDB; the pure core never sees it.
//
// What DuckDB reads, and what it does not (README "--engine duckdb"):
// - the extracts the SQL reads (ENGINE_EXTRACTS: admissions or contacts, referrals, smoking,
//   lup), as `.csv`, `.csv.gz` or `.parquet`, under every profile (the script is compiled from
//   the profile's declarations, as `triple-aim sql --profile` compiles it);
// - every other extract (population, baselines, measurements) is read by the TypeScript
//   readers. Every counting indicator of every profile has SQL (tests/sql/catalogue.test.ts);
//   one whose extract was not given is "not loaded", as with --engine ts. A Parquet file of
//   an extract the SQL does not read is a usage error.
// - Values must be canonical (SPEC §15): a Danish alias (`akut`, `K`) that the script would
//   not recognise stops the run (exit 1) instead of being counted as something else; so does a
//   cell DuckDB cannot cast. Both are found by one summary query per extract before the script
//   runs, which also gives what inputs[] says: rows, the event-date range (default periods),
//   the data end (from the script), the file's SHA-256 (hashed while DuckDB counts).

import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { Dimension } from '../calc/groups.js';
import { parsePeriodArgument, type Period } from '../calc/periods.js';
import { dayNumber, type DayNumber } from '../calc/time.js';
import { engineCounts, type GivenCounts } from '../engine/counts.js';
import { readCounts, type CountsFile } from '../extracts/counts.js';
import { SCHEMAS } from '../extracts/declarations.js';
import type { ExtractSource } from '../extracts/load.js';
import { EXTRACT_NAMES, type ExtractInfo, type ExtractName, type LoadedData } from '../extracts/records.js';
import { resolveHeader, type DeclaredRule } from '../extracts/schema.js';
import type { EventField } from '../extracts/declare.js';
import { DEFAULT_PROFILE, type Profile } from '../indicators/profiles.js';
import type { CountingIndicator, IndicatorDefinition } from '../indicators/types.js';
import { compile, isSqlIndicator, resultColumns, resultDimensions, SQL_EXTRACTS } from '../sql/compile.js';
import { DIALECT } from '../sql/dialects/index.js';
import type { Expr, Plan, SqlType } from '../sql/plan.js';
import { printPlan } from '../sql/print.js';
import { InputError, UsageError } from './errors.js';
import type { InputOptions } from './inputs.js';
import { loadInputs } from './load-inputs.js';

export const ENGINES = ['ts', 'duckdb'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface EngineOptions {
  engine?: EngineName;
}

/** --engine, shared by compute, monitor, report and evaluate. */
export function addEngineOption(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '--engine <engine>',
      'who counts: ts (this tool, default) or duckdb (the SQL of `triple-aim sql` run in process on CSV or Parquet extracts, out of core; see README)',
    )
      .choices(ENGINES)
      .default('ts'),
  );
}

/** Memory for DuckDB's buffers (SPEC §15 "out of core": beyond it, DuckDB spills to its temp
 *  directory). TRIPLE_AIM_DUCKDB_MEMORY overrides it (DuckDB's syntax: 2GB, 512MB). */
export const MEMORY_ENV = 'TRIPLE_AIM_DUCKDB_MEMORY';
/** Where DuckDB spills (default: a fresh folder in the OS temp dir, removed afterwards). */
export const TEMP_ENV = 'TRIPLE_AIM_DUCKDB_TEMP';
/** Half the machine's memory: the tool's own heap (population, results, rendering) and other
 *  programs keep the rest; DuckDB's own default (80 %) leaves them too little. */
const MEMORY_SHARE = 0.5;

/** The Parquet form of an extract's standard file name (admissions.csv → admissions.parquet). */
export function parquetFileName(extract: ExtractName): string {
  return SCHEMAS[extract].fileName.replace(/\.csv$/, '.parquet');
}

export function isParquet(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/** The extracts --engine duckdb reads with DuckDB (the others with the TypeScript readers): every
 *  extract the SQL reads. Ties of admitted_at and start_at are broken by file order through the
 *  views of TABLES, as the TypeScript engine breaks them (SPEC §3.1, §14.2). */
export const ENGINE_EXTRACTS: readonly ExtractName[] = SQL_EXTRACTS;

export function duckdbReads(extract: ExtractName, engine: EngineName | undefined): boolean {
  return engine === 'duckdb' && ENGINE_EXTRACTS.includes(extract);
}

/**
 * The event dates of an extract (SPEC §1.3) as its declaration names them (declare.ts
 * EventColumns, the columns the TypeScript reader's eventDayRange reads): the default periods
 * of an engine run come from them, before the script runs (the script's own
 * first_event/last_event rows come too late for that).
 */
function eventColumnsOf(extract: ExtractName): readonly EventField[] {
  const schema = SCHEMAS[extract] as { events?: { columns: readonly EventField[] } };
  return schema.events?.columns ?? [];
}

/** The columns of the extract tables the plan casts, with the type (from the plan's sources:
 *  the casts are the compiler's, not a list kept here). */
function castsOf(plan: Plan): Map<string, Map<string, SqlType>> {
  const out = new Map<string, Map<string, SqlType>>();
  for (const step of plan.steps) {
    const r = step.relation;
    if (r.kind !== 'source') continue;
    const casts = out.get(r.extract) ?? new Map<string, SqlType>();
    out.set(r.extract, casts);
    const walk = (e: Expr): void => {
      if (e.k === 'cast' && e.e.k === 'col' && e.type !== 'text') casts.set(e.e.name, e.type);
      for (const v of Object.values(e)) {
        if (v && typeof v === 'object' && 'k' in (v as object)) walk(v as Expr);
        if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && 'k' in x) walk(x as Expr);
      }
    };
    for (const c of r.columns) walk(c.read);
  }
  return out;
}

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof import('@duckdb/node-api').DuckDBInstance.create>>['connect']>>;

/** The tables the script reads: the admissions and the contacts through the views whose id is
 *  the file order (readExtract, ORDERED_ID). */
const TABLES = { admissions: 'admissions_ordered', contacts: 'contacts_ordered' } as const;
/** The id column the script breaks ties of the start by, per extract (src/sql/compile.ts's
 *  episodes order by (admitted_at, admission_id), src/sql/contacts.ts's stays by (start_at,
 *  contact_id)); the TypeScript engine breaks them by file order (src/calc/episodes.ts,
 *  src/facts/stays.ts), so the views replace the id by the row's place in the file. */
const ORDERED_ID: Partial<Record<ExtractName, string>> = { admissions: 'admission_id', contacts: 'contact_id' };

/** TRIPLE_AIM_DUCKDB_TRACE=1: each DuckDB step's wall time on stderr (for profiling). */
const TRACE = process.env.TRIPLE_AIM_DUCKDB_TRACE === '1';
async function traced<T>(what: string, step: () => Promise<T>): Promise<T> {
  if (!TRACE) return step();
  const t = performance.now();
  try {
    return await step();
  } finally {
    process.stderr.write(`duckdb: ${what}: ${Math.round(performance.now() - t)} ms\n`);
  }
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One line of a DuckDB error, for people: its first line, without DuckDB's caret lines. */
function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].trim();
}

export interface DuckdbEngine {
  /** What can be said of each extract DuckDB read (SPEC §4.1 inputs[]). */
  infos: ExtractInfo[];
  /** The counts of the covered indicators for these periods and breakdown. */
  count(indicators: readonly IndicatorDefinition[], periods: readonly Period[], by: readonly Dimension[]): Promise<GivenCounts>;
  close(): void;
}

/** The sources DuckDB reads and the rest (the TypeScript readers'), after the usage checks of
 *  --engine duckdb (exit 2): Parquet only for an extract the SQL reads, files not stdin, UTF-8. */
export function splitSources(
  sources: readonly ExtractSource[],
  opts: InputOptions & EngineOptions,
): { mine: ExtractSource[]; rest: ExtractSource[] } {
  const mine = sources.filter((s) => duckdbReads(s.extract, opts.engine));
  const rest = sources.filter((s) => !mine.includes(s));
  for (const s of rest) {
    if (isParquet(s.path)) {
      throw new UsageError(`${s.path}: --engine duckdb reads ${ENGINE_EXTRACTS.join(', ')} from Parquet, not the ${s.extract} extract; give it as CSV`);
    }
  }
  for (const s of mine) {
    if (s.path === '-') throw new UsageError(`--engine duckdb reads files, not standard input: give --${s.extract} a file`);
  }
  if (opts.encoding === 'latin1' || opts.encoding === 'cp1252') {
    throw new UsageError(`--engine duckdb reads UTF-8 CSV files only; --encoding ${opts.encoding} needs --engine ts`);
  }

  return { mine, rest };
}

/**
 * Opens DuckDB over the sources it reads (splitSources), checks their headers, values and casts
 * in one summary query each, and returns the engine. Throws InputError (exit 1) for bad data,
 * UsageError (exit 2) for bad usage.
 */
export async function openDuckdb(
  mine: readonly ExtractSource[],
  opts: InputOptions & EngineOptions & { profile?: Profile },
): Promise<DuckdbEngine> {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const temp = process.env[TEMP_ENV] ?? mkdtempSync(join(tmpdir(), 'triple-aim-duckdb-'));
  const ownTemp = process.env[TEMP_ENV] === undefined;
  const memory = process.env[MEMORY_ENV] ?? `${Math.floor((totalmem() * MEMORY_SHARE) / 2 ** 20)}MB`;
  let db: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  try {
    db = await DuckDBInstance.create(':memory:', {
      memory_limit: memory,
      temp_directory: temp,
      threads: String(availableParallelism()),
    });
  } catch (e) {
    if (ownTemp) rmSync(temp, { recursive: true, force: true });
    throw new UsageError(`--engine duckdb: DuckDB would not start (${firstLine(e)}); check ${MEMORY_ENV}=${memory}`);
  }
  const con = await db.connect();
  let open = true;
  const removeTemp = () => {
    if (ownTemp) rmSync(temp, { recursive: true, force: true });
  };
  // The temp directory goes whatever ends the run (a usage error after loading, an exception).
  process.once('exit', removeTemp);
  const close = () => {
    if (!open) return;
    open = false;
    con.closeSync();
    db.closeSync();
    removeTemp();
    process.off('exit', removeTemp);
  };
  try {
    const hashes = new Map(mine.map((s) => [s.extract, sha256Of(s.path)]));
    const read: ReadExtract[] = [];
    for (const s of mine) read.push(await traced(`read ${s.path}`, () => readExtract(con, s, opts.delimiter)));
    // Every later statement may reorder rows: the file order is kept in each table's row column.
    await con.run('SET preserve_insertion_order = false');
    const summaries = new Map<ExtractName, Summary>();
    // The casts the full plan makes (every covered indicator): the check is of the cells the
    // script reads, whatever the selection.
    // The script of the run's profile (SPEC §14.3: its readmission declaration and catalogue)
    // over the hospital extract given (SPEC §14.1: admissions.csv or contacts.csv, not both).
    const compiled = { tables: TABLES, profile: profile.id, readmission: profile.readmission, hospital: read.some((r) => r.source.extract === 'contacts') ? ('contacts' as const) : ('admissions' as const) };
    const plan = compile({ indicators: coveredOf(allCounting(profile), read), periods: parsePeriodArgument('2016'), by: [], ...compiled });
    const casts = castsOf(plan);
    for (const r of read) summaries.set(r.source.extract, await traced(`summary of ${r.source.path}`, () => summarise(con, r, casts.get(r.source.extract) ?? new Map())));
    const infos: ExtractInfo[] = [];
    for (const r of read) {
      const s = summaries.get(r.source.extract)!;
      infos.push({
        extract: r.source.extract,
        path: r.source.path,
        sha256: '',
        rows: s.rows,
        rowsRejected: 0,
        encoding: 'utf8',
        columns: r.present,
        eventDays: s.eventDays,
        dataEnd: null,
      });
    }
    const coveredIds = (indicators: readonly IndicatorDefinition[]) =>
      new Set(coveredOf(indicators.filter((i): i is CountingIndicator => i.kind === 'counting'), read).map((i) => i.id));
    /** The script's counts of the covered indicators, as the CountsFile `--counts` reads. */
    const countFile = async (indicators: readonly IndicatorDefinition[], periods: readonly Period[], by: readonly Dimension[]): Promise<CountsFile> => {
      const selected = coveredOf(indicators.filter((i): i is CountingIndicator => i.kind === 'counting'), read);
      // With none of them selected the script still runs, for the data ends of inputs[]: on the
      // first covered indicator (its counts are not used: `covers` names the selected only).
      const covered = selected.length > 0 ? selected : coveredOf(allCounting(profile), read).slice(0, 1);
      // Nothing DuckDB could count (no extract of its own): no script.
      if (covered.length === 0) return { by: [...by], rows: [], periods: periods.map((p) => p.id), dataEnd: new Map(), profile: null, eventDays: new Map(), invalid: [] };
      // The script names each period by a stand-in year id (1900, 1901, …) over the period's own
      // days: the counts file takes period ids only, and an evaluation window (2016-03..2017-02)
      // is not one; the rows get their period back below.
      const standIns = periods.map((p, i) => ({ ...p, id: String(1900 + i) }));
      const dataEndOf = read.map((r) => r.source.extract);
      const script = printPlan(compile({ indicators: covered, periods: standIns, by, dataEndOf, ...compiled }), DIALECT.duckdb);
      let rows: Record<string, unknown>[];
      try {
        rows = await traced('script', async () => (await con.runAndReadAll(script)).getRowObjectsJson() as Record<string, unknown>[]);
      } catch (e) {
        throw new InputError(
          `--engine duckdb: DuckDB stopped while counting ${read.map((r) => r.source.path).join(', ')}: ${firstLine(e)} ` +
            `(\`triple-aim validate\` names the line; --engine ts reads what DuckDB cannot)`,
        );
      }
      const { counts: file, problems } = readCounts(countsCsv(rows, resultDimensions(by, covered)), 'the DuckDB counts');
      if (problems.length > 0) throw new Error(`DuckDB counts unreadable: ${problems[0].message}`); // a defect, not data
      // SPEC §2.1: the script reads every spelling the reader accepts and leaves out a row whose
      // enumerated value the reader would reject, counting it (invalid=EXTRACT.COLUMN, see
      // src/sql/vocabulary.ts). A run on the extracts fails on such a row, so this one does too.
      if (file.invalid.length > 0) {
        const pathOf = (extract: string) => read.find((r) => r.source.extract === extract)?.source.path ?? `${extract}.csv`;
        const lines = file.invalid.map((x) => `${pathOf(x.extract)}: ${x.column}: ${x.rows} row${x.rows === 1 ? '' : 's'} with a value the reader does not accept`);
        lines.push(
          `triple-aim: nothing was computed; \`triple-aim validate --${file.invalid[0].extract} ${pathOf(file.invalid[0].extract)}\` names the lines and values (--engine ts can leave them out with --skip-invalid)`,
        );
        throw new InputError(lines[lines.length - 1], lines);
      }
      const real = new Map(standIns.map((p, i) => [p.id, periods[i].id]));
      for (const row of file.rows) row.period = real.get(row.period) ?? row.period;
      file.periods = file.periods.map((id) => real.get(id) ?? id);
      // The data end of each extract (SPEC §13.2), as the script found it.
      for (const info of infos) info.dataEnd = file.dataEnd.get(info.extract as never) ?? null;
      return file;
    };
    const engine: DuckdbEngine = {
      infos,
      async count(indicators, periods, by) {
        return engineCounts(await countFile(indicators, periods, by), infos, coveredIds(indicators));
      },
      close,
    };
    // SHA-256 of each file, hashed while DuckDB read it.
    await traced('sha256', async () => {
      for (const info of infos) info.sha256 = await hashes.get(info.extract)!;
    });
    return engine;
  } catch (e) {
    close();
    throw e;
  }
}

function allCounting(profile: Profile): CountingIndicator[] {
  return profile.catalogue.filter((i): i is CountingIndicator => i.kind === 'counting');
}

/** The indicators DuckDB counts: compiled to SQL, every extract they read read by DuckDB (the
 *  admissions of contacts.csv are its stays, SPEC §14.2). */
function coveredOf(indicators: readonly CountingIndicator[], read: readonly ReadExtract[]): CountingIndicator[] {
  const have = new Set<string>(read.map((r) => r.source.extract));
  if (have.has('contacts')) have.add('admissions');
  return indicators.filter((i) => isSqlIndicator(i.id) && i.sources.filter((s) => s !== 'population').every((s) => have.has(s)));
}

interface ReadExtract {
  source: ExtractSource;
  /** The canonical optional columns present (ExtractInfo.columns). */
  present: Set<string>;
}

/**
 * Makes the extract's table `EXTRACT` with the canonical column names of its declaration
 * (aliases resolved as the TypeScript reader resolves them, SPEC §6.1; an absent optional
 * column is NULL, so the indicator that needs it is reported not computed, as --engine ts does)
 * and `__row`, the row's place in the file: the admissions' ties in admitted_at are broken by
 * it, as the TypeScript engine breaks them by file order (SPEC §3.1), not by admission_id.
 */
async function readExtract(con: Connection, source: ExtractSource, delimiter: string | undefined): Promise<ReadExtract> {
  const parquet = isParquet(source.path);
  const from = parquet
    ? `read_parquet(${str(source.path)}, file_row_number = true)`
    : `read_csv(${str(source.path)}, header = true, all_varchar = true${delimiter ? `, delim = ${str(delimiter)}` : ''})`;
  let names: string[];
  try {
    names = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson().map((r) => String(r.column_name));
  } catch (e) {
    throw new InputError(`${source.path}: DuckDB cannot read it as ${parquet ? 'Parquet' : 'CSV'}: ${firstLine(e)}${parquet ? '' : ' (`triple-aim validate` says more)'}`);
  }
  const columns = SCHEMAS[source.extract].columns;
  const header = resolveHeader(columns, names.filter((n) => n !== 'file_row_number'), parquet ? ',' : (delimiter ?? ','));
  if (header.unusable) throw new InputError(`${source.path}: ${header.problems[0].message}`, header.problems.map((p) => `${source.path}: ${p.message}`));
  const select = columns.map((c, i) => {
    const at = header.fieldIndex[i];
    return at < 0 ? `CAST(NULL AS VARCHAR) AS ${q(c.name)}` : `${q(names.filter((n) => n !== 'file_row_number')[at])} AS ${q(c.name)}`;
  });
  const table = q(source.extract);
  try {
    if (parquet) {
      await con.run(`CREATE VIEW ${table} AS SELECT ${select.join(', ')}, file_row_number AS "__row" FROM ${from}`);
    } else {
      // One pass over the CSV into DuckDB's columns (spilled beyond memory_limit); with
      // preserve_insertion_order (the default) rowid is the file order.
      await con.run(`CREATE TABLE "__${source.extract}" AS SELECT * FROM ${from}`);
      await con.run(`CREATE VIEW ${table} AS SELECT ${select.join(', ')}, rowid AS "__row" FROM "__${source.extract}"`);
    }
  } catch (e) {
    throw new InputError(`${source.path}: DuckDB cannot read it: ${firstLine(e)} (\`triple-aim validate\` names the line)`);
  }
  const id = ORDERED_ID[source.extract];
  if (id !== undefined) {
    // The script orders a patient's admissions by (admitted_at, admission_id), contacts by
    // (start_at, contact_id): the id is the row's place in the file, zero-padded so text order
    // is file order. (The summary's check of repeated ids reads the table, not this view.)
    await con.run(
      `CREATE OR REPLACE VIEW ${q(TABLES[source.extract as keyof typeof TABLES])} AS SELECT * REPLACE (LPAD(CAST("__row" AS VARCHAR), 12, '0') AS ${q(id)}) FROM ${table}`,
    );
  }
  return { source, present: new Set(header.present) };
}

interface Summary {
  rows: number;
  eventDays: { first: DayNumber; last: DayNumber } | null;
}

const SQL_TYPE: Record<SqlType, string> = { text: 'VARCHAR', integer: 'INTEGER', decimal: DIALECT.duckdb.type('decimal'), timestamp: 'TIMESTAMP', date: 'DATE' };

/**
 * One pass over an extract: its rows, its event-date range, and the first cell of each
 * checked column that the script could not read — a value DuckDB cannot cast, or a value that
 * is not canonical (SPEC §15). A bad cell is an InputError naming the file, the row, the
 * column and the value (`triple-aim validate` gives the line).
 */
async function summarise(con: Connection, r: ReadExtract, casts: ReadonlyMap<string, SqlType>): Promise<Summary> {
  const table = q(r.source.extract);
  const parts: string[] = ['COUNT(*) AS "rows"'];
  const day = (f: EventField) => (f.time ? `CAST(TRY_CAST(${q(f.name)} AS TIMESTAMP) AS DATE)` : `TRY_CAST(${q(f.name)} AS DATE)`);
  const events = eventColumnsOf(r.source.extract).filter((f) => f.required || r.present.has(f.name));
  if (events.length > 0) {
    parts.push(`LEAST(${events.map((c) => `MIN(${day(c)})`).join(', ')}) AS "first"`, `GREATEST(${events.map((c) => `MAX(${day(c)})`).join(', ')}) AS "last"`);
  }
  const checks: { column: string; expected: string; bad: string }[] = [];
  for (const [column, type] of casts) {
    checks.push({ column, expected: `a ${type === 'decimal' ? 'decimal number' : type === 'integer' ? 'whole number' : type === 'timestamp' ? 'date-time (YYYY-MM-DD HH:MM)' : 'date (YYYY-MM-DD)'}`, bad: `${q(column)} IS NOT NULL AND TRY_CAST(${q(column)} AS ${SQL_TYPE[type]}) IS NULL` });
  }
  const has = (column: string) => r.present.has(column) || SCHEMAS[r.source.extract].columns.some((x) => x.name === column && x.required);
  // SPEC §2.1: an age is 0–125 whole years, a municipality three digits (0751 read as 751;
  // src/extracts/fields.ts parseAge, parseMunicipality): the script would count any integer.
  if (casts.has('age')) checks.push({ column: 'age', expected: 'an age of 0–125 years', bad: `TRY_CAST("age" AS INTEGER) NOT BETWEEN 0 AND 125` });
  if (has('municipality_code')) {
    checks.push({
      column: 'municipality_code',
      expected: 'a municipality code (3 digits, e.g. 751; 0751 is read as 751)',
      bad: `"municipality_code" IS NOT NULL AND NOT regexp_full_match(CAST("municipality_code" AS VARCHAR), '0?[0-9]{3}')`,
    });
  }
  // The declared row rules (SPEC §2.2, §2.3: an order of dates), over the columns the script casts.
  const typed = (column: string) => `TRY_CAST(${q(column)} AS ${SQL_TYPE[casts.get(column)!]})`;
  const rules = rulesOf(r.source.extract);
  for (const rule of rules) {
    if (rule.kind === 'notBefore' && casts.has(rule.later) && casts.has(rule.earlier)) {
      checks.push({ column: rule.later, expected: `on or after ${rule.earlier}`, bad: `${typed(rule.later)} < ${typed(rule.earlier)}` });
    }
    if (rule.kind === 'within' && casts.has(rule.column) && casts.has(rule.from) && casts.has(rule.to)) {
      checks.push({ column: rule.column, expected: `between ${rule.from} and ${rule.to}`, bad: `${typed(rule.column)} < ${typed(rule.from)} OR ${typed(rule.column)} > ${typed(rule.to)}` });
    }
  }
  const unique = rules.find((x) => x.kind === 'unique');
  // Its own id, not __row: the admissions view's admission_id is the file order.
  if (unique?.kind === 'unique') parts.push(`COUNT(*) - COUNT(DISTINCT ${q(unique.column)}) AS "repeats"`);

  // Each check once per row (a flag), then counted and its first row found; the values of the
  // first bad rows are fetched only when there are any.
  checks.forEach((_, i) => parts.push(`MIN(CASE WHEN "b${i}" THEN "__row" END) AS "r${i}"`, `COUNT(*) FILTER (WHERE "b${i}") AS "n${i}"`));
  const flags = checks.map((c, i) => `COALESCE(${c.bad}, false) AS "b${i}"`);
  let row: Record<string, unknown>;
  try {
    row = (await con.runAndReadAll(`SELECT ${parts.join(', ')} FROM (SELECT *${flags.map((f) => `, ${f}`).join('')} FROM ${table})`)).getRowObjectsJson()[0] as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`${r.source.path}: DuckDB cannot read it: ${firstLine(e)} (\`triple-aim validate\` names the line)`);
  }
  const lines: string[] = [];
  for (const [i, c] of checks.entries()) {
    const n = Number(row[`n${i}`] ?? 0);
    if (n === 0) continue;
    const first = Number(row[`r${i}`]);
    const found = (await con.runAndReadAll(`SELECT CAST(${q(c.column)} AS VARCHAR) AS "v" FROM ${table} WHERE "__row" = ${first}`)).getRowObjectsJson()[0];
    lines.push(`${r.source.path}: data row ${first + 1}: ${c.column}: "${String(found?.v).slice(0, 40)}" is not ${c.expected}${n > 1 ? ` (and ${n - 1} more row${n === 2 ? '' : 's'})` : ''}`);
  }
  const repeats = Number(row.repeats ?? 0);
  if (unique?.kind === 'unique' && repeats > 0) {
    lines.push(`${r.source.path}: ${unique.column}: ${repeats} row${repeats === 1 ? ' repeats' : 's repeat'} the ${unique.column} of an earlier row (each ${unique.noun} once)`);
  }
  if (lines.length > 0) {
    const last = `triple-aim: ${lines.length} column${lines.length === 1 ? '' : 's'} of ${r.source.path} that --engine duckdb cannot count; nothing was computed (\`triple-aim validate\` names every line)`;
    throw new InputError(last, [...lines, last]);
  }
  const asDay = (v: unknown): DayNumber | null => {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
    return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  };
  const first = asDay(row.first);
  const last = asDay(row.last);
  return { rows: Number(row.rows), eventDays: first === null || last === null ? null : { first, last } };
}

/** The declared row rules of a large extract (none for the small ones). */
function rulesOf(extract: ExtractName): readonly DeclaredRule[] {
  const schema = SCHEMAS[extract] as { rules?: readonly DeclaredRule[] };
  return schema.rules ?? [];
}

/** The script's result rows as the CSV `--counts` reads (SPEC §15). */
/** The script's rows as the counts CSV (its columns: resultColumns of the script's dimensions). */
function countsCsv(rows: readonly Record<string, unknown>[], dims: readonly Dimension[]): string {
  const columns = resultColumns(dims);
  const field = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\n') + '\n';
}

/** The file's SHA-256, streamed (SPEC §4.1: inputs[] names what was read). */
function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', (e) => reject(new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e.message})`)))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The inputs of a computing command under --engine: with duckdb, the extracts DuckDB reads are
 * opened there and the others loaded by the TypeScript readers (loadInputs); inputs[] lists
 * both in the usual extract order. With ts, loadInputs alone. The caller closes the engine.
 */
export async function loadWithEngine(
  sources: readonly ExtractSource[],
  opts: InputOptions & EngineOptions & { profile?: Profile },
  load: { skipInvalid: boolean; keepIds?: boolean },
): Promise<{ data: LoadedData; infos: ExtractInfo[]; engine: DuckdbEngine | null }> {
  if (opts.engine !== 'duckdb') {
    for (const s of sources) if (isParquet(s.path)) throw new UsageError(`${s.path}: a Parquet extract is read with --engine duckdb`);
    return { ...(await loadInputs(sources, opts, load)), engine: null };
  }
  if (load.skipInvalid) throw new UsageError('--skip-invalid: --engine duckdb counts every row or stops at the first it cannot read; use --engine ts to leave rows out');
  const { mine, rest } = splitSources(sources, opts);
  // DuckDB reads and checks its extracts in its own threads while this one loads the others.
  const [opened, loaded] = await Promise.allSettled([openDuckdb(mine, opts), loadInputs(rest, opts, load)]);
  if (opened.status === 'rejected') throw opened.reason;
  const engine = opened.value;
  if (loaded.status === 'rejected') {
    engine.close();
    throw loaded.reason;
  }
  const { data, infos } = loaded.value;
  const order = (e: ExtractName) => (EXTRACT_NAMES as readonly string[]).indexOf(e);
  const all = [...infos, ...engine.infos].sort((a, b) => order(a.extract) - order(b.extract));
  return { data, infos: all, engine };
}

/** The periods a run counts: its periods and the baseline period (run.ts computes it alongside). */
export function countedPeriods(periods: readonly Period[], baselinePeriod?: Period): Period[] {
  return baselinePeriod && !periods.some((p) => p.id === baselinePeriod.id) ? [...periods, baselinePeriod] : [...periods];
}

/** The engine's counts of one run, then the engine closed (its temp directory removed). */
export async function countWith(engine: DuckdbEngine, indicators: readonly IndicatorDefinition[], periods: readonly Period[], by: readonly Dimension[]): Promise<GivenCounts> {
  try {
    return await engine.count(indicators, periods, by);
  } finally {
    engine.close();
  }
}
