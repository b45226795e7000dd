// Exact key tables for ids (SPEC §2.2–§2.7): uniqueness within a file, and patient ids turned
// into dense integers once. A million ids per file is normal (SPEC §5, §12: ten million), so
// no id is kept as a JS string (≈ 30–40 bytes each, plus a Map entry):
//
// - An id made of a fixed prefix and a fixed number of digits ("A0000001", "P0428636", a CPR
//   number) is held as the number its digits spell (exact below 10^15), after checking that
//   prefix and width are those of the table's first such id: 8 bytes per id.
// - Any other id is held as its UTF-8 bytes in one growing byte arena.
//
// Both kinds share one open-addressing hash table of key indices, with one shortcut for
// numeric ids that arrive in increasing order (an export numbered row by row, or sorted by
// patient, where each patient's rows come together): while every new id is larger than all
// before, the ids form a sorted run outside the hash table; an id equal to the last one, or
// larger, needs no lookup, a smaller one a binary search of the run. The first new id that is
// not the largest so far ends the run: it and every later new id go to the hash table. Equality is always exact
// (the number, or the bytes, are compared on every hash match). A key is given as bytes —
// the fast reader passes the field's bytes in the file; a text is encoded as UTF-8 first, so a
// text and its bytes are the same key.
//
// The hash of a numeric id keeps runs of 64 consecutive ids in 64 consecutive slots and
// scatters the runs (a multiplicative hash of the id without its last 6 bits): exports number
// their rows, and a patient's rows come together, so the table is walked nearly in order.
// On the 1,000,000 admission and 532,755 patient ids of `sample --scale 200`: 0.09–0.11 s
// against 0.18–0.38 s with the multiplicative hash of the whole id. (Keeping consecutive ids
// in consecutive slots outright is quadratic: ids that arrive out of order over a range wider
// than the table wrap around it into one long cluster — 12 s for the patient ids.)

const EMPTY_SLOT = 0;
/** Longest digit run held as a number: 10^15 − 1 < 2^53, so every such id is exact. */
const MAX_DIGITS = 15;
const MAX_PREFIX = 16;

/** A KeyTable's state (exportState). */
export interface KeyTableState {
  values: Float64Array;
  size: number;
  runLength: number;
  slots: Int32Array;
  mask: number;
  prefix: Uint8Array;
  prefixLength: number;
  width: number;
  arena: Uint8Array;
  arenaStart: Int32Array;
  arenaHash: Int32Array;
  arenaEntries: number;
}

export class KeyTable {
  /** Per key: the number its digits spell (≥ 0), or −(arena entry + 1). */
  protected values = new Float64Array(1024);
  /** Number of keys. */
  size = 0;
  /** The run: keys 0 … runLength − 1 hold increasing numbers and are not in the hash table.
   *  It grows only while every key is in it. */
  private runLength = 0;
  /** Per slot: key index + 1, or 0. */
  private slots = new Int32Array(2048);
  private mask = 2047;
  /** The numeric form: prefix bytes and digit count of the first id that has one; width 0
   *  until then, −1 once the first id had none (all ids then go to the arena). */
  private prefix = new Uint8Array(MAX_PREFIX);
  private prefixLength = 0;
  private width = 0;
  /** Arena of the ids held as bytes: entry j is arena[arenaStart[j] … arenaStart[j + 1]),
   *  its hash arenaHash[j] (compared before the bytes, and reused when the table grows). */
  private arena = new Uint8Array(1 << 16);
  private arenaStart = new Int32Array(1024);
  private arenaHash = new Int32Array(1024);
  private arenaEntries = 0;
  private scratch = new Uint8Array(256);

  /** The key of the bytes [start, end), added when new; `added` tells which. */
  added = false;

  /** The key index of the id in bytes[start, end), adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const value = this.numericValue(bytes, start, end);
    if (value >= 0) return this.internNumber(value);
    const hash = bytesHash(bytes, start, end);
    let s = hash & this.mask;
    for (;;) {
      const at = this.slots[s];
      if (at === EMPTY_SLOT) break;
      const v = this.values[at - 1];
      if (v < 0 && this.arenaHash[-v - 1] === hash && this.sameBytes(-v - 1, bytes, start, end)) {
        this.added = false;
        return at - 1;
      }
      s = (s + 1) & this.mask;
    }
    return this.add(s, -(this.store(bytes, start, end, hash) + 1));
  }

  /** The key index of a number (0 ≤ value < 2^53), adding it when new. */
  protected internNumber(value: number): number {
    const n = this.runLength;
    const last = n > 0 ? this.values[n - 1] : -1;
    if (value === last) {
      this.added = false;
      return n - 1;
    }
    if (value < last) {
      const k = sortedIndexOf(this.values, n, value);
      if (k >= 0) {
        this.added = false;
        return k;
      }
    } else if (this.size === n) {
      // Larger than every id so far, and every id so far is in the run: new, and the run's.
      this.runLength++;
      const key = this.size++;
      if (key === this.values.length) this.grow(key * 2);
      this.values[key] = value;
      this.added = true;
      return key;
    }
    let s = numericHash(value, this.mask);
    for (;;) {
      const at = this.slots[s];
      if (at === EMPTY_SLOT) break;
      if (this.values[at - 1] === value) {
        this.added = false;
        return at - 1;
      }
      s = (s + 1) & this.mask;
    }
    return this.add(s, value);
  }

