import { describe, expect, it } from 'vitest';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { chooseBaseline, chooseTarget, meetsTarget, nearlyEqual } from '../../src/calc/targets.js';
import { changeOf, changeVerdictOf, statusOf } from '../../src/engine/evaluate.js';
import type { BaselineRow } from '../../src/extracts/records.js';
import type { IndicatorDefinition } from '../../src/indicators/types.js';

const base = { value: 50, period: '2015', source: 'test' };
const atLeast70 = { value: 70, period: null, rule: 'at_least' as const };
const atMost20 = { value: 20, period: null, rule: 'at_most' as const };

describe('status (SPEC §3.4)', () => {
  it('a null value is not_computed whatever else is known', () => {
    expect(statusOf(null, 'higher_is_better', base, atLeast70)).toBe('not_computed');
  });
  it('met: value ≥ target for higher_is_better, even when worse than the baseline', () => {
    expect(statusOf(75, 'higher_is_better', { ...base, value: 80 }, atLeast70)).toBe('met');
  });
  it('met: value ≤ target for lower_is_better', () => {
    expect(statusOf(19, 'lower_is_better', null, atMost20)).toBe('met');
  });
  it('7/10 = 70 % meets a target of 70 (comparison within 1e-9 relative)', () => {
    expect(statusOf((7 / 10) * 100, 'higher_is_better', null, atLeast70)).toBe('met');
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
  });
  it('improving / worsening follow the direction of value − baseline when the target is not met', () => {
    expect(statusOf(60, 'higher_is_better', base, atLeast70)).toBe('improving');
    expect(statusOf(40, 'higher_is_better', base, atLeast70)).toBe('worsening');
    expect(statusOf(21, 'lower_is_better', { ...base, value: 23 }, atMost20)).toBe('improving');
    expect(statusOf(25, 'lower_is_better', { ...base, value: 23 }, atMost20)).toBe('worsening');
  });
  it('unchanged when the value equals the baseline within tolerance', () => {
    expect(statusOf(50 + 1e-12, 'higher_is_better', base, null)).toBe('unchanged');
  });
  it('not_met: a target and no baseline', () => {
    expect(statusOf(54.5, 'higher_is_better', null, { value: 90, period: null, rule: 'at_least' })).toBe('not_met');
  });
  it('no_target: neither target nor baseline', () => {
    expect(statusOf(3, 'higher_is_better', null, null)).toBe('no_target');
  });
  it('"increase over baseline" is met only strictly above the baseline', () => {
    const t = { value: 10, period: '2015', rule: 'above_baseline' as const };
    expect(meetsTarget(11, t)).toBe(true);
    expect(meetsTarget(10, t)).toBe(false);
    expect(statusOf(10, 'higher_is_better', { ...base, value: 10 }, t)).toBe('unchanged');
    expect(statusOf(9, 'higher_is_better', { ...base, value: 10 }, t)).toBe('worsening');
  });
});

const indicator = (over: Partial<IndicatorDefinition>): IndicatorDefinition =>
  ({
    kind: 'measured',
    id: 'x',
    nameDa: 'x',
    nameEn: 'x',
    aim: 'quality',
    section: '',
    sources: ['measurements'],
    unit: 'percent',
    direction: 'higher_is_better',
    definition: '',
    baselines: [],
    target: null,
    ...over,
  }) as IndicatorDefinition;

const fileRow = (over: Partial<BaselineRow>): BaselineRow => ({
  line: 2,
  indicator: 'x',
  group: {},
  baselinePeriod: '2017',
  baselineValue: 30,
  targetValue: null,
  note: null,
  ...over,
});

