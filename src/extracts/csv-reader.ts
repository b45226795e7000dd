// The one module that reads CSV bytes (SPEC §1.2, §2.1): open a file or standard input,
// hash the bytes as stored, gunzip, strip a BOM, refuse binary files, detect the delimiter
// from the header line, check UTF-8, split rows with csv-parse and number them by physical
// line. Everything above this module sees only string[] rows with their line numbers, so
// the parser can be replaced here alone.
//
// Streaming throughout: no file's text is ever held whole in memory.
//
// Two threads for large files (SPEC §5: 1,000,000 admissions in under 15 s): a file of
// WORKER_MIN_BYTES or more is read, hashed, decoded and split in a worker thread
// (csv-worker.ts) while this thread runs the row parsers on the rows already split. The
// worker runs the very same code below (readCsvInThisThread) and sends what it finds back
// in batches; this thread hands them to the visitor in the same order, so both paths give
// the visitor the same calls. Smaller files and standard input are read in this thread: a
// worker costs a start-up, and cannot read this process's standard input.
//
// Line numbers are counted here, not taken from csv-parse: its `info.lines` is only right at
// the moment a record is built (records reach a stream consumer in batches) and it counts a
// CRLF inside a quoted field as two lines. A row starts on the line after the previous row
// ended; a row spans 1 + (line breaks inside its fields) lines (SPEC §1.6).

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
  /** Which thread splits the rows: 'auto' (the default) uses a worker thread for a file of
   *  WORKER_MIN_BYTES or more, this thread otherwise; 'main' and 'worker' force one (tests
   *  run the same files through both). Standard input is always read in this thread. */
  thread?: 'auto' | 'main' | 'worker';
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

/** Stored size from which a file is split in a worker thread. A worker costs about 50 ms
 *  to start plus its own JIT warm-up, and on a 2-core machine the two threads slow each
 *  other down, so it pays off only for large files. Measured with `compute` (median of 5):
 *  10.8 MB of admissions 1.15 s here, 1.19 s in a worker; 20 MB of referrals 1.38 s /
 *  1.45 s; 34 MB of LUP answers 2.44 s / 2.22 s; 108 MB of admissions 8.1 s / 7.7 s. */
export const WORKER_MIN_BYTES = 24 * 1024 * 1024;
/** Rows per message from the worker, and how many messages may wait unread: the worker
 *  never runs more than BATCHES_IN_FLIGHT × BATCH_ROWS rows (plus what its streams
 *  buffer) ahead of the visitor, so memory stays flat however fast it splits. 500 to
 *  8,000 rows per message measured the same. */
export const BATCH_ROWS = 2000;
export const BATCHES_IN_FLIGHT = 4;

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
 *  throws for bad input: every problem goes to the visitor. (It throws only for a bug: a
 *  visitor that throws, or a worker thread that fails.) */
export async function readCsv(path: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<CsvReadResult> {
  const sink: CsvSink = {
    header: (names, line, delimiter) => Boolean(visitor.header(names, line, delimiter)),
    row: (fields, line) => {
      visitor.row(fields, line);
    },
    badRow: (problem) => {
      visitor.badRow(problem);
    },
    fileProblem: (problem) => visitor.fileProblem(problem),
    bytes: (n) => options.onBytes?.(n),
  };
  if (path === '-') return readCsvInThisThread(path, options, sink);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return fatalRead(sink, 'cannot read the file: it is a folder');
    size = st.size;
  } catch (err) {
    return fatalRead(sink, describeIoError(err));
  }
  return readerThread(path, size, options.thread) === 'worker'
    ? readCsvInWorker(path, options, visitor)
    : readCsvInThisThread(path, options, sink);
}

/** The thread that splits a source of `storedBytes` bytes: standard input always here;
 *  otherwise as forced, or by size when the worker entry exists (it does not when this
 *  module runs from the TypeScript sources, as under vitest). */
