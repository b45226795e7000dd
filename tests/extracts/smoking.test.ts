import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'participant_id,municipality_code,course_started_at,referral_source,heavy_smoker,completed,followup_6m,age,sex,education';

describe('smoking.csv (SPEC §2.4)', () => {
  it('reads booleans and the Danish follow-up values', async () => {
    const { data, problems } = await load(
      'smoking',
      csv(H, 's-1,760,2019-02-04,sygehus,ja,1,røgfri,50,K,kort', 's-2,760,2019-02-04,,n,Nej,ikke_opnået,,,', 's-3,760,2019-02-04,,,true,,,,'),
    );
    expect(problems).toEqual([]);
    const r = data.smoking!.table.rows();
    expect(r.map((c) => [c.referralSource, c.heavySmoker, c.completed, c.followup6m])).toEqual([
      ['hospital', true, true, 'smoke_free'],
      [null, false, false, 'lost'],
      // A missing follow-up is "not yet due" (null), not lost.
      [null, null, true, null],
    ]);
  });

  it('requires completed, and participant_id to be unique', async () => {
    const { messages } = await load('smoking', csv(H, 's-1,760,2019-02-04,,,,,,,', 's-2,760,2019-02-04,,,1,,,,', 's-2,760,2019-02-05,,,0,,,,'));
    expect(messages).toEqual([
      '2: completed: missing value (the column is required: every row needs a value)',
      '4: participant_id: duplicate participant_id "s-2" (first on line 3); each participant course must appear once',
    ]);
  });

  it('rejects a referral source of psychiatry (smoking has no such value)', async () => {
    const { messages } = await load('smoking', csv(H, 's-1,760,2019-02-04,psychiatry,,1,,,,'));
    expect(messages[0]).toMatch(/^2: referral_source: "psychiatry" is not a referral source/);
  });
});
