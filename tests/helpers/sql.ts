// Running the generated SQL (SPEC §15) in real engines and comparing its counts with the
// TypeScript engine's: the extract is read by the tool's own reader, written back as a
// canonical table (SPEC §15: canonical names, canonical values), loaded into the engine, and
// the script's result set is compared cell by cell with what CellTally (src/engine/aggregate.ts)
// collects from the same indicators.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dimension } from '../../src/calc/groups.js';
import type { Period } from '../../src/calc/periods.js';
import { formatDay, formatWallTime } from '../../src/calc/time.js';
import { CellTally } from '../../src/engine/aggregate.js';
import { loadExtractsWith } from '../../src/extracts/load.js';
import { amountOrNull, dayOrNull, timeOrNull, valueOf } from '../../src/extracts/read.js';
import { personOf, type LoadedData } from '../../src/extracts/records.js';
import { deriveFacts, prepare, type DerivedFacts } from '../../src/facts/index.js';
import { MESSAGES } from '../../src/domain/messages.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { esp2013BandOf, frequenciesOf } from '../../src/analysis/standardisation.js';

/** Loads the given extracts with the tool's reader; any problem fails the test. */
export async function loadFiles(paths: { admissions?: string; contacts?: string; referrals?: string; smoking?: string; lup?: string }): Promise<LoadedData> {
  const sources = Object.entries(paths).map(([extract, path]) => ({ extract: extract as 'admissions' | 'contacts' | 'referrals' | 'smoking' | 'lup', path: path! }));
  const result = await loadExtractsWith(sources, { lanes: false });
  const problems = result.files.flatMap((f) => f.problems);
  if (problems.length > 0) throw new Error(`${problems[0].path}: ${problems.length} problems, first: ${problems[0].message}`);
  return result.data;
}

export const ADMISSION_COLUMNS = [
  'admission_id', 'patient_id', 'admitted_at', 'discharged_at', 'admission_type', 'primary_diagnosis', 'sector',
  'municipality_code', 'age', 'sex', 'education', 'cost_dkk', 'cofinancing_dkk', 'ready_for_discharge_at', 'discharge_status',
] as const;

/**
 * The admissions as a canonical CSV (SPEC §15). admission_id is the row's line in its file,
 * zero-padded: the engine breaks ties of admitted_at by file order, the script by id, and
 * this id keeps the two orders the same.
 */
