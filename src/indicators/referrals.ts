// The referral indicators, SPEC §3.2 no. 8–11: prevention referrals (a count), contact within
// 3 working days of a rehabilitation plan, timely start of rehabilitation, and vulnerable
// pregnant women in the team before gestational week 24. Every unit is one referral row,
// grouped by its own attributes (SPEC §1.3).

import type { DayNumber } from '../calc/time.js';
import { nthWorkingDayAfter } from '../calc/working-days.js';
import { PERSON_DIMENSIONS, type Dimension } from '../calc/groups.js';
import {
  listWords,
  OFFER,
  PREVENTION_OFFER,
  PREVENTION_SENDER,
  SENDER,
  valuesOutside,
  type Offer,
  type Sender,
} from '../domain/vocabulary.js';
import { MESSAGES, say } from '../domain/messages.js';
import { dayOrNull, is, valueOf } from '../extracts/read.js';
import { personOf, type LoadedData, type ReferralTable } from '../extracts/records.js';
import type { CountingIndicator, UnitAttributes } from './types.js';

/** SPEC §2.3: the kommunale forebyggelsestilbud (the KRAM factors and patient education). */
export const PREVENTION_OFFERS: ReadonlySet<Offer> = new Set<Offer>(PREVENTION_OFFER.values);

/** SPEC §3.2 no. 8: the agreement counts referrals from general practice and hospitals. */
export const PREVENTION_SENDERS: ReadonlySet<Sender> = new Set<Sender>(PREVENTION_SENDER.values);

/** SPEC §3.2 no. 9: contact at the latest on the third working day after receipt. */
export const CONTACT_WORKING_DAYS = 3;

/** SPEC §3.2 no. 11: week 24+0 = 24 × 7 days; team joined before it counts. */
export const WEEK_24_DAYS = 168;

/** A full-term pregnancy: the expected delivery date is at 280 days (40+0). */
export const TERM_DAYS = 280;

/**
 * The last day on which a citizen can be contacted in time (SPEC §3.2 no. 9): the third
 * working day after receipt. The receipt day is day 0 whatever day it is, so a plan received
 * on a Saturday or a holiday still counts its first working day from the next day.
 */
export function contactDeadline(receivedAt: DayNumber): DayNumber {
  return nthWorkingDayAfter(receivedAt, CONTACT_WORKING_DAYS);
}

/**
 * Gestational age in days on `day` (SPEC §3.2 no. 11): 280 − (expected delivery − day).
 * 167 days = 23+6, 168 days = 24+0.
 */
export function gestationalAgeDays(expectedDeliveryDate: DayNumber, day: DayNumber): number {
  return TERM_DAYS - (expectedDeliveryDate - day);
}

/** The day the pregnancy reaches gestational day 168 (week 24+0): expected delivery − 112 days. */
export function week24Day(expectedDeliveryDate: DayNumber): DayNumber {
  return expectedDeliveryDate - (TERM_DAYS - WEEK_24_DAYS);
}

const REFERRAL_DIMENSIONS: readonly Dimension[] = [...PERSON_DIMENSIONS, 'sender', 'offer'];

/** The referrals of a run, or null. */
function referralsOf(data: LoadedData): ReferralTable | null {
  return data.referrals?.table ?? null;
}

/** The units of a referrals table: row i's person, patient, sender and offer. */
function unitsOf(t: ReferralTable): (i: number) => UnitAttributes {
  const senderOf = valueOf(t, 'sender');
  const offerOf = valueOf(t, 'offer');
  const patients = t.columns.patientId;
  return (i) => {
    const who: UnitAttributes = personOf(t, i);
    who.patient = patients[i];
    who.sender = senderOf(i);
    who.offer = offerOf(i);
    return who;
  };
}

// The notes, made once (a count pass notes one per unit left out; declared in src/domain/messages.ts).
const NO_RECEIVED_AT = say(MESSAGES.rehabilitationNoReceivedAt);
const NOT_CONTACTED = say(MESSAGES.notContacted);
const NO_START_DUE_BY = say(MESSAGES.rehabilitationNoStartDueBy);
const NOT_STARTED = say(MESSAGES.notStarted);
const NO_EXPECTED_DELIVERY = say(MESSAGES.pregnancyNoExpectedDelivery);
const NOT_IN_TEAM = say(MESSAGES.notInTeam);
const SENDER_LEFT_OUT = new Map(SENDER.values.map((sender) => [sender, say(MESSAGES.preventionReferralSenderLeftOut, { sender })]));

