// The analyses of SPEC §8 in the human renderers: the education gap with its interval under
// the indicator, the age-standardised rate under its result, and a mark on groups better or
// worse than the region (words, not arrows).

import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/contracts/report.js';
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

  it('the table marks every compared group in words of the region (SPEC §13.4), with the municipality\'s name, and says so in a legend', () => {
    const text = renderTable(withAnalyses, { color: false, names: new Map() });
    expect(text).toMatch(/municipality=741 \(Samsø\) .*0\.50 \(better than the region\)/);
    expect(text).toMatch(/municipality=760 \(Ringkøbing-Skjern\) .*35\.0 \(worse than the region \(also at 99\.8 %\)\)/);
    expect(text).toMatch(/municipality=710 \(Favrskov\) .*3\.3 \(similar to the region\)/);
    // The region's words are never the baseline's: no bare "better"/"worse" (SPEC §13.4).
    expect(text.split('\n').filter((l) => l.startsWith('│')).join('\n')).not.toMatch(/(better|worse)(?! than the region)/);
    expect(text).toMatch(/Compared with the region \(--compare\)/);
    expect(text).not.toMatch(/[↗↘→↑↓▲▼]/);
  });

  it('the standardised rate stands under its result with its interval; a null DSR as –', () => {
    const text = renderTable(withAnalyses, { color: false, names: new Map() });
    expect(text).toMatch(/total · age-standardised \(esp2013\) .* 2\.9 \(1\.9–4\.3\)/);
    expect(text).toMatch(/municipality=741 \(Samsø\) · age-standardised \(esp2013\) .* – /);
  });

  it('the standardised comparison stands beside the crude one, on the age-standardised row (SPEC §13.8)', () => {
    // The worked example's 741: crude better at 95 %, DSR null → no standardised level; 710: DSR
    // 4.55 [1.99, 8.42] against the region's DSR 2.95 → similar.
    const standardized = (value: number | null, ci95: [number, number] | null, level: 'similar' | 'worse' | null) => ({
      value, ci95, standard: 'esp2013', method: 'dobson' as const,
      comparison: { reference: 2.948597426858296, level95: level, level998: level === 'worse' ? ('similar' as const) : level },
    });
    const r = report(
      [
        base({ ci998: [1.44, 4.86], standardized: { value: 2.948597426858296, ci95: [1.91, 4.32], standard: 'esp2013', method: 'dobson' } }),
        base({ group: { municipality: '710' }, value: 3.25, ci95: [1.73, 5.56], comparison: { reference: 2.8, level95: 'similar', level998: 'similar' }, standardized: standardized(4.547008547008547, [1.991190547961943, 8.42466645235076], 'similar') }),
        base({ group: { municipality: '730' }, value: 3.9, ci95: [3.0, 4.9], comparison: { reference: 2.8, level95: 'similar', level998: 'similar' }, standardized: standardized(4.6, [3.1, 6.0], 'worse') }),
        base({ group: { municipality: '741' }, value: 0.5, ci95: [0.0127, 2.79], comparison: { reference: 2.8, level95: 'better', level998: 'similar' }, standardized: standardized(null, null, null) }),
      ],
      ['municipality'],
    );
    const text = renderTable(r, { color: false, names: new Map() });
    expect(text).toMatch(/municipality=710 \(Favrskov\) · age-standardised \(esp2013\) .* 4\.5 \(2\.0–8\.4\) \(similar to the region\)/);
    // 730: crude similar, standardised worse at 95 % only — each on its own row.
    expect(text).toMatch(/municipality=730 \(Randers\) +.* 3\.9 \(similar to the region\)/);
    expect(text).toMatch(/municipality=730 \(Randers\) · age-standardised \(esp2013\) .* 4\.6 \(3\.1–6\.0\) \(worse than the region\)/);
    expect(text).toMatch(/municipality=741 \(Samsø\) · age-standardised \(esp2013\) +│[^│]*│[^│]*│[^│]*│ +– +│/);
    const md = renderMarkdown(r, CATALOGUE);
    expect(md).toContain('| municipality=730 (Randers) · age-standardised (esp2013) | per 1000 |  |  | 4.6 (3.1–6.0) · worse than the region |');
    expect(text).toMatch(/An age-standardised row is compared with the region's age-standardised rate/);
  });

  it('a group outside the region or of unknown residence says it is not compared (SPEC §13.5)', () => {
    const r = report(
      [
        base({ ci998: [1.44, 4.86] }),
        base({ group: { municipality: '101' }, value: 9.1, ci95: [8, 10], notes: ['outside the region: the extract holds only its residents treated here'], comparison: null }),
        base({ group: { municipality: 'unknown' }, value: 4.1, ci95: [3, 5], comparison: null }),
      ],
      ['municipality'],
    );
    const text = renderTable(r, { color: false, names: new Map() });
    expect(text).toMatch(/municipality=101 \(København\) .* 9\.1 \(outside the region, not compared\)/);
    expect(text).toMatch(/municipality=unknown .* 4\.1 \(residence unknown, not compared\)/);
    expect(renderMarkdown(r, CATALOGUE)).toContain('| municipality=101 (København) | per 1000 |  |  | 9.1 (8.0–10.0) · 28/10000 · outside the region, not compared |');
  });

  it('the education gap stands under the indicator with its interval, in percentage points', () => {
    const r = report([base({ indicator: 'smoke-free-6m-itt', unit: 'percent', direction: 'higher_is_better', numerator: 25, denominator: 52, value: 48.07692307692308, ci95: [35.1, 61.3], equity })]);
    const md = renderMarkdown(r, CATALOGUE);
    expect(md).toMatch(/\| total · gap short − long \(pp\) \| % \|  \|  \| -45\.0 \(-67\.3 to -9\.3\) \|/);
    const text = renderTable(r, { color: false, names: new Map() });
    expect(text).toMatch(/total · gap short − long \(pp\) .* -45\.0 \(-67\.3 to -9\.3\)/);
  });
});
