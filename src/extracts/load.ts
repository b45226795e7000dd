// Public surface of src/extracts: load the named extract files into validated records and
// a list of problems. Reading only; nothing here prints or exits.

import { stat } from 'node:fs/promises';
import type { DayNumber } from '../calc/time.js';
import { ByteRowReader } from './byte-row.js';
import { encodingChoice, fieldsOf, isPlain, readCsv, TextDecoding, type ByteRows, type FileEncoding, type Utf16 } from './csv/index.js';
import { quote, truncateValue } from './fields.js';
import type { ProblemType } from './problem-types.js';
import { TripleKeys, UniqueKeys } from './keys.js';
import type { ExtractInfo, ExtractName, LoadedData } from './records.js';
import { type ByteRowParser, type ColumnarSchema, type ExtractSchema, NOT_UTF8, resolveHeader, RowReader, type RowParser } from './schema.js';
import { laneWorkerFile, planLanes, runLane, storedSizes } from './lanes.js';
import { type ColumnTypes, importTable, type RowOf, type Table, TableBuilder } from './table.js';
import { SCHEMAS } from './declarations.js';

/** One problem found in an input (SPEC §1.6; shaped like frictionless' errors). */
export interface Problem {
  /** Stable kebab-case type, one of PROBLEM_TYPES (problem-types.ts): missing-column,
   *  duplicate-column, empty-file, no-header, undetectable-delimiter, encoding-error,
   *  mixed-encoding, nul-byte, unreadable-file, csv-error, type-error, missing-cell,
   *  constraint-error, unique-error, binary-file, no-data-rows, row-length, value-too-long,
   *  unknown-indicator. */
  type: ProblemType;
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
  /** SPEC §6.1; default auto (UTF-8, else Windows-1252); latin1 is read as cp1252. */
  encoding?: 'auto' | 'utf8' | 'latin1' | 'cp1252';
  /** The catalogue's indicator ids: baselines and measurements of other ids are row errors
   *  (SPEC §6.1). Left out, any id is accepted. */
  knownIndicators?: readonly string[];
  /** Told each notice as it arises (`FILE: not UTF-8 at line N; read as Windows-1252`). */
  onNotice?: (notice: string) => void;
  /** How many problems per file to keep in memory (all are counted). Default 1000. */
  keepProblems?: number;
  /** false: check every row but keep no records (validate), so memory stays flat. */
  keepRecords?: boolean;
  /** Progress callback for long reads (rows and bytes so far). */
  onProgress?: (extract: ExtractName, rows: number, bytes: number) => void;
  /** true: keep each row's id (the unique id column) beside a large extract's table, for the
   *  exclusion audit (SPEC §14.4); the files are then loaded in this thread. Default false:
   *  ids are checked, not stored. */
  keepIds?: boolean;
}

/**
 * ReadOptions and the ways of loading that only tests choose (issue 22 item 5: they are not
 * for commands, so they are not in ReadOptions): tests run the same files each way and require
 * the same records and problems. Reached through loadExtractsWith.
 */
export interface LoadOptions extends ReadOptions {
  /** false: every row is split by csv-parse and read by the general row reader (SPEC §12).
   *  Default true. */
  fastPath?: boolean;
  /** false: every file is loaded in this thread, one after another, never in a loading
   *  worker thread (lanes.ts). Default true. */
  lanes?: boolean;
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
  /** What the file was read as (SPEC §6.1, §14.1). */
  encoding: FileEncoding;
  /** Notices about the file that are not problems (SPEC §6.1: read as Windows-1252). */
  notices: string[];
}

export interface LoadResult {
  /** Valid records of every readable extract (invalid rows left out). */
  data: LoadedData;
  files: FileReport[];
}

export type { ExtractInfo, ProblemType };
export { PROBLEM_TYPES } from './problem-types.js';

export const DEFAULT_KEEP_PROBLEMS = 1000;
/** Rows between two progress callbacks. */
const PROGRESS_EVERY = 1 << 16;

