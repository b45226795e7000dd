// Series from compute's results, round 3 (SPEC §13.2, §13.9): the provisional flag of a point
// that compute does not list for a group, and the target of a group that the last period does
// not list.

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { buildSeries, type SeriesOptions } from '../../src/analysis/monitor.js';
import type { Result } from '../../src/contracts/report.js';
import { findIndicator } from '../../src/indicators/catalogue.js';

const periods = parsePeriodArguments(['2018-01..2018-03']);
const options = (over: Partial<SeriesOptions> = {}): SeriesOptions => ({
  periods, chart: 'run', phaseStarts: [], freezeTo: null, annotations: [], ...over,
});

function result(indicator: string, period: string, group: Result['group'], value: number | null, provisional: boolean): Result {
  const def = findIndicator(indicator)!;
  return {
    indicator, aim: def.aim, unit: def.unit, direction: def.direction, period, group, numerator: value === null ? 0 : 1,
    denominator: value === null ? 0 : 1, value, ci95: null, suppressed: false, baseline: null, target: null, change: null,
    change_pct: null, status: 'no_target', target_verdict: 'no_target', provisional, reason: null, notes: [],
  };
}

describe('provisional points of groups compute does not list (SPEC §13.2)', () => {
  it('a fixed window is the same for every group of a period: the unlisted point takes the total row\'s flag', () => {
    // rehab-contact-3-workdays: women listed in January only; March is provisional.
    const results = [
      result('rehab-contact-3-workdays', '2018-01', {}, 100, false),
      result('rehab-contact-3-workdays', '2018-01', { sex: 'F' }, 100, false),
      result('rehab-contact-3-workdays', '2018-02', {}, 100, false),
      result('rehab-contact-3-workdays', '2018-03', {}, 100, true),
    ];
    const women = buildSeries([findIndicator('rehab-contact-3-workdays')!], results, options()).find((s) => s.group.sex === 'F')!;
    expect(women.points.map((p) => [p.period, p.value, p.provisional])).toEqual([
      ['2018-01', 100, false],
      ['2018-02', null, false],
      ['2018-03', null, true],
    ]);
  });

  it('a per-referral follow-up has no unit in an unlisted group: not provisional', () => {
    const results = [
      result('rehab-timely-start', '2018-01', {}, 100, false),
      result('rehab-timely-start', '2018-01', { sex: 'F' }, 100, false),
      result('rehab-timely-start', '2018-03', {}, 100, true),
    ];
    const women = buildSeries([findIndicator('rehab-timely-start')!], results, options()).find((s) => s.group.sex === 'F')!;
    expect(women.points.map((p) => p.provisional)).toEqual([false, false, false]);
  });
});

describe('the target of a group the last period does not list (SPEC §13.9)', () => {
  // prevention-referrals: a count, target "increase over the baseline". A municipality listed in
  // January only; its baseline from baselines.csv. Monthly series, i chart over 3 months.
  const def = findIndicator('prevention-referrals')!;
  const count = (period: string, group: Result['group'], value: number): Result => ({ ...result(def.id, period, group, value, false), denominator: null, numerator: value });
  const results = [count('2018-01', {}, 10), count('2018-01', { municipality: '751' }, 10), count('2018-02', {}, 12), count('2018-03', {}, 11)];
  const row = (baselinePeriod: string) => ({ line: 2, indicator: def.id, group: { municipality: '751' }, baselinePeriod, baselineValue: -5, targetValue: null, note: null });

  it('a monthly baseline gives a target that applies; a yearly one does not (§6.2: a yearly count is no monthly target)', () => {
    // Aarhus's points 10, 0, 0: mean 10/3, ranges 10 and 0, AMR 5 (neither ≥ 3.267 · 5), σ = 5/1.128,
    // limits 3.333 ± 13.298 = −9.96 … 16.63. Target: above the baseline −5 → −9.96 does not
    // exceed it, 16.63 does: inconsistent.
    const monthly = buildSeries([def], results, options({ chart: 'i', baselineRows: [row('2017-12')] })).find((s) => s.group.municipality === '751')!;
    expect(monthly.points[2].lcl).toBeCloseTo(10 / 3 - 15 / 1.128, 9);
    expect(monthly.assurance).toBe('inconsistent');
    const yearly = buildSeries([def], results, options({ chart: 'i', baselineRows: [row('2017')] })).find((s) => s.group.municipality === '751')!;
    expect(yearly.assurance).toBeNull();
  });
});
