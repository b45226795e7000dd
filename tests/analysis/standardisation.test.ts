import { describe, expect, it } from 'vitest';
import {
  directlyStandardisedRate,
  ESP2013_BANDS,
  ESP2013_WEIGHTS,
  esp2013BandOf,
  esp2013BandsKeptBy,
  frequenciesOf,
  NOTE_TOTAL_COUNT_BELOW_10,
  populationWeights,
  type Stratum,
} from '../../src/analysis/standardisation.js';
import { expectClose, expectCloseInterval } from './close.js';

describe('ESP2013 age bands and weights (SPEC §8.1)', () => {
  it('has 19 bands 0-4 … 85-89, 90+ whose weights add up to 100000', () => {
    expect(ESP2013_BANDS.map((b) => b.label)).toEqual([
      '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
      '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+',
    ]);
    expect(ESP2013_WEIGHTS).toEqual([
      5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
    ]);
    expect(ESP2013_WEIGHTS.reduce((s, w) => s + w, 0)).toBe(100000);
  });

  it('puts an age in its five-year band, and 90 and over in the last', () => {
    expect(esp2013BandOf(0)).toBe(0);
    expect(esp2013BandOf(4)).toBe(0);
    expect(esp2013BandOf(5)).toBe(1);
    expect(esp2013BandOf(64)).toBe(12);
    expect(esp2013BandOf(65)).toBe(13);
    expect(esp2013BandOf(89)).toBe(17);
    expect(esp2013BandOf(90)).toBe(18);
    expect(esp2013BandOf(125)).toBe(18);
  });

  it('refuses an age that is not a whole number of years ≥ 0', () => {
    expect(() => esp2013BandOf(-1)).toThrow(/whole number of years/);
    expect(() => esp2013BandOf(4.5)).toThrow(/whole number of years/);
  });

  it('keeps the six bands 65-69 … 90+ for a 65+ population filter, whose weights add up to 19500', () => {
    const bands = esp2013BandsKeptBy((age) => age >= 65);
    expect(bands).toEqual([13, 14, 15, 16, 17, 18]);
    // 5500 + 5000 + 4000 + 2500 + 1500 + 1000 = 19500 (example 5)
    expect(bands.reduce((s, b) => s + ESP2013_WEIGHTS[b], 0)).toBe(19500);
    expect(esp2013BandsKeptBy(() => true)).toHaveLength(19);
  });

  it('population:YYYY weights are the inhabitants of each band summed over the rows given', () => {
    const weights = populationWeights([
      { age: 0, population: 10 },
      { age: 4, population: 5 },
      { age: 67, population: 100 },
      { age: 69, population: 1 },
      { age: 95, population: 7 },
      { age: 90, population: 3 },
    ]);
    expect(weights).toHaveLength(19);
    expect(weights[0]).toBe(15);
    expect(weights[13]).toBe(101);
    expect(weights[18]).toBe(10);
    expect(weights.reduce((s, w) => s + w, 0)).toBe(126);
  });

  it('a frequency table counts persons by their number of events', () => {
    // rs-11 with 2 events, rs-12 and rs-13 with 1 each (example 5, band 90+ of 760)
    expect(frequenciesOf([2, 1, 1])).toEqual([
      { events: 1, persons: 2 },
      { events: 2, persons: 1 },
    ]);
    expect(frequenciesOf([])).toEqual([]);
  });
});

