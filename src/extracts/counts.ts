// The counts a database returned for `triple-aim sql`'s script (SPEC §15), read back for
// `compute --counts FILE.csv`. Pure: takes the text, returns the rows and the problems, each
// naming line, column and value (SPEC §1.6); the CLI prints them and exits 1.
//
// The file is the script's result set as an engine exports it: a header row `indicator,
// period, <one column per --by dimension>, cell, numerator, denominator, units`, then rows. An
// empty field or `NULL` (sqlcmd's way of writing one) is a missing value. `cell` is empty for
// the (indicator, period, group) rows and names a further cell otherwise:
//   note=KEY[;NAME=VALUE…]   a note's count (KEY: a declaration of src/domain/messages.ts,
//                            with its parameters)
//   education=LEVEL          the units of one education level (SPEC §8.2)
//   esp2013=B                events in ESP2013 band B, 0–18 (SPEC §8.1)
//   esp2013=B;events=K       persons with K events in band B (Dobson's variance)
//   follow_up_end=DATE       the latest follow-up end of the cell's units (SPEC §13.2)
//   data_end=EXTRACT         the extract's data end (SPEC §13.2), a date in `period`
//   profile=ID               the definition profile the script counted (SPEC §14.3); a file
//                            without one was counted under rm-2015-2018 (the only profile the
//                            scripts counted before)
//   first_event=EXTRACT      the extract's first and last event dates (SPEC §1.3: the range
//   last_event=EXTRACT       report's years and months and evaluate's windows are read
//                            against), a date in `period`
//   invalid=EXTRACT.COLUMN   rows the script left out because the reader would reject their
//                            value in COLUMN (src/sql/vocabulary.ts), their number in `numerator`
// A group row has a value in each of the indicator's --by columns; the total row none.

import { parse } from 'csv-parse/sync';
import { DIMENSIONS, isDimension, type Dimension, type Group } from '../calc/groups.js';
import { parsePeriodArgument, PeriodError } from '../calc/periods.js';
import { dayNumber, type DayNumber } from '../calc/time.js';
import { MESSAGES } from '../domain/messages.js';
import { EDUCATION, type Education } from '../domain/vocabulary.js';
import { PROFILES } from '../indicators/profiles.js';
import { ESP2013_BANDS } from '../analysis/standardisation.js';
import { COLUMNAR_EXTRACTS, type ColumnarExtractName } from './records.js';

/** The columns every counts file has besides its dimensions. */
export const COUNTS_COLUMNS = ['indicator', 'period', 'cell', 'numerator', 'denominator', 'units'] as const;

export type CountsCell =
  | { kind: 'result' }
  | { kind: 'note'; key: keyof typeof MESSAGES; params: Record<string, string> }
  | { kind: 'followUpEnd'; day: DayNumber }
  | { kind: 'education'; level: Education }
  | { kind: 'band'; band: number }
  | { kind: 'persons'; band: number; events: number };

export interface CountsRow {
  line: number;
  indicator: string;
  period: string;
  /** The row's group: the dimensions with a value ({} for the total row). */
  group: Group;
  cell: CountsCell;
  numerator: number;
  denominator: number;
  units: number;
}

export interface CountsProblem {
  line: number | null;
  column: string | null;
  message: string;
}

export interface CountsFile {
  /** The --by dimensions of the script, in column order. */
  by: Dimension[];
  rows: CountsRow[];
  /** Period ids present, in first-seen order. */
  periods: string[];
  /** Data ends the script returned, per extract. */
  dataEnd: Map<ColumnarExtractName, DayNumber>;
  /** The profile the script counted (SPEC §14.3), or null when the file does not say. */
  profile: string | null;
  /** The first and last event dates the script returned, per extract (either may be absent
   *  in a file of an older script or written by hand). */
  eventDays: Map<ColumnarExtractName, { first?: DayNumber; last?: DayNumber }>;
  /** Rows the script left out because the reader would reject a value (SPEC §1.6, §2.1). */
  invalid: InvalidRows[];
}

/** An `invalid=EXTRACT.COLUMN` row: `rows` rows of the extract's table left out. */
export interface InvalidRows {
  line: number;
  extract: ColumnarExtractName;
  column: string;
  rows: number;
}

// Every profile's counting indicators (the national split of the bed days included).
const COUNTING = new Map(PROFILES.flatMap((p) => p.catalogue).filter((i) => i.kind === 'counting').map((i) => [i.id, i]));

/** A note's cell: a declared message's key, then its parameters as `;name=value`
 *  (`preventionReferralSenderLeftOut;sender=self`); every parameter of the message given. */
