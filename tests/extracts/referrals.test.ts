import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'referral_id,patient_id,referred_at,sender,offer,municipality_code,received_at,contacted_at,started_at,start_due_by,expected_delivery_date,team_joined_at,age,sex,education';
// 2019-03-07 is day 17962: 2019-01-01 is day 17897 (49 × 365 + 12 leap days 1972…2016), plus
// 31 + 28 (Jan, Feb) + 6 = 65.
const MAR_7_2019 = 17962;

describe('referrals.csv (SPEC §2.3)', () => {
  it('reads a row with Danish sender and offer aliases and any accepted date form', async () => {
    const { data, problems } = await load(
      'referrals',
      csv(H, 'r-1,c-1,07-03-2019,egen_læge,genoptræning,746,08.03.2019,13/03/2019,2019-03-22,2019-03-22,,,45,mand,mellemlang'),
    );
    expect(problems).toEqual([]);
    expect(data.referrals!.table.rows()).toEqual([
      {
        line: 2,
        patientId: 'c-1',
        referredAt: MAR_7_2019,
        sender: 'gp',
        offer: 'rehabilitation',
        municipality: '746',
        receivedAt: MAR_7_2019 + 1,
        contactedAt: MAR_7_2019 + 6,
        startedAt: MAR_7_2019 + 15,
        startDueBy: MAR_7_2019 + 15,
        expectedDeliveryDate: null,
        teamJoinedAt: null,
        age: 45,
        sex: 'M',
        education: 'medium',
      },
    ]);
  });

  it('requires received_at ≥ referred_at and contacted_at ≥ received_at (equal is fine)', async () => {
    const { messages } = await load(
      'referrals',
      csv(
        H,
        'r-1,c,2019-03-07,gp,motion,746,2019-03-06,,,,,,,,',
        'r-2,c,2019-03-07,gp,motion,746,2019-03-08,2019-03-07,,,,,,,',
        'r-3,c,2019-03-07,gp,motion,746,2019-03-07,2019-03-07,,,,,,,',
        // Without received_at there is nothing to compare contacted_at with.
        'r-4,c,2019-03-07,gp,motion,746,,2019-03-01,,,,,,,',
      ),
    );
    expect(messages).toEqual([
      '2: received_at: "2019-03-06" is before referred_at 2019-03-07 (expected received_at ≥ referred_at)',
      '3: contacted_at: "2019-03-07" is before received_at 2019-03-08 (expected contacted_at ≥ received_at)',
    ]);
  });

  it('requires referral_id to be unique', async () => {
    const { messages } = await load('referrals', csv(H, 'r-1,c,2019-03-07,gp,kost,746,,,,,,,,,', 'r-1,c,2019-03-08,gp,kost,746,,,,,,,,,'));
    expect(messages).toEqual(['3: referral_id: duplicate referral_id "r-1" (first on line 2); each referral must appear once']);
  });

  it('rejects unknown senders and offers with the accepted values', async () => {
    const { messages } = await load('referrals', csv(H, 'r-1,c,2019-03-07,kommunen,yoga,746,,,,,,,,,'));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^2: sender: "kommunen" is not a sender \(expected gp, almen_praksis, egen_læge, hospital/);
    expect(messages[1]).toMatch(/^2: offer: "yoga" is not an offer \(expected smoking_cessation, rygestop/);
  });
});