describe('directly standardised rate and Dobson interval (SPEC §8.1)', () => {
  // Two bands worked by hand: w = 5500 and 1000, x = 3 of n = 1000 and x = 8 of n = 400.
  // Σw = 6500; R = (5500·3/1000 + 1000·8/400)/6500 = (16.5 + 20)/6500 = 0.005615385 → DSR 5.615385 ‰.
  // O = 11; V = (5500²·3/1000² + 1000²·8/400²)/6500² = (90.75 + 50)/42250000 = 3.331361e-6;
  // √(V/O) = 5.503190e-4. Byar 11: 11(1 − 1/99 − z/(3√11))³ = 5.483690, 12(1 − 1/108 + z/(3√12))³ = 19.683237.
  // Lower = (0.005615385 + 5.503190e-4·(5.483690 − 11))·1000 = 2.579655;
  // upper = (0.005615385 + 5.503190e-4·8.683237)·1000 = 10.393935.
  const twoBands: Stratum[] = [
    { label: '65-69', weight: 5500, events: 3, population: 1000 },
    { label: '90+', weight: 1000, events: 8, population: 400 },
  ];

  it('R = Σ w·x/n ÷ Σw over the bands given, DSR = R × 1000, limits R + √(V/O)(B_O − O) (worked by hand)', () => {
    const dsr = directlyStandardisedRate(twoBands);
    expect(dsr.value).toBeCloseTo(5.615385, 6);
    expect(dsr.interval![0]).toBeCloseTo(2.579655, 6);
    expect(dsr.interval![1]).toBeCloseTo(10.393935, 6);
    expect(dsr.totalCount).toBe(11);
    expect(dsr.notes).toEqual([]);
  });

  it('non-independent events widen the interval: v_s = Σ f²·persons (one person with 3 of the 8 events)', () => {
    // Band 90+: persons with 3, 1, 1, 1, 1, 1 events → v = 3²·1 + 1²·5 = 14 instead of 8.
    // V = (90.75 + 1000²·14/400²)/6500² = (90.75 + 87.5)/42250000 = 4.218935e-6; √(V/11) = 6.193057e-4.
    // Lower = (0.005615385 − 6.193057e-4·5.516310)·1000 = 2.199103; upper = (0.005615385 + 6.193057e-4·8.683237)·1000 = 10.992963.
    const dsr = directlyStandardisedRate([twoBands[0], { ...twoBands[1], frequencies: frequenciesOf([3, 1, 1, 1, 1, 1]) }]);
    expect(dsr.value).toBeCloseTo(5.615385, 6);
    expect(dsr.interval![0]).toBeCloseTo(2.199103, 6);
    expect(dsr.interval![1]).toBeCloseTo(10.992963, 6);
  });

  it('persons with one event each give the same interval as independent events', () => {
    const same = directlyStandardisedRate([twoBands[0], { ...twoBands[1], frequencies: [{ events: 1, persons: 8 }] }]);
    expect(same).toEqual(directlyStandardisedRate(twoBands));
  });

  it('refuses a frequency table that does not add up to the stratum\'s events (e.g. one person counted with f = 2 in two bands)', () => {
    expect(() =>
      directlyStandardisedRate([{ label: '80-84', weight: 2500, events: 2, population: 300, frequencies: [{ events: 1, persons: 1 }, { events: 2, persons: 1 }] }]),
    ).toThrow(/add up to 3 events, not 2/);
  });

  it('a stratum with inhabitants 0 and events 0 contributes nothing, but its weight stays in Σw', () => {
    // Σw = 6500 + 4000 = 10500: R = 36.5/10500 → DSR 3.476190; V scales by (6500/10500)².
    const dsr = directlyStandardisedRate([...twoBands, { label: '75-79', weight: 4000, events: 0, population: 0 }]);
    expectClose(dsr.value, (36.5 / 10500) * 1000);
    const withoutIt = directlyStandardisedRate(twoBands);
    // Each limit's distance from the DSR scales by 6500/10500, like R and √V.
    expectClose(dsr.value! - dsr.interval![0], ((withoutIt.value! - withoutIt.interval![0]) * 6500) / 10500);
    expect(dsr.notes).toEqual([]);
  });

  it('a stratum with events but no inhabitants makes the DSR and its interval null, with a note', () => {
    const dsr = directlyStandardisedRate([...twoBands, { label: '85-89', weight: 1500, events: 2, population: 0 }]);
    expect(dsr.value).toBeNull();
    expect(dsr.interval).toBeNull();
    expect(dsr.notes).toEqual(['standardized: 2 events in age band 85-89 with no inhabitants']);
  });

  it('a total count of 9 gives no DSR (note "total count < 10"); 10 gives one', () => {
    const nine = directlyStandardisedRate([{ weight: 5000, events: 9, population: 1000 }]);
    expect(nine).toEqual({ value: null, interval: null, totalCount: 9, notes: [NOTE_TOTAL_COUNT_BELOW_10] });
    expect(NOTE_TOTAL_COUNT_BELOW_10).toMatch(/total count < 10/);
    // One band: R = x/n, V/O = (x/n²)/x = 1/n², so the limits are Byar's limits of 10 over n: 10/1000 → 10 ‰.
    const ten = directlyStandardisedRate([{ weight: 5000, events: 10, population: 1000 }]);
    expectClose(ten.value, 10);
    // Byar 10: 10(1 − 1/90 − 0.206594)³ = 10·0.782295³ = 4.787450; 11(1 − 1/99 + 0.196984)³ = 11·1.186883³ = 18.391459;
    // over n = 1000, × 1000.
    expect(ten.interval![0]).toBeCloseTo(4.78745, 5);
    expect(ten.interval![1]).toBeCloseTo(18.391459, 5);
  });

  it('no strata at all give no DSR', () => {
    expect(directlyStandardisedRate([]).value).toBeNull();
  });

  it('a standard population with no one in the bands gives no DSR, with a note', () => {
    const dsr = directlyStandardisedRate([{ weight: 0, events: 12, population: 100 }]);
    expect(dsr.value).toBeNull();
    expect(dsr.notes[0]).toMatch(/no inhabitants in these age bands/);
  });

  it('refuses negative events, populations or weights', () => {
    expect(() => directlyStandardisedRate([{ weight: 1, events: -1, population: 1 }])).toThrow(/events -1/);
    expect(() => directlyStandardisedRate([{ weight: 1, events: 1, population: -1 }])).toThrow(/population -1/);
    expect(() => directlyStandardisedRate([{ weight: -1, events: 1, population: 1 }])).toThrow(/weight -1/);
  });
});

