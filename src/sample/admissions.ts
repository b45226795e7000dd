// Synthetic admissions.csv (SPEC §2.2), generated patient by patient: each patient's stays in
// time order, related to one another the way the indicator rules care about (SPEC §3.1,
// §3.2 no. 1–7): transfers and overlaps that chain into episodes, gaps of exactly 4 h and
// 4 h 01, readmissions within and beyond 30 days (exactly 720 h and 720 h + 1 min now and
// then), deaths, cancer and Z76.3 index diagnoses, injury and birth readmissions, planned and
// psychiatric stays, open stays at the end of the data, ready-for-discharge dates, discharges
// at night, at 15:59/16:00, on weekends and public holidays.
//
// Every row satisfies SPEC §2.2: discharged_at ≥ admitted_at, admitted_at ≤
// ready_for_discharge_at ≤ discharged_at, admission_id unique. Rows are sorted by admitted_at
// within a patient and patients follow one another by id (file order is not time order).

import { isWorkingDay } from '../calc/working-days.js';
import type { WallSeconds } from '../calc/time.js';
import { ADMISSIONS_END, ADMISSIONS_END_AT, ageOn, DATA_START, DAY, HOUR, isoMinute, MINUTE } from './calendar.js';
import { personOf, type Person } from './people.js';
import { deriveSeed, Random, Weighted } from './random.js';

export const ADMISSION_COLUMNS = [
  'admission_id',
  'patient_id',
  'admitted_at',
  'discharged_at',
  'admission_type',
  'primary_diagnosis',
  'sector',
  'municipality_code',
  'age',
  'sex',
  'education',
  'cost_dkk',
  'cofinancing_dkk',
  'ready_for_discharge_at',
  'discharge_status',
] as const;

/** What the admissions pass tells the passes after it. */
export interface AdmissionStats {
  rows: number;
  /** Patients P0000001 … P{patients} have admissions (referrals reuse some of them). */
  patients: number;
}

const SALT_ADMISSIONS = 101;
const MAX_STAYS_PER_PATIENT = 15;
/** How long before the data a patient's history may begin (see patientStays). */
const WARM_UP_DAYS = 730;

// --- Diagnoses (normalised ICD-10; the SKS "D" prefix is added when written) -------------

/** SPEC §3.3: the nine condition groups of preventable admissions among the elderly. */
export const PREVENTABLE_DIAGNOSES = [
  'J189', 'J180', 'J181', 'J159', 'J129', 'J13', 'J14', 'J168', 'J209', 'J210', 'J219', 'J22',
  'N309', 'N300', 'N390', 'A090', 'A099', 'A049', 'A084', 'A059', 'E869', 'K590',
  'D509', 'D510', 'D519', 'D529', 'D539', 'Z598', 'Z740', 'Z741', 'Z750', 'Z751',
  'L899', 'L891', 'S320', 'S324', 'S422', 'S423', 'S525', 'S526', 'S720', 'S721', 'S722',
] as const;
/** Codes next to the §3.3 list that are NOT on it (J10/J11 influenza, J40, N391, K591, D55, E87, S62 …). */
export const NEAR_MISS_DIAGNOSES = [
  'J100', 'J110', 'J118', 'J40', 'J449', 'J960', 'N391', 'N398', 'K591', 'K592', 'D55', 'D649',
  'E870', 'E876', 'Z760', 'Z730', 'L97', 'S620', 'S820', 'S22', 'A150',
] as const;
export const GENERAL_ACUTE = [
  'I219', 'I214', 'I500', 'I509', 'I489', 'I639', 'I269', 'R074', 'R104', 'R069', 'R509', 'R55',
  'K359', 'K800', 'K850', 'K922', 'E119', 'E101', 'G409', 'N179', 'M545', 'R429', 'I10', 'J441',
  'K566', 'Z038',
] as const;
export const GENERAL_PLANNED = [
  'M161', 'M171', 'H251', 'K409', 'I251', 'N400', 'M751', 'K802', 'Z515', 'Z098', 'C500', 'C189',
  'C619', 'I480',
] as const;
const CHILD_ACUTE = ['J069', 'A099', 'R509', 'S525', 'K359', 'J209', 'J189', 'E109', 'R104', 'S060'] as const;
/** SPEC §3.2 no. 1: cancer (C00–C99, D00–D09) is never an index episode. */
export const CANCER = ['C189', 'C209', 'C349', 'C509', 'C619', 'C679', 'C859', 'C921', 'D059', 'D069', 'D090'] as const;
/** Chapters S, T, V, W, X, Y: never a readmission. */
const INJURY = [
  'S060', 'S526', 'S720', 'S822', 'S420', 'T029', 'T148', 'T424', 'T510', 'S610', 'T784', 'S934',
  'W199', 'X600', 'Y069', 'V892',
] as const;
/** O80–O84 births are never a readmission; O47/O60 (not births) are. */
const BIRTH = ['O800', 'O809', 'O810', 'O820', 'O829', 'O839', 'O840'] as const;
const PREGNANCY_NOT_BIRTH = ['O470', 'O600'] as const;
export const PSYCHIATRIC = ['F200', 'F209', 'F322', 'F329', 'F331', 'F102', 'F431', 'F603', 'F311', 'F250', 'F430'] as const;
const CHILD_PSYCHIATRIC = ['F900', 'F840', 'F500', 'F322', 'F430'] as const;