/**
 * `admissions.csv:17: discharged_at: "2016-13-01" is not a date (expected …)` — the one-line
 * form of a problem (SPEC §1.6), with the path as the user gave it.
 */
export function formatProblem(p: Problem): string {
  const where = p.line === null ? p.path : `${p.path}:${p.line}`;
  return p.column === null ? `${where}: ${p.message}` : `${where}: ${p.column}: ${p.message}`;
}

/** Problems of one file: file-level ones all kept, row ones up to the limit; all counted. */
class ProblemList {
  count = 0;
  private readonly fileLevel: Problem[] = [];
  private readonly rows: Problem[] = [];

  constructor(
    private readonly source: ExtractSource,
    private readonly keep: number,
  ) {}

  add(type: ProblemType, line: number | null, column: string | null, value: string | null, message: string, fileLevel: boolean): void {
    this.count++;
    const list = fileLevel ? this.fileLevel : this.rows;
    if (list.length >= this.keep) return;
    list.push({
      type,
      extract: this.source.extract,
      path: this.source.path,
      line,
      column,
      value: value === null ? null : truncateValue(value),
      message,
      fileLevel,
    });
  }

  /** File-level first, then by line (rows are read in order, so already sorted). */
  kept(): Problem[] {
    return [...this.fileLevel, ...this.rows].slice(0, this.keep);
  }
}

/**
 * Reads every source. Never throws for bad input: an unreadable or malformed file gives
 * problems in its FileReport (and no entry in `data` when unusable). With several large
 * extracts, some are loaded in a worker thread while this thread loads the others (lanes.ts);
 * the result, notices included, is the same as one after another.
 */
export function loadExtracts(sources: readonly ExtractSource[], options: ReadOptions): Promise<LoadResult> {
  return loadExtractsWith(sources, options);
}

/** loadExtracts, with the ways of loading tests compare (LoadOptions). */
export async function loadExtractsWith(sources: readonly ExtractSource[], options: LoadOptions): Promise<LoadResult> {
  // Kept ids stay in this thread (the lane's tables cross without them).
  const lane = options.lanes !== false && options.keepIds !== true && laneWorkerFile() !== null ? planLanes(sources, await storedSizes(sources)) : null;
  const results: ({ report: FileReport; loaded: LoadedExtract | null } | undefined)[] = sources.map(() => undefined);
  if (lane === null) {
    for (const [i, source] of sources.entries()) results[i] = await loadOne(source, options);
  } else {
    // Notices are given in the order of the files once all are loaded, as one lane would.
    const quiet = { ...options, onNotice: undefined };
    // Functions cannot cross to a thread: the worker reports progress in messages instead.
    const shareable = { ...options, onNotice: undefined, onProgress: undefined };
    const worker = runLane(
      { sources: lane.map((i) => sources[i]), options: shareable },
      (m) => {
        const i = lane[m.index];
        const schema = SCHEMAS[sources[i].extract] as AnySchema;
        const loaded: LoadedExtract | null =
          m.info === null
            ? null
            : m.table !== null && isColumnar(schema)
              ? { info: m.info, table: importTable(schema.table(), m.table) }
              : { info: m.info, records: m.records ?? [] };
        results[i] = { report: m.report, loaded };
      },
      options.onProgress,
    );
    const here = (async () => {
      for (const [i, source] of sources.entries()) if (!lane.includes(i)) results[i] = await loadOne(source, quiet);
    })();
    await Promise.all([worker, here]);
    for (const r of results) for (const notice of r!.report.notices) options.onNotice?.(notice);
  }
  const data: LoadedData = {};
  const files: FileReport[] = [];
  for (const [i, source] of sources.entries()) {
    const { report, loaded } = results[i]!;
    files.push(report);
    if (loaded) (data as Record<string, unknown>)[source.extract] = loaded;
  }
  return { data, files };
}

