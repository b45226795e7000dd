// The analyses of SPEC §8 as the engine attaches them to results: which results take them,
// and the inputs the engine hands to the statistics (strata, persons, education groups, the
// region's value). The statistics themselves are tested in tests/analysis/.

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { runIndicators, type RunOptions } from '../../src/engine/run.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { prepare } from '../../src/facts/index.js';
import type { CountingIndicator, UnitAttributes } from '../../src/indicators/types.js';
import { day, inhabitants, loaded } from '../helpers/records.js';

type Unit = [who: Partial<UnitAttributes>, numerator: number, denominator?: number];

function fake(unit: CountingIndicator['unit'], units: Unit[], over: Partial<CountingIndicator> = {}): CountingIndicator {
  return {
    kind: 'counting', id: `fake-${unit}`, nameDa: 'x', nameEn: 'x', aim: 'quality', section: '', unit,
    sources: unit === 'per_1000' ? ['population'] : [], direction: 'lower_is_better', definition: '', definitionDa: '', baselines: [], target: null,
    dimensions: ['municipality', 'cluster', 'education', 'sex', 'age_band'], needs: [],
    count(_data, tally) {
      for (const [who, n, den] of units) {
        tally.add(day('2017-06-01'), { municipality: '751', age: 70, sex: 'F', education: null, ...who }, n, den ?? 0);
      }
    },
    ...over,
  };
}

const run = (ind: CountingIndicator, data: LoadedData, options: Partial<RunOptions>) =>
  runIndicators([ind], prepare(data), { periods: parsePeriodArguments(['2017']), by: [], minCell: 0, ...options }).results;

describe('direct standardisation on results (SPEC §8.1)', () => {
  // 20 inhabitants aged 70–74 (band 14, weight 5000) and 10 aged 85–89 (band 17, weight 1500).
  const population = loaded('population', [
    inhabitants({ year: 2017, age: 72, population: 20 }),
    inhabitants({ year: 2017, age: 87, population: 10 }),
  ]);

  it('strata are the ESP2013 bands of the indicator, persons with two events enter the variance as f² (hand-worked)', () => {
    // Band 14: 8 events of 7 persons (patient 1 has 2); band 17: 4 events of 4 persons. O = 12.
    const units: Unit[] = [
      ...[1, 1, 2, 3, 4, 5, 6, 7].map((p): Unit => [{ age: 72, patient: p }, 1]),
      ...[11, 12, 13, 14].map((p): Unit => [{ age: 87, patient: p }, 1]),
    ];
    const [r] = run(fake('per_1000', units, { populationMinimumAge: 65 }), population, { standardize: { name: 'esp2013' } });
    // The 65+ bands weigh 5500 + 5000 + 4000 + 2500 + 1500 + 1000 = 19500 (SPEC §8.1: Σw over the
    // indicator's bands only).
    const R = (5000 * (8 / 20) + 1500 * (4 / 10)) / 19500; // per person
    expect(r.standardized!.value).toBeCloseTo(R * 1000, 12);
    // V = Σ w² v / n² ÷ (Σw)², v = Σ f² p_f: band 14: 2² · 1 + 1² · 6 = 10; band 17: 4.
    const V = ((5000 ** 2 * 10) / 20 ** 2 + (1500 ** 2 * 4) / 10 ** 2) / 19500 ** 2;
    // Byar's limits for O = 12 (z = qnorm(0.975)).
    const z = 1.959963984540054;
    const byarLower = 12 * (1 - 1 / (9 * 12) - z / (3 * Math.sqrt(12))) ** 3;
    expect(r.standardized!.ci95![0]).toBeCloseTo((R + Math.sqrt(V / 12) * (byarLower - 12)) * 1000, 10);
    expect(r.standardized).toMatchObject({ standard: 'esp2013', method: 'dobson' });
  });

  it('groups with an age band are not standardised further; a suppressed result shows no DSR', () => {
    const units: Unit[] = Array.from({ length: 12 }, (_, i): Unit => [{ age: 72, patient: i, sex: i < 2 ? 'M' : 'F' }, 1]);
    const results = run(fake('per_1000', units, { populationMinimumAge: 65 }), population, {
      standardize: { name: 'esp2013' },
      by: ['age_band'],
    });
    expect(results.find((r) => r.group.age_band === '65-74')!.standardized).toBeNull();
    const bySex = run(fake('per_1000', units, { populationMinimumAge: 65 }), population, { standardize: { name: 'esp2013' }, by: ['sex'], minCell: 5 });
    const men = bySex.find((r) => r.group.sex === 'M')!;
    expect(men.suppressed).toBe(true);
    expect(men.standardized).toEqual({ value: null, ci95: null, standard: 'esp2013', method: 'dobson' });
  });

  it('only per_1000 results take `standardized`', () => {
    const [r] = run(fake('percent', [[{}, 1, 1]]), {}, { standardize: { name: 'esp2013' } });
    expect('standardized' in r).toBe(false);
  });
});