const preventionReferrals: CountingIndicator = {
  kind: 'counting',
  id: 'prevention-referrals',
  nameDa: 'Henvisninger fra almen praksis og hospital til kommunale forebyggelsestilbud',
  nameEn: 'Referrals from general practice and hospital to municipal prevention offers',
  aim: 'population_health',
  section: '§3.2, §3.10',
  sources: ['referrals'],
  unit: 'count',
  direction: 'higher_is_better',
  definition:
    'The number of referrals whose referred_at date falls in the period, sent by ' +
    `${listWords(PREVENTION_SENDER.values)} (gp = general practitioner), to a municipal prevention offer: ` +
    `${listWords(PREVENTION_OFFER.values)}. Referrals from ${listWords(valuesOutside(SENDER, PREVENTION_SENDER))} ` +
    `(self = the citizen), and referrals to ${listWords(valuesOutside(OFFER, PREVENTION_OFFER))} offers, are not ` +
    'counted; the notes give the prevention-offer referrals left out by sender. The agreement (§3.10) sets as target ' +
    '"Stigning i antallet af henvisninger fra almen praksis og hospital til kommunale ' +
    'forebyggelsestilbud" (an increase over the baseline); its baseline is "udarbejdes" (to ' +
    'be established), so a baseline comes from baselines.csv or --baseline-period.',
  definitionDa:
    'Antallet af henvisninger med henvisningsdato i perioden fra almen praksis, hospital eller psykiatrien til et ' +
    'kommunalt forebyggelsestilbud (rygestop, alkohol, vægt, fysisk aktivitet, kost, kronisk sygdom eller mental ' +
    'sundhed). Henvisninger fra borgeren selv eller fra andre afsendere og henvisninger til genoptræning, ' +
    'sårbarteam eller andre tilbud tælles ikke med; noterne angiver, hvor mange henvisninger til ' +
    'forebyggelsestilbud der er udeladt efter afsender. Sundhedsaftalen (§3.10) sætter som mål "Stigning i ' +
    'antallet af henvisninger fra almen praksis og hospital til kommunale forebyggelsestilbud" (en stigning i ' +
    'forhold til udgangspunktet); udgangspunktet "udarbejdes", så det angives i baselines.csv eller beregnes af ' +
    'en tidligere periode (--baseline-period).',
  baselines: [],
  target: { kind: 'increase_over_baseline' },
  needs: [],
  dimensions: REFERRAL_DIMENSIONS,
  count(data, tally, ctx) {
    const t = referralsOf(data);
    if (!t) return;
    const { referredAt } = t.columns;
    const offerOf = valueOf(t, 'offer');
    const senderOf = valueOf(t, 'sender');
    const unitOf = unitsOf(t);
    for (let i = 0; i < t.length; i++) {
      const day = referredAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      if (!PREVENTION_OFFERS.has(offerOf(i))) continue;
      const from = senderOf(i);
      if (PREVENTION_SENDERS.has(from)) tally.add(day, unitOf(i), 1);
      else tally.note(day, unitOf(i), SENDER_LEFT_OUT.get(from)!);
    }
  },
};

