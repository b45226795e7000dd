// The per-chart building blocks of SPEC §7 "Control charts", each rule worked by hand.

import { describe, expect, it } from 'vitest';
import { iChart } from '../../../src/analysis/spc/i.js';
import { laneySigmaZ, pPrimeChart, uPrimeChart } from '../../../src/analysis/spc/laney.js';
import { isOutsideLimits, limitsAt, NO_CHART, screenedAverageMovingRange, type Counts } from '../../../src/analysis/spc/limits.js';
import { pChart, pooledProportion } from '../../../src/analysis/spc/p.js';
import { median, runChart } from '../../../src/analysis/spc/run.js';
import { pooledRate, uChart } from '../../../src/analysis/spc/u.js';

const counts = (...pairs: [number, number][]): Counts[] => pairs.map(([numerator, denominator]) => ({ numerator, denominator }));

describe('run chart: CL = median of the baseline values, no limits', () => {
  it('median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([-1, -10, 100])).toBe(-1); // numeric, not lexicographic, order
  });

  it('has a centre line and never limits', () => {
    const chart = runChart([60, 75, 90]);
    expect(chart.center).toBe(75);
    expect(limitsAt(chart, null)).toBeNull();
    expect(limitsAt(chart, 10)).toBeNull();
  });

  it('without a baseline value there is no centre line', () => {
    expect(runChart([])).toEqual(NO_CHART);
  });
});

describe('screened average moving range (SPEC §7; Nelson 1982)', () => {
  it('drops ranges ≥ 3.267 × AMR and recomputes: 1 1 1 1 20 → AMR 4.8, screen 15.68, AMR 1', () => {
    // [10, 11, 10, 11, 10, 30]: ranges 1, 1, 1, 1, 20; AMR = 24/5 = 4.8; 3.267 × 4.8 = 15.6816 → 20 dropped → 4/4 = 1.
    expect(screenedAverageMovingRange([10, 11, 10, 11, 10, 30])).toBe(1);
  });

  it('a range exactly equal to 3.267 × AMR is dropped (≥, not >)', () => {
    // [0, 3267, 3023, 3267, 3022]: ranges 3267, 244, 244, 245, sum 4000, AMR 1000, screen
    // 3.267 × 1000 = 3267 (exact in binary floating point) → 3267 dropped → 733/3.
    expect(3.267 * 1000).toBe(3267);
    expect(screenedAverageMovingRange([0, 3267, 3023, 3267, 3022])).toBeCloseTo(733 / 3, 12);
  });

  it('screens once, not until nothing more is dropped', () => {
    // [0 … 9, 19, 119]: ranges 1 (×9), 10, 100; AMR 119/11 = 10.82, screen 35.34 → 100 dropped;
    // AMR (9 + 10)/10 = 1.9. A second pass (screen 6.21) would drop the 10 as well and give 1.
    expect(screenedAverageMovingRange([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 119])).toBeCloseTo(1.9, 12);
  });

  it('is null for fewer than two values and for a constant sequence (every range 0 ≥ 3.267 × 0)', () => {
    expect(screenedAverageMovingRange([])).toBeNull();
    expect(screenedAverageMovingRange([5])).toBeNull();
    expect(screenedAverageMovingRange([5, 5, 5])).toBeNull();
    expect(screenedAverageMovingRange([1, 3])).toBe(2); // one range 2 < 6.534: kept
  });
});

describe('p chart (percent)', () => {
  it('CL = Σx/Σn × 100; limits CL ± 3√(p̄(1 − p̄)/n_i) × 100 per point', () => {
    // 5/10 + 5/10: p̄ = 0.5, √(0.25/25) = 0.1 → at n = 25: 50 ± 30 = 20 … 80.
    const chart = pChart(counts([5, 10], [5, 10]));
    expect(chart.center).toBe(50);
    expect(limitsAt(chart, 25)).toEqual({ lcl: 20, ucl: 80 });
  });

  it('clips limits to [0, 100]', () => {
    // At n = 4: √(0.25/4) = 0.25 → 50 ± 75 → −25 … 125 → 0 … 100.
    expect(limitsAt(pChart(counts([5, 10], [5, 10])), 4)).toEqual({ lcl: 0, ucl: 100 });
  });

  it('a point without a denominator gets no limits', () => {
    expect(limitsAt(pChart(counts([5, 10])), null)).toBeNull();
  });

  it('p̄ = 0 and p̄ = 1: the limits equal the CL', () => {
    expect(limitsAt(pChart(counts([0, 10], [0, 20])), 10)).toEqual({ lcl: 0, ucl: 0 });
    expect(limitsAt(pChart(counts([10, 10], [20, 20])), 10)).toEqual({ lcl: 100, ucl: 100 });
  });

  it('a constant baseline proportion away from 0 and 1 still has limits', () => {
    // 3/10, 6/20: p̄ = 9/30 = 0.3, at n = 10: √(0.21/10) = 0.144914 → 30 ± 43.474 → 0 … 73.474.
    const limits = limitsAt(pChart(counts([3, 10], [6, 20])), 10)!;
    expect(limits.lcl).toBe(0);
    expect(limits.ucl).toBeCloseTo(30 + 300 * Math.sqrt(0.021), 9);
  });

  it('no baseline point: no CL, no limits', () => {
    expect(pChart([])).toEqual(NO_CHART);
  });

  it('refuses a numerator above its denominator', () => {
    expect(() => pooledProportion(counts([11, 10]))).toThrow(/numerator ≤ denominator/);
  });
});

