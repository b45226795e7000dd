// The enumerated values of the extracts in SQL (SPEC §2.1, §15): a script reads an alias as the
// TypeScript reader does, and a value the reader rejects is reported, not counted.
//
// Nothing here lists a value. Each enumerated column of a declared extract (src/extracts/*.ts)
// has an enumeration parser (src/extracts/fields.ts enumParser) that carries its spellings —
// the canonical values and the aliases of src/domain/vocabulary.ts, the yes/no words of a
// boolean, the LUP answer scale — with the value each gives. The script gets them as a simple
// CASE: first on the trimmed text as written (a canonical export costs one comparison), then on
// the text's match key, the SQL form of fields.ts matchKey (lower case, runs of spaces, `-` and
// `_` as one `_`, æ/ø/å as ae/oe/aa), against the match keys of the spellings computed here
// by matchKey itself. A flag column (admission_type → acute?) gives 1/0, a coded one its
// canonical text; an empty cell gives the declared `missing` value (a missing sector is
// somatic) or NULL.
//
// A value no spelling matches, or an empty required cell, is a value the reader rejects: the
// TypeScript engine then fails (or leaves the row out with --skip-invalid). The script leaves
// the row out too — never counts it as something else — and returns, per extract and column,
// how many rows it left out (`invalid=EXTRACT.COLUMN` rows); `--counts` refuses such a file
// unless --skip-invalid is given (src/cli/counts.ts, README "sql").
//
// The SQL match key is close to matchKey, not equal: TRIM removes spaces only (not a tab or a
// no-break space), and runs of up to 8 separators collapse. A text it misses is reported as
// invalid, never mapped to another value.

import { enumerationOf, matchKey } from '../extracts/fields.js';
import type { ColumnDeclaration } from '../extracts/declare.js';
import {
  and,
  bin,
  col,
  isNull,
  lit,
  ONE,
  sum,
  text,
  when,
  ZERO,
  type ColumnDecl,
  type Expr,
  type Literal,
  type Relation,
} from './plan.js';

/** What a declared extract's schema says of its columns (declare.ts). */
export interface DeclaredExtract {
  readonly extract: string;
  readonly declared: readonly ColumnDeclaration[];
}

/** The SQL form of fields.ts matchKey of a trimmed text. NFC aside: a decomposed å (a and the
 *  combining ring) is written out; upper-case Æ, Ø, Å are replaced too, for a LOWER that only
 *  knows ASCII (PostgreSQL under the C locale). */
export function matchKeyExpr(trimmed: Expr): Expr {
  let e: Expr = { k: 'lower', e: trimmed };
  const replace = (from: string, to: string) => {
    e = { k: 'replace', e, from, to };
  };
  for (const separator of [' ', '-', '\t']) replace(separator, '_');
  // Each pass halves a run of `_`: three passes take a run of up to 8 to one.
  for (let pass = 0; pass < 3; pass++) replace('__', '_');
  for (const [from, to] of [
    ['a\u030a', 'aa'],
    ['A\u030a', 'aa'],
    ['æ', 'ae'],
    ['ø', 'oe'],
    ['å', 'aa'],
    ['Æ', 'ae'],
    ['Ø', 'oe'],
    ['Å', 'aa'],
  ] as const) {
    replace(from, to);
  }
  return e;
}

