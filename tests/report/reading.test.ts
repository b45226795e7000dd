// The human reports read right (SPEC §6.3): status in words and never an arrow, a long layout
// beyond 6 periods, --details, decimals that keep two significant digits, Markdown with
// intervals, numerator/denominator and municipality names.

import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/engine/result.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { formatNumber, groupLabel, readingDecimals, STATUS_LABELS, STATUS_LEGEND } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';

const result = (over: Partial<Result>): Result => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', period: '2016', group: {},
  numerator: 123, denominator: 1000, value: 12.3, ci95: [10.4, 14.5], suppressed: false,
  baseline: { value: 13.1, period: '2015', source: 'data' }, target: null, change: -0.8, change_pct: -6.1,
  status: 'improving', target_verdict: 'no_target', provisional: false, reason: null, notes: [], ...over,
});

function months(n: number): Report['periods'] {
  return Array.from({ length: n }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return { id: `2016-${m}`, from: `2016-${m}-01`, to: `2016-${m}-28` };
  });
}

const report = (results: Result[], periods: Report['periods'] = months(2), breakdown: Report['breakdown'] = []): Report => ({
  schema_version: 1,
  tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
  inputs: [],
  periods,
  breakdown,
  suppression: { min_cell: 5, primary: 0, complementary: 0, description: 'Small-cell suppression with threshold 5.' },
  results,
  warnings: [],
});

// Every status once, in a readmission row (lower is better) over six months.
const everyStatus = report(
  [
    result({ period: '2016-01', value: 12.3, status: 'improving' }),
    result({ period: '2016-02', value: 14.0, status: 'worsening' }),
    result({ period: '2016-03', value: 13.1, status: 'unchanged' }),
    result({ period: '2016-04', value: 9.0, status: 'met', target: { value: 10, period: null, rule: 'at_most' } }),
    result({ period: '2016-05', value: 11.0, status: 'not_met', baseline: null, target: { value: 10, period: null, rule: 'at_most' } }),
    result({ period: '2016-06', value: null, numerator: 0, denominator: 0, ci95: null, status: 'not_computed', reason: { code: 'zero-denominator', message: 'no cases in the denominator' } }),
  ],
  months(6),
);

/** Arrows and triangles a reader would take for "the value went up/down". */
const ARROWS = /[↗↘→←↑↓▲▼△▽⬆⬇➚➘]/u;

describe('status in words, never an arrow (SPEC §6.3)', () => {
  it('the table shows ✓ met, ✗ not met, better, worse, unchanged', () => {
    const text = renderTable(everyStatus, { color: false, names: new Map() });
    for (const words of ['12.3 better', '14.0 worse', '13.1 unchanged', '9.0 ✓ met', '11.0 ✗ not met']) expect(text).toContain(words);
    expect(STATUS_LABELS).toMatchObject({ met: '✓ met', not_met: '✗ not met', improving: 'better', worsening: 'worse', unchanged: 'unchanged' });
  });

  it('no arrow or triangle anywhere: cells, legend, table and Markdown', () => {
    expect(STATUS_LEGEND).not.toMatch(ARROWS);
    expect(renderTable(everyStatus, { color: false, names: new Map() })).not.toMatch(ARROWS);
    expect(renderTable(everyStatus, { color: true, names: new Map() })).not.toMatch(ARROWS);
    expect(renderMarkdown(everyStatus, CATALOGUE)).not.toMatch(ARROWS);
  });

  it('the words are coloured on a terminal: better green, worse red (the value itself is not)', () => {
    const text = renderTable(everyStatus, { color: true, names: new Map() });
    expect(text).toContain('12.3 \x1b[32mbetter\x1b[39m');
    expect(text).toContain('14.0 \x1b[31mworse\x1b[39m');
  });
});

describe('layout by number of periods (SPEC §6.3)', () => {
  it('up to 6 periods: one column per period', () => {
    const text = renderTable(everyStatus, { color: false, names: new Map() });
    expect(text).toMatch(/│ Indicator +│ Group +│ Unit +│ +Baseline │ +Target │ +2016-01 │.*2016-06 │/);
  });

  it('more than 6 periods: one line per indicator, group and period', () => {
    const seven = report(
      Array.from({ length: 7 }, (_, i) => result({ period: `2016-0${i + 1}`, value: 10 + i, status: 'no_target', baseline: null })),
      months(7),
    );
    const text = renderTable(seven, { color: false, names: new Map() });
    expect(text).toMatch(/│ Indicator +│ Group +│ Unit +│ Period +│ +Value │ Status +│ +Baseline │ +Target │/);
    expect(text).not.toMatch(/│ 2016-01 +│ 2016-02/); // no period columns
    // Seven lines of readmission-30d, one per month, the values in order.
    const lines = text.split('\n').filter((l) => l.startsWith('│ readmission-30d'));
    expect(lines).toHaveLength(7);
    expect(lines[6]).toMatch(/│ 2016-07 +│ +16\.0 │/);
  });

  it('--details adds the 95 % interval and numerator/denominator to each cell', () => {
    const plain = renderTable(everyStatus, { color: false, names: new Map() });
    const details = renderTable(everyStatus, { color: false, names: new Map(), details: true });
    expect(plain).not.toContain('10.4–14.5');
    expect(plain).not.toContain('123/1000');
    expect(details).toContain('(10.4–14.5)');
    expect(details).toContain('123/1000');
    const long = renderTable(
      report(Array.from({ length: 7 }, (_, i) => result({ period: `2016-0${i + 1}` })), months(7)),
      { color: false, names: new Map(), details: true },
    );
    expect(long).toMatch(/│ 95 % interval │ Numerator\/denominator │/);
    expect(long).toMatch(/│ +10\.4–14\.5 │ +123\/1000 │/);
  });
});