describe('education gaps on results (SPEC §8.2)', () => {
  const units: Unit[] = [
    ...Array.from({ length: 10 }, (_, i): Unit => [{ education: 'short', sex: 'F' }, i < 3 ? 1 : 0, 1]),
    ...Array.from({ length: 10 }, (_, i): Unit => [{ education: 'medium', sex: 'M' }, i < 5 ? 1 : 0, 1]),
    ...Array.from({ length: 10 }, (_, i): Unit => [{ education: 'long', sex: 'F' }, i < 8 ? 1 : 0, 1]),
    [{ education: null }, 1, 1],
  ];

  it('every result whose group has no education key gains the gap of its own units; unknown education is left out', () => {
    const results = run(fake('percent', units), {}, { equity: true, by: ['sex'] });
    const total = results.find((r) => Object.keys(r.group).length === 0)!;
    expect(total.equity!.groups).toEqual({
      short: { numerator: 3, denominator: 10, value: 30 },
      medium: { numerator: 5, denominator: 10, value: 50 },
      long: { numerator: 8, denominator: 10, value: 80 },
    });
    expect(total.equity!.gap.value).toBeCloseTo(30 - 80, 12);
    const women = results.find((r) => r.group.sex === 'F')!;
    expect(women.equity!.groups.medium).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(women.equity!.gap.value).toBeCloseTo(-50, 12);
    expect(women.equity!.sii.value).toBeNull(); // no medium group in the women's row
  });

  it('with education among --by only the total row takes a gap', () => {
    const results = run(fake('percent', units), {}, { equity: true, by: ['education'] });
    expect(results.filter((r) => r.equity !== undefined).map((r) => r.group)).toEqual([{}]);
  });

  it('education groups below --min-cell are hidden inside the gap too', () => {
    const [total] = run(fake('percent', units), {}, { equity: true, minCell: 4 });
    // short 3 of 10: the count 3 is below 4.
    expect(total.equity!.groups.short).toEqual({ numerator: null, denominator: null, value: null });
    expect(total.equity!.gap).toEqual({ value: null, ci95: null });
  });

  it('counts and the indicator defined by education take no gap', () => {
    expect('equity' in run(fake('count', [[{ education: 'short' }, 1]]), {}, { equity: true })[0]).toBe(false);
    expect('equity' in run(fake('percent', units, { definedByEducation: true }), {}, { equity: true })[0]).toBe(false);
  });
});

describe('comparison with the region (SPEC §8.3)', () => {
  const units: Unit[] = [
    ...Array.from({ length: 40 }, (_, i): Unit => [{ municipality: '751' }, i < 4 ? 1 : 0, 1]),
    ...Array.from({ length: 40 }, (_, i): Unit => [{ municipality: '657' }, i < 30 ? 1 : 0, 1]),
  ];

  it('non-total groups are set against the total row of the same period; percent and rates gain ci998', () => {
    const results = run(fake('percent', units), {}, { compare: true, by: ['municipality'] });
    const [total, vest, aarhus] = results;
    expect(total.group).toEqual({});
    expect('comparison' in total).toBe(false);
    expect(total.ci998).not.toBeNull();
    // Region 34/80 = 42.5 %; Aarhus 4/40 = 10 % is lower, and lower is better here.
    expect(aarhus.comparison).toEqual({ reference: 42.5, level95: 'better', level998: 'better' });
    expect(vest.comparison).toEqual({ reference: 42.5, level95: 'worse', level998: 'worse' });
  });

  it('counts take neither ci998 nor a comparison', () => {
    const [r] = run(fake('count', [[{}, 3]]), {}, { compare: true });
    expect('ci998' in r || 'comparison' in r).toBe(false);
  });
});

