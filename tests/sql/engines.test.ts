// SPEC §15: the generated SQL, executed by real engines (DuckDB in process; PostgreSQL in a
// throwaway cluster), counts exactly what the TypeScript engine counts — every compiled
// indicator, several breakdowns, on the sample data and on the worked examples. The expected
// counts are not written here: they are the engine's (whose rules have their own hand-worked
// tests in tests/indicators and the examples' expected.json); what this file states is the
// equality, cell by cell, including the notes, education cells and ESP2013 strata.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/calc/groups.js';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { compile, resultDimensions, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import {
  canonicalTables,
  engineCounts,
  loadFiles,
  loadPostgresTables,
  postgresMissing,
  runDuckdb,
  runPostgres,
  scriptCounts,
  scriptDataEnd,
  startPostgres,
  type Counts,
  type Postgres,
} from '../helpers/sql.js';

const INDICATORS = CATALOGUE.filter((i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id));

interface Case {
  name: string;
  paths: { admissions?: string; referrals?: string; smoking?: string; lup?: string };
  periods: string[];
  by: Dimension[][];
}

const EXAMPLES = 'tests/fixtures/examples';
const CASES: Case[] = [
  {
    name: 'data-samples',
    paths: { admissions: 'data-samples/admissions.csv', referrals: 'data-samples/referrals.csv', smoking: 'data-samples/smoking.csv', lup: 'data-samples/lup.csv' },
    periods: ['2016', '2017', '2016-Q1..2016-Q4'],
    by: [[], ['municipality'], ['cluster', 'sex'], ['age_band', 'education'], ['offer'], ['patient_type', 'cluster']],
  },
  { name: 'episodes-and-readmissions', paths: { admissions: `${EXAMPLES}/episodes-and-readmissions/admissions.csv` }, periods: ['2017', '2017-01..2017-12'], by: [[], ['municipality', 'age_band']] },
  {
    name: 'project-evaluation',
    paths: { admissions: `${EXAMPLES}/project-evaluation/admissions.csv`, referrals: `${EXAMPLES}/project-evaluation/referrals.csv` },
    periods: ['2017', '2018'],
    by: [[], ['cluster'], ['offer', 'sender']],
  },
  { name: 'working-days-and-rehabilitation', paths: { referrals: `${EXAMPLES}/working-days-and-rehabilitation/referrals.csv` }, periods: ['2019', '2019-01..2019-12'], by: [[], ['municipality']] },
  { name: 'monitoring-run-and-control-charts', paths: { referrals: `${EXAMPLES}/monitoring-run-and-control-charts/referrals.csv` }, periods: ['2018..2019', '2018-01..2019-12'], by: [[], ['sender']] },
  {
    name: 'standardisation-and-equity',
    paths: { admissions: `${EXAMPLES}/standardisation-and-equity/admissions.csv`, smoking: `${EXAMPLES}/standardisation-and-equity/smoking.csv` },
    periods: ['2017'],
    by: [[], ['municipality'], ['education', 'sex']],
  },
  {
    name: 'lup-baselines-status',
    paths: { smoking: `${EXAMPLES}/lup-baselines-status/smoking.csv`, lup: `${EXAMPLES}/lup-baselines-status/lup.csv` },
    periods: ['2018', '2019', '2019-01..2019-12'],
    by: [[], ['education'], ['municipality']],
  },
];

/** The compiled indicators the loaded extract can compute (a missing optional column makes an
 *  indicator not_computed in the engine; the script needs the column, so it is not compared). */
function computable(data: LoadedData): CountingIndicator[] {
  return INDICATORS.filter((i) => i.sources.every((s) => s === 'population' || data[s]) && !i.unavailable?.(data));
}

/** The data ends the engine knows, by extract. */
function dataEnds(data: LoadedData): Record<string, string> {
  return Object.fromEntries(
    (['admissions', 'referrals', 'smoking', 'lup'] as const).filter((x) => data[x]).map((x) => [x, formatDay(data[x]!.info.dataEnd!)]),
  );
}

