// A large extract declared once, as data (issue 22; SPEC §2.1, §12): its columns — name,
// aliases, the record field it fills, how the field is stored, the general parser of its
// text, the form its bytes take on the fast path, whether it is required — and its row rules
// (`unique`, `notBefore`, `within`, `uniqueAnswer`). Everything else derives from that one
// declaration:
//
//   - the header spec (ColumnSpec[]: names, aliases, required) that resolveHeader matches;
//   - the table's column types (a fresh set per table: dictionaries and patient keys are per
//     table) and so the record type (RowOf of them, records.ts);
//   - the general row parser (RowReader), with the rules' messages;
//   - the fast byte-row parser (ByteRowReader), generated once per declaration as JavaScript
//     source (as arquero generates its hot loops): one straight function per extract, with no
//     call per column through a table of closures, so the fast path keeps the speed of the
//     hand-written parsers it replaces (SPEC §12, §16).
//
// A column or a rule is written once, so neither parser can forget one; a rule naming a
// column that is not declared fails to compile (its names are typed by the declaration).
//
// Both parsers read the cells in declaration order and run the rules in declaration order
// (the problems of a row are reported in that order, as before). The fast parser checks the
// rules that register nothing first and the one that registers a key last, so nothing is
// registered for a row it gives up on (byte-row.ts); a declaration has at most one such rule.

import { dayOf, formatDay, formatWallTime, type DayNumber } from '../calc/time.js';
import { ByteCodes, type ByteRowReader } from './byte-row.js';
import { type FieldParser, parseDate, parseDateTime, parseAge, parseMunicipality, parseNonNegativeNumber, quote } from './fields.js';
import type { ExtractName } from './records.js';
import type { ByteRowParser, ColumnarSchema, ColumnSpec, RowParser, RowParserContext, RowReader } from './schema.js';
import {
  AGE,
  type ColumnType,
  type ColumnTypes,
  DAY,
  LINE,
  MUNICIPALITY,
  NULLABLE_AGE,
  NULLABLE_DAY,
  NULLABLE_MUNICIPALITY,
  NULLABLE_NUMBER,
  NULLABLE_TIME,
  NO_DAY,
  PatientKeys,
  type RowOf,
  type Table,
  type TableBuilder,
  TIME,
  type TypedColumn,
} from './table.js';

// ---------------------------------------------------------------------------------------
// Columns

/**
 * How a cell's bytes are read on the fast path (byte-row.ts): `id` an ASCII id kept as its
 * bytes (unique ids, patient keys), `day`/`time` a date or date-time, `municipality`, `age`,
 * `amount` (a number ≥ 0), `code` any text read by the column's general parser once per
 * distinct text (ByteCodes), `asciiCode` the same for a text that must be ASCII (its bytes are
 * then part of a key).
 */
export type ByteForm = 'id' | 'day' | 'time' | 'municipality' | 'age' | 'amount' | 'code' | 'asciiCode';

/** One declared column. `field` null: read and checked, not stored (an id only rules use). */
export interface ColumnDeclaration<N extends string = string, F extends string | null = string | null, T = unknown> {
  readonly name: N;
  readonly aliases?: readonly string[];
  readonly required: boolean;
  readonly field: F;
  /** The storage of the field: a fresh column type per table. */
  readonly storage: () => T;
  /** The general parser of the cell's trimmed text; null: the text itself (ids). */
  readonly parse: FieldParser<unknown> | null;
  readonly form: ByteForm;
  /** The value of an empty optional cell (default null). */
  readonly missing?: unknown;
}

type Options<R extends boolean> = { readonly required?: R; readonly aliases?: readonly string[] };

/** An id that is read and checked (unique), not stored. */
export function id<const N extends string>(name: N, options: { aliases?: readonly string[] } = {}): ColumnDeclaration<N, null, null> {
  return { name, aliases: options.aliases, required: true, field: null, storage: () => null, parse: null, form: 'id' };
}

/** The patient id, stored as a dense integer key (keys.ts). */
export function patient<const N extends string, const F extends string>(
  name: N,
  field: F,
  options: { aliases?: readonly string[] } = {},
): ColumnDeclaration<N, F, PatientKeys> {
  return { name, aliases: options.aliases, required: true, field, storage: () => new PatientKeys(), parse: null, form: 'id' };
}

function typed<N extends string, F extends string, T>(
  name: N,
  field: F,
  required: boolean,
  aliases: readonly string[] | undefined,
  storage: T,
  parse: FieldParser<unknown>,
  form: ByteForm,
): ColumnDeclaration<N, F, T> {
  return { name, aliases, required, field, storage: () => storage, parse, form };
}

