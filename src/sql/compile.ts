// Compiles the counting of SPEC §3 (profile rm-2015-2018) into the engine-neutral plan of
// src/sql/plan.ts (SPEC §15). Every code list, the working-day calendar, the clusters and the
// age bands are read from the declarations the TypeScript engine uses (src/domain/diagnoses.ts,
// src/calc/working-days.ts, src/calc/groups.ts, src/analysis/standardisation.ts) and written
// into the script as VALUES or CASE; none is kept here by hand.
//
// The counts mirror src/engine/aggregate.ts: each indicator's units are the rows its
// TypeScript count passes to Tally.add (numerator, denominator) or Tally.note (a declared
// message, by its key in src/domain/messages.ts), with the unit's person attributes and a day
// range (one day, or the bed days of an admission). The result set has one row per
// (indicator, period, group) and further rows with a `cell` for the notes, the education
// levels (SPEC §8.2) and the ESP2013 age bands with their events per person (SPEC §8.1).
//
// Covered: the indicators of SPEC §3.2 no. 1–14 from admissions.csv, referrals.csv and
// smoking.csv, and no. 15–18 from lup.csv (src/sql/lup.ts). Enumerated values are read with every
// spelling the reader accepts, and a rejected one is counted, not read (src/sql/vocabulary.ts).
// The national profile and contacts.csv (§14) slot in as more unit relations of the same shape
// (see README "sql").

import { AGE_BANDS, CLUSTERS, OUTSIDE_REGION, UNKNOWN, type Dimension } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, type DayNumber } from '../calc/time.js';
import { isWorkingDay } from '../calc/working-days.js';
import { TRANSFER_GAP_SECONDS } from '../calc/episodes.js';
import { ESP2013_BANDS } from '../analysis/standardisation.js';
import {
  ACCOMPANYING_PERSON_DIAGNOSES,
  BIRTH_DIAGNOSES,
  CANCER_DIAGNOSES,
  INJURY_DIAGNOSES,
  PREVENTABLE_DIAGNOSES,
  type CodeList,
} from '../domain/diagnoses.js';
import { MESSAGES } from '../domain/messages.js';
import { contactDeadline, TERM_DAYS, WEEK_24_DAYS } from '../indicators/referrals.js';
import { PREVENTION_OFFER, PREVENTION_SENDER } from '../domain/vocabulary.js';
import type { CountingIndicator } from '../indicators/types.js';
import { RM_READMISSION, type ReadmissionDefinition } from '../indicators/readmission-rules.js';
import { contactSteps, notPhysicalContacts, stayEpisodeSteps } from './contacts.js';
import { readmissionLists, readmissionSteps, readmissionUnits } from './readmission.js';
import { PROFILES } from '../indicators/profiles.js';
import { admissionsSchema } from '../extracts/admissions.js';
import type { EventField } from '../extracts/declare.js';
import { contactsSchema } from '../extracts/contacts.js';
import { lupSchema } from '../extracts/lup.js';
import { referralsSchema } from '../extracts/referrals.js';
import { smokingSchema } from '../extracts/smoking.js';
import { lupIndicators } from '../indicators/lup.js';
import { lupUnits, lupSource } from './lup.js';
import { EnumeratedReads } from './vocabulary.js';
import {
  addDays,
  addHours,
  and,
  bin,
  col,
  concat,
  count,
  dateOf,
  earlier,
  eq,
  flag,
  inList,
  isNull,
  later,
  lit,
  max,
  min,
  not,
  notNull,
  NULL,
  ONE,
  or,
  sum,
  text,
  when,
  ZERO,
  type ColumnDecl,
  type Expr,
  type Join,
  type Named,
  type Plan,
  type Relation,
} from './plan.js';

/** The indicators this compiler covers, by id (SPEC §3.2 no. 1–14). */
export const SQL_INDICATORS = [
  'readmission-30d',
  'preventable-admissions-65',
  'acute-short-admissions',
  'ready-for-discharge-days',
  // SPEC §14.3: the national profile's split of ready-for-discharge-days by sector.
  'ready-for-discharge-days-somatic',
  'ready-for-discharge-days-psychiatric',
  'discharges-outside-daytime',
  'cost-per-capita',
  'cofinancing-per-capita',
  'prevention-referrals',
  'rehab-contact-3-workdays',
  'rehab-timely-start',
  'vulnerable-pregnancy-team-before-week-24',
  'smoke-free-6m',
  'smoke-free-6m-itt',
  'smoking-reach-short-education',
  'lup-cooperation-school',
  'lup-cooperation-social',
  'lup-cooperation-gp',
  'lup-maternity-transition',
] as const;

