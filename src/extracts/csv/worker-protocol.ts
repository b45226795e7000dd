// Reading a large file in a worker thread (SPEC §5): the messages between the threads, the
// worker's side (BatchSender, a CsvSink that posts batches) and this thread's side
// (receiveFromWorker, which hands them to the visitor). The worker's entry is worker.ts.
//
// The worker runs the very same reader as this thread (readCsvInThisThread) and sends what
// it finds back in batches; this thread hands them to the visitor in the same order, so
// both paths give the visitor the same calls.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fieldsOf, isPlain } from './fast.js';
import type { ByteRows, CsvProblem, CsvReadOptions, CsvReadResult, CsvSink, CsvVisitor } from './types.js';
import type { Utf16 } from './utf16.js';

/** Rows per message from the worker, and how many messages may wait unread: the worker
 *  never runs more than BATCHES_IN_FLIGHT × BATCH_ROWS rows (plus what its streams
 *  buffer) ahead of the visitor, so memory stays flat however fast it splits. 500 to
 *  8,000 rows per message measured the same. */
export const BATCH_ROWS = 2000;
export const BATCHES_IN_FLIGHT = 4;

/** What the worker is given (functions cannot cross threads, so no onBytes). */
export interface WorkerJob {
  path: string;
  delimiter?: string;
  minColumns: number;
  fastPath?: boolean;
  /** The visitor reads rows as bytes: the fast path's rows are sent as ByteRows. */
  byteRows: boolean;
  batchRows: number;
  batchesInFlight: number;
}

/** Messages from the worker, in the order the reader found things. Every one carries the
 *  raw bytes read so far, for onBytes. */
export type FromWorker =
  | { type: 'header'; bytes: number; names: string[]; line: number; delimiter: string; utf16?: Utf16 }
  /** Rows and bad rows in file order: entry i starts on lines[i] and is the next of
   *  `rows`, or, where bad[i] is 1, the next of `problems`; where mixed[i] is 1 the row is
   *  not plain (null: every row is). An array per row measured a little faster, and
   *  smaller, than one flat array of fields with a count per row. */
  | {
      type: 'rows';
      bytes: number;
      rows: string[][];
      lines: Int32Array;
      bad: Uint8Array | null;
      mixed: Uint8Array | null;
      problems: CsvProblem[];
    }
  /** Rows split by the fast path (ByteRows): their bytes (the span from the first row's
   *  start to the last row's end, moved to this thread, not copied) with bounds relative to
   *  it. */
  | { type: 'byte-rows'; bytes: number; data: ArrayBuffer; count: number; width: number; bounds: Int32Array; lines: Float64Array }
  | { type: 'file-problem'; bytes: number; problem: CsvProblem }
  | { type: 'done'; bytes: number; result: CsvReadResult };

/** Messages to the worker: the visitor's answer to the header, and "a batch of rows was
 *  handed over" (a credit for one more). */
export type ToWorker = { type: 'header'; accept: boolean } | { type: 'ack' };

const WORKER_ENTRY = './worker.js';
let workerUrl: URL | null | undefined;
/** The built worker entry next to this module, or null when there is none: run from the
 *  TypeScript sources (vitest), the worker cannot be started and files are read here. */
export function workerFile(): URL | null {
  if (workerUrl === undefined) {
    const url = new URL(WORKER_ENTRY, import.meta.url);
    workerUrl = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  }
  return workerUrl;
}