// PHEindicatormethods: tests/testthat/testDSRs.R compares calculate_dsr on the sheet
// `testdata_multiarea` (and `testdata_nonindepe` for non-independent events) of
// tests/testthat/testdata_DSR_ISR.xlsx with the sheet `testresults_DSR` of the same workbook.
describe('directly standardised rate against PHEindicatormethods (testdata_DSR_ISR.xlsx)', () => {
  const pop = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];
  const strata = (counts: readonly number[], persons?: readonly (readonly number[])[]): Stratum[] =>
    counts.map((x, i) => ({
      label: ESP2013_BANDS[i].label,
      weight: ESP2013_WEIGHTS[i],
      events: x,
      population: pop[i],
      ...(persons ? { frequencies: persons[i].map((p, f) => ({ events: f + 1, persons: p })) } : {}),
    }));
  const small = [12, 4, 3, 2, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4];
  const big = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91];
  // testdata_tiny: the empty count of band 10-14 is read as 0 (PHE's na.zero)
  const tiny = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 2, 3];

  it('testdata_small: 1103.212025300104 per 100,000, 95 % 877.455767536709–1367.08822272518, 99.8 % 763.642035793988–1530.03289482448', () => {
    const at95 = directlyStandardisedRate(strata(small), { multiplier: 100000 });
    expect(at95.totalCount).toBe(91);
    expectClose(at95.value, 1103.212025300104);
    expectCloseInterval(at95.interval, [877.455767536709, 1367.0882227251795]);
    const at998 = directlyStandardisedRate(strata(small), { multiplier: 100000, level: '99.8' });
    expectCloseInterval(at998.interval, [763.64203579398793, 1530.0328948244762]);
  });

  it('testdata_small per 1000 is the same rate ÷ 100 (our multiplier; PHE row "dsr per 10000" ÷ 10)', () => {
    const perThousand = directlyStandardisedRate(strata(small));
    expectClose(perThousand.value, 11.03212025300104);
    expectCloseInterval(perThousand.interval, [8.77455767536709, 13.670882227251795]);
  });

  it('testdata_big: 10430.247991469423 per 100,000, 95 % 9717.709067985681–11178.94091547925', () => {
    const dsr = directlyStandardisedRate(strata(big), { multiplier: 100000 });
    expect(dsr.totalCount).toBe(895);
    expectClose(dsr.value, 10430.247991469423);
    expectCloseInterval(dsr.interval, [9717.709067985681, 11178.94091547925]);
    expectCloseInterval(directlyStandardisedRate(strata(big), { multiplier: 100000, level: '99.8' }).interval, [
      9323.2878802199029, 11620.595999522058,
    ]);
  });

  it('testdata_tiny: a total count of 9 gives no value ("dsr NA for total count < 10")', () => {
    const dsr = directlyStandardisedRate(strata(tiny), { multiplier: 100000 });
    expect(dsr.totalCount).toBe(9);
    expect(dsr.value).toBeNull();
    expect(dsr.interval).toBeNull();
  });

  // Sheet testdata_nonindepe: persons with exactly 1, 2, 3, 4 events per band (f1 … f4);
  // PHE's expected values there are given to 8 decimals.
  it('testdata_nonind_big: non-independent events, 10430.24799147 with 95 % 9532.94977862–11373.07483298', () => {
    const persons = [
      [75, 16, 4, 2], [16, 3, 1, 0], [11, 2, 1, 0], [12, 3, 1, 0], [8, 0, 0, 1], [18, 3, 1, 0], [26, 6, 2, 1],
      [18, 3, 1, 0], [18, 4, 1, 0], [21, 4, 1, 0], [21, 4, 1, 0], [23, 4, 1, 0], [23, 6, 2, 1], [39, 8, 2, 1],
      [25, 5, 1, 0], [40, 9, 2, 1], [46, 9, 2, 1], [49, 10, 3, 1], [56, 11, 3, 1],
    ];
    const dsr = directlyStandardisedRate(strata(big, persons), { multiplier: 100000 });
    expectClose(dsr.value, 10430.24799147);
    expectCloseInterval(dsr.interval, [9532.94977862, 11373.07483298]);
    expectCloseInterval(directlyStandardisedRate(strata(big, persons), { multiplier: 100000, level: '99.8' }).interval, [
      9036.25631357, 11929.24980749,
    ]);
  });

  it('testdata_nonind_dummy: the same events spread over other persons, 95 % 9512.29883752–11394.77359633', () => {
    const persons = [
      [80, 10, 9], [15, 5, 0], [10, 1, 2], [17, 2, 0], [12, 0, 0], [25, 1, 0], [30, 9, 0], [20, 2, 1], [19, 5, 0],
      [23, 3, 1], [19, 5, 1], [30, 2, 0], [19, 7, 4], [25, 14, 4], [15, 10, 1], [20, 18, 4], [30, 16, 4], [29, 19, 5],
      [22, 21, 9],
    ];
    const dsr = directlyStandardisedRate(strata(big, persons), { multiplier: 100000 });
    expectClose(dsr.value, 10430.24799147);
    expectCloseInterval(dsr.interval, [9512.29883752, 11394.77359633]);
    expectCloseInterval(directlyStandardisedRate(strata(big, persons), { multiplier: 100000, level: '99.8' }).interval, [
      9004.17418121, 11963.74870404,
    ]);
  });

  it('testdata_nonind_small: 89 events, 1082.95419841 with 95 % 817.68609755–1393.55884927', () => {
    const counts = [12, 4, 3, 0, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4];
    const persons = [
      [7, 1, 1], [4, 0, 0], [3, 0, 0], [0, 0, 0], [3, 0, 0], [4, 0, 0], [5, 0, 1], [2, 0, 0], [2, 0, 0], [3, 0, 0],
      [4, 0, 0], [5, 0, 0], [3, 0, 1], [5, 0, 1], [5, 0, 0], [3, 0, 1], [5, 0, 0], [5, 0, 0], [4, 0, 0],
    ];
    const dsr = directlyStandardisedRate(strata(counts, persons), { multiplier: 100000 });
    expect(dsr.totalCount).toBe(89);
    expectClose(dsr.value, 1082.95419841);
    expectCloseInterval(dsr.interval, [817.68609755, 1393.55884927]);
    expectCloseInterval(directlyStandardisedRate(strata(counts, persons), { multiplier: 100000, level: '99.8' }).interval, [
      684.16751792, 1585.49645593,
    ]);
  });

  it('testdata_nonind_tiny: 9 events, no value', () => {
    const persons = tiny.map((x, i) => (i === 17 ? [0, 1, 0] : i === 18 ? [0, 0, 1] : [x, 0, 0]));
    expect(directlyStandardisedRate(strata(tiny, persons), { multiplier: 100000 }).value).toBeNull();
  });
});

