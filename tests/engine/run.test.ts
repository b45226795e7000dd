import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { runIndicators } from '../../src/engine/run.js';
import { prepare } from '../../src/facts/index.js';
import type { CountingIndicator, IndicatorDefinition } from '../../src/indicators/types.js';
import { measuredIndicators } from '../../src/indicators/measurements.js';
import type { LoadedData, Measurement } from '../../src/extracts/records.js';
import { day, inhabitants, loaded } from '../helpers/records.js';
import { say } from '../../src/domain/messages.js';

// A tiny indicator over hand-made "units": [date, sex, municipality, numerator, denominator].
type UnitRow = [string, 'F' | 'M' | null, string | null, number, number];
function fake(unit: CountingIndicator['unit'], rows: UnitRow[], over: Partial<CountingIndicator> = {}): CountingIndicator {
  return {
    kind: 'counting', id: `fake-${unit}`, nameDa: 'x', nameEn: 'x', aim: 'quality', section: '', unit,
    sources: unit === 'per_1000' || unit === 'dkk_per_capita' ? ['population'] : [],
    direction: 'higher_is_better', definition: '', definitionDa: '', baselines: [], target: null,
    dimensions: ['municipality', 'cluster', 'education', 'sex', 'age_band'],
    needs: [],
    count(_data, tally) {
      for (const [d, sex, municipality, n, den] of rows) {
        tally.add(day(d), { sex, municipality, age: 70, education: null }, n, den);
      }
      tally.note(day('2016-05-01'), { sex: 'F', municipality: '751', age: 70, education: null }, say({ en: 'left out: test', da: 'udeladt: test' }));
    },
    ...over,
  };
}
const run = (indicators: IndicatorDefinition[], data: LoadedData, periods: string[], by: string[] = [], minCell = 0, baselinePeriod?: string) =>
  runIndicators(indicators, prepare(data), {
    periods: parsePeriodArguments(periods),
    by: by as never,
    minCell,
    baselinePeriod: baselinePeriod ? parsePeriodArguments([baselinePeriod])[0] : undefined,
  });

