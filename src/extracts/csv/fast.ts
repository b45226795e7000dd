// The fast path of the splitter (SPEC §12): lines without a quote character are split by
// hand, in one pass over their bytes, instead of by csv-parse. Where there is no quote,
// RFC 4180 leaves nothing to interpret: a record is a line, a field is the bytes between two
// delimiters. So the fast path gives exactly the rows csv-parse gives for those lines, and
// anything else — a quote, a CR where the file's line break has none, a line of a million
// bytes — is handed to csv-parse (split.ts), the one set of semantics. Tests run files through
// both and require the same rows and problems (tests/extracts/fast-path.test.ts).
//
// The rows go to the visitor as bytes (ByteRows: the field bounds of up to BYTE_ROWS rows at a
// time) when it can read them so (the extracts' row readers parse dates and numbers straight
// from the bytes), else as the byte strings csv-parse would have given.
//
// What RowTaker (split.ts) does for a csv-parse record is done here for a line: number it by
// physical line, skip it when blank (Excel's ";;;;" rows too: every field only whitespace),
// and reject it when its field count differs from the header's, unless the extra fields are
// empty.

import { delimiterName } from './sniff.js';
import type { ByteRows, CsvProblem } from './types.js';

/** Longest line the fast path splits; a longer one goes to csv-parse, which applies its
 *  record-size limit (MAX_ROW_CHARS) exactly. */
export const MAX_FAST_LINE = 1_000_000;

/** Rows per ByteRows batch: about a chunk's worth (1 MiB of 70–110-byte rows). */
export const BYTE_ROWS = 16384;

export interface FastTarget {
  /** Rows as bytes; absent: rows as byte strings through `row`. */
  byteRows?(rows: ByteRows): void | Promise<void>;
  row(fields: string[], line: number, plain: boolean): void | Promise<void>;
  badRow(problem: CsvProblem): void | Promise<void>;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Is the byte whitespace for String.prototype.trim on a byte string (latin1)? TAB, LF, VT,
 *  FF, CR, space and NBSP (0xA0). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/**
 * Splits the whole lines of one region and hands the rows on. Lines are numbered from
 * `firstLine`; `lineCounter.line` is left at the line after the last one split.
 */
export class FastSplitter {
  private readonly bounds: Int32Array;
  private readonly lines = new Float64Array(BYTE_ROWS);
  private readonly stride: number;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly crlf: boolean,
    private readonly width: number,
    private readonly target: FastTarget,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.stride = width + 1;
    this.bounds = new Int32Array(BYTE_ROWS * this.stride);
  }

  /** Can a file with this delimiter be split by the fast path at all? A single ASCII byte that
   *  is not a quote, a line break or a space character. */
  static handles(delimiter: string): boolean {
    if (delimiter.length !== 1) return false;
    const c = delimiter.charCodeAt(0);
    return c < 0x80 && c !== QUOTE && c !== LF && c !== CR && c !== 32 && c !== 0xa0;
  }

  /**
   * Splits region[start, end) — whole lines, each ended by the file's line break — numbering
   * them from `counter.line` on (left at the line after the last one split). Returns where
   * csv-parse must take over: the start of the first line that holds a quote, a CR other than
   * the file's line break, or more than MAX_FAST_LINE bytes; −1 when the fast path split the
   * whole region. Awaits the target when it asks to wait.
   */
  async split(region: Buffer, start: number, end: number, counter: { line: number }): Promise<number> {
    // The first quote, and in a file whose line break is LF the first CR (csv-parse keeps it
    // in the field): their line and everything after it are csv-parse's.
    let stop = region.indexOf(QUOTE, start);
    if (stop < 0 || stop >= end) stop = end;
    if (!this.crlf) {
      const cr = region.indexOf(CR, start);
      if (cr >= 0 && cr < stop) stop = cr;
    }
    const stopLine = stop === end ? end : stop === start ? start : Math.max(start, region.lastIndexOf(LF, stop - 1) + 1);
    this.region = region;
    this.pos = start;
    this.count = 0;
    for (;;) {
      const event = this.scan(stopLine, end, counter);
      if (this.count > 0 && event !== FULL) await this.flush();
      switch (event) {
        case FULL:
          await this.flush();
          break;
        case BAD_ROW: {
          const wait = this.target.badRow(this.badRowProblem());
          if (wait) await wait;
          break;
        }
        case HAND_OVER:
          return this.pos;
        case DONE:
          return stopLine < end ? stopLine : -1;
      }
    }
  }

