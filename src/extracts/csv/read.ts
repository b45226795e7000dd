// The reader's entry (SPEC §1.2, §2.1): readCsv opens a file or standard input and hands its
// rows to a visitor. Streaming throughout: no file's text is ever held whole in memory.
//
// One thread per file (issue 22 item 5): a file is read, hashed, gunzipped, split and parsed in
// the thread that loads it. Splitting a large file in a worker thread while this thread parsed
// its rows (a pipeline) was measured against this on the SPEC §5 set, whose other large files
// the loading lanes (src/extracts/lanes.ts) already put on the second core: the pipeline made
// that run 11 % slower and 85 MB larger (three threads on two cores), so it was removed; the
// figures are in README "Performance".

import { stat } from 'node:fs/promises';
import { describeIoError, openSource, ReadFailure } from './source.js';
import { SNIFF_BYTES } from './sniff.js';
import { splitRows } from './split.js';
import type { ByteRows, CsvReadOptions, CsvReadResult, CsvSink, CsvVisitor, SplitOptions } from './types.js';

/** Reads one CSV source ("-" = standard input) and hands its rows to the visitor. Never
 *  throws for bad input: every problem goes to the visitor. (It throws only for a bug: a
 *  visitor that throws.) */
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
  if (path !== '-') {
    try {
      if ((await stat(path)).isDirectory()) return fatalRead(sink, 'cannot read the file: it is a folder');
    } catch (err) {
      return fatalRead(sink, describeIoError(err));
    }
  }
  return readCsvInThisThread(path, options, sink);
}

function fatalRead(sink: CsvSink, message: string): CsvReadResult {
  sink.fileProblem({ type: 'unreadable-file', line: null, field: null, value: null, message });
  return { sha256: null, fatal: true };
}

/** Opens, hashes, decodes and splits one source in the calling thread. A folder or a missing
 *  file has been reported by readCsv already; one that fails here still becomes an
 *  unreadable-file problem. */
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
