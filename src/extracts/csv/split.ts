// Splitting rows (SPEC §2.1, §1.6): from the bytes of a source to the header and data rows,
// numbered by physical line, with csv-parse doing the RFC 4180 work. splitRows runs the
// steps below in order: sniff the start, choose the delimiter, then feed csv-parse chunk
// by chunk and hand each record on (RowTaker), and finally turn a csv-parse failure into
// a file problem.
//
// Line numbers are counted here, not taken from csv-parse: its `info.lines` is only right at
// the moment a record is built (records reach a stream consumer in batches) and it counts a
// CRLF inside a quoted field as two lines. A row starts on the line after the previous row
// ended; a row spans 1 + (line breaks inside its fields) lines (SPEC §1.6).

import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { Parser, type CsvError } from 'csv-parse';
import { quote } from '../fields.js';
import { delimiterName, detectDelimiter, type Head, lineBreakAfter, lineOfOffset, notTextProblem, readHead } from './sniff.js';
import type { CsvProblem, CsvSink, SplitOptions } from './types.js';

/** Longest row csv-parse will build before giving up (guards against an unterminated
 *  quote swallowing the rest of a large file). */
export const MAX_ROW_CHARS = 1_000_000;

const NOT_UTF8 =
  'is not valid UTF-8 (the file looks like latin1/Windows-1252 text, e.g. an Excel "CSV (semicolon separated)" export) — try --encoding latin1';

export type SplitOutcome = 'complete' | 'stopped' | 'fatal';

