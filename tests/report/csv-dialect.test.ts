// CSV dialects (SPEC §6.3): excel-da is read back with csv-parse configured as Danish Excel
// reads a double-clicked file (`;`, BOM, CRLF, decimal comma).

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/contracts/report.js';
import { excelNumber, renderCsv } from '../../src/report/csv.js';

const result = (over: Partial<Result>): Result => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', period: '2016', group: {},
  numerator: 11, denominator: 20, value: 55.00000000000001, ci95: [34.21230697, 74.18470679], suppressed: false,
  baseline: { value: 13.1, period: '2015', source: 'baselines.csv: "Vest"; 2015' }, target: null, change: 41.90000000000001,
  change_pct: 319.8473282442749, status: 'worsening', target_verdict: 'no_target', provisional: false, reason: null, notes: ['line one\nline two', 'a; b'], ...over,
});

const report = (results: Result[]): Report => ({
  schema_version: 1,
  tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
  inputs: [],
  periods: [{ id: '2016', from: '2016-01-01', to: '2016-12-31' }],
  breakdown: ['cluster', 'sex'],
  suppression: { min_cell: 5, primary: 0, complementary: 0, description: '' },
  results,
  warnings: [],
});

describe('excel-da CSV (SPEC §6.3)', () => {
  const r = report([result({ group: { cluster: 'Vest', sex: 'F' } }), result({ indicator: 'cost-per-capita', unit: 'dkk_per_capita', numerator: 43250397, denominator: 17310, value: 2498.578677, ci95: null, notes: [] })]);
  const text = renderCsv(r, 'excel-da');

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(text.startsWith('\uFEFFindicator;aim;unit;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(true); // the note's own line break, quoted
    expect(text.split('\r\n')).toHaveLength(4); // header, two rows, '' after the last CRLF
  });

  it('reads back with a real CSV parser in that dialect: ; between fields, decimal comma, quoted fields intact', () => {
    const rows = parse(text, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a.group).toBe('cluster=Vest;sex=F'); // contains ; → quoted
    expect(a.value).toBe('55'); // 55.00000000000001 rounded to 10 significant digits
    expect(a.ci95_lower).toBe('34,21230697');
    expect(a.change).toBe('41,9');
    expect(a.change_pct).toBe('319,8473282'); // 319.8473282442749 → 10 significant digits
    expect(a.baseline_source).toBe('baselines.csv: "Vest"; 2015'); // quotes doubled and restored
    expect(a.notes).toBe('line one\nline two | a; b');
    expect(a.suppressed).toBe('false');
    expect(b.numerator).toBe('43250397');
    expect(b.value).toBe('2498,578677');
    expect(b.ci95_lower).toBe('');
  });

  it('every field containing ;, " or a line break is quoted, and no other', () => {
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/;"cluster=Vest;sex=F";/);
    expect(lines[1]).toMatch(/;"baselines\.csv: ""Vest""; 2015";/);
    expect(lines[1]).toMatch(/^readmission-30d;quality;percent;lower_is_better;2016;/);
  });

  it('rfc stays as before: , and unrounded numbers, no BOM', () => {
    const rfc = renderCsv(r);
    expect(rfc.startsWith('indicator,aim,')).toBe(true);
    expect(rfc).toContain(',55.00000000000001,');
  });
});

describe('numbers for Excel: 10 significant digits, no exponent', () => {
  it.each([
    [55.00000000000001, '55'],
    [12.123552123552123, '12.12355212'],
    [0.1 + 0.2, '0.3'],
    [43250397, '43250397'],
    [1234567890123, '1234567890000'],
    [0.000001234567891234, '0.000001234567891'],
    [1e-7, '0.0000001'],
    [-0.8000000000000007, '-0.8'],
    [0, '0'],
    [9.99999999999, '10'],
  ])('%s → %s', (n, text) => {
    expect(excelNumber(n)).toBe(text);
  });
});
