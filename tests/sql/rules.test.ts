// The §3 rules whose SQL is easiest to get wrong, on hand-made admissions run in DuckDB with
// the numbers worked out here (SPEC §15: time as timestamp arithmetic, never whole days; the
// 4-hour transfer and the 720-hour window at their edges; working days from the calendar).

import { describe, expect, it } from 'vitest';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import { ADMISSION_COLUMNS, runDuckdb } from '../helpers/sql.js';

const indicator = (id: string) => CATALOGUE.find((i) => i.id === id) as CountingIndicator;

/** Rows: id, patient, admitted, discharged, type, diagnosis (the rest neutral). */
function admissions(rows: readonly (readonly [string, string, string, string, 'acute' | 'planned', string])[]): string {
  const lines = [ADMISSION_COLUMNS.join(',')];
  for (const [id, patient, admitted, discharged, type, dx] of rows) {
    lines.push([id, patient, admitted, discharged, type, dx, 'somatic', '751', '70', 'F', 'short', '', '', '', 'alive'].join(','));
  }
  return lines.join('\n') + '\n';
}

async function totals(id: string, csv: string, period: string): Promise<{ numerator: number; denominator: number; notes: Record<string, number> }> {
  const script = printPlan(compile({ indicators: [indicator(id)], periods: parsePeriodArgument(period), by: [] }), DIALECT.duckdb);
  const rows = await runDuckdb(script, { admissions: csv });
  const total = rows.find((r) => r.indicator === id && r.cell === null)!;
  const notes = Object.fromEntries(
    rows.filter((r) => r.indicator === id && String(r.cell).startsWith('note=')).map((r) => [String(r.cell).slice(5), Number(r.numerator)]),
  );
  return { numerator: Number(total.numerator), denominator: Number(total.denominator), notes };
}