const rehabContact: CountingIndicator = {
  kind: 'counting',
  id: 'rehab-contact-3-workdays',
  nameDa: 'Borgere kontaktes senest 3 hverdage efter, at genoptræningsplanen er modtaget',
  nameEn: 'Citizens contacted no later than 3 working days after the rehabilitation plan is received',
  aim: 'quality',
  section: '§4.4, §4.8',
  sources: ['referrals'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    'Denominator: rehabilitation referrals (genoptræningsplaner) whose received_at date falls ' +
    'in the period. Numerator: those whose contacted_at is on or before the third Danish ' +
    'working day after received_at. The receipt day is day 0 whatever day it is (a plan ' +
    'received on a Saturday has Monday as working day 1). Working days are Monday to Friday ' +
    'except 1 January, Maundy Thursday, Good Friday, Easter Monday, Store Bededag (up to and ' +
    'including 2023), Ascension Day, Whit Monday, 25 and 26 December; 5 June, 24 and 31 ' +
    'December are working days. A referral without contacted_at was not contacted in time ' +
    'and stays in the denominator. Rehabilitation referrals without received_at cannot be ' +
    'dated and are left out (counted in the notes by referred_at).',
  definitionDa:
    'Nævner: genoptræningsplaner med modtagelsesdato i perioden. Tæller: de planer, hvor borgeren er kontaktet ' +
    'senest på tredje hverdag efter modtagelsen. Modtagelsesdagen er dag 0, uanset hvilken dag det er (en plan ' +
    'modtaget en lørdag har mandag som hverdag 1). Hverdage er mandag til fredag undtagen 1. januar, skærtorsdag, ' +
    'langfredag, 2. påskedag, store bededag (til og med 2023), Kristi himmelfartsdag, 2. pinsedag, 25. og 26. ' +
    'december; 5. juni, 24. og 31. december er hverdage. En plan uden kontaktdato er ikke kontaktet rettidigt og ' +
    'bliver i nævneren. Genoptræningsplaner uden modtagelsesdato kan ikke dateres og er udeladt (talt i noterne ' +
    'efter henvisningsdato).',
  baselines: [],
  target: null,
  needs: [],
  dimensions: REFERRAL_DIMENSIONS,
  // SPEC §13.2: a plan received on the period's last day has until its 3rd working day after.
  followUp: {
    kind: 'after_period',
    label: say(MESSAGES.followUpContactDeadline),
    end: contactDeadline,
  },
  count(data, tally, ctx) {
    const t = referralsOf(data);
    if (!t) return;
    const { referredAt } = t.columns;
    const isRehabilitation = is(t, 'offer', 'rehabilitation');
    const receivedAt = dayOrNull(t, 'receivedAt');
    const contactedAt = dayOrNull(t, 'contactedAt');
    const unitOf = unitsOf(t);
    for (let i = 0; i < t.length; i++) {
      if (!isRehabilitation(i)) continue;
      const day = receivedAt(i);
      if (day === null) {
        if (referredAt[i] >= ctx.firstDay && referredAt[i] <= ctx.lastDay) {
          tally.note(referredAt[i], unitOf(i), NO_RECEIVED_AT);
        }
        continue;
      }
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = unitOf(i);
      const contacted = contactedAt(i);
      if (contacted === null) tally.note(day, who, NOT_CONTACTED);
      const inTime = contacted !== null && contacted <= contactDeadline(day);
      tally.add(day, who, inTime ? 1 : 0, 1);
    }
  },
};

const rehabTimelyStart: CountingIndicator = {
  kind: 'counting',
  id: 'rehab-timely-start',
  nameDa: 'Genoptræningen opstartet rettidigt',
  nameEn: 'Rehabilitation started on time',
  aim: 'quality',
  section: '§4.4, §4.8',
  sources: ['referrals'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    'Denominator: rehabilitation referrals whose received_at date falls in the period and ' +
    'that have a start_due_by date (the latest clinically appropriate start in the ' +
    'genoptræningsplan). Numerator: those with started_at on or before start_due_by (a start ' +
    'on the due date is on time; working days play no part). A referral never started is not ' +
    'on time. Referrals without start_due_by are left out and counted in the notes; those ' +
    'without received_at cannot be dated and are left out too.',
  definitionDa:
    'Nævner: genoptræningsplaner med modtagelsesdato i perioden og en frist for opstart (det seneste klinisk ' +
    'begrundede tidspunkt for opstart i genoptræningsplanen). Tæller: de planer, hvor genoptræningen er startet ' +
    'senest på fristen (opstart på selve dagen er rettidig; hverdage spiller ingen rolle). En genoptræning, der ' +
    'aldrig er startet, er ikke rettidig. Planer uden frist for opstart er udeladt og talt i noterne; planer uden ' +
    'modtagelsesdato kan ikke dateres og er også udeladt.',
  baselines: [],
  target: null,
  needs: [],
  dimensions: REFERRAL_DIMENSIONS,
  // SPEC §13.2: each referral is followed up to its own start_due_by.
  followUp: { kind: 'per_unit', label: say(MESSAGES.followUpStartDueBy) },
  count(data, tally, ctx) {
    const t = referralsOf(data);
    if (!t) return;
    const isRehabilitation = is(t, 'offer', 'rehabilitation');
    const receivedAt = dayOrNull(t, 'receivedAt');
    const startDueBy = dayOrNull(t, 'startDueBy');
    const startedAt = dayOrNull(t, 'startedAt');
    const unitOf = unitsOf(t);
    for (let i = 0; i < t.length; i++) {
      if (!isRehabilitation(i)) continue;
      const day = receivedAt(i);
      if (day === null || day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = unitOf(i);
      const due = startDueBy(i);
      if (due === null) {
        tally.note(day, who, NO_START_DUE_BY);
        continue;
      }
      const started = startedAt(i);
      if (started === null) tally.note(day, who, NOT_STARTED);
      const onTime = started !== null && started <= due;
      tally.add(day, who, onTime ? 1 : 0, 1, due);
    }
  },
};

const vulnerablePregnancy: CountingIndicator = {
  kind: 'counting',
  id: 'vulnerable-pregnancy-team-before-week-24',
  nameDa: 'Den gravide er en del af sårbarteam før graviditetsuge 24',
  nameEn: 'The pregnant woman is part of the vulnerable-pregnancy team before gestational week 24',
  aim: 'quality',
  section: '§6.2.1, §6.2.5',
  sources: ['referrals'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    'Denominator: vulnerable_pregnancy referrals whose referred_at date falls in the period ' +
    'and that have an expected_delivery_date (termin). The gestational age in days on a date ' +
    'd is 280 − (expected_delivery_date − d). Numerator: those with a team_joined_at at a ' +
    'gestational age under 168 days, i.e. before week 24+0 (167 days = 23+6 counts, 168 does ' +
    'not). A referral without team_joined_at is not in the numerator. Referrals without ' +
    'expected_delivery_date are left out and counted in the notes. The agreement measures ' +
    'this from the team\'s registration of the contact date ("Sårbarteam registrerer ' +
    'kontakttidspunkt").',
  definitionDa:
    'Nævner: henvisninger til sårbarteamet med henvisningsdato i perioden og en terminsdato. Graviditetsalderen i ' +
    'dage på en dato d er 280 − (terminsdato − d). Tæller: de henvisninger, hvor den gravide er optaget i teamet ' +
    'ved en graviditetsalder under 168 dage, dvs. før uge 24+0 (167 dage = 23+6 tæller med, 168 gør ikke). En ' +
    'henvisning uden dato for optagelse i teamet er ikke i tælleren. Henvisninger uden terminsdato er udeladt og ' +
    'talt i noterne. Sundhedsaftalen måler det ud fra teamets registrering ("Sårbarteam registrerer ' +
    'kontakttidspunkt").',
  baselines: [],
  target: null,
  needs: [],
  dimensions: REFERRAL_DIMENSIONS,
  // SPEC §13.2: each referral is followed until gestational day 168 (week 24+0).
  followUp: { kind: 'per_unit', label: say(MESSAGES.followUpWeek24) },
  count(data, tally, ctx) {
    const t = referralsOf(data);
    if (!t) return;
    const { referredAt } = t.columns;
    const isVulnerablePregnancy = is(t, 'offer', 'vulnerable_pregnancy');
    const expectedDeliveryDate = dayOrNull(t, 'expectedDeliveryDate');
    const teamJoinedAt = dayOrNull(t, 'teamJoinedAt');
    const unitOf = unitsOf(t);
    for (let i = 0; i < t.length; i++) {
      if (!isVulnerablePregnancy(i)) continue;
      const day = referredAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = unitOf(i);
      const expected = expectedDeliveryDate(i);
      if (expected === null) {
        tally.note(day, who, NO_EXPECTED_DELIVERY);
        continue;
      }
      const joined = teamJoinedAt(i);
      if (joined === null) tally.note(day, who, NOT_IN_TEAM);
      const beforeWeek24 = joined !== null && gestationalAgeDays(expected, joined) < WEEK_24_DAYS;
      tally.add(day, who, beforeWeek24 ? 1 : 0, 1, week24Day(expected));
    }
  },
};

/** SPEC §3.2 no. 8–11, in catalogue order. */
export const referralIndicators: readonly CountingIndicator[] = [
  preventionReferrals,
  rehabContact,
  rehabTimelyStart,
  vulnerablePregnancy,
];
