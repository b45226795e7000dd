// Value parsers for the cells of every extract (SPEC §2.1 and the column tables of §2.2–§2.7).
// Each parser takes a trimmed, non-empty text and returns the value or an Invalid whose
// message names the value and what was expected. Missing values never reach a parser: the
// row reader (schema.ts) turns an empty cell into null first.
//
// These run once per cell on millions of rows, so the common shapes are recognised with
// charCodeAt arithmetic instead of regular expressions, and an explanation is only built
// on the error path.

import type { DayNumber, WallSeconds } from '../calc/time.js';
import { daysInMonth } from '../calc/time.js';
import { parsePeriodId } from '../calc/periods.js';
import {
  ADMISSION_TYPE,
  CONTACT_TYPE,
  type AnswerClass,
  DISCHARGE_STATUS,
  EDUCATION,
  FOLLOWUP,
  LUP_ANSWER_SCALE,
  OFFER,
  PATIENT_TYPE,
  PRIORITY,
  REFERRAL_SOURCE,
  SECTOR,
  SENDER,
  SEX,
  UNIT_TYPE,
  type ValueList,
} from '../domain/vocabulary.js';

/** A cell that could not be parsed; `message` states the value and the expectation. */
export class Invalid {
  constructor(readonly message: string) {}
}

export type FieldParser<T> = (text: string) => T | Invalid;

/** Values are shown truncated to 40 characters (SPEC §1.6). */
export const MAX_SHOWN_VALUE = 40;

export function truncateValue(text: string): string {
  return text.length <= MAX_SHOWN_VALUE ? text : text.slice(0, MAX_SHOWN_VALUE - 1) + '…';
}

/** Characters of an input that must not reach a terminal or a log as they are (SPEC §6.1):
 *  the C0 controls, DEL and the C1 controls. */
function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

function hex2(c: number): string {
  return (c < 16 ? '0' : '') + c.toString(16);
}

/** Text from an input as shown in a message (SPEC §6.1): every control character escaped as
 *  `\xHH` (`\x1b` for ESC), so escape sequences in a header or a value never reach the
 *  terminal. Line breaks and TAB read `\n`, `\r`, `\t`. */
export function escapeControls(text: string): string {
  let i = 0;
  while (i < text.length && !isControl(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) out += text[i];
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else out += '\\x' + hex2(c);
  }
  return out;
}

/** JSON text with DEL and the C1 controls escaped as \u00HH (SPEC §6.1). JSON.stringify
 *  escapes the C0 controls itself but leaves U+007F–U+009F as they are; in JSON text they
 *  can only stand inside strings, so escaping them there keeps the JSON's meaning. For the
 *  JSON renderers, whose values (a problem's `value`) come from the input. */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => '\\u00' + hex2(c.charCodeAt(0)));
}

/** `"2016-13-01"` — the value as shown inside a message: truncated, with quotes and
 *  backslashes escaped as in JSON and control characters as `\xHH` (SPEC §6.1). */
export function quote(text: string): string {
  const shown = truncateValue(text);
  let plain = true;
  for (let i = 0; i < shown.length && plain; i++) {
    const c = shown.charCodeAt(i);
    plain = !isControl(c) && c !== 34 /* " */ && c !== 92 /* \ */;
  }
  if (plain) return `"${shown}"`;
  return `"${escapeControls(shown.replace(/[\\"]/g, (c) => '\\' + c))}"`;
}

// ---------------------------------------------------------------------------------------
// Dates and date-times (SPEC §2.1, §6.1)

export const DATE_FORMS =
  'expected YYYY-MM-DD or DD-MM-YYYY; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016 are also accepted';
export const DATE_TIME_FORMS =
  'expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM or HH:MM:SS; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016:09:30 are also accepted';
/** SPEC §6.1: every date and date-time lies within 1900-01-01 … 2099-12-31. */
export const FIRST_PLAUSIBLE_YEAR = 1900;
export const LAST_PLAUSIBLE_YEAR = 2099;