export function readerThread(
  path: string,
  storedBytes: number,
  thread: CsvReadOptions['thread'] = 'auto',
  workerAvailable: boolean = workerFile() !== null,
): 'main' | 'worker' {
  if (path === '-' || thread === 'main') return 'main';
  if (thread === 'worker') return 'worker';
  return storedBytes >= WORKER_MIN_BYTES && workerAvailable ? 'worker' : 'main';
}

function fatalRead(sink: CsvSink, message: string): CsvReadResult {
  sink.fileProblem({ type: 'unreadable-file', line: null, field: null, value: null, message });
  return { sha256: null, fatal: true };
}

/**
 * Where the byte-level reader sends what it finds: the visitor itself in this thread, or
 * the batches for the main thread in a worker. A promise returned makes the reader wait
 * (for the header's answer from the main thread, or for the main thread to catch up).
 */
export interface CsvSink {
  header(names: string[], line: number, delimiter: string): boolean | Promise<boolean>;
  row(fields: string[], line: number): void | Promise<void>;
  badRow(problem: CsvProblem): void | Promise<void>;
  fileProblem(problem: CsvProblem): void;
  /** Raw bytes read so far (before gunzip). */
  bytes(n: number): void;
}

/** Opens, hashes, decodes and splits one source in the calling thread (the worker thread
 *  calls this too). A folder or a missing file has been reported by readCsv already; one
 *  that fails here still becomes an unreadable-file problem. */
export async function readCsvInThisThread(
  path: string,
  options: Pick<CsvReadOptions, 'delimiter' | 'encoding' | 'minColumns'>,
  sink: CsvSink,
): Promise<CsvReadResult> {
  const input: Readable = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: SNIFF_BYTES });
  const hash = createHash('sha256');
  let rawBytes = 0;
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of input) {
        hash.update(chunk as Buffer);
        rawBytes += (chunk as Buffer).length;
        sink.bytes(rawBytes);
        yield chunk as Buffer;
      }
    } catch (err) {
      throw new ReadFailure(describeIoError(err));
    }
  }
  const bytes = gunzipIfCompressed(raw());
  try {
    const outcome = await splitRows(bytes, options, sink);
    if (outcome === 'fatal') return { sha256: null, fatal: true };
    return { sha256: outcome === 'complete' ? hash.digest('hex') : null, fatal: false };
  } catch (err) {
    if (err instanceof ReadFailure) return fatalRead(sink, err.message);
    throw err;
  } finally {
    await bytes.return(undefined);
    if (input !== process.stdin) input.destroy();
  }
}

// ---------------------------------------------------------------------------------------
// The worker thread: protocol and the main thread's side (the worker's side is csv-worker.ts).

/** What the worker is given (functions cannot cross threads, so no onBytes). */
export interface WorkerJob {
  path: string;
  delimiter?: string;
  encoding: 'utf8' | 'latin1';
  minColumns: number;
  batchRows: number;
  batchesInFlight: number;
}

/** Messages from the worker, in the order the reader found things. Every one carries the
 *  raw bytes read so far, for onBytes. */
export type FromWorker =
  | { type: 'header'; bytes: number; names: string[]; line: number; delimiter: string }
  /** Rows and bad rows in file order: entry i starts on lines[i] and is the next of
   *  `rows`, or, where bad[i] is 1, the next of `problems`. An array per row measured a
   *  little faster, and smaller, than one flat array of fields with a count per row. */
  | { type: 'rows'; bytes: number; rows: string[][]; lines: Int32Array; bad: Uint8Array | null; problems: CsvProblem[] }
  | { type: 'file-problem'; bytes: number; problem: CsvProblem }
  | { type: 'done'; bytes: number; result: CsvReadResult };

/** Messages to the worker: the visitor's answer to the header, and "a batch of rows was
 *  handed over" (a credit for one more). */
export type ToWorker = { type: 'header'; accept: boolean } | { type: 'ack' };

let workerUrl: URL | null | undefined;
/** The built worker entry next to this module, or null when there is none: run from the
 *  TypeScript sources (vitest), the worker cannot be started and files are read here. */