/** A date (SPEC §2.1): a day number. */
export function day<const N extends string, const F extends string, const R extends boolean = false>(name: N, field: F, o: Options<R> = {}) {
  return typed(name, field, o.required === true, o.aliases, (o.required ? DAY : NULLABLE_DAY) as R extends true ? typeof DAY : typeof NULLABLE_DAY, parseDate, 'day');
}

/** A date-time (SPEC §2.1): wall-clock seconds. */
export function time<const N extends string, const F extends string, const R extends boolean = false>(name: N, field: F, o: Options<R> = {}) {
  return typed(name, field, o.required === true, o.aliases, (o.required ? TIME : NULLABLE_TIME) as R extends true ? typeof TIME : typeof NULLABLE_TIME, parseDateTime, 'time');
}

/** A municipality code (SPEC §2.1, normalised to 3 digits). */
export function municipality<const N extends string, const F extends string, const R extends boolean = false>(name: N, field: F, o: Options<R> = {}) {
  return typed(
    name,
    field,
    o.required === true,
    o.aliases,
    (o.required ? MUNICIPALITY : NULLABLE_MUNICIPALITY) as R extends true ? typeof MUNICIPALITY : typeof NULLABLE_MUNICIPALITY,
    parseMunicipality,
    'municipality',
  );
}

/** Age in whole years 0–125 (SPEC §2.1). */
export function age<const N extends string, const F extends string, const R extends boolean = false>(name: N, field: F, o: Options<R> = {}) {
  return typed(name, field, o.required === true, o.aliases, (o.required ? AGE : NULLABLE_AGE) as R extends true ? typeof AGE : typeof NULLABLE_AGE, parseAge, 'age');
}

/** An optional amount ≥ 0 (DKK). */
export function amount<const N extends string, const F extends string>(name: N, field: F, o: { aliases?: readonly string[] } = {}) {
  return typed(name, field, false, o.aliases, NULLABLE_NUMBER, parseNonNegativeNumber, 'amount');
}

type ValueOf<T> = T extends ColumnType<infer V, TypedColumn> ? V : never;

/**
 * A coded value (a vocabulary, a flag, a dictionary of texts): `parse` reads the text as the
 * general reader does, `storage` makes the column type that holds it. `missing`: the value of
 * an empty optional cell (SPEC §2.2: a missing sector is somatic). `ascii`: the cell must be
 * ASCII on the fast path (its bytes are part of a key, `uniqueAnswer`).
 */
