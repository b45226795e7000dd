// SPEC §14, §15: the generated SQL counts the hospital indicators from contacts.csv (stays, the
// admissions among them, every stay for preventable-admissions-65 and acute-short-admissions)
// and from admissions.csv, under BOTH profiles, exactly as the TypeScript engine does — every
// cell, note, education cell, ESP2013 stratum and the data end, in DuckDB and PostgreSQL. The
// expected counts are the engine's (its rules have their own hand-worked tests and the worked
// example lpr3-contacts-and-profiles pins them); what this file states is the equality.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/calc/groups.js';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { findProfile, type Profile } from '../../src/indicators/profiles.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, extractOfIndicator, isSqlIndicator } from '../../src/sql/compile.js';
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

const PROFILES = ['rm-2015-2018', 'national'] as const;
const profileOf = (id: string): Profile => findProfile(id)!;

/** The hospital indicators of a profile the loaded extract can compute. */
function hospitalIndicators(profile: Profile, data: LoadedData): CountingIndicator[] {
  const prepared = data.contacts && !data.admissions ? { ...data, admissions: { info: data.contacts.info, table: data.contacts.table as never } } : data;
  return profile.catalogue.filter(
    (i): i is CountingIndicator => i.kind === 'counting' && isSqlIndicator(i.id) && extractOfIndicator(i.id) === 'admissions' && !i.unavailable?.(prepared),
  );
}

export function scriptOf(
  dialect: 'duckdb' | 'postgres',
  profile: Profile,
  indicators: readonly CountingIndicator[],
  periods: readonly string[],
  by: readonly Dimension[],
  hospital: 'admissions' | 'contacts',
): string {
  return printPlan(
    compile({ indicators, periods: periods.flatMap((p) => parsePeriodArgument(p)), by, profile: profile.id, readmission: profile.readmission, hospital }),
    DIALECT[dialect],
  );
}

function expectSameCounts(script: Counts, engine: Counts): void {
  const sorted = (m: Counts) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const round = (m: Counts) =>
    sorted(m).map(([k, v]) => [k, { ...v, numerator: Math.round(v.numerator * 1e4) / 1e4, denominator: Math.round(v.denominator * 1e4) / 1e4 }]);
  expect(round(script)).toEqual(round(engine));
}

interface Case {
  name: string;
  paths: () => { admissions?: string; contacts?: string };
  hospital: 'admissions' | 'contacts';
  periods: string[];
  by: Dimension[][];
}

const sampleDir = mkdtempSync(join(tmpdir(), 'triple-aim-sql-contacts-'));
let sampled = false;
function sampleContacts(): string {
  if (!sampled) {
    // SPEC §14.1's sample at a small scale: transfers, outpatient visits, home and virtual
    // contacts, hospice, psychiatry and open contacts at the data end.
    execFileSync(process.execPath, ['bin/triple-aim.js', 'sample', '--contacts', '--scale', '0.4', '--out', sampleDir, '--seed', '7']);
    sampled = true;
  }
  return join(sampleDir, 'contacts.csv');
}
afterAll(() => rmSync(sampleDir, { recursive: true, force: true }));

const EXAMPLE = 'tests/fixtures/examples/lpr3-contacts-and-profiles/contacts.csv';
const CASES: Case[] = [
  { name: 'lpr3-contacts-and-profiles', paths: () => ({ contacts: EXAMPLE }), hospital: 'contacts', periods: ['2017', '2017-Q1..2017-Q4', '2018'], by: [[], ['municipality'], ['age_band', 'education', 'sex']] },
  { name: 'sample --contacts', paths: () => ({ contacts: sampleContacts() }), hospital: 'contacts', periods: ['2016', '2017', '2016-01..2016-12'], by: [[], ['municipality'], ['cluster', 'sex']] },
  { name: 'data-samples admissions.csv', paths: () => ({ admissions: 'data-samples/admissions.csv' }), hospital: 'admissions', periods: ['2016', '2017', '2016-Q1..2016-Q4'], by: [[], ['municipality'], ['age_band', 'education']] },
  { name: 'episodes-and-readmissions', paths: () => ({ admissions: 'tests/fixtures/examples/episodes-and-readmissions/admissions.csv' }), hospital: 'admissions', periods: ['2017'], by: [[], ['municipality']] },
];

describe.each(CASES)('DuckDB: SQL counts equal the TypeScript engine’s on $name ($hospital), both profiles', (c) => {
  let data: LoadedData;
  let tables: Record<string, string>;
  beforeAll(async () => {
    data = await loadFiles(c.paths());
    tables = canonicalTables(data);
  }, 60_000);

  it.each(PROFILES.flatMap((profile) => c.by.map((by) => ({ profile, by }))))(
    '--profile $profile, --by $by: every hospital indicator, every cell, note and stratum, and the data end',
    async ({ profile, by }) => {
      const p = profileOf(profile);
      const indicators = hospitalIndicators(p, data);
      expect(indicators.map((i) => i.id)).toContain('readmission-30d');
      const periods = c.periods.flatMap((x) => parsePeriodArgument(x));
      const rows = await runDuckdb(scriptOf('duckdb', p, indicators, c.periods, by, c.hospital), tables);
      const engine = engineCounts(indicators, data, periods, by);
      expect(engine.size).toBeGreaterThan(0);
      expectSameCounts(scriptCounts(rows.filter((r) => !String(r.cell ?? '').startsWith('profile=')), by), engine);
      expect(scriptDataEnd(rows, c.hospital)).toBe(formatDay(data[c.hospital]!.info.dataEnd!));
      expect(rows.filter((r) => r.cell === `profile=${profile}`)).toHaveLength(1);
    },
    60_000,
  );
});

const missing = postgresMissing();
const describePostgres = missing && process.env.CI !== 'true' ? describe.skip : describe;

describePostgres('PostgreSQL: SQL counts equal the TypeScript engine’s from contacts.csv and admissions.csv, both profiles', () => {
  let pg: Postgres;
  beforeAll(() => {
    pg = startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());

  // Every --by on the worked example; the widest breakdown on the larger files (PostgreSQL is slow on them).
  it.each(
    CASES.flatMap((c) =>
      PROFILES.flatMap((profile) => (c.name === 'lpr3-contacts-and-profiles' ? c.by : [c.by[c.by.length - 1]]).map((by) => ({ name: c.name, c, profile, by }))),
    ),
  )(
    '$name, --profile $profile, --by $by',
    async ({ c, profile, by }) => {
      const data = await loadFiles(c.paths());
      loadPostgresTables(pg, canonicalTables(data));
      const p = profileOf(profile);
      const indicators = hospitalIndicators(p, data);
      const periods = c.periods.flatMap((x) => parsePeriodArgument(x));
      const rows = runPostgres(pg, scriptOf('postgres', p, indicators, c.periods, by, c.hospital));
      expectSameCounts(scriptCounts(rows.filter((r) => !String(r.cell ?? '').startsWith('profile=')), by), engineCounts(indicators, data, periods, by));
      expect(scriptDataEnd(rows, c.hospital)).toBe(formatDay(data[c.hospital]!.info.dataEnd!));
    },
    120_000,
  );
});