// Worked example 5 (../shared/examples/standardisation-and-equity): preventable-admissions-65,
// 2017, strata from the README's table (65-69 … 90+, ESP2013 weights, Σw = 19500).
describe('directly standardised rate in worked example 5', () => {
  const WEIGHTS_65_PLUS = [5500, 5000, 4000, 2500, 1500, 1000];
  const LABELS = ['65-69', '70-74', '75-79', '80-84', '85-89', '90+'];
  const strata = (rows: readonly (readonly [number, number])[], frequencies90?: Stratum['frequencies']): Stratum[] =>
    rows.map(([n, x], i) => ({
      label: LABELS[i],
      weight: WEIGHTS_65_PLUS[i],
      events: x,
      population: n,
      ...(i === 5 && frequencies90 ? { frequencies: frequencies90 } : {}),
    }));

  // 760: n / x per band; in 90+ rs-11 has two events, rs-12 and rs-13 one each (v = 6).
  const ringkoebing = strata([[1000, 1], [800, 1], [700, 2], [600, 3], [500, 3], [400, 4]], frequenciesOf([2, 1, 1]));

  it('Ringkøbing-Skjern 760: DSR 2.804029 with 95 % 1.424104–4.865726', () => {
    const dsr = directlyStandardisedRate(ringkoebing);
    expectClose(dsr.value, 2.8040293040293043);
    expectCloseInterval(dsr.interval, [1.424104395964793, 4.865725885076481]);
  });

  it('760 with v = x (the mistake the README names) would give the narrower 1.458876–4.813776', () => {
    const independent = directlyStandardisedRate(ringkoebing.map(({ frequencies: _, ...s }) => s));
    expect(independent.interval![0]).toBeCloseTo(1.458876, 6);
    expect(independent.interval![1]).toBeCloseTo(4.813776, 6);
  });

  it('Favrskov 710: DSR 4.547009 with 95 % 1.991191–8.424666 (fa-10 counts once in 80-84 and once in 85-89)', () => {
    const dsr = directlyStandardisedRate(strata([[2000, 4], [1000, 3], [500, 2], [300, 2], [150, 1], [50, 1]]));
    expectClose(dsr.value, 4.547008547008547);
    expectCloseInterval(dsr.interval, [1.991190547961943, 8.42466645235076]);
  });

  it('the region {}: DSR 2.948597 with 95 % 1.914773–4.320235 (90+: v = 7, rs-11 still counts 2²)', () => {
    const dsr = directlyStandardisedRate(
      strata([[3700, 5], [2300, 4], [1600, 5], [1150, 5], [750, 4], [500, 5]], frequenciesOf([2, 1, 1, 1])),
    );
    expectClose(dsr.value, 2.948597426858296);
    expectCloseInterval(dsr.interval, [1.9147725571148895, 4.320235274386616]);
  });

  it('Samsø 741: one event, so value and interval are null', () => {
    const dsr = directlyStandardisedRate(strata([[700, 0], [500, 0], [400, 1], [250, 0], [100, 0], [50, 0]]));
    expect(dsr.value).toBeNull();
    expect(dsr.interval).toBeNull();
    expect(dsr.notes).toEqual([NOTE_TOTAL_COUNT_BELOW_10]);
  });

  it('Σw over all 19 bands instead of the six 65+ bands (the mistake the README names) would give 0.5468', () => {
    // 54.678571 / 100000 × 1000 = 0.546786: shown to make clear Σw is over the strata passed in.
    const allBands = [...ringkoebing, ...ESP2013_WEIGHTS.slice(0, 13).map((w) => ({ weight: w, events: 0, population: 1000 }))];
    expect(directlyStandardisedRate(allBands).value).toBeCloseTo(0.546786, 6);
  });
});

