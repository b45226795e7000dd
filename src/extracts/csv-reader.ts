// The one module that reads CSV bytes (SPEC §1.2, §2.1): open a file or standard input,
// hash the bytes as stored, gunzip, strip a BOM, refuse binary files, detect the delimiter
// from the header line, check UTF-8, split rows with csv-parse and number them by physical
// line. Everything above this module sees only string[] rows with their line numbers, so
// the parser can be replaced here alone.
//
// Streaming throughout: no file's text is ever held whole in memory.
//
// Line numbers are counted here, not taken from csv-parse: its `info.lines` is only right at
// the moment a record is built (records reach a stream consumer in batches) and it counts a
// CRLF inside a quoted field as two lines. A row starts on the line after the previous row
// ended; a row spans 1 + (line breaks inside its fields) lines (SPEC §1.6).

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Parser, type CsvError } from 'csv-parse';
import { quote } from './fields.js';

/** A problem found while reading; `field` is the index of the offending field, if any. */
export interface CsvProblem {
  type: string;
  line: number | null;
  field: number | null;
  value: string | null;
  message: string;
}

export interface CsvReadOptions {
  /** Forced delimiter; default: detected from the header line among , ; TAB. */
  delimiter?: string;
  encoding: 'utf8' | 'latin1';
  /** The header must split into at least this many fields for a detected delimiter. */
  minColumns: number;
  /** Called as raw bytes arrive (for progress feedback). */
  onBytes?: (bytesSoFar: number) => void;
}

export interface CsvVisitor {
  /** The header row. Return false when the file cannot be used: reading stops. */
  header(names: readonly string[], line: number, delimiter: string): boolean;
  /** A data row with at least as many fields as the header (extra fields are empty). */
  row(fields: readonly string[], line: number): void;
  /** A data row rejected while splitting (wrong field count, not valid UTF-8). */
  badRow(problem: CsvProblem): void;
  /** A problem with the file as a whole; reported before any row problem. */
  fileProblem(problem: CsvProblem): void;
}

export interface CsvReadResult {
  /** sha256 (hex) of the bytes as stored (the .gz bytes for a .gz file); null when the
   *  file was not read to its end. */
  sha256: string | null;
  /** Reading stopped on a file-level problem (or never started). */
  fatal: boolean;
}

/** Longest row csv-parse will build before giving up (guards against an unterminated
 *  quote swallowing the rest of a large file). */
export const MAX_ROW_CHARS = 1_000_000;
/** How much of the start of a file is inspected for the header line and binary content. */
const SNIFF_BYTES = 1 << 16;
const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/** An I/O or decompression failure, as a message for the user. */
class ReadFailure extends Error {}

function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'cannot read the file: no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    case 'EISDIR':
      return 'cannot read the file: it is a folder';
    default:
      return `cannot read the file: ${e?.message ?? String(err)}`;
  }
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'TAB' : `"${d}"`;
}

/** Reads one CSV source ("-" = standard input) and hands its rows to the visitor. Never
 *  throws for bad input: every problem goes to the visitor. */
export async function readCsv(path: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<CsvReadResult> {
  const fatal = (type: string, message: string, line: number | null = null, value: string | null = null): CsvReadResult => {
    visitor.fileProblem({ type, line, field: null, value, message });
    return { sha256: null, fatal: true };
  };
  let input: Readable;
  if (path === '-') {
    input = process.stdin;
  } else {
    try {
      const st = await stat(path);
      if (st.isDirectory()) return fatal('unreadable-file', 'cannot read the file: it is a folder');
    } catch (err) {
      return fatal('unreadable-file', describeIoError(err));
    }
    input = createReadStream(path, { highWaterMark: SNIFF_BYTES });
  }
  const hash = createHash('sha256');
  let rawBytes = 0;
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of input) {
        hash.update(chunk as Buffer);
        rawBytes += (chunk as Buffer).length;
        options.onBytes?.(rawBytes);
        yield chunk as Buffer;
      }
    } catch (err) {
      throw new ReadFailure(describeIoError(err));
    }
  }
  const bytes = gunzipIfCompressed(raw());
  try {
    const outcome = await splitRows(bytes, options, visitor);
    if (outcome === 'fatal') return { sha256: null, fatal: true };
    return { sha256: outcome === 'complete' ? hash.digest('hex') : null, fatal: false };
  } catch (err) {
    if (err instanceof ReadFailure) return fatal('unreadable-file', err.message);
    throw err;
  } finally {
    await bytes.return(undefined);
    if (input !== process.stdin) input.destroy();
  }
}

/** The bytes of the source, gunzipped when they start with the gzip magic bytes (so a
 *  compressed file is read whatever its name, and a plain file named .gz too). */
async function* gunzipIfCompressed(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer = Buffer.alloc(0);
  let ended = false;
  while (head.length < 2) {
    const r = await chunks.next();
    if (r.done) {
      ended = true;
      break;
    }
    head = head.length === 0 ? r.value : Buffer.concat([head, r.value]);
  }
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (!ended) yield* chunks;
  }
  if (!(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(all()), gunzip).catch(() => {
    // The same error reaches the loop below through the destroyed gunzip stream.
  });
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof ReadFailure) throw err;
    throw new ReadFailure(`cannot decompress: not a valid gzip file (${(err as Error).message})`);
  }
}