function parseNote(text: string): CountsCell | string {
  const [key, ...pairs] = text.split(';');
  const m = (MESSAGES as Record<string, { en: string }>)[key];
  if (m === undefined) return `unknown note "${key}" (expected a declared message such as indexExcludedDied)`;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) return `note parameter "${pair}" is not name=value`;
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const wanted = [...m.en.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
  const missing = wanted.filter((w) => !(w in params));
  if (missing.length > 0) return `note "${key}" needs ${missing.map((w) => `;${w}=…`).join('')}`;
  return { kind: 'note', key: key as keyof typeof MESSAGES, params };
}

function parseCell(text: string): CountsCell | string {
  if (text === '') return { kind: 'result' };
  let m = /^note=(.+)$/.exec(text);
  if (m) return parseNote(m[1]);
  m = /^follow_up_end=(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === null ? `"${text}" has no valid date` : { kind: 'followUpEnd', day };
  }
  m = /^education=(.+)$/.exec(text);
  if (m) {
    return (EDUCATION.values as readonly string[]).includes(m[1])
      ? { kind: 'education', level: m[1] as Education }
      : `unknown education level "${m[1]}" (expected ${EDUCATION.values.join(', ')})`;
  }
  m = /^esp2013=(\d+)(?:;events=(\d+))?$/.exec(text);
  if (m) {
    const band = Number(m[1]);
    if (band >= ESP2013_BANDS.length) return `ESP2013 band ${band} does not exist (expected 0–${ESP2013_BANDS.length - 1})`;
    if (m[2] === undefined) return { kind: 'band', band };
    const events = Number(m[2]);
    return events >= 1 ? { kind: 'persons', band, events } : 'events per person must be at least 1';
  }
  return `unknown cell "${text}" (expected empty, note=…, education=…, esp2013=…, follow_up_end=…, data_end=…, first_event=…, last_event=… or invalid=…)`;
}

const MISSING = new Set(['', 'NULL']);

/** A cell's name as the file writes it, for the result, note and education cells. */
function cellName(c: CountsCell): string {
  switch (c.kind) {
    case 'result':
      return '';
    case 'note':
      return `note=${[c.key, ...Object.entries(c.params).map(([k, v]) => `${k}=${v}`)].join(';')}`;
    case 'education':
      return `education=${c.level}`;
    default:
      return c.kind;
  }
}