function workerFile(): URL | null {
  if (workerUrl === undefined) {
    const url = new URL('./csv-worker.js', import.meta.url);
    workerUrl = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  }
  return workerUrl;
}

function readCsvInWorker(path: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<CsvReadResult> {
  const url = workerFile();
  if (url === null) {
    const missing = new URL('./csv-worker.js', import.meta.url).href;
    return Promise.reject(new Error(`cannot start the CSV reader thread: ${missing} does not exist (run npm run build)`));
  }
  const job: WorkerJob = {
    path,
    delimiter: options.delimiter,
    encoding: options.encoding,
    minColumns: options.minColumns,
    batchRows: BATCH_ROWS,
    batchesInFlight: BATCHES_IN_FLIGHT,
  };
  return receiveFromWorker(new Worker(url, { workerData: job }), path, options.onBytes, visitor);
}

/** The part of a Worker that receiveFromWorker uses (tests hand it a worker that dies). */
export interface WorkerLike {
  on(event: 'message', listener: (m: FromWorker) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(m: ToWorker): void;
  terminate(): Promise<number>;
}

/**
 * This thread's side: hands the worker's findings to the visitor in the order they come,
 * answers the header and gives back a credit for every batch handed over. Resolves with
 * the worker's result; rejects (an internal error, never a hang) when the worker fails or
 * stops before it is done, or when the visitor throws (as the visitor's error would leave
 * readCsv in this thread). The worker is stopped either way.
 */
export function receiveFromWorker(
  worker: WorkerLike,
  path: string,
  onBytes: ((bytesSoFar: number) => void) | undefined,
  visitor: CsvVisitor,
): Promise<CsvReadResult> {
  return new Promise<CsvReadResult>((resolve, reject) => {
    let settled = false;
    let bytes = 0;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: FromWorker) => {
      if (settled) return;
      try {
        if (m.bytes > bytes) {
          bytes = m.bytes;
          onBytes?.(bytes);
        }
        switch (m.type) {
          case 'rows': {
            const { rows, lines, bad, problems } = m;
            if (bad === null) {
              for (let i = 0; i < rows.length; i++) visitor.row(rows[i], lines[i]);
            } else {
              for (let i = 0, r = 0, p = 0; i < lines.length; i++) {
                if (bad[i] === 1) visitor.badRow(problems[p++]);
                else visitor.row(rows[r++], lines[i]);
              }
            }
            worker.postMessage({ type: 'ack' });
            break;
          }
          case 'header':
            worker.postMessage({ type: 'header', accept: Boolean(visitor.header(m.names, m.line, m.delimiter)) });
            break;
          case 'file-problem':
            visitor.fileProblem(m.problem);
            break;
          case 'done':
            settled = true;
            void worker.terminate();
            resolve(m.result);
            break;
        }
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', (err) => fail(new Error(`the CSV reader thread failed while reading ${path}: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => fail(new Error(`the CSV reader thread stopped unexpectedly (exit code ${code}) while reading ${path}`)));
  });
}

/**
 * The worker's sink: gathers rows and bad rows into batches of `batchRows` and posts them,
 * with file problems and the header in between, in the order found.
 *
 * Back-pressure: a batch is a credit spent; the main thread gives it back ("ack") once it
 * has handed the batch's rows to its visitor. With `batchesInFlight` batches unacknowledged
 * the reader waits (row() returns a promise), which pauses csv-parse and the file stream
 * behind it, so memory stays flat however slow the visitor is.
 */
export class BatchSender implements CsvSink {
  private rows: string[][] = [];
  private lines: Int32Array;
  /** Which entries are bad rows; allocated at the first bad row of a batch. */
  private bad: Uint8Array | null = null;
  private problems: CsvProblem[] = [];
  private n = 0;
  private inFlight = 0;
  private rawBytes = 0;
  private wake: (() => void) | null = null;
  private answer: ((accept: boolean) => void) | null = null;

  constructor(
    private readonly post: (m: FromWorker, transfer?: ArrayBuffer[]) => void,
    private readonly batchRows: number,
    private readonly batchesInFlight: number,
  ) {
    this.lines = new Int32Array(batchRows);
  }

  /** A message from the main thread. */
  receive(m: ToWorker): void {
    if (m.type === 'ack') {
      this.inFlight--;
      if (this.wake !== null && this.inFlight < this.batchesInFlight) {
        const wake = this.wake;
        this.wake = null;
        wake();
      }
    } else if (this.answer !== null) {
      const answer = this.answer;
      this.answer = null;
      answer(m.accept);
    }
  }

  header(names: string[], line: number, delimiter: string): Promise<boolean> {
    this.flush();
    return new Promise((resolve) => {
      this.answer = resolve;
      this.post({ type: 'header', bytes: this.rawBytes, names, line, delimiter });
    });
  }

  row(fields: string[], line: number): Promise<void> | undefined {
    this.rows.push(fields);
    this.lines[this.n] = line;
    return ++this.n === this.batchRows ? this.flushAndWait() : undefined;
  }

  badRow(problem: CsvProblem): Promise<void> | undefined {
    if (this.bad === null) this.bad = new Uint8Array(this.batchRows);
    this.bad[this.n] = 1;
    this.problems.push(problem);
    this.lines[this.n] = problem.line ?? 0;
    return ++this.n === this.batchRows ? this.flushAndWait() : undefined;
  }

  fileProblem(problem: CsvProblem): void {
    this.flush(); // the rows found before it are handed over before it
    this.post({ type: 'file-problem', bytes: this.rawBytes, problem });
  }

  bytes(n: number): void {
    this.rawBytes = n;
  }

  done(result: CsvReadResult): void {
    this.flush();
    this.post({ type: 'done', bytes: this.rawBytes, result });
  }

  /** Posts the entries gathered so far (a credit spent). */
  private flush(): void {
    if (this.n === 0) return;
    const lines = this.lines.slice(0, this.n);
    const bad = this.bad === null ? null : this.bad.slice(0, this.n);
    const transfer = bad === null ? [lines.buffer] : [lines.buffer, bad.buffer];
    this.post({ type: 'rows', bytes: this.rawBytes, rows: this.rows, lines, bad, problems: this.problems }, transfer);
    this.rows = [];
    this.bad = null;
    this.problems = [];
    this.n = 0;
    this.inFlight++;
  }

  /** Posts a full batch; a promise when no credit is left, resolved by the next ack. */
  private flushAndWait(): Promise<void> | undefined {
    this.flush();
    if (this.inFlight < this.batchesInFlight) return undefined;
    return new Promise((resolve) => (this.wake = resolve));
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
    yield* chunksThenError(gunzip);
  } catch (err) {
    if (err instanceof ReadFailure) throw err;
    throw new ReadFailure(`cannot decompress: not a valid gzip file (${(err as Error).message})`);
  }
}

/**
 * The chunks of a byte stream, as `for await` gives them, except that a failure comes only
 * after every chunk produced before it. `for await` drops what the stream holds when it
 * fails (a truncated .gz: the rows decompressed before the end), and how much it holds then
 * depends on timing, so the rows read before the problem would vary from run to run.
 */
export async function* chunksThenError(stream: Readable): AsyncGenerator<Buffer> {
  let failure: Error | null = null;
  let ended = false;
  let closed = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onError = (err: Error) => {
    failure ??= err;
    signal();
  };
  const onEnd = () => {
    ended = true;
    signal();
  };
  const onClose = () => {
    closed = true;
    signal();
  };
  stream.on('readable', signal).on('error', onError).on('end', onEnd).on('close', onClose);
  try {
    for (;;) {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) {
        yield chunk;
        continue;
      }
      if (failure !== null) throw failure;
      if (ended) return;
      if (closed) throw new Error('the stream closed before its end');
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', signal).off('error', onError).off('end', onEnd).off('close', onClose);
    stream.destroy();
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

const NOT_UTF8 =
  'is not valid UTF-8 (the file looks like latin1/Windows-1252 text, e.g. an Excel "CSV (semicolon separated)" export) — try --encoding latin1';

type SplitOutcome = 'complete' | 'stopped' | 'fatal';

async function splitRows(
  bytes: AsyncGenerator<Buffer>,
  options: Pick<CsvReadOptions, 'delimiter' | 'encoding' | 'minColumns'>,
  sink: CsvSink,
): Promise<SplitOutcome> {
  const fileProblem = (type: string, message: string, line: number | null = null, value: string | null = null) =>
    sink.fileProblem({ type, line, field: null, value, message });

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
  decodeFieldsInPlace(parser);
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

  let line = 1;
  let records = 0;
  let headerLength = -1;
  let stoppedByVisitor = false;

  /** Hands one record on; a promise when the sink asks the reader to wait. */
  function take(fields: string[]): Promise<void> | void {
    records++;
    if (stoppedByVisitor || (recordsBeforeError >= 0 && records > recordsBeforeError)) return;
    const start = line;
    line += 1 + breaksInside(fields, lineBreak);
    if (isBlank(fields)) return; // blank lines and Excel's ";;;;" rows are not records
    if (headerLength < 0) return takeHeader(fields, start);
    if (invalidUtf8) {
      const bad = fieldWithReplacementChar(fields);
      if (bad >= 0) {
        return sink.badRow({ type: 'encoding-error', line: start, field: bad, value: fields[bad], message: `${quote(fields[bad].trim())} ${NOT_UTF8}` });
      }
    }
    if (fields.length !== headerLength) {
      let extraAreEmpty = fields.length > headerLength;
      for (let i = headerLength; extraAreEmpty && i < fields.length; i++) extraAreEmpty = fields[i].trim() === '';
      if (!extraAreEmpty) {
        return sink.badRow({
          type: 'row-length',
          line: start,
          field: null,
          value: null,
          message: `the row has ${fields.length} fields but the header has ${headerLength} (check the delimiter ${delimiterName(delimiter!)} and the quotes on this line)`,
        });
      }
    }
    return sink.row(fields, start);
  }

  async function takeHeader(fields: string[], start: number): Promise<void> {
    headerLength = fields.length;
    if (invalidUtf8 && fieldWithReplacementChar(fields) >= 0) {
      fileProblem('encoding-error', `the header row ${NOT_UTF8}`, start, fields.join(delimiter));
    }
    if (!(await sink.header(fields, start, delimiter!))) {
      stoppedByVisitor = true;
      stop = true;
    }
  }

  /** Takes every record csv-parse has split so far. */
  async function takeSplit(): Promise<void> {
    for (let fields = parser.read() as string[] | null; fields !== null; fields = parser.read() as string[] | null) {
      const wait = take(fields);
      if (wait) await wait;
    }
  }

  // csv-parse is driven by hand rather than through a stream pipeline: write() splits a
  // chunk at once and read() takes its records, so every record of the bytes read before
  // a read failure (a truncated .gz) is handed on before the failure, and the UTF-8 state
  // is that of the chunks up to the record's own. A pipeline drops the records it holds
  // when a stage fails and reads ahead by a varying amount: the rows before a problem
  // would vary from run to run (and did, once the header waited for another thread).
  try {
    let chunk = prefix;
    for (;;) {
      if (checkUtf8) check(chunk);
      parser.write(chunk);
      await takeSplit();
      if (stop) break;
      const r = await bytes.next();
      if (r.done) {
        ended = true;
        break;
      }
      chunk = r.value;
    }
    if (ended && !stop) {
      if (carry !== null) invalidUtf8 = true; // a truncated sequence at the end
      const flushed = once(parser, 'finish');
      parser.end(); // the last row when it has no line break, or an unterminated quote
      await flushed;
      await takeSplit();
    }
  } finally {
    parser.destroy();
  }

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
