// Splitting rows (SPEC §2.1, §1.6): from the bytes of a source to the header and data rows,
// numbered by physical line, with csv-parse doing the RFC 4180 work. splitRows runs the
// steps below in order: sniff the start, choose the delimiter, then feed csv-parse chunk
// by chunk and hand each record on (RowTaker), and finally turn a csv-parse failure into
// a file problem.
//
// Fields are handed on as byte strings (csv-parse decodes with latin1: one character per
// byte; see decode.ts): the encoding is the business of the columns that are used, which
// the row layer decodes. A row is marked `plain` when every chunk it was split from is ASCII
// without NUL bytes (two native scans per chunk), so its fields need no decoding or check;
// the rows of other chunks are looked at field by field, but only in the used columns, by the
// row readers (a per-row scan here measured slower).
//
// The fast path (fast.ts): after the header, the lines of a chunk are split by hand up to the
// first line that holds a quote (or a CR the file's line break does not explain). That line
// and what follows go to csv-parse — a new parser, given the line break the first one
// discovered — until a chunk ends outside a quoted field at a line break: that parser is then
// ended, which is where one parse of the whole file would be too (a record boundary outside
// quotes, where csv-parse holds no state from one record to the next), and the fast path
// takes over again. So csv-parse sees every line the fast path cannot split trivially, and
// the two together give the rows one csv-parse would.
//
// Line numbers are counted here, not taken from csv-parse: its `info.lines` is only right at
// the moment a record is built (records reach a stream consumer in batches) and it counts a
// CRLF inside a quoted field as two lines. A row starts on the line after the previous row
// ended; a row spans 1 + (line breaks inside its fields) lines (SPEC §1.6).

import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { Parser, type CsvError } from 'csv-parse';
import { quote } from '../fields.js';
import { displayText } from './decode.js';
import { FastSplitter } from './fast.js';
import { delimiterName, detectDelimiter, type Head, lineBreakAfter, lineOfOffset, notTextProblem, readHead } from './sniff.js';
import type { CsvSink, SplitOptions } from './types.js';
import { type Utf16, utf16AsUtf8 } from './utf16.js';

/** Longest row csv-parse will build before giving up (guards against an unterminated
 *  quote swallowing the rest of a large file). Counted in bytes, as fields are byte strings;
 *  the same as characters for ASCII. */
export const MAX_ROW_CHARS = 1_000_000;

export type SplitOutcome = 'complete' | 'stopped' | 'fatal';

export async function splitRows(source: AsyncGenerator<Buffer>, options: SplitOptions, sink: CsvSink): Promise<SplitOutcome> {
  // A UTF-16 file is read as the UTF-8 it transcodes to (utf16.ts; SPEC §14.1).
  const { bytes, utf16 } = await utf16AsUtf8(source);
  const head = await readHead(bytes);
  const notText = notTextProblem(head.prefix);
  if (notText !== null) {
    sink.fileProblem(notText);
    return 'fatal';
  }
  const layout = chooseDelimiter(head, options, sink);
  if (layout === null) return 'fatal';

  const taker = new RowTaker(sink, layout.delimiter, layout.lineBreak, utf16);
  const feeder = new Feeder(layout.delimiter, taker, sink, options.fastPath !== false);
  try {
    await feeder.feed(head, bytes);
  } finally {
    feeder.close();
  }

  const failed = taker.failed;
  if (failed !== null) {
    sink.fileProblem({ type: 'csv-error', line: taker.line, field: null, value: null, message: csvErrorMessage(failed, taker.line) });
    return 'fatal';
  }
  if (!taker.sawHeader) {
    sink.fileProblem({ type: 'empty-file', line: null, field: null, value: null, message: 'the file has no header row (it holds only blank lines)' });
    return 'fatal';
  }
  return taker.stoppedByVisitor ? 'stopped' : 'complete';
}

/** The delimiter (forced, or detected from the header line) and the file's line break;
 *  null after reporting a file without a header or without a detectable delimiter. */
