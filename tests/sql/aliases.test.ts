// SPEC §2.1, §15: the script reads every spelling the reader accepts for an enumerated value —
// the aliases of src/domain/vocabulary.ts, the yes/no words, the LUP scale — as that value, in
// any case, with spaces around and `_`, `-` or a space between words; and a value the reader
// rejects is reported (an `invalid=EXTRACT.COLUMN` row), never counted as another value.
//
// The aliased extracts are generated from the declarations (each column's enumeration parser
// carries its spellings), not written here: every spelling of every enumerated column the script
// reads is used at least once, which the first test checks before anything is compared.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/calc/groups.js';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { admissionsSchema } from '../../src/extracts/admissions.js';
import { enumerationOf } from '../../src/extracts/fields.js';
import { loadExtractsWith } from '../../src/extracts/load.js';
import { lupSchema } from '../../src/extracts/lup.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { referralsSchema } from '../../src/extracts/referrals.js';
import { smokingSchema } from '../../src/extracts/smoking.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, resultDimensions, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import type { DeclaredExtract } from '../../src/sql/vocabulary.js';
import {
  canonicalTables,
  engineCounts,
  loadFiles,
  loadPostgresTables,
  postgresMissing,
  runDuckdb,
  runPostgres,
  scriptCounts,
  startPostgres,
  type Postgres,
} from '../helpers/sql.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INDICATORS = CATALOGUE.filter((i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id));
const SCHEMAS: Record<string, DeclaredExtract> = { admissions: admissionsSchema, referrals: referralsSchema, smoking: smokingSchema, lup: lupSchema };
const SAMPLES = { admissions: 'data-samples/admissions.csv', referrals: 'data-samples/referrals.csv', smoking: 'data-samples/smoking.csv', lup: 'data-samples/lup.csv' };
const PERIODS = ['2016', '2017'];

/** The ways a spelling is written in the aliased extract (the reader's match key meets all). */
const WRITINGS: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => `  ${s.toLowerCase()} `,
  (s) => s.replace(/_/g, ' '),
  (s) => s.replace(/[_ ]/g, '-').toUpperCase(),
  // A decomposed å (a and the combining ring), as some exports write it.
  (s) => s.normalize('NFD'),
];

/** Every spelling of a column's enumeration, by the value it gives. */
function spellingsByValue(extract: string, column: string): Map<string, string[]> {
  const parser = enumerationOf(SCHEMAS[extract].declared.find((c) => c.name === column)!.parse)!;
  const out = new Map<string, string[]>();
  for (const [spelling, value] of parser.spellings) out.set(String(value), [...(out.get(String(value)) ?? []), spelling]);
  return out;
}

/** The enumerated columns of a canonical table's header. */
function enumeratedColumns(extract: string, header: readonly string[]): string[] {
  return header.filter((name) => {
    const c = SCHEMAS[extract].declared.find((d) => d.name === name);
    return c !== undefined && enumerationOf(c.parse) !== null;
  });
}

/** The table with every enumerated value rewritten: the spellings of its value in turn, each
 *  written in the next of WRITINGS. `used` collects extract.column=spelling. */
function aliased(extract: string, csv: string, used: Set<string>): string {
  const [headerLine, ...lines] = csv.trimEnd().split('\n');
  const header = headerLine.split(',');
  const columns = enumeratedColumns(extract, header);
  const turn = new Map<string, number>();
  const out = [headerLine];
  for (const line of lines) {
    const cells = line.split(',');
    for (const column of columns) {
      const at = header.indexOf(column);
      if (cells[at] === '') continue;
      const byValue = spellingsByValue(extract, column);
      // The canonical writer's value: the reader's value of it (a flag column writes acute/planned, true/false).
      const parser = enumerationOf(SCHEMAS[extract].declared.find((c) => c.name === column)!.parse)!;
      const value = String(parser(cells[at]));
      const spellings = byValue.get(value)!;
      const k = `${column}=${value}`;
      const n = turn.get(k) ?? 0;
      turn.set(k, n + 1);
      const spelling = spellings[n % spellings.length];
      used.add(`${extract}.${column}=${spelling}`);
      cells[at] = WRITINGS[Math.floor(n / spellings.length) % WRITINGS.length](spelling);
    }
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}

/** Sorted cells, amounts to the 1/10,000 (a DECIMAL sum and a float sum differ beyond it). */
function cells(counts: Map<string, { numerator: number; denominator: number; units: number }>): unknown[] {
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, { ...v, numerator: round(v.numerator), denominator: round(v.denominator) }]);
}