/** The extracts the script reads, and the indicators that read each. */
export const SQL_EXTRACTS = ['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const;
export type SqlExtract = (typeof SQL_EXTRACTS)[number];
const SMOKING_INDICATORS: readonly string[] = ['smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education'];
const REFERRAL_INDICATORS: readonly string[] = ['prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24'];
/** The indicators with declared LUP questions (types.ts `lup`). */
const LUP_INDICATORS: readonly string[] = lupIndicators.filter((i) => i.lup).map((i) => i.id);
export function extractOfIndicator(id: string): SqlExtract {
  return extractOf(id);
}
function extractOf(id: string): SqlExtract {
  if (LUP_INDICATORS.includes(id)) return 'lup';
  return SMOKING_INDICATORS.includes(id) ? 'smoking' : REFERRAL_INDICATORS.includes(id) ? 'referrals' : 'admissions';
}
export type SqlIndicatorId = (typeof SQL_INDICATORS)[number];

export function isSqlIndicator(id: string): id is SqlIndicatorId {
  return (SQL_INDICATORS as readonly string[]).includes(id);
}

/** The dimensions a unit relation carries as columns (the person dimensions of SPEC §1.3,
 *  and a referral's sender and offer). */
const UNIT_PERSON = ['municipality', 'age', 'sex', 'education'] as const;
/** The per-1000 indicators of every profile (national's split bed days are in no other). */
const PER_1000: ReadonlySet<string> = new Set(PROFILES.flatMap((p) => p.catalogue.filter((i) => i.unit === 'per_1000').map((i) => i.id)));
/** The person of a unit, kept only where Dobson's variance needs events per person (SPEC §8.1:
 *  the per-1000 indicators' counted units); NULL elsewhere, so the cells group no more finely
 *  than the result set needs. */
function unitPerson(indicator: string, note: boolean): readonly [string, Expr] {
  return ['patient_id', !note && PER_1000.has(indicator) ? col('patient_id', 'u') : NO_TEXT];
}
const UNIT_REFERRAL = ['sender', 'offer'] as const;
/** LUP's own dimension (SPEC §1.3: patient_type only in LUP). */
const UNIT_LUP = ['patient_type'] as const;
const NO_TEXT: Expr = { k: 'lit', value: null, type: 'text' };
const NO_DATE: Expr = { k: 'lit', value: null, type: 'date' };

/** The columns of the result set (SPEC §15), the --by dimensions between period and cell
 *  (resultDimensions: with the dimensions an indicator always breaks down by). */
export function resultColumns(by: readonly Dimension[]): string[] {
  return ['indicator', 'period', ...by, 'cell', 'numerator', 'denominator', 'units'];
}

/** The breakdown columns of the result set: the --by dimensions, then any dimension a compiled
 *  indicator always breaks down by (LUP's patient_type, SPEC §3.2) that --by does not name, as
 *  the engine adds it (src/engine/run.ts). `--counts` reads such a column as the indicator's
 *  own (src/cli/counts.ts). */
export function resultDimensions(by: readonly Dimension[], indicators: readonly CountingIndicator[]): Dimension[] {
  const dims = [...by];
  for (const i of indicators) if (isSqlIndicator(i.id)) for (const d of i.alwaysBy ?? []) if (!dims.includes(d)) dims.push(d);
  return dims;
}

export interface CompileOptions {
  indicators: readonly CountingIndicator[];
  periods: readonly Period[];
  by: readonly Dimension[];
  /** Extract → table name (--table); default the extract's name. */
  tables?: Readonly<Record<string, string>>;
  /** The profile named in the header and returned as the `profile=ID` cell. */
  profile?: string;
  /** The profile's readmission declaration (SPEC §14.3); default rm-2015-2018's. */
  readmission?: ReadmissionDefinition;
  /** Where the hospital indicators' rows come from: admissions.csv (default) or contacts.csv
   *  (SPEC §14.2: stays, and the admissions among them). */
  hospital?: 'admissions' | 'contacts';
  /** Extracts whose data end (SPEC §13.2) the script returns even when no selected indicator
   *  reads them (--engine duckdb: inputs[] gives the data end of every extract it read). */
  dataEndOf?: readonly string[];
}

/** What the units of the hospital indicators read (src/sql/contacts.ts, readmission.ts). */
interface UnitContext {
  /** The relation of every somatic stay (contacts) or episode (admissions). */
  everyStay: string;
  readmission: ReadmissionDefinition;
}

// ---------------------------------------------------------------------------------------
// Sources

const c = (name: string) => col(name);

/** SPEC §2.2's normalisation of a diagnosis: upper case, no dots or spaces, and a leading SKS
 *  "D" removed when a letter follows (DJ440 → J440, DD509 → D509, D509 stays). */
export function normalisedDiagnosis(raw: Expr): Expr {
  const cleaned: Expr = { k: 'remove', e: { k: 'remove', e: { k: 'upper', e: raw }, from: '.' }, from: ' ' };
  const second: Expr = { k: 'rest', e: { k: 'prefix', e: cleaned, length: lit(2) }, start: 2 };
  return when(
    [[and(eq({ k: 'prefix', e: cleaned, length: ONE }, lit('D')), bin(second, '>=', lit('A')), bin(second, '<=', lit('Z'))), { k: 'rest', e: cleaned, start: 2 }]],
    cleaned,
  );
}

/** SPEC §15: a municipality code that arrives as an integer (or as 0751) becomes three-digit text. */
export function municipalityText(raw: Expr): Expr {
  return when([[isNull(raw), NULL]], { k: 'right', e: concat(lit('000'), text(raw)), length: 3 });
}

/** The columns admissions.csv and contacts.csv share and read alike (SPEC §2.2, §14.1): the
 *  person, the costs and the ready time. */
export function sharedHospitalColumns(reads: EnumeratedReads): (ColumnDecl & { read: Expr })[] {
  return [
    { name: 'municipality', type: 'text', read: municipalityText(c('municipality_code')) },
    { name: 'age', type: 'integer', read: { k: 'cast', e: c('age'), type: 'integer' } },
    { name: 'sex', type: 'text', read: reads.value('sex') },
    { name: 'education', type: 'text', read: reads.value('education') },
    { name: 'cost_dkk', type: 'decimal', read: { k: 'cast', e: c('cost_dkk'), type: 'decimal' } },
    { name: 'cofinancing_dkk', type: 'decimal', read: { k: 'cast', e: c('cofinancing_dkk'), type: 'decimal' } },
    { name: 'ready_at', type: 'timestamp', read: { k: 'cast', e: c('ready_for_discharge_at'), type: 'timestamp' } },
  ];
}

/** The canonical columns of admissions.csv (SPEC §2.2), read from the table. Enumerations are
 *  read with every spelling the reader accepts (src/sql/vocabulary.ts); a row it would reject
 *  is left out and counted there. */
function admissionsSource(reads: EnumeratedReads): Relation {
  const columns: (ColumnDecl & { read: Expr })[] = [
    { name: 'admission_id', type: 'text', read: text(c('admission_id')) },
    { name: 'patient_id', type: 'text', read: text(c('patient_id')) },
    { name: 'admitted_at', type: 'timestamp', read: { k: 'cast', e: c('admitted_at'), type: 'timestamp' } },
    { name: 'discharged_at', type: 'timestamp', read: { k: 'cast', e: c('discharged_at'), type: 'timestamp' } },
    { name: 'acute', type: 'integer', read: reads.value('admission_type') },
    { name: 'diagnosis', type: 'text', read: normalisedDiagnosis(text(c('primary_diagnosis'))) },
    { name: 'psychiatric', type: 'integer', read: reads.value('sector') },
    ...sharedHospitalColumns(reads),
    { name: 'died', type: 'integer', read: reads.value('discharge_status') },
  ];
  return { kind: 'source', extract: 'admissions', columns, where: reads.accepted() };
}

/** The canonical columns of referrals.csv (SPEC §2.3). */
function referralsSource(reads: EnumeratedReads): Relation {
  const date = (name: string): ColumnDecl & { read: Expr } => ({ name, type: 'date', read: { k: 'cast', e: c(name), type: 'date' } });
  const columns: (ColumnDecl & { read: Expr })[] = [
    { name: 'patient_id', type: 'text', read: text(c('patient_id')) },
    date('referred_at'),
    { name: 'sender', type: 'text', read: reads.value('sender') },
    { name: 'offer', type: 'text', read: reads.value('offer') },
    date('received_at'),
    date('contacted_at'),
    date('started_at'),
    date('start_due_by'),
    date('expected_delivery_date'),
    date('team_joined_at'),
    { name: 'municipality', type: 'text', read: municipalityText(c('municipality_code')) },
    { name: 'age', type: 'integer', read: { k: 'cast', e: c('age'), type: 'integer' } },
    { name: 'sex', type: 'text', read: reads.value('sex') },
    { name: 'education', type: 'text', read: reads.value('education') },
  ];
  return { kind: 'source', extract: 'referrals', columns, where: reads.accepted() };
}

/** The canonical columns of smoking.csv (SPEC §2.4). A boolean takes every yes/no spelling of
 *  the reader (a PostgreSQL boolean or a SQL Server bit reads as `true`/`1`). */
function smokingSource(reads: EnumeratedReads): Relation {
  const columns: (ColumnDecl & { read: Expr })[] = [
    { name: 'course_started_at', type: 'date', read: { k: 'cast', e: c('course_started_at'), type: 'date' } },
    { name: 'completed', type: 'integer', read: reads.value('completed') },
    { name: 'followup', type: 'text', read: reads.value('followup_6m') },
    { name: 'municipality', type: 'text', read: municipalityText(c('municipality_code')) },
    { name: 'age', type: 'integer', read: { k: 'cast', e: c('age'), type: 'integer' } },
    { name: 'sex', type: 'text', read: reads.value('sex') },
    { name: 'education', type: 'text', read: reads.value('education') },
    // Courses link to no person (SPEC §2.4): no patient for the strata.
    { name: 'patient_id', type: 'text', read: { k: 'lit', value: null, type: 'text' } },
  ];
  return { kind: 'source', extract: 'smoking', columns, where: reads.accepted() };
}

// ---------------------------------------------------------------------------------------
// Generated VALUES: code lists, calendar, periods, clusters

/** The code lists of the admission indicators, as (list, prefix, length) rows. */
const CODE_LISTS: readonly (readonly [string, CodeList])[] = [
  ['cancer', CANCER_DIAGNOSES],
  ['z76_3', ACCOMPANYING_PERSON_DIAGNOSES],
  ['birth', BIRTH_DIAGNOSES],
  ['injury', INJURY_DIAGNOSES],
  ['preventable', PREVENTABLE_DIAGNOSES],
];

function codeListValues(): Relation {
  const rows = CODE_LISTS.flatMap(([list, codes]) => codes.expanded().map((prefix) => [list, prefix, prefix.length] as const));
  return {
    kind: 'values',
    columns: [
      { name: 'list', type: 'text' },
      { name: 'prefix', type: 'text' },
      { name: 'prefix_length', type: 'integer' },
    ],
    rows,
  };
}

/** SPEC §3.1's working days, one row per day of the requested periods (src/calc/working-days.ts). */
function calendarValues(first: DayNumber, last: DayNumber): Relation {
  const rows: (readonly [{ day: number }, number, { day: number }])[] = [];
  for (let d = first; d <= last; d++) rows.push([{ day: d }, isWorkingDay(d) ? 1 : 0, { day: contactDeadline(d) }]);
  return {
    kind: 'values',
    columns: [
      { name: 'day', type: 'date' },
      { name: 'working_day', type: 'integer' },
      // SPEC §3.2 no. 9: the third working day after this day (the day itself is day 0).
      { name: 'contact_deadline', type: 'date' },
    ],
    rows,
  };
}

function periodValues(periods: readonly Period[]): Relation {
  return {
    kind: 'values',
    columns: [
      { name: 'period', type: 'text' },
      { name: 'from_day', type: 'date' },
      { name: 'to_day', type: 'date' },
    ],
    rows: periods.map((p) => [p.id, { day: p.from }, { day: p.to }]),
  };
}

/** SPEC §2.8: the region's municipalities in their clusters (src/calc/groups.ts). */
function clusterValues(): Relation {
  return {
    kind: 'values',
    columns: [
      { name: 'municipality', type: 'text' },
      { name: 'cluster', type: 'text' },
    ],
    rows: CLUSTERS.flatMap((cl) => Object.keys(cl.municipalities).map((code) => [code, cl.cluster] as const)),
  };
}

// ---------------------------------------------------------------------------------------
// Episodes (SPEC §3.1) as a window-function chain

/** The total order of a patient's admissions: admitted_at, then admission_id. The TypeScript
 *  engine breaks ties of admitted_at by file order, which a table does not have: the script
 *  takes the admission id (README "sql": give ids in file order where ties matter). */
const ADMISSION_ORDER = [{ e: c('admitted_at') }, { e: c('admission_id') }];

const FLAG_LISTS = CODE_LISTS.map(([list]) => list);

function episodeSteps(): Named[] {
  const byPatient = [c('patient_id')];
  const byEpisode = [c('patient_id'), c('episode_no')];
  const open = flag(isNull(c('discharged_at')));
  const keep = (names: readonly string[], from?: string) => names.map((n) => [n, col(n, from)] as const);
  const admissionColumns = [
    // diagnosis: each admission's, for readmission-30d's rules on every and the last diagnosis (src/sql/readmission.ts).
    'admission_id', 'patient_id', 'admitted_at', 'discharged_at', 'acute', 'died', 'municipality', 'age', 'sex', 'education', 'diagnosis',
  ];
  return [
    {
      name: 'diagnosis_codes',
      why: 'Each distinct diagnosis once (the lists are tested per code, not per row).',
      relation: { kind: 'select', distinct: true, from: { relation: 'admissions_read', alias: 'a' }, select: [['diagnosis', c('diagnosis')]] },
    },
    {
      name: 'diagnosis_flags',
      why: 'SPEC §3.2 no. 1–2, §3.3: which code lists each diagnosis is on (prefix match).',
      relation: {
        kind: 'select',
        from: { relation: 'diagnosis_codes', alias: 'd' },
        joins: [
          {
            kind: 'left',
            relation: 'code_lists',
            alias: 'l',
            on: eq({ k: 'prefix', e: col('diagnosis', 'd'), length: col('prefix_length', 'l') }, col('prefix', 'l')),
          },
        ],
        select: [
          ['diagnosis', col('diagnosis', 'd')],
          ...FLAG_LISTS.map((list) => [list, max(flag(eq(col('list', 'l'), lit(list))))] as const),
        ],
        groupBy: [col('diagnosis', 'd')],
      },
    },
    {
      name: 'somatic',
      why: 'SPEC §3.1: psychiatric admissions never form or join episodes.',
      relation: {
        kind: 'select',
        from: { relation: 'admissions_read', alias: 'a' },
        joins: [{ kind: 'inner', relation: 'diagnosis_flags', alias: 'f', on: eq(col('diagnosis', 'a'), col('diagnosis', 'f')) }],
        select: [...keep(admissionColumns, 'a'), ...FLAG_LISTS.map((list) => [list, col(list, 'f')] as const)],
        where: eq(col('psychiatric', 'a'), ZERO),
      },
    },
    {
      name: 'chain_gaps',
      why:
        'SPEC §3.1: an admission joins the chain when it starts no later than 4 hours after the latest discharge so far ' +
        '(or overlaps it); an admission without discharge keeps the chain open for every later one.',
      relation: {
        kind: 'select',
        from: { relation: 'somatic', alias: 's' },
        select: [
          ...keep([...admissionColumns, ...FLAG_LISTS]),
          ['seq', { k: 'window', fn: 'ROW_NUMBER', arg: null, partition: byPatient, order: ADMISSION_ORDER, frame: null }],
          ['end_before', { k: 'window', fn: 'MAX', arg: c('discharged_at'), partition: byPatient, order: ADMISSION_ORDER, frame: 'before' }],
          ['open_before', { k: 'window', fn: 'MAX', arg: open, partition: byPatient, order: ADMISSION_ORDER, frame: 'before' }],
        ],
      },
    },
    {
      name: 'chain_starts',
      why: 'SPEC §3.1: a new episode starts where the gap exceeds 4 hours (timestamp arithmetic).',
      relation: {
        kind: 'select',
        from: { relation: 'chain_gaps', alias: 'g' },
        select: [
          ...keep([...admissionColumns, ...FLAG_LISTS]),
          [
            'starts',
            when(
              [
                [eq(c('seq'), ONE), ONE],
                [eq(c('open_before'), ONE), ZERO],
                [bin(c('admitted_at'), '>', addHours(c('end_before'), TRANSFER_GAP_SECONDS / SECONDS_PER_HOUR)), ONE],
              ],
              ZERO,
            ),
          ],
        ],
      },
    },
    {
      name: 'chained',
      why: 'SPEC §3.1: the episode number is the running count of starts in (admitted_at, id) order.',
      relation: {
        kind: 'select',
        from: { relation: 'chain_starts', alias: 's' },
        select: [
          ...keep([...admissionColumns, ...FLAG_LISTS, 'starts']),
          ['episode_no', { k: 'window', fn: 'SUM', arg: c('starts'), partition: byPatient, order: ADMISSION_ORDER, frame: 'upToHere' }],
        ],
      },
    },
    {
      name: 'ranked',
      why:
        'SPEC §3.1: the first admission (earliest admitted_at, ties by id) and the last-ending one (latest discharge, an ' +
        'ongoing one latest; ties the later in (admitted_at, id)) of each episode.',
      relation: {
        kind: 'select',
        from: { relation: 'chained', alias: 'h' },
        select: [
          // The first admission is the episode's start: the chain order is (admitted_at, id),
          // the order a first rank would sort by again (one sort fewer, SPEC §16).
          ...keep([...admissionColumns, ...FLAG_LISTS, 'episode_no', 'starts']),
          [
            'last_rank',
            {
              k: 'window',
              fn: 'ROW_NUMBER',
              arg: null,
              partition: byEpisode,
              order: [{ e: open, desc: true }, { e: c('discharged_at'), desc: true }, { e: c('admitted_at'), desc: true }, { e: c('admission_id'), desc: true }],
              frame: null,
            },
          ],
          ['episode_open', { k: 'window', fn: 'MAX', arg: open, partition: byEpisode, order: [], frame: 'partition' }],
          ['episode_end', { k: 'window', fn: 'MAX', arg: c('discharged_at'), partition: byEpisode, order: [], frame: 'partition' }],
        ],
      },
    },
    {
      name: 'episodes',
      why:
        'SPEC §3.1: an episode takes the attributes of its first admission, the discharge of the chain (none while open) ' +
        'and the status of its last-ending admission.',
      relation: {
        kind: 'select',
        from: { relation: 'ranked', alias: 'f' },
        joins: [
          {
            kind: 'inner',
            relation: 'ranked',
            alias: 'l',
            on: and(eq(col('patient_id', 'f'), col('patient_id', 'l')), eq(col('episode_no', 'f'), col('episode_no', 'l')), eq(col('last_rank', 'l'), ONE)),
          },
        ],
        select: [
          ...keep(['patient_id', 'episode_no', 'admitted_at', 'acute', 'municipality', 'age', 'sex', 'education', ...FLAG_LISTS], 'f'),
          ['discharged_at', when([[eq(col('episode_open', 'f'), ONE), NULL]], col('episode_end', 'f'))],
          ['died', col('died', 'l')],
        ],
        where: eq(col('starts', 'f'), ONE),
      },
    },
    {
      name: 'episode_returns',
      why: 'SPEC §3.1: the episodes as the episode indicators read them (readmission-30d reads its own units, src/sql/readmission.ts).',
      relation: {
        kind: 'select',
        from: { relation: 'episodes', alias: 'e' },
        select: [...keep(['patient_id', 'episode_no', 'admitted_at', 'discharged_at', 'died', 'acute', 'municipality', 'age', 'sex', 'education', ...FLAG_LISTS])],
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Units: one row per Tally.add / Tally.note of the TypeScript count

/** A note's key: its declaration's name in src/domain/messages.ts. */
type NoteKey = keyof typeof MESSAGES;

interface UnitSpec {
  /** The relation the units come from (episodes or admissions). */
  from: string;
  /** Relations joined to it (the calendar). */
  joins?: Join[];
  /** SPEC §13.2, a `per_unit` follow-up: the last day of this unit's own follow-up. */
  followUpEnd?: Expr;
  where: Expr;
  /** First and last day the unit counts on (inclusive); one day for most units. */
  firstDay: Expr;
  lastDay?: Expr;
  numerator: Expr;
  denominator: Expr;
  /** A note instead of a unit: the declared message's key (or an expression giving one). */
  note?: Expr;
}

function unitRelation(indicator: string, u: UnitSpec): Relation {
  const referral = extractOf(indicator) === 'referrals';
  const lup = extractOf(indicator) === 'lup';
  return {
    kind: 'select',
    from: { relation: u.from, alias: 'u' },
    ...(u.joins ? { joins: u.joins } : {}),
    select: [
      ['indicator', lit(indicator)],
      ['first_day', u.firstDay],
      ['last_day', u.lastDay ?? u.firstDay],
      ['numerator', u.numerator],
      ['denominator', u.denominator],
      ['note', u.note ?? NO_TEXT],
      ['follow_up_end', u.followUpEnd ?? NO_DATE],
      ...UNIT_PERSON.map((n) => [n, col(n, 'u')] as const),
      unitPerson(indicator, u.note !== undefined),
      ...UNIT_REFERRAL.map((n) => [n, referral ? col(n, 'u') : NO_TEXT] as const),
      ...UNIT_LUP.map((n) => [n, lup ? col(n, 'u') : NO_TEXT] as const),
    ],
    where: u.where,
  };
}

const noteKey = (key: NoteKey): Expr => lit(key);

function hours(seconds: number): number {
  return seconds / SECONDS_PER_HOUR;
}

/** The units of one indicator (SPEC §3.2 no. 1–18; src/indicators/*.ts). */
function unitsOf(id: SqlIndicatorId, ctx: UnitContext, indicator: CountingIndicator): Relation[] {
  const discharged = notNull(c('discharged_at'));
  const dischargeDay = dateOf(c('discharged_at'));
  switch (id) {
    case 'readmission-30d':
      // Compiled from the profile's declaration (src/sql/readmission.ts).
      return readmissionUnits(ctx.readmission).map((u) => unitRelation(id, u));
    case 'preventable-admissions-65':
      // Open episodes count by their admitted_at; discharge status does not matter.
      return [
        unitRelation(id, {
          from: ctx.everyStay,
          where: and(eq(c('acute'), ONE), eq(c('preventable'), ONE), bin(c('age'), '>=', lit(65))),
          firstDay: dateOf(c('admitted_at')),
          numerator: ONE,
          denominator: ZERO,
        }),
      ];
    case 'acute-short-admissions':
      // Under 24 hours: exactly 24 h is not short; open episodes are never short.
      return [
        unitRelation(id, {
          from: ctx.everyStay,
          where: and(eq(c('acute'), ONE), discharged, bin(c('discharged_at'), '<', addHours(c('admitted_at'), hours(SECONDS_PER_DAY)))),
          firstDay: dateOf(c('admitted_at')),
          numerator: ONE,
          denominator: ZERO,
        }),
      ];
    case 'ready-for-discharge-days':
    case 'ready-for-discharge-days-somatic':
    case 'ready-for-discharge-days-psychiatric': {
      // Every admission (somatic and psychiatric; SPEC §14.3: or those of one sector): the bed
      // days date(ready) ≤ d < date(discharged).
      const sector: Expr =
        id === 'ready-for-discharge-days' ? eq(ONE, ONE) : eq(c('psychiatric'), id === 'ready-for-discharge-days-psychiatric' ? ONE : ZERO);
      return [
        unitRelation(id, {
          from: 'admissions_read',
          where: and(sector, notNull(c('ready_at')), discharged, bin(dateOf(c('ready_at')), '<', dischargeDay)),
          firstDay: dateOf(c('ready_at')),
          lastDay: addDays(dischargeDay, -1),
          numerator: ONE,
          denominator: ZERO,
        }),
        unitRelation(id, {
          from: 'admissions_read',
          where: and(sector, notNull(c('ready_at')), isNull(c('discharged_at'))),
          firstDay: dateOf(c('ready_at')),
          numerator: ZERO,
          denominator: ZERO,
          note: noteKey('stillAdmittedWhenReady'),
        }),
      ];
    }
    case 'discharges-outside-daytime': {
      const dayStart: Expr = { k: 'dayStart', ts: c('discharged_at') };
      const outside = or(
        bin(c('discharged_at'), '<', addHours(dayStart, 8)),
        bin(c('discharged_at'), '>=', addHours(dayStart, 16)),
        not(eq(col('working_day', 'w'), ONE)),
      );
      return [
        {
          kind: 'select',
          from: { relation: 'episode_returns', alias: 'u' },
          joins: [{ kind: 'left', relation: 'calendar', alias: 'w', on: eq(col('day', 'w'), dateOf(col('discharged_at', 'u'))) }],
          select: [
            ['indicator', lit(id)],
            ['first_day', dateOf(col('discharged_at', 'u'))],
            ['last_day', dateOf(col('discharged_at', 'u'))],
            // A day outside the calendar lies outside every period and is not counted.
            ['numerator', flag(or(isNull(col('working_day', 'w')), outside))],
            ['denominator', ONE],
            ['note', NO_TEXT],
            ['follow_up_end', NO_DATE],
            ...UNIT_PERSON.map((n) => [n, col(n, 'u')] as const),
            unitPerson(id, false),
            ...UNIT_REFERRAL.map((n) => [n, NO_TEXT] as const),
            ...UNIT_LUP.map((n) => [n, NO_TEXT] as const),
          ],
          where: and(notNull(col('discharged_at', 'u')), eq(col('died', 'u'), ZERO)),
        },
        unitRelation(id, {
          from: 'episode_returns',
          where: and(discharged, eq(c('died'), ONE)),
          firstDay: dischargeDay,
          numerator: ZERO,
          denominator: ZERO,
          note: noteKey('dischargeExcludedDied'),
        }),
      ];
    }
    case 'prevention-referrals': {
      // A prevention offer from a counted sender; another sender is noted by name.
      const offered = inList(c('offer'), PREVENTION_OFFER.values);
      const counted = inList(c('sender'), PREVENTION_SENDER.values);
      return [
        unitRelation(id, { from: 'referrals_read', where: and(offered, counted), firstDay: c('referred_at'), numerator: ONE, denominator: ZERO }),
        unitRelation(id, {
          from: 'referrals_read',
          where: and(offered, not(counted)),
          firstDay: c('referred_at'),
          numerator: ZERO,
          denominator: ZERO,
          note: concat(noteKey('preventionReferralSenderLeftOut'), lit(';sender='), c('sender')),
        }),
      ];
    }
    case 'rehab-contact-3-workdays': {
      // Contacted on or before the 3rd working day after receipt (the calendar's deadline,
      // from src/indicators/referrals.ts's contactDeadline).
      const rehabilitation = eq(c('offer'), lit('rehabilitation'));
      const received = notNull(c('received_at'));
      const calendar: Join = { kind: 'left', relation: 'calendar', alias: 'w', on: eq(col('day', 'w'), col('received_at', 'u')) };
      return [
        unitRelation(id, {
          from: 'referrals_read',
          joins: [calendar],
          where: and(rehabilitation, received),
          firstDay: col('received_at', 'u'),
          numerator: flag(and(notNull(col('contacted_at', 'u')), bin(col('contacted_at', 'u'), '<=', col('contact_deadline', 'w')))),
          denominator: ONE,
        }),
        unitRelation(id, { from: 'referrals_read', where: and(rehabilitation, received, isNull(c('contacted_at'))), firstDay: c('received_at'), numerator: ZERO, denominator: ZERO, note: noteKey('notContacted') }),
        unitRelation(id, { from: 'referrals_read', where: and(rehabilitation, not(received)), firstDay: c('referred_at'), numerator: ZERO, denominator: ZERO, note: noteKey('rehabilitationNoReceivedAt') }),
      ];
    }
    case 'rehab-timely-start': {
      const base = and(eq(c('offer'), lit('rehabilitation')), notNull(c('received_at')));
      const due = notNull(c('start_due_by'));
      return [
        unitRelation(id, {
          from: 'referrals_read',
          where: and(base, due),
          firstDay: c('received_at'),
          numerator: flag(and(notNull(c('started_at')), bin(c('started_at'), '<=', c('start_due_by')))),
          denominator: ONE,
          followUpEnd: c('start_due_by'),
        }),
        unitRelation(id, { from: 'referrals_read', where: and(base, not(due)), firstDay: c('received_at'), numerator: ZERO, denominator: ZERO, note: noteKey('rehabilitationNoStartDueBy') }),
        unitRelation(id, { from: 'referrals_read', where: and(base, due, isNull(c('started_at'))), firstDay: c('received_at'), numerator: ZERO, denominator: ZERO, note: noteKey('notStarted') }),
      ];
    }
    case 'vulnerable-pregnancy-team-before-week-24': {
      // Gestational day 168 (24+0) falls 280 − 168 days before the expected delivery date.
      const pregnancy = eq(c('offer'), lit('vulnerable_pregnancy'));
      const expected = notNull(c('expected_delivery_date'));
      const week24 = addDays(c('expected_delivery_date'), WEEK_24_DAYS - TERM_DAYS);
      return [
        unitRelation(id, {
          from: 'referrals_read',
          where: and(pregnancy, expected),
          firstDay: c('referred_at'),
          numerator: flag(and(notNull(c('team_joined_at')), bin(c('team_joined_at'), '<', week24))),
          denominator: ONE,
          followUpEnd: week24,
        }),
        unitRelation(id, { from: 'referrals_read', where: and(pregnancy, not(expected)), firstDay: c('referred_at'), numerator: ZERO, denominator: ZERO, note: noteKey('pregnancyNoExpectedDelivery') }),
        unitRelation(id, { from: 'referrals_read', where: and(pregnancy, expected, isNull(c('team_joined_at'))), firstDay: c('referred_at'), numerator: ZERO, denominator: ZERO, note: noteKey('notInTeam') }),
      ];
    }
    case 'smoke-free-6m': {
      // Completers with a follow-up answer; the others noted, in the TypeScript count's order.
      const day = c('course_started_at');
      const unit = (where: Expr, note?: NoteKey) =>
        unitRelation(id, {
          from: 'smoking_read',
          where,
          firstDay: day,
          numerator: note ? ZERO : flag(eq(c('followup'), lit('smoke_free'))),
          denominator: note ? ZERO : ONE,
          ...(note ? { note: noteKey(note) } : {}),
        });
      const completed = eq(c('completed'), ONE);
      return [
        unit(and(completed, inList(c('followup'), ['smoke_free', 'smoking']))),
        unit(not(completed), 'coursesNotCompleted'),
        unit(and(completed, isNull(c('followup'))), 'coursesFollowUpNotDue'),
        unit(and(completed, eq(c('followup'), lit('lost'))), 'coursesLostCompleted'),
      ];
    }
    case 'smoke-free-6m-itt': {
      // Every course with a recorded follow-up; lost counts as smoking (Russell Standard).
      const day = c('course_started_at');
      return [
        unitRelation(id, { from: 'smoking_read', where: notNull(c('followup')), firstDay: day, numerator: flag(eq(c('followup'), lit('smoke_free'))), denominator: ONE }),
        unitRelation(id, { from: 'smoking_read', where: isNull(c('followup')), firstDay: day, numerator: ZERO, denominator: ZERO, note: noteKey('coursesFollowUpNotDue') }),
        unitRelation(id, { from: 'smoking_read', where: eq(c('followup'), lit('lost')), firstDay: day, numerator: ZERO, denominator: ZERO, note: noteKey('lostCountedSmoking') }),
      ];
    }
    case 'lup-cooperation-school':
    case 'lup-cooperation-social':
    case 'lup-cooperation-gp':
    case 'lup-maternity-transition':
      // The survey and questions are the declaration's (types.ts `lup`), as the count reads them.
      return lupUnits(indicator.lup!).map(({ note, ...unit }) => unitRelation(id, { from: 'lup_read', ...unit, ...(note ? { note: noteKey(note) } : {}) }));
    case 'smoking-reach-short-education': {
      const day = c('course_started_at');
      return [
        unitRelation(id, { from: 'smoking_read', where: notNull(c('education')), firstDay: day, numerator: flag(eq(c('education'), lit('short'))), denominator: ONE }),
        unitRelation(id, { from: 'smoking_read', where: isNull(c('education')), firstDay: day, numerator: ZERO, denominator: ZERO, note: noteKey('coursesEducationUnknown') }),
      ];
    }
    case 'cost-per-capita':
    case 'cofinancing-per-capita': {
      const amount = id === 'cost-per-capita' ? 'cost_dkk' : 'cofinancing_dkk';
      const missing: NoteKey = id === 'cost-per-capita' ? 'missingCost' : 'missingCofinancing';
      return [
        // A missing amount counts as 0, and the admission still counts as a unit.
        unitRelation(id, {
          from: 'admissions_read',
          where: discharged,
          firstDay: dischargeDay,
          numerator: { k: 'coalesce', args: [c(amount), { k: 'lit', value: 0, type: 'decimal' }] },
          denominator: ZERO,
        }),
        unitRelation(id, {
          from: 'admissions_read',
          where: and(discharged, isNull(c(amount))),
          firstDay: dischargeDay,
          numerator: ZERO,
          denominator: ZERO,
          note: noteKey(missing),
        }),
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------
// Counting per period, group and cell

/** SPEC §3.1's age band of an age, from AGE_BANDS ("0-17" … "85+"). */
function ageBandOf(age: Expr): Expr {
  const lower = AGE_BANDS.map((b) => Number(/^\d+/.exec(b)![0]));
  const whens: [Expr, Expr][] = [[isNull(age), lit(UNKNOWN)]];
  for (let i = 0; i + 1 < AGE_BANDS.length; i++) whens.push([bin(age, '<', lit(lower[i + 1])), lit(AGE_BANDS[i])]);
  return when(whens, lit(AGE_BANDS[AGE_BANDS.length - 1]));
}

/** The ESP2013 band index (SPEC §8.1) of an age, from ESP2013_BANDS. */
function esp2013BandOf(age: Expr): Expr {
  const whens: [Expr, Expr][] = [[isNull(age), { k: 'lit', value: null, type: 'integer' }]];
  ESP2013_BANDS.forEach((b, i) => {
    if (b.to !== null) whens.push([bin(age, '<=', lit(b.to)), lit(i)]);
  });
  return when(whens, lit(ESP2013_BANDS.length - 1));
}

function dimensionExpr(dim: Dimension): Expr {
  switch (dim) {
    case 'municipality':
      return { k: 'coalesce', args: [col('municipality', 'u'), lit(UNKNOWN)] };
    case 'cluster':
      return when([[isNull(col('municipality', 'u')), lit(UNKNOWN)]], { k: 'coalesce', args: [col('cluster', 'k'), lit(OUTSIDE_REGION)] });
    case 'education':
      return { k: 'coalesce', args: [col('education', 'u'), lit(UNKNOWN)] };
    case 'sex':
      return { k: 'coalesce', args: [col('sex', 'u'), lit(UNKNOWN)] };
    case 'age_band':
      return ageBandOf(col('age', 'u'));
    case 'sender':
    case 'offer':
      return { k: 'coalesce', args: [col(dim, 'u'), lit(UNKNOWN)] };
    case 'patient_type':
      return { k: 'coalesce', args: [col('patient_type', 'u'), lit(UNKNOWN)] };
  }
}

/** The extracts' schemas, for what their declarations say of them (their event columns). */
const EXTRACT_SCHEMAS = { admissions: admissionsSchema, contacts: contactsSchema, referrals: referralsSchema, smoking: smokingSchema, lup: lupSchema } as const;

/** One `day` per present value of the event columns of a source relation (a time as its date). */
function eventDaysOf(relation: string, fields: readonly EventField[]): Relation {
  const parts: Relation[] = fields.map((f) => ({
    kind: 'select',
    from: { relation, alias: 'a' },
    select: [['day', f.time ? dateOf(c(f.name)) : c(f.name)]],
    ...(f.required ? {} : { where: notNull(c(f.name)) }),
  }));
  return parts.length === 1 ? parts[0] : { kind: 'unionAll', parts };
}

export function compile(options: CompileOptions): Plan {
  const ids: SqlIndicatorId[] = options.indicators.map((i) => i.id).filter(isSqlIndicator);
  const byId = new Map(options.indicators.map((i) => [i.id, i]));
  // The result's breakdown: --by and LUP's patient_type (SPEC §3.2), as the engine breaks down.
  const by = resultDimensions(options.by, options.indicators.filter((i) => isSqlIndicator(i.id)));
  const first = Math.min(...options.periods.map((p) => p.from));
  const last = Math.max(...options.periods.map((p) => p.to));
  /** An indicator's breakdown: the --by dimensions it carries (SPEC §1.3). */
  const dimsOf = (id: string) => by.filter((d) => byId.get(id)!.dimensions.includes(d));
  const grouped = ids.filter((id) => dimsOf(id).length > 0);
  // SPEC §8.2: the education cells of the indicators that take an education gap.
  const withEducation: string[] = ids.filter((id) => {
    const i = byId.get(id)!;
    return ['percent', 'per_1000'].includes(i.unit) && i.dimensions.includes('education') && !i.definedByEducation;
  });
  const hospital = options.hospital ?? 'admissions';
  // The hospital indicators read admissions.csv or contacts.csv (SPEC §14.2), never both; an
  // extract whose data end alone is asked for is read too (--engine duckdb's inputs[]).
  const extracts = SQL_EXTRACTS.filter((x) => x !== (hospital === 'contacts' ? 'admissions' : 'contacts')).filter(
    (x) => ids.some((id) => extractOf(id) === (x === 'contacts' ? 'admissions' : x)) || options.dataEndOf?.includes(x),
  );
  const readsAdmissions = extracts.includes(hospital);
  // The episode chain only for the admission indicators (not for a data end alone).
  const chainsEpisodes = ids.some((id) => extractOf(id) === 'admissions');
  const readmission = options.readmission ?? RM_READMISSION;
  const lists = ids.includes('readmission-30d') ? readmissionLists(readmission) : null;
  const ctx: UnitContext = { everyStay: hospital === 'contacts' ? 'every_stay' : 'episode_returns', readmission };
  // SPEC §2.1: the enumerated columns each source step reads, with every spelling the reader accepts.
  const reads: Partial<Record<SqlExtract, EnumeratedReads>> = {
    admissions: new EnumeratedReads(admissionsSchema),
    contacts: new EnumeratedReads(contactsSchema),
    referrals: new EnumeratedReads(referralsSchema),
    smoking: new EnumeratedReads(smokingSchema),
    lup: new EnumeratedReads(lupSchema),
  };
  const withStrata: string[] = ids.filter((id) => byId.get(id)!.unit === 'per_1000');

  const steps: Named[] = [
    ...(readsAdmissions
      ? [
          { name: 'code_lists', why: 'SPEC §3.2 no. 1, §3.3: the diagnosis code lists (src/domain/diagnoses.ts), one prefix per row.', relation: codeListValues() },
          ...(lists
            ? [{ name: 'readmission_lists', why: 'SPEC §3.2 no. 1, §14.3: the code lists of the profile’s readmission rules (src/indicators/readmission-rules.ts).', relation: lists.relation }]
            : []),
          ...(hospital === 'contacts'
            ? contactSteps(
                // From contacts with units `admissions` the rules read the first diagnosis only (src/sql/readmission.ts).
                lists ? { relation: 'readmission_lists', names: lists.names, anyNames: readmission.units === 'stays' ? lists.anyNames : [] } : null,
                reads.contacts!,
              )
            : [{ name: 'admissions_read', why: 'SPEC §2.2, §15: admissions.csv with its canonical columns and types.', relation: admissionsSource(reads.admissions!) }]),
        ]
      : []),
    ...(extracts.includes('referrals')
      ? [{ name: 'referrals_read', why: 'SPEC §2.3, §15: referrals.csv with its canonical columns and types.', relation: referralsSource(reads.referrals!) }]
      : []),
    ...(extracts.includes('smoking')
      ? [{ name: 'smoking_read', why: 'SPEC §2.4, §15: smoking.csv with its canonical columns and types.', relation: smokingSource(reads.smoking!) }]
      : []),
    ...(extracts.includes('lup')
      ? [{ name: 'lup_read', why: 'SPEC §2.5, §15: lup.csv with its canonical columns and types.', relation: lupSource(reads.lup!, municipalityText(c('municipality_code'))) }]
      : []),
    { name: 'calendar', why: 'SPEC §3.1: Danish working days of the requested periods (src/calc/working-days.ts).', relation: calendarValues(first, last) },
    { name: 'periods', why: 'SPEC §1.3: the requested periods, first and last day inclusive.', relation: periodValues(options.periods) },
    { name: 'clusters', why: 'SPEC §2.8: the region’s municipalities in their clusters.', relation: clusterValues() },
    ...(chainsEpisodes ? (hospital === 'contacts' ? stayEpisodeSteps() : episodeSteps()) : []),
    ...(lists ? readmissionSteps(readmission, hospital) : []),
    {
      name: 'units',
      why: 'One row per unit (Tally.add) or note (Tally.note) of each indicator, with its day range and person.',
      relation: {
        kind: 'unionAll',
        parts: ids.flatMap((id) => [
          ...unitsOf(id, ctx, byId.get(id)!),
          // SPEC §14.1: from contacts.csv every admission indicator notes the home and virtual contacts.
          ...(hospital === 'contacts' && extractOf(id) === 'admissions'
            ? [unitRelation(id, { ...notPhysicalContacts(), numerator: ZERO, denominator: ZERO, note: noteKey('contactsNotPhysical') })]
            : []),
        ]),
      },
    },
  ];

  // A unit counts in every period its day range meets, once per day inside it.
  const days: Expr = bin(
    { k: 'daysBetween', from: later(col('first_day', 'u'), col('from_day', 'p')), to: earlier(col('last_day', 'u'), col('to_day', 'p')) },
    '+',
    ONE,
  );
  steps.push({
    name: 'counted',
    why: 'SPEC §3.1: a unit belongs to every requested period containing its date (a bed day to the period of that day).',
    relation: {
      kind: 'select',
      from: { relation: 'units', alias: 'u' },
      joins: [
        { kind: 'inner', relation: 'periods', alias: 'p', on: and(bin(col('first_day', 'u'), '<=', col('to_day', 'p')), bin(col('last_day', 'u'), '>=', col('from_day', 'p'))) },
        { kind: 'left', relation: 'clusters', alias: 'k', on: eq(col('municipality', 'k'), col('municipality', 'u')) },
      ],
      select: [
        ['indicator', col('indicator', 'u')],
        ['period', col('period', 'p')],
        ['days', days],
        ['numerator', col('numerator', 'u')],
        ['denominator', col('denominator', 'u')],
        ['note', col('note', 'u')],
        ['education', col('education', 'u')],
        ['patient_id', col('patient_id', 'u')],
        ['follow_up_end', col('follow_up_end', 'u')],
        ['esp2013', esp2013BandOf(col('age', 'u'))],
        ...by.map((d) => [`by_${d}`, dimensionExpr(d)] as const),
      ],
    },
  });
  // The units summed once into their cells (every column the result set distinguishes), so the
  // parts below read thousands of cells instead of a row per unit and period: on the §5 set
  // 4.7 million counted rows, which the engine then neither stores nor scans six times. A
  // unit has a person only where Dobson's variance needs events per person (unitPerson).
  const person: Expr = c('patient_id');
  const cellKeys: [string, Expr][] = [
    ['indicator', c('indicator')],
    ['period', c('period')],
    ...by.map((d) => [`by_${d}`, c(`by_${d}`)] as [string, Expr]),
    ['note', c('note')],
    ['education', c('education')],
    ['esp2013', c('esp2013')],
    ['person', person],
  ];
  steps.push({
    name: 'cells',
    why: 'SPEC §15: the units summed per period, group, note, education level, ESP2013 band (and person, for the per-1000 indicators).',
    relation: {
      kind: 'select',
      from: { relation: 'counted', alias: 'x' },
      select: [
        ...cellKeys,
        ['numerator', sum(bin(c('numerator'), '*', c('days')))],
        ['denominator', sum(bin(c('denominator'), '*', c('days')))],
        ['units', sum(c('days'))],
        ['follow_up_end', max(c('follow_up_end'))],
      ],
      groupBy: cellKeys.map(([, e]) => e),
    },
  });

  // Each level: the total row (no dimension) and the breakdown (the indicator's dimensions).
  const levels: { name: string; dims: (id: string) => Dimension[]; only: string[] }[] = [{ name: 'total', dims: () => [], only: ids }];
  if (by.length > 0) levels.push({ name: 'group', dims: dimsOf, only: grouped });
  const parts: Relation[] = [];
  const dimensionColumns = (dims: readonly Dimension[]) =>
    by.map((d) => [d, dims.includes(d) ? c(`by_${d}`) : { k: 'lit', value: null, type: 'text' }] as [string, Expr]);
  for (const level of levels) {
    // Indicators of one level that share a breakdown are counted together.
    const families = new Map<string, string[]>();
    for (const id of level.only) {
      const key = level.dims(id).join(',');
      families.set(key, [...(families.get(key) ?? []), id]);
    }
    for (const [key, members] of families) {
      const dims = (key === '' ? [] : key.split(',')) as Dimension[];
      const groupBy = [c('indicator'), c('period'), ...dims.map((d) => c(`by_${d}`))];
      const base = (cell: Expr, where: Expr, extraGroup: Expr[] = []) => ({
        kind: 'select' as const,
        from: { relation: 'cells', alias: 'x' },
        select: [
          ['indicator', c('indicator')] as [string, Expr],
          ['period', c('period')] as [string, Expr],
          ...dimensionColumns(dims),
          ['cell', cell] as [string, Expr],
          ['numerator', sum(c('numerator'))] as [string, Expr],
          ['denominator', sum(c('denominator'))] as [string, Expr],
          ['units', sum(c('units'))] as [string, Expr],
        ],
        where: and(inList(c('indicator'), members), where),
        groupBy: [...groupBy, ...extraGroup],
      });
      parts.push(base({ k: 'lit', value: null, type: 'text' }, isNull(c('note'))));
      // Notes: counts of the declared message (SPEC §3.1 "exclusions are auditable").
      parts.push({
        ...base(concat(lit('note='), c('note')), notNull(c('note')), [c('note')]),
        select: [
          ['indicator', c('indicator')],
          ['period', c('period')],
          ...dimensionColumns(dims),
          ['cell', concat(lit('note='), c('note'))],
          ['numerator', sum(c('units'))],
          ['denominator', lit(0)],
          ['units', sum(c('units'))],
        ],
      });
      const educated = members.filter((id) => withEducation.includes(id));
      if (educated.length > 0) {
        // SPEC §8.2: the cell's units per education level (unknown left out).
        parts.push({
          ...base(concat(lit('education='), c('education')), and(isNull(c('note')), notNull(c('education'))), [c('education')]),
          where: and(inList(c('indicator'), educated), isNull(c('note')), notNull(c('education'))),
        });
      }
      const followed = members.filter((id) => byId.get(id)!.followUp?.kind === 'per_unit');
      if (followed.length > 0) {
        // SPEC §13.2: the latest follow-up end of the cell's units (a per-unit follow-up).
        parts.push({
          kind: 'select',
          from: { relation: 'cells', alias: 'x' },
          select: [
            ['indicator', c('indicator')],
            ['period', c('period')],
            ...dimensionColumns(dims),
            ['cell', concat(lit('follow_up_end='), text(max(c('follow_up_end'))))],
            ['numerator', lit(0)],
            ['denominator', lit(0)],
            ['units', lit(0)],
          ],
          where: and(inList(c('indicator'), followed), isNull(c('note')), notNull(c('follow_up_end'))),
          groupBy,
        });
      }
      const stratified = members.filter((id) => withStrata.includes(id));
      if (stratified.length > 0) {
        // SPEC §8.1: events per ESP2013 band …
        parts.push({
          ...base(concat(lit('esp2013='), text(c('esp2013'))), isNull(c('note')), [c('esp2013')]),
          where: and(inList(c('indicator'), stratified), isNull(c('note')), notNull(c('esp2013'))),
        });
        // … and how many persons had k events in the band (Dobson's variance).
        const personsName = `persons_${level.name}_${parts.length}`;
        steps.push({
          name: personsName,
          why: 'SPEC §8.1: events per person within a band, for the variance of repeat events.',
          relation: {
            kind: 'select',
            from: { relation: 'cells', alias: 'x' },
            select: [
              ['indicator', c('indicator')],
              ['period', c('period')],
              ...dims.map((d) => [`by_${d}`, c(`by_${d}`)] as [string, Expr]),
              ['esp2013', c('esp2013')],
              // Whole events (the per-1000 indicators count units), as an integer for the cell's name.
              ['events', { k: 'cast', e: sum(c('numerator')), type: 'integer' }],
            ],
            where: and(inList(c('indicator'), stratified), isNull(c('note')), notNull(c('person')), notNull(c('esp2013'))),
            groupBy: [...groupBy, c('esp2013'), c('person')],
          },
        });
        parts.push({
          kind: 'select',
          from: { relation: personsName, alias: 'x' },
          select: [
            ['indicator', c('indicator')],
            ['period', c('period')],
            ...dimensionColumns(dims),
            ['cell', concat(lit('esp2013='), text(c('esp2013')), lit(';events='), text(c('events')))],
            ['numerator', count()],
            ['denominator', lit(0)],
            ['units', count()],
          ],
          where: bin(c('events'), '>', ZERO),
          groupBy: [...groupBy, c('esp2013'), c('events')],
        });
      }
    }
  }
  // SPEC §13.2: the data end of each extract read, and SPEC §1.3: its first and last event
  // dates, the range `report` takes its years and months from and `evaluate` checks its windows
  // against (SPEC §9, §10) when they read these counts — both from the columns the extract's
  // declaration names (declare.ts EventColumns, as the TypeScript reader reads them). They are
  // the same dates, except that a referral's receipt is an event without moving its data end.
  const dataEnds = {} as Record<SqlExtract, Relation>;
  const eventDays: Partial<Record<SqlExtract, Relation>> = {};
  for (const extract of SQL_EXTRACTS) {
    const { columns, dataEnd } = EXTRACT_SCHEMAS[extract].events;
    dataEnds[extract] = eventDaysOf(`${extract}_read`, dataEnd);
    if (dataEnd.length !== columns.length) eventDays[extract] = eventDaysOf(`${extract}_read`, columns);
  }
  const dateRow = (relation: string, cell: string, day: Expr): Relation => ({
    kind: 'select',
    from: { relation, alias: 'x' },
    select: [
      ['indicator', { k: 'lit', value: null, type: 'text' }],
      ['period', { k: 'cast', e: day, type: 'text' }],
      ...by.map((d) => [d, { k: 'lit', value: null, type: 'text' }] as [string, Expr]),
      ['cell', lit(cell)],
      ['numerator', NULL],
      ['denominator', NULL],
      ['units', NULL],
    ],
  });
  for (const extract of extracts) {
    steps.push({ name: `data_end_${extract}`, why: `SPEC §13.2: the dates that make the data end of ${extract}.csv.`, relation: dataEnds[extract] });
    parts.push(dateRow(`data_end_${extract}`, `data_end=${extract}`, max(c('day'))));
    const own = eventDays[extract];
    if (own) steps.push({ name: `event_days_${extract}`, why: `SPEC §1.3: the event dates of ${extract}.csv.`, relation: own });
    const events = own ? `event_days_${extract}` : `data_end_${extract}`;
    parts.push(dateRow(events, `first_event=${extract}`, min(c('day'))), dateRow(events, `last_event=${extract}`, max(c('day'))));
  }
  // SPEC §14.3, §15: the profile the script counted, so that `--counts` never computes one
  // profile's counts as another's (src/cli/counts.ts refuses a mismatch).
  steps.push({
    name: 'profile',
    why: 'SPEC §14.3: the definition profile of these counts.',
    relation: { kind: 'values', columns: [{ name: 'profile', type: 'text' }], rows: [[options.profile ?? 'rm-2015-2018']] },
  });
  parts.push({
    kind: 'select',
    from: { relation: 'profile', alias: 'x' },
    select: [
      ['indicator', { k: 'lit', value: null, type: 'text' }],
      ['period', { k: 'lit', value: null, type: 'text' }],
      ...by.map((d) => [d, { k: 'lit', value: null, type: 'text' }] as [string, Expr]),
      ['cell', concat(lit('profile='), c('profile'))],
      ['numerator', NULL],
      ['denominator', NULL],
      ['units', NULL],
    ],
  });
  // SPEC §2.1, §1.6: the rows left out because the reader would reject a value the script
  // reads (src/sql/vocabulary.ts), per extract and column, as `invalid=EXTRACT.COLUMN` rows.
  for (const extract of extracts) {
    const r = reads[extract];
    if (!r || r.columns.length === 0) continue;
    steps.push({ name: `${extract}_rejected`, why: `SPEC §2.1: 1 where ${extract}.csv's reader would reject the value.`, relation: r.rejectedSource() });
    steps.push({ name: `${extract}_invalid`, why: `SPEC §1.6: the rows of ${extract}.csv left out, per column.`, relation: r.rejectedCounts(`${extract}_rejected`) });
    for (const e of r.columns) {
      parts.push({
        kind: 'select',
        from: { relation: `${extract}_invalid`, alias: 'x' },
        select: [
          ['indicator', { k: 'lit', value: null, type: 'text' }],
          ['period', { k: 'lit', value: null, type: 'text' }],
          ...by.map((d) => [d, { k: 'lit', value: null, type: 'text' }] as [string, Expr]),
          ['cell', lit(`invalid=${extract}.${e.column}`)],
          ['numerator', c(e.column)],
          ['denominator', lit(0)],
          ['units', c(e.column)],
        ],
        where: bin(c(e.column), '>', ZERO),
      });
    }
  }
  steps.push({ name: 'counts', why: 'SPEC §15: one result set of counts.', relation: { kind: 'unionAll', parts } });

  const columns = resultColumns(by);
  return {
    header: [
      'triple-aim: counts of SPEC §3 (profile ' + (options.profile ?? 'rm-2015-2018') + ') compiled to SQL (SPEC §15).',
      'Indicators: ' + ids.join(', '),
      'Periods: ' + options.periods.map((p) => p.id).join(', '),
      'Breakdown: ' + (by.length > 0 ? by.join(', ') : '(none)'),
      'Result: ' + columns.join(', ') + ' — feed it back with `triple-aim compute --counts FILE.csv`.',
    ],
    tables: Object.fromEntries(extracts.map((x) => [x, options.tables?.[x] ?? x])),
    steps,
    result: { relation: 'counts', columns, orderBy: ['indicator', 'period', 'cell', ...by] },
  };
}
