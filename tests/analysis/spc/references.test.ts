// The SPC core against published reference implementations: qicharts2's own regression
// references (anhoej/qicharts2 tests/testthat/*.rds, read with R 4.2.2's readRDS; the data
// sets from R/sysdata.rda and data/hospital_infections.rda, commit 1b9487e) and the test
// vectors of PowerBI-SPC (AUS-DOH-Safety-and-Quality/PowerBI-SPC, test/Chart Types/*.test.ts,
// commit 478773a). Their conventions match the SPEC's on these series: none has a gap, and
// both screen moving ranges ≥ 3.267 × AMR once (qicharts2 with its default option
// qic.screenedmr = TRUE, PowerBI-SPC with its default outliers_in_limits = false).

import { describe, expect, it } from 'vitest';
import { analyseSeries } from '../../../src/analysis/spc/series.js';
import type { SeriesPointInput, SeriesSpec } from '../../../src/analysis/spc/types.js';

const spec = (over: Partial<SeriesSpec> & Pick<SeriesSpec, 'chart' | 'unit'>): SeriesSpec => ({
  direction: 'none',
  phaseStarts: [],
  freezeTo: null,
  ...over,
});

/** |actual − expected| ≤ 1e-9 · |expected| */
function expectRelative(actual: number | null, expected: number, tolerance = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function countPoints(rows: ReadonlyArray<readonly [string, number, number]>, scale: number): SeriesPointInput[] {
  return rows.map(([period, numerator, denominator]) => ({ period, numerator, denominator, value: (numerator / denominator) * scale }));
}

describe('p chart: Montgomery Table 7.4 (qicharts2 tests/testthat/test_montgomery.R, tbl_7.4_1.rds)', () => {
  // qic(sample, count, size, data = tbl_07.04, chart = 'p'): 25 samples, [sample, size, count].
  const TABLE_7_4 = [
    [1, 100, 12], [2, 80, 8], [3, 80, 6], [4, 100, 9], [5, 110, 10], [6, 110, 12], [7, 100, 11],
    [8, 100, 16], [9, 90, 10], [10, 90, 6], [11, 110, 20], [12, 120, 15], [13, 120, 9], [14, 120, 8],
    [15, 110, 6], [16, 80, 8], [17, 80, 10], [18, 80, 7], [19, 90, 5], [20, 100, 8], [21, 100, 5],
    [22, 100, 8], [23, 100, 10], [24, 90, 6], [25, 90, 9],
  ] as const;
  // tbl_7.4_1.rds, as proportions: cl 0.0955102040816326 on every sample; lcl and ucl by sample size
  // (lcl 0 for n = 80 is qicharts2's clipping at 0).
  const LIMITS_BY_SIZE: Record<number, [number, number]> = {
    80: [0, 0.194093420514582],
    90: [0.00256505628040661, 0.188455351882859],
    100: [0.00733469472777307, 0.183685713435492],
    110: [0.01143815462505275, 0.179582253538213],
    120: [0.01501734492727154, 0.176003063235994],
  };
  const points = countPoints(TABLE_7_4.map(([sample, size, count]) => [String(sample), count, size] as const), 100);
  const result = analyseSeries(points, spec({ chart: 'p', unit: 'percent' }));

  it('centre line 0.0955102040816326 (× 100 in percent)', () => {
    expectRelative(result.phases[0].center, 9.55102040816326, 1e-14);
  });

  it('per-sample limits equal the reference (× 100), the n = 80 lower limit clipped to 0', () => {
    TABLE_7_4.forEach(([, size], i) => {
      const [lcl, ucl] = LIMITS_BY_SIZE[size];
      if (lcl === 0) expect(result.points[i].lcl).toBe(0);
      else expectRelative(result.points[i].lcl, lcl * 100, 1e-12);
      expectRelative(result.points[i].ucl, ucl * 100, 1e-12);
    });
  });

  it('only sample 11 (20 of 110 = 18.18 %) is outside its limits', () => {
    expect(result.phases[0].sigma_signals).toEqual(['11']);
    expect(result.points.filter((p) => p.sigma_signal)).toHaveLength(1);
  });

  it('runs as the reference: n_useful 25, longest run 5 ≤ 8, crossings 10 ≥ 8', () => {
    expect(result.phases[0].runs).toEqual({ n_useful: 25, longest_run: 5, longest_run_max: 8, crossings: 10, crossings_min: 8, signal: false });
  });
});

describe('u chart: qicharts2 hospital_infections (tests/testthat/test_hai.R, hai_1.rds)', () => {
  // summary(qic(month, n, days, data = hospital_infections, chart = 'u')): the cases and
  // risk days of all hospitals and infections summed by month (R: aggregate(cbind(n, days)
  // ~ month, hospital_infections, sum), printed with %.17g).
  const MONTHS = [
    ['2015-01', 575, 310466.83333329321], ['2015-02', 521, 282346.79166671709], ['2015-03', 585, 309089.70833330322],
    ['2015-04', 528, 287977.33333316818], ['2015-05', 507, 297743.37500002852], ['2015-06', 519, 286988.25000001001],
    ['2015-07', 457, 261120.33333336981], ['2015-08', 505, 268720.75000004529], ['2015-09', 494, 284437.87500012899],
    ['2015-10', 512, 290449.49999993952], ['2015-11', 543, 288104.45833330858], ['2015-12', 506, 279961.37499995198],
    ['2016-01', 509, 289803.95833335089], ['2016-02', 521, 275950.58333331929], ['2016-03', 549, 290824.45833333238],
    ['2016-04', 531, 285495.75000004098], ['2016-05', 509, 282515.20833329752], ['2016-06', 528, 273927.8750000195],
    ['2016-07', 419, 253085.624999983], ['2016-08', 512, 262410.7083333832], ['2016-09', 495, 275529.25000001222],
    ['2016-10', 513, 282405.08333336539], ['2016-11', 454, 259530.7916666563], ['2016-12', 490, 256235.45833330762],
  ] as const;
  // hai_1.rds: n.obs 24, n.useful 24, longest.run 4, longest.run.max 8, n.crossings 12,
  // n.crossings.min 8, runs.signal 0, aLCL 0.0015814897722766471, CL 0.0018235751654857592,
  // aUCL 0.0020656605586948716 (cases per risk day; a = the mean over the months), sigma.signal 0.
  const result = analyseSeries(countPoints(MONTHS, 1000), spec({ chart: 'u', unit: 'per_1000' }));
  const mean = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + x!, 0) / xs.length;

  it('centre line 0.0018235751654857592 per risk day = 1.8235751654857592 per 1000', () => {
    expectRelative(result.phases[0].center, 1.8235751654857592);
  });

  it('mean lower and upper limits 0.0015814897722766471 and 0.0020656605586948716 (× 1000)', () => {
    expectRelative(mean(result.points.map((p) => p.lcl)), 1.5814897722766471);
    expectRelative(mean(result.points.map((p) => p.ucl)), 2.0656605586948716);
  });

  it('runs and signals as the reference: 24 useful, longest 4 ≤ 8, crossings 12 ≥ 8, no sigma signal', () => {
    expect(result.phases[0].runs).toEqual({ n_useful: 24, longest_run: 4, longest_run_max: 8, crossings: 12, crossings_min: 8, signal: false });
    expect(result.phases[0].sigma_signals).toEqual([]);
    expect(result.signal).toBe(false);
  });
});