/** Days since 1970-01-01 of a valid civil date (proleptic Gregorian), by integer arithmetic
 *  (H. Hinnant's days_from_civil); the caller has checked month and day. Same result as
 *  calc/time.ts dayNumber, without allocating a Date per cell; the byte reader uses it too. */
export function daysFromCivil(y: number, m: number, d: number): DayNumber {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  // A non-digit makes any two- or four-digit sum below negative.
  return c >= 0 && c <= 9 ? c : -100_000;
}

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}

function four(s: string, i: number): number {
  return digit(s, i) * 1000 + digit(s, i + 1) * 100 + digit(s, i + 2) * 10 + digit(s, i + 3);
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** SAS month abbreviations (SPEC §6.1), English or Danish, any case: the three letters
 *  lower-cased into one number (c0 << 16 | c1 << 8 | c2) → month. */
const SAS_MONTHS = new Map<number, number>();
[
  ['jan'], ['feb'], ['mar'], ['apr'], ['may', 'maj'], ['jun'],
  ['jul'], ['aug'], ['sep'], ['oct', 'okt'], ['nov'], ['dec'],
].forEach((names, i) => {
  for (const n of names) SAS_MONTHS.set((n.charCodeAt(0) << 16) | (n.charCodeAt(1) << 8) | n.charCodeAt(2), i + 1);
});

/** The month of the three letters at s[i..i+2] (any case), or -1. */
function sasMonth(s: string, i: number): number {
  // | 0x20 lower-cases an ASCII letter; a non-letter cannot then match a month name.
  const key = ((s.charCodeAt(i) | 0x20) << 16) | ((s.charCodeAt(i + 1) | 0x20) << 8) | (s.charCodeAt(i + 2) | 0x20);
  return SAS_MONTHS.get(key) ?? -1;
}

// Date shape results: a day number, or one of these (all negative beyond any real date).
const BAD_SHAPE = Number.NEGATIVE_INFINITY;
const BAD_MONTH = -1e15;
const BAD_DAY = -2e15;
const OUT_OF_RANGE = -3e15;

let lastYear = 0;
let lastMonth = 0;
let lastDay = 0;
/** Where the date that dateAt read ends in its text. */
let dateEnd = 0;
/** The date that dateAt read is in SAS form (DDMONYYYY). */
let sasDate = false;

/**
 * The day number of the date at the start of s, or a BAD_* / OUT_OF_RANGE code; dateEnd is
 * set to where it ends. Forms (SPEC §2.1, §6.1): YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY,
 * DD/MM/YYYY (10 characters), SAS DDMONYYYY (9) and YYYYMMDD (8 digits, then no digit).
 */
function dateAt(s: string): number {
  let y: number;
  let m: number;
  let d: number;
  const n = s.length;
  const c2 = s.charCodeAt(2);
  sasDate = false;
  if (n >= 10 && s.charCodeAt(4) === 45 /* - */ && s.charCodeAt(7) === 45) {
    y = four(s, 0);
    m = two(s, 5);
    d = two(s, 8);
    dateEnd = 10;
  } else if (n >= 10 && (c2 === 45 || c2 === 46 /* . */ || c2 === 47) /* / */ && s.charCodeAt(5) === c2) {
    d = two(s, 0);
    m = two(s, 3);
    y = four(s, 6);
    dateEnd = 10;
  } else if (n >= 9 && !isDigitAt(s, 2) && (m = sasMonth(s, 2)) > 0) {
    d = two(s, 0);
    y = four(s, 5);
    dateEnd = 9;
    sasDate = true;
  } else if (n >= 8 && (n === 8 || !isDigitAt(s, 8))) {
    y = four(s, 0);
    m = two(s, 4);
    d = two(s, 6);
    dateEnd = 8;
  } else {
    return BAD_SHAPE;
  }
  if (y < 0 || m < 0 || d < 0) return BAD_SHAPE;
  lastYear = y;
  lastMonth = m;
  lastDay = d;
  if (m < 1 || m > 12) return BAD_MONTH;
  if (d < 1 || d > daysInMonth(y, m)) return BAD_DAY;
  if (y < FIRST_PLAUSIBLE_YEAR || y > LAST_PLAUSIBLE_YEAR) return OUT_OF_RANGE;
  return daysFromCivil(y, m, d);
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function dateProblem(text: string, code: number, forms: string): Invalid {
  if (code === BAD_DAY) {
    return new Invalid(
      `${quote(text)} is not a date: ${MONTH_NAMES[lastMonth - 1]} ${lastYear} has ${daysInMonth(lastYear, lastMonth)} days, not ${lastDay}`,
    );
  }
  if (code === OUT_OF_RANGE) {
    return new Invalid(`${quote(text)} is outside the plausible range ${FIRST_PLAUSIBLE_YEAR}–${LAST_PLAUSIBLE_YEAR} (a typing error, or a placeholder date?)`);
  }
  return new Invalid(`${quote(text)} is not a date (${forms})`);
}

/** A date in one of the forms of dateAt (SPEC §2.1, §6.1), within 1900–2099. */
export function parseDate(text: string): DayNumber | Invalid {
  const day = dateAt(text);
  if (day > BAD_MONTH) {
    if (text.length === dateEnd) return day;
    return new Invalid(`${quote(text)} is not a date (${DATE_FORMS}; this column takes no time of day)`);
  }
  return dateProblem(text, day, DATE_FORMS);
}

/**
 * A date, then `T` or a space (or `:` after a SAS date: SAS DATETIME `15MAR2016:09:30:00`),
 * then a time: H:MM or HH:MM, optionally :SS, and after the seconds optionally a fraction,
 * truncated to whole seconds (`12:30:05.000` as SQL Server writes it). A bare date means
 * 00:00 (SPEC §2.1, §6.1).
 */
export function parseDateTime(text: string): WallSeconds | Invalid {
  const day = dateAt(text);
  if (!(day > BAD_MONTH)) return dateProblem(text, day, DATE_TIME_FORMS);
  const seconds = timeAt(text, dateEnd);
  if (seconds >= 0) return day * 86400 + seconds;
  if (seconds === BAD_HOUR) return new Invalid(`${quote(text)} is not a time of day (hours must be 00–23)`);
  if (seconds === BAD_MINUTE) return new Invalid(`${quote(text)} is not a time of day (minutes and seconds must be 00–59)`);
  return new Invalid(
    `${quote(text)} is not a date-time (expected a date, then a space or T and HH:MM or HH:MM:SS, e.g. 2016-03-15 09:30; SAS 15MAR2016:09:30:00 is also accepted)`,
  );
}

const BAD_TIME = -1;
const BAD_HOUR = -2;
const BAD_MINUTE = -3;

/** The seconds of the day of the time that follows the date ending at `at` (0 when the text
 *  ends with the date), or BAD_TIME / BAD_HOUR / BAD_MINUTE. */
function timeAt(s: string, at: number): number {
  const n = s.length;
  if (n === at) return 0;
  const sep = s.charCodeAt(at);
  if (!(sep === 84 /* T */ || sep === 32 /* space */ || (sep === 58 /* : */ && sasDate))) return BAD_TIME;
  let i = at + 1;
  // Hours: one or two digits.
  if (!isDigitAt(s, i)) return BAD_TIME;
  let hh = s.charCodeAt(i++) - 48;
  if (isDigitAt(s, i)) hh = hh * 10 + s.charCodeAt(i++) - 48;
  if (s.charCodeAt(i) !== 58) return BAD_TIME;
  const mm = two(s, i + 1);
  if (mm < 0) return BAD_TIME;
  i += 3;
  let ss = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 58) return BAD_TIME;
    ss = two(s, i + 1);
    if (ss < 0) return BAD_TIME;
    i += 3;
    if (i < n) {
      // A fraction of a second: a dot and at least one digit, dropped.
      if (s.charCodeAt(i) !== 46 /* . */ || i + 1 === n) return BAD_TIME;
      for (i++; i < n; i++) if (!isDigitAt(s, i)) return BAD_TIME;
    }
  }
  if (hh > 23) return BAD_HOUR;
  if (mm > 59 || ss > 59) return BAD_MINUTE;
  return hh * 3600 + mm * 60 + ss;
}