/** One loaded extract: its info and its table (large extracts) or records. */
type LoadedExtract = { info: ExtractInfo; table?: Table<ColumnTypes>; records?: unknown[]; ids?: string[] };

type AnySchema = ExtractSchema<unknown> | ColumnarSchema<ColumnTypes>;

function isColumnar(schema: AnySchema): schema is ColumnarSchema<ColumnTypes> {
  return 'table' in schema;
}

/**
 * Where the valid rows of one file go: an array of records (small extracts), or a table
 * being built (the large ones, table.ts), which the fast row reader writes into directly.
 */
interface RowStore {
  add(record: unknown): void;
  /** The table being built, for the fast row reader; null for an array. */
  builder: TableBuilder<ColumnTypes> | null;
  done(): {
    records?: unknown[];
    table?: Table<ColumnTypes>;
    eventDays: { first: DayNumber; last: DayNumber } | null;
    dataEnd: DayNumber | null;
  };
}

function recordStore(schema: ExtractSchema<unknown>, keep: boolean): RowStore {
  const records: unknown[] = [];
  // The first and last event dates of the kept records (SPEC §1.3 default periods).
  let first = Infinity;
  let last = -Infinity;
  const see = (day: number) => {
    if (day < first) first = day;
    if (day > last) last = day;
  };
  return {
    builder: null,
    add(record) {
      if (!keep) return;
      records.push(record);
      schema.eventDays?.(record, see);
    },
    // Small extracts (population, measurements, baselines, annotations) are not dated events:
    // no data end (SPEC §13.2).
    done: () => ({ records, eventDays: first === Infinity ? null : { first, last }, dataEnd: null }),
  };
}

function tableStore(schema: ColumnarSchema<ColumnTypes>, keep: boolean): RowStore {
  const builder = new TableBuilder(schema.table());
  return {
    builder,
    add(record) {
      // Without `keep` (validate) the row is encoded all the same (its dictionary entries and
      // patient key are made), then overwritten by the next.
      builder.append(record as RowOf<ColumnTypes>);
      if (!keep) builder.length = 0;
    },
    done() {
      const table = builder.finish();
      const range = schema.eventDayRange(table);
      // SPEC §13.2: the data end is the latest event date unless the extract names its own.
      const eventDays = range === null ? null : { first: range.first, last: range.last };
      return { table, eventDays, dataEnd: range === null ? null : (range.dataEnd ?? range.last) };
    },
  };
}

