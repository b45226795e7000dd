// SPEC §3.2 no. 8–11 (referral indicators) and the working-day rule of §3.1 as no. 9 uses it.
// Expected numbers are worked out by hand in each test; the example folder
// /work/shared/examples/working-days-and-rehabilitation/ walks the same rules.

import type { DerivedFacts } from '../../src/facts/index.js';
import { describe, expect, it } from 'vitest';
import {
  contactDeadline,
  gestationalAgeDays,
  referralIndicators,
} from '../../src/indicators/referrals.js';
import type { Referral } from '../../src/extracts/records.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { day, loaded, referral } from '../helpers/records.js';
import { tallyOf } from '../helpers/tally.js';

const byId = (id: string): CountingIndicator => {
  const found = referralIndicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const preventionReferrals = byId('prevention-referrals');
const rehabContact = byId('rehab-contact-3-workdays');
const rehabStart = byId('rehab-timely-start');
const pregnancy = byId('vulnerable-pregnancy-team-before-week-24');

const data = (records: Referral[]) => loaded('referrals', records);

/** A rehabilitation plan received on `received` (referred the day before). */
function plan(received: string, p: Partial<Referral> = {}): Referral {
  return referral({
    offer: 'rehabilitation',
    sender: 'hospital',
    referredAt: day(received) - 1,
    receivedAt: day(received),
    ...p,
  });
}

describe('catalogue declarations (SPEC §3.2 no. 8–11)', () => {
  it('lists the four referral indicators in SPEC order with their aims, units and directions', () => {
    expect(referralIndicators.map((i) => [i.id, i.aim, i.unit, i.direction])).toEqual([
      ['prevention-referrals', 'population_health', 'count', 'higher_is_better'],
      ['rehab-contact-3-workdays', 'quality', 'percent', 'higher_is_better'],
      ['rehab-timely-start', 'quality', 'percent', 'higher_is_better'],
      ['vulnerable-pregnancy-team-before-week-24', 'quality', 'percent', 'higher_is_better'],
    ]);
  });

  it('prevention-referrals has the agreement target "an increase over the baseline" and no catalogue baseline', () => {
    expect(preventionReferrals.target).toEqual({ kind: 'increase_over_baseline' });
    expect(preventionReferrals.baselines).toEqual([]);
  });

  it('every referral indicator reads referrals only and can be broken down by sender and offer', () => {
    for (const i of referralIndicators) {
      expect(i.kind).toBe('counting');
      expect(i.sources).toEqual(['referrals']);
      expect(i.dimensions).toEqual(
        expect.arrayContaining(['municipality', 'cluster', 'education', 'sex', 'age_band', 'sender', 'offer']),
      );
      expect(i.dimensions).not.toContain('patient_type');
      expect(i.nameDa.length).toBeGreaterThan(0);
      expect(i.nameEn.length).toBeGreaterThan(0);
      expect(i.definition.length).toBeGreaterThan(100);
    }
  });
});

describe('contactDeadline: the third working day after receipt, receipt day = day 0 (SPEC §3.1, §3.2 no. 9)', () => {
  it('a plan received on a Friday has Wednesday as deadline', () => {
    // Fri 2019-03-08 = day 0; Mon 11 = 1, Tue 12 = 2, Wed 13 = 3.
    expect(contactDeadline(day('2019-03-08'))).toBe(day('2019-03-13'));
  });

  it('a plan received on a Saturday counts Saturday as day 0, not the next Monday: deadline Wednesday', () => {
    // Sat 2019-03-16 = day 0; Sun skipped; Mon 18 = 1, Tue 19 = 2, Wed 20 = 3.
    // (Moving receipt to Monday as day 0 would give Thu 21.)
    expect(contactDeadline(day('2019-03-16'))).toBe(day('2019-03-20'));
  });

  it('a plan received on the Wednesday before Easter skips Maundy Thursday, Good Friday and Easter Monday', () => {
    // Wed 2019-04-17 = day 0; Thu 18, Fri 19 holidays; Sat 20, Sun 21; Mon 22 Easter Monday;
    // Tue 23 = 1, Wed 24 = 2, Thu 25 = 3.
    expect(contactDeadline(day('2019-04-17'))).toBe(day('2019-04-25'));
  });

  it('a plan received on Maundy Thursday (a holiday) is day 0 that day: deadline the Thursday after Easter', () => {
    // Thu 2019-04-18 = day 0; Fri 19 holiday, weekend, Mon 22 holiday; Tue 23 = 1, Wed 24 = 2,
    // Thu 25 = 3.
    expect(contactDeadline(day('2019-04-18'))).toBe(day('2019-04-25'));
  });

  it('a plan received on 23 December: 24 December is a working day, 25 and 26 December are not', () => {
    // Mon 2019-12-23 = day 0; Tue 24 = 1; Wed 25, Thu 26 holidays; Fri 27 = 2; weekend;
    // Mon 30 = 3.
    expect(contactDeadline(day('2019-12-23'))).toBe(day('2019-12-30'));
  });

  it('Ascension Day is skipped and 5 June is a working day', () => {
    // Wed 2019-05-29 = day 0; Thu 30 Ascension Day; Fri 31 = 1, Mon 3 June = 2, Tue 4 = 3.
    expect(contactDeadline(day('2019-05-29'))).toBe(day('2019-06-04'));
    // Fri 2019-05-31 = day 0; Mon 3 = 1, Tue 4 = 2, Wed 5 June (Grundlovsdag) = 3.
    expect(contactDeadline(day('2019-05-31'))).toBe(day('2019-06-05'));
  });

  it('Store Bededag is a holiday in 2023 but not in 2024', () => {
    // Thu 2023-05-04 = day 0; Fri 5 Store Bededag; Mon 8 = 1, Tue 9 = 2, Wed 10 = 3.
    expect(contactDeadline(day('2023-05-04'))).toBe(day('2023-05-10'));
    // Thu 2024-04-25 = day 0; Fri 26 (would-be Store Bededag, abolished) = 1; Mon 29 = 2, Tue 30 = 3.
    expect(contactDeadline(day('2024-04-25'))).toBe(day('2024-04-30'));
  });
});

describe('rehab-contact-3-workdays (SPEC §3.2 no. 9)', () => {
  it('a Friday receipt contacted on Wednesday is in time, on Thursday it is late', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-03-08', { contactedAt: day('2019-03-13') }), // deadline Wed 13: in time
        plan('2019-03-08', { contactedAt: day('2019-03-14') }), // Thu 14: one working day late
      ]),
      ['2019'],
    );
    // 1 in time of 2 received.
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('a Saturday receipt contacted on Wednesday is in time, on Thursday it is late', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-03-16', { contactedAt: day('2019-03-20') }), // deadline Wed 20
        plan('2019-03-16', { contactedAt: day('2019-03-21') }), // Thu 21: late
      ]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('contact on the receipt day or before the deadline is in time', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-03-08', { contactedAt: day('2019-03-08') }), // same day
        plan('2019-03-08', { contactedAt: day('2019-03-11') }), // working day 1
      ]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('no contacted_at means not contacted in time: in the denominator, not the numerator, and noted', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-09-03'), // never contacted
        plan('2019-09-03', { contactedAt: day('2019-09-06') }), // Tue 03 → Fri 06 deadline: in time
      ]),
      ['2019'],
    );
    // 1 in time of 2 received.
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(2);
    expect(t['2019'].total.notes['not contacted (counted as not in time)']).toBe(1);
  });

  it('a plan is dated by received_at, not by referred_at or contacted_at', () => {
    // Referred 2019-12-20, received Mon 2019-12-30 (day 0); Tue 31 Dec = 1 (a working day),
    // 1 Jan holiday, Thu 2 Jan = 2, Fri 3 Jan = 3 → contact on 2020-01-03 is in time, in 2019.
    const t = tallyOf(
      rehabContact,
      data([plan('2019-12-30', { referredAt: day('2019-12-20'), contactedAt: day('2020-01-03') })]),
      ['2019', '2020'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2020'].total).toBeUndefined();
  });

  it('a plan contacted one day after the 31-December-and-1-January deadline is late', () => {
    // Same plan contacted Mon 2020-01-06: after the deadline Fri 3 Jan.
    const t = tallyOf(rehabContact, data([plan('2019-12-30', { contactedAt: day('2020-01-06') })]), ['2019']);
    expect(t['2019'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('only rehabilitation referrals count; one without received_at is left out and noted', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-03-08', { contactedAt: day('2019-03-08') }),
        referral({ offer: 'weight', referredAt: day('2019-03-07'), receivedAt: day('2019-03-08') }),
        referral({ offer: 'vulnerable_pregnancy', referredAt: day('2019-03-07'), receivedAt: day('2019-03-08') }),
        referral({ offer: 'rehabilitation', referredAt: day('2019-03-07'), receivedAt: null }),
      ]),
      ['2019'],
    );
    // Only the first plan: 1/1.
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['rehabilitation referrals left out, no received_at']).toBe(1);
  });

  it('Store Bededag 2023 against 2024: both contacted 6 calendar days after a Thursday receipt (examples r-06, r-07)', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2023-05-04', { contactedAt: day('2023-05-10') }), // deadline Wed 10 May 2023: in time
        plan('2024-04-25', { contactedAt: day('2024-05-01') }), // deadline Tue 30 Apr 2024: late
      ]),
      ['2023', '2024'],
    );
    expect(t['2023'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2024'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('rehab-timely-start (SPEC §3.2 no. 10)', () => {
  it('a start on the due date is on time, a start after it is not', () => {
    const t = tallyOf(
      rehabStart,
      data([
        plan('2019-03-08', { startDueBy: day('2019-03-22'), startedAt: day('2019-03-22') }), // equal: on time
        plan('2019-03-08', { startDueBy: day('2019-03-22'), startedAt: day('2019-03-21') }), // before: on time
        plan('2019-03-08', { startDueBy: day('2019-03-22'), startedAt: day('2019-03-23') }), // a day late
      ]),
      ['2019'],
    );
    // 2 on time of 3 with a due date.
    expect(t['2019'].total).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('working days play no part: a weekend due date is met only on or before that date', () => {
    // Due Sat 2019-03-23; started Mon 25 is late even though Sat/Sun are not working days.
    const t = tallyOf(
      rehabStart,
      data([plan('2019-03-08', { startDueBy: day('2019-03-23'), startedAt: day('2019-03-25') })]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('never started = not on time; no start_due_by = left out of both and noted', () => {
    const t = tallyOf(
      rehabStart,
      data([
        plan('2019-09-03', { startDueBy: day('2019-09-20') }), // never started: 0/1
        plan('2019-05-29', { startedAt: day('2019-06-12') }), // no due date: left out
      ]),
      ['2019'],
    );
    expect(t['2019'].total.numerator).toBe(0);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['rehabilitation referrals left out, no start_due_by']).toBe(1);
    expect(t['2019'].total.notes['not started (counted as not on time)']).toBe(1);
  });

  it('is dated by received_at: a plan received in 2019 and started in 2020 belongs to 2019', () => {
    const t = tallyOf(
      rehabStart,
      data([plan('2019-12-30', { startDueBy: day('2020-01-10'), startedAt: day('2020-01-08') })]),
      ['2019', '2020'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2020'].total).toBeUndefined();
  });
});

describe('gestationalAgeDays: 280 − (expected delivery − d) (SPEC §3.2 no. 11)', () => {
  it('counts the days before the expected delivery date back from 280', () => {
    // 2019-07-01 → 2019-10-22: 30 (rest of July) + 31 + 30 + 22 = 113 days; 280 − 113 = 167.
    expect(gestationalAgeDays(day('2019-10-22'), day('2019-07-01'))).toBe(167);
    // 2019-07-26 → 2019-11-15: 5 + 31 + 30 + 31 + 15 = 112 days; 280 − 112 = 168.
    expect(gestationalAgeDays(day('2019-11-15'), day('2019-07-26'))).toBe(168);
    // On the expected delivery date itself: 280 (40+0).
    expect(gestationalAgeDays(day('2019-11-15'), day('2019-11-15'))).toBe(280);
  });
});

describe('vulnerable-pregnancy-team-before-week-24 (SPEC §3.2 no. 11)', () => {
  const pregnant = (p: Partial<Referral>) =>
    referral({ offer: 'vulnerable_pregnancy', sender: 'gp', referredAt: day('2019-06-12'), ...p });

  it('team joined at 167 days (23+6) counts, at 168 days (24+0) does not', () => {
    const t = tallyOf(
      pregnancy,
      data([
        pregnant({ expectedDeliveryDate: day('2019-10-22'), teamJoinedAt: day('2019-07-01') }), // 167
        pregnant({ expectedDeliveryDate: day('2019-11-15'), teamJoinedAt: day('2019-07-26') }), // 168
      ]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('no expected delivery date = left out and noted; no team_joined_at = in the denominator only', () => {
    const t = tallyOf(
      pregnancy,
      data([
        pregnant({ expectedDeliveryDate: null, teamJoinedAt: day('2019-07-01') }),
        pregnant({ expectedDeliveryDate: day('2019-10-22'), teamJoinedAt: null }),
      ]),
      ['2019'],
    );
    expect(t['2019'].total.numerator).toBe(0);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['vulnerable-pregnancy referrals left out, no expected_delivery_date']).toBe(1);
  });

  it('is dated by referred_at, and only vulnerable_pregnancy referrals count', () => {
    const t = tallyOf(
      pregnancy,
      data([
        // Referred 2019-12-30, joined 2020-01-06 at 280 − (2020-05-01 − 2020-01-06) = 280 − 116 = 164 days:
        // (rest of Jan 25 + Feb 29 + Mar 31 + Apr 30 + 1 = 116).
        pregnant({ referredAt: day('2019-12-30'), expectedDeliveryDate: day('2020-05-01'), teamJoinedAt: day('2020-01-06') }),
        referral({ offer: 'rehabilitation', referredAt: day('2019-12-30'), expectedDeliveryDate: day('2020-05-01'), teamJoinedAt: day('2020-01-06') }),
      ]),
      ['2019', '2020'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2020'].total).toBeUndefined();
  });
});

describe('prevention-referrals (SPEC §3.2 no. 8)', () => {
  it('counts each of the seven prevention offers but not rehabilitation, vulnerable pregnancy or other', () => {
    const offers = [
      'smoking_cessation', 'alcohol', 'weight', 'physical_activity', 'diet', 'chronic_disease', 'mental_health',
      'rehabilitation', 'vulnerable_pregnancy', 'other',
    ] as const;
    const t = tallyOf(
      preventionReferrals,
      data(offers.map((offer) => referral({ offer, sender: 'gp', referredAt: day('2019-02-11') }))),
      ['2019'],
      (who) => String(who.offer),
    );
    // 7 prevention offers of 10.
    expect(t['2019'].total.numerator).toBe(7);
    expect(t['2019'].smoking_cessation.numerator).toBe(1);
    expect(t['2019'].mental_health.numerator).toBe(1);
    expect(t['2019'].rehabilitation).toBeUndefined();
    expect(t['2019'].other).toBeUndefined();
  });

  it('counts senders gp, hospital and psychiatry; self and other are left out and noted by sender', () => {
    const senders = ['gp', 'hospital', 'psychiatry', 'self', 'other', 'self'] as const;
    const t = tallyOf(
      preventionReferrals,
      data(senders.map((sender) => referral({ offer: 'alcohol', sender, referredAt: day('2019-08-19') }))),
      ['2019'],
    );
    // gp + hospital + psychiatry = 3; self twice and other once left out.
    expect(t['2019'].total.numerator).toBe(3);
    expect(t['2019'].total.notes['prevention referrals left out, sender self']).toBe(2);
    expect(t['2019'].total.notes['prevention referrals left out, sender other']).toBe(1);
  });

  it('is a count: one unit per referral, no denominator, dated by referred_at', () => {
    const t = tallyOf(
      preventionReferrals,
      data([
        referral({ offer: 'diet', sender: 'hospital', referredAt: day('2019-12-31'), receivedAt: day('2020-01-02') }),
        referral({ offer: 'diet', sender: 'hospital', referredAt: day('2020-01-01') }),
      ]),
      ['2019', '2020-Q1'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 0 });
    expect(t['2020-Q1'].total).toMatchObject({ numerator: 1, denominator: 0 });
  });
});

describe('equity: every referral indicator carries the record\'s own attributes (SPEC §1.3)', () => {
  it('sets education, sex, age, municipality, sender and offer from the referral row', () => {
    const records = [
      referral({ offer: 'weight', sender: 'gp', referredAt: day('2019-02-11'), education: 'short', sex: 'F', age: 70, municipality: '746' }),
      plan('2019-03-08', { contactedAt: day('2019-03-13'), startDueBy: day('2019-03-22'), startedAt: day('2019-03-22'), education: 'short', sex: 'F', age: 70, municipality: '746' }),
      referral({ offer: 'vulnerable_pregnancy', referredAt: day('2019-06-12'), expectedDeliveryDate: day('2019-10-22'), teamJoinedAt: day('2019-07-01'), education: 'short', sex: 'F', age: 70, municipality: '746' }),
    ];
    for (const indicator of referralIndicators) {
      const seen: string[] = [];
      indicator.count(
        data(records),
        {
          add: (_d, who) =>
            seen.push([who.education, who.sex, who.age, who.municipality, who.sender, who.offer].join('|')),
          note: () => {},
        },
        { periods: [], firstDay: day('2019-01-01'), lastDay: day('2019-12-31'), facts: {} as DerivedFacts },
      );
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^short\|F\|70\|746\|(gp|hospital)\|(weight|rehabilitation|vulnerable_pregnancy)$/);
    }
  });

  it('splits by education: short 1/2, long 1/1 for the contact deadline', () => {
    const t = tallyOf(
      rehabContact,
      data([
        plan('2019-03-08', { education: 'short', contactedAt: day('2019-03-13') }), // in time
        plan('2019-03-08', { education: 'short', contactedAt: day('2019-03-14') }), // late
        plan('2019-03-08', { education: 'long', contactedAt: day('2019-03-12') }), // in time
      ]),
      ['2019'],
      (who) => String(who.education),
    );
    expect(t['2019'].short).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2019'].long).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2019'].total).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('the worked example working-days-and-rehabilitation (all 13 referrals)', () => {
  // referrals.csv of the example, row by row.
  const example = data([
    plan('2019-03-08', { referredAt: day('2019-03-07'), municipality: '746', contactedAt: day('2019-03-13'), startedAt: day('2019-03-22'), startDueBy: day('2019-03-22') }), // r-01
    plan('2019-03-16', { referredAt: day('2019-03-15'), municipality: '746', contactedAt: day('2019-03-21'), startedAt: day('2019-04-01'), startDueBy: day('2019-03-29') }), // r-02
    plan('2019-04-17', { referredAt: day('2019-04-16'), municipality: '706', contactedAt: day('2019-04-25'), startedAt: day('2019-04-29'), startDueBy: day('2019-05-03') }), // r-03
    plan('2019-05-29', { referredAt: day('2019-05-28'), municipality: '706', contactedAt: day('2019-06-04'), startedAt: day('2019-06-12') }), // r-04
    plan('2019-09-03', { referredAt: day('2019-09-02'), municipality: '671', startDueBy: day('2019-09-20') }), // r-05
    plan('2023-05-04', { referredAt: day('2023-05-03'), municipality: '746', contactedAt: day('2023-05-10'), startedAt: day('2023-05-19'), startDueBy: day('2023-05-19') }), // r-06
    plan('2024-04-25', { referredAt: day('2024-04-24'), municipality: '746', contactedAt: day('2024-05-01'), startedAt: day('2024-05-13'), startDueBy: day('2024-05-10') }), // r-07
    plan('2019-05-31', { referredAt: day('2019-05-30'), municipality: '671', contactedAt: day('2019-06-06'), startedAt: day('2019-06-11'), startDueBy: day('2019-06-14') }), // r-08
    referral({ referredAt: day('2019-06-12'), sender: 'gp', offer: 'vulnerable_pregnancy', municipality: '706', expectedDeliveryDate: day('2019-10-22'), teamJoinedAt: day('2019-07-01') }), // v-01
    referral({ referredAt: day('2019-07-15'), sender: 'gp', offer: 'vulnerable_pregnancy', municipality: '671', expectedDeliveryDate: day('2019-11-15'), teamJoinedAt: day('2019-07-26') }), // v-02
    referral({ referredAt: day('2019-02-11'), sender: 'gp', offer: 'smoking_cessation', municipality: '746' }), // p-01
    referral({ referredAt: day('2019-08-19'), sender: 'hospital', offer: 'alcohol', municipality: '706' }), // p-02
    referral({ referredAt: day('2019-10-07'), sender: 'self', offer: 'weight', municipality: '671' }), // p-03
  ]);
  const periods = ['2019', '2023', '2024'];

  it('prevention-referrals: 2 in 2019 (p-01, p-02; p-03 is from self), none in 2023 and 2024', () => {
    const t = tallyOf(preventionReferrals, example, periods);
    expect(t['2019'].total.numerator).toBe(2);
    expect(t['2019'].total.notes['prevention referrals left out, sender self']).toBe(1);
    expect(t['2023'].total).toBeUndefined(); // no unit: the engine reports the count 0
    expect(t['2024'].total).toBeUndefined();
  });

  it('rehab-contact-3-workdays: 3/6 in 2019 (r-01, r-03, r-04 in time), 1/1 in 2023, 0/1 in 2024', () => {
    const t = tallyOf(rehabContact, example, periods);
    // 2019: r-01 on its Wed deadline, r-02 Thu after a Wed deadline (Saturday receipt), r-03 on
    // Thu after Easter, r-04 on Tue after Ascension Day, r-05 never, r-08 Thu after a Wed 5 June deadline.
    expect(t['2019'].total).toMatchObject({ numerator: 3, denominator: 6 });
    expect(t['2019'].total.notes['not contacted (counted as not in time)']).toBe(1); // r-05
    expect(t['2023'].total).toMatchObject({ numerator: 1, denominator: 1 }); // r-06
    expect(t['2024'].total).toMatchObject({ numerator: 0, denominator: 1 }); // r-07
  });

  it('rehab-timely-start: 3/5 in 2019 (r-04 has no due date), 1/1 in 2023, 0/1 in 2024', () => {
    const t = tallyOf(rehabStart, example, periods);
    // 2019: r-01 equal (yes), r-02 late, r-03 early (yes), r-05 never, r-08 early (yes).
    expect(t['2019'].total).toMatchObject({ numerator: 3, denominator: 5 });
    expect(t['2019'].total.notes['rehabilitation referrals left out, no start_due_by']).toBe(1); // r-04
    expect(t['2023'].total).toMatchObject({ numerator: 1, denominator: 1 }); // r-06 equal
    expect(t['2024'].total).toMatchObject({ numerator: 0, denominator: 1 }); // r-07 three days late
  });

  it('vulnerable-pregnancy-team-before-week-24: 1/2 in 2019 (167 in, 168 out), nothing in 2023 and 2024', () => {
    const t = tallyOf(pregnancy, example, periods);
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2023'].total).toBeUndefined(); // 0/0: the engine reports null, not_computed
    expect(t['2024'].total).toBeUndefined();
  });
});