// ---------------------------------------------------------------------------------------
// Numbers (SPEC §2.1)

const NUMBER_FORMS = 'expected digits with . or , as the decimal separator and no thousands separator';

/** Digits with one optional `.` or `,` decimal separator and an optional leading minus;
 *  no digit grouping (`1.234,50` is an error). */
export function parseNumber(text: string): number | Invalid {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const firstDigit = i;
  let sepAt = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && sepAt < 0) {
      sepAt = i;
      continue;
    }
    return new Invalid(`${quote(text)} is not a number (${NUMBER_FORMS})`);
  }
  if (n === firstDigit || sepAt === firstDigit || sepAt === n - 1) {
    return new Invalid(`${quote(text)} is not a number (${NUMBER_FORMS})`);
  }
  if (sepAt < 0) {
    // A whole number is held exactly or not at all (SPEC §6.1).
    const v = Number(text);
    return Math.abs(v) > Number.MAX_SAFE_INTEGER ? tooLarge(text) : v;
  }
  return Number(text.charCodeAt(sepAt) === 44 ? text.replace(',', '.') : text);
}

export function parseNonNegativeNumber(text: string): number | Invalid {
  const v = parseNumber(text);
  if (typeof v === 'number' && v < 0) return new Invalid(`${quote(text)} is negative (expected a number ≥ 0)`);
  return v;
}