export function code<const N extends string, const F extends string, T extends ColumnType<never, TypedColumn> | ColumnType<unknown, TypedColumn>>(
  name: N,
  field: F,
  storage: () => T,
  parse: FieldParser<NonNullable<ValueOf<T>>>,
  o: { required?: boolean; aliases?: readonly string[]; missing?: ValueOf<T>; ascii?: boolean } = {},
): ColumnDeclaration<N, F, T> {
  return {
    name,
    aliases: o.aliases,
    required: o.required === true,
    field,
    storage,
    parse,
    form: o.ascii ? 'asciiCode' : 'code',
    ...(o.missing !== undefined ? { missing: o.missing } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Rules

/** `column` is unique in the file (SPEC §2.1: ids); `noun` names what one row is. */
export interface UniqueRule<N extends string> {
  readonly kind: 'unique';
  readonly column: N;
  readonly noun: string;
}
/** `later` ≥ `earlier` when both have a value (SPEC §2.2, §2.3). */
export interface NotBeforeRule<N extends string> {
  readonly kind: 'notBefore';
  readonly later: N;
  readonly earlier: N;
}
/** `from` ≤ `column` ≤ `to` where they have values (SPEC §2.2, ready for discharge). */
export interface WithinRule<N extends string> {
  readonly kind: 'within';
  readonly column: N;
  readonly from: N;
  readonly to: N;
}
/** (respondent, survey, question) is unique (SPEC §2.5); survey and question are ASCII codes
 *  compared lower-cased; the problem is the question's. */
export interface UniqueAnswerRule<N extends string> {
  readonly kind: 'uniqueAnswer';
  readonly respondent: N;
  readonly survey: N;
  readonly question: N;
}
export type Rule<N extends string> = UniqueRule<N> | NotBeforeRule<N> | WithinRule<N> | UniqueAnswerRule<N>;

export const unique = <const N extends string>(column: N, noun: string): UniqueRule<N> => ({ kind: 'unique', column, noun });
export const notBefore = <const N extends string>(later: N, earlier: N): NotBeforeRule<N> => ({ kind: 'notBefore', later, earlier });
export const within = <const N extends string>(column: N, from: N, to: N): WithinRule<N> => ({ kind: 'within', column, from, to });
export const uniqueAnswer = <const N extends string>(respondent: N, survey: N, question: N): UniqueAnswerRule<N> => ({
  kind: 'uniqueAnswer',
  respondent,
  survey,
  question,
});

/**
 * The dates of an extract's rows that are events (SPEC §1.3: the range report takes its years
 * from, evaluate checks its windows against) and those that make its data end (SPEC §13.2),
 * declared once by column name: the TypeScript reader's eventDayRange, the DuckDB engine's
 * summary (src/cli/engine.ts) and the SQL script's data_end/first_event/last_event rows
 * (src/sql/compile.ts) are all derived from it. An empty optional cell (an open contact's end)
 * is no event.
 */
export interface EventColumns<N extends string = string> {
  readonly columns: readonly N[];
  /** Where the data end is not the last event (referrals: the referral date alone). */
  readonly dataEnd?: readonly N[];
}

/** An event column as a table stores it: its field, and whether it holds times or days. */
export interface EventField {
  readonly name: string;
  readonly field: string;
  readonly time: boolean;
  readonly required: boolean;
}

function eventFields(extract: string, columns: readonly AnyColumn[], names: readonly string[]): EventField[] {
  return names.map((name) => {
    const c = columns.find((x) => x.name === name);
    if (!c || c.field === null || (c.form !== 'time' && c.form !== 'day')) throw new Error(`${extract}: event column ${name} is not a declared date or time`);
    return { name, field: c.field, time: c.form === 'time', required: c.required };
  });
}

/** The first and last day among the columns' present values; one pass per column. A time's
 *  missing value is NaN (fails every comparison), a day's NO_DAY (below every day). */
function dayRangeOf(table: Table<ColumnTypes>, fields: readonly EventField[]): { first: DayNumber; last: DayNumber } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const f of fields) {
    const values = (table.columns as Record<string, unknown>)[f.field] as ArrayLike<number>;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < table.length; i++) {
      const v = values[i];
      if (!f.time && v === NO_DAY) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Infinity) continue;
    const a = f.time ? dayOf(lo) : lo;
    const b = f.time ? dayOf(hi) : hi;
    if (a < first) first = a;
    if (b > last) last = b;
  }
  return first === Infinity ? null : { first, last };
}

// ---------------------------------------------------------------------------------------
// The declaration

type AnyColumn = ColumnDeclaration<string, string | null, unknown>;

/** The column types of a declaration's table: `line`, then each stored column's field. */
export type TableColumnsOf<Cs extends readonly AnyColumn[]> = { line: typeof LINE } & {
  [C in Cs[number] as C['field'] extends string ? C['field'] : never]: ReturnType<C['storage']>;
};
/** The same, as the ColumnTypes a Table takes (resolved once the declaration is known). */
export type DeclaredTypes<Cs extends readonly AnyColumn[]> = AsColumnTypes<{ [K in keyof TableColumnsOf<Cs>]: TableColumnsOf<Cs>[K] }>;
type AsColumnTypes<T> = T extends ColumnTypes ? T : never;

export interface ExtractDeclaration<Cs extends readonly AnyColumn[]> {
  readonly extract: ExtractName;
  /** The standard file name in a --data folder (SPEC §1.2). */
  readonly fileName: string;
  readonly columns: Cs;
  readonly rules: readonly Rule<Cs[number]['name']>[];
  /** The event dates and the data end's (SPEC §1.3, §13.2): see EventColumns. */
  readonly events: EventColumns<Cs[number]['name']>;
}

