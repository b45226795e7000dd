import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/contracts/report.js';
import { renderCsv } from '../../src/report/csv.js';
import { formatNumber } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import { renderJson } from '../../src/report/json.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';

const result = (over: Partial<Result>): Result => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', period: '2016', group: {},
  numerator: 123, denominator: 1000, value: 12.3, ci95: [10.4, 14.5], suppressed: false,
  baseline: { value: 13.1, period: '2015', source: 'data' }, target: null, change: -0.8, change_pct: -6.1,
  status: 'improving', target_verdict: 'no_target', provisional: false, reason: null, notes: [], ...over,
});

const report = (results: Result[], breakdown: Report['breakdown'] = []): Report => ({
  schema_version: 1,
  tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
  inputs: [{ extract: 'admissions', path: 'data/admissions.csv', sha256: 'ab'.repeat(32), rows: 5000, rows_rejected: 0, encoding: 'utf8', data_end: '2017-12-31' }],
  periods: [{ id: '2016', from: '2016-01-01', to: '2016-12-31' }, { id: '2017', from: '2017-01-01', to: '2017-12-31' }],
  breakdown,
  suppression: { min_cell: 5, primary: 1, complementary: 0, description: 'Small-cell suppression with threshold 5.' },
  results,
  warnings: ['follow-up is incomplete'],
});

describe('rounding for reading (SPEC §4.2)', () => {
  it('1 decimal for percent and per_1000 from 1 up, whole numbers for counts and DKK', () => {
    expect(formatNumber(54.5454, 'percent')).toBe('54.5');
    expect(formatNumber(1.42857, 'per_1000')).toBe('1.4');
    expect(formatNumber(36.8, 'dkk_per_capita')).toBe('37');
    expect(formatNumber(2, 'count')).toBe('2');
  });
});

describe('table (SPEC §4.2)', () => {
  const r = report([
    result({}),
    result({ period: '2017', suppressed: true, value: null, numerator: null, denominator: null, ci95: null, status: 'not_computed' }),
    result({ indicator: 'cost-per-capita', aim: 'cost', unit: 'dkk_per_capita', value: null, status: 'not_computed', reason: { code: 'source-not-loaded', message: 'population.csv not loaded' }, notes: ['not computed: population.csv not loaded'] }),
  ]);
  const text = renderTable(r, { color: false, names: new Map() });

  it('groups by aim with one column per period', () => {
    expect(text.indexOf('Quality')).toBeLessThan(text.indexOf('Cost per capita'));
    expect(text).toMatch(/2016.*2017/);
  });
  it('shows a value with its verdict in words, a suppressed cell as <5, not_computed as – with a footnote', () => {
    expect(text).toMatch(/12\.3 better than baseline/);
    expect(text).toMatch(/<5/);
    expect(text).toMatch(/–\[1\]/);
    expect(text).toMatch(/\[1\] population\.csv not loaded/);
  });
  it('colours only when asked to', () => {
    expect(text).not.toMatch(/\x1b\[/);
    expect(renderTable(r, { color: true, names: new Map() })).toMatch(/\x1b\[/);
  });
  it('says which suppression was applied; warnings are left to stderr', () => {
    expect(text).toMatch(/threshold 5/);
    expect(text).not.toMatch(/follow-up is incomplete/);
  });
  it('with --by education adds a "gap short − long" row in percentage points', () => {
    const gap = renderTable(
      report(
        [
          result({ status: 'no_target' }),
          result({ group: { education: 'short' }, value: 15.25, status: 'no_target' }),
          result({ group: { education: 'long' }, value: 9.5, status: 'no_target' }),
        ],
        ['education'],
      ),
      { color: false, names: new Map() },
    );
    // 15.25 − 9.5 = 5.75 → "+5.8"
    expect(gap).toMatch(/gap short − long \(pp\).*\+5\.8/);
  });
});

describe('csv (SPEC §4.3)', () => {
  it('one row per result, JSON fields flattened, group as dim=value;dim=value', () => {
    const csv = renderCsv(report([result({ group: { cluster: 'Vest', sex: 'F' }, notes: ['a, "b"'] })]));
    const [head, row] = csv.trim().split('\r\n');
    expect(head.split(',').slice(0, 7)).toEqual(['indicator', 'aim', 'unit', 'direction', 'period', 'group', 'municipality_name']);
    // suppressed, then provisional (SPEC §13.2), both false here; target_verdict after status (§13.4).
    expect(row).toMatch(/^readmission-30d,quality,percent,lower_is_better,2016,cluster=Vest;sex=F,,123,1000,12.3,10.4,14.5,false,false,13.1,2015,data,,,,-0.8,-6.1,improving,no_target,"a, ""b"""$/);
  });

  it('target_verdict beside status (SPEC §13.4): 88.9 under ≥ 90, better than its baseline, is improving yet not_met', () => {
    const csv = renderCsv(report([result({ direction: 'higher_is_better', value: 88.9, baseline: { value: 85, period: '2013', source: 'catalogue' }, target: { value: 90, period: null, rule: 'at_least' }, status: 'improving', target_verdict: 'not_met' })]));
    const [head, row] = csv.trim().split('\r\n').map((l) => l.split(','));
    expect(row[head.indexOf('status')]).toBe('improving');
    expect(row[head.indexOf('target_verdict')]).toBe('not_met');
    expect(head.indexOf('target_verdict')).toBe(head.indexOf('status') + 1);
  });

  it("a municipality's name beside its code for all 98 codes (SPEC §13.5); empty for another code and for groups without one", () => {
    const csv = renderCsv(report([
      result({ group: { municipality: '751' } }),
      result({ group: { municipality: '461', sex: 'F' } }),
      result({ group: { municipality: '999' } }),
      result({}),
    ]));
    const [head, ...rows] = csv.trim().split('\r\n').map((l) => l.split(','));
    const at = head.indexOf('municipality_name');
    expect(rows.map((r) => [r[head.indexOf('group')], r[at]])).toEqual([
      ['municipality=751', 'Aarhus'], ['municipality=461;sex=F', 'Odense'], ['municipality=999', ''], ['', ''],
    ]);
  });
});

describe('markdown (SPEC §4.3)', () => {
  it('a publishable report: title, periods, inputs with checksums, a section per aim, definitions, warnings', () => {
    const md = renderMarkdown(report([result({})]), CATALOGUE);
    expect(md).toMatch(/^# Triple Aim indicators/);
    expect(md).toMatch(/Periods: 2016 \(2016-01-01 – 2016-12-31\)/);
    // SPEC §13.2: each input with its data end (the fixture's 2017-12-31).
    expect(md).toMatch(/\| admissions \| data\/admissions\.csv \| 5000 \| 0 \| 2017-12-31 \| `abababababababab…` \|/);
    expect(md).toMatch(/## Quality/);
    expect(md).toMatch(/### Akutte genindlæggelser.*\(`readmission-30d`\)/);
    expect(md).toMatch(/## Warnings\n\n- follow-up is incomplete/);
    expect(md).not.toMatch(/`cost-per-capita`/); // only the indicators shown are defined
  });
});

describe('json (SPEC §4.1)', () => {
  // The key order of the real report is asserted end to end (tests/e2e/contracts.test.ts).
  it('keeps numbers unrounded', () => {
    const json = renderJson(report([result({ value: 54.54545454545455 })]));
    expect(json).toContain('"value": 54.54545454545455');
  });
});