/** Written forms: SKS with the leading D (DJ189, DD509), plain (J189), now and then dotted (J18.9). */
export function writtenDiagnosis(code: string, random: Random): string {
  const x = random.next();
  if (x < 0.55) return 'D' + code;
  if (x < 0.58 && code.length > 3) return code.slice(0, 3) + '.' + code.slice(3);
  return code;
}

// --- How one stay follows the previous ones --------------------------------------------

type Relation =
  | 'transfer' // starts 0–3 h 59 after the latest discharge: the same episode
  | 'gap-4h' // exactly 4 h 00: still a transfer (SPEC §3.1 "no later than 4 hours")
  | 'gap-4h01' // 4 h 01: a new episode
  | 'overlap' // starts before the latest discharge
  | 'readmission' // 4 h 01 … 719 h 59
  | 'at-720h' // exactly 30 × 24 h: still a readmission
  | 'after-720h' // 720 h + 1 min: not any more
  | 'later'; // more than 30 days later

const relations = new Weighted<Relation>([
  ['transfer', 14],
  ['gap-4h', 1.5],
  ['gap-4h01', 1],
  ['overlap', 3],
  ['readmission', 28],
  ['at-720h', 1],
  ['after-720h', 0.7],
  ['later', 50],
]);

/** Acute admissions arrive around the clock, most in the day (hour → weight). */
const acuteHours = new Weighted<number>(
  Array.from({ length: 24 }, (_, h) => [h, h < 7 ? 1 : h === 7 || h === 23 ? 2 : h < 18 ? 5 : 3] as const),
);

/** Minute of the day of a discharge: mostly daytime, some evening and night, and the 08:00/16:00 edges. */
const dischargeMinutes = new Weighted<'day' | 'morning' | 'evening' | 'night' | number>([
  ['day', 62], // 10:00–15:58
  ['morning', 8], // 08:00–09:59
  ['evening', 14], // 16:01–21:59
  ['night', 8], // 22:00–07:58
  [15 * 60 + 59, 2], // 15:59: still daytime
  [16 * 60, 3], // 16:00: outside daytime
  [7 * 60 + 59, 1], // 07:59: outside daytime
  [8 * 60, 1], // 08:00: daytime
]);

function dischargeMinuteOfDay(random: Random): number {
  const kind = dischargeMinutes.draw(random);
  switch (kind) {
    case 'day':
      return random.int(10 * 60, 15 * 60 + 58);
    case 'morning':
      return random.int(8 * 60, 9 * 60 + 59);
    case 'evening':
      return random.int(16 * 60 + 1, 21 * 60 + 59);
    case 'night': {
      const m = random.int(0, 10 * 60 - 2); // 10 hours minus the 07:59 edge
      return m < 2 * 60 ? 22 * 60 + m : m - 2 * 60;
    }
    default:
      return kind;
  }
}

