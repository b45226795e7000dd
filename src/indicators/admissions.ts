// The seven indicators computed from admissions.csv (SPEC §3.2 no. 1–7): the common goals of
// the 2015 economy agreements (agreement §2.3.1), the admission and discharge flow (§4.8) and
// Triple Aim's cost per capita (§2.1). Episode-based indicators read the episodes and the
// per-admission flags as derived facts (src/facts), built once per run by the engine; bed days
// and costs belong to single admissions (SPEC §1.3).

import { PERSON_DIMENSIONS, type Dimension } from '../calc/groups.js';
import { OPEN } from '../calc/episodes.js';
import type { Period } from '../calc/periods.js';
import { dayOf, formatDay, secondOfDay, SECONDS_PER_DAY, SECONDS_PER_HOUR, type DayNumber } from '../calc/time.js';
import { isWorkingDay } from '../calc/working-days.js';
import { amountOrNull, timeOrNull } from '../extracts/read.js';
import { personOf, type AdmissionTable, type ContactTable, type LoadedData } from '../extracts/records.js';
import { preventableDiagnosisReference } from '../domain/diagnoses.js';
import { ACUTE, DIED, PREVENTABLE_65 } from '../facts/admission-flags.js';
import { admissionsOf, type FactName } from '../facts/index.js';
import { RM_READMISSION } from './readmission-rules.js';
import { countReadmissionsBy, READMISSION_FACTS, type ReadmissionFacts } from './readmission.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { CountContext, CountingIndicator, DeclaredReason, Tally, UnitAttributes } from './types.js';

const DIMENSIONS: readonly Dimension[] = PERSON_DIMENSIONS;

/** SPEC §3.2 no. 1: a readmission starts no more than 30 × 24 hours after the index discharge. */
export const READMISSION_WINDOW_SECONDS = 30 * 24 * SECONDS_PER_HOUR;
/** SPEC §3.2 no. 1: the data must run this many days past a period for complete follow-up. */
const FOLLOW_UP_DAYS = 30;
/** SPEC §3.2 no. 5: daytime is 08:00 (inclusive) to 16:00 (exclusive) on a working day. */
const DAYTIME_FROM = 8 * SECONDS_PER_HOUR;
const DAYTIME_TO = 16 * SECONDS_PER_HOUR;

/** The unit of admission (row) i: the person's attributes and the patient (SPEC §8.1). */
function unitOf(t: AdmissionTable | ContactTable, i: number): UnitAttributes {
  const who: UnitAttributes = personOf(t, i);
  who.patient = t.columns.patientId[i];
  return who;
}

/** The derived facts of the episode indicators. */
type EpisodeFacts = 'episodes' | 'admissionFlags' | 'stays';
const EPISODE_FACTS: readonly EpisodeFacts[] = ['episodes', 'admissionFlags', 'stays'];
/** Every stay (SPEC §14.2: from contacts.csv, stays of any length; from admissions.csv, the
 *  episodes): what preventable-admissions-65 and acute-short-admissions count. */
type StayFacts = 'stayEpisodes' | 'stayFlags' | 'stays';
const STAY_FACTS: readonly StayFacts[] = ['stayEpisodes', 'stayFlags', 'stays'];

/**
 * SPEC §14.1: home and virtual contacts form no stay and count in no indicator; the notes of
 * every admission indicator computed from contacts.csv give their number (by the contact's
 * start date and person). Nothing from admissions.csv.
 */
export const CONTACTS_NOT_PHYSICAL = say(MESSAGES.contactsNotPhysical);
function withContactNotes<N extends FactName>(
  count: (data: LoadedData, tally: Tally, ctx: CountContext<N | 'stays'>) => void,
): (data: LoadedData, tally: Tally, ctx: CountContext<N | 'stays'>) => void {
  return (data, tally, ctx) => {
    count(data, tally, ctx);
    const stays = ctx.facts.stays;
    if (!stays) return;
    const contacts = stays.contacts;
    const startAt = contacts.columns.startAt;
    for (const j of stays.notPhysical) {
      const day = dayOf(startAt[j]);
      if (inRange(day, ctx)) tally.note(day, unitOf(contacts, j), CONTACTS_NOT_PHYSICAL);
    }
  };
}

