// A small seeded pseudo-random generator for the synthetic data set. The sample must be
// byte-identical for a given seed and scale, so nothing here touches Math.random or the clock.
// mulberry32 (Tommy Ettinger) is a 32-bit generator with period 2^32: far more than the
// ~60 draws per admission × 1,000,000 admissions the benchmark asks for, and fast in V8.

/** A 32-bit avalanche mix (the finaliser of MurmurHash3): derives independent seeds. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed from several integers (e.g. the run's seed, an extract salt, a person index). */
export function deriveSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    // Fold both 32-bit halves so large or negative integers stay distinct.
    const lo = p | 0;
    const hi = Math.floor(p / 0x1_0000_0000) | 0;
    h = mix32(h ^ mix32(lo + 0x7f4a7c15));
    h = mix32(h ^ mix32(hi + 0x2545f491));
  }
  return h;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A standard normal draw (Box–Muller; one of the pair is thrown away for simplicity). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is avoided
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/**
 * A categorical distribution built once and drawn many times: `new Weighted([[a, 3], [b, 1]])`
 * draws a three times as often as b. Linear scan — the tables here have at most ~100 entries.
 */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of entries) {
      if (!(weight >= 0)) throw new Error(`weight must be ≥ 0, got ${weight}`);
      if (weight === 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('a weighted choice needs a positive total weight');
    this.total = sum;
  }

  draw(random: Random): T {
    const x = random.next() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (x < c[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }
}