/** A column's value as the script holds it: 1/0 for a flag, the canonical text otherwise. */
function literalOf(value: string | boolean): Literal {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** One enumerated column of a declared extract, as the script reads it. */
export interface SqlEnumeration {
  readonly extract: string;
  readonly column: string;
  /** What one value is ("an admission type"), for messages. */
  readonly what: string;
  readonly required: boolean;
  /** The spellings as declared, and the match keys of all of them (matchKey), each with its value. */
  readonly exact: ReadonlyMap<string, Literal>;
  readonly keys: ReadonlyMap<string, Literal>;
  /** The value of an empty cell (the declaration's `missing`, else NULL). */
  readonly missing: Literal;
}

export function enumeration(schema: DeclaredExtract, column: string): SqlEnumeration {
  const declared = schema.declared.find((c) => c.name === column);
  const parser = declared ? enumerationOf(declared.parse) : null;
  if (!declared || !parser) throw new Error(`${schema.extract}.${column} is not an enumerated column of the declaration`);
  const exact = new Map<string, Literal>();
  const keys = new Map<string, Literal>();
  for (const [spelling, value] of parser.spellings) {
    exact.set(spelling, literalOf(value));
    const key = matchKey(spelling);
    const before = keys.get(key);
    // The reader's table keeps one value per key; two values for one key would be a bug of the
    // vocabulary, not something to write into a script.
    if (before !== undefined && before !== literalOf(value)) throw new Error(`${schema.extract}.${column}: "${key}" means two values`);
    keys.set(key, literalOf(value));
  }
  const missing = declared.missing === undefined || declared.missing === null ? null : literalOf(declared.missing as string | boolean);
  return { extract: schema.extract, column, what: parser.what, required: declared.required, exact, keys, missing };
}

const trimmedText = (raw: Expr): Expr => ({ k: 'trim', e: text(raw) });

/** The column's value: the exact spelling first, then its match key; an empty (or rejected)
 *  cell gives the missing value (a rejected row is left out by `rejectedExpr`). */
export function valueExpr(e: SqlEnumeration, raw: Expr = col(e.column)): Expr {
  const trimmed = trimmedText(raw);
  const missing: Expr = e.missing === null ? { k: 'lit', value: null, type: typeof [...e.keys.values()][0] === 'number' ? 'integer' : 'text' } : lit(e.missing);
  // An empty cell is settled first, so that only a text written otherwise than declared (rare)
  // reaches the match key, whose nested REPLACEs are the expensive part.
  return when(
    [[isNull(trimmed), missing]],
    {
      k: 'switch',
      e: trimmed,
      cases: [['', missing] as const, ...[...e.exact].map(([spelling, value]) => [spelling, lit(value)] as const)],
      otherwise: { k: 'switch', e: matchKeyExpr(trimmed), cases: [...e.keys].map(([key, value]) => [key, lit(value)] as const), otherwise: missing },
    },
  );
}

/** 1 when the reader would reject the cell (an unknown value, or an empty required cell), else 0. */
export function rejectedExpr(e: SqlEnumeration, raw: Expr = col(e.column)): Expr {
  const trimmed = trimmedText(raw);
  const empty = e.required ? ONE : ZERO;
  // Simple CASEs, not IN lists: DuckDB turns a long IN list into a join, which computes the
  // match key of every row (0.5 s per 100,000 rows), where a CASE computes it only for a text
  // not written as declared.
  return when([[isNull(trimmed), empty]], {
    k: 'switch',
    e: trimmed,
    cases: [['', empty] as const, ...[...e.exact.keys()].map((spelling) => [spelling, ZERO] as const)],
    otherwise: { k: 'switch', e: matchKeyExpr(trimmed), cases: [...e.keys.keys()].map((key) => [key, ZERO] as const), otherwise: ONE },
  });
}

/**
 * The enumerated columns one source step reads, collected as it reads them: their values, the
 * condition that keeps the rows the reader accepts, and the count of the rows it would reject.
 */
export class EnumeratedReads {
  private readonly read: SqlEnumeration[] = [];

  constructor(private readonly schema: DeclaredExtract) {}

  get extract(): string {
    return this.schema.extract;
  }

  /** The value of an enumerated column (its declared spellings mapped to the canonical value). */
  value(column: string): Expr {
    let e = this.read.find((r) => r.column === column);
    if (!e) {
      e = enumeration(this.schema, column);
      this.read.push(e);
    }
    return valueExpr(e);
  }

  /** The rows whose every read enumerated cell the reader accepts. */
  accepted(): Expr | undefined {
    // `<> 1`, not `= 0`: PostgreSQL guesses `expression = constant` keeps 0.5 % of the rows, and
    // five such guesses made it plan the episode chain for a handful of admissions (nested loops
    // over a million); `<> constant` it guesses keeps 99.5 %.
    return this.read.length === 0 ? undefined : and(...this.read.map((e) => bin(rejectedExpr(e), '<>', ONE)));
  }

  /** One row per table row: a 1/0 column per read enumerated column, 1 where it is rejected. */
  rejectedSource(): Relation {
    return {
      kind: 'source',
      extract: this.schema.extract,
      columns: this.read.map((e): ColumnDecl & { read: Expr } => ({ name: e.column, type: 'integer', read: rejectedExpr(e) })),
    };
  }

  /** The number of rejected rows per column (one row), over `rejectedSource`'s step. */
  rejectedCounts(from: string): Relation {
    return {
      kind: 'select',
      from: { relation: from, alias: 'r' },
      select: this.read.map((e) => [e.column, { k: 'coalesce', args: [sum(col(e.column)), ZERO] }] as const),
    };
  }

  get columns(): readonly SqlEnumeration[] {
    return this.read;
  }
}
