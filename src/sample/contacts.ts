// Synthetic contacts.csv (SPEC §14.1): the LPR3 form of the hospital data, as `sample
// --contacts` writes it in place of admissions.csv. Each patient's hospital stays are drawn
// as for admissions.csv (patientStays: transfers, overlaps, gaps of exactly 4 h and 4 h 01,
// readmissions at 720 h, deaths, cancer, births, injuries, psychiatric and open stays), and
// each stay is then written as the contacts LPR3 registers for it:
//   - several physical contacts per stay: transfers between units, the next contact starting
//     0–4 hours after the last ended (a stay of 2–4 contacts, SPEC §14.2);
//   - short planned physical contacts of a few hours (outpatient visits in LPR3's terms: a
//     stay under 12 hours, not an admission), and short acute ones (the emergency room);
//   - home (ALCA10, udekontakt) and virtual (ALCA20) contacts, which form no stay;
//   - a hospice contact after the last stay of some patients who die, the death registered there;
//   - secondary diagnoses on a third of the contacts, written with `|`, ` | ` or spaces between;
//   - psychiatric contacts (the patients of patientStays who are psychiatric);
//   - contacts still open at the end of the data (end_at empty);
//   - ready-for-discharge times, on the stay's last contact and within it.
// About 2.5 contacts per stay (1,000,000 contacts ≈ 400,000 stays at scale 200, SPEC §16).
//
// Every row satisfies SPEC §14.1: end_at ≥ start_at, the ready time within its own contact,
// contact_id unique. A patient's contacts are written in start order, patients one after
// another.

import type { WallSeconds } from '../calc/time.js';
import { isWorkingDay } from '../calc/working-days.js';
import { CANCER, GENERAL_ACUTE, GENERAL_PLANNED, patientStays, PSYCHIATRIC, type Stay, writtenDiagnosis } from './admissions.js';
import { ADMISSIONS_END, ADMISSIONS_END_AT, ageOn, DATA_START, DAY, HOUR, isoMinute, MINUTE } from './calendar.js';
import { personOf, type Person } from './people.js';
import { deriveSeed, Random } from './random.js';

export const CONTACT_COLUMNS = [
  'contact_id',
  'patient_id',
  'start_at',
  'end_at',
  'contact_type',
  'priority',
  'action_diagnosis',
  'secondary_diagnoses',
  'sector',
  'unit_type',
  'municipality_code',
  'age',
  'sex',
  'education',
  'cost_dkk',
  'cofinancing_dkk',
  'ready_for_discharge_at',
  'end_status',
] as const;

/** What the contacts pass tells the passes after it (as AdmissionStats). */
export interface ContactStats {
  rows: number;
  /** Patients P0000001 … P{patients} have contacts (referrals reuse some of them). */
  patients: number;
}

const SALT_CONTACTS = 107;

type Kind = 'physical' | 'home' | 'virtual';

/** One contact before it is written. */
interface Contact {
  start: WallSeconds;
  end: WallSeconds | null;
  kind: Kind;
  acute: boolean;
  diagnosis: string;
  secondary: string[];
  psychiatric: boolean;
  hospice: boolean;
  ready: WallSeconds | null;
  died: boolean;
}

/** Secondary diagnoses: chronic conditions mostly, now and then cancer or a psychiatric code
 *  (which the national readmission rule reads among a stay's diagnoses, SPEC §14.3). */
const SECONDARY = ['I10', 'E119', 'E109', 'J449', 'I489', 'I500', 'N183', 'E039', 'Z921', 'Z951', 'M199', 'E785', 'F329', 'C189', 'Z763'] as const;
const FOLLOW_UP = ['Z098', 'Z091', 'Z515', 'Z039', 'I10', 'E119', 'J449', 'I500', 'Z767'] as const;
const EMERGENCY = ['R074', 'R104', 'S610', 'S934', 'T148', 'R55', 'J069', 'S060', 'R509'] as const;
const PSYCHIATRIC_OUTPATIENT = ['F329', 'F431', 'F900', 'F840', 'F200', 'F603'] as const;

function secondaries(random: Random, psychiatric: boolean): string[] {
  if (!random.chance(psychiatric ? 0.2 : 0.35)) return [];
  const n = random.int(1, 3);
  const codes: string[] = [];
  for (let i = 0; i < n; i++) codes.push(random.pick(SECONDARY));
  return codes;
}

/** The secondary diagnoses as written: SKS or plain codes, with `|`, ` | ` or a space between
 *  (SPEC §14.1: any run of `|` and spaces separates them). */
function writtenList(codes: readonly string[], random: Random): string {
  if (codes.length === 0) return '';
  const x = random.next();
  const sep = x < 0.7 ? '|' : x < 0.9 ? ' | ' : ' ';
  return codes.map((c) => writtenDiagnosis(c, random)).join(sep);
}

