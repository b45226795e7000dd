// Synthetic referrals.csv (SPEC §2.3): every sender and offer, rehabilitation plans received
// on every day of the week (SPEC §3.2 no. 9 counts working days from the receipt day), contact
// 0–8 days after receipt (some never), start deadlines met and missed (no. 10), and vulnerable
// pregnancies with a due date and a team date around gestational week 24, some at exactly
// 167 and 168 days (no. 11). A share of the referrals are for patients who also have
// admissions (the same patient ids, municipality, sex and birth date).
//
// Ordering rules kept: received_at ≥ referred_at, contacted_at ≥ received_at, started_at ≥
// received_at; no date lies after the end of the data (what has not happened yet is missing).

import { dayNumber, type DayNumber } from '../calc/time.js';
import { PREVENTION_OFFER, type Offer, type Sender } from '../domain/vocabulary.js';
import { ageOn, DATA_END, DATA_START, isoDay } from './calendar.js';
import { personOf, type Person } from './people.js';
import { deriveSeed, Random, Weighted } from './random.js';

export const REFERRAL_COLUMNS = [
  'referral_id',
  'patient_id',
  'referred_at',
  'sender',
  'offer',
  'municipality_code',
  'received_at',
  'contacted_at',
  'started_at',
  'start_due_by',
  'expected_delivery_date',
  'team_joined_at',
  'age',
  'sex',
  'education',
] as const;

/** SPEC §3.2 no. 8: the prevention offers (KRAM factors and patient education). */
export const PREVENTION_OFFERS: readonly Offer[] = PREVENTION_OFFER.values;

export interface ReferralStats {
  rows: number;
  /** Referrals that prevention-referrals counts in 2015 (sender gp/hospital/psychiatry, a prevention offer). */
  prevention2015: number;
}

const SALT_REFERRALS = 202;

const offers = new Weighted<Offer>([
  ['rehabilitation', 34],
  ['smoking_cessation', 9],
  ['alcohol', 4],
  ['weight', 6],
  ['physical_activity', 7],
  ['diet', 4],
  ['chronic_disease', 12],
  ['mental_health', 6],
  ['vulnerable_pregnancy', 8],
  ['other', 10],
]);

const sendersFor = {
  rehabilitation: new Weighted<Sender>([
    ['hospital', 88],
    ['gp', 8],
    ['other', 4],
  ]),
  prevention: new Weighted<Sender>([
    ['gp', 50],
    ['hospital', 28],
    ['psychiatry', 6],
    ['self', 11],
    ['other', 5],
  ]),
  mental: new Weighted<Sender>([
    ['gp', 45],
    ['psychiatry', 25],
    ['hospital', 10],
    ['self', 15],
    ['other', 5],
  ]),
  pregnancy: new Weighted<Sender>([
    ['gp', 55],
    ['hospital', 30],
    ['other', 15],
  ]),
  other: new Weighted<Sender>([
    ['gp', 30],
    ['hospital', 30],
    ['self', 20],
    ['other', 20],
  ]),
};

/** Referrals grow a little each year (the agreement's goal), so 2016 and 2017 beat 2015. */
const referralYears = new Weighted<number>([
  [2015, 29],
  [2016, 33],
  [2017, 38],
]);

/** Days from receipt to first contact: mostly 0–4, some up to 8 (so some miss 3 working days). */
const contactDelay = new Weighted<number>([
  [0, 10],
  [1, 25],
  [2, 20],
  [3, 15],
  [4, 10],
  [5, 7],
  [6, 6],
  [7, 4],
  [8, 3],
]);

function dayInYear(random: Random, year: number): DayNumber {
  const first = dayNumber(year, 1, 1)!;
  const last = dayNumber(year, 12, 31)!;
  return random.int(first, last);
}

/** A date that has not happened by the end of the data is not known yet. */
function known(day: DayNumber | null): string {
  return day === null || day > DATA_END ? '' : isoDay(day);
}

interface Dates {
  referred: DayNumber;
  received: DayNumber | null;
  contacted: DayNumber | null;
  started: DayNumber | null;
  dueBy: DayNumber | null;
  delivery: DayNumber | null;
  teamJoined: DayNumber | null;
}

function receiptAndContact(random: Random, referred: DayNumber, rehabilitation: boolean): Pick<Dates, 'received' | 'contacted'> {
  // Rehabilitation plans go electronically on the day of discharge, weekends included.
  const lag = rehabilitation
    ? random.chance(0.75)
      ? 0
      : random.chance(0.8)
        ? 1
        : random.int(2, 3)
    : random.int(0, 5);
  const received = random.chance(rehabilitation ? 0.02 : 0.05) ? null : referred + lag;
  const contacted = received === null || random.chance(0.07) ? null : received + contactDelay.draw(random);
  return { received, contacted };
}

