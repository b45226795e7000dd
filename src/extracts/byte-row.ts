// Reading the cells of a row straight from its bytes (SPEC §12): the fast reader of the rows
// the splitter found without quotes (csv/fast.ts). It takes only what it can read for certain
// — the common, canonical shape of each value — and gives up on anything else: an empty
// required cell, a value with spaces around it, a date in another form, a byte that is not
// ASCII where the encoding decides, a value its parser rejects, a rule across cells that
// fails, a duplicate id. A row it gives up on is read again by the general reader (RowReader
// and the extract's row parser, schema.ts), which reports the row's problems exactly as
// before. So a value read here must be the value the general reader gives for the same text:
// the byte parsers below accept a subset of the forms of fields.ts and compute the same
// number (tests/extracts/byte-row.test.ts compares them on many values), and every
// enumerated or coded value is read by the general parser itself, once per distinct text of
// the file (ByteCodes).

import type { TextDecoding } from './csv/index.js';
import type { ByteRows } from './csv/types.js';
import { daysInMonth } from '../calc/time.js';
import { daysFromCivil, FIRST_PLAUSIBLE_YEAR, Invalid, LAST_PLAUSIBLE_YEAR, type FieldParser } from './fields.js';
import { KeyTable } from './keys.js';
import { MAX_VALUE_LENGTH } from './schema.js';

/** A cell read failed: the row goes to the general reader. */
export class GiveUp extends Error {}

const SPACE = 32;
const DIGIT_0 = 48;
const NO_VALUE = -1;

/**
 * The cells of one row of a ByteRows batch, by declared column. `failed` is set (and the
 * value returned meaningless) when a cell cannot be read here; the caller then hands the row
 * to the general reader.
 */
export class ByteRowReader {
  bytes: Buffer = Buffer.alloc(0);
  line = 0;
  failed = false;
  /** The row has a used field that is not ASCII (decoded, possibly switching --encoding auto). */
  decodedText = false;
  private bounds: Int32Array = new Int32Array(0);
  private base = 0;
  /** Start and end of the current cell (after `span`). */
  start = 0;
  end = 0;

  constructor(
    /** For each declared column, its field index in the row, or −1 when absent. */
    private readonly fieldIndex: Int32Array,
    private readonly decoding: TextDecoding,
  ) {}

  begin(rows: ByteRows, r: number): void {
    this.bytes = rows.bytes;
    this.bounds = rows.bounds;
    this.base = r * (rows.width + 1);
    this.line = rows.lines[r];
    this.failed = false;
    this.decodedText = false;
  }

  /** Sets start/end to the column's cell; false when the column is absent or the cell empty.
   *  A cell with whitespace at either end, or longer than MAX_VALUE_LENGTH, fails. */
  span(col: number): boolean {
    const f = this.fieldIndex[col];
    if (f < 0) return false;
    const start = this.bounds[this.base + f];
    const end = this.bounds[this.base + f + 1] - 1;
    this.start = start;
    this.end = end;
    if (start === end) return false;
    const first = this.bytes[start];
    const last = this.bytes[end - 1];
    // Trimming (and NBSP, 0xA0, which is not ASCII) is the general reader's.
    if (first <= SPACE || last <= SPACE || end - start > MAX_VALUE_LENGTH) this.failed = true;
    return true;
  }

  /** A required cell: absent or empty fails. */
  need(col: number): boolean {
    if (this.span(col)) return !this.failed;
    this.failed = true;
    return false;
  }

  // ---- dates and times ----------------------------------------------------------------

  /** A date (SPEC §2.1): the day number; NO_VALUE when empty. */
  optionalDay(col: number, missing: number): number {
    if (!this.span(col) || this.failed) return missing;
    return this.dayAt(this.start, this.end);
  }

  requiredDay(col: number): number {
    if (!this.need(col)) return 0;
    return this.dayAt(this.start, this.end);
  }

  /** A date-time (SPEC §2.1): wall-clock seconds; NaN when empty. */
  optionalTime(col: number): number {
    if (!this.span(col) || this.failed) return NaN;
    return this.timeAt(this.start, this.end);
  }