/** Loads one source (in this thread; the loading worker thread calls it too). */
export async function loadOne(source: ExtractSource, options: LoadOptions): Promise<{ report: FileReport; loaded: LoadedExtract | null }> {
  const schema = SCHEMAS[source.extract] as AnySchema;
  const problems = new ProblemList(source, options.keepProblems ?? DEFAULT_KEEP_PROBLEMS);
  const keepRecords = options.keepRecords !== false;
  const columnar = isColumnar(schema) ? schema : null;
  const store = columnar ? tableStore(columnar, keepRecords) : recordStore(schema, keepRecords);
  let rows = 0;
  let rejected = 0;
  let bytes = 0;
  let headerAccepted = false;
  let present = new Set<string>();
  let reader: RowReader | null = null;
  let parseRow: RowParser<unknown> | null = null;
  let byteReader: ByteRowReader | null = null;
  let parseBytes: ByteRowParser<ColumnTypes> | null = null;
  const sink = {
    rowProblem: (type: ProblemType, line: number, column: string | null, value: string | null, message: string) =>
      problems.add(type, line, column, value, message, false),
  };
  const progress = options.onProgress;
  const decoding = new TextDecoding(encodingChoice(options.encoding));
  const notices: string[] = [];
  /** The UTF-16 form of the file (SPEC §14.1), told with the header; null for other files. */
  let utf16: Utf16 | null = null;
  /** One notice per file when --encoding auto switches to Windows-1252 (SPEC §6.1). */
  const noticeSwitch = () => {
    if (decoding.switchedAt === 0 || notices.length > 0) return;
    const text = `${source.path}: not UTF-8 at line ${decoding.switchedAt}; read as Windows-1252`;
    notices.push(text);
    options.onNotice?.(text);
  };
  /** One row through the general reader (RowReader and the extract's row parser). */
  const generalRow = (fields: readonly string[], line: number, plain: boolean) => {
    reader!.begin(fields, line, plain);
    if (!plain) noticeSwitch();
    const record = parseRow!(reader!);
    if (record === null || reader!.rejected) rejected++;
    else store.add(record);
  };
  /** SPEC §14.1: a file with a UTF-16 byte-order mark is read as UTF-16 under --encoding auto,
   *  with one notice; a forced encoding is the user's word that the file is not UTF-16. */
  const acceptUtf16 = (form: Utf16): boolean => {
    const shown = form === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE';
    if (decoding.choice !== 'auto') {
      const given = options.encoding === 'latin1' ? 'latin1' : decoding.choice;
      problems.add('encoding-error', null, null, null, `the file is ${shown} text (it starts with a UTF-16 byte-order mark), not ${given}; read it with --encoding auto`, true);
      return false;
    }
    utf16 = form;
    const text = `${source.path}: ${shown} text (byte-order mark); read as UTF-16`;
    notices.push(text);
    options.onNotice?.(text);
    return true;
  };
  const builder = store.builder;
  const keepTable = keepRecords && builder !== null;
  let sized = false;
  let unique: UniqueKeys | null = null;
  let triples: TripleKeys | null = null;
  const storedBytes = source.path === '-' ? 0 : await stat(source.path).then((st) => (st.isFile() ? st.size : 0), () => 0);

  const result = await readCsv(
    source.path,
    {
      delimiter: options.delimiter,
      minColumns: Math.max(2, schema.columns.filter((c) => c.required).length),
      onBytes: (n) => (bytes = n),
      fastPath: options.fastPath,
    },
    {
      header(rawNames, line, delimiter, bom) {
        if (bom !== undefined && !acceptUtf16(bom)) return false;
        const names = decodeHeader(rawNames, line, delimiter, decoding, problems);
        noticeSwitch();
        const h = resolveHeader(schema.columns, names, delimiter);
        for (const p of h.problems) problems.add(p.type, line, null, p.value, p.message, true);
        if (h.unusable) return false;
        headerAccepted = true;
        present = h.present;
        reader = new RowReader(sink, h.fieldIndex, schema.columns, decoding);
        unique = new UniqueKeys();
        triples = new TripleKeys();
        const context = { knownIndicators: options.knownIndicators ?? null, unique, triples };
        // A columnar schema's general parser writes the codes of the table's dictionaries too.
        parseRow = columnar ? columnar.rowParser({ ...context, types: builder!.types }) : (schema as ExtractSchema<unknown>).rowParser(context);
        if (columnar && builder) {
          byteReader = new ByteRowReader(h.fieldIndex, decoding);
          parseBytes = columnar.byteRowParser(context, builder.types);
        }
        return true;
      },
      row(fields, line, plain) {
        rows++;
        generalRow(fields, line, plain);
        if (progress && rows % PROGRESS_EVERY === 0) progress(source.extract, rows, bytes);
      },
      // Rows the splitter found without quotes, as bytes (tables only): read by the fast row
      // reader, or by the general one when it cannot (byte-row.ts).
      ...(columnar
        ? {
            byteRows(batch: ByteRows) {
              const r = byteReader!;
              const parse = parseBytes!;
              const out = builder!;
              if (!sized) {
                // The table's rows, estimated from the file's size and the first batch's bytes
                // per row (+5 %); a compressed file or an underestimate grows by doubling.
                sized = true;
                const stride = batch.width + 1;
                const span = batch.bounds[(batch.count - 1) * stride + batch.width] - batch.bounds[0];
                if (keepTable && storedBytes > 0 && span > 0) {
                  const expected = ((storedBytes / span) * batch.count * 1.05) | 0;
                  out.expect(expected);
                  if (columnar.keyedBy === 'triples') triples!.expect(expected);
                  else unique!.expect(expected);
                }
              }
              for (let k = 0; k < batch.count; k++) {
                rows++;
                r.begin(batch, k);
                out.reserve();
                if (parse(r, out)) {
                  if (keepTable) out.commit();
                } else generalRow(fieldsOf(batch, k), batch.lines[k], isPlain(batch, k));
                if (r.decodedText) noticeSwitch();
                if (progress && rows % PROGRESS_EVERY === 0) progress(source.extract, rows, bytes);
              }
            },
          }
        : {}),
      badRow(p) {
        rows++;
        rejected++;
        problems.add(p.type, p.line, null, p.value, p.message, false);
      },
      fileProblem(p) {
        problems.add(p.type, p.line, null, p.value, p.message, true);
      },
    },
  );
  if (progress) progress(source.extract, rows, bytes);

  let unusable = result.fatal || !headerAccepted;
  if (!unusable && rows === 0) {
    // SPEC §5: a header-only file is an error, not an empty extract.
    problems.add('no-data-rows', null, null, null, 'the file has a header row but no data rows', true);
    unusable = true;
  }
  const report: FileReport = {
    extract: source.extract,
    path: source.path,
    rows,
    problems: problems.kept(),
    problemCount: problems.count,
    unusable,
    rowsRejected: rejected,
    encoding: utf16 ?? decoding.encoding,
    notices,
  };
  if (unusable) return { report, loaded: null };
  const kept = store.done();
  const info: ExtractInfo = {
    extract: source.extract,
    path: source.path,
    sha256: result.sha256 ?? '',
    rows,
    rowsRejected: rejected,
    encoding: utf16 ?? decoding.encoding,
    columns: present,
    eventDays: kept.eventDays,
    dataEnd: kept.dataEnd,
  };
  if (columnar && options.keepIds === true && unique !== null && kept.table) {
    return { report, loaded: { info, table: kept.table, ids: idsOfRows(unique, kept.table) } };
  }
  return { report, loaded: columnar ? { info, table: kept.table } : { info, records: kept.records } };
}

