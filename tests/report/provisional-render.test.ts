// SPEC §13.2 in the compute renderers: a provisional result is marked "(provisional)" in the
// terminal table and the Markdown (both English), explained once in a legend; CSV carries the
// flag as a column; the table and Markdown name each input's data end.

import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/contracts/report.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';

const result = (over: Partial<Result>): Result => ({
  indicator: 'rehab-contact-3-workdays', aim: 'quality', unit: 'percent', direction: 'higher_is_better', period: '2023', group: {},
  numerator: 3, denominator: 4, value: 75, ci95: [30.1, 95.4], suppressed: false, baseline: null, target: null, change: null,
  change_pct: null, status: 'no_target', target_verdict: 'no_target', provisional: false, reason: null, notes: [], ...over,
});

const report = (results: Result[]): Report => ({
  schema_version: 1,
  tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
  inputs: [
    { extract: 'referrals', path: 'referrals.csv', sha256: 'ab'.repeat(32), rows: 9, rows_rejected: 0, encoding: 'utf8', data_end: '2024-04-24' },
    { extract: 'population', path: 'population.csv', sha256: 'cd'.repeat(32), rows: 9, rows_rejected: 0, encoding: 'utf8', data_end: null },
  ],
  periods: [{ id: '2023', from: '2023-01-01', to: '2023-12-31' }, { id: '2024', from: '2024-01-01', to: '2024-12-31' }],
  breakdown: [],
  suppression: { min_cell: 0, primary: 0, complementary: 0, description: 'Small-cell suppression is off.' },
  results,
  warnings: [],
});

const mixed = report([result({}), result({ period: '2024', numerator: 0, denominator: 1, value: 0, ci95: [0, 79.3], provisional: true })]);
const complete = report([result({}), result({ period: '2024', numerator: 1, denominator: 2, value: 50, ci95: [9.5, 90.5] })]);

describe('provisional results in the compute renderers (SPEC §13.2)', () => {
  it('the table marks the provisional value only, explains the mark, and names the data end of each dated input', () => {
    const text = renderTable(mixed, { color: false, names: new Map() });
    const row = text.split('\n').find((l) => l.includes('rehab-contact-3-workdays'))!;
    expect(row).toMatch(/75\.0 .*0\.0 \(provisional\)/);
    expect(row.match(/provisional/g)).toHaveLength(1);
    expect(text).toMatch(/^\(provisional\): the period's follow-up/m);
    expect(text).toMatch(/^Data end: referrals 2024-04-24\.$/m);
  });

  it('no legend when nothing is provisional', () => {
    expect(renderTable(complete, { color: false, names: new Map() })).not.toMatch(/provisional/);
    expect(renderMarkdown(complete, CATALOGUE)).not.toMatch(/provisional/);
  });

  it('the Markdown marks the value in its cell, explains the mark, and lists the data end per input', () => {
    const md = renderMarkdown(mixed, CATALOGUE);
    expect(md).toMatch(/\| 0\.0 \(provisional\) \(0\.0–79\.3\) · 0\/1 \|/);
    expect(md).toMatch(/^\(provisional\): the period's follow-up/m);
    expect(md).toMatch(/\| referrals \| referrals\.csv \| 9 \| 0 \| 2024-04-24 \|/);
    expect(md).toMatch(/\| population \| population\.csv \| 9 \| 0 \| – \|/);
  });

  it('CSV carries provisional after suppressed', () => {
    const lines = renderCsv(mixed).trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header.indexOf('provisional')).toBe(header.indexOf('suppressed') + 1);
    expect(lines[1].split(',')[header.indexOf('provisional')]).toBe('false');
    expect(lines[2].split(',')[header.indexOf('provisional')]).toBe('true');
  });
});