describe('the 99.8 % Dobson interval of the standardised comparison (SPEC §13.8)', () => {
  // The worked example standardisation-and-equity (tests/fixtures/examples, README "Standardised
  // comparison"): preventable-admissions-65 2017, the six 65+ bands of ESP2013 (Σw = 19500).
  const W = [5500, 5000, 4000, 2500, 1500, 1000];
  const strata = (rows: [population: number, events: number][], frequencies: Partial<Record<number, Stratum['frequencies']>> = {}): Stratum[] =>
    rows.map(([population, events], i) => ({ weight: W[i], population, events, ...(frequencies[i] ? { frequencies: frequencies[i] } : {}) }));
  // 760: rs-11 has two of the four events of band 90+ (v = 1²·2 + 2²·1 = 6).
  const s760 = strata([[1000, 1], [800, 1], [700, 2], [600, 3], [500, 3], [400, 4]], { 5: [{ events: 1, persons: 2 }, { events: 2, persons: 1 }] });
  const s710 = strata([[2000, 4], [1000, 3], [500, 2], [300, 2], [150, 1], [50, 1]]);
  const s741 = strata([[700, 0], [500, 0], [400, 1], [250, 0], [100, 0], [50, 0]]);

  it('Byar at z = 3.090232306167813 inside Dobson: 710 → [1.006105, 11.05720], 760 → [0.8827312, 6.258517] (README, hand-worked)', () => {
    // 710: 4.547009 + 0.4200360 × (4.570000 − 13) and × (28.49912 − 13), per 1000.
    expectCloseInterval(directlyStandardisedRate(s710, { level: '99.8' }).interval, [1.006105, 11.0572], 1e-6);
    // 760: 2.804029 + 0.2172265 × (5.155325 − 14) and × (29.90270 − 14).
    expectCloseInterval(directlyStandardisedRate(s760, { level: '99.8' }).interval, [0.8827312, 6.258517], 1e-6);
    // The same DSR at both levels; the 95 % interval lies inside the 99.8 % one.
    expect(directlyStandardisedRate(s710, { level: '99.8' }).value).toBe(directlyStandardisedRate(s710).value);
    expectCloseInterval(directlyStandardisedRate(s710).interval, [1.991191, 8.424666], 1e-6);
  });

  it('741 with O = 1 < 10 has no DSR at either level', () => {
    expect(directlyStandardisedRate(s741, { level: '99.8' })).toMatchObject({ value: null, interval: null });
  });
});
