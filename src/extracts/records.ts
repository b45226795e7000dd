// The parsed, validated records of every extract (SPEC §2). These are the interface between
// src/extracts (which produces them) and src/indicators (which reads them). Only the fields
// an indicator or a breakdown needs are kept; ids only where a computation links rows
// (patient_id for episodes, as a dense integer key). Dates are DayNumber, date-times
// WallSeconds (src/calc/time.ts); a missing optional value is null.
//
// The five large extracts (admissions or LPR3 contacts, referrals, smoking courses, LUP answers: millions of
// rows, SPEC §5, §12) are held in columns (table.ts): one typed array per field. Each is
// declared once, with its columns and rules, in its own file (admissions.ts, referrals.ts,
// smoking.ts, lup.ts, through declare.ts); its record type below is the row of the table that
// declaration derives (issue 22). The small ones (population, measurements, baselines,
// annotations) are arrays of record objects.

import type { DayNumber } from '../calc/time.js';
import { admissionsSchema } from './admissions.js';
import { contactsSchema } from './contacts.js';
import { lupSchema } from './lup.js';
import { referralsSchema } from './referrals.js';
import { smokingSchema } from './smoking.js';
import { EDUCATION, SEX } from '../domain/vocabulary.js';
import { MUNICIPALITY_TEXT, type RowOf, Table } from './table.js';
import type {
  AnswerClass,
  Education,
  Followup,
  Offer,
  PatientType,
  ReferralSource,
  Sender,
  Sex,
} from '../domain/vocabulary.js';

// The value types are declared once, in the vocabulary (src/domain/vocabulary.ts).
export type { AnswerClass, Education, Followup, Offer, PatientType, ReferralSource, Sender, Sex };

/** The attributes every breakdown can read (SPEC §1.3); null = unknown. */
export interface PersonAttributes {
  /** 3-digit municipality code, normalised ("0751" → "751"). */
  municipality: string | null;
  age: number | null;
  sex: Sex | null;
  education: Education | null;
}

/** SPEC §2.2 — one row per admission: the record of the declaration in admissions.ts. */
export type Admission = RowOf<AdmissionColumns>;

/** SPEC §14.1 — one row per LPR3 contact: the record of the declaration in contacts.ts. */
export type Contact = RowOf<ContactColumns>;

/** SPEC §2.3 — one row per referral: the record of the declaration in referrals.ts. */
export type Referral = RowOf<ReferralColumns>;

/** SPEC §2.4 — one row per participant course: the record of the declaration in smoking.ts. */
export type SmokingCourse = RowOf<SmokingColumns>;

/** SPEC §2.5 — one row per respondent × question: the record of the declaration in lup.ts. */
export type LupAnswer = RowOf<LupColumns>;

/** SPEC §2.6 — inhabitants. */
export interface PopulationRow {
  line: number;
  year: number;
  municipality: string;
  age: number;
  sex: Sex;
  education: Education | null;
  population: number;
}

/** SPEC §2.7 — a value measured elsewhere. */
export interface Measurement {
  line: number;
  indicator: string;
  /** Period id exactly as written after normalisation ("2016", "2016-Q1", "2016-01"). */
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  source: string | null;
}

/** SPEC §2.7 — a baseline/target override. */
export interface BaselineRow {
  line: number;
  indicator: string;
  /** Parsed group key; {} = the total row. */
  group: Record<string, string>;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  note: string | null;
}

/** SPEC §7 — an annotation of monitor's charts (`--annotations FILE`). */
export interface AnnotationRow {
  line: number;
  /** Period id as normalised ("2019-01", "2019-Q1"). */
  period: string;
  text: string;
  /** Lower-cased indicator id, or null for every indicator. */
  indicator: string | null;
  /** Parsed group key, or null for every group. */
  group: Record<string, string> | null;
}

export type ExtractName =
  | 'admissions'
  /** LPR3 contacts (SPEC §14.1): in a --data folder instead of admissions.csv, never beside it. */
  | 'contacts'
  | 'referrals'
  | 'smoking'
  | 'lup'
  | 'population'
  | 'measurements'
  | 'baselines'
  /** Not a --data standard name: only `monitor --annotations FILE` reads it. */
  | 'annotations';

/** The extracts of SPEC §1.2: the --data standard names. */
export type StandardExtractName = Exclude<ExtractName, 'annotations'>;

/** The extracts of SPEC §1.2, in report order. */
export const EXTRACT_NAMES: readonly StandardExtractName[] = [
  'admissions',
  'contacts',
  'referrals',
  'smoking',
  'lup',
  'population',
  'measurements',
  'baselines',
];