  private add(slot: number, value: number): number {
    const key = this.size++;
    if (key === this.values.length) this.grow(key * 2);
    this.values[key] = value;
    this.slots[slot] = key + 1;
    // At most half full, so that probe runs stay short (the run's keys are not in it).
    if ((this.size - this.runLength) * 2 > this.mask) this.rehash();
    this.added = true;
    return key;
  }

  /** The key index of a text (its UTF-8 bytes), adding it when new. */
  internText(text: string): number {
    const bytes = this.encode(text);
    return this.intern(bytes, 0, this.encodedLength);
  }

  /** Makes room for `n` keys in all (an estimate: the table then need not grow and rehash on
   *  the way to a million ids). */
  expect(n: number): void {
    if (n > this.values.length) this.grow(n);
  }

  /** The text of a key, as it was given. */
  text(key: number): string {
    const v = this.values[key];
    if (v >= 0) {
      let digits = String(v);
      while (digits.length < this.width) digits = '0' + digits;
      return Buffer.from(this.prefix.buffer, 0, this.prefixLength).toString('latin1') + digits;
    }
    const j = -v - 1;
    return Buffer.from(this.arena.buffer, this.arenaStart[j], this.arenaStart[j + 1] - this.arenaStart[j]).toString('utf8');
  }

  /** The table's state, to move it to another thread (its typed arrays can be transferred). */
  exportState(): KeyTableState {
    return {
      values: this.values,
      size: this.size,
      runLength: this.runLength,
      slots: this.slots,
      mask: this.mask,
      prefix: this.prefix,
      prefixLength: this.prefixLength,
      width: this.width,
      arena: this.arena,
      arenaStart: this.arenaStart,
      arenaHash: this.arenaHash,
      arenaEntries: this.arenaEntries,
    };
  }

  /** A table with the state of one exported in another thread. */
  static fromState(state: KeyTableState): KeyTable {
    const t = new KeyTable();
    Object.assign(t, state);
    return t;
  }

  /** Bytes held (for the memory figures of the benchmark). */
  get bytesHeld(): number {
    return this.values.byteLength + this.slots.byteLength + this.arena.byteLength + this.arenaStart.byteLength + this.arenaHash.byteLength;
  }

  protected grow(capacity: number): void {
    const values = new Float64Array(capacity);
    values.set(this.values);
    this.values = values;
  }

  private encodedLength = 0;
  private encode(text: string): Uint8Array {
    let n = text.length;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (text.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) n = Buffer.byteLength(text, 'utf8');
    if (n > this.scratch.length) this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
    if (ascii) for (let i = 0; i < n; i++) this.scratch[i] = text.charCodeAt(i);
    else Buffer.from(this.scratch.buffer, this.scratch.byteOffset, n).write(text, 'utf8');
    this.encodedLength = n;
    return this.scratch;
  }