/** Splits a stay into its physical contacts: transfers between units (the next contact
 *  starting 0–4 h after the last ended), the last one ending when the stay does. */
function stayContacts(stay: Stay, random: Random): Contact[] {
  const { admittedAt, dischargedAt, acute, psychiatric } = stay;
  const base = (start: WallSeconds, end: WallSeconds | null, first: boolean): Contact => ({
    start,
    end,
    kind: 'physical',
    acute: first ? acute : random.chance(0.3) && acute,
    diagnosis: first || random.chance(0.65) ? stay.diagnosis : psychiatric ? random.pick(PSYCHIATRIC) : random.pick(GENERAL_ACUTE),
    secondary: secondaries(random, psychiatric),
    psychiatric,
    hospice: false,
    ready: null,
    died: false,
  });
  // Open stays and stays under 6 h are one contact; longer ones one to four.
  const end = dischargedAt ?? Math.min(ADMISSIONS_END_AT, admittedAt + 3 * DAY);
  const length = end - admittedAt;
  const x = random.next();
  const parts = length < 6 * HOUR ? 1 : x < 0.15 ? 1 : x < 0.55 ? 2 : x < 0.85 ? 3 : 4;
  const contacts: Contact[] = [];
  let start = admittedAt;
  for (let i = 1; i < parts; i++) {
    // The cut is somewhere in the remaining time, leaving at least an hour for each contact after it.
    const room = end - start - (parts - i) * HOUR;
    if (room < HOUR) break;
    const cut = start + random.int(1, Math.floor(room / MINUTE)) * MINUTE;
    contacts.push(base(start, cut, i === 1));
    // The next unit takes the patient at once, or up to 4 h later (a transfer, SPEC §14.2).
    const gap = random.chance(0.6) ? 0 : random.chance(0.9) ? random.int(1, 239) * MINUTE : 4 * HOUR;
    start = Math.min(cut + gap, end - HOUR);
    if (start < cut) start = cut;
  }
  const last = base(start, dischargedAt, contacts.length === 0);
  contacts.push(last);
  // The death and the ready time belong to the last contact; the ready time within it.
  last.died = stay.died;
  if (stay.readyAt !== null && dischargedAt !== null) last.ready = Math.max(stay.readyAt, last.start);
  return contacts;
}

/** A planned morning on a working day at or after `day`. */
function workingDayAt(day: number, random: Random, fromHour: number, toHour: number): WallSeconds {
  while (!isWorkingDay(day)) day += 1;
  return day * DAY + random.int(fromHour * 60, toHour * 60) * MINUTE;
}

/** Short contacts beside the stays: outpatient visits (planned, 1–4 h), the emergency room
 *  (acute, 1–5 h), home and virtual contacts (planned, 15–60 min). None overlaps a stay or
 *  lies within 4 h of one, so each visit is a stay of its own. */
function shortContacts(random: Random, stays: readonly Stay[], psychiatricPatient: boolean, firstDay: number, lastDay: number): Contact[] {
  const out: Contact[] = [];
  const n = Math.floor(random.exponential(2.2));
  const clear = (start: WallSeconds, end: WallSeconds) =>
    stays.every((s) => end + 4 * HOUR < s.admittedAt || (s.dischargedAt !== null && start > s.dischargedAt + 4 * HOUR)) &&
    out.every((c) => c.kind !== 'physical' || end + 4 * HOUR < c.start || start > (c.end ?? 0) + 4 * HOUR);
  for (let i = 0; i < n; i++) {
    if (lastDay < firstDay) break;
    const day = random.int(firstDay, lastDay);
    const kind: Kind = random.chance(0.4) ? 'physical' : random.chance(0.45) ? 'home' : 'virtual';
    const acute = kind === 'physical' && random.chance(0.25);
    const start = acute ? day * DAY + random.int(0, 24 * 60 - 1) * MINUTE : workingDayAt(day, random, 8, 15);
    const minutes = kind !== 'physical' ? random.int(15, 60) : acute ? random.int(60, 300) : random.int(60, 240);
    const end = start + minutes * MINUTE;
    if (end > ADMISSIONS_END_AT) continue;
    if (kind === 'physical' && !clear(start, end)) continue;
    const psychiatric = psychiatricPatient && random.chance(0.7);
    const diagnosis = psychiatric ? random.pick(PSYCHIATRIC_OUTPATIENT) : acute ? random.pick(EMERGENCY) : random.chance(0.3) ? random.pick(GENERAL_PLANNED) : random.pick(FOLLOW_UP);
    out.push({ start, end, kind, acute, diagnosis, secondary: secondaries(random, psychiatric), psychiatric, hospice: false, ready: null, died: false });
  }
  return out;
}

/** A hospice contact after the patient's last stay: transferred 0–4 h after its end, dying
 *  there after days or weeks (or still there at the end of the data). The death moves from
 *  the stay's last contact to the hospice contact. */
