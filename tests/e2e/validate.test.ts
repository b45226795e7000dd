// `triple-aim validate` end to end on the built binary (SPEC §1.5, §1.6, §5): every bad
// input gives a clear problem naming the file (and line) and exit 1, never a stack trace;
// clean inputs exit 0.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, ROOT, runCli, scratchFiles, show, type RunResult } from './helpers.js';

const BAD = join(ROOT, 'tests', 'fixtures', 'bad');
// The SPEC's worked examples, copied into the repository so this runs in a clean clone.
const EXAMPLES = join(ROOT, 'tests', 'fixtures', 'examples');

const H = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,sector,municipality_code,age,sex';
const ROW = (id: string, admitted = '2017-04-03 09:15') => `${id},pt-1,${admitted},2017-04-05 14:00,acute,DI501,somatic,665,72,F`;

function validate(args: string[], input?: string | Buffer): RunResult {
  return runCli(['validate', '--format', 'table', ...args], { input });
}

function expectCleanFailure(r: RunResult, ...expected: string[]): void {
  expect(r.code, show(r)).toBe(1);
  expect(hasStackTrace(r.stdout + r.stderr), show(r)).toBe(false);
  for (const text of expected) expect(r.stdout, show(r)).toContain(text);
}

beforeAll(() => ensureBuilt(), 180_000);