/** A planned admission: the first working-day morning (07–11) at or after `notBefore`. */
function plannedStart(notBefore: WallSeconds, random: Random): WallSeconds {
  let day = Math.floor(notBefore / DAY);
  const minute = random.int(7 * 60, 11 * 60);
  if (day * DAY + minute * MINUTE < notBefore) day += 1;
  while (!isWorkingDay(day)) day += 1;
  return day * DAY + minute * MINUTE;
}

function acuteStart(day: number, random: Random): WallSeconds {
  return day * DAY + acuteHours.draw(random) * HOUR + random.int(0, 59) * MINUTE;
}

export interface Stay {
  admittedAt: WallSeconds;
  dischargedAt: WallSeconds | null;
  acute: boolean;
  diagnosis: string;
  psychiatric: boolean;
  age: number;
  readyAt: WallSeconds | null;
  died: boolean;
}

function pickDiagnosis(
  random: Random,
  person: Person,
  age: number,
  acute: boolean,
  psychiatric: boolean,
  relation: Relation | 'first',
  previous: string | null,
): string {
  if (psychiatric) return random.pick(age < 18 ? CHILD_PSYCHIATRIC : PSYCHIATRIC);
  const continuing = relation === 'transfer' || relation === 'gap-4h' || relation === 'overlap';
  if (continuing && previous !== null && !previous.startsWith('F') && random.chance(0.6)) return previous;
  if (person.sex === 'F' && age >= 18 && age <= 44 && random.chance(0.15)) {
    return random.chance(0.12) ? random.pick(PREGNANCY_NOT_BIRTH) : random.pick(BIRTH);
  }
  if (relation !== 'first' && !continuing && random.chance(0.1)) return random.pick(INJURY);
  if (age >= 18 && age <= 60 && random.chance(0.01)) return 'Z763';
  if (age >= 40 && random.chance(0.07)) return random.pick(CANCER);
  if (!acute) return random.chance(0.05) ? random.pick(PREVENTABLE_DIAGNOSES) : random.pick(GENERAL_PLANNED);
  if (age < 18) return random.pick(CHILD_ACUTE);
  const x = random.next();
  if (age >= 65) {
    if (x < 0.35) return random.pick(PREVENTABLE_DIAGNOSES);
    if (x < 0.41) return random.pick(NEAR_MISS_DIAGNOSES);
    if (x < 0.48) return random.pick(INJURY);
    return random.pick(GENERAL_ACUTE);
  }
  if (x < 0.05) return random.pick(PREVENTABLE_DIAGNOSES);
  if (x < 0.09) return random.pick(NEAR_MISS_DIAGNOSES);
  if (x < 0.17) return random.pick(INJURY);
  return random.pick(GENERAL_ACUTE);
}

/** The discharge of a stay, or null when it would lie after the end of the data (still admitted). */
function pickDischarge(
  random: Random,
  admittedAt: WallSeconds,
  acute: boolean,
  psychiatric: boolean,
  age: number,
  diagnosis: string,
): WallSeconds | null {
  let at: WallSeconds;
  const admitDay = Math.floor(admittedAt / DAY);
  const birth = diagnosis.startsWith('O8');
  const shortShare = psychiatric ? 0.1 : birth ? 0.3 : acute ? 0.28 : 0.3;
  if (random.chance(0.01)) {
    at = admittedAt + 24 * HOUR; // exactly 24 h: not a short admission
  } else if (random.chance(shortShare)) {
    at = admittedAt + random.int(acute ? 60 : 120, 24 * 60 - 1) * MINUTE;
  } else {
    const mean = psychiatric ? 20 : birth ? 1.5 : acute ? (age >= 75 ? 5.5 : 3.5) : 2.5;
    const days = 1 + Math.min(Math.floor(random.exponential(mean)), psychiatric ? 200 : 60);
    at = (admitDay + days) * DAY + dischargeMinuteOfDay(random) * MINUTE;
  }
  // Stays that end after the extract was taken are still open; and now and then a stay
  // near the end is open although it would have ended just inside the data.
  if (at > ADMISSIONS_END_AT) return null;
  if (admitDay >= ADMISSIONS_END - 20 && random.chance(0.15)) return null;
  return at;
}