/** SPEC §6.1: a whole number beyond 2⁵³ − 1 cannot be held exactly: an error "too large". */
function tooLarge(text: string): Invalid {
  return new Invalid(`${quote(text)} is too large (a whole number can be at most ${Number.MAX_SAFE_INTEGER}, 2⁵³ − 1)`);
}

/** A whole number: digits with an optional leading minus; at most 2⁵³ − 1 in size. */
export function parseInteger(text: string): number | Invalid {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return new Invalid(`${quote(text)} is not a whole number`);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return new Invalid(`${quote(text)} is not a whole number`);
  }
  const v = Number(text);
  return Math.abs(v) > Number.MAX_SAFE_INTEGER ? tooLarge(text) : v;
}

export function parseNonNegativeInteger(text: string): number | Invalid {
  const v = parseInteger(text);
  if (typeof v === 'number' && v < 0) return new Invalid(`${quote(text)} is negative (expected a whole number ≥ 0)`);
  return v;
}

/** Age in whole years, 0–125 (SPEC §2.1). */
export function parseAge(text: string): number | Invalid {
  const v = parseInteger(text);
  if (typeof v !== 'number' || v < 0 || v > 125) {
    return new Invalid(`${quote(text)} is not an age (expected whole years 0–125)`);
  }
  return v;
}

/** A calendar year written with four digits (population.csv `year`). */
export function parseYear(text: string): number | Invalid {
  if (text.length === 4) {
    const y = four(text, 0);
    if (y >= 0) return y;
  }
  return new Invalid(`${quote(text)} is not a year (expected YYYY)`);
}

// ---------------------------------------------------------------------------------------
// Enumerations (SPEC §2.1: case-insensitive, with the aliases listed)

/** The key an enumerated value or a column name is matched on: NFC, lower-case, runs of
 *  spaces, hyphens and underscores as one `_`, and æ/ø/å written ae/oe/aa, so that
 *  "Sårbar gravid", "saarbar_gravid" and a decomposed å all meet. */
export function matchKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '_')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa');
}

