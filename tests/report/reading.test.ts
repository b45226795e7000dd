// The human reports read right (SPEC §6.3, §13.4): the target verdict and the change against the
// baseline in words of their own and never an arrow, a long layout
// beyond 6 periods, --details, decimals that keep two significant digits, Markdown with
// intervals, numerator/denominator and municipality names.

import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/contracts/report.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { CHANGE_WORDS, formatNumber, groupLabel, readingDecimals, REGION_LEGEND, TARGET_WORDS, VERDICT_LEGEND } from '../../src/report/format.js';
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

// Every status once, in a readmission row (lower is better, target ≤ 10, baseline 13.1) over six
// months; target_verdict as the engine computes it (SPEC §13.4).
const atMost10 = { value: 10, period: null, rule: 'at_most' } as const;
const everyStatus = report(
  [
    result({ period: '2016-01', value: 12.3, status: 'improving', target: atMost10, target_verdict: 'not_met' }),
    result({ period: '2016-02', value: 14.0, status: 'worsening', target: atMost10, target_verdict: 'not_met' }),
    result({ period: '2016-03', value: 13.1, status: 'unchanged', target: atMost10, target_verdict: 'not_met' }),
    result({ period: '2016-04', value: 9.0, status: 'met', target: atMost10, target_verdict: 'met' }),
    result({ period: '2016-05', value: 11.0, status: 'not_met', baseline: null, target: atMost10, target_verdict: 'not_met' }),
    result({ period: '2016-06', value: null, numerator: 0, denominator: 0, ci95: null, status: 'not_computed', target: atMost10, reason: { code: 'zero-denominator', message: 'no cases in the denominator' } }),
  ],
  months(6),
);

/** Arrows and triangles a reader would take for "the value went up/down". */
const ARROWS = /[↗↘→←↑↓▲▼△▽⬆⬇➚➘]/u;