  /** The number spelled by the id's digits when it has the table's numeric form, else −1.
   *  The first id decides the form (its non-digit prefix and digit count). */
  private numericValue(bytes: Uint8Array, start: number, end: number): number {
    if (this.width < 0) return -1;
    if (this.width === 0) {
      let p = start;
      while (p < end && !isDigit(bytes[p])) p++;
      const width = end - p;
      if (p - start > MAX_PREFIX || width < 1 || width > MAX_DIGITS) {
        this.width = -1;
        return -1;
      }
      for (let i = p; i < end; i++) {
        if (!isDigit(bytes[i])) {
          this.width = -1;
          return -1;
        }
      }
      for (let i = start; i < p; i++) {
        // Only ASCII prefixes: text() gives them back as they were.
        if (bytes[i] >= 0x80) {
          this.width = -1;
          return -1;
        }
        this.prefix[i - start] = bytes[i];
      }
      this.prefixLength = p - start;
      this.width = width;
    }
    const p = start + this.prefixLength;
    if (end - p !== this.width) return -1;
    for (let i = 0; i < this.prefixLength; i++) if (bytes[start + i] !== this.prefix[i]) return -1;
    let v = 0;
    for (let i = p; i < end; i++) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  private store(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const j = this.arenaEntries++;
    if (j + 1 >= this.arenaStart.length) {
      const grown = new Int32Array(this.arenaStart.length * 2);
      grown.set(this.arenaStart);
      this.arenaStart = grown;
      const hashes = new Int32Array(this.arenaStart.length);
      hashes.set(this.arenaHash);
      this.arenaHash = hashes;
    }
    this.arenaHash[j] = hash;
    const from = this.arenaStart[j];
    const n = end - start;
    if (from + n > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, from + n));
      grown.set(this.arena);
      this.arena = grown;
    }
    // A loop, not arena.set(bytes.subarray(…)): ids are short, and a view per id costs more
    // than copying its bytes.
    const arena = this.arena;
    for (let i = start, k = from; i < end; i++, k++) arena[k] = bytes[i];
    this.arenaStart[j + 1] = from + n;
    return j;
  }

  private sameBytes(j: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.arenaStart[j];
    if (this.arenaStart[j + 1] - from !== end - start) return false;
    const arena = this.arena;
    for (let i = start, k = from; i < end; i++, k++) if (arena[k] !== bytes[i]) return false;
    return true;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    for (let key = this.runLength; key < this.size; key++) {
      const v = this.values[key];
      let s: number;
      s = v >= 0 ? numericHash(v, mask) : this.arenaHash[-v - 1] & mask;
      while (slots[s] !== EMPTY_SLOT) s = (s + 1) & mask;
      slots[s] = key + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * Ids that must be unique within a file, each with the line it was first seen on
 * (the "first on line N" of a duplicate's message).
 */
export class UniqueKeys extends KeyTable {
  private lines = new Float64Array(1024);

  /** Registers the id in bytes[start, end) seen on `line`; returns the line it was first seen
   *  on when seen before, else undefined. */
  seenBeforeBytes(bytes: Uint8Array, start: number, end: number, line: number): number | undefined {
    const key = this.intern(bytes, start, end);
    if (!this.added) return this.lines[key];
    this.lines[key] = line;
    return undefined;
  }

  /** Every id registered, as text, with the line it was first seen on. */
  forEachId(each: (id: string, line: number) => void): void {
    for (let k = 0; k < this.size; k++) each(this.text(k), this.lines[k]);
  }

  /** The same for an id given as text. */
  seenBefore(key: string, line: number): number | undefined {
    const k = this.internText(key);
    if (!this.added) return this.lines[k];
    this.lines[k] = line;
    return undefined;
  }

  /** The same for a key that is a number (0 ≤ key < 2^53); only for a table that holds
   *  nothing but numbers (an id's numeric form would be the same key). */
  seenBeforeNumber(key: number, line: number): number | undefined {
    const k = this.internNumber(key);
    if (!this.added) return this.lines[k];
    this.lines[k] = line;
    return undefined;
  }

  protected override grow(capacity: number): void {
    super.grow(capacity);
    const lines = new Float64Array(capacity);
    lines.set(this.lines);
    this.lines = lines;
  }
}

/** The index of `value` in the increasing values[0 … n), or −1. */
function sortedIndexOf(values: Float64Array, n: number, value: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Runs of 64 consecutive numbers → runs of 64 consecutive slots, the runs scattered by a
 *  multiplicative (Fibonacci) hash of the number without its last 6 bits. */
function numericHash(v: number, mask: number): number {
  const lo = v % 4294967296;
  const hi = (v - lo) / 4294967296;
  const bits = 32 - Math.clz32(mask);
  const run = Math.imul((lo >>> 6) ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 0;
  return (bits <= 6 ? 0 : (run >>> (38 - bits)) << 6) | (lo & 63 & mask);
}

/** FNV-1a over the bytes, then an avalanche so that similar ids spread. */
function bytesHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/**
 * Keys of three parts that must be unique together (LUP: respondent, survey, question), exact.
 * Each part is given as an integer key of its own (the respondent interned in `first`, survey
 * and question by the codes of the table's dictionaries); when the second and third are below
 * 2^11 the triple is held as one number (a × 2^22 + b × 2^11 + c, exact below 2^53), else as
 * the parts' texts joined by NUL (which a part never holds). Which form a triple takes depends
 * only on its own part keys, so a triple always meets itself.
 */
export class TripleKeys {
  /** The first parts (respondent ids). */
  readonly first = new KeyTable();
  private readonly numbers = new UniqueKeys();
  private readonly joined = new UniqueKeys();

  /** Registers the triple of part keys seen on `line`; the line it was first seen on when
   *  seen before, else undefined. `joinedText` gives the parts joined by NUL, for the rare
   *  triple that is not held as a number. */
  seenBefore(a: number, b: number, c: number, line: number, joinedText: () => string): number | undefined {
    if (b < SMALL_PART && c < SMALL_PART && a < 2 ** 31) return this.numbers.seenBeforeNumber(a * 4194304 + b * SMALL_PART + c, line);
    return this.joined.seenBefore(joinedText(), line);
  }

  expect(n: number): void {
    this.numbers.expect(n);
  }
}

const SMALL_PART = 2048;