/** Where the first non-blank line starts and ends (its line break, or the end of the
 *  bytes when none has arrived yet); null when every line so far is blank. */
function headerLineBounds(buf: Buffer): { start: number; end: number } | null {
  let start = 0;
  while (start < buf.length) {
    let end = start;
    let blank = true;
    while (end < buf.length && buf[end] !== 10 && buf[end] !== 13) {
      if (buf[end] !== 32 && buf[end] !== 9) blank = false;
      end++;
    }
    if (!blank) return { start, end };
    start = end + 1;
  }
  return null;
}

function lineOfOffset(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

/** The candidate delimiter splitting the header line into the most fields (quotes
 *  respected); ties go to the earlier of , ; TAB. */
export function detectDelimiter(headerLine: string): { delimiter: string; fields: number } {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = CANDIDATE_DELIMITERS.indexOf(c as (typeof CANDIDATE_DELIMITERS)[number]);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return { delimiter: CANDIDATE_DELIMITERS[best], fields: counts[best] + 1 };
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

function fieldWithReplacementChar(fields: readonly string[]): number {
  for (let i = 0; i < fields.length; i++) if (fields[i].indexOf('\uFFFD') >= 0) return i;
  return -1;
}

const NOT_UTF8 =
  'is not valid UTF-8 (the file looks like latin1/Windows-1252 text, e.g. an Excel "CSV (semicolon separated)" export) — try --encoding latin1';

type SplitOutcome = 'complete' | 'stopped' | 'fatal';

async function splitRows(bytes: AsyncGenerator<Buffer>, options: CsvReadOptions, visitor: CsvVisitor): Promise<SplitOutcome> {
  const fileProblem = (type: string, message: string, line: number | null = null, value: string | null = null) =>
    visitor.fileProblem({ type, line, field: null, value, message });

  // 1. The start of the file: enough for the header line (the first line that is not
  // blank) and one byte after its line break, to tell CR from CRLF.
  let prefix: Buffer = Buffer.alloc(0);
  let ended = false;
  let bomChecked = false;
  let header = headerLineBounds(prefix);
  while (prefix.length < SNIFF_BYTES && (header === null || header.end >= prefix.length - 1)) {
    const r = await bytes.next();
    if (r.done) {
      ended = true;
      break;
    }
    prefix = prefix.length === 0 ? r.value : Buffer.concat([prefix, r.value]);
    if (!bomChecked && prefix.length >= 3) {
      // A UTF-8 BOM is always accepted and stripped (SPEC §1.2), in either encoding.
      bomChecked = true;
      if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) prefix = prefix.subarray(3);
    }
    header = headerLineBounds(prefix);
  }
  if (prefix.length === 0) {
    fileProblem('empty-file', 'the file is empty (expected a header row naming the columns, then one row per record)');
    return 'fatal';
  }
  if ((prefix[0] === 0xff && prefix[1] === 0xfe) || (prefix[0] === 0xfe && prefix[1] === 0xff)) {
    fileProblem('binary-file', 'the file is UTF-16 text (Excel "Unicode text"?); save it as "CSV UTF-8" or CSV');
    return 'fatal';
  }
  if (prefix[0] === 0x50 && prefix[1] === 0x4b && prefix[2] === 0x03 && prefix[3] === 0x04) {
    fileProblem('binary-file', 'the file is a zip archive, e.g. an Excel workbook (.xlsx); save it as CSV');
    return 'fatal';
  }
  if (prefix[0] === 0xd0 && prefix[1] === 0xcf && prefix[2] === 0x11 && prefix[3] === 0xe0) {
    fileProblem('binary-file', 'the file is an old Excel workbook (.xls); save it as CSV');
    return 'fatal';
  }
  const nul = prefix.indexOf(0);
  if (nul >= 0) {
    fileProblem('binary-file', 'the file contains NUL bytes: this is not CSV text (binary file?)', lineOfOffset(prefix, nul));
    return 'fatal';
  }

  // 2. The delimiter, from the header line.
  if (header === null) {
    if (ended) {
      fileProblem('empty-file', 'the file has no header row (it holds only blank lines)');
      return 'fatal';
    }
    header = { start: 0, end: prefix.length };
  }
  const headerLine = prefix.subarray(header.start, header.end).toString(options.encoding);
  const lineBreak = prefix[header.end] === 13 && prefix[header.end + 1] !== 10 ? '\r' : '\n';
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const found = detectDelimiter(headerLine);
    if (found.fields < 2 && options.minColumns >= 2) {
      const other = ['|', ':'].find((d) => headerLine.includes(d));
      fileProblem(
        'undetectable-delimiter',
        `cannot tell the delimiter: the header line ${quote(headerLine)} contains none of "," ";" and TAB (tried all three); ` +
          `give --delimiter${other ? `, e.g. --delimiter "${other}"` : ''}`,
        lineOfOffset(prefix, header.start),
        headerLine,
      );
      return 'fatal';
    }
    delimiter = found.delimiter;
  }

  // 3. UTF-8 check on the raw bytes: isUtf8 is native and fast; a multi-byte character cut
  // by a chunk boundary is carried into the next chunk. Only once a bad sequence has been
  // seen are rows searched for U+FFFD (which is what Buffer decoding puts in its place),
  // so a valid file pays nothing per row.
  const checkUtf8 = options.encoding === 'utf8';
  let invalidUtf8 = false;
  let carry: Buffer | null = null;
  const check = (chunk: Buffer) => {
    if (invalidUtf8) return;
    let buf = carry === null ? chunk : Buffer.concat([carry, chunk]);
    carry = null;
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
        carry = Buffer.from(buf.subarray(i));
        buf = buf.subarray(0, i);
      }
    }
    if (!isUtf8(buf)) invalidUtf8 = true;
  };

  // 4. Rows.
  const parser = new Parser({
    delimiter,
    encoding: options.encoding,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_CHARS,
  });
  let stop = false;
  let csvError: CsvError | null = null;
  let quotingAtError = false;
  let recordsBeforeError = -1;
  parser.on('skip', (err: CsvError) => {
    // With relaxed quotes and column counts, the errors left are an unterminated quote and
    // an over-long row: nothing after them can be trusted, so reading stops.
    if (stop) return;
    stop = true;
    csvError = err;
    recordsBeforeError = parser.info.records;
    quotingAtError = (parser as unknown as { state?: { quoting?: boolean } }).state?.quoting === true;
  });

  async function* feed(): AsyncGenerator<Buffer> {
    if (checkUtf8) check(prefix);
    yield prefix;
    while (!ended && !stop) {
      const r = await bytes.next();
      if (r.done) {
        ended = true;
        break;
      }
      if (checkUtf8) check(r.value);
      yield r.value;
    }
    if (ended && carry !== null) invalidUtf8 = true; // a truncated sequence at the end
  }

  let line = 1;
  let records = 0;
  let headerLength = -1;
  let stoppedByVisitor = false;
  async function consume(source: AsyncIterable<string[]>): Promise<void> {
    for await (const fields of source) {
      records++;
      if (stoppedByVisitor || (recordsBeforeError >= 0 && records > recordsBeforeError)) continue;
      const start = line;
      line += 1 + breaksInside(fields, lineBreak);
      if (isBlank(fields)) continue; // blank lines and Excel's ";;;;" rows are not records
      if (headerLength < 0) {
        headerLength = fields.length;
        if (invalidUtf8 && fieldWithReplacementChar(fields) >= 0) {
          fileProblem('encoding-error', `the header row ${NOT_UTF8}`, start, fields.join(delimiter));
        }
        if (!visitor.header(fields, start, delimiter!)) {
          stoppedByVisitor = true;
          stop = true;
        }
        continue;
      }
      if (invalidUtf8) {
        const bad = fieldWithReplacementChar(fields);
        if (bad >= 0) {
          visitor.badRow({ type: 'encoding-error', line: start, field: bad, value: fields[bad], message: `${quote(fields[bad].trim())} ${NOT_UTF8}` });
          continue;
        }
      }
      if (fields.length !== headerLength) {
        let extraAreEmpty = fields.length > headerLength;
        for (let i = headerLength; extraAreEmpty && i < fields.length; i++) extraAreEmpty = fields[i].trim() === '';
        if (!extraAreEmpty) {
          visitor.badRow({
            type: 'row-length',
            line: start,
            field: null,
            value: null,
            message: `the row has ${fields.length} fields but the header has ${headerLength} (check the delimiter ${delimiterName(delimiter!)} and the quotes on this line)`,
          });
          continue;
        }
      }
      visitor.row(fields, start);
    }
  }

  await pipeline(Readable.from(feed()), parser, consume);

  if (csvError !== null) {
    const err = csvError as CsvError;
    let message: string;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      message = `unterminated quote: the row starting on line ${line} opens a quoted field (") that is not closed before the end of the file`;
    } else if (err.code === 'CSV_MAX_RECORD_SIZE' && quotingAtError) {
      message = `unterminated quote: the row starting on line ${line} opens a quoted field (") that runs on for more than ${MAX_ROW_CHARS.toLocaleString('en')} characters`;
    } else if (err.code === 'CSV_MAX_RECORD_SIZE') {
      message = `the row starting on line ${line} is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters (not a CSV text file, or an unexpected line ending?)`;
    } else {
      message = `cannot read the row starting on line ${line}: ${err.message}`;
    }
    fileProblem('csv-error', message, line);
    return 'fatal';
  }
  if (headerLength < 0) {
    fileProblem('empty-file', 'the file has no header row (it holds only blank lines)');
    return 'fatal';
  }
  return stoppedByVisitor ? 'stopped' : 'complete';
}
