import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'indicator,group,baseline_period,baseline_value,target_value,note';

describe('baselines.csv (SPEC §2.7)', () => {
  it('reads the group key into a Group with known dimensions; an empty group is the total', async () => {
    const { data, problems } = await load(
      'baselines',
      csv(H, 'smoke-free-6m-itt,,2017,30,,itt rate', 'lup-cooperation-gp,patient_type=ambulant,2013,71,90,', 'x,"sex=K;cluster=vest",2015,"12,5",,'),
    );
    expect(problems).toEqual([]);
    expect(data.baselines!.records).toEqual([
      { line: 2, indicator: 'smoke-free-6m-itt', group: {}, baselinePeriod: '2017', baselineValue: 30, targetValue: null, note: 'itt rate' },
      { line: 3, indicator: 'lup-cooperation-gp', group: { patient_type: 'outpatient' }, baselinePeriod: '2013', baselineValue: 71, targetValue: 90, note: null },
      { line: 4, indicator: 'x', group: { cluster: 'Vest', sex: 'F' }, baselinePeriod: '2015', baselineValue: 12.5, targetValue: null, note: null },
    ]);
  });

  it('accepts a file without a group column (every row is the total)', async () => {
    const { data } = await load('baselines', csv('indicator,baseline_period,baseline_value', 'x,2016,5'));
    expect(data.baselines!.records[0].group).toEqual({});
  });

  it('rejects unknown dimension names', async () => {
    const { messages } = await load('baselines', csv(H, 'x,region=Midt,2016,5,,'));
    expect(messages[0]).toMatch(/^2: group: "region=Midt" names an unknown dimension "region" \(expected municipality, cluster, education, sex, age_band, patient_type, sender, offer\)$/);
  });

  it('requires (indicator, group) unique, whatever the order and spelling of the group key', async () => {
    const { messages } = await load(
      'baselines',
      csv(H, 'x,cluster=Vest;sex=F,2016,5,,', 'x,sex=K;cluster=Vest,2016,6,,', 'x,,2016,5,,', 'y,,2016,5,,', 'x,,2017,5,,'),
    );
    expect(messages).toEqual([
      '3: group: duplicate baseline: "x" for group "cluster=Vest;sex=F" already on line 2; (indicator, group) must be unique',
      // An empty group is the total row: lines 4 and 6 both give ("x", total).
      '6: group: duplicate baseline: "x" for group (total) already on line 4; (indicator, group) must be unique',
    ]);
  });
});