function inRange(day: DayNumber, ctx: Pick<CountContext, 'firstDay' | 'lastDay'>): boolean {
  return day >= ctx.firstDay && day <= ctx.lastDay;
}

/** An optional admissions column the indicator needs (SPEC §3.2 no. 4, 6, 7). */
function needsColumn(column: string): (data: LoadedData) => DeclaredReason | null {
  return (data) => {
    const admissions = data.admissions;
    if (!admissions || admissions.info.columns.has(column)) return null;
    const fromContacts = admissions.info.extract === 'contacts';
    return { code: 'column-missing', message: say(fromContacts ? MESSAGES.contactsColumnMissing : MESSAGES.columnMissing, { column }) };
  };
}

// ---------------------------------------------------------------------------------------
// 1. readmission-30d

// The notes of readmission-30d (declared with their Danish texts in src/domain/messages.ts).
export const INDEX_EXCLUDED_DIED = say(MESSAGES.indexExcludedDied);
export const INDEX_EXCLUDED_CANCER = say(MESSAGES.indexExcludedCancer);
export const INDEX_EXCLUDED_Z763 = say(MESSAGES.indexExcludedZ763);
export const RETURN_NOT_COUNTED_PLANNED = say(MESSAGES.returnNotCountedPlanned);
export const RETURN_NOT_COUNTED_BIRTH = say(MESSAGES.returnNotCountedBirth);
export const RETURN_NOT_COUNTED_INJURY = say(MESSAGES.returnNotCountedInjury);

// The count reads the profile's declaration (readmission-rules.ts, readmission.ts); this is
// the rm-2015-2018 one, SPEC §3.2 no. 1.
const countRmReadmissions = countReadmissionsBy(RM_READMISSION);

/** The latest admission or discharge date in the extract (SPEC §1.3 event dates), or null. */
function lastEventDay(admissions: AdmissionTable): DayNumber | null {
  const { admittedAt, dischargedAt } = admissions.columns;
  let last = -Infinity;
  for (let i = 0; i < admissions.length; i++) {
    if (admittedAt[i] > last) last = admittedAt[i];
    if (dischargedAt[i] > last) last = dischargedAt[i]; // NaN (still admitted) is never greater
  }
  return last === -Infinity ? null : dayOf(last);
}

/** SPEC §13.2: the same rule as the provisional flag, against the engine's data end (which
 *  honours --data-end); without one (unit tests), the latest event date of the extract. */
function readmissionWarnings(data: LoadedData, periods: readonly Period[], dataEnd?: DayNumber | null): Said[] {
  const last = dataEnd !== undefined ? dataEnd : lastEventDay(admissionsOf(data));
  if (last === null) return [];
  return periods
    .filter((p) => last - p.to < FOLLOW_UP_DAYS)
    .map(
      // Worded to be true whether the data end inside the period or shortly after it.
      (p) =>
        say(MESSAGES.readmissionFollowUpIncomplete, {
          period: p.id,
          days: FOLLOW_UP_DAYS,
          last: formatDay(p.to),
          needed: formatDay(p.to + FOLLOW_UP_DAYS),
          end: formatDay(last),
        }),
    );
}

// ---------------------------------------------------------------------------------------
// 2.–3. Episodes by admission date

function countPreventable(_data: LoadedData, tally: Tally, ctx: CountContext<StayFacts>): void {
  const flags = ctx.facts.stayFlags;
  const admissions = ctx.facts.stayEpisodes.admissions as unknown as AdmissionTable;
  const { count: n, first, admittedAt } = ctx.facts.stayEpisodes;
  for (let e = 0; e < n; e++) {
    // Type, age and diagnosis of the first admission; discharge status does not matter and
    // open episodes count by their admitted_at (SPEC §3.2 no. 2).
    if ((flags[first[e]] & (ACUTE | PREVENTABLE_65)) !== (ACUTE | PREVENTABLE_65)) continue;
    const day = dayOf(admittedAt[e]);
    if (!inRange(day, ctx)) continue;
    tally.add(day, unitOf(admissions, first[e]), 1);
    ctx.audit?.unit(day, admissions, first[e], 'numerator');
  }
}