/** The first and last event dates the engine knows (SPEC §1.3), by extract, as the script's
 *  `first_event=X` and `last_event=X` rows name them (report and evaluate read them, §15). */
function eventDays(data: LoadedData): Record<string, string> {
  return Object.fromEntries(
    (['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const)
      .filter((x) => data[x])
      .flatMap((x) => [[`first_event=${x}`, formatDay(data[x]!.info.eventDays!.first)], [`last_event=${x}`, formatDay(data[x]!.info.eventDays!.last)]]),
  );
}

/** The script's rows of those cells. */
function scriptEventDays(rows: readonly Record<string, unknown>[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => /^(first|last)_event=/.test(String(r.cell))).map((r) => [String(r.cell), String(r.period)]));
}

function scriptFor(dialect: 'duckdb' | 'postgres', indicators: CountingIndicator[], periods: string[], by: Dimension[]): string {
  return printPlan(compile({ indicators, periods: periods.flatMap((p) => parsePeriodArgument(p)), by }), DIALECT[dialect]);
}

function expectSameCounts(script: Counts, engine: Counts): void {
  // Sorted entries, so a failure shows the first differing cell by name.
  const sorted = (m: Counts) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const round = (m: Counts) =>
    sorted(m).map(([k, v]) => [k, { ...v, numerator: Math.round(v.numerator * 1e4) / 1e4, denominator: Math.round(v.denominator * 1e4) / 1e4 }]);
  expect(round(script)).toEqual(round(engine));
}

describe.each(CASES)('SQL counts equal the TypeScript engine’s on $name', (c) => {
  let data: LoadedData;
  let tables: Record<string, string>;
  beforeAll(async () => {
    data = await loadFiles(c.paths);
    tables = canonicalTables(data);
  });

  it.each(c.by.map((by) => ({ by })))('DuckDB, --by $by: every compiled indicator, every cell, note and stratum', async ({ by }) => {
    const indicators = computable(data);
    const periods = c.periods.flatMap((p) => parsePeriodArgument(p));
    const rows = await runDuckdb(scriptFor('duckdb', indicators, c.periods, by), tables);
    // The result's columns: --by and the patient_type LUP always breaks down by.
    const dims = resultDimensions(by, indicators);
    const engine = engineCounts(indicators, data, periods, dims);
    expect(engine.size).toBeGreaterThan(0);
    expectSameCounts(scriptCounts(rows, dims), engine);
    for (const [extract, end] of Object.entries(dataEnds(data))) expect(scriptDataEnd(rows, extract)).toBe(end);
    expect(scriptEventDays(rows)).toEqual(eventDays(data));
  });
});

const missing = postgresMissing();
const describePostgres = missing && process.env.CI !== 'true' ? describe.skip : describe;
if (missing) {
  if (process.env.CI === 'true') {
    describe('PostgreSQL', () => it('is installed (CI runs the §15 scripts in PostgreSQL)', () => expect(missing).toBeNull()));
  } else console.warn(`tests/sql/engines.test.ts: PostgreSQL tests skipped — ${missing}`);
}

describePostgres('PostgreSQL: the generated script’s counts equal the TypeScript engine’s', () => {
  let pg: Postgres;
  beforeAll(() => {
    pg = startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());

  it.each(CASES.flatMap((c) => c.by.map((by) => ({ name: c.name, c, by }))))(
    '$name, --by $by',
    async ({ c, by }) => {
      const data = await loadFiles(c.paths);
      loadPostgresTables(pg, canonicalTables(data));
      const indicators = computable(data);
      const periods = c.periods.flatMap((p) => parsePeriodArgument(p));
      const rows = runPostgres(pg, scriptFor('postgres', indicators, c.periods, by));
      const dims = resultDimensions(by, indicators);
      expectSameCounts(scriptCounts(rows, dims), engineCounts(indicators, data, periods, dims));
      for (const [extract, end] of Object.entries(dataEnds(data))) expect(scriptDataEnd(rows, extract)).toBe(end);
      expect(scriptEventDays(rows)).toEqual(eventDays(data));
    },
    60_000,
  );
});
