// Uniqueness within one file (SPEC §2.2–§2.7: ids, and the composite keys of LUP answers,
// population cells, measurements and baselines).

/**
 * Keys seen so far in a file, each with the line it was first seen on. A million ids per
 * file is normal (SPEC §5), so this is an open-addressing hash table in typed arrays rather
 * than a Map<string, number>: about three times faster to fill and without a Map entry per
 * key. It is exact: a hash match is confirmed by comparing the key strings.
 */
export class UniqueKeys {
  private readonly keys: string[] = [];
  private lines = new Int32Array(1024);
  /** Per slot: 1 + index into `keys`, or 0 when empty. */
  private slots = new Int32Array(2048);
  private hashes = new Int32Array(2048);
  private mask = 2047;

  /** Registers the key; returns the line it was first seen on when seen before. */
  seenBefore(key: string, line: number): number | undefined {
    const h = hashString(key);
    let s = h & this.mask;
    for (;;) {
      const at = this.slots[s];
      if (at === 0) break;
      if (this.hashes[s] === h && this.keys[at - 1] === key) return this.lines[at - 1];
      s = (s + 1) & this.mask;
    }
    const n = this.keys.length;
    this.keys.push(key);
    if (n >= this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[n] = line;
    this.slots[s] = n + 1;
    this.hashes[s] = h;
    // Keep the table at most half full so that probe runs stay short.
    if ((n + 1) * 2 > this.mask) this.grow();
    return undefined;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    for (let s = 0; s <= this.mask; s++) {
      const at = this.slots[s];
      if (at === 0) continue;
      let t = this.hashes[s] & mask;
      while (slots[t] !== 0) t = (t + 1) & mask;
      slots[t] = at;
      hashes[t] = this.hashes[s];
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}

/** FNV-1a over UTF-16 code units, then a final avalanche so that similar ids ("a-1",
 *  "a-2") spread over the table. */
function hashString(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}