function countAcuteShort(_data: LoadedData, tally: Tally, ctx: CountContext<StayFacts>): void {
  const flags = ctx.facts.stayFlags;
  const admissions = ctx.facts.stayEpisodes.admissions as unknown as AdmissionTable;
  const { count: n, first, admittedAt, dischargedAt } = ctx.facts.stayEpisodes;
  for (let e = 0; e < n; e++) {
    // Open episodes are never short (SPEC §3.1); exactly 24 h is not under 24 h.
    if (dischargedAt[e] === OPEN || dischargedAt[e] - admittedAt[e] >= SECONDS_PER_DAY) continue;
    if (!(flags[first[e]] & ACUTE)) continue;
    const day = dayOf(admittedAt[e]);
    if (!inRange(day, ctx)) continue;
    tally.add(day, unitOf(admissions, first[e]), 1);
    ctx.audit?.unit(day, admissions, first[e], 'numerator');
  }
}

// ---------------------------------------------------------------------------------------
// 4. ready-for-discharge-days

export const STILL_ADMITTED_WHEN_READY = say(MESSAGES.stillAdmittedWhenReady);

/** Bed days of the admissions of one sector (SPEC §14.3: the national split), or of both. */
function countReadyDaysOf(sector: 'somatic' | 'psychiatric' | 'both') {
  return (data: LoadedData, tally: Tally, ctx: CountContext<'stays'>): void => countReadyDays(data, tally, ctx, sector);
}

function countReadyDays(data: LoadedData, tally: Tally, ctx: CountContext<'stays'>, sector: 'somatic' | 'psychiatric' | 'both'): void {
  const admissions = admissionsOf(data);
  const readyForDischargeAt = timeOrNull(admissions, 'readyForDischargeAt');
  const dischargedAt = timeOrNull(admissions, 'dischargedAt');
  const psychiatric = admissions.columns.psychiatric;
  const wanted = sector === 'psychiatric' ? 1 : 0;
  for (let i = 0; i < admissions.length; i++) {
    if (sector !== 'both' && psychiatric[i] !== wanted) continue;
    const readyAt = readyForDischargeAt(i);
    if (readyAt === null) continue; // not ready for discharge
    const ready = dayOf(readyAt);
    const discharged = dischargedAt(i);
    if (discharged === null) {
      if (inRange(ready, ctx)) tally.note(ready, unitOf(admissions, i), STILL_ADMITTED_WHEN_READY);
      continue;
    }
    // Bed days: date(ready) ≤ d < date(discharged), each in the period containing d.
    const from = Math.max(ready, ctx.firstDay);
    const to = Math.min(dayOf(discharged) - 1, ctx.lastDay);
    if (from > to) continue;
    const who = unitOf(admissions, i);
    for (let d = from; d <= to; d++) tally.add(d, who, 1);
  }
}

// ---------------------------------------------------------------------------------------
// 5. discharges-outside-daytime

export const DISCHARGE_EXCLUDED_DIED = say(MESSAGES.dischargeExcludedDied);

function countOutsideDaytime(data: LoadedData, tally: Tally, ctx: CountContext<EpisodeFacts>): void {
  const admissions = admissionsOf(data);
  const flags = ctx.facts.admissionFlags;
  const { count: n, first, last, dischargedAt } = ctx.facts.episodes;
  for (let e = 0; e < n; e++) {
    if (dischargedAt[e] === OPEN) continue;
    const day = dayOf(dischargedAt[e]);
    if (!inRange(day, ctx)) continue;
    const who = unitOf(admissions, first[e]);
    if (flags[last[e]] & DIED) {
      tally.note(day, who, DISCHARGE_EXCLUDED_DIED);
      ctx.audit?.unit(day, admissions, first[e], 'excluded', 'died');
      continue;
    }
    const time = secondOfDay(dischargedAt[e]);
    const outside = time < DAYTIME_FROM || time >= DAYTIME_TO || !isWorkingDay(day);
    tally.add(day, who, outside ? 1 : 0, 1);
    ctx.audit?.unit(day, admissions, first[e], outside ? 'numerator' : 'denominator');
  }
}

// ---------------------------------------------------------------------------------------
// 6.–7. DKK per capita