describe('decimals keep at least two significant digits (SPEC §6.3)', () => {
  it('d = max(1, 1 − ⌊log10 |v|⌋) for percent and per_1000: 12.34 → 1, 5.2 → 1, 0.34 → 2, 0.052 → 3', () => {
    // log10 12.34 = 1.09 → ⌊⌋ 1 → 1 − 1 = 0 → at least 1.  log10 5.2 = 0.72 → 0 → 1.
    // log10 0.34 = −0.47 → −1 → 2.  log10 0.052 = −1.28 → −2 → 3.
    expect(readingDecimals('per_1000', [12.34])).toBe(1);
    expect(readingDecimals('per_1000', [5.2])).toBe(1);
    expect(readingDecimals('per_1000', [0.34])).toBe(2);
    expect(readingDecimals('percent', [0.052])).toBe(3);
    expect(formatNumber(0.34, 'per_1000')).toBe('0.34');
    expect(formatNumber(0.052, 'per_1000')).toBe('0.052');
    expect(formatNumber(0.0996, 'per_1000')).toBe('0.100'); // ⌊log10 0.0996⌋ = −2 → 3 decimals
  });

  it('a row takes the decimals of its smallest non-zero value, so its periods line up; zeros do not count', () => {
    expect(readingDecimals('per_1000', [25.1, 0.34, 0, null])).toBe(2);
    const rates = report([
      result({ indicator: 'acute-short-admissions', aim: 'cost', unit: 'per_1000', period: '2016-01', value: 0.34, ci95: [0.21, 0.52], numerator: 17, denominator: 50_000, baseline: null, status: 'no_target' }),
      result({ indicator: 'acute-short-admissions', aim: 'cost', unit: 'per_1000', period: '2016-02', value: 1.2, ci95: [0.95, 1.5], numerator: 60, denominator: 50_000, baseline: null, status: 'no_target' }),
    ]);
    const text = renderTable(rates, { color: false, names: new Map() });
    // Monthly rates that used to print as 0.3 and 1.2: now 0.34 and 1.20.
    expect(text).toMatch(/│ +0\.34 │ +1\.20 │/);
  });

  it('counts and DKK per capita stay whole', () => {
    expect(readingDecimals('count', [0.4])).toBe(0);
    expect(readingDecimals('dkk_per_capita', [2410.6])).toBe(0);
    expect(formatNumber(2410.6, 'dkk_per_capita')).toBe('2411');
  });
});

describe('Markdown (SPEC §6.3)', () => {
  it('each value with its 95 % interval and numerator/denominator, then its status', () => {
    const md = renderMarkdown(report([result({ period: '2016-01' })]), CATALOGUE);
    expect(md).toContain('| 12.3 (10.4–14.5) · 123/1000 · better |');
  });

  it('municipality names next to codes; a code outside the region stays a code', () => {
    const md = renderMarkdown(
      report(
        [
          result({ period: '2016-01', status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '751' }, status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '657', sex: 'F' }, status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '101' }, status: 'no_target', baseline: null }),
        ],
        months(1),
        ['municipality'],
      ),
      CATALOGUE,
    );
    expect(md).toContain('| municipality=751 (Aarhus) |');
    expect(md).toContain('| municipality=657 (Herning); sex=F |');
    expect(md).toContain('| municipality=101 |'); // Copenhagen: not in the §2.8 table
    expect(groupLabel({})).toBe('total');
  });

  it('beyond 6 periods one line per period, with interval and numerator/denominator columns', () => {
    const md = renderMarkdown(report(Array.from({ length: 7 }, (_, i) => result({ period: `2016-0${i + 1}` })), months(7)), CATALOGUE);
    expect(md).toContain('| indicator | group | unit | period | value | 95 % interval | numerator/denominator | status | baseline | target |');
    expect(md).toMatch(/\| total \| % \| 2016-07 \| 12\.3 \| 10\.4–14\.5 \| 123\/1000 \| better \| 13\.1 \(2015\) \|  \|/);
  });
});