describe('the engine: periods, groups and listing rules (SPEC §1.3, §4.1)', () => {
  it('a unit counts in every requested period that contains its date (year and quarter both)', () => {
    const ind = fake('percent', [['2016-02-10', 'F', '751', 1, 1], ['2016-05-10', 'F', '751', 0, 1]]);
    const out = run([ind], {}, ['2016', '2016-Q1']);
    expect(out.results.map((r) => [r.period, r.numerator, r.denominator])).toEqual([
      ['2016', 1, 2],
      ['2016-Q1', 1, 1],
    ]);
  });

  it('percent: the total row always, and only groups with a denominator > 0; total first, then F, M, unknown', () => {
    const ind = fake('percent', [['2016-02-10', null, '751', 1, 1], ['2016-02-11', 'M', '751', 1, 1], ['2016-03-01', 'F', '751', 0, 1], ['2016-03-02', 'F', '751', 0, 0]]);
    const out = run([ind], {}, ['2016', '2017'], ['sex']);
    expect(out.results.map((r) => [r.period, JSON.stringify(r.group), r.numerator, r.denominator])).toEqual([
      ['2016', '{}', 2, 3],
      ['2016', '{"sex":"F"}', 0, 1],
      ['2016', '{"sex":"M"}', 1, 1],
      ['2016', '{"sex":"unknown"}', 1, 1],
      ['2017', '{}', 0, 0],
    ]);
    expect(out.results[4]).toMatchObject({ value: null, ci95: null, status: 'not_computed' });
  });

  it('counts list groups with a count > 0; a count of 0 is a real value 0, not null', () => {
    const ind = fake('count', [['2016-02-10', 'F', '751', 1, 0]]);
    const out = run([ind], {}, ['2016', '2017'], ['sex']);
    expect(out.results.map((r) => [r.period, JSON.stringify(r.group), r.value, r.denominator])).toEqual([
      ['2016', '{}', 1, null],
      ['2016', '{"sex":"F"}', 1, null],
      ['2017', '{}', 0, null],
    ]);
  });

  it('rates list the union of groups with events and groups with inhabitants; events without inhabitants give null', () => {
    // Population 2016: F 800, M 600 (no unknown). Events: F 0, M 2, unknown 1.
    const pop = loaded('population', [inhabitants({ year: 2016, sex: 'F', population: 800 }), inhabitants({ year: 2016, sex: 'M', population: 600 })], ['education']);
    const ind = fake('per_1000', [['2016-04-01', 'M', '751', 2, 0], ['2016-04-02', null, '751', 1, 0]]);
    const out = run([ind], pop, ['2016'], ['sex']);
    expect(out.results.map((r) => [JSON.stringify(r.group), r.numerator, r.denominator, r.value])).toEqual([
      ['{}', 3, 1400, (3 / 1400) * 1000],
      ['{"sex":"F"}', 0, 800, 0],
      ['{"sex":"M"}', 2, 600, (2 / 600) * 1000],
      ['{"sex":"unknown"}', 1, 0, null],
    ]);
  });

  it("the population of a period is that of the year it starts in, filtered like the numerator", () => {
    const pop = loaded('population', [
      inhabitants({ year: 2016, age: 70, population: 100 }),
      inhabitants({ year: 2016, age: 40, population: 900 }),
      inhabitants({ year: 2017, age: 70, population: 300 }),
    ]);
    const ind = fake('per_1000', [['2016-12-01', 'F', '751', 1, 0]], { populationMinimumAge: 65 });
    const out = run([ind], pop, ['2016-Q4']);
    expect(out.results[0]).toMatchObject({ numerator: 1, denominator: 100, value: 10 });
  });

  it('education breakdown of a rate without an education column in population.csv gives null with a note', () => {
    const pop = loaded('population', [inhabitants({ year: 2016, population: 100 })], []);
    const ind = fake('per_1000', [['2016-12-01', 'F', '751', 1, 0]]);
    const out = run([ind], pop, ['2016'], ['education']);
    expect(out.results[0].value).toBeNull();
    expect(out.results[0].notes.join()).toMatch(/no education column/);
  });

  it('population rows without education form the education group unknown', () => {
    // 2016: short 300, no education 200. Events: one short, one unknown.
    const pop = loaded('population', [inhabitants({ year: 2016, education: 'short', population: 300 }), inhabitants({ year: 2016, education: null, population: 200 })], ['education']);
    const ind: CountingIndicator = {
      ...fake('per_1000', []),
      count(_d, tally) {
        tally.add(day('2016-03-01'), { sex: 'F', municipality: '751', age: 70, education: 'short' }, 1);
        tally.add(day('2016-03-01'), { sex: 'F', municipality: '751', age: 70, education: null }, 1);
      },
    };
    const out = run([ind], pop, ['2016'], ['education']);
    expect(out.results.map((r) => [JSON.stringify(r.group), r.numerator, r.denominator])).toEqual([
      ['{}', 2, 500],
      ['{"education":"short"}', 1, 300],
      ['{"education":"unknown"}', 1, 200],
    ]);
  });

  it('a dimension the source does not carry is ignored with a note', () => {
    const ind = fake('count', [['2016-02-10', 'F', '751', 1, 0]]);
    const out = run([ind], {}, ['2016'], ['sender', 'sex']);
    expect(out.results.map((r) => JSON.stringify(r.group))).toEqual(['{}', '{"sex":"F"}']);
    expect(out.results[0].notes.join()).toMatch(/breakdown by sender ignored/);
  });

  it('several dimensions give their combinations, ordered dimension by dimension, with no subtotals', () => {
    const ind = fake('count', [['2016-02-10', 'M', '665', 1, 0], ['2016-02-10', 'F', '751', 1, 0], ['2016-02-10', 'F', '999', 1, 0]]);
    const out = run([ind], {}, ['2016'], ['cluster', 'sex']);
    expect(out.results.map((r) => JSON.stringify(r.group))).toEqual([
      '{}',
      '{"cluster":"Aarhus","sex":"F"}',
      '{"cluster":"Vest","sex":"M"}',
      '{"cluster":"Outside region","sex":"F"}',
    ]);
  });

  it('notes count the records each rule left out, per period and group', () => {
    const ind = fake('count', [['2016-02-10', 'F', '751', 1, 0]]);
    const out = run([ind], {}, ['2016'], ['sex']);
    expect(out.results[0].notes).toContain('left out: test: 1');
  });

  it('results are ordered by aim, then catalogue order, then period', () => {
    const a = { ...fake('count', [['2016-02-10', 'F', '751', 1, 0]]), id: 'a', aim: 'cost' as const };
    const b = { ...fake('count', [['2016-02-10', 'F', '751', 1, 0]]), id: 'b', aim: 'population_health' as const };
    const out = run([a, b], {}, ['2017', '2016']);
    expect(out.results.map((r) => `${r.indicator}:${r.period}`)).toEqual(['b:2016', 'b:2017', 'a:2016', 'a:2017']);
  });

  it('a missing source makes the indicator not_computed with the reason', () => {
    const ind = fake('per_1000', []);
    const out = run([ind], {}, ['2016']);
    expect(out.results[0]).toMatchObject({ status: 'not_computed', value: null });
    expect(out.results[0].notes.join()).toMatch(/population.csv not loaded/);
  });

  it('--baseline-period computes the baseline on the same data and group', () => {
    const ind = fake('percent', [['2015-02-10', 'F', '751', 1, 1], ['2015-02-10', 'F', '751', 0, 1], ['2016-02-10', 'F', '751', 1, 1]]);
    const out = run([ind], {}, ['2016'], ['sex'], 0, '2015');
    expect(out.results.map((r) => [JSON.stringify(r.group), r.baseline?.value, r.baseline?.period, r.status])).toEqual([
      ['{}', 50, '2015', 'improving'],
      ['{"sex":"F"}', 50, '2015', 'improving'],
    ]);
    expect(out.results.every((r) => r.period === '2016')).toBe(true);
  });

  it('suppression with the default threshold hides 1–4 and the complementary group', () => {
    const rows: UnitRow[] = [];
    for (let i = 0; i < 3; i++) rows.push(['2016-01-01', 'F', '751', 1, 1]);
    for (let i = 0; i < 10; i++) rows.push(['2016-01-01', 'M', '751', 1, 1]);
    const out = run([fake('percent', rows)], {}, ['2016'], ['sex'], 5);
    expect(out.results.map((r) => r.suppressed)).toEqual([false, true, true]);
    expect(out.suppression).toEqual({ primary: 1, complementary: 1 });
  });
});