/** The parser of an enumeration, with what it accepts as data: every spelling (label and
 *  aliases, as declared) and the value it gives. The SQL scripts map the same spellings
 *  (src/sql/vocabulary.ts), so a database reads an alias as this parser does. */
export interface EnumParser<T extends string | boolean> extends FieldParser<T> {
  readonly what: string;
  readonly spellings: ReadonlyArray<readonly [spelling: string, value: T]>;
}

/** A parser for an enumeration given as [label, value, ...aliases] rows. It matches the
 *  exact text first (the common, canonical case costs one Map lookup), then the match key. */
export function enumParser<T extends string | boolean>(what: string, values: ReadonlyArray<readonly [string, T, ...string[]]>): EnumParser<T> {
  const table = new Map<string, T>();
  const shown: string[] = [];
  const spellings: (readonly [string, T])[] = [];
  for (const [label, value, ...aliases] of values) {
    shown.push(label, ...aliases);
    for (const spelling of [label, ...aliases]) {
      spellings.push([spelling, value]);
      table.set(spelling, value);
      table.set(spelling.toLowerCase(), value);
      table.set(matchKey(spelling), value);
    }
  }
  const expected = `expected ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  const parse = (text: string) => {
    const v = table.get(text) ?? table.get(matchKey(text));
    return v !== undefined ? v : new Invalid(`${quote(text)} is not ${what} (${expected})`);
  };
  return Object.assign(parse, { what, spellings });
}

/** The spellings a column's parser accepts, when it is an enumeration's (enumParser). */
export function enumerationOf(parse: FieldParser<unknown> | null): EnumParser<string | boolean> | null {
  return parse !== null && 'spellings' in parse ? (parse as EnumParser<string | boolean>) : null;
}

export const parseBoolean = enumParser<boolean>('a yes/no value', [
  ['1', true],
  ['0', false],
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['ja', true],
  ['nej', false],
  ['j', true],
  ['n', false],
]);

/** The parser of a vocabulary list (src/domain/vocabulary.ts): the canonical value or one of
 *  its aliases gives the canonical value. */
export function parserOf<V extends string>(list: ValueList<V>): EnumParser<V> {
  return enumParser<V>(
    list.what,
    list.entries.map((e) => [e.value, e.value, ...(e.aliases ?? [])] as const),
  );
}

/** The parser of a two-valued vocabulary list read as a flag of the record (admission_type →
 *  acute?), so the record keeps a boolean. */
function flagParserOf<V extends string>(list: ValueList<V>, flagged: V): EnumParser<boolean> {
  return enumParser<boolean>(
    list.what,
    list.entries.map((e) => [e.value, e.value === flagged, ...(e.aliases ?? [])] as const),
  );
}

export const parseSex = parserOf(SEX);
export const parseEducation = parserOf(EDUCATION);
/** admission_type → acute? (LPR codes 1 = acute, 2 = planned; SPEC §2.2). */
export const parseAcute = flagParserOf(ADMISSION_TYPE, 'acute');
/** sector → psychiatric? */
export const parsePsychiatric = flagParserOf(SECTOR, 'psychiatric');
/** discharge_status → died? */
export const parseDied = flagParserOf(DISCHARGE_STATUS, 'died');
/** contacts.csv end_status → died? The values of discharge_status (`død` → died), named as
 *  the column is (SPEC §14.1). */
export const parseEndStatus = flagParserOf({ ...DISCHARGE_STATUS, what: 'an end status' }, 'died');
/** contacts.csv priority → acute? (ATA1 = acute, ATA3 = planned; SPEC §14.1). */
export const parsePriority = flagParserOf(PRIORITY, 'acute');
/** contacts.csv unit_type → hospice? */
export const parseHospice = flagParserOf(UNIT_TYPE, 'hospice');
export const parseContactType = parserOf(CONTACT_TYPE);
export const parseSender = parserOf(SENDER);
/** smoking.csv referral_source: the sender values without psychiatry (SPEC §2.4). */
export const parseReferralSource = parserOf(REFERRAL_SOURCE);
export const parseOffer = parserOf(OFFER);
export const parseFollowup = parserOf(FOLLOWUP);
export const parsePatientType = parserOf(PATIENT_TYPE);

/** LUP answers (SPEC §2.5), by the class of the scale's spelling. */
export const parseLupAnswer = enumParser<AnswerClass>(
  'a LUP answer',
  LUP_ANSWER_SCALE.map(({ spellings: [label, ...codes], answerClass }) => [label, answerClass, ...codes] as const),
);

// ---------------------------------------------------------------------------------------
// Codes

/** 3 digits; a 4-digit form with a leading zero is normalised (`0751` → `751`; SPEC §2.1). */
export function parseMunicipality(text: string): string | Invalid {
  const n = text.length;
  if (n === 3 || (n === 4 && text.charCodeAt(0) === 48)) {
    let ok = true;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) ok = false;
    }
    if (ok) return n === 3 ? text : text.slice(1);
  }
  return new Invalid(`${quote(text)} is not a municipality code (expected 3 digits, e.g. 751; 0751 is read as 751)`);
}

function isUpperLetter(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ICD-10 normalisation (SPEC §2.2): upper-case, remove `.` and spaces, drop a leading SKS
 *  `D` when a letter follows (DJ440 → J440, DD509 → D509, D509 stays), then the code must
 *  match ^[A-Z][0-9]{2}[0-9A-Z]*$. */
export function parseDiagnosis(text: string): string | Invalid {
  let code = text.toUpperCase();
  if (code.indexOf('.') >= 0 || code.indexOf(' ') >= 0) code = code.replace(/[. ]/g, '');
  if (code.length >= 2 && code.charCodeAt(0) === 68 /* D */ && isUpperLetter(code.charCodeAt(1))) {
    code = code.slice(1);
  }
  let ok = code.length >= 3 && isUpperLetter(code.charCodeAt(0)) && isDigitCode(code.charCodeAt(1)) && isDigitCode(code.charCodeAt(2));
  for (let i = 3; ok && i < code.length; i++) {
    const c = code.charCodeAt(i);
    ok = isUpperLetter(c) || isDigitCode(c);
  }
  if (ok) return code;
  return new Invalid(
    `${quote(text)} is not an ICD-10 diagnosis code (expected a letter and two digits, then digits or letters, e.g. J440 or DJ440)`,
  );
}

/** A list of ICD-10 codes separated by any run of `|` and spaces (SPEC §14.1
 *  secondary_diagnoses): each normalised as parseDiagnosis, empty codes ignored, kept in the
 *  order written and joined by `|` ("DC189 | di10" → "C189|I10"; nothing → ""). */
export function parseDiagnosisList(text: string): string | Invalid {
  const codes: string[] = [];
  for (const part of text.split(/[| ]+/)) {
    if (part === '') continue;
    const code = parseDiagnosis(part);
    // The whole cell is the value shown; the message names the code that is wrong in it.
    if (code instanceof Invalid) return new Invalid(`${quote(text)} is not a list of ICD-10 codes separated by "|" or spaces: ${code.message}`);
    codes.push(code);
  }
  return codes.join('|');
}

/** Survey and question ids are matched case-insensitively: stored lower-cased. */
export function parseLowerId(text: string): string {
  return text.toLowerCase();
}

/** Indicator ids (measurements, baselines) are kebab-case; matched case-insensitively. */
export function parseIndicatorId(text: string): string {
  return text.toLowerCase();
}

/** One period id YYYY, YYYY-Qn or YYYY-MM, normalised ("2016-q1" → "2016-Q1"). */
export function parsePeriod(text: string): string | Invalid {
  const p = parsePeriodId(text);
  return p ? p.id : new Invalid(`${quote(text)} is not a period (expected YYYY, YYYY-Qn or YYYY-MM, e.g. 2016, 2016-Q3, 2016-01)`);
}