function countAmounts(column: 'costDkk' | 'cofinancingDkk', missingLabel: Said) {
  return (data: LoadedData, tally: Tally, ctx: CountContext<'stays'>): void => {
    const admissions = admissionsOf(data);
    const dischargedAt = timeOrNull(admissions, 'dischargedAt');
    const amountOf = amountOrNull(admissions, column);
    for (let i = 0; i < admissions.length; i++) {
      const discharged = dischargedAt(i);
      if (discharged === null) continue; // still admitted
      const day = dayOf(discharged);
      if (!inRange(day, ctx)) continue;
      const amount = amountOf(i);
      const who = unitOf(admissions, i);
      if (amount === null) tally.note(day, who, missingLabel); // no amount
      // Even 0 is added: the admission's group exists (SPEC §1.3).
      tally.add(day, who, amount ?? 0);
    }
  };
}

export const MISSING_COST = say(MESSAGES.missingCost);
export const MISSING_COFINANCING = say(MESSAGES.missingCofinancing);

// ---------------------------------------------------------------------------------------
// The declarations, in SPEC catalogue order.

// The definitions are read by people (the report, SPEC §13.6): they cite no SPEC section.
const EPISODE_NOTE =
  'Episodes: a patient\'s somatic admissions sorted by admitted_at are chained when one starts ' +
  'no later than 4 hours after the latest discharge of the chain so far (or overlaps it); an admission ' +
  'without discharge keeps the episode open and absorbs every later admission of the patient. An episode ' +
  'takes admission time, type, diagnosis and the patient attributes of its first admission, discharge ' +
  'time and status of its last-ending admission. Psychiatric admissions never form episodes.';

const EPISODE_NOTE_DA =
  'Indlæggelsesforløb: en patients somatiske indlæggelser, sorteret efter indlæggelsestidspunkt, kædes sammen, ' +
  'når en indlæggelse begynder højst 4 timer efter den seneste udskrivelse i kæden indtil da (eller overlapper ' +
  'den); en indlæggelse uden udskrivelse holder forløbet åbent, og alle patientens senere indlæggelser indgår i ' +
  'det. Et forløb har indlæggelsestidspunkt, indlæggelsesmåde, diagnose og patientoplysninger fra sin første ' +
  'indlæggelse og udskrivelsestidspunkt og udskrivningsstatus fra den indlæggelse, der slutter sidst. ' +
  'Psykiatriske indlæggelser danner aldrig forløb.';

export const readmission30d: CountingIndicator<ReadmissionFacts> = {
  kind: 'counting',
  id: 'readmission-30d',
  nameDa: 'Akutte genindlæggelser inden for 30 dage',
  nameEn: 'Acute readmissions within 30 days',
  aim: 'quality',
  section: '§2.3.1',
  sources: ['admissions'],
  unit: 'percent',
  direction: 'lower_is_better',
  definition:
    'National criteria. Denominator (index episodes): somatic episodes whose discharge date is in the ' +
    'period, discharged alive, whose primary diagnosis is neither cancer (C00–C99, D00–D09) nor Z76.3 ' +
    '(healthy person accompanying a sick person). Numerator: index episodes after which the same patient ' +
    'has an acute episode admitted after the index discharge and at most 30 × 24 hours after it (exactly ' +
    '720 h counts), whose primary diagnosis is neither a birth (O80–O84) nor an injury, poisoning or ' +
    'external cause (chapters S, T, V, W, X, Y). Every episode can be both an index and a readmission; ' +
    'open episodes can be readmissions but never indexes. Results are grouped by the index episode. ' +
    'A period is provisional, and a warning is given, when its last day + 30 days lies after the data end ' +
    'of the admissions (--data-end, else the latest admission or discharge date). ' +
    EPISODE_NOTE,
  definitionDa:
    'Nationale kriterier. Nævner (indeksforløb): somatiske forløb med udskrivelsesdato i perioden, hvor patienten ' +
    'blev udskrevet levende, og hvor aktionsdiagnosen hverken er kræft (C00–C99, D00–D09) eller Z76.3 (rask person, ' +
    'der ledsager en syg). Tæller: indeksforløb, hvor samme patient har et akut forløb, der begynder efter ' +
    'indeksudskrivelsen og højst 30 × 24 timer efter den (præcis 720 timer tæller med), og hvis aktionsdiagnose ' +
    'hverken er en fødsel (O80–O84) eller en skade, forgiftning eller ydre årsag (kapitel S, T, V, W, X og Y). ' +
    'Hvert forløb kan både være et indeksforløb og en genindlæggelse; åbne forløb kan være genindlæggelser, men ' +
    'aldrig indeksforløb. Resultaterne opdeles efter indeksforløbet. En periode er foreløbig, og der gives en ' +
    'advarsel, når periodens sidste dag + 30 dage ligger efter indlæggelsesdataenes slutdato (--data-end, ellers ' +
    'den seneste indlæggelses- eller udskrivelsesdato). ' +
    EPISODE_NOTE_DA,
  baselines: [],
  target: null,
  needs: READMISSION_FACTS,
  dimensions: DIMENSIONS,
  count: withContactNotes(countRmReadmissions),
  // SPEC §13.2: an index discharged on the period's last day is followed for 30 days.
  followUp: {
    kind: 'after_period',
    label: say(MESSAGES.followUpReadmission),
    end: (lastDay) => lastDay + FOLLOW_UP_DAYS,
  },
  warnings: readmissionWarnings,
};