describe('measured indicators (SPEC §2.7)', () => {
  const m = (over: Partial<Measurement>): Measurement => ({ line: 2, indicator: 'stratified-courses', period: '2016', numerator: null, denominator: null, value: null, source: null, ...over });
  const strat = measuredIndicators.find((i) => i.id === 'stratified-courses')!;
  const unsafe = measuredIndicators.find((i) => i.id === 'unsafe-sex-16-24')!;
  const calls = measuredIndicators.find((i) => i.id === 'sick-leave-hotline-calls')!;

  it('7/10 in 2016 is 70 %, meets the 2016 target of 70, and gets a Wilson interval', () => {
    const data = loaded('measurements', [m({ numerator: 7, denominator: 10 })]);
    const [r] = run([strat], data, ['2016']).results;
    expect(r).toMatchObject({ value: 70, status: 'met', target: { value: 70 } });
    expect(r.ci95![0]).toBeCloseTo(39.6778, 4);
  });

  it('a measurement answers only its own period id: a yearly row does not answer a quarter', () => {
    const data = loaded('measurements', [m({ numerator: 7, denominator: 10 })]);
    const [r] = run([strat], data, ['2016-Q1']).results;
    expect(r).toMatchObject({ value: null, numerator: null, denominator: null, status: 'not_computed' });
    expect(r.notes).toContain('no measurement');
  });

  it('a given value wins over numerator/denominator; value-only rows have no interval', () => {
    const data = loaded('measurements', [m({ indicator: 'unsafe-sex-16-24', period: '2019', value: 21 })]);
    const [r] = run([unsafe], data, ['2019']).results;
    // 21 > target 20 (lower is better) → not met; baseline 23 (2013) → improving
    expect(r).toMatchObject({ value: 21, ci95: null, status: 'improving', baseline: { value: 23 } });
  });

  it('under --compare a measured percent with numerator and denominator gains ci998 (Wilson, z = 3.0902): 7/10 → 26.745 … 93.717 (SPEC §8.3)', () => {
    const data = loaded('measurements', [m({ numerator: 7, denominator: 10 })]);
    const [r] = runIndicators([strat], prepare(data), { periods: parsePeriodArguments(['2016']), by: [], minCell: 0, compare: true }).results;
    // Wilson by hand: z² = 9.54953; centre (0.7 + z²/20) / (1 + z²/10) = 0.602309;
    // half z √(0.7·0.3/10 + z²/400) / (1 + z²/10) = 0.334861.
    const z = 3.090232306167813;
    const centre = (0.7 + z ** 2 / 20) / (1 + z ** 2 / 10);
    const half = (z * Math.sqrt((0.7 * 0.3) / 10 + z ** 2 / 400)) / (1 + z ** 2 / 10);
    expect(r.ci998![0]).toBeCloseTo((centre - half) * 100, 9);
    expect(r.ci998![1]).toBeCloseTo((centre + half) * 100, 9);
    expect(r.ci998![0]).toBeCloseTo(26.745, 2);
    expect(r.ci998![1]).toBeCloseTo(93.717, 2);
    expect('comparison' in r).toBe(false);
  });

  it('under --compare a measured value without counts has ci998 null, a measured count none at all', () => {
    const data = loaded('measurements', [
      m({ indicator: 'unsafe-sex-16-24', period: '2019', value: 21 }),
      m({ indicator: 'sick-leave-hotline-calls', period: '2019', numerator: 12 }),
    ]);
    const [u, c] = runIndicators([unsafe, calls], prepare(data), { periods: parsePeriodArguments(['2019']), by: [], minCell: 0, compare: true }).results;
    expect(u.ci998).toBeNull();
    expect('ci998' in c).toBe(false);
  });

  it('a count measurement takes its numerator as value', () => {
    const data = loaded('measurements', [m({ indicator: 'sick-leave-hotline-calls', period: '2016', numerator: 12 })]);
    const [r] = run([calls], data, ['2016']).results;
    expect(r).toMatchObject({ value: 12, numerator: 12, denominator: null, status: 'improving' });
  });
});