function hospiceContact(random: Random, last: Contact): Contact | null {
  if (last.end === null) return null;
  const start = last.end + random.int(0, 240) * MINUTE;
  if (start > ADMISSIONS_END_AT - HOUR) return null;
  const days = 1 + Math.floor(random.exponential(12));
  let end: WallSeconds | null = start + days * DAY + random.int(0, 23 * 60) * MINUTE;
  if (end > ADMISSIONS_END_AT) end = null;
  last.died = false;
  return {
    start,
    end,
    kind: 'physical',
    acute: false,
    diagnosis: random.chance(0.8) ? random.pick(CANCER) : 'I500',
    secondary: secondaries(random, false),
    psychiatric: false,
    hospice: true,
    ready: null,
    died: end !== null,
  };
}

function money(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Costs of a contact: by its length and kind (open contacts are not yet grouped). */
function costs(random: Random, c: Contact): [string, string] {
  if (c.end === null) return ['', ''];
  const days = (c.end - c.start) / DAY;
  let cost: number;
  if (c.kind !== 'physical') cost = Math.round(400 * Math.exp(0.3 * random.normal()));
  else if (c.hospice) cost = Math.round(2500 * Math.max(1, days));
  else if (c.psychiatric) cost = Math.round(3000 * Math.max(0.3, days) * Math.exp(0.25 * random.normal()));
  else cost = Math.round((c.acute ? 3000 + 4500 * days : 2500 + 3500 * days) * Math.exp(0.4 * random.normal()));
  const cofinancing = Math.min(Math.round(cost * (c.psychiatric ? 25 : 34)) / 100, c.psychiatric ? 20_000 : 14_000);
  return [random.chance(0.015) ? '' : money(cost), random.chance(0.025) ? '' : money(cofinancing)];
}

const TYPE_CODES: Record<Kind, string> = { physical: 'ALCA00', home: 'ALCA10', virtual: 'ALCA20' };

/** One patient's contacts, in start order (ties: physical contacts of a stay in order). */
export function patientContacts(person: Person, random: Random): Contact[] {
  const stays = patientStays(person, random);
  const psychiatricPatient = stays.some((s) => s.psychiatric);
  const contacts: Contact[] = [];
  for (const stay of stays) contacts.push(...stayContacts(stay, random));
  const last = contacts[contacts.length - 1];
  if (last !== undefined && last.died && random.chance(0.35)) {
    const hospice = hospiceContact(random, last);
    if (hospice !== null) contacts.push(hospice);
  }
  // Nothing follows a death; visits come before it.
  const died = stays.find((s) => s.died);
  const lastDay = died?.dischargedAt != null ? Math.floor(died.dischargedAt / DAY) - 1 : ADMISSIONS_END;
  // Nor does anything come before birth.
  const firstDay = Math.max(DATA_START, person.born);
  if (stays.length > 0 || random.chance(0.5)) contacts.push(...shortContacts(random, stays, psychiatricPatient, firstDay, lastDay));
  contacts.sort((a, b) => a.start - b.start);
  return contacts;
}

/**
 * Yields exactly `target` contact rows (the last patient may be cut short); `stats` is
 * filled in as it goes.
 */
export function* contactRows(seed: number, target: number, stats: ContactStats): Generator<string[]> {
  stats.rows = 0;
  stats.patients = 0;
  for (let k = 1; stats.rows < target; k++) {
    const person = personOf(seed, k, 'patient');
    const random = new Random(deriveSeed(seed, SALT_CONTACTS, k));
    const contacts = patientContacts(person, random);
    stats.patients = k;
    // One coding per patient's hospital system: canonical words mostly, LPR3 codes for some.
    const codes = random.chance(0.2);
    for (const c of contacts) {
      if (stats.rows >= target) break;
      stats.rows += 1;
      const [cost, cofinancing] = costs(random, c);
      const status = c.end === null ? '' : c.died ? (random.chance(0.2) ? 'død' : 'died') : random.chance(0.05) ? '' : 'alive';
      const sector = c.psychiatric ? 'psychiatric' : random.chance(0.02) ? '' : 'somatic';
      const unit = c.hospice ? 'hospice' : random.chance(0.1) ? '' : 'hospital';
      yield [
        'C' + String(stats.rows).padStart(8, '0'),
        person.id,
        isoMinute(c.start),
        c.end === null ? '' : isoMinute(c.end),
        codes ? TYPE_CODES[c.kind] : c.kind,
        codes ? (c.acute ? 'ATA1' : 'ATA3') : c.acute ? 'acute' : 'planned',
        writtenDiagnosis(c.diagnosis, random),
        writtenList(c.secondary, random),
        sector,
        unit,
        person.municipality,
        String(ageOn(person.born, Math.floor(c.start / DAY))),
        person.sex,
        person.education ?? '',
        cost,
        cofinancing,
        c.ready === null ? '' : isoMinute(c.ready),
        status,
      ];
    }
  }
}