export const preventableAdmissions65: CountingIndicator<StayFacts> = {
  kind: 'counting',
  id: 'preventable-admissions-65',
  nameDa: 'Forebyggelige indlæggelser blandt ældre (65+)',
  nameEn: 'Preventable admissions among the elderly (65+)',
  aim: 'population_health',
  section: '§2.3.1',
  sources: ['admissions', 'population'],
  unit: 'per_1000',
  direction: 'lower_is_better',
  definition:
    'Numerator: acute somatic episodes with admitted_at in the period, aged 65 or over at the first ' +
    'admission, whose primary diagnosis is on the diagnosis list of the national indicator "forebyggelige akutte ' +
    'sygehusophold blandt ældre" (nine condition groups: lower respiratory infection, cystitis and urinary tract ' +
    'infection, gastroenteritis, dehydration, constipation, nutritional anaemia, social and care-related ' +
    'circumstances, pressure ulcer and fall fractures), whatever their discharge status; open episodes count by ' +
    'their admitted_at. ' +
    'Denominator: inhabitants aged 65 or over in the year the period starts; per 1,000. ' +
    EPISODE_NOTE,
  definitionDa:
    'Tæller: akutte somatiske forløb med indlæggelsestidspunkt i perioden hos patienter, der var 65 år eller ' +
    'ældre ved den første indlæggelse, og hvis aktionsdiagnose står på diagnoselisten for den nationale indikator ' +
    '"forebyggelige akutte sygehusophold blandt ældre" (ni sygdomsgrupper: nedre luftvejssygdom, ' +
    'blærebetændelse, mave-tarminfektion, dehydrering, forstoppelse, ernæringsbetinget blodmangel, sociale og ' +
    'plejemæssige forhold, tryksår og brud), uanset udskrivningsstatus; åbne forløb tælles efter ' +
    'indlæggelsestidspunktet. Nævner: indbyggere på 65 år og derover i det år, perioden begynder; pr. 1.000. ' +
    EPISODE_NOTE_DA,
  baselines: [],
  target: null,
  needs: STAY_FACTS,
  dimensions: DIMENSIONS,
  populationMinimumAge: 65,
  count: withContactNotes(countPreventable),
  reference: preventableDiagnosisReference,
};

export const acuteShortAdmissions: CountingIndicator<StayFacts> = {
  kind: 'counting',
  id: 'acute-short-admissions',
  nameDa: 'Akutte korttidsindlæggelser',
  nameEn: 'Acute short-stay admissions',
  aim: 'cost',
  section: '§2.3.1',
  sources: ['admissions', 'population'],
  unit: 'per_1000',
  direction: 'lower_is_better',
  definition:
    'Numerator: acute somatic episodes with admitted_at in the period that lasted under 24 hours ' +
    '(discharged_at − admitted_at; exactly 24 h is not short), whatever their discharge status; open ' +
    'episodes are never short. Denominator: inhabitants of all ages in the year the period starts; ' +
    'per 1,000. ' +
    EPISODE_NOTE,
  definitionDa:
    'Tæller: akutte somatiske forløb med indlæggelsestidspunkt i perioden, der varede under 24 timer (fra ' +
    'indlæggelse til udskrivelse; præcis 24 timer er ikke kort), uanset udskrivningsstatus; åbne forløb er aldrig ' +
    'korte. Nævner: indbyggere i alle aldre i det år, perioden begynder; pr. 1.000. ' +
    EPISODE_NOTE_DA,
  baselines: [],
  target: null,
  needs: STAY_FACTS,
  dimensions: DIMENSIONS,
  count: withContactNotes(countAcuteShort),
};

