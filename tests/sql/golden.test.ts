// SPEC §15: the Spark and T-SQL scripts cannot be executed on these machines (no registry they
// reach ships Spark or SQL Server), so their text is pinned: a change to the plan or a printer
// shows up as a diff of the golden files, to be read and accepted (UPDATE_GOLDEN=1) on purpose.
// DuckDB and PostgreSQL are pinned too, beside their executed tests (tests/sql/engines.test.ts),
// so the four can be read side by side. The properties below are the dialect rules that
// matter for correctness, checked on the text.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { findProfile } from '../../src/indicators/profiles.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, isSqlIndicator, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { DIALECTS, printPlan } from '../../src/sql/print.js';

const INDICATORS = CATALOGUE.filter((i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id));
const GOLDEN = join(import.meta.dirname, 'golden');

function script(dialect: (typeof DIALECTS)[number]): string {
  const plan = compile({
    indicators: INDICATORS,
    periods: parsePeriodArgument('2016-12'),
    by: ['cluster', 'sex'],
    tables: { admissions: 'dw.lpr_admissions' },
  });
  return printPlan(plan, DIALECT[dialect]);
}

describe.each(DIALECTS)('the %s script', (dialect) => {
  const text = script(dialect);

  it('equals its golden file (every compiled indicator, 2016-12, --by cluster,sex, admissions=dw.lpr_admissions)', () => {
    const path = join(GOLDEN, `compiled-2016-12-cluster-sex.${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('reads the mapped table and never truncates time to days before comparing it', () => {
    expect(text).toContain('FROM dw.lpr_admissions');
    // DATEDIFF counts boundaries crossed: only DATE values may go into it (SPEC §15).
    for (const m of text.matchAll(/DATEDIFF\(day, ([^,]+), /gi)) expect(m[1]).toMatch(/^CASE WHEN/);
    expect(text).not.toMatch(/DATEDIFF\((hour|minute|second)/i);
  });
});

// SPEC §14, §15: the national profile from LPR3 contacts — stays chained in SQL, the readmission
// rules compiled from NATIONAL_READMISSION, the split bed days.
const NATIONAL = findProfile('national')!;
function nationalScript(dialect: (typeof DIALECTS)[number]): string {
  const indicators = NATIONAL.catalogue.filter((i): i is CountingIndicator => i.kind === 'counting' && isSqlIndicator(i.id) && i.sources.includes('admissions'));
  const plan = compile({
    indicators,
    periods: parsePeriodArgument('2022'),
    by: ['municipality'],
    tables: { contacts: 'dw.lpr3_contacts' },
    profile: NATIONAL.id,
    readmission: NATIONAL.readmission,
    hospital: 'contacts',
  });
  return printPlan(plan, DIALECT[dialect]);
}

describe.each(DIALECTS)('the %s script of the national profile from contacts', (dialect) => {
  const text = nationalScript(dialect);

  it('equals its golden file (every hospital indicator of national, 2022, --by municipality, contacts=dw.lpr3_contacts)', () => {
    const path = join(GOLDEN, `national-contacts-2022-municipality.${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('reads the contacts table only, returns its profile, and matches secondary codes after a delimiter', () => {
    expect(text).toContain('FROM dw.lpr3_contacts');
    expect(text).not.toMatch(/FROM dw\.lpr_admissions|FROM admissions\b/);
    expect(text).toContain("'profile='");
    expect(text).toMatch(/LIKE CONCAT\('%\|', /);
    // The 12-hour rule and the 720-hour window as timestamp arithmetic, never whole days.
    expect(text).not.toMatch(/DATEDIFF\((hour|minute|second)/i);
  });
});

describe('dialect time arithmetic (SPEC §15: 720 h as an interval, never whole days)', () => {
  it.each([
    ['duckdb', 'INTERVAL 720 HOUR'],
    ['postgres', "INTERVAL '720 hours'"],
    ['spark', 'INTERVAL 720 HOURS'],
    ['tsql', 'DATEADD(minute, 43200,'],
  ] as const)('%s writes the 30 × 24 hour readmission window as %s', (dialect, window) => {
    expect(script(dialect)).toContain(window);
  });

  it.each([
    ['duckdb', 'INTERVAL 4 HOUR'],
    ['postgres', "INTERVAL '4 hours'"],
    ['spark', 'INTERVAL 4 HOURS'],
    ['tsql', 'DATEADD(minute, 240,'],
  ] as const)('%s writes the 4-hour transfer gap as %s', (dialect, gap) => {
    expect(script(dialect)).toContain(gap);
  });

  it('Spark keeps wall-clock time (TIMESTAMP_NTZ), T-SQL DATETIME2: no daylight-saving hour is added', () => {
    expect(script('spark')).toContain('AS TIMESTAMP_NTZ)');
    expect(script('spark')).not.toMatch(/AS TIMESTAMP\)/);
    expect(script('tsql')).toContain('AS DATETIME2(0))');
  });

  it('the working-day calendar of December 2016 comes from src/calc/working-days.ts: 24 Dec a Saturday, 26 Dec a holiday, and the contact deadline is the 3rd working day after', () => {
    // 23 Dec (Fri) → 27, 28, 29 Dec: deadline 29 Dec; 24 and 26 Dec too (25, 26 are holidays);
    // 27 Dec (Tue) → 28, 29, 30 Dec: deadline 30 Dec.
    const text = script('postgres');
    expect(text).toContain("(DATE '2016-12-23', 1, DATE '2016-12-29')");
    expect(text).toContain("(DATE '2016-12-24', 0, DATE '2016-12-29')");
    expect(text).toContain("(DATE '2016-12-26', 0, DATE '2016-12-29')");
    expect(text).toContain("(DATE '2016-12-27', 1, DATE '2016-12-30')");
  });
});
