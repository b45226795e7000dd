// Reading a table's stored values in the domain's words (issue 22): an indicator asks for row
// i's date or whether its offer is rehabilitation; how a missing date or a coded value is
// stored (NO_DAY, a vocabulary code, a dictionary index, table.ts) stays with the table.
// Each helper is made once per pass over a table and returns a small function of the row
// index, so a loop over a million rows reads a typed array without allocating.

import type { DayNumber, WallSeconds } from '../calc/time.js';
import type { CodedType, ColumnType, ColumnTypes, Table, TypedColumn } from './table.js';

type ValueOf<T> = T extends ColumnType<infer V, TypedColumn> ? V : never;

/** The fields of S whose values are of type V. */
type FieldsOf<S extends ColumnTypes, V> = { [K in keyof S]: [ValueOf<S[K]>] extends [V] ? ([V] extends [ValueOf<S[K]>] ? K : never) : never }[keyof S] & string;

/** The fields of S held as codes (vocabularies, flags held as codes excluded: dictionaries and vocabularies). */
type CodedFieldsOf<S extends ColumnTypes> = { [K in keyof S]: S[K] extends CodedType<unknown, TypedColumn> ? K : never }[keyof S] & string;

/** Row i's number of a column that may be empty (a date, a date-time, an amount): the number,
 *  or null when empty (stored as NO_DAY or NaN, table.ts). DayNumber and WallSeconds are
 *  both numbers, so the compiler holds the field to a nullable number, and the name of the
 *  helper says which. */
function numberOrNull<S extends ColumnTypes, K extends FieldsOf<S, number | null>>(t: Table<S>, field: K): (i: number) => number | null {
  const type = t.types[field] as unknown as ColumnType<number | null>;
  const column = t.columns[field] as unknown as TypedColumn;
  return (i) => type.decode(column[i]);
}

/** Row i's date (a day number), or null when empty. */
export const dayOrNull: <S extends ColumnTypes, K extends FieldsOf<S, DayNumber | null>>(t: Table<S>, field: K) => (i: number) => DayNumber | null = numberOrNull;
/** Row i's date-time (wall-clock seconds), or null when empty. */
export const timeOrNull: <S extends ColumnTypes, K extends FieldsOf<S, WallSeconds | null>>(t: Table<S>, field: K) => (i: number) => WallSeconds | null = numberOrNull;
/** Row i's amount, or null when empty. */
export const amountOrNull: <S extends ColumnTypes, K extends FieldsOf<S, number | null>>(t: Table<S>, field: K) => (i: number) => number | null = numberOrNull;

/** Row i's value of a column (a vocabulary value, a text, a flag …), as the record has it. */
export function valueOf<S extends ColumnTypes, K extends keyof S & string>(t: Table<S>, field: K): (i: number) => ValueOf<S[K]> {
  const type = t.types[field] as unknown as ColumnType<ValueOf<S[K]>>;
  const column = t.columns[field] as unknown as TypedColumn;
  return (i) => type.decode(column[i]);
}

/** Whether row i's coded value is `value` (a value the table never holds matches no row; it is
 *  not added to a dictionary). */
export function is<S extends ColumnTypes, K extends CodedFieldsOf<S>>(t: Table<S>, field: K, value: NonNullable<ValueOf<S[K]>>): (i: number) => boolean {
  const code = (t.types[field] as unknown as CodedType<unknown, TypedColumn>).values.indexOf(value);
  const column = t.columns[field] as unknown as TypedColumn;
  return (i) => column[i] === code;
}
