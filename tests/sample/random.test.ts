import { describe, expect, it } from 'vitest';
import { deriveSeed, mix32, Random, Weighted } from '../../src/sample/random.js';

describe('Random (seeded, no Math.random)', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('draws uniformly in [0, 1): the mean of 100,000 draws is 0.5 ± 0.005', () => {
    const r = new Random(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean of U(0,1) over 1e5 draws: √(1/12)/√1e5 ≈ 0.0009; 0.005 is > 5 SE.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it('int(lo, hi) includes both ends and nothing outside', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('Weighted draws in proportion to the weights (3:1 → 75 % ± 1 %) and never a zero-weight value', () => {
    const w = new Weighted([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const r = new Random(9);
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 100_000; i++) counts[w.draw(r)]++;
    expect(counts.never).toBe(0);
    // SE of a share of 0.75 over 1e5 draws: √(0.75 × 0.25 / 1e5) ≈ 0.0014; ±0.01 is > 7 SE.
    expect(Math.abs(counts.a / 100_000 - 0.75)).toBeLessThan(0.01);
  });

  it('derived seeds differ for neighbouring inputs and for negative numbers', () => {
    const seeds = new Set([
      deriveSeed(1, 1),
      deriveSeed(1, 2),
      deriveSeed(2, 1),
      deriveSeed(-1, 1),
      deriveSeed(2 ** 32 + 1, 1),
      mix32(1),
    ]);
    expect(seeds.size).toBe(6);
  });
});