export function canonicalAdmissionsCsv(data: LoadedData): string {
  const t = data.admissions!.table;
  const c = t.columns;
  const discharged = timeOrNull(t, 'dischargedAt');
  const ready = timeOrNull(t, 'readyForDischargeAt');
  const cost = amountOrNull(t, 'costDkk');
  const cofinancing = amountOrNull(t, 'cofinancingDkk');
  const lines = [ADMISSION_COLUMNS.join(',')];
  for (let i = 0; i < t.length; i++) {
    const who = personOf(t, i);
    const d = discharged(i);
    const r = ready(i);
    lines.push(
      [
        `L${String(c.line[i]).padStart(9, '0')}`,
        `P${c.patientId[i]}`,
        formatWallTime(c.admittedAt[i]),
        d === null ? '' : formatWallTime(d),
        c.acute[i] === 1 ? 'acute' : 'planned',
        t.types.diagnosis.values[c.diagnosis[i]],
        c.psychiatric[i] === 1 ? 'psychiatric' : 'somatic',
        who.municipality ?? '',
        who.age ?? '',
        who.sex ?? '',
        who.education ?? '',
        cost(i) ?? '',
        cofinancing(i) ?? '',
        r === null ? '' : formatWallTime(r),
        c.died[i] === 1 ? 'died' : 'alive',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const CONTACT_COLUMNS = [
  'contact_id', 'patient_id', 'start_at', 'end_at', 'contact_type', 'priority', 'action_diagnosis', 'secondary_diagnoses', 'sector',
  'unit_type', 'municipality_code', 'age', 'sex', 'education', 'cost_dkk', 'cofinancing_dkk', 'ready_for_discharge_at', 'end_status',
] as const;

/**
 * The contacts as a canonical CSV (SPEC §14.1, §15). contact_id is the row's line in its file,
 * zero-padded: the engine breaks ties of start_at by file order, the script by id (README
 * "sql"), and this id keeps the two orders the same. Secondary diagnoses as the reader
 * normalised them, joined by `|`.
 */
export function canonicalContactsCsv(data: LoadedData): string {
  const t = data.contacts!.table;
  const c = t.columns;
  const end = timeOrNull(t, 'endAt');
  const ready = timeOrNull(t, 'readyForDischargeAt');
  const cost = amountOrNull(t, 'costDkk');
  const cofinancing = amountOrNull(t, 'cofinancingDkk');
  const type = valueOf(t, 'contactType');
  const lines = [CONTACT_COLUMNS.join(',')];
  for (let i = 0; i < t.length; i++) {
    const who = personOf(t, i);
    const e = end(i);
    const r = ready(i);
    lines.push(
      [
        `C${String(c.line[i]).padStart(9, '0')}`,
        `P${c.patientId[i]}`,
        formatWallTime(c.startAt[i]),
        e === null ? '' : formatWallTime(e),
        type(i),
        c.acute[i] === 1 ? 'acute' : 'planned',
        t.types.diagnosis.values[c.diagnosis[i]],
        t.types.secondaryDiagnoses.values[c.secondaryDiagnoses[i]],
        c.psychiatric[i] === 1 ? 'psychiatric' : 'somatic',
        c.hospice[i] === 1 ? 'hospice' : 'hospital',
        who.municipality ?? '',
        who.age ?? '',
        who.sex ?? '',
        who.education ?? '',
        cost(i) ?? '',
        cofinancing(i) ?? '',
        r === null ? '' : formatWallTime(r),
        c.died[i] === 1 ? 'died' : 'alive',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const REFERRAL_COLUMNS = [
  'referral_id', 'patient_id', 'referred_at', 'sender', 'offer', 'municipality_code', 'received_at', 'contacted_at',
  'started_at', 'start_due_by', 'expected_delivery_date', 'team_joined_at', 'age', 'sex', 'education',
] as const;

/** The referrals as a canonical CSV (SPEC §15). */
export function canonicalReferralsCsv(data: LoadedData): string {
  const t = data.referrals!.table;
  const sender = valueOf(t, 'sender');
  const offer = valueOf(t, 'offer');
  const dates = (['receivedAt', 'contactedAt', 'startedAt', 'startDueBy', 'expectedDeliveryDate', 'teamJoinedAt'] as const).map((f) => dayOrNull(t, f));
  const lines = [REFERRAL_COLUMNS.join(',')];
  for (let i = 0; i < t.length; i++) {
    const who = personOf(t, i);
    lines.push(
      [
        `R${i}`,
        `P${t.columns.patientId[i]}`,
        formatDay(t.columns.referredAt[i]),
        sender(i),
        offer(i),
        who.municipality ?? '',
        ...dates.map((d) => {
          const v = d(i);
          return v === null ? '' : formatDay(v);
        }),
        who.age ?? '',
        who.sex ?? '',
        who.education ?? '',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const SMOKING_COLUMNS = ['participant_id', 'municipality_code', 'course_started_at', 'completed', 'followup_6m', 'age', 'sex', 'education'] as const;

/** The smoking courses as a canonical CSV (SPEC §15; booleans `true`/`false`). */
export function canonicalSmokingCsv(data: LoadedData): string {
  const t = data.smoking!.table;
  const completed = valueOf(t, 'completed');
  const followup = valueOf(t, 'followup6m');
  const lines = [SMOKING_COLUMNS.join(',')];
  for (let i = 0; i < t.length; i++) {
    const who = personOf(t, i);
    lines.push(
      [`S${i}`, who.municipality ?? '', formatDay(t.columns.courseStartedAt[i]), completed(i) ? 'true' : 'false', followup(i) ?? '', who.age ?? '', who.sex ?? '', who.education ?? ''].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const LUP_COLUMNS = ['respondent_id', 'survey', 'responded_at', 'patient_type', 'question', 'answer', 'municipality_code', 'age', 'sex', 'education'] as const;

/** The LUP answers as a canonical CSV (SPEC §15): the answer as its class's first spelling on
 *  the scale (5, 3 or 9: one of each class; the script maps the class, not the wording). */
export function canonicalLupCsv(data: LoadedData): string {
  const t = data.lup!.table;
  const survey = valueOf(t, 'survey');
  const patientType = valueOf(t, 'patientType');
  const question = valueOf(t, 'question');
  const answer = valueOf(t, 'answer');
  const written = { positive: '5', negative: '3', excluded: '9' } as const;
  const lines = [LUP_COLUMNS.join(',')];
  for (let i = 0; i < t.length; i++) {
    const who = personOf(t, i);
    lines.push(
      [`A${i}`, survey(i), formatDay(t.columns.respondedAt[i]), patientType(i), question(i), written[answer(i)], who.municipality ?? '', who.age ?? '', who.sex ?? '', who.education ?? ''].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** The canonical tables of the loaded extracts the script reads. */
export function canonicalTables(data: LoadedData): Record<string, string> {
  return {
    ...(data.admissions ? { admissions: canonicalAdmissionsCsv(data) } : {}),
    ...(data.contacts ? { contacts: canonicalContactsCsv(data) } : {}),
    ...(data.referrals ? { referrals: canonicalReferralsCsv(data) } : {}),
    ...(data.smoking ? { smoking: canonicalSmokingCsv(data) } : {}),
    ...(data.lup ? { lup: canonicalLupCsv(data) } : {}),
  };
}

/** One row of counts, keyed `indicator|period|dim values|cell` (dims `-` in the total row). */
export interface CountRow {
  numerator: number;
  denominator: number;
  units: number;
}

export type Counts = Map<string, CountRow>;

const keyOf = (indicator: string, period: string, dims: readonly (string | null)[], cell: string | null) =>
  [indicator, period, ...dims.map((d) => d ?? '-'), cell ?? ''].join('|');

/** The note cell of a declared label: its MESSAGES name, and its parameters read back from
 *  the English text (`preventionReferralSenderLeftOut;sender=self`). */
function noteCellOf(label: string): string {
  for (const [key, m] of Object.entries(MESSAGES)) {
    const names: string[] = [];
    const pattern = m.en.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_: string, name: string) => {
      names.push(name);
      return '(.+?)';
    });
    const match = new RegExp(`^${pattern}$`).exec(label);
    if (match) return [key, ...names.map((n, i) => `${n}=${match[i + 1]}`)].join(';');
  }
  return label;
}

/** The TypeScript engine's counts of the same cells the script returns. */
export function engineCounts(
  indicators: readonly CountingIndicator[],
  data: LoadedData,
  periods: readonly Period[],
  by: readonly Dimension[],
): Counts {
  const prepared = prepare(data);
  deriveFacts(prepared, indicators.flatMap((i) => i.needs));
  const out: Counts = new Map();
  for (const indicator of indicators) {
    const dims = by.filter((d) => indicator.dimensions.includes(d));
    const tally = new CellTally(periods, dims, { byEducation: true, strata: true });
    // From contacts.csv the prepared data hold the admissions among the stays (SPEC §14.2).
    indicator.count(prepared.data, tally, {
      periods,
      firstDay: Math.min(...periods.map((p) => p.from)),
      lastDay: Math.max(...periods.map((p) => p.to)),
      facts: prepared.facts as DerivedFacts,
    });
    const education = ['percent', 'per_1000'].includes(indicator.unit) && indicator.dimensions.includes('education') && !indicator.definedByEducation;
    const strata = indicator.unit === 'per_1000';
    periods.forEach((period, i) => {
      for (const cell of tally.cells[i].values()) {
        const values = by.map((d) => (dims.includes(d) && d in cell.group ? cell.group[d]! : null));
        const put = (name: string | null, row: CountRow) => out.set(keyOf(indicator.id, period.id, values, name), row);
        if (cell.units > 0) put(null, { numerator: cell.numerator, denominator: cell.denominator, units: cell.units });
        for (const [label, n] of cell.notes) put(`note=${noteCellOf(label)}`, { numerator: n, denominator: 0, units: n });
        if (cell.followUpEnd > -Infinity) put(`follow_up_end=${formatDay(cell.followUpEnd)}`, { numerator: 0, denominator: 0, units: 0 });
        if (education) for (const [level, s] of cell.education ?? []) put(`education=${level}`, { ...s });
        if (strata) {
          (cell.strata ?? []).forEach((band, b) => {
            if (!band) return;
            put(`esp2013=${b}`, { numerator: band.events, denominator: 0, units: -1 });
            for (const f of frequenciesOf(band.persons.values())) put(`esp2013=${b};events=${f.events}`, { numerator: f.persons, denominator: 0, units: f.persons });
          });
        }
      }
    });
  }
  return out;
}

/** The script's result rows as counts (the data-end row left out; see dataEndOf). */
export function scriptCounts(rows: readonly Record<string, unknown>[], by: readonly Dimension[]): Counts {
  const out: Counts = new Map();
  for (const r of rows) {
    if (r.indicator === null) continue;
    const cell = r.cell === null ? null : String(r.cell);
    const k = keyOf(String(r.indicator), String(r.period), by.map((d) => (r[d] === null ? null : String(r[d]))), cell);
    const units = cell !== null && /^esp2013=\d+$/.test(cell) ? -1 : Number(r.units);
    out.set(k, { numerator: Number(r.numerator), denominator: Number(r.denominator), units });
  }
  return out;
}

/** The data end the script returned for an extract (`data_end=EXTRACT`), or null. */
export function scriptDataEnd(rows: readonly Record<string, unknown>[], extract: string): string | null {
  const row = rows.find((r) => r.cell === `data_end=${extract}`);
  return row ? String(row.period) : null;
}

// Keep esp2013BandOf referenced: the strata keys above are its band indices.
void esp2013BandOf;

// ---------------------------------------------------------------------------------------
// DuckDB, in process

export async function runDuckdb(script: string, tables: Readonly<Record<string, string>>): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    for (const [name, csv] of Object.entries(tables)) {
      const path = scratch(`${name}.csv`, csv);
      // Every column as text: the script casts to the canonical types itself (SPEC §15).
      await con.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`);
    }
    const result = await con.runAndReadAll(script);
    return result.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

const scratchDir = mkdtempSync(join(tmpdir(), 'triple-aim-sql-'));
chmodSync(scratchDir, 0o755);
let scratchCount = 0;
function scratch(name: string, content: string): string {
  const path = join(scratchDir, `${++scratchCount}-${name}`);
  writeFileSync(path, content);
  chmodSync(path, 0o644);
  return path;
}

// ---------------------------------------------------------------------------------------
// PostgreSQL: a throwaway cluster in a temp dir (initdb refuses root: run as `postgres`)

// Debian installs each major under /usr/lib/postgresql/N/bin (bookworm 15, trixie 17): the newest present.
const PG_BIN = (existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [])
  .filter((v) => /^\d+$/.test(v))
  .sort((a, b) => Number(b) - Number(a))
  .map((v) => join('/usr/lib/postgresql', v, 'bin'))
  .find((d) => existsSync(join(d, 'initdb')));

export function postgresMissing(): string | null {
  if (!PG_BIN) return 'PostgreSQL (initdb) not found under /usr/lib/postgresql/*/bin';
  return null;
}

export interface Postgres {
  /** Runs SQL through psql; returns stdout (CSV with a header when `csv`). */
  psql(sql: string, options?: { csv?: boolean }): string;
  stop(): void;
}

export function startPostgres(): Postgres {
  const dir = mkdtempSync(join(tmpdir(), 'triple-aim-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[], input?: string) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
    const r = spawnSync(full[0], [...full[1]], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error?.message}`);
    return r.stdout;
  };
  const data = join(dir, 'data');
  const port = String(20000 + Math.floor(Math.random() * 20000));
  run(join(PG_BIN!, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(join(PG_BIN!, 'pg_ctl'), ['-D', data, '-o', `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  const psql = (sql: string, options: { csv?: boolean } = {}) =>
    run('psql', ['-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', ...(options.csv ? ['--csv'] : ['-At'])], sql);
  return {
    psql,
    stop() {
      try {
        run(join(PG_BIN!, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Loads canonical CSV tables (every column text) into the cluster, with their statistics. */
export function loadPostgresTables(pg: Postgres, tables: Readonly<Record<string, string>>): void {
  for (const [name, csv] of Object.entries(tables)) {
    const path = scratch(`${name}.csv`, csv);
    const columns = csv.slice(0, csv.indexOf('\n')).split(',');
    pg.psql(
      `DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (${columns.map((c) => `"${c}" TEXT`).join(', ')});\n` +
        `COPY ${name} FROM '${path}' WITH (FORMAT csv, HEADER true, NULL '');\n` +
        // Statistics, as a warehouse table has them: without, PostgreSQL guessed a handful of
        // rows and planned nested loops (scale 20: over 10 minutes instead of 14 s).
        `ANALYZE ${name};`,
    );
  }
}

/** Runs the script; its result set as objects (empty text = NULL). */
export function runPostgres(pg: Postgres, script: string): Record<string, unknown>[] {
  const out = pg.psql(script, { csv: true });
  const [header, ...lines] = out.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, values[i] === '' ? null : values[i]]));
  });
}
