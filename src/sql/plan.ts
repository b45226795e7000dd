// The engine-neutral plan of the counting (SPEC §15): typed relations and expressions that the
// dialect printers (src/sql/dialects) turn into one SQL script each. Nothing in this file is
// SQL text of any dialect: a printer walks the same nodes and writes its own syntax (time as
// timestamp arithmetic, identifier quoting, types, VALUES, date literals), so no dialect is a
// translation of another.
//
// The shape of the plan mirrors the TypeScript engine's stages (README "one-way data flow"):
// sources (the extract tables, cast to the canonical types of SPEC §2) → derived facts (the
// episodes of §3.1, chained with window functions over a total order) → units (one row per
// Tally.add or Tally.note of src/indicators, with its day range) → counts per period, group and
// stratum cell (what src/engine/aggregate.ts's CellTally keeps). Building the nodes for the
// indicators lives in src/sql/compile.ts.

/** Column types of the canonical extracts (SPEC §15: date-times as timestamps, dates as
 *  dates, ages and counts as integers, money as decimals, ids, codes and diagnoses as text). */
export type SqlType = 'text' | 'integer' | 'decimal' | 'timestamp' | 'date';

export interface ColumnDecl {
  readonly name: string;
  readonly type: SqlType;
}

/** A literal value of a VALUES row or an expression: text, a whole or decimal number, a day
 *  (a DayNumber, printed as a DATE literal) or NULL. */
export type Literal = string | number | { readonly day: number } | null;

/** Comparison and arithmetic operators every engine writes the same way. */
export type BinaryOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*';

export type Expr =
  /** A column of a named relation (the alias in FROM/JOIN), or of the only one when absent. */
  | { readonly k: 'col'; readonly from?: string; readonly name: string }
  | { readonly k: 'lit'; readonly value: Literal; readonly type?: SqlType }
  | { readonly k: 'bin'; readonly op: BinaryOperator; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'and' | 'or'; readonly args: readonly Expr[] }
  | { readonly k: 'not'; readonly e: Expr }
  | { readonly k: 'isNull'; readonly e: Expr; readonly negate?: boolean }
  | { readonly k: 'in'; readonly e: Expr; readonly values: readonly Literal[] }
  | { readonly k: 'case'; readonly whens: readonly (readonly [Expr, Expr])[]; readonly otherwise: Expr }
  | { readonly k: 'coalesce'; readonly args: readonly Expr[] }
  /** A timestamp `hours` later (SPEC §15: timestamp arithmetic, never day-truncating). */
  | { readonly k: 'addHours'; readonly ts: Expr; readonly hours: number }
  /** The date part of a timestamp (SPEC §3.1: an event's date). */
  | { readonly k: 'dateOf'; readonly ts: Expr }
  /** Midnight of a timestamp's date, as a timestamp. */
  | { readonly k: 'dayStart'; readonly ts: Expr }
  /** A date `days` later (whole days; dates only). */
  | { readonly k: 'addDays'; readonly date: Expr; readonly days: number }
  /** Whole days from one date to another (dates only, so no truncation happens). */
  | { readonly k: 'daysBetween'; readonly from: Expr; readonly to: Expr }
  /** The first `length` characters of a text. */
  | { readonly k: 'prefix'; readonly e: Expr; readonly length: Expr }
  | { readonly k: 'upper' | 'lower'; readonly e: Expr }
  /** A text without leading and trailing spaces (SPEC §2.1: values are trimmed). */
  | { readonly k: 'trim'; readonly e: Expr }
  /** A text with every `from` replaced by `to`. */
  | { readonly k: 'replace'; readonly e: Expr; readonly from: string; readonly to: string }
  /** The simple CASE: the result of the first literal equal to `e`, else `otherwise` (`e`
   *  written once, so a long normalisation is computed once per row; src/sql/vocabulary.ts). */
  | { readonly k: 'switch'; readonly e: Expr; readonly cases: readonly (readonly [Literal, Expr])[]; readonly otherwise: Expr }
  /** A text with every `from` removed. */
  | { readonly k: 'remove'; readonly e: Expr; readonly from: string }
  /** A text with every `from` replaced by `to` (left to right, not overlapping). */
  | { readonly k: 'replace'; readonly e: Expr; readonly from: string; readonly to: string }
  /** Everything from character `start` (1-based) on. */
  | { readonly k: 'rest'; readonly e: Expr; readonly start: number }
  | { readonly k: 'concat'; readonly args: readonly Expr[] }
  | { readonly k: 'cast'; readonly e: Expr; readonly type: SqlType }
  /** The last `length` characters of a text. */
  | { readonly k: 'right'; readonly e: Expr; readonly length: number }
  /** A text matching a LIKE pattern (the pattern built from code-list prefixes, never from data). */
  | { readonly k: 'like'; readonly e: Expr; readonly pattern: Expr }
  | { readonly k: 'agg'; readonly fn: 'SUM' | 'MAX' | 'MIN' | 'COUNT'; readonly e: Expr | null }
  | {
      readonly k: 'window';
      readonly fn: 'SUM' | 'MAX' | 'MIN' | 'ROW_NUMBER' | 'LEAD';
      readonly arg: Expr | null;
      readonly partition: readonly Expr[];
      readonly order: readonly Order[];
      /** Rows of the frame: every row before this one, every row up to and including it,
       *  every row after it, or the whole partition (no ORDER BY needed). */
      readonly frame: 'before' | 'upToHere' | 'after' | 'partition' | null;
    };

