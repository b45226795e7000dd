// Columnar records (SPEC §5, §12): the rows of a large extract held as one typed array per
// field instead of one object per row. An admission as an object costs ≈ 500 bytes (a hidden
// class, boxed doubles, strings for ids, codes and dates); in columns it is ≈ 60 bytes, and
// the indicators read a column as a tight loop over a typed array.
//
// A column type says how one field's values are held: its typed array and how a value is
// turned into the stored number (encode) and back (decode). Texts from a small set (sex,
// offer, an ICD-10 code) are held as small integers into a vocabulary or a per-file
// dictionary; patient ids as dense integers (keys.ts); a missing value as a reserved number
// (NaN, −1, 0 or INT32_MIN, by type). `Table.row(i)` gives a row back as the record object of
// records.ts (tests, messages, debugging); computation reads the columns.

import type { DayNumber, WallSeconds } from '../calc/time.js';
import type { ValueList } from '../domain/vocabulary.js';
import { KeyTable, type KeyTableState } from './keys.js';

export type TypedColumn = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

export interface ColumnType<V, A extends TypedColumn = TypedColumn> {
  /** Storage for n values. */
  create(n: number): A;
  /** The stored number of a value. */
  encode(value: V): number;
  /** The value of a stored number. */
  decode(stored: number): V;
}

type ValueOf<T> = T extends ColumnType<infer V, TypedColumn> ? V : never;
type ArrayOf<T> = T extends ColumnType<unknown, infer A> ? A : never;

/** A table's declaration: field name → column type. */
export type ColumnTypes = Record<string, ColumnType<never, TypedColumn> | ColumnType<unknown, TypedColumn>>;
export type RowOf<S extends ColumnTypes> = { -readonly [K in keyof S]: ValueOf<S[K]> };
export type ColumnsOf<S extends ColumnTypes> = { readonly [K in keyof S]: ArrayOf<S[K]> };

// ---------------------------------------------------------------------------------------
// Column types

/** A physical line number (exact beyond 2^32 lines). */
export const LINE: ColumnType<number, Float64Array> = {
  create: (n) => new Float64Array(n),
  encode: (v) => v,
  decode: (s) => s,
};

export const TIME: ColumnType<WallSeconds, Float64Array> = LINE;

/** Missing → NaN (a parsed number or time is never NaN). */
export const NULLABLE_NUMBER: ColumnType<number | null, Float64Array> = {
  create: (n) => new Float64Array(n),
  encode: (v) => (v === null ? NaN : v),
  decode: (s) => (s !== s ? null : s),
};
export const NULLABLE_TIME: ColumnType<WallSeconds | null, Float64Array> = NULLABLE_NUMBER;

export const DAY: ColumnType<DayNumber, Int32Array> = {
  create: (n) => new Int32Array(n),
  encode: (v) => v,
  decode: (s) => s,
};

/** A day number that may be missing; NO_DAY is below every day in 1900–2099. */
export const NO_DAY = -2147483648;
export const NULLABLE_DAY: ColumnType<DayNumber | null, Int32Array> = {
  create: (n) => new Int32Array(n),
  encode: (v) => (v === null ? NO_DAY : v),
  decode: (s) => (s === NO_DAY ? null : s),
};

export const FLAG: ColumnType<boolean, Uint8Array> = {
  create: (n) => new Uint8Array(n),
  encode: (v) => (v ? 1 : 0),
  decode: (s) => s === 1,
};

/** 0 = missing, 1 = false, 2 = true. */
export const NULLABLE_FLAG: ColumnType<boolean | null, Uint8Array> = {
  create: (n) => new Uint8Array(n),
  encode: (v) => (v === null ? 0 : v ? 2 : 1),
  decode: (s) => (s === 0 ? null : s === 2),
};

/** Whole years 0–125 (SPEC §2.1); −1 = missing. */
export const AGE: ColumnType<number, Int8Array> = {
  create: (n) => new Int8Array(n),
  encode: (v) => v,
  decode: (s) => s,
};
export const NULLABLE_AGE: ColumnType<number | null, Int8Array> = {
  create: (n) => new Int8Array(n),
  encode: (v) => (v === null ? -1 : v),
  decode: (s) => (s < 0 ? null : s),
};