/** Each row's id, from the ids the uniqueness check registered with their lines. */
function idsOfRows(unique: UniqueKeys, table: Table<ColumnTypes>): string[] {
  const byLine = new Map<number, string>();
  unique.forEachId((id, line) => byLine.set(line, id));
  const lines = table.columns.line as Float64Array;
  return Array.from({ length: table.length }, (_, i) => byLine.get(lines[i]) ?? `line ${lines[i]}`);
}

/**
 * The header's names as text. Every name is decoded (each is matched and may be shown), in
 * file order, so the header takes part in --encoding auto like a row. A name that cannot
 * be decoded, or holds a NUL byte, is a file problem at the header line.
 */
function decodeHeader(rawNames: readonly string[], line: number, delimiter: string, decoding: TextDecoding, problems: ProblemList): string[] {
  let failure: 'not-utf8' | 'mixed' | null = null;
  let nul = false;
  const names = rawNames.map((raw) => {
    const name = decoding.decode(raw, line);
    failure ??= decoding.failure;
    nul ||= name.indexOf('\u0000') >= 0;
    return name;
  });
  const value = names.join(delimiter);
  if (failure === 'not-utf8') problems.add('encoding-error', line, null, value, `the header row ${NOT_UTF8}`, true);
  if (failure === 'mixed') {
    problems.add('mixed-encoding', line, null, value, `the header row mixes UTF-8 text with bytes that are not UTF-8 (save the file again as "CSV UTF-8")`, true);
  }
  if (nul) problems.add('nul-byte', line, null, value, `the header row ${quote(value)} contains a NUL byte: not text`, true);
  return names;
}
