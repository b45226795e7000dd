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
import { READMISSION_WINDOW_SECONDS } from '../indicators/admissions.js';
import { contactDeadline, TERM_DAYS, WEEK_24_DAYS } from '../indicators/referrals.js';
import { PREVENTION_OFFER, PREVENTION_SENDER } from '../domain/vocabulary.js';
import type { CountingIndicator } from '../indicators/types.js';
import { admissionsSchema } from '../extracts/admissions.js';
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
export const SQL_EXTRACTS = ['admissions', 'referrals', 'smoking', 'lup'] as const;
export type SqlExtract = (typeof SQL_EXTRACTS)[number];
const SMOKING_INDICATORS: readonly string[] = ['smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education'];
const REFERRAL_INDICATORS: readonly string[] = ['prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24'];
/** The indicators with declared LUP questions (types.ts `lup`). */
const LUP_INDICATORS: readonly string[] = lupIndicators.filter((i) => i.lup).map((i) => i.id);
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
const UNIT_PERSON = ['municipality', 'age', 'sex', 'education', 'patient_id'] as const;
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
  /** The profile named in the header. */
  profile?: string;
}

// ---------------------------------------------------------------------------------------
// Sources

const c = (name: string) => col(name);

/** SPEC §2.2's normalisation of a diagnosis: upper case, no dots or spaces, and a leading SKS
 *  "D" removed when a letter follows (DJ440 → J440, DD509 → D509, D509 stays). */
function normalisedDiagnosis(raw: Expr): Expr {
  const cleaned: Expr = { k: 'remove', e: { k: 'remove', e: { k: 'upper', e: raw }, from: '.' }, from: ' ' };
  const second: Expr = { k: 'rest', e: { k: 'prefix', e: cleaned, length: lit(2) }, start: 2 };
  return when(
    [[and(eq({ k: 'prefix', e: cleaned, length: ONE }, lit('D')), bin(second, '>=', lit('A')), bin(second, '<=', lit('Z'))), { k: 'rest', e: cleaned, start: 2 }]],
    cleaned,
  );
}