/** The schema (ColumnarSchema) of a declared extract: everything derived from the declaration. */
export function declareExtract<const Cs extends readonly AnyColumn[]>(
  declaration: ExtractDeclaration<Cs>,
): ColumnarSchema<DeclaredTypes<Cs>> {
  type S = DeclaredTypes<Cs>;
  const columns = declaration.columns as readonly AnyColumn[];
  const at = new Map(columns.map((c, k) => [c.name, k]));
  const col = (name: string): number => {
    const k = at.get(name);
    if (k === undefined) throw new Error(`${declaration.extract}: a rule names ${name}, which is not declared`);
    return k;
  };
  const rules = declaration.rules as readonly Rule<string>[];
  checkDeclaration(declaration.extract, columns, rules, col);
  const spec: ColumnSpec[] = columns.map((c) => ({ name: c.name, ...(c.aliases ? { aliases: c.aliases } : {}), ...(c.required ? { required: true } : {}) }));
  const table = (): S => {
    const types: Record<string, unknown> = { line: LINE };
    for (const c of columns) if (c.field !== null) types[c.field] = c.storage();
    return types as S;
  };
  const byteParserFactory = compileByteParser(declaration.extract, columns, rules, col);
  const events = eventFields(declaration.extract, columns, declaration.events.columns);
  const dataEnd = declaration.events.dataEnd ? eventFields(declaration.extract, columns, declaration.events.dataEnd) : null;
  return {
    extract: declaration.extract,
    fileName: declaration.fileName,
    columns: spec,
    keyedBy: rules.some((r) => r.kind === 'uniqueAnswer') ? 'triples' : 'unique',
    rules,
    declared: columns,
    table,
    events: { columns: events, dataEnd: dataEnd ?? events },
    eventDayRange: (t) => {
      const range = dayRangeOf(t, events);
      if (range === null || dataEnd === null) return range;
      const end = dayRangeOf(t, dataEnd);
      return end === null ? range : { ...range, dataEnd: end.last };
    },
    rowParser: (context) => generalParser(columns, rules, col, context) as RowParser<RowOf<S>>,
    byteRowParser: (context, types) => byteParserFactory(context, types) as ByteRowParser<S>,
  };
}

function checkDeclaration(extract: string, columns: readonly AnyColumn[], rules: readonly Rule<string>[], col: (name: string) => number): void {
  const fail = (why: string) => {
    throw new Error(`the declaration of ${extract}: ${why}`);
  };
  for (const c of columns) {
    if ((c.form === 'id' || c.form === 'asciiCode') && !c.required) fail(`${c.name}: an id or ASCII code must be required`);
    if (c.form === 'amount' && c.required) fail(`${c.name}: a required amount has no fast reader`);
  }
  if (rules.filter((r) => r.kind === 'unique' || r.kind === 'uniqueAnswer').length > 1) fail('at most one rule may register a key');
  for (const r of rules) {
    if (r.kind === 'unique' && columns[col(r.column)].form !== 'id') fail(`unique(${r.column}): not an id column`);
    if (r.kind === 'uniqueAnswer') {
      if (columns[col(r.respondent)].form !== 'id') fail(`uniqueAnswer: ${r.respondent} is not an id column`);
      for (const n of [r.survey, r.question]) if (columns[col(n)].form !== 'asciiCode') fail(`uniqueAnswer: ${n} is not an ASCII code`);
    }
    if (r.kind === 'notBefore' || r.kind === 'within') {
      const names = r.kind === 'notBefore' ? [r.later, r.earlier] : [r.column, r.from, r.to];
      const forms = new Set(names.map((n) => columns[col(n)].form));
      if (forms.size !== 1 || !(forms.has('day') || forms.has('time'))) fail(`${r.kind}(${names.join(', ')}): dates or date-times of one kind`);
    }
  }
}

/** A stored day or time as the general reader's messages write it. */
function formatted(c: AnyColumn, value: number): string {
  return c.form === 'day' ? formatDay(value) : formatWallTime(value);
}

// ---------------------------------------------------------------------------------------
// The general row parser (RowReader): every problem of a row is reported (SPEC §1.6).