describe('u chart (per 1000)', () => {
  it('CL = Σ events / Σ population × 1000; limits CL ± 3√(ū/n_i) × 1000, the lower clipped at 0', () => {
    // 4/1000 + 6/1000: ū = 10/2000 = 0.005 → CL 5.
    // n = 2000: √(0.005/2000) = 0.00158114 → ± 4.74342 → 0.25658 … 9.74342.
    // n = 500: √(0.005/500) = 0.00316228 → ± 9.48683 → −4.48683 → 0 … 14.48683.
    const chart = uChart(counts([4, 1000], [6, 1000]));
    expect(chart.center).toBeCloseTo(5, 12);
    const at2000 = limitsAt(chart, 2000)!;
    expect(at2000.lcl).toBeCloseTo(5 - 3000 * Math.sqrt(0.005 / 2000), 9);
    expect(at2000.ucl).toBeCloseTo(9.74342, 5);
    const at500 = limitsAt(chart, 500)!;
    expect(at500.lcl).toBe(0);
    expect(at500.ucl).toBeCloseTo(14.48683, 5);
  });

  it('the upper limit is not clipped (a rate may exceed 1000 per 1000)', () => {
    // 3000 events per 1000 inhabitants: ū = 3, at n = 1000: √(3/1000) × 1000 = 54.7723 → ucl 3164.317.
    expect(limitsAt(uChart(counts([3000, 1000])), 1000)!.ucl).toBeCloseTo(3000 + 3000 * Math.sqrt(0.003), 9);
  });

  it('ū = 0: the limits equal the CL 0', () => {
    expect(limitsAt(uChart(counts([0, 1000], [0, 500])), 1000)).toEqual({ lcl: 0, ucl: 0 });
  });

  it('refuses a zero population', () => {
    expect(() => pooledRate(counts([1, 0]))).toThrow(/denominator > 0/);
  });
});

describe("Laney P′ (pp)", () => {
  // 50/100, 60/100, 45/100, 45/100: p̄ = 200/400 = 0.5; s = √(0.25/100) = 0.05;
  // z = 0, 2, −1, −1; moving ranges 2, 3, 0; AMR 5/3; screen 5.445 keeps all;
  // σ_z = (5/3)/1.128 = 1.4775414; at n = 100: 3 × 0.05 × 1.4775414 × 100 = 22.163121.
  const baseline = counts([50, 100], [60, 100], [45, 100], [45, 100]);

  it('σ_z = screened AMR of the z-scores / 1.128', () => {
    expect(laneySigmaZ(baseline, 0.5, 0.25)).toBeCloseTo(5 / 3 / 1.128, 12);
  });

  it('limits CL ± 3 s_i σ_z (× 100)', () => {
    const chart = pPrimeChart(baseline);
    expect(chart.center).toBe(50);
    const limits = limitsAt(chart, 100)!;
    expect(limits.lcl).toBeCloseTo(27.836879, 6);
    expect(limits.ucl).toBeCloseTo(72.163121, 6);
  });

  it('clipped to [0, 100] like p', () => {
    // At n = 1: 3 × √0.25 × 1.4775 × 100 = 221.6 → −171.6 … 271.6 → 0 … 100.
    expect(limitsAt(pPrimeChart(baseline), 1)).toEqual({ lcl: 0, ucl: 100 });
  });

  it('fewer than two baseline points: CL but no limits', () => {
    const chart = pPrimeChart(counts([5, 10]));
    expect(chart.center).toBe(50);
    expect(limitsAt(chart, 10)).toBeNull();
  });

  it('a constant baseline proportion (3/10, 6/20, 30/100: every z exactly 0) has no limits', () => {
    const chart = pPrimeChart(counts([3, 10], [6, 20], [30, 100]));
    expect(chart.center).toBeCloseTo(30, 12);
    expect(chart.sigma).toBeNull();
  });

  it('p̄ = 0 and p̄ = 1 have no limits (z undefined)', () => {
    expect(pPrimeChart(counts([0, 10], [0, 20])).sigma).toBeNull();
    expect(pPrimeChart(counts([10, 10], [20, 20])).sigma).toBeNull();
  });
});

