// Builders for hand-made records in unit tests: every test states only the fields its rule
// is about; the rest get neutral defaults.

import { dayNumber, wallSeconds, type DayNumber, type WallSeconds } from '../../src/calc/time.js';
import {
  admissionColumns,
  contactColumns,
  COLUMNAR_EXTRACTS,
  type Contact,
  lupColumns,
  referralColumns,
  smokingColumns,
  type Admission,
  type AdmissionTable,
  type ColumnarExtractName,
  type ExtractName,
  type LoadedData,
  type LupAnswer,
  type PopulationRow,
  type RecordsByExtract,
  type Referral,
  type SmokingCourse,
} from '../../src/extracts/records.js';
import { tableOf, type ColumnTypes, type RowOf } from '../../src/extracts/table.js';

/** "2017-04-03" → day number (throws on a bad date: tests must not hide typos). */
export function day(text: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m && dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  if (d === null || d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

/** "2017-04-03 09:15" → wall-clock seconds. */
export function at(text: string): WallSeconds {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`bad test date-time ${text}`);
  return wallSeconds(day(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0));
}

let line = 1;
const nextLine = () => ++line;

export function admission(p: Partial<Admission> & { patientId: string; admittedAt: WallSeconds }): Admission {
  return {
    ...NO_ADMISSION,
    line: nextLine(),
    dischargedAt: null,
    acute: true,
    diagnosis: 'R069',
    psychiatric: false,
    municipality: '751',
    age: 50,
    sex: null,
    education: null,
    costDkk: null,
    cofinancingDkk: null,
    readyForDischargeAt: null,
    died: false,
    ...p,
  };
}

/** Every field of a declared table's record as null: the defaults of its optional columns, so
 *  a column added to a declaration (issue 22) needs no change here. */
function nulls<S extends ColumnTypes>(types: S): { [K in keyof RowOf<S>]: null } {
  return Object.fromEntries(Object.keys(types).map((k) => [k, null])) as { [K in keyof RowOf<S>]: null };
}
const NO_REFERRAL = nulls(referralColumns());
const NO_COURSE = nulls(smokingColumns());
const NO_ANSWER = nulls(lupColumns());
const NO_ADMISSION = nulls(admissionColumns());

const NO_CONTACT = nulls(contactColumns());

/** An LPR3 contact (SPEC §14.1): physical, acute, somatic, in a hospital, alive, unless said. */
export function contact(p: Partial<Contact> & { patientId: string; startAt: WallSeconds }): Contact {
  return {
    ...NO_CONTACT,
    line: nextLine(),
    endAt: null,
    contactType: 'physical',
    acute: true,
    diagnosis: 'R069',
    secondaryDiagnoses: '',
    psychiatric: false,
    hospice: false,
    municipality: '751',
    age: 50,
    died: false,
    ...p,
  };
}

export function referral(p: Partial<Referral> & Pick<Referral, 'referredAt' | 'offer'>): Referral {
  return { ...NO_REFERRAL, line: nextLine(), patientId: `p${line}`, sender: 'hospital', municipality: '751', ...p };
}

export function course(p: Partial<SmokingCourse> & Pick<SmokingCourse, 'courseStartedAt' | 'completed'>): SmokingCourse {
  return { ...NO_COURSE, line: nextLine(), municipality: '751', ...p };
}

export function answer(
  p: Partial<LupAnswer> & Pick<LupAnswer, 'survey' | 'question' | 'patientType' | 'answer' | 'respondedAt'>,
): LupAnswer {
  return { ...NO_ANSWER, line: nextLine(), ...p };
}

export function inhabitants(p: Partial<PopulationRow> & Pick<PopulationRow, 'year' | 'population'>): PopulationRow {
  return { line: nextLine(), municipality: '751', age: 40, sex: 'F', education: null, ...p };
}

/** The admissions as a table (src/extracts/table.ts), in the order given. */
export function admissionTable(records: readonly Admission[]): AdmissionTable {
  return tableOf(admissionColumns(), records);
}

const COLUMNS_OF: { readonly [K in ColumnarExtractName]: () => ColumnTypes } = {
  admissions: admissionColumns,
  contacts: contactColumns,
  referrals: referralColumns,
  smoking: smokingColumns,
  lup: lupColumns,
};

/** A LoadedData with the given extracts; `columns` lists the optional columns present. The
 *  large extracts are held as tables, as the loader holds them. */
export function loaded<K extends ExtractName>(
  extract: K,
  records: RecordsByExtract[K][],
  columns: readonly string[] = [],
  data: LoadedData = {},
): LoadedData {
  const info = { extract, path: `${extract}.csv`, sha256: '', rows: records.length, rowsRejected: 0, encoding: 'utf8' as const, columns: new Set(columns), eventDays: null, dataEnd: null };
  const columnar = (COLUMNAR_EXTRACTS as readonly string[]).includes(extract);
  return {
    ...data,
    [extract]: columnar
      ? { info, table: tableOf(COLUMNS_OF[extract as ColumnarExtractName](), records as unknown as RowOf<ColumnTypes>[]) }
      : { info, records },
  };
}