function generalParser(
  columns: readonly AnyColumn[],
  rules: readonly Rule<string>[],
  col: (name: string) => number,
  context: RowParserContext & { readonly types: ColumnTypes },
): RowParser<Record<string, unknown>> {
  const n = columns.length;
  const values: unknown[] = new Array<unknown>(n);
  const stored = columns.flatMap((c, k) => (c.field === null ? [] : [{ field: c.field, k, missing: c.missing ?? null }]));
  const { unique: ids, triples: keys, types } = context;
  const compiled = rules.map((rule): (r: RowReader) => void => {
    switch (rule.kind) {
      case 'unique': {
        const k = col(rule.column);
        return (r) => {
          const id = values[k] as string | null;
          if (id === null) return;
          const first = ids.seenBefore(id, r.line);
          if (first !== undefined) {
            r.problem('unique-error', k, id, `duplicate ${rule.column} ${quote(id)} (first on line ${first}); each ${rule.noun} must appear once`);
          }
        };
      }
      case 'notBefore': {
        const later = col(rule.later);
        const earlier = col(rule.earlier);
        return (r) => {
          const a = values[later] as number | null;
          const b = values[earlier] as number | null;
          if (a !== null && b !== null && a < b) {
            const text = r.text(later);
            r.problem('constraint-error', later, text, `${quote(text!)} is before ${rule.earlier} ${formatted(columns[earlier], b)} (expected ${rule.later} ≥ ${rule.earlier})`);
          }
        };
      }
      case 'within': {
        const k = col(rule.column);
        const from = col(rule.from);
        const to = col(rule.to);
        const expected = `(expected ${rule.from} ≤ ${rule.column} ≤ ${rule.to})`;
        return (r) => {
          const v = values[k] as number | null;
          const lo = values[from] as number | null;
          const hi = values[to] as number | null;
          if (v === null) return;
          if (lo !== null && v < lo) {
            const text = r.text(k);
            r.problem('constraint-error', k, text, `${quote(text!)} is before ${rule.from} ${formatted(columns[from], lo)} ${expected}`);
          } else if (hi !== null && v > hi) {
            const text = r.text(k);
            r.problem('constraint-error', k, text, `${quote(text!)} is after ${rule.to} ${formatted(columns[to], hi)} ${expected}`);
          }
        };
      }
      case 'uniqueAnswer': {
        const respondentAt = col(rule.respondent);
        const surveyAt = col(rule.survey);
        const questionAt = col(rule.question);
        const surveyType = types[columns[surveyAt].field!] as ColumnType<string>;
        const questionType = types[columns[questionAt].field!] as ColumnType<string>;
        return (r) => {
          const respondent = values[respondentAt] as string | null;
          const survey = values[surveyAt] as string | null;
          const question = values[questionAt] as string | null;
          if (respondent === null || survey === null || question === null) return;
          // Survey and question ids are matched case-insensitively, so they are compared
          // lower-cased; a part never holds NUL (it is a problem of its own), so NUL can join them.
          const first = keys.seenBefore(
            keys.first.internText(respondent),
            surveyType.encode(survey),
            questionType.encode(question),
            r.line,
            () => `${respondent}\u0000${survey}\u0000${question}`,
          );
          if (first !== undefined) {
            r.problem(
              'unique-error',
              questionAt,
              r.text(questionAt),
              `duplicate answer: respondent ${quote(respondent)} answered question ${quote(question)} of survey ${quote(survey)} already on line ${first}; (${rule.respondent}, ${rule.survey}, ${rule.question}) must be unique`,
            );
          }
        };
      }
    }
  });
  return (r) => {
    for (let k = 0; k < n; k++) {
      const c = columns[k];
      values[k] =
        c.parse === null
          ? c.required
            ? r.requiredText(k)
            : r.text(k)
          : c.required
            ? r.required(k, c.parse)
            : r.optional(k, c.parse);
    }
    for (const check of compiled) check(r);
    if (r.rejected) return null;
    const record: Record<string, unknown> = { line: r.line };
    for (const s of stored) record[s.field] = values[s.k] ?? s.missing;
    return record;
  };
}

// ---------------------------------------------------------------------------------------
// The fast byte-row parser, generated once per declaration.

type ByteParserFactory = (context: RowParserContext, types: ColumnTypes) => ByteRowParser<ColumnTypes>;

/**
 * Writes the fast parser of a declaration as one function (reads in declaration order; any
 * cell it cannot read for certain, or a rule that fails, gives the row to the general
 * reader), and returns the factory that makes it for one file: the per-file state (codes,
 * patient keys, unique ids) is passed in, the source is compiled once.
 */
