// Baselines by period kind (SPEC §6.2): a yearly count, rate or DKK baseline is not compared
// with a monthly or quarterly result; percent baselines and baselines with period null apply
// to every period.

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments, parsePeriodId } from '../../src/calc/periods.js';
import { applicableBaseline } from '../../src/calc/targets.js';
import { runIndicators } from '../../src/engine/run.js';
import type { BaselineRow, LoadedData } from '../../src/extracts/records.js';
import { prepare } from '../../src/facts/index.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { day, loaded } from '../helpers/records.js';

const yearly = { value: 120, period: '2015', source: 'baselines.csv' };
const month = parsePeriodId('2016-03')!;
const quarter = parsePeriodId('2016-Q1')!;
const year = parsePeriodId('2016')!;

describe('which baselines apply to which periods (SPEC §6.2)', () => {
  it.each(['count', 'per_1000', 'dkk_per_capita'] as const)('%s: a yearly baseline applies to a year, not to a month or a quarter', (unit) => {
    expect(applicableBaseline(unit, year, yearly)).toEqual({ baseline: yearly, note: null });
    expect(applicableBaseline(unit, month, yearly).baseline).toBeNull();
    expect(applicableBaseline(unit, quarter, yearly).baseline).toBeNull();
  });

  it('the note says why, in the words of the SPEC', () => {
    expect(applicableBaseline('count', month, yearly).note).toBe(
      'the baseline is yearly; a monthly count is not comparable (baseline period 2015, left out)',
    );
    expect(applicableBaseline('per_1000', year, { ...yearly, period: '2015-Q2' }).note).toMatch(
      /^the baseline is quarterly; a yearly rate per 1000 is not comparable/,
    );
  });

  it('a monthly baseline applies to months only, a quarterly one to quarters only', () => {
    expect(applicableBaseline('count', month, { ...yearly, period: '2015-03' }).baseline).not.toBeNull();
    expect(applicableBaseline('count', year, { ...yearly, period: '2015-03' }).baseline).toBeNull();
    expect(applicableBaseline('count', quarter, { ...yearly, period: '2015-Q1' }).baseline).not.toBeNull();
  });

  it('percent baselines apply to every period; so does a baseline with period null', () => {
    expect(applicableBaseline('percent', month, yearly)).toEqual({ baseline: yearly, note: null });
    const timeless = { value: 0, period: null, source: 'agreement' };
    expect(applicableBaseline('count', month, timeless)).toEqual({ baseline: timeless, note: null });
    expect(applicableBaseline('count', month, null)).toEqual({ baseline: null, note: null });
  });
});

// A count indicator over referral-like units: 10 in each month of 2016.
const monthlyTen: CountingIndicator = {
  kind: 'counting', id: 'prevention-referrals', nameDa: 'x', nameEn: 'x', aim: 'population_health', section: '',
  unit: 'count', sources: [], direction: 'higher_is_better', definition: '', definitionDa: '', baselines: [],
  target: { kind: 'increase_over_baseline' }, dimensions: [], needs: [],
  count(_data, tally) {
    for (let m = 1; m <= 12; m++) {
      for (let i = 0; i < 10; i++) tally.add(day(`2016-${String(m).padStart(2, '0')}-15`), { sex: null, municipality: null, age: null, education: null }, 1);
    }
  },
};
const baselineRow: BaselineRow = { line: 2, indicator: 'prevention-referrals', group: {}, baselinePeriod: '2015', baselineValue: 113, targetValue: null, note: null };
const data: LoadedData = loaded('baselines', [baselineRow]);
const run = (periods: string[], baselinePeriod?: string) =>
  runIndicators([monthlyTen], prepare(data), {
    periods: parsePeriodArguments(periods),
    by: [],
    minCell: 0,
    baselinePeriod: baselinePeriod ? parsePeriodId(baselinePeriod)! : undefined,
  }).results;

describe('results under a yearly count baseline (SPEC §6.2, §3.4)', () => {
  it('a month of 10 referrals has no baseline, no change and no "increase over baseline" target: no_target, not worsening', () => {
    const [jan] = run(['2016-01']);
    expect(jan).toMatchObject({ value: 10, baseline: null, target: null, change: null, change_pct: null, status: 'no_target' });
    expect(jan.notes).toContain('the baseline is yearly; a monthly count is not comparable (baseline period 2015, left out)');
  });

  it('the year 2016 (120 referrals) is still compared with the yearly baseline 113: met (120 > 113)', () => {
    const [y] = run(['2016']);
    expect(y).toMatchObject({ value: 120, baseline: { value: 113, period: '2015' }, change: 7, status: 'met' });
  });

  it('--baseline-period of another kind does not apply either: a yearly 2016 baseline for months of 2016', () => {
    const [jan] = run(['2016-01'], '2016');
    expect(jan).toMatchObject({ baseline: null, status: 'no_target' });
    // …while a monthly --baseline-period does: January (10) against January (10) → unchanged.
    const [again] = run(['2016-01'], '2016-01');
    expect(again).toMatchObject({ baseline: { value: 10, period: '2016-01', source: 'data' }, status: 'unchanged' });
  });
});
