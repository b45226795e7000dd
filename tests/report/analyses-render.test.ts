// The analyses of SPEC §8 in the human renderers: the education gap with its interval under
// the indicator, the age-standardised rate under its result, and a mark on groups better or
// worse than the region (words, not arrows).

import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/engine/result.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';

const base = (over: Partial<Result>): Result => ({
  indicator: 'preventable-admissions-65', aim: 'population_health', unit: 'per_1000', direction: 'lower_is_better', period: '2017',
  group: {}, numerator: 28, denominator: 10000, value: 2.8, ci95: [1.86, 4.05], suppressed: false, baseline: null, target: null,
  change: null, change_pct: null, status: 'no_target', target_verdict: 'no_target', provisional: false, reason: null, notes: [], ...over,
});

const report = (results: Result[], breakdown: Report['breakdown'] = []): Report => ({
  schema_version: 1,
  tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
  inputs: [],
  periods: [{ id: '2017', from: '2017-01-01', to: '2017-12-31' }],
  breakdown,
  suppression: { min_cell: 0, primary: 0, complementary: 0, description: 'off' },
  results,
  warnings: [],
});

const measure = (value: number | null, ci95: [number, number] | null = null) => ({ value, ci95 });
const equity = {
  gap: measure(-45, [-67.31973746113447, -9.272503962684725]),
  ratio: measure(0.4, [0.19, 0.84]),
  sii: measure(65.5, [18.6, 112.4]),
  rii: measure(5.3, [-5.2, 15.8]),
  groups: { short: { numerator: 6, denominator: 20, value: 30 }, medium: { numerator: 8, denominator: 16, value: 50 }, long: { numerator: 9, denominator: 12, value: 75 } },
};

describe('analyses in the table and Markdown (SPEC §8)', () => {
  const withAnalyses = report(
    [
      base({ ci998: [1.44, 4.86], standardized: { value: 2.948597426858296, ci95: [1.9147725571148895, 4.320235274386616], standard: 'esp2013', method: 'dobson' } }),
      base({ group: { municipality: '741' }, numerator: 1, denominator: 2000, value: 0.5, ci95: [0.0127, 2.79], ci998: [0.0005, 4.62], standardized: { value: null, ci95: null, standard: 'esp2013', method: 'dobson' }, comparison: { reference: 2.8, level95: 'better', level998: 'similar' } }),
      base({ group: { municipality: '760' }, numerator: 140, denominator: 4000, value: 35, ci95: [29, 41], ci998: [27, 44], comparison: { reference: 2.8, level95: 'worse', level998: 'worse' } }),
      base({ group: { municipality: '710' }, value: 3.25, comparison: { reference: 2.8, level95: 'similar', level998: 'similar' } }),
    ],
    ['municipality'],
  );

  it('the table marks groups better or worse than the region in words, and says so in a legend', () => {
    const text = renderTable(withAnalyses, { color: false, names: new Map() });
    expect(text).toMatch(/municipality=741 .*0\.50 \(better than the region\)/);
    expect(text).toMatch(/municipality=760 .*35\.0 \(worse than the region \(also at 99\.8 %\)\)/);
    expect(text).not.toMatch(/municipality=710 [^\n]*region/);
    expect(text).toMatch(/Compared with the region \(--compare\)/);
    expect(text).not.toMatch(/[↗↘→↑↓▲▼]/);
  });

  it('the standardised rate stands under its result with its interval; a null DSR as –', () => {
    const text = renderTable(withAnalyses, { color: false, names: new Map() });
    expect(text).toMatch(/total · age-standardised \(esp2013\) .* 2\.9 \(1\.9–4\.3\)/);
    expect(text).toMatch(/municipality=741 · age-standardised \(esp2013\) .* – /);
  });

  it('the education gap stands under the indicator with its interval, in percentage points', () => {
    const r = report([base({ indicator: 'smoke-free-6m-itt', unit: 'percent', direction: 'higher_is_better', numerator: 25, denominator: 52, value: 48.07692307692308, ci95: [35.1, 61.3], equity })]);
    const md = renderMarkdown(r, CATALOGUE);
    expect(md).toMatch(/\| total · gap short − long \(pp\) \| % \|  \|  \| -45\.0 \(-67\.3 to -9\.3\) \|/);
    const text = renderTable(r, { color: false, names: new Map() });
    expect(text).toMatch(/total · gap short − long \(pp\) .* -45\.0 \(-67\.3 to -9\.3\)/);
  });
});