function chooseDelimiter(head: Head, options: SplitOptions, sink: CsvSink): { delimiter: string; lineBreak: '\r' | '\n' } | null {
  const { prefix } = head;
  let header = head.header;
  if (header === null) {
    if (head.ended) {
      sink.fileProblem({ type: 'empty-file', line: null, field: null, value: null, message: 'the file has no header row (it holds only blank lines)' });
      return null;
    }
    header = { start: 0, end: prefix.length };
  }
  const lineBreak = lineBreakAfter(prefix, header.end);
  if (options.delimiter !== undefined) return { delimiter: options.delimiter, lineBreak };
  const headerBytes = prefix.subarray(header.start, header.end).toString('latin1');
  const found = detectDelimiter(headerBytes);
  if (found.fields < 2 && options.minColumns >= 2) {
    const headerLine = displayText(headerBytes);
    const other = ['|', ':'].find((d) => headerLine.includes(d));
    sink.fileProblem({
      type: 'undetectable-delimiter',
      line: lineOfOffset(prefix, header.start),
      field: null,
      value: headerLine,
      message:
        `cannot tell the delimiter: the header line ${quote(headerLine)} contains none of "," ";" and TAB (tried all three); ` +
        `give --delimiter${other ? `, e.g. --delimiter "${other}"` : ''}`,
    });
    return null;
  }
  return { delimiter: found.delimiter, lineBreak };
}

/** One csv-parse parser set up for our rows (the first discovers the line break; later ones
 *  are given it), and the failure that stopped it, if any. */
class CsvParsing {
  readonly parser: Parser;
  error: CsvError | null = null;
  /** csv-parse was inside a quoted field when it failed. */
  quotingAtError = false;
  /** Records csv-parse had built when it failed (-1: no failure); later ones are dropped. */
  recordsBeforeError = -1;
  /** Records taken from this parser. */
  taken = 0;
  /** Some chunk written since the last record ended held a non-ASCII or NUL byte. */
  openRecordMixed = false;

  constructor(delimiter: string, recordDelimiter?: string) {
    this.parser = new Parser({
      delimiter,
      encoding: 'latin1', // byte strings (see decode.ts)
      bom: false,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      max_record_size: MAX_ROW_CHARS,
      ...(recordDelimiter !== undefined ? { record_delimiter: recordDelimiter } : {}),
    });
    decodeFieldsInPlace(this.parser);
    acceptAnyFieldCount(this.parser);
    this.parser.on('skip', (err: CsvError) => {
      // With relaxed quotes and column counts, the errors left are an unterminated quote and
      // an over-long row: nothing after them can be trusted, so reading stops.
      if (this.error !== null) return;
      this.error = err;
      this.recordsBeforeError = this.parser.info.records;
      this.quotingAtError = quoting(this.parser) === true;
    });
  }

  /** The line break csv-parse discovered (or was given): "\n", "\r\n", another, or null
   *  while none has been seen. */
  recordDelimiter(): string | null {
    const found = (this.parser as unknown as { options?: { record_delimiter?: unknown } }).options?.record_delimiter;
    if (!Array.isArray(found) || found.length !== 1 || !Buffer.isBuffer(found[0])) return null;
    return (found[0] as Buffer).toString('latin1');
  }
}

/** csv-parse's "inside a quoted field" (its state), or undefined when it has no such state. */
function quoting(parser: Parser): boolean | undefined {
  const q = (parser as unknown as { state?: { quoting?: unknown } }).state?.quoting;
  return typeof q === 'boolean' ? q : undefined;
}

/** Takes csv-parse's records one by one: numbers them by line, skips blank ones, hands the
 *  first on as the header and checks the field count of the rest before handing them on. */
class RowTaker {
  /** The line the next record starts on. */
  line = 1;
  sawHeader = false;
  stoppedByVisitor = false;
  headerLength = -1;
  /** The parser whose failure stopped reading, if any. */
  failed: CsvParsing | null = null;

  constructor(
    private readonly sink: CsvSink,
    private readonly delimiter: string,
    private readonly lineBreak: string,
    private readonly utf16: Utf16 | null,
  ) {}

  /** Reading must stop: a csv-parse failure or a header the visitor refused. */
  get stop(): boolean {
    return this.stoppedByVisitor || this.failed !== null;
  }

  /** Hands one record of `parsing` on; a promise when the sink asks the reader to wait.
   *  `plain`: the record's bytes are ASCII without NUL. */
  take(parsing: CsvParsing, fields: string[], plain: boolean): Promise<void> | void {
    parsing.taken++;
    const { recordsBeforeError } = parsing;
    if (this.stoppedByVisitor || (recordsBeforeError >= 0 && parsing.taken > recordsBeforeError)) return;
    const start = this.line;
    this.line += 1 + breaksInside(fields, this.lineBreak);
    if (isBlank(fields)) return; // blank lines and Excel's ";;;;" rows are not records
    if (!this.sawHeader) return this.takeHeader(fields, start);
    if (fields.length !== this.headerLength && !extraFieldsAreEmpty(fields, this.headerLength)) {
      return this.sink.badRow({
        type: 'row-length',
        line: start,
        field: null,
        value: null,
        message: `the row has ${fields.length} fields but the header has ${this.headerLength} (check the delimiter ${delimiterName(this.delimiter)} and the quotes on this line)`,
      });
    }
    return this.sink.row(fields, start, plain);
  }