export const readyForDischargeDays: CountingIndicator<'stays'> = {
  kind: 'counting',
  id: 'ready-for-discharge-days',
  nameDa: 'Færdigbehandlede sengedage',
  nameEn: 'Bed days of patients ready for discharge',
  aim: 'cost',
  section: '§2.3.1',
  sources: ['admissions', 'population'],
  unit: 'per_1000',
  direction: 'lower_is_better',
  definition:
    'Numerator: over all admissions (somatic and psychiatric, not episodes) with both ' +
    'ready_for_discharge_at and discharged_at, each calendar date d with date(ready) ≤ d < ' +
    'date(discharged) is one bed day, counted in the period that contains d and grouped by the ' +
    'admission. Denominator: inhabitants of all ages in the year the period starts; per 1,000. ' +
    'Not computed when the extract has no ready_for_discharge_at column.',
  definitionDa:
    'Tæller: for alle indlæggelser (somatiske og psykiatriske, ikke forløb) med både et færdigbehandlingstidspunkt ' +
    'og en udskrivelse er hver kalenderdag fra og med færdigbehandlingsdagen til (men ikke med) udskrivelsesdagen ' +
    'én sengedag, talt i den periode, dagen ligger i, og opdelt efter indlæggelsen. Nævner: indbyggere i alle ' +
    'aldre i det år, perioden begynder; pr. 1.000. Beregnes ikke, når udtrækket ikke har kolonnen ' +
    'ready_for_discharge_at.',
  baselines: [],
  target: null,
  needs: ['stays'],
  dimensions: DIMENSIONS,
  unavailable: needsColumn('ready_for_discharge_at'),
  count: withContactNotes(countReadyDaysOf('both')),
};

export const dischargesOutsideDaytime: CountingIndicator<EpisodeFacts> = {
  kind: 'counting',
  id: 'discharges-outside-daytime',
  nameDa: 'Udskrivelser uden for dagtid',
  nameEn: 'Discharges outside daytime',
  aim: 'quality',
  section: '§4.8',
  sources: ['admissions'],
  unit: 'percent',
  direction: 'lower_is_better',
  definition:
    'Admission and discharge flow. Denominator: somatic episodes with a discharge date in the period, ' +
    'discharged alive (open episodes have no discharge). Numerator: those discharged before 08:00, at or ' +
    'after 16:00, or on a day that is not a Danish working day (Monday–Friday except public holidays). ' +
    EPISODE_NOTE,
  definitionDa:
    'Indlæggelses- og udskrivelsesflow. Nævner: somatiske forløb med udskrivelsesdato i perioden, hvor patienten ' +
    'blev udskrevet levende (åbne forløb har ingen udskrivelse). Tæller: de forløb, der blev udskrevet før kl. ' +
    '8.00, kl. 16.00 eller senere, eller på en dag, der ikke er en hverdag (mandag–fredag undtagen helligdage). ' +
    EPISODE_NOTE_DA,
  baselines: [],
  target: null,
  needs: EPISODE_FACTS,
  dimensions: DIMENSIONS,
  count: withContactNotes(countOutsideDaytime),
};

export const costPerCapita: CountingIndicator<'stays'> = {
  kind: 'counting',
  id: 'cost-per-capita',
  nameDa: 'Udgifter til indlæggelser per indbygger',
  nameEn: 'Admission costs per capita',
  aim: 'cost',
  section: '§2.1',
  sources: ['admissions', 'population'],
  unit: 'dkk_per_capita',
  direction: 'lower_is_better',
  definition:
    'Sum of cost_dkk (DRG value) of all admissions, somatic and psychiatric, discharged in the period ' +
    '(by discharge date), grouped by the admission, divided by the inhabitants of all ages in the year ' +
    'the period starts. A missing cost_dkk counts as 0 and the number of such admissions is given in the ' +
    'notes; not computed when the extract has no cost_dkk column.',
  definitionDa:
    'Summen af udgiften (cost_dkk, DRG-værdi) for alle indlæggelser, somatiske og psykiatriske, udskrevet i ' +
    'perioden (efter udskrivelsesdato), opdelt efter indlæggelsen og divideret med antallet af indbyggere i alle ' +
    'aldre i det år, perioden begynder. En manglende udgift tælles som 0, og antallet af sådanne indlæggelser står ' +
    'i noterne; beregnes ikke, når udtrækket ikke har kolonnen cost_dkk.',
  baselines: [],
  target: null,
  needs: ['stays'],
  dimensions: DIMENSIONS,
  unavailable: needsColumn('cost_dkk'),
  count: withContactNotes(countAmounts('costDkk', MISSING_COST)),
};

