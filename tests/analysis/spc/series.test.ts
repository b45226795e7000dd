// analyseSeries: phases, baselines, freeze, gaps and the series verdict (SPEC §7), on the
// shared worked example (examples/monitoring-run-and-control-charts, copied to
// tests/fixtures/examples/monitoring-run-and-control-charts/expected.json) and on hand-worked edge series.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSeries, variationOf } from '../../../src/analysis/spc/series.js';
import type { PhaseAnalysis, PointAnalysis, SeriesPointInput, SeriesSpec } from '../../../src/analysis/spc/types.js';

const spec = (over: Partial<SeriesSpec> & Pick<SeriesSpec, 'chart' | 'unit'>): SeriesSpec => ({
  direction: 'higher_is_better',
  phaseStarts: [],
  freezeTo: null,
  ...over,
});

/** Points from values alone (a measured series, or any series for run and i charts). */
const valued = (values: (number | null)[]): SeriesPointInput[] =>
  values.map((value, i) => ({ period: `P${i + 1}`, numerator: null, denominator: null, value }));

/** Percent points from [x, n] pairs; null is a gap (compute's 0/0). */
const percent = (pairs: ([number, number] | null)[]): SeriesPointInput[] =>
  pairs.map((pair, i) =>
    pair === null
      ? { period: `P${i + 1}`, numerator: 0, denominator: 0, value: null }
      : { period: `P${i + 1}`, numerator: pair[0], denominator: pair[1], value: (pair[0] / pair[1]) * 100 },
  );

function closeOrNull(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  }
}

describe('worked example 4: run chart, p chart and a new phase (examples/monitoring-run-and-control-charts)', () => {
  interface ExpectedPoint extends PointAnalysis, SeriesPointInput {}
  interface ExpectedSeries {
    chart: SeriesSpec['chart'];
    unit: SeriesSpec['unit'];
    direction: SeriesSpec['direction'];
    variation: string;
    last_side: string | null;
    signal: boolean;
    phases: PhaseAnalysis[];
    points: ExpectedPoint[];
  }
  const fixture = new URL('../../fixtures/examples/monitoring-run-and-control-charts/expected.json', import.meta.url);
  const runs = (JSON.parse(readFileSync(fixture, 'utf8')) as { runs: { command: string; output: { series: ExpectedSeries[] } }[] }).runs;

  it('has the three runs of the README', () => {
    expect(runs.map((r) => r.output.series[0].chart)).toEqual(['run', 'p', 'p']);
  });

  describe.each(runs.map((r) => [r.command.replace(/^.*--period \S+ /, ''), r.output.series[0]] as const))('%s', (_options, expected) => {
    const phaseStarts = expected.phases.slice(1).map((phase) => expected.points.findIndex((p) => p.period === phase.from));
    const inputs: SeriesPointInput[] = expected.points.map(({ period, numerator, denominator, value }) => ({ period, numerator, denominator, value }));
    const result = analyseSeries(inputs, spec({ chart: expected.chart, unit: expected.unit, direction: expected.direction, phaseStarts }));

    it('series verdict: variation, last_side, signal', () => {
      expect({ variation: result.variation, last_side: result.last_side, signal: result.signal }).toEqual({
        variation: expected.variation,
        last_side: expected.last_side,
        signal: expected.signal,
      });
    });

    it('phases: from, to, frozen_to, center, runs, sigma_signals', () => {
      expect(result.phases).toHaveLength(expected.phases.length);
      result.phases.forEach((phase, k) => {
        const { center, ...rest } = expected.phases[k];
        const { center: actualCenter, ...actualRest } = phase;
        closeOrNull(actualCenter, center);
        expect(actualRest).toEqual(rest);
      });
    });

    it.each(expected.points.map((p, i) => [p.period, i] as const))('point %s', (_period, i) => {
      const e = expected.points[i];
      const a = result.points[i];
      expect({ phase: a.phase, baseline: a.baseline, sigma_signal: a.sigma_signal }).toEqual({
        phase: e.phase,
        baseline: e.baseline,
        sigma_signal: e.sigma_signal,
      });
      closeOrNull(a.center, e.center);
      closeOrNull(a.lcl, e.lcl);
      closeOrNull(a.ucl, e.ucl);
    });
  });
});