export async function splitRows(bytes: AsyncGenerator<Buffer>, options: SplitOptions, sink: CsvSink): Promise<SplitOutcome> {
  const head = await readHead(bytes);
  const notText = notTextProblem(head.prefix);
  if (notText !== null) {
    sink.fileProblem(notText);
    return 'fatal';
  }
  const layout = chooseDelimiter(head, options, sink);
  if (layout === null) return 'fatal';

  const utf8 = options.encoding === 'utf8' ? new Utf8Check() : null;
  const parsing = new CsvParsing(layout.delimiter, options.encoding);
  const taker = new RowTaker(sink, layout.delimiter, layout.lineBreak, utf8, parsing);
  try {
    await feed(head, bytes, utf8, parsing, taker);
  } finally {
    parsing.parser.destroy();
  }

  if (parsing.error !== null) {
    sink.fileProblem({ type: 'csv-error', line: taker.line, field: null, value: null, message: csvErrorMessage(parsing, taker.line) });
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
  const headerLine = prefix.subarray(header.start, header.end).toString(options.encoding);
  const found = detectDelimiter(headerLine);
  if (found.fields < 2 && options.minColumns >= 2) {
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

/**
 * UTF-8 check on the raw bytes: isUtf8 is native and fast; a multi-byte character cut by a
 * chunk boundary is carried into the next chunk. Only once a bad sequence has been seen are
 * rows searched for U+FFFD (which is what Buffer decoding puts in its place), so a valid
 * file pays nothing per row.
 */
class Utf8Check {
  invalid = false;
  private carry: Buffer | null = null;

  check(chunk: Buffer): void {
    if (this.invalid) return;
    let buf = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    let i = buf.length - 1;
    let continuation = 0;
    while (i >= 0 && continuation < 3 && (buf[i] & 0xc0) === 0x80) {
      i--;
      continuation++;
    }
    if (i >= 0) {
      const lead = buf[i];
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (need > buf.length - i) {
        this.carry = Buffer.from(buf.subarray(i));
        buf = buf.subarray(0, i);
      }
    }
    if (!isUtf8(buf)) this.invalid = true;
  }

  /** The end of the file: a sequence still cut there is truncated. */
  end(): void {
    if (this.carry !== null) this.invalid = true;
  }
}

/** csv-parse set up for our rows, and the failure that stopped it, if any. */
class CsvParsing {
  readonly parser: Parser;
  error: CsvError | null = null;
  /** csv-parse was inside a quoted field when it failed. */
  quotingAtError = false;
  /** Records csv-parse had built when it failed (-1: no failure); later ones are dropped. */
  recordsBeforeError = -1;

  constructor(delimiter: string, encoding: SplitOptions['encoding']) {
    this.parser = new Parser({
      delimiter,
      encoding,
      bom: false,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      max_record_size: MAX_ROW_CHARS,
    });
    decodeFieldsInPlace(this.parser);
    this.parser.on('skip', (err: CsvError) => {
      // With relaxed quotes and column counts, the errors left are an unterminated quote and
      // an over-long row: nothing after them can be trusted, so reading stops.
      if (this.error !== null) return;
      this.error = err;
      this.recordsBeforeError = this.parser.info.records;
      this.quotingAtError = (this.parser as unknown as { state?: { quoting?: boolean } }).state?.quoting === true;
    });
  }
}

/** Takes csv-parse's records one by one: numbers them by line, skips blank ones, hands the
 *  first on as the header and checks the rest (field count, UTF-8) before handing them on. */
class RowTaker {
  /** The line the next record starts on. */
  line = 1;
  sawHeader = false;
  stoppedByVisitor = false;
  private records = 0;
  private headerLength = -1;

  constructor(
    private readonly sink: CsvSink,
    private readonly delimiter: string,
    private readonly lineBreak: string,
    private readonly utf8: Utf8Check | null,
    private readonly parsing: CsvParsing,
  ) {}

  /** Reading must stop: a csv-parse failure or a header the visitor refused. */
  get stop(): boolean {
    return this.stoppedByVisitor || this.parsing.error !== null;
  }

  /** Hands one record on; a promise when the sink asks the reader to wait. */
  take(fields: string[]): Promise<void> | void {
    this.records++;
    const { recordsBeforeError } = this.parsing;
    if (this.stoppedByVisitor || (recordsBeforeError >= 0 && this.records > recordsBeforeError)) return;
    const start = this.line;
    this.line += 1 + breaksInside(fields, this.lineBreak);
    if (isBlank(fields)) return; // blank lines and Excel's ";;;;" rows are not records
    if (!this.sawHeader) return this.takeHeader(fields, start);
    if (this.utf8?.invalid) {
      const bad = fieldWithReplacementChar(fields);
      if (bad >= 0) {
        return this.sink.badRow({ type: 'encoding-error', line: start, field: bad, value: fields[bad], message: `${quote(fields[bad].trim())} ${NOT_UTF8}` });
      }
    }
    if (fields.length !== this.headerLength && !extraFieldsAreEmpty(fields, this.headerLength)) {
      return this.sink.badRow({
        type: 'row-length',
        line: start,
        field: null,
        value: null,
        message: `the row has ${fields.length} fields but the header has ${this.headerLength} (check the delimiter ${delimiterName(this.delimiter)} and the quotes on this line)`,
      });
    }
    return this.sink.row(fields, start);
  }

  private async takeHeader(fields: string[], start: number): Promise<void> {
    this.sawHeader = true;
    this.headerLength = fields.length;
    if (this.utf8?.invalid && fieldWithReplacementChar(fields) >= 0) {
      this.sink.fileProblem({ type: 'encoding-error', line: start, field: null, value: fields.join(this.delimiter), message: `the header row ${NOT_UTF8}` });
    }
    if (!(await this.sink.header(fields, start, this.delimiter))) this.stoppedByVisitor = true;
  }
}

/**
 * Feeds the chunks to csv-parse and takes every record as soon as it is split.
 *
 * csv-parse is driven by hand rather than through a stream pipeline: write() splits a
 * chunk at once and read() takes its records, so every record of the bytes read before
 * a read failure (a truncated .gz) is handed on before the failure, and the UTF-8 state
 * is that of the chunks up to the record's own. A pipeline drops the records it holds
 * when a stage fails and reads ahead by a varying amount: the rows before a problem
 * would vary from run to run (and did, once the header waited for another thread).
 */
async function feed(head: Head, bytes: AsyncGenerator<Buffer>, utf8: Utf8Check | null, parsing: CsvParsing, taker: RowTaker): Promise<void> {
  const { parser } = parsing;
  const takeSplit = async () => {
    for (let fields = parser.read() as string[] | null; fields !== null; fields = parser.read() as string[] | null) {
      const wait = taker.take(fields);
      if (wait) await wait;
    }
  };
  let chunk = head.prefix;
  for (;;) {
    utf8?.check(chunk);
    parser.write(chunk);
    await takeSplit();
    if (taker.stop) return;
    const r = await bytes.next();
    if (r.done) break;
    chunk = r.value;
  }
  utf8?.end();
  const flushed = once(parser, 'finish');
  parser.end(); // the last row when it has no line break, or an unterminated quote
  await flushed;
  await takeSplit();
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

function fieldWithReplacementChar(fields: readonly string[]): number {
  for (let i = 0; i < fields.length; i++) if (fields[i].indexOf('\uFFFD') >= 0) return i;
  return -1;
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