describe('the region\'s municipalities in the comparison (SPEC §13.5)', () => {
  // Aarhus 751: 4/40; Copenhagen 101 (outside the region): 30/40; no municipality recorded: 6/20.
  const units: Unit[] = [
    ...Array.from({ length: 40 }, (_, i): Unit => [{ municipality: '751' }, i < 4 ? 1 : 0, 1]),
    ...Array.from({ length: 40 }, (_, i): Unit => [{ municipality: '101' }, i < 30 ? 1 : 0, 1]),
    ...Array.from({ length: 20 }, (_, i): Unit => [{ municipality: null }, i < 6 ? 1 : 0, 1]),
  ];
  const outside = 'outside the region: the extract holds only its residents treated here';

  it('a municipality outside the region and the unknown municipality get comparison null and a note; the reference stays the total row', () => {
    const results = run(fake('percent', units), {}, { compare: true, by: ['municipality'] });
    const of = (m: string) => results.find((r) => r.group.municipality === m)!;
    expect(of('101').comparison).toBeNull();
    expect(of('101').notes).toContain(outside);
    expect(of('unknown').comparison).toBeNull();
    expect(of('unknown').notes).toContain('municipality of residence unknown: not compared with the region');
    expect(of('unknown').notes).not.toContain(outside);
    // The total keeps everyone: (4 + 30 + 6)/100 = 40 %; Aarhus' 10 % lies below it.
    expect(of('751').comparison).toEqual({ reference: 40, level95: 'better', level998: 'better' });
    expect(of('751').notes).toEqual([]);
    // ci998 is still given outside the region: it describes the group, not a comparison.
    expect(of('101').ci998).not.toBeNull();
  });

  it('by cluster: `Outside region` and `unknown` are not compared, the region\'s clusters are', () => {
    const results = run(fake('percent', units), {}, { compare: true, by: ['cluster'] });
    const of = (c: string) => results.find((r) => r.group.cluster === c)!;
    expect(of('Outside region').comparison).toBeNull();
    expect(of('Outside region').notes).toContain(outside);
    expect(of('unknown').comparison).toBeNull();
    expect(of('Aarhus').comparison).toEqual({ reference: 40, level95: 'better', level998: 'better' });
  });

  it('a group of several dimensions is outside the region when its municipality is', () => {
    const results = run(fake('percent', units), {}, { compare: true, by: ['municipality', 'sex'] });
    const copenhagen = results.find((r) => r.group.municipality === '101' && r.group.sex === 'F')!;
    expect(copenhagen.comparison).toBeNull();
    expect(results.find((r) => r.group.municipality === '751' && r.group.sex === 'F')!.comparison).not.toBeNull();
  });
});