function rehabilitationDates(random: Random, referred: DayNumber): Dates {
  const { received, contacted } = receiptAndContact(random, referred, true);
  const from = received ?? referred;
  // Start deadline of the plan: usually 1–2 weeks, for some up to 4 weeks.
  const dueBy = random.chance(0.08) ? null : from + (random.chance(0.7) ? random.int(7, 14) : random.int(15, 28));
  let started: DayNumber | null = null;
  if (!random.chance(0.08)) {
    const target = dueBy ?? from + 14;
    started = Math.max(contacted ?? from, target + Math.round(random.normal() * 4 - 1));
  }
  return { referred, received, contacted, started, dueBy, delivery: null, teamJoined: null };
}

function preventionDates(random: Random, referred: DayNumber): Dates {
  const { received, contacted } = receiptAndContact(random, referred, false);
  const started = contacted === null || random.chance(0.25) ? null : contacted + random.int(3, 40);
  return { referred, received, contacted, started, dueBy: null, delivery: null, teamJoined: null };
}

/**
 * SPEC §3.2 no. 11: gestational age on day d = 280 − (due date − d). The team date is drawn
 * as a gestational age around 140 days (20 weeks), a few exactly at 167 (in time) and 168
 * (week 24+0: too late). Due dates stay inside the data so that no date runs past it.
 */
function pregnancyDates(random: Random): Dates {
  const x = random.next();
  const ageAtTeam =
    x < 0.04 ? 167 : x < 0.08 ? 168 : Math.min(250, Math.max(60, Math.round(140 + 28 * random.normal())));
  const ageAtReferral = Math.max(42, ageAtTeam - random.int(0, 35));
  let delivery: DayNumber;
  let referred: DayNumber;
  do {
    delivery = random.int(DATA_START + 280 - ageAtReferral, DATA_END);
    referred = delivery - 280 + ageAtReferral;
  } while (referred < DATA_START);
  const teamJoined = random.chance(0.05) ? null : delivery - 280 + ageAtTeam;
  const { received, contacted } = receiptAndContact(random, referred, false);
  return {
    referred,
    received,
    contacted,
    started: null,
    dueBy: null,
    delivery: random.chance(0.03) ? null : delivery,
    teamJoined,
  };
}

/** Yields exactly `target` referral rows. `patients` = how many admission patients exist to share. */
export function* referralRows(seed: number, target: number, patients: number, stats: ReferralStats): Generator<string[]> {
  const random = new Random(deriveSeed(seed, SALT_REFERRALS));
  stats.rows = 0;
  stats.prevention2015 = 0;
  // Citizens who are not admission patients get fresh numbers after the patients'.
  let nextFresh = patients + 1;
  while (stats.rows < target) {
    const offer = offers.draw(random);
    const prevention = PREVENTION_OFFERS.includes(offer);
    let person: Person;
    let dates: Dates;
    let sender: Sender;
    if (offer === 'vulnerable_pregnancy') {
      person = personOf(seed, nextFresh++, 'pregnant');
      dates = pregnancyDates(random);
      sender = sendersFor.pregnancy.draw(random);
    } else {
      const shared = patients > 0 && random.chance(0.5);
      person = shared ? personOf(seed, random.int(1, patients), 'patient') : personOf(seed, nextFresh++, 'citizen');
      let referred = dayInYear(random, referralYears.draw(random));
      if (referred < person.born) referred = Math.min(DATA_END, person.born + 30);
      if (offer === 'rehabilitation') {
        dates = rehabilitationDates(random, referred);
        sender = sendersFor.rehabilitation.draw(random);
      } else {
        dates = preventionDates(random, referred);
        sender = (offer === 'mental_health' ? sendersFor.mental : prevention ? sendersFor.prevention : sendersFor.other).draw(
          random,
        );
      }
    }
    stats.rows += 1;
    if (prevention && sender !== 'self' && sender !== 'other' && dates.referred < dayNumber(2016, 1, 1)!) {
      stats.prevention2015 += 1;
    }
    const age = ageOn(person.born, dates.referred);
    yield [
      'R' + String(stats.rows).padStart(7, '0'),
      person.id,
      isoDay(dates.referred),
      sender,
      offer,
      person.municipality,
      known(dates.received),
      known(dates.contacted),
      known(dates.started),
      known(dates.dueBy),
      known(dates.delivery),
      known(dates.teamJoined),
      String(Math.max(0, age)),
      person.sex,
      person.education ?? '',
    ];
  }
}