describe('edge series (SPEC §7), each worked by hand', () => {
  it('points on the centre line are dropped from the runs analysis but stay baseline points', () => {
    // 1 2 2 2 3: median 2; the three 2s are on the CL → n_useful 2 (− +), longest 1,
    // crossings 1; max round(log₂ 2) + 3 = 4, min qbinom(0.05, 1, ½) = 0.
    const result = analyseSeries(valued([1, 2, 2, 2, 3]), spec({ chart: 'run', unit: 'count' }));
    expect(result.phases[0].center).toBe(2);
    expect(result.phases[0].runs).toEqual({ n_useful: 2, longest_run: 1, longest_run_max: 4, crossings: 1, crossings_min: 0, signal: false });
    expect(result.points.every((p) => p.baseline)).toBe(true);
  });

  it('a gap is out of the centre line, limits and runs; it keeps the phase CL, lcl/ucl null, baseline and sigma_signal false', () => {
    // i chart 2, 4, gap, 6: as 2, 4, 6 (mean 4, ranges 2 and 2 across the gap, σ = 2/1.128).
    const result = analyseSeries(valued([2, 4, null, 6]), spec({ chart: 'i', unit: 'count' }));
    expect(result.points[2]).toEqual({ phase: 1, baseline: false, center: 4, lcl: null, ucl: null, sigma_signal: false });
    expect(result.points[3].ucl).toBeCloseTo(4 + 6 / 1.128, 12);
    // Runs over 2, 4, 6 against 4: 4 is on the CL → − +: n_useful 2.
    expect(result.phases[0].runs.n_useful).toBe(2);
  });

  it('Laney P′ moving ranges run over a gap (consecutive baseline points), unlike qicharts2', () => {
    // 50/100, 60/100, gap, 45/100, 45/100: p̄ = 0.5, s = 0.05, z = 0, 2, −1, −1. SPEC: ranges
    // 2, 3, 0 (the 60 → 45 pair across the gap counts), AMR 5/3, σ_z = 1.4775414, limits
    // 50 ± 3 · 0.05 · 1.4775414 · 100 = 27.836879 … 72.163121. qicharts2 drops the ranges
    // next to the gap: 2 and 0, AMR 1, σ_z 0.886525, limits 36.70 … 63.30 — not the SPEC's.
    const result = analyseSeries(percent([[50, 100], [60, 100], null, [45, 100], [45, 100]]), spec({ chart: 'pp', unit: 'percent' }));
    for (const i of [0, 1, 3, 4]) {
      expect(result.points[i].lcl).toBeCloseTo(27.836879, 6);
      expect(result.points[i].ucl).toBeCloseTo(72.163121, 6);
    }
    expect(result.points[2]).toMatchObject({ baseline: false, center: 50, lcl: null, ucl: null });
  });

  it('n = 1: the single point is its own CL, so it is dropped: n_useful 0, no signal, last_side on', () => {
    // Run chart: the median of one value is that value; p chart: CL = 3/4 × 100 = 75 =
    // the value; i chart: the mean. |v − CL| = 0 → dropped → n_useful 0, all four figures
    // null. i chart: one baseline point → no limits; p chart: limits at n = 4, 75 ± 3 ·
    // √(0.1875/4) · 100 = 75 ± 64.95 → 10.05 … 100.
    const none = { n_useful: 0, longest_run: null, longest_run_max: null, crossings: null, crossings_min: null, signal: false };
    for (const [chart, points] of [['run', valued([75])], ['i', valued([75])], ['p', percent([[3, 4]])]] as const) {
      const result = analyseSeries(points, spec({ chart, unit: 'percent' }));
      expect(result.phases).toEqual([{ from: 'P1', to: 'P1', frozen_to: null, center: 75, runs: none, sigma_signals: [] }]);
      expect(result).toMatchObject({ variation: 'common_cause', last_side: 'on', signal: false });
    }
    expect(analyseSeries(valued([75]), spec({ chart: 'i', unit: 'count' })).points[0]).toMatchObject({ lcl: null, ucl: null });
    expect(analyseSeries(percent([[3, 4]]), spec({ chart: 'p', unit: 'percent' })).points[0].lcl).toBeCloseTo(75 - 300 * Math.sqrt(0.1875 / 4), 9);
  });

  it('a frozen baseline shorter than the phase: CL from the frozen points, runs over the whole phase', () => {
    // 1 2 3 | 10 10 10 10 10 10, --freeze at the 3rd point: CL = median(1, 2, 3) = 2. Runs
    // over all nine values (SPEC: "over all the phase's points with a value"): 2 is on the
    // CL, signs − + + + + + + + → n_useful 8, longest 7 > round(log₂ 8) + 3 = 6: signal;
    // crossings 1, min qbinom(0.05, 7, ½) = 1. Over the frozen points alone n_useful would be 2.
    const result = analyseSeries(valued([1, 2, 3, 10, 10, 10, 10, 10, 10]), spec({ chart: 'run', unit: 'count', freezeTo: 2 }));
    expect(result.phases[0]).toMatchObject({ frozen_to: 'P3', center: 2 });
    expect(result.phases[0].runs).toEqual({ n_useful: 8, longest_run: 7, longest_run_max: 6, crossings: 1, crossings_min: 1, signal: true });
    expect(result.points.map((p) => p.baseline)).toEqual([true, true, true, false, false, false, false, false, false]);
    expect(result.points.every((p) => p.center === 2)).toBe(true);
    expect(result).toMatchObject({ signal: true, last_side: 'above', variation: 'improvement' });
  });

  it('a frozen p chart gives later points limits from their own denominators; a point on a limit is no signal', () => {
    // Baseline 5/10, 5/10 (freeze at the 2nd): p̄ = 0.5, CL 50. Later points:
    // 9/10 = 90: 50 ± 300 · √(0.25/10) = 50 ± 47.434 → 2.566 … 97.434, inside;
    // 10/25 = 40 and 20/25 = 80: 50 ± 300 · √(0.25/25) = 50 ± 30 → 20 … 80; 80 is on the ucl;
    // 21/25 = 84 > 80: sigma signal. Runs: 50 50 (on CL) 90 40 80 84 → + − + +: n_useful 4,
    // longest 2 ≤ 5, crossings 2 ≥ qbinom(0.05, 3, ½) = 0.
    const points = percent([[5, 10], [5, 10], [9, 10], [10, 25], [20, 25], [21, 25]]);
    points[4].value = 80; // exactly the upper limit, as 20/25 × 100 is meant
    const result = analyseSeries(points, spec({ chart: 'p', unit: 'percent', freezeTo: 1 }));
    expect(result.points.map((p) => p.baseline)).toEqual([true, true, false, false, false, false]);
    expect(result.points[2].lcl).toBeCloseTo(50 - 150 / Math.sqrt(10), 9);
    expect(result.points[4]).toMatchObject({ lcl: 20, ucl: 80, sigma_signal: false });
    expect(result.phases[0].sigma_signals).toEqual(['P6']);
    expect(result.phases[0].runs).toMatchObject({ n_useful: 4, longest_run: 2, crossings: 2, signal: false });
    expect(result).toMatchObject({ signal: true, last_side: 'above', variation: 'improvement' });
  });

  it('a phase with one point: its own CL, no i limits, n_useful 0, and the verdict comes from it alone', () => {
    // Phase 1: 1 2 3 4 5 6 7 8 9 10 rising (i chart); phase 2: the single value 50.
    // Phase 1: mean 5.5, every range 1 → σ = 1/1.128, limits 5.5 ± 2.6596; runs − − − − − + + + + +:
    // longest 5 ≤ 6, crossings 1 < qbinom(0.05, 9, ½) = 2: runs signal in phase 1.
    // Phase 2: CL 50 = its only value → on the CL, n_useful 0; one baseline point → no limits.
    // signal looks at the last phase only: false, common_cause, last_side on.
    const result = analyseSeries(valued([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50]), spec({ chart: 'i', unit: 'count', phaseStarts: [10] }));
    expect(result.phases[0].runs).toMatchObject({ n_useful: 10, crossings: 1, crossings_min: 2, signal: true });
    expect(result.phases[1]).toMatchObject({ from: 'P11', to: 'P11', center: 50, sigma_signals: [] });
    expect(result.phases[1].runs.n_useful).toBe(0);
    expect(result.points[10]).toEqual({ phase: 2, baseline: true, center: 50, lcl: null, ucl: null, sigma_signal: false });
    expect(result).toMatchObject({ signal: false, variation: 'common_cause', last_side: 'on' });
  });

  it('a constant baseline: pp, up and i limits are null, so nothing is a sigma signal', () => {
    // Frozen on the first four points. i: 5 5 5 5 → every range 0, none left after screening.
    const i = analyseSeries(valued([5, 5, 5, 5, 9]), spec({ chart: 'i', unit: 'count', freezeTo: 3 }));
    expect(i.points.map((p) => [p.lcl, p.ucl, p.sigma_signal])).toEqual(Array(5).fill([null, null, false]));
    expect(i.phases[0].center).toBe(5);
    // pp: 3/10, 6/20, 9/30, 30/100 (all 30 %) then 90/100; up: 10/1000, 20/2000, 5/500, 1/100 then 90/1000.
    const pp = analyseSeries(percent([[3, 10], [6, 20], [9, 30], [30, 100], [90, 100]]), spec({ chart: 'pp', unit: 'percent', freezeTo: 3 }));
    expect(pp.points.every((p) => p.lcl === null && p.ucl === null && !p.sigma_signal)).toBe(true);
    const rates: [number, number][] = [[10, 1000], [20, 2000], [5, 500], [1, 100], [90, 1000]];
    const upPoints = rates.map(([x, n], k) => ({ period: `P${k + 1}`, numerator: x, denominator: n, value: (x / n) * 1000 }));
    const up = analyseSeries(upPoints, spec({ chart: 'up', unit: 'per_1000', freezeTo: 3 }));
    expect(up.points.every((p) => p.lcl === null && p.ucl === null && !p.sigma_signal)).toBe(true);
    expect(up.phases[0].center).toBeCloseTo(10, 12);
  });

  it('p̄ = 0: p limits equal the CL, so any other value is a sigma signal; pp limits are null', () => {
    // Baseline 0/10, 0/20 (frozen) → CL 0, limits 0 … 0; later 1/10 = 10 > 0: signal; 0/15 = 0: none.
    const points = percent([[0, 10], [0, 20], [1, 10], [0, 15]]);
    const p = analyseSeries(points, spec({ chart: 'p', unit: 'percent', freezeTo: 1 }));
    expect(p.points.map((q) => [q.lcl, q.ucl, q.sigma_signal])).toEqual([[0, 0, false], [0, 0, false], [0, 0, true], [0, 0, false]]);
    expect(p.phases[0].sigma_signals).toEqual(['P3']);
    const pp = analyseSeries(points, spec({ chart: 'pp', unit: 'percent', freezeTo: 1 }));
    expect(pp.points.every((q) => q.lcl === null && q.ucl === null && !q.sigma_signal)).toBe(true);
    expect(pp.phases[0].center).toBe(0);
  });

  it('p̄ = 1: p limits equal the CL 100; a lower value is a sigma signal below', () => {
    const points = percent([[10, 10], [20, 20], [9, 10], [15, 15]]);
    const p = analyseSeries(points, spec({ chart: 'p', unit: 'percent', freezeTo: 1 }));
    expect(p.points.map((q) => [q.lcl, q.ucl, q.sigma_signal])).toEqual([[100, 100, false], [100, 100, false], [100, 100, true], [100, 100, false]]);
    // Last point 15/15 = 100 is on the CL: a signal (P3) with last_side on is special cause.
    expect(p).toMatchObject({ signal: true, last_side: 'on', variation: 'special_cause' });
    expect(analyseSeries(points, spec({ chart: 'pp', unit: 'percent', freezeTo: 1 })).points[2].ucl).toBeNull();
  });

  it('ū = 0: u limits equal the CL 0; up limits are null', () => {
    const points: SeriesPointInput[] = [[0, 1000], [0, 2000], [1, 1000]].map(([x, n], k) => ({ period: `P${k + 1}`, numerator: x, denominator: n, value: (x / n) * 1000 }));
    const u = analyseSeries(points, spec({ chart: 'u', unit: 'per_1000', freezeTo: 1 }));
    expect(u.points[2]).toMatchObject({ lcl: 0, ucl: 0, sigma_signal: true });
    const up = analyseSeries(points, spec({ chart: 'up', unit: 'per_1000', freezeTo: 1 }));
    expect(up.points[2]).toMatchObject({ lcl: null, ucl: null, sigma_signal: false });
  });

  it('a measured value without numerator and denominator in a p chart: in the runs, not in the CL or limits', () => {
    // 5/10 = 50, a measured 80 alone, 7/10 = 70: CL = (5 + 7)/(10 + 10) = 60 %. The 80 is not
    // a baseline point, has no limits and no sigma signal, but its sign counts: − + +,
    // n_useful 3, longest 2, crossings 1; max round(log₂ 3 = 1.58) + 3 = 5, min qbinom(0.05, 2, ½) = 0.
    const points = percent([[5, 10], [7, 10], [7, 10]]);
    points[1] = { period: 'P2', numerator: null, denominator: null, value: 80 };
    const result = analyseSeries(points, spec({ chart: 'p', unit: 'percent' }));
    expect(result.phases[0].center).toBeCloseTo(60, 12);
    expect(result.points[1]).toEqual({ phase: 1, baseline: false, center: result.phases[0].center, lcl: null, ucl: null, sigma_signal: false });
    expect(result.points[0].lcl).not.toBeNull();
    expect(result.phases[0].runs).toEqual({ n_useful: 3, longest_run: 2, longest_run_max: 5, crossings: 1, crossings_min: 0, signal: false });
    // In a run chart the same point is a baseline point: median(50, 80, 70) = 70.
    const run = analyseSeries(points, spec({ chart: 'run', unit: 'percent' }));
    expect(run.points[1].baseline).toBe(true);
    expect(run.phases[0].center).toBe(70);
  });

  it('a p chart of measured values only has no CL: n_useful 0, last_side null, common cause', () => {
    const result = analyseSeries(valued([40, 50, 60]), spec({ chart: 'p', unit: 'percent' }));
    expect(result.phases[0]).toMatchObject({ center: null, runs: { n_useful: 0, signal: false } });
    expect(result.points.every((p) => p.center === null && !p.baseline)).toBe(true);
    expect(result).toMatchObject({ variation: 'common_cause', last_side: null, signal: false });
  });

  // The run chart of worked example 4 has a signal and ends above its CL (2019-08: 90.91 > 75).
  const example = [60, 63.64, 55.56, 66.67, 75, 18.75, null, 70, 66.67, 75, 62.5, 63.64, 90, 83.33, 88.89, 91.67, 87.5, 81.82, 75, 90.91];

  it('variation by direction: a signal above the CL is improvement when higher is better, concern when lower is better', () => {
    expect(analyseSeries(valued(example), spec({ chart: 'run', unit: 'percent', direction: 'higher_is_better' })).variation).toBe('improvement');
    expect(analyseSeries(valued(example), spec({ chart: 'run', unit: 'percent', direction: 'lower_is_better' })).variation).toBe('concern');
  });

  it('variation for lower_is_better: a signal below the CL is improvement', () => {
    // Mirror the example around 0: every sign flips, the last point is below, the signal stays.
    const mirrored = valued(example.map((v) => (v === null ? null : -v)));
    const result = analyseSeries(mirrored, spec({ chart: 'run', unit: 'count', direction: 'lower_is_better' }));
    expect(result).toMatchObject({ signal: true, last_side: 'below', variation: 'improvement' });
  });

  it('variation for direction none: a signal is special cause, whatever the side', () => {
    const result = analyseSeries(valued(example), spec({ chart: 'run', unit: 'percent', direction: 'none' }));
    expect(result).toMatchObject({ signal: true, last_side: 'above', variation: 'special_cause' });
  });

  it('variation rules: no signal is common cause; a signal on the CL or without a side is special cause', () => {
    expect(variationOf(false, 'above', 'higher_is_better')).toBe('common_cause');
    expect(variationOf(true, 'on', 'higher_is_better')).toBe('special_cause');
    expect(variationOf(true, null, 'lower_is_better')).toBe('special_cause');
    expect(variationOf(true, 'below', 'higher_is_better')).toBe('concern');
  });

  it('last_side is taken at the last point with a value, skipping trailing gaps', () => {
    // 1 … 10 rising then two gaps: median 5.5, the last value 10 is above.
    const result = analyseSeries(valued([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, null]), spec({ chart: 'run', unit: 'count' }));
    expect(result.last_side).toBe('above');
    expect(result.points[11]).toMatchObject({ center: 5.5, baseline: false, lcl: null });
  });

  it('last_side is on when the last value equals the CL within the runs tolerance 1e-9 · max(|v|, |CL|)', () => {
    // i chart 1, 3, 2 + 3e-12: mean (6 + 3e-12)/3 = 2 + 1e-12; the last value differs from it by
    // about 2e-12 ≤ 1e-9 · 2: on the CL (and dropped from the runs: n_useful 2), not above.
    const result = analyseSeries(valued([1, 3, 2 + 3e-12]), spec({ chart: 'i', unit: 'count' }));
    expect(result.phases[0].center).not.toBe(2 + 3e-12);
    expect(result.last_side).toBe('on');
    expect(result.phases[0].runs.n_useful).toBe(2);
  });

  it('a last phase with no value: no signal there, common cause; last_side from the earlier phase', () => {
    // Phase 1 = the example's run chart (a signal); phase 2 = two gaps.
    const result = analyseSeries(valued([...example, null, null]), spec({ chart: 'run', unit: 'percent', phaseStarts: [20] }));
    expect(result.phases[0].runs.signal).toBe(true);
    expect(result.phases[1]).toEqual({
      from: 'P21',
      to: 'P22',
      frozen_to: null,
      center: null,
      runs: { n_useful: 0, longest_run: null, longest_run_max: null, crossings: null, crossings_min: null, signal: false },
      sigma_signals: [],
    });
    expect(result).toMatchObject({ signal: false, variation: 'common_cause', last_side: 'above' });
  });

  it('a series without any value: common cause, last_side null', () => {
    const result = analyseSeries(valued([null, null]), spec({ chart: 'i', unit: 'count' }));
    expect(result).toMatchObject({ variation: 'common_cause', last_side: null, signal: false });
    expect(result.points).toEqual(Array(2).fill({ phase: 1, baseline: false, center: null, lcl: null, ucl: null, sigma_signal: false }));
  });

  it('an empty series has no phase and no point', () => {
    expect(analyseSeries([], spec({ chart: 'run', unit: 'count' }))).toEqual({ variation: 'common_cause', last_side: null, signal: false, phases: [], points: [] });
  });

  it('refuses a chart that does not fit the unit, bad phase starts, a freeze outside phase 1 and non-finite values', () => {
    const points = valued([1, 2, 3, 4]);
    expect(() => analyseSeries(points, spec({ chart: 'p', unit: 'count' }))).toThrow(/chart p does not fit unit count/);
    expect(() => analyseSeries(points, spec({ chart: 'run', unit: 'count', phaseStarts: [0] }))).toThrow(/phase starts/);
    expect(() => analyseSeries(points, spec({ chart: 'run', unit: 'count', phaseStarts: [2, 2] }))).toThrow(/phase starts/);
    expect(() => analyseSeries(points, spec({ chart: 'run', unit: 'count', phaseStarts: [4] }))).toThrow(/phase starts/);
    expect(() => analyseSeries(points, spec({ chart: 'run', unit: 'count', phaseStarts: [2], freezeTo: 2 }))).toThrow(/first phase/);
    expect(() => analyseSeries(valued([1, Number.NaN]), spec({ chart: 'run', unit: 'count' }))).toThrow(/P2 must be a finite number/);
  });
});