export function readCsvInWorker(path: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<CsvReadResult> {
  const url = workerFile();
  if (url === null) {
    const missing = new URL(WORKER_ENTRY, import.meta.url).href;
    return Promise.reject(new Error(`cannot start the CSV reader thread: ${missing} does not exist (run npm run build)`));
  }
  const job: WorkerJob = {
    path,
    delimiter: options.delimiter,
    minColumns: options.minColumns,
    fastPath: options.fastPath,
    byteRows: visitor.byteRows !== undefined,
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
          case 'rows':
            handOver(m, visitor);
            worker.postMessage({ type: 'ack' });
            break;
          case 'byte-rows': {
            const rows: ByteRows = { bytes: Buffer.from(m.data), count: m.count, width: m.width, bounds: m.bounds, lines: m.lines };
            if (visitor.byteRows) visitor.byteRows(rows);
            else for (let r = 0; r < rows.count; r++) visitor.row(fieldsOf(rows, r), rows.lines[r], isPlain(rows, r));
            worker.postMessage({ type: 'ack' });
            break;
          }
          case 'header':
            worker.postMessage({
              type: 'header',
              accept: Boolean(m.utf16 === undefined ? visitor.header(m.names, m.line, m.delimiter) : visitor.header(m.names, m.line, m.delimiter, m.utf16)),
            });
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

/** Hands one batch to the visitor: its rows and bad rows in file order. */
function handOver(m: Extract<FromWorker, { type: 'rows' }>, visitor: CsvVisitor): void {
  const { rows, lines, bad, mixed, problems } = m;
  if (bad === null && mixed === null) {
    for (let i = 0; i < rows.length; i++) visitor.row(rows[i], lines[i], true);
    return;
  }
  for (let i = 0, r = 0, p = 0; i < lines.length; i++) {
    if (bad !== null && bad[i] === 1) visitor.badRow(problems[p++]);
    else visitor.row(rows[r++], lines[i], mixed === null || mixed[i] === 0);
  }
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
  /** Which rows are not plain; allocated at the first such row of a batch. */
  private mixed: Uint8Array | null = null;
  private problems: CsvProblem[] = [];
  private n = 0;
  private inFlight = 0;
  private rawBytes = 0;
  private wake: (() => void) | null = null;
  private answer: ((accept: boolean) => void) | null = null;

  /** Present when the main thread's visitor reads rows as bytes (the splitter then gives
   *  the fast path's rows here rather than through `row`). */
  byteRows?: (rows: ByteRows) => Promise<void> | undefined;

  constructor(
    private readonly post: (m: FromWorker, transfer?: ArrayBuffer[]) => void,
    private readonly batchRows: number,
    private readonly batchesInFlight: number,
    byteRows = false,
  ) {
    this.lines = new Int32Array(batchRows);
    if (byteRows) this.byteRows = (rows) => this.sendByteRows(rows);
  }

  /** Posts rows split by the fast path (a credit spent): the bytes they span are copied into
   *  a buffer of their own, which is moved to the main thread with the bounds, made relative
   *  to it. The splitter's buffers are reused, so they cannot be moved themselves. */
  private sendByteRows(rows: ByteRows): Promise<void> | undefined {
    this.flush(); // the rows and problems before these go first
    const stride = rows.width + 1;
    const n = rows.count * stride;
    const from = rows.bounds[0];
    const to = rows.bounds[(rows.count - 1) * stride + rows.width];
    const data = new ArrayBuffer(to - from);
    new Uint8Array(data).set(rows.bytes.subarray(from, to));
    const bounds = new Int32Array(n);
    for (let k = 0; k < n; k++) bounds[k] = rows.bounds[k] - from;
    const lines = rows.lines.slice(0, rows.count);
    this.post({ type: 'byte-rows', bytes: this.rawBytes, data, count: rows.count, width: rows.width, bounds, lines }, [data, bounds.buffer, lines.buffer]);
    this.inFlight++;
    if (this.inFlight < this.batchesInFlight) return undefined;
    return new Promise((resolve) => (this.wake = resolve));
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

  header(names: string[], line: number, delimiter: string, utf16?: Utf16): Promise<boolean> {
    this.flush();
    return new Promise((resolve) => {
      this.answer = resolve;
      this.post({ type: 'header', bytes: this.rawBytes, names, line, delimiter, ...(utf16 !== undefined ? { utf16 } : {}) });
    });
  }

  row(fields: string[], line: number, plain: boolean): Promise<void> | undefined {
    if (!plain) {
      if (this.mixed === null) this.mixed = new Uint8Array(this.batchRows);
      this.mixed[this.n] = 1;
    }
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
    const mixed = this.mixed === null ? null : this.mixed.slice(0, this.n);
    const transfer = [lines.buffer];
    if (bad !== null) transfer.push(bad.buffer);
    if (mixed !== null) transfer.push(mixed.buffer);
    this.post({ type: 'rows', bytes: this.rawBytes, rows: this.rows, lines, bad, mixed, problems: this.problems }, transfer);
    this.rows = [];
    this.bad = null;
    this.mixed = null;
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