describe('two verdicts in words of their own, never an arrow (SPEC §6.3, §13.4)', () => {
  it('the table shows the target verdict and the change against the baseline separately in every cell with a value', () => {
    const text = renderTable(everyStatus, { color: false, names: new Map() });
    expect(text).toContain('12.3 ✗ target not met, better than baseline');
    expect(text).toContain('14.0 ✗ target not met, worse than baseline');
    expect(text).toContain('13.1 ✗ target not met, unchanged');
    expect(text).toContain('9.0 ✓ target met, better than baseline');
    // The row has a baseline, this period has none (as §6.2 leaves a count of another kind).
    expect(text).toContain('11.0 ✗ target not met, no baseline');
    expect(text).toMatch(/–\[1\] +│/); // not computed: no verdict at all
    expect(TARGET_WORDS).toEqual({
      met: { text: '✓ target met', tone: 'good' },
      not_met: { text: '✗ target not met', tone: 'bad' },
      no_target: { text: 'no target', tone: 'neutral' },
    });
    expect(Object.values(CHANGE_WORDS).map((w) => w.text)).toEqual([
      'better than baseline', 'worse than baseline', 'unchanged', 'higher than baseline', 'lower than baseline', 'no baseline',
    ]);
  });

  it('a value that misses its target is never shown as "better" alone: 88.9 under a target of ≥ 90', () => {
    const coop = (over: Partial<Result>) =>
      result({
        indicator: 'lup-cooperation-gp', unit: 'percent', direction: 'higher_is_better', period: '2016-01', value: 88.9, ci95: [85, 92],
        target: { value: 90, period: null, rule: 'at_least' }, target_verdict: 'not_met', ...over,
      });
    // Baseline 85: the status is `improving`, which the table used to print as "88.9 better".
    const up = renderTable(report([coop({ baseline: { value: 85, period: '2013', source: 'catalogue' }, status: 'improving' })], months(1)), { color: false, names: new Map() });
    expect(up).toContain('88.9 ✗ target not met, better than baseline');
    expect(up).not.toMatch(/88\.9 better/);
    // Baseline 92: worse than the baseline, and the target not met.
    const down = renderTable(report([coop({ baseline: { value: 92, period: '2013', source: 'catalogue' }, status: 'worsening' })], months(1)), { color: false, names: new Map() });
    expect(down).toContain('88.9 ✗ target not met, worse than baseline');
    expect(down).not.toMatch(/88\.9[^│]*\bbetter/);
    const md = renderMarkdown(report([coop({ baseline: { value: 92, period: '2013', source: 'catalogue' }, status: 'worsening' })], months(1)), CATALOGUE);
    expect(md).toContain('| 88.9 (85.0–92.0) · 123/1000 · ✗ target not met · worse than baseline |');
  });

  it('a target met while the value moved away from the baseline shows both (status says only `met`)', () => {
    const text = renderTable(
      report([result({ period: '2016-01', value: 9.0, baseline: { value: 8.0, period: '2015', source: 'data' }, status: 'met', target: atMost10, target_verdict: 'met' })], months(1)),
      { color: false, names: new Map() },
    );
    expect(text).toContain('9.0 ✓ target met, worse than baseline');
  });

  it('a row without a target shows only the change; a row with neither shows no verdict', () => {
    const onlyBaseline = renderTable(report([result({ period: '2016-01' })], months(1)), { color: false, names: new Map() });
    expect(onlyBaseline).toMatch(/12\.3 better than baseline +│/);
    expect(onlyBaseline.split('\n').find((l) => l.startsWith('│ readmission-30d'))).not.toContain('target');
    const neither = renderTable(report([result({ period: '2016-01', baseline: null, status: 'no_target' })], months(1)), { color: false, names: new Map() });
    expect(neither).toMatch(/│ +12\.3 │/);
  });

  it('no arrow or triangle anywhere: cells, legend, table and Markdown', () => {
    expect(VERDICT_LEGEND).not.toMatch(ARROWS);
    expect(REGION_LEGEND).not.toMatch(ARROWS);
    expect(renderTable(everyStatus, { color: false, names: new Map() })).not.toMatch(ARROWS);
    expect(renderTable(everyStatus, { color: true, names: new Map() })).not.toMatch(ARROWS);
    expect(renderMarkdown(everyStatus, CATALOGUE)).not.toMatch(ARROWS);
  });

  it('the words are coloured on a terminal: met and better green, not met and worse red (the value itself is not)', () => {
    const text = renderTable(everyStatus, { color: true, names: new Map() });
    expect(text).toContain('12.3 \x1b[31m✗ target not met\x1b[39m, \x1b[32mbetter than baseline\x1b[39m');
    expect(text).toContain('9.0 \x1b[32m✓ target met\x1b[39m');
    expect(text).toContain('\x1b[31mworse than baseline\x1b[39m');
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
    expect(text).toMatch(/│ Indicator +│ Group +│ Unit +│ Period +│ +Value │ Verdict +│ +Baseline │ +Target │/);
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
  it('each value with its 95 % interval and numerator/denominator, then its verdicts (SPEC §13.4)', () => {
    const md = renderMarkdown(report([result({ period: '2016-01' })]), CATALOGUE);
    expect(md).toContain('| 12.3 (10.4–14.5) · 123/1000 · better than baseline |');
  });

  it('municipality names next to codes for all 98 Danish codes (SPEC §13.5); another code stays a code', () => {
    const md = renderMarkdown(
      report(
        [
          result({ period: '2016-01', status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '751' }, status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '657', sex: 'F' }, status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '101' }, status: 'no_target', baseline: null }),
          result({ period: '2016-01', group: { municipality: '999' }, status: 'no_target', baseline: null }),
        ],
        months(1),
        ['municipality'],
      ),
      CATALOGUE,
    );
    expect(md).toContain('| municipality=751 (Aarhus) |');
    expect(md).toContain('| municipality=657 (Herning); sex=F |');
    expect(md).toContain('| municipality=101 (København) |'); // outside the region, named all the same
    expect(md).toContain('| municipality=999 |'); // no Danish municipality
    expect(groupLabel({})).toBe('total');
  });

  it('beyond 6 periods one line per period, with interval and numerator/denominator columns', () => {
    const md = renderMarkdown(report(Array.from({ length: 7 }, (_, i) => result({ period: `2016-0${i + 1}` })), months(7)), CATALOGUE);
    expect(md).toContain('| indicator | group | unit | period | value | 95 % interval | numerator/denominator | verdict | baseline | target |');
    expect(md).toMatch(/\| total \| % \| 2016-07 \| 12\.3 \| 10\.4–14\.5 \| 123\/1000 \| better than baseline \| 13\.1 \(2015\) \|  \|/);
  });
});