  private async takeHeader(fields: string[], start: number): Promise<void> {
    this.sawHeader = true;
    this.headerLength = fields.length;
    // `utf16` only when the file was UTF-16: the calls for other files stay as they were.
    const accepted = this.utf16 === null ? this.sink.header(fields, start, this.delimiter) : this.sink.header(fields, start, this.delimiter, this.utf16);
    if (!(await accepted)) this.stoppedByVisitor = true;
  }
}

const LF = 10;
const CR = 13;
const QUOTE_BYTE = 34;
const EMPTY = Buffer.alloc(0);

/**
 * Feeds the chunks to the fast path and to csv-parse, and takes every record as soon as it is
 * split.
 *
 * csv-parse is driven by hand rather than through a stream pipeline: write() splits a
 * chunk at once and read() takes its records, so every record of the bytes read before
 * a read failure (a truncated .gz) is handed on before the failure, and every record
 * taken after write(chunk) ends in that chunk. A pipeline drops the records it holds
 * when a stage fails and reads ahead by a varying amount: the rows before a problem
 * would vary from run to run (and did, once the header waited for another thread).
 *
 * Plain records: the first record taken after a write may have begun in earlier chunks
 * (those written since the last record ended); the others lie within the chunk itself.
 */
class Feeder {
  /** The csv-parse parser taking the bytes, or null while the fast path does. */
  private parsing: CsvParsing | null;
  /** Every parser made, to destroy them all at the end. */
  private readonly made: CsvParsing[] = [];
  /** Bytes after the last line break seen, not yet split. */
  private carry: Buffer = EMPTY;
  /** The line break the first parser discovered: the fast path splits at LF or CR LF only. */
  private lineBreak: '\n' | '\r\n' | 'other' | null = null;
  private fast: FastSplitter | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly taker: RowTaker,
    private readonly sink: CsvSink,
    private readonly fastPath: boolean,
  ) {
    this.parsing = this.newParsing(undefined);
  }

  async feed(head: Head, bytes: AsyncGenerator<Buffer>): Promise<void> {
    let chunk = head.prefix;
    // The header and the first row alone first, when that is safe (headerAndFirstRowEnd): then
    // csv-parse is ended after them and the fast path takes the rest of the first chunk too,
    // instead of csv-parse splitting its ≈ 600 rows while its code is still cold (≈ 0.1 s
    // before the first rows reach the row readers; SPEC §12). csv-parse needs the first row as
    // well: it holds a line break back until it sees what follows, so the header alone would
    // not be taken yet.
    const cut = this.fastPath ? headerAndFirstRowEnd(chunk) : -1;
    if (cut > 0) {
      await this.take(chunk.subarray(0, cut));
      if (this.taker.stop) return;
      const parsing = this.parsing;
      if (parsing !== null && this.fastPossible()) await this.endIfAtRecordBoundary(parsing);
      chunk = chunk.subarray(cut);
    }
    for (;;) {
      await this.take(chunk);
      if (this.taker.stop) return;
      const r = await bytes.next();
      if (r.done) break;
      chunk = r.value;
    }
    // The last line when it has no line break, or an unterminated quote.
    const parsing = this.parsing ?? this.newParsing(this.lineBreakOption());
    await this.write(parsing, this.carry);
    this.carry = EMPTY;
    await this.end(parsing);
  }

  close(): void {
    for (const p of this.made) p.parser.destroy();
  }

  /** One chunk: to the open parser, or split by the fast path up to where csv-parse must
   *  take over. Only whole lines are split or ended on; the rest waits in `carry`. */
  private async take(chunk: Buffer): Promise<void> {
    const parsing = this.parsing;
    if (parsing !== null && !this.fastPossible()) {
      await this.write(parsing, chunk);
      return;
    }
    const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = this.lastLineEnd(data);
    if (cut < 0) {
      if (parsing !== null) {
        await this.write(parsing, data);
        this.carry = EMPTY;
      } else if (data.length > MAX_ROW_CHARS) {
        // A line this long is csv-parse's to judge (its record-size limit).
        await this.write(this.open(), data);
        this.carry = EMPTY;
      } else this.carry = data;
      return;
    }
    this.carry = data.subarray(cut);
    if (parsing !== null) {
      await this.write(parsing, data.subarray(0, cut));
      await this.endIfAtRecordBoundary(parsing);
      return;
    }
    const handOver = await this.fast!.split(data, 0, cut, this.taker);
    if (handOver < 0 || this.taker.stop) return;
    const opened = this.open();
    await this.write(opened, data.subarray(handOver, cut));
    await this.endIfAtRecordBoundary(opened);
  }

  /** After the header, with a one-byte delimiter and a line break of LF or CR LF, lines can be
   *  split by hand. */
  private fastPossible(): boolean {
    if (!this.fastPath || !this.taker.sawHeader || this.taker.stop) return false;
    if (this.lineBreak === null) this.lineBreak = lineBreakName(this.parsing?.recordDelimiter() ?? null);
    if (this.lineBreak === null || this.lineBreak === 'other' || !FastSplitter.handles(this.delimiter)) return false;
    this.fast ??= new FastSplitter(this.delimiter, this.lineBreak === '\r\n', this.taker.headerLength, this.sink);
    return true;
  }

  /** One past the last line break in data (CR LF in a CR LF file), or −1. */
  private lastLineEnd(data: Buffer): number {
    for (let lf = data.lastIndexOf(LF); lf >= 0; lf = lf > 0 ? data.lastIndexOf(LF, lf - 1) : -1) {
      if (this.lineBreak !== '\r\n' || (lf > 0 && data[lf - 1] === CR)) return lf + 1;
    }
    return -1;
  }

  /** A parser is ended where one parse of the file would be at a record boundary: the bytes
   *  written end with the line break, and it is not inside a quoted field (csv-parse holds
   *  back only the line break then). */
  private async endIfAtRecordBoundary(parsing: CsvParsing): Promise<void> {
    if (this.taker.stop || quoting(parsing.parser) !== false) return;
    await this.end(parsing);
    this.parsing = null;
  }

  private open(): CsvParsing {
    this.parsing = this.newParsing(this.lineBreakOption());
    return this.parsing;
  }

  private lineBreakOption(): string | undefined {
    return this.lineBreak === '\n' || this.lineBreak === '\r\n' ? this.lineBreak : undefined;
  }

  private newParsing(recordDelimiter: string | undefined): CsvParsing {
    const p = new CsvParsing(this.delimiter, recordDelimiter);
    this.made.push(p);
    return p;
  }

  private async write(parsing: CsvParsing, chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    const chunkMixed = !isAscii(chunk) || chunk.indexOf(0) >= 0;
    parsing.parser.write(chunk);
    await this.takeSplit(parsing, chunkMixed);
  }

  private async end(parsing: CsvParsing): Promise<void> {
    const flushed = once(parsing.parser, 'finish');
    parsing.parser.end();
    await flushed;
    await this.takeSplit(parsing, false);
    if (parsing.error !== null) this.taker.failed ??= parsing;
  }

  private async takeSplit(parsing: CsvParsing, chunkMixed: boolean): Promise<void> {
    const { parser } = parsing;
    let mixed = parsing.openRecordMixed || chunkMixed;
    for (let fields = parser.read() as string[] | null; fields !== null; fields = parser.read() as string[] | null) {
      const wait = this.taker.take(parsing, fields, !mixed);
      mixed = chunkMixed;
      parsing.openRecordMixed = chunkMixed;
      if (wait) await wait;
    }
    parsing.openRecordMixed ||= chunkMixed;
    if (parsing.error !== null) this.taker.failed ??= parsing;
  }
}