  requiredTime(col: number): number {
    if (!this.need(col)) return 0;
    return this.timeAt(this.start, this.end);
  }

  /** Exactly a date of 10 bytes: YYYY-MM-DD, or DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY (the first
   *  two forms of fields.ts dateAt, tested in its order). */
  private dayAt(start: number, end: number): number {
    if (end - start !== 10) return this.fail();
    return this.date10(start);
  }

  /** A date of 10 bytes, alone or followed by T or a space and HH:MM or HH:MM:SS. */
  private timeAt(start: number, end: number): number {
    const n = end - start;
    if (n !== 10 && n !== 16 && n !== 19) return this.fail();
    const day = this.date10(start);
    if (this.failed) return 0;
    if (n === 10) return day * 86400;
    const b = this.bytes;
    const sep = b[start + 10];
    if ((sep !== 84 /* T */ && sep !== SPACE) || b[start + 13] !== 58 /* : */) return this.fail();
    const hh = this.two(start + 11);
    const mm = this.two(start + 14);
    let ss = 0;
    if (n === 19) {
      if (b[start + 16] !== 58) return this.fail();
      ss = this.two(start + 17);
    }
    if (hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 || ss > 59) return this.fail();
    return day * 86400 + hh * 3600 + mm * 60 + ss;
  }