/** SPEC §15: a municipality code that arrives as an integer (or as 0751) becomes three-digit text. */
function municipalityText(raw: Expr): Expr {
  return when([[isNull(raw), NULL]], { k: 'right', e: concat(lit('000'), text(raw)), length: 3 });
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
    { name: 'municipality', type: 'text', read: municipalityText(c('municipality_code')) },
    { name: 'age', type: 'integer', read: { k: 'cast', e: c('age'), type: 'integer' } },
    { name: 'sex', type: 'text', read: reads.value('sex') },
    { name: 'education', type: 'text', read: reads.value('education') },
    { name: 'cost_dkk', type: 'decimal', read: { k: 'cast', e: c('cost_dkk'), type: 'decimal' } },
    { name: 'cofinancing_dkk', type: 'decimal', read: { k: 'cast', e: c('cofinancing_dkk'), type: 'decimal' } },
    { name: 'ready_at', type: 'timestamp', read: { k: 'cast', e: c('ready_for_discharge_at'), type: 'timestamp' } },
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
    'admission_id', 'patient_id', 'admitted_at', 'discharged_at', 'acute', 'died', 'municipality', 'age', 'sex', 'education',
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
          ...keep([...admissionColumns, ...FLAG_LISTS]),
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
          ...keep([...admissionColumns, ...FLAG_LISTS, 'episode_no']),
          ['first_rank', { k: 'window', fn: 'ROW_NUMBER', arg: null, partition: byEpisode, order: ADMISSION_ORDER, frame: null }],
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
        where: eq(col('first_rank', 'f'), ONE),
      },
    },
    {
      name: 'episode_returns',
      why:
        'SPEC §3.2 no. 1: the first later episode of the patient that qualifies as a readmission (acute, no birth, no ' +
        'injury), and the next later episode (for the note on a return that is not one).',
      relation: {
        kind: 'select',
        from: { relation: 'episodes', alias: 'e' },
        select: [
          ...keep(['patient_id', 'episode_no', 'admitted_at', 'discharged_at', 'died', 'acute', 'municipality', 'age', 'sex', 'education', ...FLAG_LISTS]),
          [
            'next_readmission_at',
            {
              k: 'window',
              fn: 'MIN',
              arg: when([[and(eq(c('acute'), ONE), eq(c('birth'), ZERO), eq(c('injury'), ZERO)), c('admitted_at')]]),
              partition: byPatient,
              order: [{ e: c('episode_no') }],
              frame: 'after',
            },
          ],
          ...(['admitted_at', 'acute', 'birth'] as const).map(
            (name) =>
              [`next_${name}`, { k: 'window', fn: 'LEAD', arg: c(name), partition: byPatient, order: [{ e: c('episode_no') }], frame: null }] as const,
          ),
        ],
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
function unitsOf(id: SqlIndicatorId, indicator: CountingIndicator): Relation[] {
  const discharged = notNull(c('discharged_at'));
  const dischargeDay = dateOf(c('discharged_at'));
  switch (id) {
    case 'readmission-30d': {
      const windowEnd = addHours(c('discharged_at'), hours(READMISSION_WINDOW_SECONDS));
      const readmitted = and(
        notNull(c('next_readmission_at')),
        bin(c('next_readmission_at'), '>', c('discharged_at')),
        bin(c('next_readmission_at'), '<=', windowEnd),
      );
      const excluded = or(eq(c('died'), ONE), eq(c('cancer'), ONE), eq(c('z76_3'), ONE));
      return [
        unitRelation(id, {
          from: 'episode_returns',
          where: and(discharged, not(excluded)),
          firstDay: dischargeDay,
          numerator: flag(readmitted),
          denominator: ONE,
        }),
        // The order of the exclusions is the TypeScript count's: died, cancer, Z76.3.
        unitRelation(id, {
          from: 'episode_returns',
          where: and(discharged, excluded),
          firstDay: dischargeDay,
          numerator: ZERO,
          denominator: ZERO,
          note: when(
            [
              [eq(c('died'), ONE), noteKey('indexExcludedDied')],
              [eq(c('cancer'), ONE), noteKey('indexExcludedCancer')],
            ],
            noteKey('indexExcludedZ763'),
          ),
        }),
        // The patient came back within 30 days, but not as a readmission: why (first return).
        unitRelation(id, {
          from: 'episode_returns',
          where: and(discharged, not(excluded), not(readmitted), notNull(c('next_admitted_at')), bin(c('next_admitted_at'), '<=', windowEnd)),
          firstDay: dischargeDay,
          numerator: ZERO,
          denominator: ZERO,
          note: when(
            [
              [eq(c('next_acute'), ZERO), noteKey('returnNotCountedPlanned')],
              [eq(c('next_birth'), ONE), noteKey('returnNotCountedBirth')],
            ],
            noteKey('returnNotCountedInjury'),
          ),
        }),
      ];
    }
    case 'preventable-admissions-65':
      // Open episodes count by their admitted_at; discharge status does not matter.
      return [
        unitRelation(id, {
          from: 'episode_returns',
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
          from: 'episode_returns',
          where: and(eq(c('acute'), ONE), discharged, bin(c('discharged_at'), '<', addHours(c('admitted_at'), hours(SECONDS_PER_DAY)))),
          firstDay: dateOf(c('admitted_at')),
          numerator: ONE,
          denominator: ZERO,
        }),
      ];
    case 'ready-for-discharge-days':
      // Every admission (somatic and psychiatric): the bed days date(ready) ≤ d < date(discharged).
      return [
        unitRelation(id, {
          from: 'admissions_read',
          where: and(notNull(c('ready_at')), discharged, bin(dateOf(c('ready_at')), '<', dischargeDay)),
          firstDay: dateOf(c('ready_at')),
          lastDay: addDays(dischargeDay, -1),
          numerator: ONE,
          denominator: ZERO,
        }),
        unitRelation(id, {
          from: 'admissions_read',
          where: and(notNull(c('ready_at')), isNull(c('discharged_at'))),
          firstDay: dateOf(c('ready_at')),
          numerator: ZERO,
          denominator: ZERO,
          note: noteKey('stillAdmittedWhenReady'),
        }),
      ];
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
  const extracts = SQL_EXTRACTS.filter((x) => ids.some((id) => extractOf(id) === x));
  const readsAdmissions = extracts.includes('admissions');
  // SPEC §2.1: the enumerated columns each source step reads, with every spelling the reader accepts.
  const reads: Record<SqlExtract, EnumeratedReads> = {
    admissions: new EnumeratedReads(admissionsSchema),
    referrals: new EnumeratedReads(referralsSchema),
    smoking: new EnumeratedReads(smokingSchema),
    lup: new EnumeratedReads(lupSchema),
  };
  const withStrata: string[] = ids.filter((id) => byId.get(id)!.unit === 'per_1000');

  const steps: Named[] = [
    ...(readsAdmissions
      ? [
          { name: 'admissions_read', why: 'SPEC §2.2, §15: admissions.csv with its canonical columns and types.', relation: admissionsSource(reads.admissions) },
          { name: 'code_lists', why: 'SPEC §3.2 no. 1, §3.3: the diagnosis code lists (src/domain/diagnoses.ts), one prefix per row.', relation: codeListValues() },
        ]
      : []),
    ...(extracts.includes('referrals')
      ? [{ name: 'referrals_read', why: 'SPEC §2.3, §15: referrals.csv with its canonical columns and types.', relation: referralsSource(reads.referrals) }]
      : []),
    ...(extracts.includes('smoking')
      ? [{ name: 'smoking_read', why: 'SPEC §2.4, §15: smoking.csv with its canonical columns and types.', relation: smokingSource(reads.smoking) }]
      : []),
    ...(extracts.includes('lup')
      ? [{ name: 'lup_read', why: 'SPEC §2.5, §15: lup.csv with its canonical columns and types.', relation: lupSource(reads.lup, municipalityText(c('municipality_code'))) }]
      : []),
    { name: 'calendar', why: 'SPEC §3.1: Danish working days of the requested periods (src/calc/working-days.ts).', relation: calendarValues(first, last) },
    { name: 'periods', why: 'SPEC §1.3: the requested periods, first and last day inclusive.', relation: periodValues(options.periods) },
    { name: 'clusters', why: 'SPEC §2.8: the region’s municipalities in their clusters.', relation: clusterValues() },
    ...(readsAdmissions ? episodeSteps() : []),
    {
      name: 'units',
      why: 'One row per unit (Tally.add) or note (Tally.note) of each indicator, with its day range and person.',
      relation: { kind: 'unionAll', parts: ids.flatMap((id) => unitsOf(id, byId.get(id)!)) },
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

  // Each level: the total row (no dimension) and the breakdown (the indicator's dimensions).
  const levels: { name: string; dims: (id: string) => Dimension[]; only: string[] }[] = [{ name: 'total', dims: () => [], only: ids }];
  if (by.length > 0) levels.push({ name: 'group', dims: dimsOf, only: grouped });
  const parts: Relation[] = [];
  const dimensionColumns = (dims: readonly Dimension[]) =>
    by.map((d) => [d, dims.includes(d) ? c(`by_${d}`) : { k: 'lit', value: null, type: 'text' }] as [string, Expr]);
  const sumDays = (e: Expr): Expr => sum(bin(e, '*', c('days')));
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
        from: { relation: 'counted', alias: 'x' },
        select: [
          ['indicator', c('indicator')] as [string, Expr],
          ['period', c('period')] as [string, Expr],
          ...dimensionColumns(dims),
          ['cell', cell] as [string, Expr],
          ['numerator', sumDays(c('numerator'))] as [string, Expr],
          ['denominator', sumDays(c('denominator'))] as [string, Expr],
          ['units', sum(c('days'))] as [string, Expr],
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
          ['numerator', sum(c('days'))],
          ['denominator', lit(0)],
          ['units', sum(c('days'))],
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
          from: { relation: 'counted', alias: 'x' },
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
            from: { relation: 'counted', alias: 'x' },
            select: [
              ['indicator', c('indicator')],
              ['period', c('period')],
              ...dims.map((d) => [`by_${d}`, c(`by_${d}`)] as [string, Expr]),
              ['esp2013', c('esp2013')],
              // Whole events (the per-1000 indicators count units), as an integer for the cell's name.
              ['events', { k: 'cast', e: sumDays(c('numerator')), type: 'integer' }],
            ],
            where: and(inList(c('indicator'), stratified), isNull(c('note')), notNull(c('patient_id')), notNull(c('esp2013'))),
            groupBy: [...groupBy, c('esp2013'), c('patient_id')],
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
  // SPEC §13.2: the data end of each extract read (admissions: the latest admission or
  // discharge date; referrals: the latest referral; smoking: the latest course start).
  const dataEnds: Record<SqlExtract, Relation> = {
    admissions: {
      kind: 'unionAll',
      parts: [
        { kind: 'select', from: { relation: 'admissions_read', alias: 'a' }, select: [['day', dateOf(c('admitted_at'))]] },
        { kind: 'select', from: { relation: 'admissions_read', alias: 'a' }, select: [['day', dateOf(c('discharged_at'))]], where: notNull(c('discharged_at')) },
      ],
    },
    referrals: { kind: 'select', from: { relation: 'referrals_read', alias: 'a' }, select: [['day', c('referred_at')]] },
    smoking: { kind: 'select', from: { relation: 'smoking_read', alias: 'a' }, select: [['day', c('course_started_at')]] },
    lup: { kind: 'select', from: { relation: 'lup_read', alias: 'a' }, select: [['day', c('responded_at')]] },
  };
  for (const extract of extracts) {
    steps.push({ name: `data_end_${extract}`, why: `SPEC §13.2: the dates that make the data end of ${extract}.csv.`, relation: dataEnds[extract] });
    parts.push({
      kind: 'select',
      from: { relation: `data_end_${extract}`, alias: 'x' },
      select: [
        ['indicator', { k: 'lit', value: null, type: 'text' }],
        ['period', { k: 'cast', e: max(c('day')), type: 'text' }],
        ...by.map((d) => [d, { k: 'lit', value: null, type: 'text' }] as [string, Expr]),
        ['cell', lit(`data_end=${extract}`)],
        ['numerator', NULL],
        ['denominator', NULL],
        ['units', NULL],
      ],
    });
  }
  // SPEC §2.1, §1.6: the rows left out because the reader would reject a value the script
  // reads (src/sql/vocabulary.ts), per extract and column, as `invalid=EXTRACT.COLUMN` rows.
  for (const extract of extracts) {
    const r = reads[extract];
    if (r.columns.length === 0) continue;
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