describe('validate on bad files: exit 1 with file, line and expectation, never a stack trace (SPEC §5)', () => {
  const fixture = (name: string) => join(BAD, name);

  it('an empty file', () => {
    const f = fixture('empty.csv');
    expectCleanFailure(validate(['--admissions', f]), `INVALID  ${f}`, `${f}: the file is empty`);
  });

  it('a header-only file is "no data rows" (exit 1)', () => {
    const f = fixture('header-only.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}: the file has a header row but no data rows`);
  });

  it('binary garbage', () => {
    const f = fixture('binary-garbage.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:3: the file contains NUL bytes: this is not CSV text (binary file?)`);
  });

  it('a delimiter that is none of , ; TAB, and the same file with --delimiter', () => {
    const f = fixture('wrong-delimiter.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:1: cannot tell the delimiter`, '--delimiter "|"');
    const ok = validate(['--admissions', f, '--delimiter', '|']);
    expect(ok.code, show(ok)).toBe(0);
  });

  it('a comma file read with a forced --delimiter ";"', () => {
    const dir = scratchFiles({ 'a.csv': `${H}\n${ROW('a-1')}\n` });
    expectCleanFailure(validate(['--admissions', join(dir, 'a.csv'), '--delimiter', ';']), ':1: no header row', 'try --delimiter ","');
  });

  it('latin1 text read with an explicit --encoding utf8, and the same file with --encoding latin1', () => {
    // Not in bad/: --encoding auto (the default) reads it as Windows-1252 (SPEC §6.1).
    const f = join(ROOT, 'tests', 'fixtures', 'reading', 'latin1.csv');
    expectCleanFailure(validate(['--admissions', f, '--encoding', 'utf8']), `${f}:2: discharge_status: "d�d" is not valid UTF-8`, 'try --encoding latin1');
    const ok = validate(['--admissions', f, '--encoding', 'latin1']);
    expect(ok.code, show(ok)).toBe(0);
    expect(ok.stdout).toContain('3 rows');
  });

  it('missing columns, all named at once', () => {
    const f = fixture('missing-columns.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:1: missing required columns: patient_id (or cpr, pnr, person_id); age`);
  });

  it('duplicate columns (two aliases of one column)', () => {
    const f = fixture('duplicate-columns.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:1: duplicate column: "patient_id" (column 2) and "cpr" (column 3) both give patient_id`);
  });

  it('a 100,000-character field', () => {
    const dir = scratchFiles({ 'long.csv': `${H}\n${ROW('a-1')}\n${ROW('x'.repeat(100_000))}\n` });
    const f = join(dir, 'long.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:3: admission_id: the value is 100,000 characters long (expected at most 1,000`);
  });

  it('an unterminated quote', () => {
    const f = fixture('unterminated-quote.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:3: unterminated quote: the row starting on line 3`);
  });

  it('impossible dates', () => {
    const f = fixture('impossible-dates.csv');
    expectCleanFailure(
      validate(['--admissions', f]),
      `${f}:3: admitted_at: "2016-02-30 08:00" is not a date: February 2016 has 29 days, not 30`,
      `${f}:4: discharged_at: "2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM or HH:MM:SS; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016:09:30 are also accepted)`,
      `${f}:5: admitted_at: "31.04.2017" is not a date: April 2017 has 30 days, not 31`,
    );
  });

  it('duplicate ids', () => {
    const f = fixture('duplicate-ids.csv');
    expectCleanFailure(validate(['--admissions', f]), `${f}:4: admission_id: duplicate admission_id "a-1" (first on line 2)`);
  });

  it('a missing file and a folder', () => {
    expectCleanFailure(validate(['--admissions', '/no/such/file.csv']), '/no/such/file.csv: cannot read the file: no such file');
    expectCleanFailure(validate(['--admissions', BAD]), `${BAD}: cannot read the file: it is a folder`);
  });

  it('a corrupt .gz file', () => {
    const gz = gzipSync(Buffer.from(`${H}\n${ROW('a-1')}\n`.repeat(200)));
    const dir = scratchFiles({ 'admissions.csv.gz': gz.subarray(0, 60) });
    expectCleanFailure(validate(['--data', dir]), 'not a valid gzip file');
  });

  it('every committed bad fixture fails cleanly', () => {
    for (const name of readdirSync(BAD).filter((n) => n.endsWith('.csv'))) {
      const r = validate(['--admissions', join(BAD, name)]);
      expect(r.code, `${name}\n${show(r)}`).toBe(1);
      expect(hasStackTrace(r.stdout + r.stderr), name).toBe(false);
      expect(r.stdout, name).toContain(join(BAD, name));
    }
  });
});

describe('validate on good input', () => {
  it('exits 0 on a clean file, with a VALID line and the row count', () => {
    const dir = scratchFiles({ 'admissions.csv': `${H}\n${ROW('a-1')}\n${ROW('a-2')}\n` });
    const r = validate(['--data', dir]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toBe(`VALID    ${join(dir, 'admissions.csv')} (admissions): 2 rows\n1 file checked: all valid\n`);
    expect(r.stderr).toBe('');
  });

  it('reads standard input with "-" and .csv.gz files in --data', () => {
    const text = `${H}\n${ROW('a-1')}\n`;
    const r = validate(['--admissions', '-'], text);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('VALID    - (admissions): 1 row');
    const dir = scratchFiles({ 'admissions.csv.gz': gzipSync(Buffer.from(text)) });
    const gz = validate(['--data', dir]);
    expect(gz.code, show(gz)).toBe(0);
  });

  it('reads a semicolon Excel export with BOM, CRLF, Danish values and decimal commas', () => {
    const text =
      '\ufeffID;CPR;INDDTO;UDDTO;INDM;ADIAG;KOMKOD;AGE;COST_DKK;DISCHARGE_STATUS\r\n' +
      'a-1;0101;03-04-2017 09:15;05-04-2017 14:00;akut;DJ44.0;0751;72;24000,50;død\r\n';
    const r = validate(['--admissions', '-'], text);
    expect(r.code, show(r)).toBe(0);
  });

  it('validates every worked example of the SPEC clean', () => {
    for (const name of readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const r = validate(['--data', join(EXAMPLES, name.name)]);
      expect(r.code, `${name.name}\n${show(r)}`).toBe(0);
    }
  });
});

describe('validate output', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ROW(`a-${i}`, 'not a date'));

  it('prints at most 20 problems by default, then "… and N more"', () => {
    const dir = scratchFiles({ 'a.csv': `${H}\n${rows.join('\n')}\n` });
    const r = validate(['--admissions', join(dir, 'a.csv')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // 1 INVALID line + 20 problems + "… and 5 more" + the summary.
    expect(lines).toHaveLength(23);
    expect(lines[0]).toBe(`INVALID  ${join(dir, 'a.csv')} (admissions): 25 rows, 25 invalid rows, 25 problems`);
    expect(lines[21]).toBe('… and 5 more problems (--max-errors N prints more; --format json lists them)');
    expect(lines[22]).toBe('1 file checked: 1 invalid, 25 problems');
    const three = validate(['--admissions', join(dir, 'a.csv'), '--max-errors', '3']);
    expect(three.stdout).toContain('… and 22 more problems');
  });

  it('--format json prints exactly files[{extract, path, rows, errors[{type, line, column, value, message}], error_count}] and ok', () => {
    const dir = scratchFiles({ 'admissions.csv': `${H}\n${ROW('a-1')}\n${ROW('a-2', '2016-13-01')}\n`, 'population.csv': 'year,municipality_code,age,sex,population\n2017,665,35,F,10\n' });
    const r = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        {
          extract: 'admissions',
          path: join(dir, 'admissions.csv'),
          rows: 2,
          errors: [
            {
              type: 'type-error',
              line: 3,
              column: 'admitted_at',
              value: '2016-13-01',
              message: '"2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM or HH:MM:SS; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016:09:30 are also accepted)',
            },
          ],
          error_count: 1,
        },
        { extract: 'population', path: join(dir, 'population.csv'), rows: 1, errors: [], error_count: 0 },
      ],
      ok: false,
    });
  });

  it('--format json lists every kept problem regardless of --max-errors, and defaults to json off a terminal', () => {
    const dir = scratchFiles({ 'a.csv': `${H}\n${rows.join('\n')}\n` });
    const r = runCli(['validate', '--admissions', join(dir, 'a.csv'), '--max-errors', '2']);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].errors).toHaveLength(25);
    expect(report.files[0].error_count).toBe(25);
    expect(report.ok).toBe(false);
  });

  it('usage errors exit 2', () => {
    for (const args of [[], ['--format', 'xml', '--data', BAD], ['--encoding', 'ebcdic', '--data', BAD], ['--max-errors', 'many', '--data', BAD]]) {
      const r = runCli(['validate', ...args]);
      expect(r.code, show(r)).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

// Keep the committed fixtures small (a large case is generated by its test).
it('the committed bad fixtures stay under 200 KB', () => {
  const total = readdirSync(BAD).reduce((sum, n) => sum + readFileSync(join(BAD, n)).length, 0);
  expect(total).toBeLessThan(200_000);
});