/** What a loaded extract tells beyond its rows. */
export interface ExtractInfo {
  extract: ExtractName;
  /** Path as given by the user ("-" for stdin). */
  path: string;
  sha256: string;
  /** Data rows read (valid + rejected). */
  rows: number;
  rowsRejected: number;
  /** What the file was read as (SPEC §6.1: --encoding auto reads UTF-8, else Windows-1252;
   *  §14.1: UTF-16 when it starts with a UTF-16 byte-order mark). */
  encoding: 'utf8' | 'cp1252' | 'utf16le' | 'utf16be';
  /** Canonical names of the optional columns present in the header. */
  columns: ReadonlySet<string>;
  /** The first and last event dates of the valid records (SPEC §1.3), null when none. */
  eventDays: { first: DayNumber; last: DayNumber } | null;
  /** The latest date of the extract's own data end (SPEC §13.2), before --data-end: null for
   *  extracts whose rows are not dated events (population, measurements, baselines) and for a
   *  dated extract without valid rows. See src/engine/provisional.ts `dataEndOf`. */
  dataEnd: DayNumber | null;
}

// ---------------------------------------------------------------------------------------
// The columns of the five large extracts, declared with the extract (declare.ts): each
// function gives the column types of one new table (the dictionaries and patient keys are per
// table); its rows are the records above.

export const admissionColumns = (): AdmissionColumns => admissionsSchema.table();
export const contactColumns = (): ContactColumns => contactsSchema.table();
export const referralColumns = (): ReferralColumns => referralsSchema.table();
export const smokingColumns = (): SmokingColumns => smokingSchema.table();
export const lupColumns = (): LupColumns => lupSchema.table();

export type AdmissionColumns = ReturnType<typeof admissionsSchema.table>;
export type ContactColumns = ReturnType<typeof contactsSchema.table>;
export type ReferralColumns = ReturnType<typeof referralsSchema.table>;
export type SmokingColumns = ReturnType<typeof smokingSchema.table>;
export type LupColumns = ReturnType<typeof lupSchema.table>;

export type AdmissionTable = Table<AdmissionColumns>;
export type ContactTable = Table<ContactColumns>;
export type ReferralTable = Table<ReferralColumns>;
export type SmokingTable = Table<SmokingColumns>;
export type LupTable = Table<LupColumns>;

// Every large extract's record carries the person attributes a breakdown reads (SPEC §1.3),
// with their types (checked by the compiler).
type HasPerson<R extends PersonAttributes> = R extends PersonAttributes ? true : never;
export const RECORDS_HAVE_PERSONS: [HasPerson<Admission>, HasPerson<Contact>, HasPerson<Referral>, HasPerson<SmokingCourse>, HasPerson<LupAnswer>] = [
  true,
  true,
  true,
  true,
  true,
];

/** The person attributes of row i (SPEC §1.3), for a breakdown: the units an indicator
 *  reports to its tally. One new object per call. */
export function personOf(
  t: { readonly columns: { municipality: Int16Array; age: Int8Array; sex: Uint8Array; education: Uint8Array } },
  i: number,
): PersonAttributes {
  const c = t.columns;
  const m = c.municipality[i];
  const age = c.age[i];
  return {
    municipality: m < 0 ? null : MUNICIPALITY_TEXT[m],
    age: age < 0 ? null : age,
    sex: SEX_OF[c.sex[i]],
    education: EDUCATION_OF[c.education[i]],
  };
}
const SEX_OF: readonly (Sex | null)[] = [null, ...SEX.values];
const EDUCATION_OF: readonly (Education | null)[] = [null, ...EDUCATION.values];

export interface RecordsByExtract {
  admissions: Admission;
  contacts: Contact;
  referrals: Referral;
  smoking: SmokingCourse;
  lup: LupAnswer;
  population: PopulationRow;
  measurements: Measurement;
  baselines: BaselineRow;
  annotations: AnnotationRow;
}

export interface TablesByExtract {
  admissions: AdmissionTable;
  contacts: ContactTable;
  referrals: ReferralTable;
  smoking: SmokingTable;
  lup: LupTable;
}

/** The extracts held in columns. */
export type ColumnarExtractName = keyof TablesByExtract;
export const COLUMNAR_EXTRACTS: readonly ColumnarExtractName[] = ['admissions', 'contacts', 'referrals', 'smoking', 'lup'];
export type RowExtractName = Exclude<ExtractName, ColumnarExtractName>;

/** Everything loaded for one run; an extract that was not given is absent. The large
 *  extracts come as a table, the small ones as an array of records. */
export type LoadedData = {
  /** `ids`: each row's id (admission_id, contact_id), kept only when asked (ReadOptions
   *  keepIds: the exclusion audit, SPEC §14.4), so a normal run stores none. */
  [K in ColumnarExtractName]?: { info: ExtractInfo; table: TablesByExtract[K]; ids?: readonly string[] };
} & {
  [K in RowExtractName]?: { info: ExtractInfo; records: RecordsByExtract[K][] };
};