/**
 * Where the first two lines of a file's first chunk end, when giving csv-parse just them
 * cannot change a thing: the chunk is ASCII without NUL (so every row of it is `plain`, as
 * when csv-parse had split the whole chunk), the two lines hold no quote (no field runs on
 * past them), both end in the same line break, LF or CR LF, with no other CR (so csv-parse
 * discovers that line break and the second line ends a record), and more follows. −1 otherwise:
 * then csv-parse splits the first chunk as before.
 */
export function headerAndFirstRowEnd(chunk: Buffer): number {
  const first = chunk.indexOf(LF);
  if (first < 0) return -1;
  const second = chunk.indexOf(LF, first + 1);
  if (second < 0 || second + 1 >= chunk.length) return -1;
  const crlf = first > 0 && chunk[first - 1] === CR;
  if (crlf !== (chunk[second - 1] === CR)) return -1;
  for (let i = 0; i < second; i++) {
    const c = chunk[i];
    if (c === QUOTE_BYTE) return -1;
    if (c === CR && !(crlf && (i === first - 1 || i === second - 1))) return -1;
  }
  if (!isAscii(chunk) || chunk.indexOf(0) >= 0) return -1;
  return second + 1;
}

function lineBreakName(recordDelimiter: string | null): '\n' | '\r\n' | 'other' | null {
  if (recordDelimiter === null) return null;
  return recordDelimiter === '\n' || recordDelimiter === '\r\n' ? recordDelimiter : 'other';
}