describe('i chart with a frozen baseline: Montgomery Example 6.5 (qicharts2 test_montgomery.R, ex_6.5_3.rds)', () => {
  // qic(weeks, cost, data = tbl_06.07, chart = 'i', freeze = 20): 40 weekly costs.
  const COST = [
    310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
    305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328,
  ];
  const points: SeriesPointInput[] = COST.map((value, i) => ({ period: String(i + 1), numerator: null, denominator: null, value }));
  const result = analyseSeries(points, spec({ chart: 'i', unit: 'count', freezeTo: 19 }));

  it('CL 300.5 and limits 279.78331466965284 … 321.21668533034716 from weeks 1–20 only', () => {
    expect(result.phases[0].center).toBe(300.5);
    for (const p of result.points) {
      expectRelative(p.lcl, 279.78331466965284, 1e-14);
      expectRelative(p.ucl, 321.21668533034716, 1e-14);
    }
    expect(result.points.map((p) => p.baseline)).toEqual(COST.map((_, i) => i < 20));
    expect(result.phases[0].frozen_to).toBe('20');
  });

  it('the runs analysis covers all 40 weeks, not only the frozen 20: n_useful 40, longest 6 ≤ 8, crossings 20 ≥ 14', () => {
    expect(result.phases[0].runs).toEqual({ n_useful: 40, longest_run: 6, longest_run_max: 8, crossings: 20, crossings_min: 14, signal: false });
  });

  it('weeks 39 and 40 (333, 328) are above the upper limit', () => {
    expect(result.phases[0].sigma_signals).toEqual(['39', '40']);
  });
});

