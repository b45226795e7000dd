// The LUP indicators in SQL (SPEC §3.2 no. 15–18, §2.5, §15) on hand-made answers, with the
// numbers worked out here, in DuckDB and PostgreSQL and in the TypeScript engine: a question
// counts only for the patient type it is named for, answers are pooled over the questions, the
// excluded answers (Ved ikke, Ikke relevant, 9, 0, empty) are a note, survey and question ids
// match whatever their case, and the result is always broken down by patient_type.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { lupIndicators } from '../../src/indicators/lup.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, resultDimensions } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import { engineCounts, loadFiles, LUP_COLUMNS, loadPostgresTables, postgresMissing, runDuckdb, runPostgres, startPostgres, type Postgres } from '../helpers/sql.js';

const indicator = (id: string) => CATALOGUE.find((i) => i.id === id) as CountingIndicator;

// respondent, survey, responded_at, patient_type, question, answer (municipality 751, the rest empty)
const ANSWERS: readonly (readonly [string, string, string, string, string, string])[] = [
  // lup-cooperation-school: outpatients' 23a, inpatients' 27a.
  ['r1', 'psychiatry_children', '2016-03-01', 'outpatient', '23a', 'I meget høj grad'], // outpatient positive
  ['r2', 'psychiatry_children', '2016-03-02', 'ambulant', '23A', ' Nej'], // outpatient negative (23A is 23a)
  ['r3', 'psychiatry_children', '2016-03-03', 'inpatient', '23a', 'Ja'], // an inpatient's 23a: not counted
  ['r4', 'psychiatry_children', '2016-03-04', 'indlagt', '27a', '4'], // inpatient positive
  ['r5', 'psychiatry_children', '2016-03-05', 'inpatient', '27a', 'Ved ikke'], // inpatient excluded
  ['r6', 'psychiatry_children', '2016-03-06', 'inpatient', '27a', ''], // inpatient excluded (empty)
  ['r7', 'psychiatry_children', '2016-03-07', 'outpatient', '23a', '0'], // outpatient excluded (Ikke relevant)
  ['r8', 'Psychiatry_Children', '2016-03-08', 'outpatient', '23a', '2'], // outpatient negative (survey in capitals)
  ['r9', 'maternity', '2016-03-09', 'outpatient', '23a', 'Ja'], // another survey: not counted
  ['r10', 'psychiatry_children', '2017-01-02', 'outpatient', '23a', 'ja'], // 2017: outside the period
  // lup-maternity-transition: 15, 36, 40, 41 for both patient types.
  ['m1', 'maternity', '2016-05-01', 'inpatient', '15', 'I høj grad'], // inpatient positive
  ['m2', 'maternity', '2016-05-02', 'outpatient', '41', 'Slet ikke'], // outpatient negative
  ['m3', 'maternity', '2016-05-03', 'outpatient', '2', 'Ja'], // question 2: not counted
  ['m4', 'maternity', '2016-05-04', 'inpatient', '40', '9'], // inpatient excluded (Ved ikke)
];

const CSV = [LUP_COLUMNS.join(','), ...ANSWERS.map(([r, s, d, t, q, a]) => [r, s, d, t, q, a, '751', '', '', ''].join(','))].join('\n') + '\n';

/** The cells of one indicator: `total` and per patient type, as numerator/denominator and notes. */
type Cells = Record<string, { numerator: number; denominator: number } | number>;

function cellsOf(rows: readonly Record<string, unknown>[], id: string): Cells {
  const out: Cells = {};
  for (const r of rows.filter((x) => x.indicator === id && x.period === '2016')) {
    const group = r.patient_type === null ? 'total' : String(r.patient_type);
    if (r.cell === null) out[group] = { numerator: Number(r.numerator), denominator: Number(r.denominator) };
    else if (String(r.cell) === 'note=lupExcludedAnswers') out[`${group} excluded`] = Number(r.numerator);
  }
  return out;
}

