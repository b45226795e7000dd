// analyseSeries: phases, baselines, freeze, gaps, provisional points and the series verdict
// (SPEC §7, amended by §13.1 and §13.2), on the
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
    signal_side: string | null;
    phases: PhaseAnalysis[];
    points: ExpectedPoint[];
  }
  const fixture = new URL('../../fixtures/examples/monitoring-run-and-control-charts/expected.json', import.meta.url);
  const runs = (JSON.parse(readFileSync(fixture, 'utf8')) as { runs: { command: string; output: { series: ExpectedSeries[] } }[] }).runs;

  it('has the four runs of the README', () => {
    expect(runs.map((r) => r.output.series[0].chart)).toEqual(['run', 'p', 'p', 'run']);
  });

  describe.each(runs.map((r) => [r.command.replace(/^.*--period \S+ /, ''), r.output.series[0]] as const))('%s', (_options, expected) => {
    const phaseStarts = expected.phases.slice(1).map((phase) => expected.points.findIndex((p) => p.period === phase.from));
    // provisional comes from compute (SPEC §13.2: run 4's August 2019); the analysis takes it as given.
    const inputs: SeriesPointInput[] = expected.points.map(({ period, numerator, denominator, value, provisional }) => ({
      period,
      numerator,
      denominator,
      value,
      provisional,
    }));
    const result = analyseSeries(inputs, spec({ chart: expected.chart, unit: expected.unit, direction: expected.direction, phaseStarts }));

    it('series verdict: variation, last_side, signal, signal_side', () => {
      expect({ variation: result.variation, last_side: result.last_side, signal: result.signal, signal_side: result.signal_side }).toEqual({
        variation: expected.variation,
        last_side: expected.last_side,
        signal: expected.signal,
        signal_side: expected.signal_side,
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
      // SPEC §13.1: 0 useful points < 10 → insufficient_data.
      expect(result).toMatchObject({ variation: 'insufficient_data', last_side: 'on', signal: false, signal_side: null });
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
    // The last point ends a final run of 7 > 6 above (evidence), but 8 useful points < 10 (SPEC §13.1).
    expect(result).toMatchObject({ signal: true, last_side: 'above', signal_side: 'above', variation: 'insufficient_data' });
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
    // P6 is a sigma signal at the end (evidence above), but 4 useful points < 10 (SPEC §13.1).
    expect(result).toMatchObject({ signal: true, last_side: 'above', signal_side: 'above', variation: 'insufficient_data' });
  });

  it('a phase with one point: its own CL, no i limits, n_useful 0, and the verdict comes from it alone', () => {
    // Phase 1: 1 2 3 4 5 6 7 8 9 10 rising (i chart); phase 2: the single value 50.
    // Phase 1: mean 5.5, every range 1 → σ = 1/1.128, limits 5.5 ± 2.6596; runs − − − − − + + + + +:
    // longest 5 ≤ 6, crossings 1 < qbinom(0.05, 9, ½) = 2: runs signal in phase 1.
    // Phase 2: CL 50 = its only value → on the CL, n_useful 0; one baseline point → no limits.
    // signal looks at the last phase only: false, last_side on; n_useful 0 < 10: insufficient_data (§13.1).
    const result = analyseSeries(valued([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50]), spec({ chart: 'i', unit: 'count', phaseStarts: [10] }));
    expect(result.phases[0].runs).toMatchObject({ n_useful: 10, crossings: 1, crossings_min: 2, signal: true });
    expect(result.phases[1]).toMatchObject({ from: 'P11', to: 'P11', center: 50, sigma_signals: [] });
    expect(result.phases[1].runs.n_useful).toBe(0);
    expect(result.points[10]).toEqual({ phase: 2, baseline: true, center: 50, lcl: null, ucl: null, sigma_signal: false });
    expect(result).toMatchObject({ signal: false, variation: 'insufficient_data', last_side: 'on', signal_side: null });
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
    // Last point 15/15 = 100 is on the CL: a signal (P3) but no evidence at the end
    // (signal_side null); one useful point (P3) < 10: insufficient_data (SPEC §13.1).
    expect(p).toMatchObject({ signal: true, last_side: 'on', signal_side: null, variation: 'insufficient_data' });
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

  it('a p chart of measured values only has no CL: n_useful 0, last_side null, insufficient data', () => {
    const result = analyseSeries(valued([40, 50, 60]), spec({ chart: 'p', unit: 'percent' }));
    expect(result.phases[0]).toMatchObject({ center: null, runs: { n_useful: 0, signal: false } });
    expect(result.points.every((p) => p.center === null && !p.baseline)).toBe(true);
    expect(result).toMatchObject({ variation: 'insufficient_data', last_side: null, signal: false, signal_side: null });
  });

  // The run chart of worked example 4: a signal (the run of 9 below in 2018, one crossing), but
  // its final run of 7 above is not longer than 7: no evidence at the end (SPEC §13.1).
  const example = [60, 63.64, 55.56, 66.67, 75, 18.75, null, 70, 66.67, 75, 62.5, 63.64, 90, 83.33, 88.89, 91.67, 87.5, 81.82, 75, 90.91];
  // 1 … 16 rising: median 8.5, eight below then eight above; n_useful 16, longest_run_max
  // round(log₂ 16) + 3 = 7, the final run of 8 > 7 ends the series above: evidence above.
  const rising = Array.from({ length: 16 }, (_, i) => i + 1);

  it('variation by direction: evidence above is improvement when higher is better, concern when lower is better', () => {
    expect(analyseSeries(valued(rising), spec({ chart: 'run', unit: 'count', direction: 'higher_is_better' }))).toMatchObject({
      signal: true,
      signal_side: 'above',
      variation: 'improvement',
    });
    expect(analyseSeries(valued(rising), spec({ chart: 'run', unit: 'count', direction: 'lower_is_better' }))).toMatchObject({
      signal_side: 'above',
      variation: 'concern',
    });
  });

  it('variation for lower_is_better: evidence below the CL is improvement', () => {
    // Mirror around 0: every sign flips, the final run of 8 is below.
    const mirrored = valued(rising.map((v) => -v));
    const result = analyseSeries(mirrored, spec({ chart: 'run', unit: 'count', direction: 'lower_is_better' }));
    expect(result).toMatchObject({ signal: true, last_side: 'below', signal_side: 'below', variation: 'improvement' });
  });

  it('variation for direction none: evidence is special cause, whatever the side', () => {
    const result = analyseSeries(valued(rising), spec({ chart: 'run', unit: 'count', direction: 'none' }));
    expect(result).toMatchObject({ signal: true, last_side: 'above', signal_side: 'above', variation: 'special_cause' });
  });

  it('variation rules (SPEC §13.1): under 10 useful points insufficient data; no signal common cause; a signal without evidence special cause', () => {
    expect(variationOf(true, 'above', 'higher_is_better', 9)).toBe('insufficient_data');
    expect(variationOf(false, null, 'higher_is_better', 9)).toBe('insufficient_data');
    expect(variationOf(false, null, 'higher_is_better', 10)).toBe('common_cause');
    expect(variationOf(true, null, 'lower_is_better', 10)).toBe('special_cause');
    expect(variationOf(true, 'below', 'higher_is_better', 10)).toBe('concern');
    expect(variationOf(true, 'below', 'lower_is_better', 10)).toBe('improvement');
    expect(variationOf(true, 'below', 'none', 10)).toBe('special_cause');
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

  it('a last phase with no value: no signal there, insufficient data; last_side from the earlier phase', () => {
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
    expect(result).toMatchObject({ signal: false, variation: 'insufficient_data', last_side: 'above', signal_side: null });
  });

  it('a series without any value: insufficient data, last_side null', () => {
    const result = analyseSeries(valued([null, null]), spec({ chart: 'i', unit: 'count' }));
    expect(result).toMatchObject({ variation: 'insufficient_data', last_side: null, signal: false, signal_side: null });
    expect(result.points).toEqual(Array(2).fill({ phase: 1, baseline: false, center: null, lcl: null, ucl: null, sigma_signal: false }));
  });

  it('an empty series has no phase and no point', () => {
    expect(analyseSeries([], spec({ chart: 'run', unit: 'count' }))).toEqual({
      variation: 'insufficient_data',
      last_side: null,
      signal: false,
      signal_side: null,
      phases: [],
      points: [],
    });
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

describe('the direction of a signal: evidence at the end of the last phase (SPEC §13.1)', () => {
  // The examples' README, "Mistakes this example catches", as edge series worked by hand.

  it('the final run decides, not an earlier longer run (worked example run 1: special cause, signal_side null)', () => {
    // Example run 1's values: median 75; 2018's run of 9 below gives the signal, but the final
    // run 2019-01 … 2019-08 is 7 useful points (2019-07 on the median dropped), not > 7.
    const values = [60, 63.64, 55.56, 66.67, 75, 18.75, null, 70, 66.67, 75, 62.5, 63.64, 90, 83.33, 88.89, 91.67, 87.5, 81.82, 75, 90.91];
    const result = analyseSeries(valued(values), spec({ chart: 'run', unit: 'percent' }));
    expect(result.phases[0].runs).toMatchObject({ n_useful: 16, longest_run: 9, longest_run_max: 7, signal: true });
    // Taking the longest run's side would say below/concern; last_side would say improvement.
    expect(result).toMatchObject({ signal: true, last_side: 'above', signal_side: null, variation: 'special_cause' });
  });

  it('a final run longer than longest_run_max is evidence; one equal to it is not', () => {
    // 1 … 16: the final run of 8 > 7 → above. 1 … 14 plus 15: median 8, 1…7 below (7), 9…15
    // above (7), 8 dropped: n_useful 14, max round(log₂ 14) + 3 = 7; final run 7 = 7: no evidence;
    // crossings 1 < qbinom(0.05, 13, ½) = 4 (P(X ≤ 3) = 378/8192 = 0.046, P(X ≤ 4) = 1093/8192 =
    // 0.133): a signal all the same → special cause.
    expect(analyseSeries(valued(Array.from({ length: 16 }, (_, i) => i + 1)), spec({ chart: 'run', unit: 'count' })).signal_side).toBe('above');
    const fifteen = analyseSeries(valued(Array.from({ length: 15 }, (_, i) => i + 1)), spec({ chart: 'run', unit: 'count' }));
    expect(fifteen.phases[0].runs).toMatchObject({ n_useful: 14, longest_run: 7, longest_run_max: 7, crossings: 1, crossings_min: 4, signal: true });
    expect(fifteen).toMatchObject({ signal_side: null, variation: 'special_cause' });
  });

  it('a point on the centre line inside the final run neither counts nor breaks it', () => {
    // 1…8, 10…13, 9, 14…17 (17 values): median 9 = the 13th point, dropped. n_useful 16, max 7.
    // Final run: 10 11 12 13 (9 dropped) 14 15 16 17 = 8 > 7 → evidence above. Were the 9 a
    // break, the final run would be 4 and there would be no evidence.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 9, 14, 15, 16, 17];
    const result = analyseSeries(valued(values), spec({ chart: 'run', unit: 'count' }));
    expect(result.phases[0]).toMatchObject({ center: 9, runs: { n_useful: 16, longest_run: 8, longest_run_max: 7 } });
    expect(result).toMatchObject({ signal_side: 'above', variation: 'improvement' });
  });

  it('a sigma signal at the last point is evidence, even with a final run of one', () => {
    // i chart frozen on 9 11 9 11 9 11 9 11 9 11 9: mean 109/11 = 9.909, every range 2, σ =
    // 2/1.128, limits 9.909 ± 5.319 = 4.590 … 15.228. Then 30 > 15.228: a sigma signal. Runs over
    // the 12 values: alternating, then + for 30: longest 1, crossings 11: no runs signal. The
    // last point is the sigma signal: evidence above (higher is better → improvement).
    const base = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9];
    const result = analyseSeries(valued([...base, 30]), spec({ chart: 'i', unit: 'count', freezeTo: 10 }));
    expect(result.points[11].ucl).toBeCloseTo(109 / 11 + 6 / 1.128, 9);
    expect(result.phases[0].sigma_signals).toEqual(['P12']);
    expect(result.phases[0].runs).toMatchObject({ n_useful: 12, longest_run: 1, signal: false });
    expect(result).toMatchObject({ signal: true, signal_side: 'above', variation: 'improvement' });
    // Lower is better: the same point is a concern.
    expect(analyseSeries(valued([...base, 30]), spec({ chart: 'i', unit: 'count', freezeTo: 10, direction: 'lower_is_better' })).variation).toBe('concern');
  });

  it('a sigma signal earlier in the phase is no evidence at the end (special cause)', () => {
    // As above, then 11 (above 9.909, inside the limits): the final run 30, 11 is 2 ≤ 7
    // (round(log₂ 13) + 3), the last point is no sigma signal → signal (P12) but no evidence.
    const result = analyseSeries(valued([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 30, 11]), spec({ chart: 'i', unit: 'count', freezeTo: 10 }));
    expect(result.phases[0].sigma_signals).toEqual(['P12']);
    expect(result).toMatchObject({ signal: true, last_side: 'above', signal_side: null, variation: 'special_cause' });
  });

  it('fewer than 10 useful points in the last phase: insufficient data, the runs figures still reported', () => {
    // i chart 1 2 3 4 5 11 12 13 14: mean 65/9 = 7.222; ranges 1 1 1 1 6 1 1 1, AMR 13/8, the 6 ≥
    // 3.267 · 13/8 = 5.309 is screened → AMR 1, σ = 1/1.128, limits 7.222 ± 2.660: 14 is a sigma
    // signal (evidence above), runs − − − − − + + + +: crossings 1 < qbinom(0.05, 8, ½) = 2.
    // 9 useful → insufficient_data. With a 10th point, 15: mean 8, AMR 1 again (6 ≥ 3.267 · 14/9
    // = 5.08 screened), limits 8 ± 2.660 → 15 is a sigma signal; 10 useful → improvement.
    const nine = analyseSeries(valued([1, 2, 3, 4, 5, 11, 12, 13, 14]), spec({ chart: 'i', unit: 'count' }));
    expect(nine.phases[0].runs).toEqual({ n_useful: 9, longest_run: 5, longest_run_max: 6, crossings: 1, crossings_min: 2, signal: true });
    expect(nine).toMatchObject({ signal: true, signal_side: 'above', variation: 'insufficient_data' });
    const ten = analyseSeries(valued([1, 2, 3, 4, 5, 11, 12, 13, 14, 15]), spec({ chart: 'i', unit: 'count' }));
    expect(ten.phases[0].runs.n_useful).toBe(10);
    expect(ten).toMatchObject({ signal: true, signal_side: 'above', variation: 'improvement' });
  });

  it('the last phase decides: evidence in an earlier phase does not carry over', () => {
    // Phase 1 = 1 … 16 (evidence above at its end); phase 2 = 5 5 5 5 5 5 5 5 5 5 (all on
    // its CL 5): n_useful 0 → insufficient data, no signal, signal_side null.
    const values = [...Array.from({ length: 16 }, (_, i) => i + 1), ...Array(10).fill(5)];
    const result = analyseSeries(valued(values), spec({ chart: 'run', unit: 'count', phaseStarts: [16] }));
    expect(result.phases[0].runs.signal).toBe(true);
    expect(result).toMatchObject({ signal: false, signal_side: null, variation: 'insufficient_data' });
  });
});

describe('provisional points (SPEC §13.2): shown, but not useful', () => {
  const provisionalLast = (values: number[]): SeriesPointInput[] =>
    valued(values).map((p, i) => (i === values.length - 1 ? { ...p, provisional: true } : p));

  it('a provisional point takes no part in the centre line, limits, runs or sigma signals', () => {
    // i chart 4 6 4 6 4 6 4 6 4 6 and a provisional 100: as the ten alone — mean 5, every range
    // 2, limits 5 ± 6/1.128 = −0.319 … 10.319, n_useful 10, longest run 1. Counted, the 100
    // would pull the mean to 13.64 and lie above its limit.
    const result = analyseSeries(provisionalLast([4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 100]), spec({ chart: 'i', unit: 'count' }));
    expect(result.phases[0].center).toBe(5);
    expect(result.phases[0].runs).toMatchObject({ n_useful: 10, longest_run: 1, signal: false });
    expect(result.phases[0].sigma_signals).toEqual([]);
    expect(result.points[10]).toEqual({ phase: 1, baseline: false, center: 5, lcl: null, ucl: null, sigma_signal: false });
    expect(result.points[9].ucl).toBeCloseTo(5 + 6 / 1.128, 12);
    expect(result).toMatchObject({ signal: false, last_side: 'above', variation: 'common_cause' });
  });

  it('last_side still reads the provisional point (§7), the evidence the last point that is not provisional', () => {
    // Run chart 1 … 16 and a provisional 0: median 8.5 from the 16; last_side below (0 < 8.5);
    // the evidence is 16, the end of a final run of 8 > 7 above → improvement, signal_side above.
    const result = analyseSeries(provisionalLast([...Array.from({ length: 16 }, (_, i) => i + 1), 0]), spec({ chart: 'run', unit: 'count' }));
    expect(result.phases[0]).toMatchObject({ center: 8.5, runs: { n_useful: 16, longest_run: 8 } });
    expect(result).toMatchObject({ last_side: 'below', signal_side: 'above', variation: 'improvement' });
  });
});
