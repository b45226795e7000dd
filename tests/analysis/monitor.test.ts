// Series from compute's results (SPEC §7 "Series"): which series exist, what a period that
// does not list a group becomes, the order of series, and where annotations attach.

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { buildSeries, type SeriesOptions } from '../../src/analysis/monitor.js';
import type { Result } from '../../src/contracts/report.js';
import { findIndicator } from '../../src/indicators/catalogue.js';
import { day } from '../helpers/records.js';

const periods = parsePeriodArguments(['2018-01..2018-03']);
const options = (over: Partial<SeriesOptions> = {}): SeriesOptions => ({
  periods, chart: 'run', phaseStarts: [], freezeTo: null, annotations: [], ...over,
});

function result(indicator: string, period: string, group: Result['group'], numerator: number | null, denominator: number | null, value: number | null): Result {
  const def = findIndicator(indicator)!;
  return {
    indicator, aim: def.aim, unit: def.unit, direction: def.direction, period, group, numerator, denominator, value, ci95: null,
    suppressed: false, baseline: null, target: null, change: null, change_pct: null, status: 'no_target', target_verdict: 'no_target', provisional: false, reason: null, notes: [],
  };
}

const count = findIndicator('prevention-referrals')!;
const percent = findIndicator('rehab-contact-3-workdays')!;

describe('series from results (SPEC §7)', () => {
  it('a group listed in one period only is a series; elsewhere a count is a real 0', () => {
    const results = [
      result('prevention-referrals', '2018-01', {}, 4, null, 4),
      result('prevention-referrals', '2018-01', { municipality: '751' }, 4, null, 4),
      result('prevention-referrals', '2018-02', {}, 0, null, 0),
      result('prevention-referrals', '2018-03', {}, 2, null, 2),
    ];
    const [total, aarhus] = buildSeries([count], results, options());
    expect(total.group).toEqual({});
    expect(aarhus.group).toEqual({ municipality: '751' });
    expect(aarhus.points.map((p) => [p.period, p.numerator, p.denominator, p.value])).toEqual([
      ['2018-01', 4, null, 4],
      ['2018-02', 0, null, 0],
      ['2018-03', 0, null, 0],
    ]);
    // The zeros are values: the run chart's median of 4, 0, 0 is 0.
    expect(aarhus.phases[0].center).toBe(0);
  });

  it('for percent, rate and DKK indicators an unlisted period is a gap with numerator 0 and denominator 0', () => {
    const results = [
      result('rehab-contact-3-workdays', '2018-01', {}, 1, 2, 50),
      result('rehab-contact-3-workdays', '2018-01', { sex: 'F' }, 1, 2, 50),
      result('rehab-contact-3-workdays', '2018-03', {}, 3, 4, 75),
    ];
    const women = buildSeries([percent], results, options()).find((s) => s.group.sex === 'F')!;
    expect(women.points.map((p) => [p.numerator, p.denominator, p.value, p.baseline])).toEqual([
      [1, 2, 50, true],
      [0, 0, null, false],
      [0, 0, null, false],
    ]);
  });

  it('series come total first, then groups by their values, per indicator in the order given', () => {
    const results = [
      result('rehab-contact-3-workdays', '2018-01', {}, 1, 2, 50),
      result('rehab-contact-3-workdays', '2018-01', { municipality: '751' }, 1, 1, 100),
      result('rehab-contact-3-workdays', '2018-02', { municipality: '657' }, 0, 1, 0),
      result('prevention-referrals', '2018-01', {}, 1, null, 1),
    ];
    const series = buildSeries([count, percent], results, options());
    expect(series.map((s) => [s.indicator, s.group.municipality ?? 'total'])).toEqual([
      ['prevention-referrals', 'total'],
      ['rehab-contact-3-workdays', 'total'],
      ['rehab-contact-3-workdays', '657'],
      ['rehab-contact-3-workdays', '751'],
    ]);
  });

  it('an annotation attaches to the point whose period contains it, of its indicator and group, or of all when left empty', () => {
    const results = [
      result('prevention-referrals', '2018-02', {}, 1, null, 1),
      result('prevention-referrals', '2018-02', { municipality: '751' }, 1, null, 1),
    ];
    const series = buildSeries([count], results, options({
      annotations: [
        { from: day('2018-02-01'), text: 'new booking system', indicator: null, group: null },
        { from: day('2018-02-15'), text: 'Aarhus campaign', indicator: 'prevention-referrals', group: { municipality: '751' } },
        { from: day('2018-03-01'), text: 'other indicator', indicator: 'readmission-30d', group: null },
      ],
    }));
    expect(series.map((s) => s.points.map((p) => p.annotation))).toEqual([
      [null, 'new booking system', null],
      [null, 'new booking system; Aarhus campaign', null],
    ]);
  });

  it('a chart that does not fit the unit falls back to a run chart with a note', () => {
    const [s] = buildSeries([count], [result('prevention-referrals', '2018-01', {}, 1, null, 1)], options({ chart: 'p' }));
    expect(s.chart).toBe('run');
    expect(s.notes).toEqual(['--chart p fits only percent indicators, not count: shown as a run chart']);
  });
});