  private date10(s: number): number {
    const b = this.bytes;
    let y: number;
    let m: number;
    let d: number;
    const c2 = b[s + 2];
    if (b[s + 4] === 45 && b[s + 7] === 45) {
      y = this.four(s);
      m = this.two(s + 5);
      d = this.two(s + 8);
    } else if ((c2 === 45 || c2 === 46 || c2 === 47) && b[s + 5] === c2) {
      d = this.two(s);
      m = this.two(s + 3);
      y = this.four(s + 6);
    } else return this.fail();
    if (y < FIRST_PLAUSIBLE_YEAR || y > LAST_PLAUSIBLE_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return this.fail();
    return daysFromCivil(y, m, d);
  }

  private two(i: number): number {
    const a = this.bytes[i] - DIGIT_0;
    const b = this.bytes[i + 1] - DIGIT_0;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  }

  private four(i: number): number {
    const hi = this.two(i);
    const lo = this.two(i + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  }

  // ---- numbers ------------------------------------------------------------------------

  /** A number ≥ 0 (fields.ts parseNonNegativeNumber): digits with at most one `.` or `,`
   *  between digits, 15 digits at most (so the value is exact: the digits as an integer,
   *  divided by a power of ten, is the double nearest the decimal, as Number() gives); NaN
   *  when empty. */
  optionalAmount(col: number): number {
    if (!this.span(col) || this.failed) return NaN;
    const b = this.bytes;
    let v = 0;
    let digits = 0;
    let decimals = -1;
    for (let i = this.start; i < this.end; i++) {
      const c = b[i];
      const d = c - DIGIT_0;
      if (d >= 0 && d <= 9) {
        v = v * 10 + d;
        digits++;
        if (decimals >= 0) decimals++;
      } else if ((c === 46 || c === 44) && decimals < 0 && digits > 0) decimals = 0;
      else return this.fail();
    }
    if (digits > 15 || decimals === 0) return this.fail();
    return decimals > 0 ? v / POWERS_OF_TEN[decimals] : v;
  }

  /** Whole years 0–125 (fields.ts parseAge), at most 3 digits; NO_VALUE when empty. */
  optionalAge(col: number): number {
    if (!this.span(col) || this.failed) return NO_VALUE;
    return this.ageAt();
  }

  requiredAge(col: number): number {
    if (!this.need(col)) return 0;
    return this.ageAt();
  }

  private ageAt(): number {
    const n = this.end - this.start;
    if (n > 3) return this.fail();
    let v = 0;
    for (let i = this.start; i < this.end; i++) {
      const d = this.bytes[i] - DIGIT_0;
      if (d < 0 || d > 9) return this.fail();
      v = v * 10 + d;
    }
    return v > 125 ? this.fail() : v;
  }

  /** A municipality code (fields.ts parseMunicipality): 3 digits, or 4 with a leading 0,
   *  as the number its last three digits spell; NO_VALUE when empty. */
  optionalMunicipality(col: number): number {
    if (!this.span(col) || this.failed) return NO_VALUE;
    return this.municipalityAt();
  }

  requiredMunicipality(col: number): number {
    if (!this.need(col)) return 0;
    return this.municipalityAt();
  }

  private municipalityAt(): number {
    let s = this.start;
    const n = this.end - s;
    if (n === 4 && this.bytes[s] === DIGIT_0) s++;
    else if (n !== 3) return this.fail();
    const hi = this.two(s);
    const lo = this.bytes[s + 2] - DIGIT_0;
    return hi < 0 || lo < 0 || lo > 9 ? this.fail() : hi * 10 + lo;
  }

  // ---- texts --------------------------------------------------------------------------

  /** The cell is an id: ASCII without NUL (its bytes are then its text). Sets start/end. */
  requiredId(col: number): boolean {
    if (!this.need(col)) return false;
    const b = this.bytes;
    for (let i = this.start; i < this.end; i++) {
      const c = b[i];
      if (c === 0 || c >= 0x80) {
        this.failed = true;
        return false;
      }
    }
    return true;
  }

  /** A coded cell, read by the general parser once per distinct text (codes.ts); `missing`
   *  when empty. */
  optionalCode(col: number, codes: ByteCodes, missing: number): number {
    if (!this.span(col) || this.failed) return missing;
    return this.codeAt(codes);
  }

  requiredCode(col: number, codes: ByteCodes): number {
    if (!this.need(col)) return 0;
    return this.codeAt(codes);
  }

  private codeAt(codes: ByteCodes): number {
    const code = codes.code(this.bytes, this.start, this.end, this);
    return code === FAILED ? this.fail() : code;
  }

  /** The text of the current cell when it is not ASCII: decoded as the file is read
   *  (TextDecoding, SPEC §6.1), or null (and failed) when it cannot be, holds a NUL or has
   *  whitespace at either end once decoded. */
  decodedCell(): string | null {
    const d = this.decoding;
    // Until --encoding auto has decided (the first text that is not ASCII), the general reader
    // decodes the row: it meets the used fields in file order, which decides how (SPEC §6.1).
    if (d.choice === 'auto' && d.encoding === 'utf8' && d.utf8SeenAt === 0) {
      this.failed = true;
      return null;
    }
    this.decodedText = true;
    const raw = this.bytes.toString('latin1', this.start, this.end);
    const text = d.decode(raw, this.line);
    if (d.failure !== null || text.indexOf('\u0000') >= 0 || text.trim().length !== text.length) {
      this.failed = true;
      return null;
    }
    return text;
  }

  private fail(): number {
    this.failed = true;
    return 0;
  }
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A code that means "the general reader must read this cell". */
export const FAILED = -2147483648;

/** Distinct texts cached per column; beyond, a text is parsed every time (free text). */
const MAX_CACHED = 1 << 16;
/** Texts of up to this many bytes are cached by their bytes held in three integers. */
const SHORT_TEXT = 11;

/** The first slot of a short text's (lo, mid, hi) in a table of mask + 1 slots. */
function shortSlot(lo: number, mid: number, hi: number, mask: number): number {
  return (Math.imul(lo ^ Math.imul(mid ^ Math.imul(hi, 0x85ebca6b), 0xc2b2ae35), 0x9e3779b1) >>> 16) & mask;
}

/**
 * The codes of one coded column of one file: each distinct ASCII text is parsed once by the
 * column's general parser and its stored number kept (FAILED when the parser rejects it), so a
 * million rows of "somatic" cost one parse and a million lookups. A text of up to 7 bytes
 * (most codes: "acute", "F", "medium", "DJ440") is looked up as two 32-bit numbers holding its
 * bytes and length, exactly; a longer one through a KeyTable. A text that is not ASCII is
 * decoded and parsed every time (its meaning depends on the file's encoding).
 */
export class ByteCodes {
  private readonly texts = new KeyTable();
  private codes = new Int32Array(256);
  /** Short texts (up to SHORT_TEXT bytes): open addressing on (lo, mid, hi) → code + 1, or −1
   *  for FAILED (0 = empty slot). */
  private shortLo = new Int32Array(64);
  private shortMid = new Int32Array(64);
  private shortHi = new Int32Array(64);
  private shortCode = new Int32Array(64);
  private shortCount = 0;
  private shortMask = 63;

  constructor(
    private readonly parse: FieldParser<unknown>,
    private readonly encode: (value: never) => number,
  ) {}

  code(bytes: Buffer, start: number, end: number, row: ByteRowReader): number {
    const n = end - start;
    if (n <= SHORT_TEXT) {
      // Bytes 0–3 in lo, 4–7 in mid, 8–10 and the length in hi: equal triples are equal texts.
      // Up to 11 bytes, so LPR3's words (`physical`, `hospital`, `psychiatric`, SPEC §14.1)
      // are found here too, not in the key table.
      let lo = 0;
      let mid = 0;
      let hi = n << 24;
      let ascii = true;
      for (let i = 0; i < n; i++) {
        const c = bytes[start + i];
        if (c >= 0x80 || c === 0) ascii = false;
        if (i < 4) lo |= c << (i * 8);
        else if (i < 8) mid |= c << ((i - 4) * 8);
        else hi |= c << ((i - 8) * 8);
      }
      if (ascii) return this.shortCodeOf(lo, mid, hi, bytes, start, end);
      const text = row.decodedCell();
      return text === null ? FAILED : this.parsed(text);
    }
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c >= 0x80 || c === 0) {
        const text = row.decodedCell();
        return text === null ? FAILED : this.parsed(text);
      }
    }
    if (this.texts.size >= MAX_CACHED) return this.parsed(bytes.toString('latin1', start, end));
    const k = this.texts.intern(bytes, start, end);
    if (!this.texts.added) return this.codes[k];
    if (k === this.codes.length) {
      const grown = new Int32Array(k * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    const code = this.parsed(bytes.toString('latin1', start, end));
    this.codes[k] = code;
    return code;
  }

  private shortCodeOf(lo: number, mid: number, hi: number, bytes: Buffer, start: number, end: number): number {
    const mask = this.shortMask;
    let s = shortSlot(lo, mid, hi, mask);
    for (;;) {
      const at = this.shortCode[s];
      if (at === 0) break;
      if (this.shortLo[s] === lo && this.shortMid[s] === mid && this.shortHi[s] === hi) return at < 0 ? FAILED : at - 1;
      s = (s + 1) & mask;
    }
    const code = this.parsed(bytes.toString('latin1', start, end));
    if (this.shortCount >= MAX_CACHED) return code;
    this.shortLo[s] = lo;
    this.shortMid[s] = mid;
    this.shortHi[s] = hi;
    this.shortCode[s] = code === FAILED ? -1 : code + 1; // codes are ≥ 0; 0 marks an empty slot
    if (++this.shortCount * 2 > mask) this.growShort();
    return code;
  }

  private growShort(): void {
    const size = (this.shortMask + 1) * 2;
    const mask = size - 1;
    const lo = new Int32Array(size);
    const mid = new Int32Array(size);
    const hi = new Int32Array(size);
    const code = new Int32Array(size);
    for (let s = 0; s <= this.shortMask; s++) {
      if (this.shortCode[s] === 0) continue;
      let t = shortSlot(this.shortLo[s], this.shortMid[s], this.shortHi[s], mask);
      while (code[t] !== 0) t = (t + 1) & mask;
      lo[t] = this.shortLo[s];
      mid[t] = this.shortMid[s];
      hi[t] = this.shortHi[s];
      code[t] = this.shortCode[s];
    }
    this.shortLo = lo;
    this.shortMid = mid;
    this.shortHi = hi;
    this.shortCode = code;
    this.shortMask = mask;
  }

  private parsed(text: string): number {
    const v = this.parse(text);
    return v instanceof Invalid ? FAILED : this.encode(v as never);
  }
}
