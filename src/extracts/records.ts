// The parsed, validated records of every extract (SPEC §2). These compact objects are the
// interface between src/extracts (which produces them) and src/indicators (which reads them).
// Only the fields an indicator or a breakdown needs are kept; ids are kept only where a
// computation links rows (patient_id for episodes). Dates are DayNumber, date-times
// WallSeconds (src/calc/time.ts); a missing optional value is null.

import type { DayNumber, WallSeconds } from '../calc/time.js';

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

/** SPEC §2.2 — one row per admission. */
export interface Admission extends PersonAttributes {
  /** Physical line of the row in its file (header = 1). */
  line: number;
  patientId: string;
  admittedAt: WallSeconds;
  /** null = still admitted. */
  dischargedAt: WallSeconds | null;
  acute: boolean;
  /** Normalised ICD-10 code (DJ440 → J440). */
  diagnosis: string;
  psychiatric: boolean;
  municipality: string;
  age: number;
  costDkk: number | null;
  cofinancingDkk: number | null;
  readyForDischargeAt: WallSeconds | null;
  died: boolean;
}

/** SPEC §2.3 — one row per referral. */
export interface Referral extends PersonAttributes {
  line: number;
  patientId: string;
  referredAt: DayNumber;
  sender: Sender;
  offer: Offer;
  municipality: string;
  receivedAt: DayNumber | null;
  contactedAt: DayNumber | null;
  startedAt: DayNumber | null;
  startDueBy: DayNumber | null;
  expectedDeliveryDate: DayNumber | null;
  teamJoinedAt: DayNumber | null;
}

/** SPEC §2.4 — one row per participant course. */
export interface SmokingCourse extends PersonAttributes {
  line: number;
  municipality: string;
  courseStartedAt: DayNumber;
  referralSource: ReferralSource | null;
  heavySmoker: boolean | null;
  completed: boolean;
  /** null = follow-up not yet due. */
  followup6m: Followup | null;
}

/** SPEC §2.5 — one row per respondent × question. */
export interface LupAnswer extends PersonAttributes {
  line: number;
  /** Lower-cased survey id. */
  survey: string;
  respondedAt: DayNumber;
  patientType: PatientType;
  /** Lower-cased question number as printed ("23a"). */
  question: string;
  answer: AnswerClass;
}

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
  /** What the file was read as (SPEC §6.1: --encoding auto reads UTF-8, else Windows-1252). */
  encoding: 'utf8' | 'cp1252';
  /** Canonical names of the optional columns present in the header. */
  columns: ReadonlySet<string>;
  /** The first and last event dates of the valid records (SPEC §1.3), null when none. */
  eventDays: { first: DayNumber; last: DayNumber } | null;
}

export interface RecordsByExtract {
  admissions: Admission;
  referrals: Referral;
  smoking: SmokingCourse;
  lup: LupAnswer;
  population: PopulationRow;
  measurements: Measurement;
  baselines: BaselineRow;
  annotations: AnnotationRow;
}

/** Everything loaded for one run; an extract that was not given is absent. */
export type LoadedData = {
  [K in ExtractName]?: { info: ExtractInfo; records: RecordsByExtract[K][] };
};
