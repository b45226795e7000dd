// `compute --csv-dialect excel-da` (SPEC §6.3), read back with csv-parse as Danish Excel reads
// a double-clicked file: `;`, decimal comma, BOM, CRLF.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

describe('--csv-dialect excel-da (SPEC §6.3)', () => {
  const args = ['compute', '--data', SAMPLES, '--period', '2015..2017', '--by', 'cluster,sex', '--format'];

  it('reads back row for row and value for value as the JSON says, rounded to 10 significant digits', () => {
    const out = join(scratchDir(), 'rapport.csv');
    const r = runCli([...args, 'csv', '--csv-dialect', 'excel-da', '--out', out]);
    expect(r.code, show(r)).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^indicator;aim;unit;direction;period;group;/);
    expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/\n/); // CRLF only, outside quotes
    const rows = parse(text, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const json = JSON.parse(runCli([...args, 'json']).stdout).results as Record<string, unknown>[];
    expect(rows).toHaveLength(json.length);
    const danish = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));
    rows.forEach((row, i) => {
      const want = json[i] as { indicator: string; value: number | null; numerator: number | null; group: Record<string, string> };
      expect(row.indicator).toBe(want.indicator);
      expect(row.group).toBe(Object.entries(want.group).map(([k, v]) => `${k}=${v}`).join(';'));
      expect(row.value).not.toMatch(/\./); // decimal comma, never a point
      const got = danish(row.value);
      if (want.value === null) expect(got).toBeNull();
      else expect(got).toBe(Number(want.value.toPrecision(10)));
      expect(danish(row.numerator)).toBe(want.numerator === null ? null : Number(want.numerator.toPrecision(10)));
    });
    // No float noise: every number has at most 10 significant digits.
    for (const row of rows) {
      for (const k of ['value', 'ci95_lower', 'ci95_upper', 'change', 'change_pct']) {
        expect(row[k].replace(/^-?0?,?0*/, '').replace(',', '').replace(/^-/, '').length, `${k} ${row[k]}`).toBeLessThanOrEqual(10);
      }
    }
  });

  it('rfc is the default and stays comma-separated with points', () => {
    const r = runCli([...args, 'csv', '--indicators', 'readmission-30d']);
    expect(r.stdout.startsWith('indicator,aim,unit,')).toBe(true);
    expect(r.stdout.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('an unknown dialect is a usage error', () => {
    const r = runCli([...args, 'csv', '--csv-dialect', 'excel-us']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are rfc, excel-da/);
  });
});