/** The 3-digit municipality codes "000"–"999" (SPEC §2.1, normalised). */
export const MUNICIPALITY_TEXT: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** A municipality code held as the number its three digits spell; −1 = missing. */
export const MUNICIPALITY: ColumnType<string, Int16Array> = {
  create: (n) => new Int16Array(n),
  encode: (v) => Number(v),
  decode: (s) => MUNICIPALITY_TEXT[s],
};
export const NULLABLE_MUNICIPALITY: ColumnType<string | null, Int16Array> = {
  create: (n) => new Int16Array(n),
  encode: (v) => (v === null ? -1 : Number(v)),
  decode: (s) => (s < 0 ? null : MUNICIPALITY_TEXT[s]),
};

/** A coded column: the stored number indexes `values` (code 0 = missing where nullable). */
export interface CodedType<V, A extends TypedColumn = Uint8Array> extends ColumnType<V, A> {
  /** value of each code (index = stored number). */
  readonly values: readonly V[];
}

/** A value of a vocabulary list (src/domain/vocabulary.ts): code = its index + 1; 0 = missing. */
export function vocabulary<V extends string>(list: ValueList<V>): CodedType<V | null> {
  const values: (V | null)[] = [null, ...list.values];
  const codes = new Map<V, number>(list.values.map((v, i) => [v, i + 1]));
  return {
    values,
    create: (n) => new Uint8Array(n),
    encode: (v) => (v === null ? 0 : codes.get(v)!),
    decode: (s) => values[s],
  };
}

/** The same for a value that is never missing (code = index + 1 all the same). */
export function requiredVocabulary<V extends string>(list: ValueList<V>): CodedType<V> {
  return vocabulary(list) as unknown as CodedType<V>;
}

/**
 * Texts of an open set (ICD-10 codes, survey and question ids), each held once per table:
 * code = the index of its first appearance. One instance per table (it holds the texts).
 */
export class Dictionary implements CodedType<string, Int32Array> {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  create(n: number): Int32Array {
    return new Int32Array(n);
  }

  encode(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  decode(stored: number): string {
    return this.values[stored];
  }
}

/** Patient ids as dense integer keys in order of first appearance (keys.ts); the ids
 *  themselves are held compactly, not as strings. One instance per table. */
export class PatientKeys implements ColumnType<string, Int32Array> {
  keys = new KeyTable();

  create(n: number): Int32Array {
    return new Int32Array(n);
  }

  encode(value: string): number {
    return this.keys.internText(value);
  }

  decode(stored: number): string {
    return this.keys.text(stored);
  }

  /** Number of distinct patients. */
  get count(): number {
    return this.keys.size;
  }
}

// ---------------------------------------------------------------------------------------
// Tables

/** The rows of one extract, one typed array per field; row i is at index i of every column.
 *  Rows are in file order. */
export class Table<S extends ColumnTypes> {
  constructor(
    readonly types: S,
    readonly columns: ColumnsOf<S>,
    readonly length: number,
  ) {}

  /** Row i as a record object (allocates: for tests, messages and debugging). */
  row(i: number): RowOf<S> {
    const out = {} as Record<string, unknown>;
    for (const name in this.types) {
      out[name] = (this.types[name] as ColumnType<unknown>).decode((this.columns[name] as TypedColumn)[i]);
    }
    return out as RowOf<S>;
  }

  /** Every row as a record object (allocates). */
  rows(): RowOf<S>[] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }
}

/**
 * Builds a table row by row. `append` takes a record object (the general reader's rows and
 * tests); the fast reader writes the stored numbers straight into `columns` at index
 * `length` and then calls `commit`. Capacity grows by doubling; `finish` trims every column
 * to the rows held, one column at a time (so the peak is the table plus one column).
 */
export class TableBuilder<S extends ColumnTypes> {
  length = 0;
  private capacity: number;
  columns: { -readonly [K in keyof S]: ArrayOf<S[K]> };
  private readonly names: (keyof S & string)[];

