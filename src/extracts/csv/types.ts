// The interface of the CSV reader (SPEC §1.2, §2.1): what it is given, what it hands on and
// what it returns. The reader turns bytes into rows of fields numbered by physical line;
// everything above it sees only these types.

import type { ProblemType } from '../problem-types.js';
import type { Utf16 } from './utf16.js';

/** A problem found while reading; `field` is the index of the offending field, if any. */
export interface CsvProblem {
  type: ProblemType;
  line: number | null;
  field: number | null;
  value: string | null;
  message: string;
}

export interface CsvReadOptions {
  /** Forced delimiter; default: detected from the header line among , ; TAB. */
  delimiter?: string;
  /** The header must split into at least this many fields for a detected delimiter. */
  minColumns: number;
  /** Called as raw bytes arrive (for progress feedback). */
  onBytes?: (bytesSoFar: number) => void;
  /** false: csv-parse splits every line, without the fast path for lines without quotes
   *  (tests run the same files both ways). Default true. */
  fastPath?: boolean;
}

/** The options the byte-level reader needs (the same in this thread and in a worker). */
export type SplitOptions = Pick<CsvReadOptions, 'delimiter' | 'minColumns' | 'fastPath'>;

/**
 * Rows split by the fast path (fast.ts), as bytes: row r has `width` fields (the header's
 * count; extra empty fields of a row are not included); field f of row r is
 * `bytes[bounds[r * (width + 1) + f] … bounds[r * (width + 1) + f + 1] - 1)`: each bound
 * after the first is one past the delimiter or line break that ends the field before it. Every row is a physical line of its own
 * (no quotes), not blank, with at least `width` fields. Valid only during the call.
 */
export interface ByteRows {
  readonly bytes: Buffer;
  readonly count: number;
  readonly width: number;
  readonly bounds: Int32Array;
  /** Physical line of row r. */
  readonly lines: Float64Array;
}

/** Names and fields are byte strings, one character per byte (decode.ts decodes them). */
export interface CsvVisitor {
  /** The header row. Return false when the file cannot be used: reading stops. `utf16`:
   *  the file began with a UTF-16 byte-order mark and is read transcoded to UTF-8 (utf16.ts);
   *  absent for every other file. */
  header(names: readonly string[], line: number, delimiter: string, utf16?: Utf16): boolean;
  /** A data row with at least as many fields as the header (extra fields are empty).
   *  `plain`: its bytes are all ASCII and none is NUL, so every field is its own text. */
  row(fields: readonly string[], line: number, plain: boolean): void;
  /** Data rows split by the fast path, as bytes. A visitor without it is given each of these
   *  rows through `row` instead, as the byte strings csv-parse would have split. */
  byteRows?(rows: ByteRows): void;
  /** A data row rejected while splitting (a wrong number of fields). */
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

/**
 * Where the byte-level reader sends what it finds (readCsv: the visitor). A promise returned
 * makes the reader wait for it, so a sink may answer later (the rows read do not depend on
 * when it answers: tests/extracts/csv/stream.test.ts).
 */
export interface CsvSink {
  header(names: string[], line: number, delimiter: string, utf16?: Utf16): boolean | Promise<boolean>;
  row(fields: string[], line: number, plain: boolean): void | Promise<void>;
  /** Rows split by the fast path as bytes; absent: they come through `row`. */
  byteRows?(rows: ByteRows): void | Promise<void>;
  badRow(problem: CsvProblem): void | Promise<void>;
  fileProblem(problem: CsvProblem): void;
  /** Raw bytes read so far (before gunzip). */
  bytes(n: number): void;
}