describe('baselines and targets (SPEC §3.4, §2.7)', () => {
  const lup = indicator({
    baselines: [
      { group: { patient_type: 'outpatient' }, value: 71, period: '2013', source: 'agreement', sourceDa: 'aftalen' },
      { group: { patient_type: 'inpatient' }, value: 25, period: '2013', source: 'agreement', sourceDa: 'aftalen' },
    ],
    target: { kind: 'value', value: 90 },
  });
  it('a catalogue baseline applies only to the result whose group equals its key: the total row has none', () => {
    expect(chooseBaseline(lup, {}, [], null)).toBeNull();
    expect(chooseBaseline(lup, { patient_type: 'inpatient' }, [], null)?.value).toBe(25);
    expect(chooseBaseline(lup, { patient_type: 'inpatient', sex: 'F' }, [], null)).toBeNull();
  });
  it('baselines.csv wins over the catalogue, and --baseline-period wins over both', () => {
    const rows = [fileRow({ group: { patient_type: 'inpatient' }, baselineValue: 40 })];
    expect(chooseBaseline(lup, { patient_type: 'inpatient' }, rows, null)).toMatchObject({ value: 40, source: 'baselines.csv' });
    expect(chooseBaseline(lup, { patient_type: 'inpatient' }, rows, { value: 61, period: '2015', source: 'data' })?.value).toBe(61);
  });
  it('a catalogue target applies to every group', () => {
    const p = parsePeriodArgument('2019')[0];
    expect(chooseTarget(lup, p, [], null)).toEqual({ value: 90, period: null, rule: 'at_least' });
  });
  it('a baselines.csv target replaces the catalogue target; the row without a group key wins', () => {
    const p = parsePeriodArgument('2019')[0];
    const rows = [fileRow({ group: { cluster: 'Vest' }, targetValue: 80 }), fileRow({ group: {}, targetValue: 85 })];
    expect(chooseTarget(lup, p, rows, null)?.value).toBe(85);
  });
  it('a yearly target: quarters and months take their year, none outside the years', () => {
    const strat = indicator({ target: { kind: 'by_year', values: { 2015: 60, 2016: 70 } } });
    expect(chooseTarget(strat, parsePeriodArgument('2016-Q3')[0], [], null)?.value).toBe(70);
    expect(chooseTarget(strat, parsePeriodArgument('2015-12')[0], [], null)?.value).toBe(60);
    expect(chooseTarget(strat, parsePeriodArgument('2019')[0], [], null)).toBeNull();
  });
  it('"increase over baseline" without a baseline counts as no target', () => {
    const inc = indicator({ unit: 'count', target: { kind: 'increase_over_baseline' } });
    const p = parsePeriodArgument('2016')[0];
    expect(chooseTarget(inc, p, [], null)).toBeNull();
    expect(chooseTarget(inc, p, [], base)).toEqual({ value: 50, period: '2015', rule: 'above_baseline' });
  });
  it('change is value − baseline; change_pct is change / baseline × 100, null for a zero baseline', () => {
    expect(changeOf(12.3, { ...base, value: 13.1 }).change).toBeCloseTo(-0.8, 12);
    expect(changeOf(12.3, { ...base, value: 13.1 }).change_pct).toBeCloseTo((-0.8 / 13.1) * 100, 10);
    expect(changeOf(5, { ...base, value: 0 })).toEqual({ change: 5, change_pct: null });
    expect(changeOf(null, base)).toEqual({ change: null, change_pct: null });
  });
});

describe('the change against the baseline alone (SPEC §13.4)', () => {
  it('better / worse by the direction, whatever the target says; unchanged within 1e-9; no_baseline without one', () => {
    // 88.9 against a baseline of 50 is better for higher_is_better, though a target of 70 … is met
    // and one of 90 is not: the change does not look at the target.
    expect(changeVerdictOf(88.9, 'higher_is_better', base)).toBe('better');
    expect(changeVerdictOf(45, 'higher_is_better', base)).toBe('worse');
    expect(changeVerdictOf(45, 'lower_is_better', base)).toBe('better');
    expect(changeVerdictOf(50 * (1 + 1e-12), 'lower_is_better', base)).toBe('unchanged');
    expect(changeVerdictOf(60, 'none', base)).toBe('higher');
    expect(changeVerdictOf(40, 'none', base)).toBe('lower');
    expect(changeVerdictOf(60, 'higher_is_better', null)).toBe('no_baseline');
  });
  it('the status of §3.4 agrees with it where the target is not met', () => {
    expect(statusOf(88.9, 'higher_is_better', { ...base, value: 85 }, { value: 90, period: null, rule: 'at_least' })).toBe('improving');
    expect(changeVerdictOf(88.9, 'higher_is_better', { ...base, value: 85 })).toBe('better');
    // Met, yet worse than the baseline: status says `met` only, the change says `worse`.
    expect(statusOf(15, 'lower_is_better', { ...base, value: 10 }, atMost20)).toBe('met');
    expect(changeVerdictOf(15, 'lower_is_better', { ...base, value: 10 })).toBe('worse');
  });
});
