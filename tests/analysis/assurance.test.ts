// Assurance (SPEC §13.9, NHS Making Data Count) and which target applies to a series' period
// kind (§13.3/§6.2), each rule at its boundary, worked by hand.

import { describe, expect, it } from 'vitest';
import { assuranceOf } from '../../src/analysis/assurance.js';
import { buildSeries, type SeriesOptions } from '../../src/analysis/monitor.js';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import type { Result, TargetRef } from '../../src/contracts/report.js';
import { targetAppliesToKind } from '../../src/calc/targets.js';
import { findIndicator } from '../../src/indicators/catalogue.js';

const atLeast = (value: number): TargetRef => ({ value, period: null, rule: 'at_least' });
const atMost = (value: number): TargetRef => ({ value, period: null, rule: 'at_most' });

describe('assurance from the target and the limits (SPEC §13.9)', () => {
  const limits = { lcl: 60, ucl: 80 };

  it('higher is better: pass when target ≤ LCL, fail when target > UCL, inconsistent between', () => {
    expect(assuranceOf(atLeast(59), limits, 'higher_is_better')).toBe('pass');
    expect(assuranceOf(atLeast(60), limits, 'higher_is_better')).toBe('pass'); // on the LCL: even the worse limit meets it
    expect(assuranceOf(atLeast(60.5), limits, 'higher_is_better')).toBe('inconsistent');
    expect(assuranceOf(atLeast(80), limits, 'higher_is_better')).toBe('inconsistent'); // on the UCL: the better limit meets it
    expect(assuranceOf(atLeast(80.5), limits, 'higher_is_better')).toBe('fail');
  });

  it('lower is better, mirrored: pass when target ≥ UCL, fail when target < LCL', () => {
    expect(assuranceOf(atMost(80), limits, 'lower_is_better')).toBe('pass');
    expect(assuranceOf(atMost(79.5), limits, 'lower_is_better')).toBe('inconsistent');
    expect(assuranceOf(atMost(60), limits, 'lower_is_better')).toBe('inconsistent');
    expect(assuranceOf(atMost(59.5), limits, 'lower_is_better')).toBe('fail');
  });

  it('an "increase over baseline" target needs the limit strictly above it', () => {
    const above = (value: number): TargetRef => ({ value, period: '2017', rule: 'above_baseline' });
    expect(assuranceOf(above(59), limits, 'higher_is_better')).toBe('pass');
    expect(assuranceOf(above(60), limits, 'higher_is_better')).toBe('inconsistent');
    expect(assuranceOf(above(80), limits, 'higher_is_better')).toBe('fail');
  });

  it('null without a target, without limits (a run chart), or without a direction', () => {
    expect(assuranceOf(null, limits, 'higher_is_better')).toBeNull();
    expect(assuranceOf(atLeast(50), { lcl: null, ucl: null }, 'higher_is_better')).toBeNull();
    expect(assuranceOf(atLeast(50), limits, 'none')).toBeNull();
  });
});

describe('a target applies to a series of its own period kind (SPEC §13.3, §6.2)', () => {
  it('percent targets apply to every kind; count, per-1000 and DKK targets only to their own period kind', () => {
    expect(targetAppliesToKind('percent', 'month', { value: 90, period: '2017', rule: 'at_least' })).toBe(true);
    expect(targetAppliesToKind('count', 'month', { value: 120, period: '2017', rule: 'above_baseline' })).toBe(false);
    expect(targetAppliesToKind('count', 'year', { value: 120, period: '2017', rule: 'above_baseline' })).toBe(true);
    expect(targetAppliesToKind('per_1000', 'quarter', { value: 3, period: '2017-Q1', rule: 'at_most' })).toBe(true);
    expect(targetAppliesToKind('dkk_per_capita', 'month', { value: 3, period: '2017-Q1', rule: 'at_most' })).toBe(false);
    // A target without a period (a fixed value) applies to every kind; no target applies to none.
    expect(targetAppliesToKind('count', 'month', { value: 3, period: null, rule: 'at_least' })).toBe(true);
    expect(targetAppliesToKind('percent', 'month', null)).toBe(false);
  });
});

describe('assurance of a monitor series (SPEC §13.9)', () => {
  const periods = parsePeriodArguments(['2018-01..2018-12']);
  const options = (over: Partial<SeriesOptions> = {}): SeriesOptions => ({
    periods, chart: 'p', phaseStarts: [], freezeTo: null, annotations: [], ...over,
  });
  // lup-cooperation-school: percent, higher is better, target ≥ 90 (SPEC §3.2).
  const def = findIndicator('lup-cooperation-school')!;
  const result = (period: string, x: number, n: number, provisional = false): Result => ({
    indicator: def.id, aim: def.aim, unit: def.unit, direction: def.direction, period, group: {}, numerator: x, denominator: n,
    value: (x / n) * 100, ci95: null, suppressed: false, baseline: null, target: { value: 90, period: null, rule: 'at_least' },
    change: null, change_pct: null, status: 'met', target_verdict: 'met', provisional, reason: null, notes: [],
  });

  it('uses the limits of the last useful point: p chart at 96 % with n = 100 passes a target of 90', () => {
    // Twelve months of 96/100: p̄ = 0.96, s = √(0.96 · 0.04 / 100) = 0.0195959, LCL = 96 − 5.87878 =
    // 90.12122 ≥ 90 → pass. A last month of 80/100 that is provisional does not count.
    const results = periods.map((p, i) => result(p.id, i === 11 ? 80 : 96, 100, i === 11));
    const [series] = buildSeries([def], results, options());
    expect(series.points[10].lcl).toBeCloseTo(96 - 300 * Math.sqrt(0.96 * 0.04 / 100), 9);
    expect(series.assurance).toBe('pass');
    // A run chart has no limits: null.
    expect(buildSeries([def], results, options({ chart: 'run' }))[0].assurance).toBeNull();
  });

  it('fails when the upper limit lies below the target, inconsistent when the target lies between', () => {
    // 50/100 every month: s = 0.05, limits 35 … 65 → 90 > 65: fail.
    expect(buildSeries([def], periods.map((p) => result(p.id, 50, 100)), options())[0].assurance).toBe('fail');
    // 88/100: s = √(0.88 · 0.12 / 100) = 0.0324962, limits 78.25 … 97.75 → inconsistent.
    expect(buildSeries([def], periods.map((p) => result(p.id, 88, 100)), options())[0].assurance).toBe('inconsistent');
  });

  it('without a target: null (the monitoring example, rehab-contact-3-workdays)', () => {
    const rehab = findIndicator('rehab-contact-3-workdays')!;
    const results = periods.map((p) => ({ ...result(p.id, 50, 100), indicator: rehab.id, target: null }));
    expect(buildSeries([rehab], results, options())[0].assurance).toBeNull();
  });
});
