// Reading real exports end to end (SPEC §6.1): the binary on Windows-1252 files, unused
// columns, NUL bytes, control characters, the new date forms, unknown indicator ids, and a
// large file with its problems far into it.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/contracts/report.js';
import { hasStackTrace, ROOT, runCli, scratchDir, scratchFiles, show } from './helpers.js';

const LATIN1 = join(ROOT, 'tests', 'fixtures', 'reading', 'latin1.csv');
const H = 'admission_id;patient_id;admitted_at;discharged_at;admission_type;primary_diagnosis;municipality_code;age;discharge_status';
const row = (id: string, status = '', admitted = '2017-04-03 09:15') =>
  `${id};p-${id};${admitted};2017-04-05 14:00;acute;J440;751;70;${status}`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');

function computeJson(args: string[]) {
  const r = runCli(['compute', ...args, '--format', 'json', '--indicators', 'readmission-30d']);
  return { r, report: r.code === 0 ? ReportSchema.parse(JSON.parse(r.stdout)) : null };
}

describe('--encoding auto, the default (SPEC §6.1)', () => {
  it('reads a Windows-1252 export, prints exactly one notice per file on stderr, and reports "encoding": "cp1252" in inputs[]', () => {
    const { r, report } = computeJson(['--admissions', LATIN1]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('Windows-1252'))).toEqual([`${LATIN1}: not UTF-8 at line 2; read as Windows-1252`]);
    expect(report!.inputs).toEqual([expect.objectContaining({ extract: 'admissions', rows: 3, rows_rejected: 0, encoding: 'cp1252' })]);
  });

  it('reports "encoding": "utf8" and prints no notice for a UTF-8 file', () => {
    const dir = scratchFiles({ 'admissions.csv': [H, row('a', 'død'), row('b')].join('\n') + '\n' });
    const { r, report } = computeJson(['--data', dir]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).not.toContain('Windows-1252');
    expect(report!.inputs[0].encoding).toBe('utf8');
  });

  it('prints the notice for validate too, one per file, naming each file', () => {
    const dir = scratchFiles({ 'admissions.csv': readFileSync(LATIN1), 'referrals.csv': latin1('referral_id;patient_id;referred_at;sender;offer;municipality_code\nr1;p1;2017-01-02;gp;overv\xe6gt;751\n') });
    const r = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      `${join(dir, 'admissions.csv')}: not UTF-8 at line 2; read as Windows-1252`,
      `${join(dir, 'referrals.csv')}: not UTF-8 at line 2; read as Windows-1252`,
    ]);
  });

  it('makes a file that mixes UTF-8 and Windows-1252 an error naming the line (exit 1)', () => {
    const f = join(ROOT, 'tests', 'fixtures', 'bad', 'mixed-encoding.csv');
    const r = runCli(['validate', '--admissions', f, '--format', 'table']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toContain(`${f}:4: discharge_status: "d\uFFFDd" is not valid UTF-8, but line 2 holds UTF-8 text: the file mixes two encodings`);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('keeps the §1.6 error with an explicit --encoding utf8, and reads the file silently with latin1 or cp1252', () => {
    const utf8 = runCli(['validate', '--admissions', LATIN1, '--encoding', 'utf8', '--format', 'table']);
    expect(utf8.code, show(utf8)).toBe(1);
    expect(utf8.stdout).toContain('try --encoding latin1');
    for (const encoding of ['latin1', 'cp1252']) {
      const { r, report } = computeJson(['--admissions', LATIN1, '--encoding', encoding]);
      expect(r.code, show(r)).toBe(0);
      expect(r.stderr).not.toContain('Windows-1252');
      expect(report!.inputs[0].encoding).toBe('cp1252');
    }
  });
});

describe('only the columns an extract uses are decoded and checked (SPEC §6.1)', () => {
  it('computes without --skip-invalid when the only bytes that are not UTF-8 are in a free-text column nobody uses', () => {
    // Every row has a Windows-1252 remark; the used columns are ASCII.
    const rows = Array.from({ length: 50 }, (_, i) => `${row(`a${i}`)};k\xf8rt til skadestue \x96 ${i}`);
    const dir = scratchFiles({ 'admissions.csv': latin1([`${H};bem\xe6rkning`, ...rows].join('\r\n') + '\r\n') });
    const { r, report } = computeJson(['--data', dir]);
    expect(r.code, show(r)).toBe(0);
    expect(report!.inputs[0]).toMatchObject({ rows: 50, rows_rejected: 0 });
  });
});

describe('NUL bytes (SPEC §6.1)', () => {
  it('makes a NUL in a used field an error at its line and column even past the first 64 KiB', () => {
    const filler = Array.from({ length: 1000 }, (_, i) => row(`f${i}`) + ';' + 'x'.repeat(50));
    const text = [`${H};note`, ...filler, `a;p\u0000q;2017-04-03 09:15;;acute;J440;751;70;;`].join('\n') + '\n';
    const dir = scratchFiles({ 'admissions.csv': text });
    const r = runCli(['validate', '--data', dir, '--format', 'table']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'admissions.csv')}:1002: patient_id: "p\\x00q" contains a NUL byte`);
  });
});

describe('control characters from an input are escaped in every message (SPEC §6.1)', () => {
  // A header whose unknown column name carries a terminal escape sequence, and a value with
  // ESC, DEL and a C1 control (CSI, U+009B).
  const header = 'admission_id;\u001b]0;owned\u0007;age';
  const value = `${row('a').replace(';70;', ';\u001b[2J7\u007f\u009b;')}`;
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('never writes a raw control character from a header to the terminal (validate table, compute errors)', () => {
    const dir = scratchFiles({ 'admissions.csv': `${header}\n1;2;3\n` });
    for (const args of [['validate', '--data', dir, '--format', 'table'], ['compute', '--data', dir, '--format', 'json']]) {
      const r = runCli(args);
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout + r.stderr).toContain('\\x1b]0');
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
  });

  it('escapes them in value messages: \\xHH in text, and the JSON value carries ESC as \\u001b', () => {
    const dir = scratchFiles({ 'admissions.csv': `${H}\n${value}\n` });
    const table = runCli(['validate', '--data', dir, '--format', 'table']);
    expect(table.stdout).toContain('age: "\\x1b[2J7\\x7f\\x9b" is not an age');
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    const json = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(json.stdout).toContain('"value": "\\u001b[2J7');
    expect(json.stdout).not.toMatch(/\u001b/);
    // DEL and C1 in the JSON `value` are left to the JSON renderer (see escapeJsonControls).
  });
});

describe('the date forms of SPEC §6.1', () => {
  it('reads YYYYMMDD, SAS dates and date-times, fractional seconds and one-digit hours; refuses dates outside 1900–2099', () => {
    const rows = [
      row('a', '', '20170403'),
      row('b', '', '03APR2017:09:15:00'),
      row('c', '', '03apr2017:9:15'),
      row('d', '', '2017-04-03 09:15:07.123'),
      row('e', '', '03.04.2017 9:15'),
    ];
    const dir = scratchFiles({ 'admissions.csv': [H, ...rows].join('\n') + '\n' });
    const ok = runCli(['validate', '--data', dir, '--format', 'table']);
    expect(ok.code, show(ok)).toBe(0);
    const bad = scratchFiles({ 'admissions.csv': [H, row('a', '', '1899-12-31 10:00')].join('\n') + '\n' });
    const r = runCli(['validate', '--data', bad, '--format', 'table']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toContain(':2: admitted_at: "1899-12-31 10:00" is outside the plausible range 1900–2099');
  });
});

describe('indicator ids in baselines.csv and measurements.csv (SPEC §6.1)', () => {
  it('makes an id that is not in the catalogue an error with a "did you mean", exit 1', () => {
    const dir = scratchFiles({
      'admissions.csv': [H, row('a')].join('\n') + '\n',
      'baselines.csv': 'indicator,baseline_period,baseline_value\nreadmision-30d,2015,12\n',
      'measurements.csv': 'indicator,period,value\nstratified-course,2016,50\n',
    });
    const r = runCli(['compute', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'baselines.csv')}:2: indicator: "readmision-30d" is not an indicator of the catalogue (did you mean readmission-30d?)`);
    expect(r.stderr).toContain(`${join(dir, 'measurements.csv')}:2: indicator: "stratified-course" is not an indicator of the catalogue (did you mean stratified-courses?)`);
  });
});