function pickReady(random: Random, stay: Stay): WallSeconds | null {
  if (stay.dischargedAt === null) return null;
  const length = stay.dischargedAt - stay.admittedAt;
  const p = stay.psychiatric ? (length >= 10 * DAY ? 0.2 : 0.01) : length >= 3 * DAY && stay.age >= 65 ? 0.25 : 0.02;
  if (!random.chance(p)) return null;
  if (random.chance(0.03)) return stay.dischargedAt; // ready at discharge: no bed day
  const waited = random.int(1, Math.min(14, Math.max(1, Math.floor(length / DAY) - 1))) * DAY - random.int(0, 600) * MINUTE;
  return Math.max(stay.admittedAt, stay.dischargedAt - waited);
}

function deathRisk(age: number): number {
  return age < 50 ? 0.001 : 0.004 + (age - 50) * 0.0012;
}

/** One patient's stays, in admitted_at order. */
export function patientStays(person: Person, random: Random): Stay[] {
  const stays: Stay[] = [];
  const referenceAge = ageOn(person.born, Math.max(DATA_START - WARM_UP_DAYS, person.born));
  const psychiatricPatient = referenceAge >= 10 && referenceAge <= 75 && random.chance(0.07);
  const carryOn = psychiatricPatient ? 0.55 : referenceAge >= 65 ? 0.6 : 0.42;
  let latestDischarge: WallSeconds = 0;
  let previousStart: WallSeconds = 0;
  let previousDiagnosis: string | null = null;

  for (let i = 0; i < MAX_STAYS_PER_PATIENT; i++) {
    if (i > 0 && !random.chance(carryOn)) break;
    const relation: Relation | 'first' = i === 0 ? 'first' : relations.draw(random);
    const psychiatric = psychiatricPatient ? random.chance(0.85) : random.chance(0.01);
    let acute: boolean;
    let admittedAt: WallSeconds;
    switch (relation) {
      case 'first': {
        acute = random.chance(0.7);
        // Patients' histories start before the data do (stays before 2015 are drawn and
        // left out), so 2015 is as busy as 2016 and 2017. Babies are not admitted before birth.
        const day = random.int(Math.max(DATA_START - WARM_UP_DAYS, person.born), ADMISSIONS_END);
        admittedAt = acute ? acuteStart(day, random) : plannedStart(day * DAY, random);
        break;
      }
      case 'transfer':
        acute = random.chance(0.75);
        admittedAt = latestDischarge + (random.chance(0.7) ? random.int(0, 60) : random.int(61, 239)) * MINUTE;
        break;
      case 'gap-4h':
        acute = true;
        admittedAt = latestDischarge + 4 * HOUR;
        break;
      case 'gap-4h01':
        acute = true;
        admittedAt = latestDischarge + 4 * HOUR + MINUTE;
        break;
      case 'overlap': {
        acute = random.chance(0.75);
        const room = Math.floor((latestDischarge - previousStart) / MINUTE);
        admittedAt = room >= 2 ? previousStart + random.int(1, room - 1) * MINUTE : latestDischarge;
        break;
      }
      case 'readmission': {
        acute = random.chance(0.8);
        let gap = 241 + Math.floor(random.exponential(7 * 24 * 60));
        if (gap >= 720 * 60) gap = random.int(241, 720 * 60 - 1);
        admittedAt = latestDischarge + gap * MINUTE;
        if (!acute) admittedAt = plannedStart(admittedAt, random);
        break;
      }
      case 'at-720h':
        acute = true;
        admittedAt = latestDischarge + 720 * HOUR;
        break;
      case 'after-720h':
        acute = true;
        admittedAt = latestDischarge + 720 * HOUR + MINUTE;
        break;
      case 'later': {
        acute = random.chance(0.65);
        admittedAt = latestDischarge + (720 * 60 + 1 + Math.floor(random.exponential(150 * 24 * 60))) * MINUTE;
        if (!acute) admittedAt = plannedStart(admittedAt, random);
        break;
      }
    }
    if (admittedAt > ADMISSIONS_END_AT) break;
    const day = Math.floor(admittedAt / DAY);
    const age = ageOn(person.born, day);
    const diagnosis = pickDiagnosis(random, person, age, acute, psychiatric, relation, previousDiagnosis);
    const dischargedAt = pickDischarge(random, admittedAt, acute, psychiatric, age, diagnosis);
    const died = dischargedAt !== null && random.chance(deathRisk(age));
    const stay: Stay = { admittedAt, dischargedAt, acute, diagnosis, psychiatric, age, readyAt: null, died };
    stay.readyAt = pickReady(random, stay);
    if (admittedAt >= DATA_START * DAY) stays.push(stay);
    // Nothing follows a death or a stay that is still open.
    if (dischargedAt === null || died) break;
    latestDischarge = Math.max(latestDischarge, dischargedAt);
    previousStart = admittedAt;
    previousDiagnosis = diagnosis;
  }
  return stays;
}