export interface Order {
  readonly e: Expr;
  readonly desc?: boolean;
}

export interface FromItem {
  /** A named relation of the plan (a CTE) or an extract's table (`extract`). */
  readonly relation: string;
  readonly alias: string;
}

export interface Join extends FromItem {
  readonly kind: 'inner' | 'left';
  readonly on: Expr;
}

export type Relation =
  /** The extract's table, read with its canonical columns cast to their types. A column's
   *  `read` expression (over the table's own column of that name) normalises it. */
  | {
      readonly kind: 'source';
      readonly extract: string;
      readonly columns: readonly (ColumnDecl & { readonly read: Expr })[];
      /** Only the rows the TypeScript reader accepts (over the table's own columns;
       *  src/sql/vocabulary.ts: a value it rejects is reported, not counted). */
      readonly where?: Expr;
    }
  /** Rows generated into the script (SPEC §15: calendar, code lists, periods as VALUES). */
  | { readonly kind: 'values'; readonly columns: readonly ColumnDecl[]; readonly rows: readonly (readonly Literal[])[] }
  | {
      readonly kind: 'select';
      readonly distinct?: boolean;
      readonly from: FromItem;
      readonly joins?: readonly Join[];
      readonly select: readonly (readonly [string, Expr])[];
      readonly where?: Expr;
      readonly groupBy?: readonly Expr[];
      readonly having?: Expr;
    }
  /** The rows of several relations with the same columns. */
  | { readonly kind: 'unionAll'; readonly parts: readonly Relation[] };

export interface Named {
  readonly name: string;
  /** Why this step exists (printed as a comment above it, citing the SPEC). */
  readonly why: string;
  readonly relation: Relation;
}

/** A whole script: named steps, then the result set, ordered. */
export interface Plan {
  /** Header comment lines (what, for which profile, periods and breakdown). */
  readonly header: readonly string[];
  /** Extract name → table name as the script reads it (--table). */
  readonly tables: Readonly<Record<string, string>>;
  readonly steps: readonly Named[];
  readonly result: { readonly relation: string; readonly columns: readonly string[]; readonly orderBy: readonly string[] };
}

// ---------------------------------------------------------------------------------------
// Short constructors, so the compiler reads like the rules it states.

export const col = (name: string, from?: string): Expr => ({ k: 'col', name, ...(from !== undefined ? { from } : {}) });
export const lit = (value: Literal, type?: SqlType): Expr => ({ k: 'lit', value, ...(type ? { type } : {}) });
export const NULL: Expr = { k: 'lit', value: null };
export const ONE: Expr = lit(1);
export const ZERO: Expr = lit(0);
export const bin = (l: Expr, op: BinaryOperator, r: Expr): Expr => ({ k: 'bin', op, l, r });
export const eq = (l: Expr, r: Expr): Expr => bin(l, '=', r);
export const and = (...args: Expr[]): Expr => ({ k: 'and', args });
export const or = (...args: Expr[]): Expr => ({ k: 'or', args });
export const not = (e: Expr): Expr => ({ k: 'not', e });
export const isNull = (e: Expr): Expr => ({ k: 'isNull', e });
export const notNull = (e: Expr): Expr => ({ k: 'isNull', e, negate: true });
export const inList = (e: Expr, values: readonly Literal[]): Expr => ({ k: 'in', e, values });
export const when = (whens: readonly (readonly [Expr, Expr])[], otherwise: Expr = NULL): Expr => ({ k: 'case', whens, otherwise });
/** 1 when the condition holds, else 0 (flags are integers: T-SQL has no boolean values). */
export const flag = (condition: Expr): Expr => when([[condition, ONE]], ZERO);
export const sum = (e: Expr): Expr => ({ k: 'agg', fn: 'SUM', e });
export const max = (e: Expr): Expr => ({ k: 'agg', fn: 'MAX', e });
export const min = (e: Expr): Expr => ({ k: 'agg', fn: 'MIN', e });
export const count = (): Expr => ({ k: 'agg', fn: 'COUNT', e: null });
export const dateOf = (ts: Expr): Expr => ({ k: 'dateOf', ts });
export const addHours = (ts: Expr, hours: number): Expr => ({ k: 'addHours', ts, hours });
export const addDays = (date: Expr, days: number): Expr => ({ k: 'addDays', date, days });
export const text = (e: Expr): Expr => ({ k: 'cast', e, type: 'text' });
export const concat = (...args: Expr[]): Expr => ({ k: 'concat', args });
/** The later of two dates (CASE: GREATEST is not in every engine). */
export const later = (a: Expr, b: Expr): Expr => when([[bin(a, '>', b), a]], b);
export const earlier = (a: Expr, b: Expr): Expr => when([[bin(a, '<', b), a]], b);