/** Reads a counts file; `file` names it in problems. */
export function readCounts(text: string, file: string): { counts: CountsFile; problems: CountsProblem[] } {
  const problems: CountsProblem[] = [];
  const counts: CountsFile = { by: [], rows: [], periods: [], dataEnd: new Map(), profile: null, eventDays: new Map(), invalid: [] };
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    problems.push({ line: null, column: null, message: `not a CSV file: ${(e as Error).message}` });
    return { counts, problems };
  }
  if (records.length === 0) {
    problems.push({ line: null, column: null, message: `empty file (expected a header ${COUNTS_COLUMNS.join(', ')})` });
    return { counts, problems };
  }
  const header = records[0].map((h) => h.trim().toLowerCase());
  const missing = COUNTS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push({
      line: 1,
      column: null,
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (a counts file has ${COUNTS_COLUMNS.join(', ')} and one column per --by dimension)`,
    });
  }
  for (const h of header) {
    if ((COUNTS_COLUMNS as readonly string[]).includes(h)) continue;
    if (isDimension(h)) counts.by.push(h);
    else problems.push({ line: 1, column: h, message: `unknown column "${h}" (expected ${COUNTS_COLUMNS.join(', ')} or a dimension: ${DIMENSIONS.join(', ')})` });
  }
  if (problems.length > 0) return { counts, problems };

  const at = (name: string) => header.indexOf(name);
  const seen = new Map<string, number>();
  const periods = new Set<string>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2; // physical line when no field holds a newline (the script's values never do)
    const value = (name: string) => {
      const v = (record[at(name)] ?? '').trim();
      return MISSING.has(v) ? '' : v;
    };
    const problem = (column: string | null, message: string) => problems.push({ line, column, message });
    const cellText = value('cell');
    const dated = /^(data_end|first_event|last_event)=(.+)$/.exec(cellText);
    if (dated) {
      const extract = dated[2] as ColumnarExtractName;
      // An empty table has no data end (MAX over no rows is NULL).
      if (value('period') === '' && (COLUMNAR_EXTRACTS as readonly string[]).includes(extract)) return;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value('period'));
      const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
      const what = dated[1] === 'data_end' ? 'the data end' : 'an event date';
      if (!(COLUMNAR_EXTRACTS as readonly string[]).includes(extract)) problem('cell', `unknown extract "${extract}" in ${cellText}`);
      else if (day === null) problem('period', `"${value('period')}" is not a date (expected ${what} as YYYY-MM-DD)`);
      else if (dated[1] === 'data_end') counts.dataEnd.set(extract, day);
      else {
        const range = counts.eventDays.get(extract) ?? {};
        range[dated[1] === 'first_event' ? 'first' : 'last'] = day;
        counts.eventDays.set(extract, range);
      }
      return;
    }
    const profile = /^profile=(.*)$/.exec(cellText);
    if (profile) {
      if (!PROFILES.some((p) => p.id === profile[1])) problem('cell', `unknown profile "${profile[1]}" (expected ${PROFILES.map((p) => p.id).join(' or ')})`);
      else if (counts.profile !== null && counts.profile !== profile[1]) problem('cell', `a second profile (${profile[1]}) after ${counts.profile}: one file holds the counts of one profile`);
      else counts.profile = profile[1];
      return;
    }
    const invalid = /^invalid=([a-z_]+)\.([a-z0-9_]+)$/.exec(cellText);
    if (invalid) {
      const extract = invalid[1] as ColumnarExtractName;
      const rows = Number(value('numerator'));
      if (!(COLUMNAR_EXTRACTS as readonly string[]).includes(extract)) problem('cell', `unknown extract "${invalid[1]}" in ${cellText}`);
      else if (!Number.isInteger(rows) || rows < 1 || value('numerator') === '') problem('numerator', `"${value('numerator')}" is not a number of rows (expected a whole number ≥ 1)`);
      else counts.invalid.push({ line, extract, column: invalid[2], rows });
      return;
    }
    const indicator = value('indicator');
    const definition = COUNTING.get(indicator);
    if (!definition) {
      problem('indicator', `unknown indicator "${indicator}" (expected a counting indicator of \`triple-aim indicators\`)`);
      return;
    }
    const period = value('period');
    try {
      const parsed = parsePeriodArgument(period);
      if (parsed.length !== 1) throw new PeriodError('a range');
    } catch {
      problem('period', `"${period}" is not a period id (expected YYYY, YYYY-Qn or YYYY-MM)`);
      return;
    }
    const cell = parseCell(cellText);
    if (typeof cell === 'string') {
      problem('cell', cell);
      return;
    }
    const numbers: Record<'numerator' | 'denominator' | 'units', number> = { numerator: 0, denominator: 0, units: 0 };
    for (const name of ['numerator', 'denominator', 'units'] as const) {
      const text = value(name);
      const n = text === '' ? NaN : Number(text);
      // DKK sums may have decimals; every other number is a count of units or events.
      const whole = name !== 'numerator' || definition.unit !== 'dkk_per_capita' || cell.kind !== 'result';
      if (!Number.isFinite(n)) problem(name, `"${text}" is not a number`);
      else if (n < 0) problem(name, `${text} is negative (expected a count ≥ 0)`);
      else if (whole && !Number.isInteger(n)) problem(name, `${text} is not a whole number (expected a count)`);
      else numbers[name] = n;
    }
    const group: Group = {};
    for (const d of counts.by) {
      const v = value(d);
      if (v !== '') {
        if (!definition.dimensions.includes(d)) problem(d, `${indicator} is not broken down by ${d} (expected an empty value)`);
        group[d] = v;
      }
    }
    if (Object.keys(group).length > 0 && !counts.by.filter((d) => definition.dimensions.includes(d)).every((d) => d in group)) {
      problem(null, `a group row of ${indicator} needs a value in each of ${counts.by.filter((d) => definition.dimensions.includes(d)).join(', ')}`);
    }
    const key = [indicator, period, ...counts.by.map((d) => group[d] ?? ''), cellText].join('\u0001');
    const first = seen.get(key);
    if (first !== undefined) problem(null, `the same cell as line ${first} (${indicator}, ${period}${cellText ? ', ' + cellText : ''})`);
    seen.set(key, line);
    periods.add(period);
    counts.rows.push({ line, indicator, period, group, cell, ...numbers });
  });
  // The script writes each cell of a group beside the same cell of the total row (the region):
  // a file without the total would give the region nothing where it has units (SPEC §15: the
  // commands read the total rows as counted).
  const totals = new Set(counts.rows.filter((r) => Object.keys(r.group).length === 0).map((r) => [r.indicator, r.period, cellName(r.cell)].join('\u0001')));
  const told = new Set<string>();
  for (const r of counts.rows) {
    if (Object.keys(r.group).length === 0 || !['result', 'note', 'education'].includes(r.cell.kind)) continue;
    const key = [r.indicator, r.period, cellName(r.cell)].join('\u0001');
    if (totals.has(key) || told.has(key)) continue;
    told.add(key);
    problems.push({
      line: r.line,
      column: null,
      message: `${r.indicator}, ${r.period}${r.cell.kind === 'result' ? '' : ', ' + cellName(r.cell)}: a group's cell without the total row's (every dimension empty), which the script writes beside it`,
    });
  }
  counts.periods = [...periods];
  return { counts, problems };
}