function compileByteParser(
  extract: string,
  columns: readonly AnyColumn[],
  rules: readonly Rule<string>[],
  col: (name: string) => number,
): ByteParserFactory {
  const body: string[] = [];
  const reads: string[] = [];
  const writes: string[] = ['c.line[i] = r.line;'];
  const ident = (c: AnyColumn) => JSON.stringify(c.field);
  columns.forEach((c, k) => {
    const req = c.required;
    switch (c.form) {
      case 'id':
        reads.push(`if (!r.requiredId(${k})) return false;`, `const s${k} = r.start, e${k} = r.end;`);
        if (c.field !== null) writes.push(`c[${ident(c)}][i] = stored[${k}].keys.intern(r.bytes, s${k}, e${k});`);
        break;
      case 'asciiCode':
        reads.push(`if (!r.requiredId(${k})) return false;`, `const s${k} = r.start, e${k} = r.end;`, `const v${k} = r.requiredCode(${k}, codes[${k}]);`);
        break;
      case 'day':
        reads.push(`const v${k} = ${req ? `r.requiredDay(${k})` : `r.optionalDay(${k}, missing[${k}])`};`);
        break;
      case 'time':
        reads.push(`const v${k} = ${req ? `r.requiredTime(${k})` : `r.optionalTime(${k})`};`);
        break;
      case 'municipality':
        reads.push(`const v${k} = ${req ? `r.requiredMunicipality(${k})` : `r.optionalMunicipality(${k})`};`);
        break;
      case 'age':
        reads.push(`const v${k} = ${req ? `r.requiredAge(${k})` : `r.optionalAge(${k})`};`);
        break;
      case 'amount':
        reads.push(`const v${k} = r.optionalAmount(${k});`);
        break;
      case 'code':
        reads.push(`const v${k} = ${req ? `r.requiredCode(${k}, codes[${k}])` : `r.optionalCode(${k}, codes[${k}], missing[${k}])`};`);
        break;
    }
    if (c.field !== null && c.form !== 'id') writes.push(`c[${ident(c)}][i] = v${k};`);
  });
  // A value is present when it is not the stored missing value (a day's NO_DAY; a time's NaN
  // fails every comparison, as a missing value skips a rule in the general parser).
  const present = (k: number) => (columns[k].required || columns[k].form === 'time' ? 'true' : `v${k} !== missing[${k}]`);
  const checks: string[] = [];
  let register = '';
  for (const rule of rules) {
    switch (rule.kind) {
      case 'notBefore': {
        const a = col(rule.later);
        const b = col(rule.earlier);
        checks.push(`if (${present(a)} && ${present(b)} && v${a} < v${b}) return false;`);
        break;
      }
      case 'within': {
        const k = col(rule.column);
        const lo = col(rule.from);
        const hi = col(rule.to);
        checks.push(`if (${present(k)} && ${present(lo)} && v${k} < v${lo}) return false;`);
        checks.push(`if (${present(k)} && ${present(hi)} && v${k} > v${hi}) return false;`);
        break;
      }
      case 'unique': {
        const k = col(rule.column);
        register = `if (ids.seenBeforeBytes(r.bytes, s${k}, e${k}, r.line) !== undefined) return false;`;
        break;
      }
      case 'uniqueAnswer': {
        const a = col(rule.respondent);
        const s = col(rule.survey);
        const q = col(rule.question);
        // The key of the general parser: (respondent, survey, question), the ids lower-cased
        // (the dictionary codes of survey and question are those of their lower-cased texts).
        register =
          `const b = r.bytes;` +
          `if (keys.seenBefore(keys.first.intern(b, s${a}, e${a}), v${s}, v${q}, r.line, () => ` +
          `b.toString('latin1', s${a}, e${a}) + '\\u0000' + b.toString('latin1', s${s}, e${s}).toLowerCase() + '\\u0000' + ` +
          `b.toString('latin1', s${q}, e${q}).toLowerCase()) !== undefined) return false;`;
        break;
      }
    }
  }
  body.push(
    ...reads,
    'if (r.failed) return false;',
    ...checks,
    // Last: nothing is registered for a row the general parser reads instead.
    register,
    'const i = out.length;',
    'const c = out.columns;',
    ...writes,
    'return true;',
  );
  const source = `return function ${extract}ByteRow(r, out) {\n  ${body.join('\n  ')}\n};`;
  // Compiled once per declaration, from the declaration alone (no text from a file).
  const make = new Function('codes', 'missing', 'stored', 'ids', 'keys', source) as (
    codes: readonly (ByteCodes | null)[],
    missing: readonly number[],
    stored: readonly unknown[],
    ids: RowParserContext['unique'],
    keys: RowParserContext['triples'],
  ) => (r: ByteRowReader, out: TableBuilder<ColumnTypes>) => boolean;
  return (context, types) => {
    const storedTypes = columns.map((c) => (c.field === null ? null : (types[c.field] as unknown as ColumnType<unknown>)));
    const codes = columns.map((c, k) =>
      c.form === 'code' || c.form === 'asciiCode' ? new ByteCodes(c.parse!, (v: never) => storedTypes[k]!.encode(v)) : null,
    );
    // A required column has no missing value (a dictionary or patient key would store one).
    const missing = columns.map((c, k) => (c.required || c.field === null ? 0 : storedTypes[k]!.encode(c.missing ?? null)));
    return make(codes, missing, storedTypes, context.unique, context.triples);
  };
}