describe('a large file (SPEC §5, §6.1)', () => {
  it('gives the same problems, notice and inputs as the same bytes gzipped', () => {
    // > 24 MiB of admissions (the size from which files were once split in a worker thread)
    // and its .gz (a few MB): ASCII rows, then Windows-1252 bytes far into the file, a NUL
    // and a bad date after them.
    const n = 240_000;
    const lines = [`${H};note`];
    for (let i = 0; i < n; i++) lines.push(`${row(`a${i}`)};${'-'.repeat(40)}`);
    lines[200_000] = `${row('x1', 'd\xf8d')};`;
    lines[210_000] = `${row('x2').replace('p-x2', 'p\u0000')};`;
    lines[220_000] = `${row('x3', '', '2017-13-01')};`;
    const bytes = latin1(lines.join('\n') + '\n');
    expect(bytes.length).toBeGreaterThan(24 * 1024 * 1024);
    const dir = scratchDir();
    writeFileSync(join(dir, 'admissions.csv'), bytes);
    writeFileSync(join(dir, 'admissions.csv.gz'), gzipSync(bytes));
    const run = (name: string) => {
      const r = runCli(['validate', '--admissions', join(dir, name), '--format', 'json']);
      return { code: r.code, stdout: r.stdout.replaceAll(name, 'FILE'), stderr: r.stderr.replaceAll(name, 'FILE') };
    };
    const plain = run('admissions.csv');
    const gzipped = run('admissions.csv.gz');
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(`${join(dir, 'FILE')}: not UTF-8 at line 200001; read as Windows-1252\n`);
    const problems = JSON.parse(plain.stdout).files[0].errors.map((e: { line: number; column: string }) => [e.line, e.column]);
    expect(problems).toEqual([
      [210001, 'patient_id'],
      [220001, 'admitted_at'],
    ]);
    expect(plain).toEqual(gzipped);
  }, 60_000);
});