export const cofinancingPerCapita: CountingIndicator<'stays'> = {
  kind: 'counting',
  id: 'cofinancing-per-capita',
  nameDa: 'Kommunal medfinansiering per indbygger',
  nameEn: 'Municipal co-financing per capita',
  aim: 'cost',
  section: '§2.1',
  sources: ['admissions', 'population'],
  unit: 'dkk_per_capita',
  direction: 'lower_is_better',
  definition:
    'Sum of cofinancing_dkk (kommunal medfinansiering) of all admissions, somatic and psychiatric, ' +
    'discharged in the period (by discharge date), grouped by the admission, divided by the inhabitants ' +
    'of all ages in the year the period starts. A missing cofinancing_dkk counts as 0 and the number of ' +
    'such admissions is given in the notes; not computed when the extract has no cofinancing_dkk column.',
  definitionDa:
    'Summen af den kommunale medfinansiering (cofinancing_dkk) for alle indlæggelser, somatiske og psykiatriske, ' +
    'udskrevet i perioden (efter udskrivelsesdato), opdelt efter indlæggelsen og divideret med antallet af ' +
    'indbyggere i alle aldre i det år, perioden begynder. En manglende medfinansiering tælles som 0, og antallet af ' +
    'sådanne indlæggelser står i noterne; beregnes ikke, når udtrækket ikke har kolonnen cofinancing_dkk.',
  baselines: [],
  target: null,
  needs: ['stays'],
  dimensions: DIMENSIONS,
  unavailable: needsColumn('cofinancing_dkk'),
  count: withContactNotes(countAmounts('cofinancingDkk', MISSING_COFINANCING)),
};

/** SPEC §14.3 (national profile): the bed days of ready-for-discharge-days by each row's sector. */
function readyForDischargeDaysOf(sector: 'somatic' | 'psychiatric'): CountingIndicator<'stays'> {
  const somatic = sector === 'somatic';
  return {
    ...readyForDischargeDays,
    id: `ready-for-discharge-days-${sector}`,
    nameDa: somatic ? 'Færdigbehandlede sengedage, somatik' : 'Færdigbehandlede sengedage, psykiatri',
    nameEn: somatic ? 'Bed days of patients ready for discharge, somatic' : 'Bed days of patients ready for discharge, psychiatric',
    definition:
      `As ready-for-discharge-days, over the ${sector} admissions only: each calendar date d with date(ready) ≤ d < ` +
      'date(discharged) is one bed day, counted in the period that contains d and grouped by the admission. ' +
      'Denominator: inhabitants of all ages in the year the period starts; per 1,000. No baseline.',
    definitionDa:
      `Som færdigbehandlede sengedage, men kun for de ${somatic ? 'somatiske' : 'psykiatriske'} indlæggelser: hver kalenderdag fra ` +
      'og med færdigbehandlingsdagen til (men ikke med) udskrivelsesdagen er én sengedag, talt i den periode, dagen ligger i, ' +
      'og opdelt efter indlæggelsen. Nævner: indbyggere i alle aldre i det år, perioden begynder; pr. 1.000. Ingen udgangsværdi.',
    baselines: [],
    target: null,
    count: withContactNotes(countReadyDaysOf(sector)),
  };
}

export const readyForDischargeDaysSomatic = readyForDischargeDaysOf('somatic');
export const readyForDischargeDaysPsychiatric = readyForDischargeDaysOf('psychiatric');

export { withContactNotes };

/** SPEC §3.2 no. 1–7, in catalogue order. */
export const admissionIndicators: readonly CountingIndicator<FactName>[] = [
  readmission30d,
  preventableAdmissions65,
  acuteShortAdmissions,
  readyForDischargeDays,
  dischargesOutsideDaytime,
  costPerCapita,
  cofinancingPerCapita,
];