describe("PowerBI-SPC test vectors (test/Chart Types/pprime.test.ts, uprime.test.ts, i.test.ts)", () => {
  // Their expected limits are rounded to 4 decimals and compared with toBeCloseTo(x, 4); the
  // same comparison is made here. pprime is in percent (PowerBI-SPC's multiplier 100 for
  // p charts); uprime in units per unit, so our per-1000 limits are divided by 1000.
  const keys = Array.from({ length: 20 }, (_, i) => String(i + 1));
  const numerators = [266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989];
  const denominators = [280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772];
  const rows = keys.map((k, i) => [k, numerators[i], denominators[i]] as const);

  it("Laney P′ limits equal pprime.test.ts's ul99 and ll99", () => {
    const ul99 = [96.567, 96.5753, 96.5421, 96.5326, 96.5627, 96.5775, 96.5593, 96.5345, 96.5579, 96.5623, 96.5689, 96.5591, 96.5996, 96.5961, 96.5753, 96.5877, 96.6012, 96.583, 96.5713, 96.5824];
    const ll99 = [94.013, 94.0046, 94.0378, 94.0473, 94.0173, 94.0025, 94.0207, 94.0454, 94.022, 94.0177, 94.0111, 94.0208, 93.9803, 93.9839, 94.0046, 93.9923, 93.9788, 93.9969, 94.0087, 93.9975];
    const result = analyseSeries(countPoints(rows, 100), spec({ chart: 'pp', unit: 'percent' }));
    result.points.forEach((p, i) => {
      expect(p.ucl).toBeCloseTo(ul99[i], 4);
      expect(p.lcl).toBeCloseTo(ll99[i], 4);
    });
  });

  it("Laney U′ limits equal uprime.test.ts's ul99 and ll99 (per unit = per 1000 / 1000)", () => {
    const ul99 = [0.9657, 0.9658, 0.9654, 0.9653, 0.9656, 0.9658, 0.9656, 0.9653, 0.9656, 0.9656, 0.9657, 0.9656, 0.966, 0.966, 0.9658, 0.9659, 0.966, 0.9658, 0.9657, 0.9658];
    const ll99 = [0.9401, 0.94, 0.9404, 0.9405, 0.9402, 0.94, 0.9402, 0.9405, 0.9402, 0.9402, 0.9401, 0.9402, 0.9398, 0.9398, 0.94, 0.9399, 0.9398, 0.94, 0.9401, 0.94];
    const result = analyseSeries(countPoints(rows, 1000), spec({ chart: 'up', unit: 'per_1000' }));
    result.points.forEach((p, i) => {
      expect(p.ucl! / 1000).toBeCloseTo(ul99[i], 4);
      expect(p.lcl! / 1000).toBeCloseTo(ll99[i], 4);
    });
  });

  it("i chart limits equal i.test.ts's ul99 0.0957 and ll99 0.0229 (values = numerator / denominator)", () => {
    const iNumerators = [5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8];
    const iDenominators = [113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134];
    const points: SeriesPointInput[] = iNumerators.map((x, i) => ({ period: String(i + 1), numerator: null, denominator: null, value: x / iDenominators[i] }));
    const result = analyseSeries(points, spec({ chart: 'i', unit: 'count' }));
    for (const p of result.points) {
      expect(p.ucl).toBeCloseTo(0.0957, 4);
      expect(p.lcl).toBeCloseTo(0.0229, 4);
    }
  });
});