function money(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function costs(random: Random, stay: Stay): [string, string] {
  if (stay.dischargedAt === null) return ['', '']; // not yet DRG-grouped
  const days = (stay.dischargedAt - stay.admittedAt) / DAY;
  let cost: number;
  let cofinancing: number;
  if (stay.psychiatric) {
    cost = Math.round(3000 * Math.max(1, days) * Math.exp(0.25 * random.normal()));
    cofinancing = Math.min(Math.round(cost * 25) / 100, 20_000);
  } else {
    const base = stay.acute ? 6000 + 4500 * days : 15_000 + 3500 * days;
    cost = Math.round(base * Math.exp((stay.acute ? 0.4 : 0.5) * random.normal()));
    cofinancing = Math.min(Math.round(cost * 34) / 100, 14_000);
  }
  return [random.chance(0.015) ? '' : money(cost), random.chance(0.025) ? '' : money(cofinancing)];
}

/**
 * Yields exactly `target` admission rows (the last patient may be cut short); `stats` is
 * filled in as it goes.
 */
export function* admissionRows(seed: number, target: number, stats: AdmissionStats): Generator<string[]> {
  stats.rows = 0;
  stats.patients = 0;
  for (let k = 1; stats.rows < target; k++) {
    const person = personOf(seed, k, 'patient');
    const random = new Random(deriveSeed(seed, SALT_ADMISSIONS, k));
    const stays = patientStays(person, random);
    stats.patients = k;
    for (const stay of stays) {
      if (stats.rows >= target) break;
      stats.rows += 1;
      const [cost, cofinancing] = costs(random, stay);
      const status = stay.dischargedAt === null ? '' : stay.died ? 'died' : random.chance(0.05) ? '' : 'alive';
      const sector = stay.psychiatric ? 'psychiatric' : random.chance(0.02) ? '' : 'somatic';
      yield [
        'A' + String(stats.rows).padStart(7, '0'),
        person.id,
        isoMinute(stay.admittedAt),
        stay.dischargedAt === null ? '' : isoMinute(stay.dischargedAt),
        stay.acute ? 'acute' : 'planned',
        writtenDiagnosis(stay.diagnosis, random),
        sector,
        person.municipality,
        String(stay.age),
        person.sex,
        person.education ?? '',
        cost,
        cofinancing,
        stay.readyAt === null ? '' : isoMinute(stay.readyAt),
        status,
      ];
    }
  }
}