describe('SQL episodes and readmissions at the edges (DuckDB)', () => {
  it('a gap of exactly 4 hours is a transfer, 4 h 1 min starts a new episode: 1 readmission of 3 index episodes', async () => {
    // A: 10:00 → 14:00 is exactly 4 h: one episode (index, not readmitted).
    // B: 10:00 → 14:01: two episodes; the first is readmitted by the second (acute, 4 h 1 min
    //    later), the second has no return. Indexes 1 + 2 = 3, readmitted 1.
    const csv = admissions([
      ['a1', 'A', '2016-03-01 08:00', '2016-03-02 10:00', 'acute', 'I501'],
      ['a2', 'A', '2016-03-02 14:00', '2016-03-05 09:00', 'acute', 'I501'],
      ['b1', 'B', '2016-03-01 08:00', '2016-03-02 10:00', 'acute', 'I501'],
      ['b2', 'B', '2016-03-02 14:01', '2016-03-05 09:00', 'acute', 'I501'],
    ]);
    expect(await totals('readmission-30d', csv, '2016')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('the window is 720 hours, not 30 calendar days: 719 h 59 min counts, 720 h 1 min does not', async () => {
    // C: discharged 1 June 23:00, back 1 July 22:59 (719 h 59 min) → readmitted.
    // D: discharged 1 June 23:00, back 1 July 23:01 (720 h 1 min) → not; a day count
    //    (DATEDIFF(day) = 30) would have called it a readmission.
    // Indexes: C1, C2, D1, D2 = 4; readmitted: C1 = 1.
    const csv = admissions([
      ['c1', 'C', '2016-05-30 10:00', '2016-06-01 23:00', 'acute', 'I501'],
      ['c2', 'C', '2016-07-01 22:59', '2016-07-03 10:00', 'acute', 'I501'],
      ['d1', 'D', '2016-05-30 10:00', '2016-06-01 23:00', 'acute', 'I501'],
      ['d2', 'D', '2016-07-01 23:01', '2016-07-03 10:00', 'acute', 'I501'],
    ]);
    expect(await totals('readmission-30d', csv, '2016')).toMatchObject({ numerator: 1, denominator: 4 });
  });

  it('a planned return within the window is no readmission and is noted; the cancer index is left out and noted', async () => {
    // E: index, planned return 10 days later → 0 of 1 index, note "planned" 1 (the planned
    //    episode is an index too: 0 of 2). F: cancer index → note "cancer" 1, not in the denominator.
    const csv = admissions([
      ['e1', 'E', '2016-04-01 10:00', '2016-04-02 10:00', 'acute', 'I501'],
      ['e2', 'E', '2016-04-12 10:00', '2016-04-13 10:00', 'planned', 'I501'],
      ['f1', 'F', '2016-04-01 10:00', '2016-04-02 10:00', 'acute', 'DC341'],
    ]);
    expect(await totals('readmission-30d', csv, '2016')).toEqual({
      numerator: 0,
      denominator: 2,
      notes: { returnNotCountedPlanned: 1, indexExcludedCancer: 1 },
    });
  });
});

describe('SQL discharges outside daytime (DuckDB)', () => {
  it('16:00 and 07:59 are outside, 15:59 on a working day is inside, a holiday Monday (26 Dec 2016) is outside: 3 of 4', async () => {
    const csv = admissions([
      ['g1', 'G', '2016-12-20 10:00', '2016-12-27 15:59', 'acute', 'I501'],
      ['h1', 'H', '2016-12-20 10:00', '2016-12-27 16:00', 'acute', 'I501'],
      ['i1', 'I', '2016-12-20 10:00', '2016-12-27 07:59', 'acute', 'I501'],
      ['j1', 'J', '2016-12-20 10:00', '2016-12-26 10:00', 'acute', 'I501'],
    ]);
    expect(await totals('discharges-outside-daytime', csv, '2016-12')).toMatchObject({ numerator: 3, denominator: 4 });
  });
});

describe('SQL ready-for-discharge bed days (DuckDB)', () => {
  it('bed days from date(ready) up to the day before discharge, each in its own month: 3 in December, 1 in January', async () => {
    // Ready 29 Dec 2016 18:00, discharged 2 Jan 2017 09:00: the bed days are 29, 30, 31 Dec and
    // 1 Jan (2 Jan, the discharge date, is not one), so December has 3 and January 1.
    const header = ADMISSION_COLUMNS.join(',');
    const csv = `${header}\nk1,K,2016-12-20 10:00,2017-01-02 09:00,acute,I501,somatic,751,70,F,short,,,2016-12-29 18:00,alive\n`;
    const december = await totals('ready-for-discharge-days', csv, '2016-12');
    const january = await totals('ready-for-discharge-days', csv, '2017-01');
    expect([december.numerator, january.numerator]).toEqual([3, 1]);
  });
});

describe('SQL municipality codes (DuckDB; SPEC §15: an integer code is cast to three-digit text)', () => {
  it('codes stored as INTEGER (751, 101) and as text with a leading zero (0751) give the groups 751 and 101: 2 + 1 acute short stays', async () => {
    // Three acute stays of 2 h in January 2016: two in Aarhus (one written 0751), one in
    // Copenhagen (101). By municipality: 751 → 2, 101 → 1, whatever type the column has.
    const header = ADMISSION_COLUMNS.join(',');
    const row = (id: string, municipality: string) => `${id},${id},2016-01-05 08:00,2016-01-05 10:00,acute,R104,somatic,${municipality},70,F,short,,,,alive`;
    const script = printPlan(compile({ indicators: [indicator('acute-short-admissions')], periods: parsePeriodArgument('2016'), by: ['municipality'] }), DIALECT.duckdb);
    const counted = async (csv: string, integerCodes: boolean) => {
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const path = join(mkdtempSync(join(tmpdir(), 'triple-aim-sql-')), 'admissions.csv');
      writeFileSync(path, csv);
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      try {
        await con.run(`CREATE TABLE admissions AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`);
        if (integerCodes) await con.run('ALTER TABLE admissions ALTER municipality_code TYPE INTEGER');
        const rows = (await con.runAndReadAll(script)).getRowObjectsJson() as Record<string, unknown>[];
        return Object.fromEntries(rows.filter((r) => r.cell === null && r.municipality !== null).map((r) => [String(r.municipality), Number(r.numerator)]));
      } finally {
        con.closeSync();
        db.closeSync();
      }
    };
    expect(await counted([header, row('m1', '751'), row('m2', '751'), row('m3', '101')].join('\n') + '\n', true)).toEqual({ '751': 2, '101': 1 });
    expect(await counted([header, row('m1', '0751'), row('m2', '751'), row('m3', '101')].join('\n') + '\n', false)).toEqual({ '751': 2, '101': 1 });
  });
});
