// Public surface of src/extracts: load the named extract files into validated records and
// a list of problems. Reading only; nothing here prints or exits.
// (STUB — filled in by the extracts work; the signatures are the contract.)

import type { ExtractInfo, ExtractName, LoadedData } from './records.js';

/** One problem found in an input (SPEC §1.6; shaped like frictionless' errors). */
export interface Problem {
  /** Stable kebab-case type: missing-column, duplicate-column, empty-file, no-header,
   *  undetectable-delimiter, encoding-error, unreadable-file, csv-error, type-error,
   *  missing-cell, constraint-error, unique-error … */
  type: string;
  extract: ExtractName;
  /** Path as the user gave it ("-" for stdin). */
  path: string;
  /** Physical line (header = 1); null for file-level problems without a line. */
  line: number | null;
  /** Canonical column name, or null. */
  column: string | null;
  /** The offending value truncated to 40 characters, or null. */
  value: string | null;
  /** What was expected, in words: `"2016-13-01" is not a date (expected …)`. */
  message: string;
  /** File-level problems are reported before any row problem. */
  fileLevel: boolean;
}

export interface ExtractSource {
  extract: ExtractName;
  /** File path, or "-" for standard input. `.gz` files are decompressed transparently. */
  path: string;
}

export interface ReadOptions {
  /** Forced delimiter; default: detected from the header line among , ; TAB. */
  delimiter?: string;
  encoding: 'utf8' | 'latin1';
  /** How many problems per file to keep in memory (all are counted). Default 1000. */
  keepProblems?: number;
  /** Progress callback for long reads (rows and bytes so far). */
  onProgress?: (extract: ExtractName, rows: number, bytes: number) => void;
}

export interface FileReport {
  extract: ExtractName;
  path: string;
  /** Data rows read (0 when the file could not be read). */
  rows: number;
  /** The problems kept (at most `keepProblems` of ReadOptions, default 1000), file-level
   *  first, then by line. */
  problems: Problem[];
  /** All problems found, including those not kept. */
  problemCount: number;
  /** A file-level problem made the whole file unusable (no records were read from it). */
  unusable: boolean;
  /** Rows that had at least one problem (left out of the records). */
  rowsRejected: number;
}

export interface LoadResult {
  /** Valid records of every readable extract (invalid rows left out). */
  data: LoadedData;
  files: FileReport[];
}

export declare function loadExtracts(sources: readonly ExtractSource[], options: ReadOptions): Promise<LoadResult>;

export type { ExtractInfo };