  constructor(
    readonly types: S,
    expectedRows = 1024,
  ) {
    this.capacity = Math.max(16, Math.ceil(expectedRows));
    this.names = Object.keys(types) as (keyof S & string)[];
    const columns = {} as Record<string, TypedColumn>;
    for (const name of this.names) columns[name] = (types[name] as ColumnType<unknown>).create(this.capacity);
    this.columns = columns as { -readonly [K in keyof S]: ArrayOf<S[K]> };
  }

  /** Makes room for one more row at index `length`. */
  reserve(): void {
    if (this.length < this.capacity) return;
    this.resize(this.capacity * 2);
  }

  /** Makes room for `rows` rows in all (an estimate from the file's size: the columns are then
   *  allocated once instead of doubled and copied up to ten million rows). */
  expect(rows: number): void {
    if (rows > this.capacity) this.resize(Math.ceil(rows));
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    const columns = this.columns as Record<string, TypedColumn>;
    for (const name of this.names) {
      const grown = (this.types[name] as ColumnType<unknown>).create(capacity);
      grown.set((columns[name] as TypedColumn).subarray(0, this.length) as never);
      columns[name] = grown;
    }
  }

  append(record: RowOf<S>): void {
    this.reserve();
    const columns = this.columns as Record<string, TypedColumn>;
    for (const name of this.names) {
      columns[name][this.length] = (this.types[name] as ColumnType<unknown>).encode((record as Record<string, unknown>)[name]);
    }
    this.length++;
  }

  /** The row written at index `length` is complete. */
  commit(): void {
    this.length++;
  }

  finish(): Table<S> {
    const columns = this.columns as Record<string, TypedColumn>;
    if (this.length < this.capacity) {
      // A little room left over stays (a view, no copy); much is given back (a copy).
      const copy = this.capacity - this.length > this.capacity / 8;
      for (const name of this.names) columns[name] = copy ? columns[name].slice(0, this.length) : columns[name].subarray(0, this.length);
      this.capacity = this.length;
    }
    return new Table(this.types, this.columns as ColumnsOf<S>, this.length);
  }
}

/** A table of the given rows (tests, and small inputs). */
export function tableOf<S extends ColumnTypes>(types: S, rows: readonly RowOf<S>[]): Table<S> {
  const builder = new TableBuilder(types, rows.length);
  for (const r of rows) builder.append(r);
  return builder.finish();
}

/** A table as it crosses to another thread: its columns (transferable), and the state of its
 *  dictionaries and patient keys. */
export interface TableTransfer {
  length: number;
  columns: Record<string, TypedColumn>;
  dictionaries: Record<string, string[]>;
  patientKeys: Record<string, KeyTableState>;
}

/** A table's transfer form, and the buffers to transfer (moved, not copied). */
export function exportTable(table: Table<ColumnTypes>): { transfer: TableTransfer; buffers: ArrayBuffer[] } {
  const transfer: TableTransfer = { length: table.length, columns: {}, dictionaries: {}, patientKeys: {} };
  const buffers = new Set<ArrayBuffer>();
  for (const name in table.types) {
    const column = (table.columns as Record<string, TypedColumn>)[name];
    transfer.columns[name] = column;
    buffers.add(column.buffer as ArrayBuffer);
    const type = table.types[name];
    if (type instanceof Dictionary) transfer.dictionaries[name] = type.values;
    if (type instanceof PatientKeys) {
      const state = type.keys.exportState();
      transfer.patientKeys[name] = state;
      for (const v of Object.values(state)) if (ArrayBuffer.isView(v)) buffers.add(v.buffer as ArrayBuffer);
    }
  }
  return { transfer, buffers: [...buffers] };
}

/** The table of a transfer form, with the column types of `types` (fresh ones, filled in). */
export function importTable<S extends ColumnTypes>(types: S, transfer: TableTransfer): Table<S> {
  for (const name in types) {
    const type = types[name];
    if (type instanceof Dictionary) for (const v of transfer.dictionaries[name] ?? []) type.encode(v);
    if (type instanceof PatientKeys && transfer.patientKeys[name]) type.keys = KeyTable.fromState(transfer.patientKeys[name]);
  }
  return new Table(types, transfer.columns as unknown as ColumnsOf<S>, transfer.length);
}