const scratch = mkdtempSync(join(tmpdir(), 'triple-aim-aliases-'));

function script(dialect: 'duckdb' | 'postgres', indicators: readonly CountingIndicator[], by: Dimension[]): string {
  return printPlan(compile({ indicators, periods: PERIODS.flatMap((p) => parsePeriodArgument(p)), by }), DIALECT[dialect]);
}

describe('an extract written with every alias gives exactly the counts of the canonical one', () => {
  let data: LoadedData;
  let aliasedTables: Record<string, string>;
  let aliasedData: LoadedData;
  const used = new Set<string>();
  beforeAll(async () => {
    data = await loadFiles(SAMPLES);
    aliasedTables = Object.fromEntries(Object.entries(canonicalTables(data)).map(([x, csv]) => [x, aliased(x, csv, used)]));
    // The tool's own reader accepts the aliased files (else they would not be aliases).
    const paths = Object.fromEntries(
      Object.entries(aliasedTables).map(([x, csv]) => {
        const path = join(scratch, `${x}.csv`);
        writeFileSync(path, csv);
        return [x, path];
      }),
    );
    aliasedData = await loadFiles(paths);
  });

  it('every spelling of every enumerated column the script reads is in the aliased extract', () => {
    const wanted: string[] = [];
    for (const [x, csv] of Object.entries(canonicalTables(data))) {
      for (const column of enumeratedColumns(x, csv.slice(0, csv.indexOf('\n')).split(','))) {
        for (const spellings of spellingsByValue(x, column).values()) for (const s of spellings) wanted.push(`${x}.${column}=${s}`);
      }
    }
    // admission_type, sector, discharge_status, sender, offer, completed, followup_6m,
    // patient_type, answer and sex and education in all four.
    expect(new Set(wanted.map((w) => w.slice(0, w.indexOf('='))))).toEqual(
      new Set([
        'admissions.admission_type', 'admissions.sector', 'admissions.sex', 'admissions.education', 'admissions.discharge_status',
        'referrals.sender', 'referrals.offer', 'referrals.sex', 'referrals.education',
        'smoking.completed', 'smoking.followup_6m', 'smoking.sex', 'smoking.education',
        'lup.patient_type', 'lup.answer', 'lup.sex', 'lup.education',
      ]),
    );
    expect(wanted.filter((w) => !used.has(w))).toEqual([]);
  });

  it.each([{ by: [] as Dimension[] }, { by: ['sex', 'education'] as Dimension[] }, { by: ['offer', 'sender'] as Dimension[] }])(
    'DuckDB, --by $by: the aliased tables count what the engine counts on the canonical extract, and no row is invalid',
    async ({ by }) => {
      const dims = resultDimensions(by, INDICATORS);
      const periods = PERIODS.flatMap((p) => parsePeriodArgument(p));
      const rows = await runDuckdb(script('duckdb', INDICATORS, by), aliasedTables);
      expect(rows.filter((r) => String(r.cell).startsWith('invalid='))).toEqual([]);
      const expected = engineCounts(INDICATORS, data, periods, dims);
      expect(expected.size).toBeGreaterThan(100);
      expect(cells(scriptCounts(rows, dims))).toEqual(cells(expected));
      // … which is what the engine counts on the aliased files too.
      expect(cells(engineCounts(INDICATORS, aliasedData, periods, dims))).toEqual(cells(expected));
    },
  );

  const missing = postgresMissing();
  const itPostgres = missing && process.env.CI !== 'true' ? it.skip : it;
  describe('PostgreSQL', () => {
    let pg: Postgres;
    beforeAll(() => {
      if (!missing) pg = startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());
    itPostgres(
      'PostgreSQL, --by sex,education: the same counts, no row invalid (its LOWER may know ASCII only: Æ, Ø, Å are replaced)',
      () => {
        const by: Dimension[] = ['sex', 'education'];
        const dims = resultDimensions(by, INDICATORS);
        loadPostgresTables(pg, aliasedTables);
        const rows = runPostgres(pg, script('postgres', INDICATORS, by));
        expect(rows.filter((r) => String(r.cell).startsWith('invalid='))).toEqual([]);
        expect(cells(scriptCounts(rows, dims))).toEqual(cells(engineCounts(INDICATORS, data, PERIODS.flatMap((p) => parsePeriodArgument(p)), dims)));
      },
      120_000,
    );
  });
});

/** A value of the canonical table replaced in the given data rows (1 = the first row). */
function corrupt(csv: string, column: string, rows: readonly number[], value: string): string {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const at = header.split(',').indexOf(column);
  for (const r of rows) {
    const cells = lines[r - 1].split(',');
    cells[at] = value;
    lines[r - 1] = cells.join(',');
  }
  return [header, ...lines].join('\n') + '\n';
}

describe('a value the reader rejects is reported per extract and column, and its row is not counted', () => {
  let tables: Record<string, string>;
  let skipped: LoadedData;
  let rejected: Record<string, number>;
  beforeAll(async () => {
    const canonical = canonicalTables(await loadFiles(SAMPLES));
    let admissions = corrupt(canonical.admissions, 'admission_type', [1, 2, 3], 'akutt');
    admissions = corrupt(admissions, 'admission_type', [4], '');
    admissions = corrupt(admissions, 'sex', [5, 6], 'X');
    let lup = corrupt(canonical.lup, 'answer', [1, 2, 3], 'Måske');
    lup = corrupt(lup, 'patient_type', [4], '');
    tables = {
      admissions,
      referrals: corrupt(canonical.referrals, 'offer', [1, 2], 'yoga'),
      smoking: corrupt(canonical.smoking, 'completed', [1], 'maybe'),
      lup,
    };
    // The engine's reader on the same files: the rows it rejects are left out (--skip-invalid).
    const sources = Object.entries(tables).map(([x, csv]) => {
      const path = join(scratch, `invalid-${x}.csv`);
      writeFileSync(path, csv);
      return { extract: x as 'admissions' | 'referrals' | 'smoking' | 'lup', path };
    });
    const result = await loadExtractsWith(sources, { lanes: false });
    skipped = result.data;
    rejected = Object.fromEntries(result.files.map((f) => [f.extract, f.rowsRejected]));
  });

  it('the engine rejects 6 admissions, 2 referrals, 1 course and 4 answers', () => {
    expect(rejected).toEqual({ admissions: 6, referrals: 2, smoking: 1, lup: 4 });
  });

  // PostgreSQL as in engines.test.ts: skipped outside CI when it is not installed.
  const dialects = postgresMissing() && process.env.CI !== 'true' ? (['duckdb'] as const) : (['duckdb', 'postgres'] as const);
  it.each(dialects)('%s: invalid= rows name each column and count; every other cell is the engine’s with those rows left out', async (dialect) => {
    const by: Dimension[] = ['municipality'];
    const dims = resultDimensions(by, INDICATORS);
    let rows: Record<string, unknown>[];
    if (dialect === 'duckdb') rows = await runDuckdb(script('duckdb', INDICATORS, by), tables);
    else {
      const pg = startPostgres();
      try {
        loadPostgresTables(pg, tables);
        rows = runPostgres(pg, script('postgres', INDICATORS, by));
      } finally {
        pg.stop();
      }
    }
    const invalid = Object.fromEntries(rows.filter((r) => String(r.cell).startsWith('invalid=')).map((r) => [String(r.cell), Number(r.numerator)]));
    // admission_type: 3 unknown (akutt) + 1 empty, and it is required; sex: 2 × X.
    expect(invalid).toEqual({
      'invalid=admissions.admission_type': 4,
      'invalid=admissions.sex': 2,
      'invalid=referrals.offer': 2,
      'invalid=smoking.completed': 1,
      'invalid=lup.answer': 3,
      'invalid=lup.patient_type': 1,
    });
    const periods = PERIODS.flatMap((p) => parsePeriodArgument(p));
    expect(cells(scriptCounts(rows, dims))).toEqual(cells(engineCounts(INDICATORS, skipped, periods, dims)));
  }, 120_000);
});
