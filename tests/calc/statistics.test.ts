import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { describe, expect, it } from 'vitest';
import {
  byarInterval,
  exactPoissonInterval,
  poissonCountInterval,
  ratePer1000Interval,
  wilsonInterval,
  Z95,
  Z998,
  zOf,
} from '../../src/calc/statistics.js';
import { expectClose, expectCloseInterval } from '../analysis/close.js';

// PHEindicatormethods' own vectors: tests/testthat/testdata_Byars_Wilson.xlsx, sheet
// testdata_B_W, read by tests/testthat/testByars.R and testWilson.R (ukhsa-collaboration/
// PHEindicatormethods). Wilson limits there are proportions; ours are percent.

describe('z values (SPEC §6.3)', () => {
  it('95 % intervals use qnorm(0.975) unrounded: Z95² is the 95 % quantile of χ² with 1 df', () => {
    expect(Z95).toBe(1.959963984540054);
    expect(Z95).toBeCloseTo(Math.sqrt(chisquareQuantile(0.95, 1)), 14);
  });

  it('99.8 % intervals use qnorm(0.999): Z998² is the 99.8 % quantile of χ² with 1 df', () => {
    expect(Z998).toBe(3.090232306167813);
    expect(Z998).toBeCloseTo(Math.sqrt(chisquareQuantile(0.998, 1)), 14);
    expect(zOf('95')).toBe(Z95);
    expect(zOf('99.8')).toBe(Z998);
  });
});

describe('Wilson score interval (SPEC §3.1)', () => {
  it('65 of 100 gives 55.254–73.636 % (worked by hand)', () => {
    // By hand: x=65, n=100, z²=3.841459; 2x+z² = 133.841459; 4x(1−x/n) = 4·65·0.35 = 91;
    // z·√(3.841459+91) = 1.959964·9.738658 = 19.087382; 2(n+z²) = 207.682918.
    // lower = (133.841459 − 19.087382)/207.682918 = 0.552544; upper = 152.928841/207.682918 = 0.736357.
    const [l, u] = wilsonInterval(65, 100)!;
    expect(l).toBeCloseTo(55.2544, 3);
    expect(u).toBeCloseTo(73.6357, 3);
  });

  it('0 of 10 gives 0–27.753 %: the lower bound is exactly 0', () => {
    // upper = (z² + z·√z²)/(2(10+z²)) = 2·3.841459/27.682918 = 0.277530
    const [l, u] = wilsonInterval(0, 10)!;
    expect(l).toBe(0);
    expect(u).toBeCloseTo(27.753, 3);
  });

  it('x = n gives an upper bound of exactly 100 and a lower bound of 100/(1 + z²) for 1 of 1', () => {
    // x = n = 1: lower = (2 + z² − z·√z²)/(2(1 + z²)) = 1/(1 + z²) = 1/4.841458820694124.
    // (The unrounded z moves this from the 20.654931179 of example 2, computed with z = 1.959964,
    // to 20.654931438; the examples' 1e-6 tolerance on ci95 covers the difference.)
    const [l, u] = wilsonInterval(1, 1)!;
    expectClose(l, 100 / (1 + 1.959963984540054 ** 2), 1e-12);
    expect(l).toBeCloseTo(20.654931437723743, 9);
    expect(u).toBe(100);
  });

  it('3 of 8 matches the worked example 1 interval 13.6844–69.4258', () => {
    const [l, u] = wilsonInterval(3, 8)!;
    expect(l).toBeCloseTo(13.6844, 4);
    expect(u).toBeCloseTo(69.4258, 4);
  });

  it('matches PHEindicatormethods at 95 % (testdata_B_W rows 7–9)', () => {
    expectCloseInterval(wilsonInterval(65, 100), [55.254443296887967, 73.635751756902468]);
    expectCloseInterval(wilsonInterval(1045, 5000), [19.795549880013297, 22.049130373189027]);
    expectCloseInterval(wilsonInterval(0.445, 1), [4.3817447720588223, 93.346212769791559]);
  });

  it('matches PHEindicatormethods at 99.8 % with z = Z998 (testdata_B_W rows 10–12)', () => {
    expectCloseInterval(wilsonInterval(65, 100, Z998), [49.549465740704313, 77.835406140896968]);
    expectCloseInterval(wilsonInterval(1045, 5000, Z998), [19.179381799015244, 22.731562902525818]);
    expectCloseInterval(wilsonInterval(0.445, 1, Z998), [1.9347006132900975, 97.022599470195414]);
  });

  it('a zero denominator has no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('a numerator above the denominator is refused with a specific message', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/between 0 and the denominator/);
  });
});

/** P(X ≤ k) for X ~ Poisson(mu), summed term by term. */
function poissonCdf(k: number, mu: number): number {
  let term = Math.exp(-mu);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mu / i;
    sum += term;
  }
  return sum;
}