// School: outpatients r1 positive, r2 and r8 negative → 1/3, r7 excluded; inpatients r4
// positive → 1/1, r5 and r6 excluded; r3, r9, r10 not counted. Pooled: 2/4, 3 excluded.
const SCHOOL: Cells = {
  total: { numerator: 2, denominator: 4 },
  'total excluded': 3,
  outpatient: { numerator: 1, denominator: 3 },
  'outpatient excluded': 1,
  inpatient: { numerator: 1, denominator: 1 },
  'inpatient excluded': 2,
};
// Maternity: m1 positive (inpatient), m2 negative (outpatient), m4 excluded (inpatient), m3 not
// counted. Pooled 1/2.
const MATERNITY: Cells = {
  total: { numerator: 1, denominator: 2 },
  'total excluded': 1,
  inpatient: { numerator: 1, denominator: 1 },
  'inpatient excluded': 1,
  outpatient: { numerator: 0, denominator: 1 },
};

const INDICATORS = [indicator('lup-cooperation-school'), indicator('lup-maternity-transition')];

function script(dialect: 'duckdb' | 'postgres'): string {
  return printPlan(compile({ indicators: INDICATORS, periods: parsePeriodArgument('2016'), by: [] }), DIALECT[dialect]);
}

describe('LUP in SQL, worked by hand', () => {
  it('the questions are the declaration’s, which the count reads too (types.ts lup)', () => {
    expect(lupIndicators.map((i) => [i.id, i.lup])).toEqual([
      ['lup-cooperation-school', { survey: 'psychiatry_children', questions: { outpatient: ['23a'], inpatient: ['27a'] } }],
      ['lup-cooperation-social', { survey: 'psychiatry_children', questions: { outpatient: ['23b'], inpatient: ['27b'] } }],
      ['lup-cooperation-gp', { survey: 'psychiatry_children', questions: { outpatient: ['23c'], inpatient: ['27c'] } }],
      ['lup-maternity-transition', { survey: 'maternity', questions: { outpatient: ['15', '36', '40', '41'], inpatient: ['15', '36', '40', '41'] } }],
    ]);
  });

  it('the script always breaks LUP down by patient_type: the column is there without --by', () => {
    expect(resultDimensions([], INDICATORS)).toEqual(['patient_type']);
    expect(resultDimensions(['municipality'], INDICATORS)).toEqual(['municipality', 'patient_type']);
    expect(resultDimensions(['municipality'], [indicator('readmission-30d')])).toEqual(['municipality']);
    expect(script('duckdb')).toContain('-- Breakdown: patient_type');
  });

  it('DuckDB: school 2 of 4 (outpatients 1/3, inpatients 1/1), 3 excluded; maternity 1 of 2', async () => {
    const rows = await runDuckdb(script('duckdb'), { lup: CSV });
    expect(cellsOf(rows, 'lup-cooperation-school')).toEqual(SCHOOL);
    expect(cellsOf(rows, 'lup-maternity-transition')).toEqual(MATERNITY);
    expect(rows.find((r) => r.cell === 'data_end=lup')?.period).toBe('2017-01-02');
  });

  it('the TypeScript engine counts the same on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triple-aim-lup-'));
    writeFileSync(join(dir, 'lup.csv'), CSV);
    const data = await loadFiles({ lup: join(dir, 'lup.csv') });
    const counts = engineCounts(INDICATORS, data, parsePeriodArgument('2016'), ['patient_type']);
    const at = (id: string, group: string, cell = '') => counts.get(`${id}|2016|${group}|${cell}`);
    expect(at('lup-cooperation-school', '-')).toMatchObject({ numerator: 2, denominator: 4 });
    expect(at('lup-cooperation-school', 'outpatient')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(at('lup-cooperation-school', 'inpatient', 'note=lupExcludedAnswers')).toMatchObject({ numerator: 2 });
    expect(at('lup-maternity-transition', 'outpatient')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  const missing = postgresMissing();
  const describePostgres = missing && process.env.CI !== 'true' ? describe.skip : describe;
  describePostgres('PostgreSQL', () => {
    let pg: Postgres;
    beforeAll(() => {
      pg = startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());
    it('the same cells', () => {
      loadPostgresTables(pg, { lup: CSV });
      const rows = runPostgres(pg, script('postgres'));
      expect(cellsOf(rows, 'lup-cooperation-school')).toEqual(SCHOOL);
      expect(cellsOf(rows, 'lup-maternity-transition')).toEqual(MATERNITY);
    }, 60_000);
  });
});
