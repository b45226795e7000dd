import { describe, expect, it } from 'vitest';
import { byarInterval, exactPoissonInterval, poissonCountInterval, ratePer1000Interval, wilsonInterval } from '../../src/calc/statistics.js';

describe('Wilson score interval (SPEC §3.1)', () => {
  it('65 of 100 gives 55.254–73.636 % (worked by hand, z = 1.959964)', () => {
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

  it('x = n gives an upper bound of exactly 100 (1/1 → 20.6549–100, example 2)', () => {
    const [l, u] = wilsonInterval(1, 1)!;
    expect(l).toBeCloseTo(20.654931179180274, 9);
    expect(u).toBe(100);
  });

  it('3 of 8 matches the worked example 1 interval 13.6844–69.4258', () => {
    const [l, u] = wilsonInterval(3, 8)!;
    expect(l).toBeCloseTo(13.6844, 4);
    expect(u).toBeCloseTo(69.4258, 4);
  });

  it('a zero denominator has no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('a numerator above the denominator is refused with a specific message', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/between 0 and the denominator/);
  });
});

describe('Poisson intervals for counts (SPEC §3.1, as PHEindicatormethods)', () => {
  it('exact interval of 0 events is [0, χ²(0.975; 2)/2 = 3.688879]', () => {
    const [l, u] = exactPoissonInterval(0);
    expect(l).toBe(0);
    expect(u).toBeCloseTo(3.688879, 5);
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

  it("Byar's method for 65 events gives 50.163–82.849", () => {
    // L = 65(1 − 1/585 − 1.959964/(3√65))³ = 65·(1 − 0.0017094 − 0.0810347)³ = 65·0.9172559³ = 50.1630
    // U = 66(1 − 1/594 + 1.959964/(3√66))³ = 66·(1 − 0.0016835 + 0.0804188)³ = 66·1.0787353³ = 82.8493
    const [l, u] = byarInterval(65);
    expect(l).toBeCloseTo(50.163, 3);
    expect(u).toBeCloseTo(82.849, 3);
  });

  it('9 events use the exact interval and 10 events use Byar', () => {
    expect(poissonCountInterval(9)).toEqual(exactPoissonInterval(9));
    expect(poissonCountInterval(10)).toEqual(byarInterval(10));
    // χ²(0.025; 18)/2 = 8.230746/2 = 4.115373 (exact), Byar's lower bound for 9 would be 4.1086
    expect(poissonCountInterval(9)[0]).toBeCloseTo(4.115373, 5);
  });

  it('a rate per 1000 scales the count interval by population: 2 of 1400 → 0.173007–5.160491', () => {
    const [l, u] = ratePer1000Interval(2, 1400)!;
    expect(l).toBeCloseTo(0.173007, 5);
    expect(u).toBeCloseTo(5.160491, 5);
  });

  it('a rate with no population has no interval', () => {
    expect(ratePer1000Interval(3, 0)).toBeNull();
  });
});
