import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadExtracts, PROBLEM_TYPES, type Problem } from '../../src/extracts/load.js';
import { csv, load, scratchFile } from './helpers.js';

const H = 'indicator,period,numerator,denominator,value,source';

describe('loadExtracts (SPEC §1.6)', () => {
  it('reports rows, rejected rows, the sha256 of the bytes as stored and the valid records', async () => {
    const text = csv(H, 'x,2016,1,2,,', 'x,2017,one,2,,', 'x,2018,3,4,,');
    const { report, data } = await load('measurements', text);
    expect(report).toMatchObject({ rows: 3, rowsRejected: 1, problemCount: 1, unusable: false });
    expect(data.measurements!.info).toMatchObject({
      extract: 'measurements',
      rows: 3,
      rowsRejected: 1,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    expect(data.measurements!.records.map((m) => m.period)).toEqual(['2016', '2018']);
  });

  it('keepRecords: false checks every row (validate) but keeps no records', async () => {
    const text = csv(H, 'x,2016,1,2,,', 'x,2017,one,2,,', 'x,2018,3,4,,');
    const { report, data } = await load('measurements', text, { keepRecords: false });
    expect(report).toMatchObject({ rows: 3, rowsRejected: 1, problemCount: 1 });
    expect(data.measurements!.records).toEqual([]);
  });

  it('keeps at most keepProblems problems but counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `x${i},bad,,,,`);
    const { report } = await load('measurements', csv(H, ...rows), { keepProblems: 10 });
    expect(report.problemCount).toBe(30);
    expect(report.problems).toHaveLength(10);
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(report.rowsRejected).toBe(30);
  });

  it('puts file-level problems before row problems', async () => {
    // Row 2 is fine, row 3 has a bad period, then an unterminated quote on line 4 stops the read.
    const { report } = await load('measurements', csv(H, 'x,2016,1,2,,', 'x,2O16,1,2,,', 'x,2017,"1,2,,'));
    expect(report.problems.map((p) => [p.type, p.line, p.fileLevel])).toEqual([
      ['csv-error', 4, true],
      ['type-error', 3, false],
    ]);
    expect(report.unusable).toBe(true);
  });

  it('makes a header-only file a file-level problem "no data rows" (SPEC §5)', async () => {
    const { report, data } = await load('measurements', csv(H));
    expect(report.problems.map((p) => [p.type, p.message])).toEqual([['no-data-rows', 'the file has a header row but no data rows']]);
    expect(report.unusable).toBe(true);
    expect(data.measurements).toBeUndefined();
  });

  it('leaves an unusable file out of the data and never throws for an unreadable one', async () => {
    const good = scratchFile(csv(H, 'x,2016,1,2,,'));
    const result = await loadExtracts(
      [
        { extract: 'admissions', path: '/no/such/admissions.csv' },
        { extract: 'measurements', path: good },
      ],
      { encoding: 'utf8' },
    );
    expect(result.files.map((f) => [f.extract, f.unusable, f.rows])).toEqual([
      ['admissions', true, 0],
      ['measurements', false, 1],
    ]);
    expect(result.files[0].problems[0]).toMatchObject({ type: 'unreadable-file', path: '/no/such/admissions.csv', line: null, fileLevel: true });
    expect(Object.keys(result.data)).toEqual(['measurements']);
  });

  it('never decodes or checks an undeclared column: bytes there that are not UTF-8 reject no row, even with --encoding utf8 (SPEC §6.1)', async () => {
    const { report, data } = await load('measurements', Buffer.from('indicator;period;kommentar\nx;2016;d\xf8d\n', 'latin1'), { encoding: 'utf8' });
    expect(report).toMatchObject({ rows: 1, rowsRejected: 0, problemCount: 0, encoding: 'utf8', notices: [] });
    expect(data.measurements!.records.map((m) => m.indicator)).toEqual(['x']);
  });

  it('reports progress', async () => {
    const calls: number[] = [];
    await load('measurements', csv(H, 'x,2016,1,2,,'), { onProgress: (_e, rows) => calls.push(rows) });
    expect(calls.at(-1)).toBe(1);
  });
});

describe('problem types (SPEC §1.6, §6.1)', () => {
  it('are distinct kebab-case names, the §6.1 ones among them', () => {
    for (const t of PROBLEM_TYPES) expect(t).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(PROBLEM_TYPES).size).toBe(PROBLEM_TYPES.length);
    expect(PROBLEM_TYPES).toEqual(expect.arrayContaining(['nul-byte', 'mixed-encoding', 'unknown-indicator', 'encoding-error']));
  });
});

describe('formatProblem (SPEC §1.6)', () => {
  const base: Problem = {
    type: 'type-error',
    extract: 'admissions',
    path: 'admissions.csv',
    line: 17,
    column: 'discharged_at',
    value: '2016-13-01',
    message: '"2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM)',
    fileLevel: false,
  };

  it('prints file:line: column: message', () => {
    expect(formatProblem(base)).toBe(
      'admissions.csv:17: discharged_at: "2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM)',
    );
  });

  it('leaves out what a problem does not have', () => {
    expect(formatProblem({ ...base, column: null, message: 'm' })).toBe('admissions.csv:17: m');
    expect(formatProblem({ ...base, line: null, column: null, message: 'm' })).toBe('admissions.csv: m');
  });
});