describe("Laney U′ (up)", () => {
  it('limits CL ± 3 s_i σ_z (× 1000), the lower clipped at 0', () => {
    // 4, 9, 1, 6 events per 1000: ū = 20/4000 = 0.005; s = √(0.005/1000) = √5 · 10⁻³;
    // z = −1/√5, 4/√5, −4/√5, 1/√5; ranges √5, 8/√5, √5 (sum 18/√5), AMR 6/√5, kept;
    // σ_z = 6/(√5 · 1.128); at n = 1000: s σ_z × 1000 = 6/1.128 = 5.3191489;
    // 5 ± 15.957447 → −10.957 → 0 … 20.957447.
    const chart = uPrimeChart(counts([4, 1000], [9, 1000], [1, 1000], [6, 1000]));
    expect(chart.center).toBeCloseTo(5, 12);
    const limits = limitsAt(chart, 1000)!;
    expect(limits.lcl).toBe(0);
    expect(limits.ucl).toBeCloseTo(5 + 18 / 1.128, 9);
  });

  it('a constant baseline rate (10/1000, 20/2000, 5/500) has no limits', () => {
    const chart = uPrimeChart(counts([10, 1000], [20, 2000], [5, 500]));
    expect(chart.center).toBeCloseTo(10, 12);
    expect(chart.sigma).toBeNull();
  });

  it('ū = 0 has no limits', () => {
    expect(uPrimeChart(counts([0, 1000], [0, 2000])).sigma).toBeNull();
  });
});

describe('i chart', () => {
  it('CL = mean; σ = AMR/1.128; limits CL ± 3σ, not clipped (here below 0)', () => {
    // 2, 4, 6: mean 4; ranges 2, 2; AMR 2; σ = 1.7730496; 4 ± 5.3191489 → −1.3191489 … 9.3191489.
    const chart = iChart([2, 4, 6]);
    expect(chart.center).toBe(4);
    const limits = limitsAt(chart, null)!;
    expect(limits.lcl).toBeCloseTo(4 - 6 / 1.128, 12);
    expect(limits.lcl).toBeLessThan(0);
    expect(limits.ucl).toBeCloseTo(4 + 6 / 1.128, 12);
  });

  it('the same limits whatever the denominator', () => {
    expect(limitsAt(iChart([2, 4, 6]), 5)).toEqual(limitsAt(iChart([2, 4, 6]), null));
  });

  it('screens the moving ranges: [10, 11, 10, 11, 10, 30] → σ = 1/1.128', () => {
    // mean 82/6 = 13.6667; screened AMR 1 (see above) → ± 2.6595745 → 11.0071 … 16.3262; 30 is outside.
    const chart = iChart([10, 11, 10, 11, 10, 30]);
    const limits = limitsAt(chart, null)!;
    expect(limits.ucl).toBeCloseTo(82 / 6 + 3 / 1.128, 12);
    expect(isOutsideLimits(30, limits)).toBe(true);
  });

  it('one baseline value: CL but no limits; a constant baseline: no limits', () => {
    expect(iChart([7])).toMatchObject({ center: 7, sigma: null });
    expect(iChart([7, 7, 7])).toMatchObject({ center: 7, sigma: null });
    expect(limitsAt(iChart([7, 7, 7]), null)).toBeNull();
  });
});

describe('sigma signal: strictly outside the limits', () => {
  it('a value on a limit is no signal; beyond it is', () => {
    const limits = { lcl: 20, ucl: 80 };
    expect(isOutsideLimits(80, limits)).toBe(false);
    expect(isOutsideLimits(20, limits)).toBe(false);
    expect(isOutsideLimits(80.000001, limits)).toBe(true);
    expect(isOutsideLimits(19.999999, limits)).toBe(true);
    expect(isOutsideLimits(1000, null)).toBe(false);
  });
});