  private region: Buffer = Buffer.alloc(0);
  /** Where the next line starts. */
  private pos = 0;
  /** Rows in the batch. */
  private count = 0;
  private badLine = 0;
  private badFields = 0;

  /**
   * Splits lines from `pos` until the batch is full, a line is rejected (its field count), a
   * line is csv-parse's (`pos` is left at its start) or `stopLine` is reached. Synchronous,
   * so that the hot loop runs in an optimised function of its own.
   */
  private scan(stopLine: number, end: number, counter: { line: number }): number {
    const { delimiter, crlf, width, stride, bounds, lines, region } = this;
    let i = this.pos;
    let count = this.count;
    let event = DONE;
    while (i < stopLine) {
      const lineStart = i;
      const b = count * stride;
      bounds[b] = i;
      let f = 0;
      // The hot loop: one pass over the line's bytes, noting where each field starts.
      for (; i < end; i++) {
        const c = region[i];
        if (c === delimiter) {
          if (f < width) bounds[b + f + 1] = i + 1;
          f++;
        } else if (c === LF) break;
      }
      let lineEnd = i; // at the LF
      if (crlf) {
        // The line break is CR LF: a line ended by LF alone, or with a CR inside, is csv-parse's.
        if (lineEnd === lineStart || region[lineEnd - 1] !== CR || region.indexOf(CR, lineStart) < lineEnd - 1) {
          i = lineStart;
          event = HAND_OVER;
          break;
        }
        lineEnd--;
      }
      if (lineEnd - lineStart > MAX_FAST_LINE) {
        i = lineStart;
        event = HAND_OVER;
        break;
      }
      i++; // past the LF
      const line = counter.line++;
      const fields = f + 1;
      // The bound after the last field: one past the line's end (with more fields than the
      // header, the bound after field `width` − 1 is one past its delimiter, set above).
      if (fields <= width) bounds[b + fields] = lineEnd + 1;
      if (isBlank(region, lineStart, lineEnd, delimiter)) continue;
      if (fields === width || (fields > width && isBlank(region, bounds[b + width], lineEnd, delimiter))) {
        lines[count] = line;
        if (++count === BYTE_ROWS) {
          event = FULL;
          break;
        }
        continue;
      }
      this.badLine = line;
      this.badFields = fields;
      event = BAD_ROW;
      break;
    }
    this.pos = i;
    this.count = count;
    return event;
  }

  /** Hands the batch on, as bytes or as byte strings. */
  private async flush(): Promise<void> {
    const rows: ByteRows = { bytes: this.region, count: this.count, width: this.width, bounds: this.bounds, lines: this.lines };
    this.count = 0;
    if (this.target.byteRows) {
      const wait = this.target.byteRows(rows);
      if (wait) await wait;
      return;
    }
    for (let r = 0; r < rows.count; r++) {
      const wait = this.target.row(fieldsOf(rows, r), rows.lines[r], isPlain(rows, r));
      if (wait) await wait;
    }
  }

  private badRowProblem(): CsvProblem {
    return {
      type: 'row-length',
      line: this.badLine,
      field: null,
      value: null,
      message: `the row has ${this.badFields} fields but the header has ${this.width} (check the delimiter ${delimiterName(String.fromCharCode(this.delimiter))} and the quotes on this line)`,
    };
  }
}

const FULL = 0;
const BAD_ROW = 1;
const HAND_OVER = 2;
const DONE = 3;

/** Every field in bytes[start, end) is empty or whitespace: the fields of a blank record
 *  (RowTaker's isBlank), or the empty extra fields Excel adds. */
function isBlank(bytes: Buffer, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c !== delimiter && !isTrimmed(c)) return false;
  }
  return true;
}

/** The fields of row r of a batch as byte strings (what csv-parse gives for the same line). */
export function fieldsOf(rows: ByteRows, r: number): string[] {
  const stride = rows.width + 1;
  const fields = new Array<string>(rows.width);
  for (let f = 0, b = r * stride; f < rows.width; f++, b++) fields[f] = rows.bytes.toString('latin1', rows.bounds[b], rows.bounds[b + 1] - 1);
  return fields;
}

/** Whether row r of a batch is all ASCII without NUL (as csv-parse rows' `plain`). */
export function isPlain(rows: ByteRows, r: number): boolean {
  const stride = rows.width + 1;
  const bytes = rows.bytes;
  const end = rows.bounds[r * stride + rows.width] - 1;
  for (let i = rows.bounds[r * stride]; i < end; i++) {
    const c = bytes[i];
    if (c === 0 || c >= 0x80) return false;
  }
  return true;
}
