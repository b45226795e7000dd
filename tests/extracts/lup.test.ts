import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'respondent_id,survey,responded_at,patient_type,question,answer';

describe('lup.csv (SPEC §2.5)', () => {
  it('classifies answers and lower-cases survey and question ids', async () => {
    const { data, problems } = await load(
      'lup',
      csv(
        H,
        'r1,Psychiatry_Children,2019-02-14,ambulant,23A,I meget høj grad',
        'r1,psychiatry_children,2019-02-14,outpatient,23b,Nej',
        'r1,psychiatry_children,2019-02-14,outpatient,23c,Ved ikke',
        'r1,psychiatry_children,2019-02-14,outpatient,27a,',
      ),
    );
    expect(problems).toEqual([]);
    expect(data.lup!.table.rows().map((a) => [a.survey, a.question, a.patientType, a.answer])).toEqual([
      ['psychiatry_children', '23a', 'outpatient', 'positive'],
      ['psychiatry_children', '23b', 'outpatient', 'negative'],
      ['psychiatry_children', '23c', 'outpatient', 'excluded'],
      // An empty answer is excluded.
      ['psychiatry_children', '27a', 'outpatient', 'excluded'],
    ]);
  });

  it('reads a file without an answer column as all excluded (the column is optional)', async () => {
    const { data, problems } = await load('lup', csv('respondent_id,survey,responded_at,patient_type,question', 'r1,maternity,2019-02-14,indlagt,15'));
    expect(problems).toEqual([]);
    expect(data.lup!.table.rows()[0].answer).toBe('excluded');
  });

  it('rejects an answer outside the scale', async () => {
    const { messages } = await load('lup', csv(H, 'r1,maternity,2019-02-14,inpatient,15,7'));
    expect(messages[0]).toMatch(/^2: answer: "7" is not a LUP answer \(expected I meget høj grad, 5, I høj grad, 4/);
  });

  it('requires (respondent_id, survey, question) to be unique, ids compared case-insensitively', async () => {
    const { messages } = await load(
      'lup',
      csv(H, 'r1,maternity,2019-02-14,inpatient,15,Ja', 'r1,maternity,2019-02-14,inpatient,36,Ja', 'r2,maternity,2019-02-14,inpatient,15,Ja', 'r1,Maternity,2019-02-15,inpatient,15,Nej'),
    );
    expect(messages).toEqual([
      '5: question: duplicate answer: respondent "r1" answered question "15" of survey "maternity" already on line 2; (respondent_id, survey, question) must be unique',
    ]);
  });
});