describe('standardised comparison (SPEC §13.8)', () => {
  // Only the band 90+ (weight 1000): with one stratum and one event per person the DSR is the
  // crude rate x/n × 1000, √(V/O) = 1/n, and Dobson's limits are Byar's limits of x over n.
  const ninety = { populationMinimumAge: 90 };
  const population = loaded('population', [
    inhabitants({ year: 2017, municipality: '751', age: 92, population: 1000 }),
    inhabitants({ year: 2017, municipality: '657', age: 92, population: 1000 }),
  ]);
  let patient = 0;
  const events = (municipality: string, n: number): Unit[] => Array.from({ length: n }, (): Unit => [{ municipality, age: 92, patient: ++patient }, 1]);
  const byar = (x: number, z: number): [number, number] => [
    x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3,
    (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3,
  ];
  const z95 = 1.959963984540054;
  const z998 = 3.090232306167813;

  it('each group\'s DSR intervals at 95 % and 99.8 % against the total row\'s DSR (worked by hand)', () => {
    // 751: 15/1000 → DSR 15; 657: 45/1000 → DSR 45; total (15 + 45)/2000 → DSR 30 (lower is better).
    const results = run(fake('per_1000', [...events('751', 15), ...events('657', 45)], ninety), population, {
      standardize: { name: 'esp2013' },
      compare: true,
      by: ['municipality'],
    });
    const [total, herning, aarhus] = results;
    expect(total.standardized!.value).toBeCloseTo(30, 12);
    expect('comparison' in total.standardized!).toBe(false);
    // 751 at 95 %: Byar's upper limit for 15 is 16 · (1 − 1/144 + z/12)³ = 24.74 < 30 → better;
    // at 99.8 %: 16 · (1 − 1/144 + 3.0902/12)³ = 31.29 > 30 → similar.
    expect(byar(15, z95)[1]).toBeCloseTo(24.74, 2);
    expect(byar(15, z998)[1]).toBeCloseTo(31.29, 2);
    expect(aarhus.standardized!.comparison).toEqual({ reference: total.standardized!.value, level95: 'better', level998: 'similar' });
    // 657 at 95 %: lower limit 45 · (1 − 1/405 − z/(3√45))³ = 32.82 > 30 → worse; at 99.8 %: 27.05 → similar.
    expect(byar(45, z95)[0]).toBeCloseTo(32.82, 2);
    expect(byar(45, z998)[0]).toBeCloseTo(27.05, 2);
    expect(herning.standardized!.comparison).toEqual({ reference: total.standardized!.value, level95: 'worse', level998: 'similar' });
    // §8.3's crude comparison stays beside it.
    expect(aarhus.comparison).toEqual({ reference: 30, level95: 'better', level998: 'similar' });
  });

  it('null levels when the group\'s DSR is null (fewer than 10 events), whatever the crude comparison says', () => {
    // 751: 1/1000 → crude 1 ‰, far below the total 31/2000 = 15.5 ‰; O = 1 < 10 → no DSR.
    const results = run(fake('per_1000', [...events('751', 1), ...events('657', 30)], ninety), population, {
      standardize: { name: 'esp2013' },
      compare: true,
      by: ['municipality'],
    });
    const aarhus = results.find((r) => r.group.municipality === '751')!;
    expect(aarhus.comparison!.level95).toBe('better');
    expect(aarhus.standardized).toMatchObject({ value: null, comparison: { level95: null, level998: null } });
    expect(aarhus.standardized!.comparison!.reference).toBeCloseTo(15.5, 12);
  });

  it('null levels when the total row\'s DSR is null', () => {
    const results = run(fake('per_1000', [...events('751', 3), ...events('657', 4)], ninety), population, {
      standardize: { name: 'esp2013' },
      compare: true,
      by: ['municipality'],
    });
    expect(results[0].standardized!.value).toBeNull();
    expect(results[1].standardized!.comparison).toEqual({ reference: null, level95: null, level998: null });
  });

  it('outside the region the standardised comparison is null too (SPEC §13.5)', () => {
    const withCopenhagen = loaded('population', [
      inhabitants({ year: 2017, municipality: '751', age: 92, population: 1000 }),
      inhabitants({ year: 2017, municipality: '101', age: 92, population: 1000 }),
    ]);
    const results = run(fake('per_1000', [...events('751', 15), ...events('101', 45)], ninety), withCopenhagen, {
      standardize: { name: 'esp2013' },
      compare: true,
      by: ['municipality'],
    });
    const copenhagen = results.find((r) => r.group.municipality === '101')!;
    expect(copenhagen.standardized!.value).toBeCloseTo(45, 12);
    expect(copenhagen.standardized!.comparison).toBeNull();
    expect(copenhagen.comparison).toBeNull();
  });

  it('without --compare `standardized` has no comparison', () => {
    const results = run(fake('per_1000', [...events('751', 15), ...events('657', 45)], ninety), population, {
      standardize: { name: 'esp2013' },
      by: ['municipality'],
    });
    expect(results.every((r) => !('comparison' in r.standardized!))).toBe(true);
  });
});
