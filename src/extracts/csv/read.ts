// The reader's entry (SPEC §1.2, §2.1): readCsv opens a file or standard input and hands its
// rows to a visitor, choosing the thread that splits them. Streaming throughout: no file's
// text is ever held whole in memory.
//
// Two threads for large files (SPEC §5: 1,000,000 admissions in under 15 s): a file of
// WORKER_MIN_BYTES or more is read, hashed, gunzipped and split in a worker thread
// (worker-protocol.ts, worker.ts) while this thread runs the row parsers on the rows already
// split. Smaller files and standard input are read in this thread: a worker costs a
// start-up, and cannot read this process's standard input.

import { stat } from 'node:fs/promises';
import { describeIoError, openSource, ReadFailure } from './source.js';
import { SNIFF_BYTES } from './sniff.js';
import { splitRows } from './split.js';
import type { ByteRows, CsvReadOptions, CsvReadResult, CsvSink, CsvVisitor, SplitOptions } from './types.js';
import { readCsvInWorker, workerFile } from './worker-protocol.js';

/** Stored size from which a file is split in a worker thread. A worker costs about 50 ms
 *  to start plus its own JIT warm-up, and on a 2-core machine the two threads slow each
 *  other down, so it pays off only for large files. Measured with `compute` (median of 5):
 *  10.8 MB of admissions 1.15 s here, 1.19 s in a worker; 20 MB of referrals 1.38 s /
 *  1.45 s; 34 MB of LUP answers 2.44 s / 2.22 s; 108 MB of admissions 8.1 s / 7.7 s. */
export const WORKER_MIN_BYTES = 24 * 1024 * 1024;

/** Reads one CSV source ("-" = standard input) and hands its rows to the visitor. Never
 *  throws for bad input: every problem goes to the visitor. (It throws only for a bug: a
 *  visitor that throws, or a worker thread that fails.) */
export async function readCsv(path: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<CsvReadResult> {
  const sink: CsvSink = {
    header: (names, line, delimiter, utf16) =>
      Boolean(utf16 === undefined ? visitor.header(names, line, delimiter) : visitor.header(names, line, delimiter, utf16)),
    row: (fields, line, plain) => {
      visitor.row(fields, line, plain);
    },
    ...(visitor.byteRows ? { byteRows: (rows: ByteRows) => visitor.byteRows!(rows) } : {}),
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

/** Opens, hashes, decodes and splits one source in the calling thread (the worker thread
 *  calls this too). A folder or a missing file has been reported by readCsv already; one
 *  that fails here still becomes an unreadable-file problem. */
export async function readCsvInThisThread(path: string, options: SplitOptions, sink: CsvSink): Promise<CsvReadResult> {
  const source = openSource(path, SNIFF_BYTES, (n) => sink.bytes(n));
  try {
    const outcome = await splitRows(source.bytes, options, sink);
    if (outcome === 'fatal') return { sha256: null, fatal: true };
    return { sha256: outcome === 'complete' ? source.sha256() : null, fatal: false };
  } catch (err) {
    if (err instanceof ReadFailure) return fatalRead(sink, err.message);
    throw err;
  } finally {
    await source.close();
  }
}
