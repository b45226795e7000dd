import { describe, expect, it } from 'vitest';
import { ci998, compareWithRegion, comparisonLevel, intervalSide } from '../../src/analysis/comparison.js';
import { ratePer1000Interval, wilsonInterval } from '../../src/calc/statistics.js';
import { expectCloseInterval } from './close.js';

// Worked example 5 (../shared/examples/standardisation-and-equity): preventable-admissions-65,
// 2017, by municipality, lower is better; reference = the crude total 28/10000 = 2.8 ‰.
describe('comparison with the region in worked example 5 (SPEC §8.3)', () => {
  const rows = [
    { name: '{}', x: 28, n: 10000, ci998: [1.4409529716931366, 4.855601890337106] },
    { name: '710', x: 13, n: 4000, ci998: [1.1424998954696841, 7.124778880823581] },
    { name: '741', x: 1, n: 2000, ci998: [0.000500250166791767, 4.616706738225792] },
    { name: '760', x: 14, n: 4000, ci998: [1.2888313278507049, 7.4756746929932705] },
  ] as const;

  it.each(rows)('ci998 of $name ($x / $n): exact below 10 events, Byar with z = 3.090232 from 10', ({ x, n, ci998: expected }) => {
    expectCloseInterval(ci998({ unit: 'per_1000', numerator: x, denominator: n, ci95: ratePer1000Interval(x, n) }), expected);
  });

  it('levels: 710 similar/similar, 741 better at 95 % but similar at 99.8 %, 760 similar/similar', () => {
    const levels = rows.slice(1).map(({ name, x, n }) => {
      const ci95 = ratePer1000Interval(x, n);
      const group = { value: (x / n) * 1000, ci95, ci998: ci998({ unit: 'per_1000', numerator: x, denominator: n, ci95 }) };
      return [name, compareWithRegion(group, 2.8, 'lower_is_better')];
    });
    expect(Object.fromEntries(levels)).toEqual({
      '710': { reference: 2.8, level95: 'similar', level998: 'similar' },
      // 95 %: [0.01265890, 2.785822] lies wholly below 2.8; 99.8 %: [0.0005002502, 4.616707] contains it.
      '741': { reference: 2.8, level95: 'better', level998: 'similar' },
      '760': { reference: 2.8, level95: 'similar', level998: 'similar' },
    });
  });
});

describe('ci998 (SPEC §8.3)', () => {
  it('percent: Wilson with z = 3.090232306167813 (PHEindicatormethods testdata_B_W row 10: 65/100)', () => {
    expectCloseInterval(ci998({ unit: 'percent', numerator: 65, denominator: 100, ci95: wilsonInterval(65, 100) }), [
      49.549465740704313, 77.835406140896968,
    ]);
  });

  it('is null where ci95 is null (a suppressed result, or a measured value without counts)', () => {
    expect(ci998({ unit: 'percent', numerator: null, denominator: null, ci95: null })).toBeNull();
    expect(ci998({ unit: 'percent', numerator: 3, denominator: 10, ci95: null })).toBeNull();
    expect(ci998({ unit: 'per_1000', numerator: 3, denominator: 0, ci95: null })).toBeNull();
  });

  it('is null for counts and DKK per capita, which have no interval', () => {
    expect(ci998({ unit: 'count', numerator: 12, denominator: null, ci95: null })).toBeNull();
    expect(ci998({ unit: 'dkk_per_capita', numerator: 1000, denominator: 10, ci95: [1, 2] })).toBeNull();
  });
});

describe('comparison level (SPEC §8.3)', () => {
  const ref = 50;

  it('higher is better: wholly above → better, wholly below → worse, overlapping → similar', () => {
    expect(comparisonLevel(60, [55, 65], ref, 'higher_is_better')).toBe('better');
    expect(comparisonLevel(40, [35, 45], ref, 'higher_is_better')).toBe('worse');
    expect(comparisonLevel(52, [45, 59], ref, 'higher_is_better')).toBe('similar');
  });

  it('lower is better: wholly below → better, wholly above → worse', () => {
    expect(comparisonLevel(40, [35, 45], ref, 'lower_is_better')).toBe('better');
    expect(comparisonLevel(60, [55, 65], ref, 'lower_is_better')).toBe('worse');
    expect(comparisonLevel(52, [45, 59], ref, 'lower_is_better')).toBe('similar');
  });

  it('no direction: higher / lower / similar', () => {
    expect(comparisonLevel(60, [55, 65], ref, 'none')).toBe('higher');
    expect(comparisonLevel(40, [35, 45], ref, 'none')).toBe('lower');
    expect(comparisonLevel(52, [45, 59], ref, 'none')).toBe('similar');
  });

  it('an interval touching the reference, exactly or within 1e-9 relative, is similar', () => {
    expect(comparisonLevel(60, [50, 65], ref, 'higher_is_better')).toBe('similar');
    expect(comparisonLevel(60, [50 * (1 + 0.9e-9), 65], ref, 'higher_is_better')).toBe('similar');
    expect(comparisonLevel(40, [35, 50 * (1 - 0.9e-9)], ref, 'higher_is_better')).toBe('similar');
    // just beyond the tolerance it is strictly on one side
    expect(comparisonLevel(60, [50 * (1 + 2e-9), 65], ref, 'higher_is_better')).toBe('better');
    expect(comparisonLevel(40, [35, 50 * (1 - 2e-9)], ref, 'higher_is_better')).toBe('worse');
  });

  it('a reference of 0 is touched only by a bound of exactly 0', () => {
    expect(comparisonLevel(1, [0, 2], 0, 'lower_is_better')).toBe('similar');
    expect(comparisonLevel(1, [1e-12, 2], 0, 'lower_is_better')).toBe('worse');
  });

  it('levels are null when the group\'s value or the reference is null, or the group has no interval', () => {
    expect(comparisonLevel(null, null, ref, 'higher_is_better')).toBeNull();
    expect(comparisonLevel(60, [55, 65], null, 'higher_is_better')).toBeNull();
    expect(comparisonLevel(60, null, ref, 'higher_is_better')).toBeNull();
    expect(compareWithRegion({ value: null, ci95: null, ci998: null }, ref, 'higher_is_better')).toEqual({
      reference: ref,
      level95: null,
      level998: null,
    });
    expect(compareWithRegion({ value: 60, ci95: [55, 65], ci998: [52, 68] }, null, 'higher_is_better')).toEqual({
      reference: null,
      level95: null,
      level998: null,
    });
  });

  it('intervalSide tells above, below and overlaps', () => {
    expect(intervalSide([1, 2], 0.5)).toBe('above');
    expect(intervalSide([1, 2], 2.5)).toBe('below');
    expect(intervalSide([1, 2], 1.5)).toBe('overlaps');
  });
});