describe('Poisson intervals for counts (SPEC §3.1, §8.3, as PHEindicatormethods)', () => {
  it('exact interval of 0 events is [0, χ²(0.975; 2)/2 = −ln 0.025 = 3.688879]', () => {
    // χ² with 2 df is exponential with mean 2: χ²(p; 2)/2 = −ln(1 − p).
    const [l, u] = exactPoissonInterval(0);
    expect(l).toBe(0);
    expectClose(u, -Math.log(0.025), 1e-12);
  });

  it('exact intervals of 1–4 events match the χ² table of worked example 1', () => {
    // χ²(0.025; 2x)/2 and χ²(0.975; 2x+2)/2 quoted in examples/episodes-and-readmissions/README.md
    expect(exactPoissonInterval(1)[0]).toBeCloseTo(0.025318, 5);
    expect(exactPoissonInterval(1)[1]).toBeCloseTo(5.571643, 5);
    expect(exactPoissonInterval(2)[0]).toBeCloseTo(0.242209, 5);
    expect(exactPoissonInterval(2)[1]).toBeCloseTo(7.224688, 5);
    expect(exactPoissonInterval(3)[0]).toBeCloseTo(0.618672, 5);
    expect(exactPoissonInterval(3)[1]).toBeCloseTo(8.767273, 5);
    expect(exactPoissonInterval(4)[0]).toBeCloseTo(1.089865, 5);
    expect(exactPoissonInterval(4)[1]).toBeCloseTo(10.241589, 5);
  });

  it('the 99.8 % exact interval of 1 event is [χ²(0.001; 2)/2, χ²(0.999; 4)/2] = [0.0010005, 9.233413] (example 5)', () => {
    // χ²(0.001; 2)/2 = −ln 0.999 = 0.00100050033; the upper limit U solves P(X ≤ 1; U) = e^−U(1 + U) = 0.001.
    const [l, u] = exactPoissonInterval(1, '99.8');
    expectClose(l, -Math.log(0.999), 1e-12);
    expect(u).toBeCloseTo(9.233413, 6);
    expectClose(Math.exp(-u) * (1 + u), 0.001, 1e-9);
  });

  it.each([
    ['95', 0.025],
    ['99.8', 0.001],
  ] as const)('exact limits at %s %% leave α/2 = %s in each tail: P(X ≥ x; L) = P(X ≤ x; U) = α/2', (level, tail) => {
    for (let x = 1; x < 10; x++) {
      const [l, u] = exactPoissonInterval(x, level);
      expectClose(1 - poissonCdf(x - 1, l), tail, 1e-9);
      expectClose(poissonCdf(x, u), tail, 1e-9);
    }
  });

  it("Byar's method for 65 events gives 50.163–82.849", () => {
    // L = 65(1 − 1/585 − 1.959964/(3√65))³ = 65·(1 − 0.0017094 − 0.0810347)³ = 65·0.9172559³ = 50.1630
    // U = 66(1 − 1/594 + 1.959964/(3√66))³ = 66·(1 − 0.0016835 + 0.0804188)³ = 66·1.0787353³ = 82.8493
    const [l, u] = byarInterval(65);
    expect(l).toBeCloseTo(50.163, 3);
    expect(u).toBeCloseTo(82.849, 3);
  });

  it("Byar's limits match PHEindicatormethods at 95 % (testdata_B_W rows 1–3)", () => {
    expectCloseInterval(byarInterval(65), [50.163187710459454, 82.849138545939837]);
    expectCloseInterval(byarInterval(1045), [982.59320180733255, 1110.3312129856499]);
    expectCloseInterval(byarInterval(1), [0.013072132901504351, 5.5637555824752605]);
  });

  it("Byar's limits match PHEindicatormethods at 99.8 % with z = Z998 (testdata_B_W rows 4–6, 13)", () => {
    expectCloseInterval(byarInterval(65, Z998), [42.880261471480203, 94.000290844318016]);
    expectCloseInterval(byarInterval(1045, Z998), [947.94070356103737, 1148.8061609880331]);
    expectCloseInterval(byarInterval(10, Z998), [2.916318374695686, 24.193724927880535]);
    // Row 13: x = 1 at 99.8 %: upper 9.362180217908362; PHE reports the lower limit as NA
    // because the formula goes negative — one reason counts below 10 use the exact interval.
    const [l, u] = byarInterval(1, Z998);
    expectClose(u, 9.362180217908362);
    expect(l).toBeLessThan(0);
    expect(poissonCountInterval(1, '99.8')[0]).toBeGreaterThan(0);
  });

  it('9 events use the exact interval and 10 events use Byar', () => {
    expect(poissonCountInterval(9)).toEqual(exactPoissonInterval(9));
    expect(poissonCountInterval(10)).toEqual(byarInterval(10));
    // χ²(0.025; 18)/2 = 8.230746/2 = 4.115373 (exact), Byar's lower bound for 9 would be 4.1086
    expect(poissonCountInterval(9)[0]).toBeCloseTo(4.115373, 5);
  });

  it('at 99.8 %, 9 events use the 99.8 % exact interval and 10 events Byar with Z998', () => {
    expect(poissonCountInterval(9, '99.8')).toEqual(exactPoissonInterval(9, '99.8'));
    expect(poissonCountInterval(10, '99.8')).toEqual(byarInterval(10, Z998));
  });

  it('a rate per 1000 scales the count interval by population: 2 of 1400 → 0.173007–5.160491', () => {
    const [l, u] = ratePer1000Interval(2, 1400)!;
    expect(l).toBeCloseTo(0.173007, 5);
    expect(u).toBeCloseTo(5.160491, 5);
  });

  it('a 99.8 % rate per 1000 scales the 99.8 % count interval: 28 of 10000 → 1.440953–4.855602 (example 5, {} ci998)', () => {
    // Byar 28, z 3.090232: 28(1 − 1/252 − 3.090232/(3√28))³ = 14.40953; 29(1 − 1/261 + 3.090232/(3√29))³ = 48.55602.
    expectCloseInterval(ratePer1000Interval(28, 10000, '99.8'), [1.4409529716931366, 4.855601890337106]);
  });

  it('a rate with no population has no interval', () => {
    expect(ratePer1000Interval(3, 0)).toBeNull();
  });
});