function csvErrorMessage(parsing: CsvParsing, line: number): string {
  const err = parsing.error!;
  const limit = MAX_ROW_CHARS.toLocaleString('en');
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `unterminated quote: the row starting on line ${line} opens a quoted field (") that is not closed before the end of the file`;
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE' && parsing.quotingAtError) {
    return `unterminated quote: the row starting on line ${line} opens a quoted field (") that runs on for more than ${limit} characters`;
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return `the row starting on line ${line} is longer than ${limit} characters (not a CSV text file, or an unexpected line ending?)`;
  }
  return `cannot read the row starting on line ${line}: ${err.message}`;
}

/** Line breaks inside the fields of one row. One indexOf per field: only the file's own
 *  line ending is counted (LF, which also covers CRLF; or CR in an old Mac file). */
function breaksInside(fields: readonly string[], lineBreak: string): number {
  let n = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    for (let j = f.indexOf(lineBreak); j >= 0; j = f.indexOf(lineBreak, j + 1)) n++;
  }
  return n;
}

function isBlank(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.length !== 0 && f.trim().length !== 0) return false;
  }
  return true;
}

/** Excel adds trailing delimiters: fields beyond the header's count are fine when empty. */
function extraFieldsAreEmpty(fields: readonly string[], headerLength: number): boolean {
  if (fields.length < headerLength) return false;
  for (let i = headerLength; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

/**
 * Makes csv-parse decode each field straight from its field buffer. csv-parse 6 turns a
 * field into a string with `buf.slice(0, length).toString(encoding)`, which builds a
 * throw-away Buffer view per field: a fifth of the time of reading a large extract (CPU
 * profile of 1,000,000 admissions: slice, subarray and the FastBuffer constructor 1.6 s of
 * 8.8 s; reading alone went from about 6.9 s to 5.6 s without them).
 * `buf.toString(encoding, 0, length)` decodes the same bytes to the same string without
 * the view. Only the instance's own field buffer is changed, and only when it has the
 * shape this relies on; otherwise csv-parse is left as it is (slower, same result).
 * Returns whether it applied (a test checks it still does after a csv-parse upgrade).
 */
export function decodeFieldsInPlace(parser: Parser): boolean {
  const field = (parser as unknown as { state?: { field?: unknown } }).state?.field as
    | { buf?: unknown; length?: unknown; toString?: unknown }
    | undefined;
  if (field === undefined || !Buffer.isBuffer(field.buf) || typeof field.length !== 'number' || typeof field.toString !== 'function') {
    return false;
  }
  const original = field.toString as (this: unknown, encoding?: BufferEncoding) => unknown;
  field.toString = function (this: { buf: Buffer; length: number }, encoding?: BufferEncoding): unknown {
    // Without an encoding csv-parse wants bytes, not a string: its own code does that.
    return encoding ? this.buf.toString(encoding, 0, this.length) : original.call(this, encoding);
  };
  return true;
}


/**
 * Stops csv-parse from building an error for every row whose field count differs from the
 * first row's. With relax_column_count it still constructs a CsvError for each (a stack
 * trace and a JSON copy of the record and of its state) only to drop it: rows of the wrong
 * length were read at about 28,000 rows/s, five times slower than rows with bad values.
 * Telling it before each record that the expected length is the record's own skips that;
 * the field count is checked by RowTaker against the header. Patched on the instance, and
 * only when csv-parse has the shape this relies on (a test checks it still does after an
 * upgrade); otherwise csv-parse is left as it is (slower, same rows).
 *
 * Measured with `validate --format json` on 200,000 admissions of 9 fields under an 8-field
 * header (14.4 MB), CPU seconds (user) of three runs alternating with the old build on a
 * busy 2-core machine: before 16.9 / 18.1 / 18.3 s, after 1.8 / 2.2 / 2.4 s — now as cheap
 * as 200,000 rows with a bad date (2.6 s) or 200,000 valid rows (2.2 s).
 */
export function acceptAnyFieldCount(parser: Parser): boolean {
  const api = (parser as unknown as { api?: { __onRecord?: unknown; state?: { record?: unknown } } }).api;
  if (api === undefined || typeof api.__onRecord !== 'function' || !Array.isArray(api.state?.record)) return false;
  const onRecord = api.__onRecord as (this: unknown, push: unknown) => unknown;
  api.__onRecord = function (this: { state: { record: unknown[]; expectedRecordLength: number } }, push: unknown): unknown {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.call(this, push);
  };
  return true;
}
