// SPEC §3.2 no. 15–18 (LUP patient-experience indicators) and the answer classes of §2.5.
// Expected numbers are worked out by hand in each test; /work/shared/examples/
// lup-baselines-status/ walks the same rules.

import type { DerivedFacts } from '../../src/facts/index.js';
import { DIMENSIONS } from '../../src/calc/groups.js';
import { groupOf } from '../../src/engine/aggregate.js';
import { describe, expect, it } from 'vitest';
import { lupIndicators } from '../../src/indicators/lup.js';
import type { AnswerClass, LupAnswer, PatientType } from '../../src/extracts/records.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { answer, day, loaded } from '../helpers/records.js';
import { tallyOf } from '../helpers/tally.js';

const byId = (id: string): CountingIndicator => {
  const found = lupIndicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const school = byId('lup-cooperation-school');
const social = byId('lup-cooperation-social');
const gp = byId('lup-cooperation-gp');
const maternity = byId('lup-maternity-transition');

const data = (records: LupAnswer[]) => loaded('lup', records);
const byPatientType = (who: { patientType?: PatientType }) => String(who.patientType);

/** One answer row of the children's psychiatry survey in 2019. */
function child(patientType: PatientType, question: string, cls: AnswerClass, p: Partial<LupAnswer> = {}): LupAnswer {
  return answer({
    survey: 'psychiatry_children',
    respondedAt: day('2019-05-02'),
    patientType,
    question,
    answer: cls,
    ...p,
  });
}

describe('catalogue declarations (SPEC §3.2 no. 15–18)', () => {
  it('lists the four LUP indicators in SPEC order: quality, percent, higher is better', () => {
    expect(lupIndicators.map((i) => [i.id, i.aim, i.unit, i.direction])).toEqual([
      ['lup-cooperation-school', 'quality', 'percent', 'higher_is_better'],
      ['lup-cooperation-social', 'quality', 'percent', 'higher_is_better'],
      ['lup-cooperation-gp', 'quality', 'percent', 'higher_is_better'],
      ['lup-maternity-transition', 'quality', 'percent', 'higher_is_better'],
    ]);
  });

  it('the cooperation indicators carry the 2013 baselines per patient type and target 90', () => {
    const expected: Record<string, [number, number]> = {
      'lup-cooperation-school': [73, 75],
      'lup-cooperation-social': [62, 58],
      'lup-cooperation-gp': [71, 25],
    };
    for (const i of [school, social, gp]) {
      const [outpatient, inpatient] = expected[i.id];
      expect(i.target).toEqual({ kind: 'value', value: 90 });
      expect(i.baselines).toEqual([
        { group: { patient_type: 'outpatient' }, value: outpatient, period: '2013', source: 'Sundhedsaftalen 2015–2018, LUP 2013', sourceDa: 'Sundhedsaftalen 2015–2018, LUP 2013' },
        { group: { patient_type: 'inpatient' }, value: inpatient, period: '2013', source: 'Sundhedsaftalen 2015–2018, LUP 2013', sourceDa: 'Sundhedsaftalen 2015–2018, LUP 2013' },
      ]);
    }
  });

  it('lup-maternity-transition has no catalogue baseline and no target', () => {
    expect(maternity.baselines).toEqual([]);
    expect(maternity.target).toBeNull();
  });

  it('every LUP indicator always adds patient_type and can be broken down by it', () => {
    for (const i of lupIndicators) {
      expect(i.sources).toEqual(['lup']);
      expect(i.alwaysBy).toEqual(['patient_type']);
      expect([...i.dimensions]).toEqual(['municipality', 'cluster', 'education', 'sex', 'age_band', 'patient_type']);
    }
  });
});

describe('answer classes (SPEC §2.5): positive / valid, excluded left out', () => {
  it('"Ved ikke" (excluded) is left out of the denominator and noted', () => {
    const t = tallyOf(
      gp,
      data([child('outpatient', '23c', 'positive'), child('outpatient', '23c', 'excluded')]),
      ['2019'],
    );
    // 1 positive of 1 valid; the excluded answer is in neither.
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['excluded answers (Ved ikke, Ikke relevant, 9, 0, empty)']).toBe(1);
  });

  it('"I nogen grad" (3) is valid but not positive', () => {
    const t = tallyOf(
      gp,
      data([child('outpatient', '23c', 'negative'), child('outpatient', '23c', 'positive')]),
      ['2019'],
    );
    // 1 positive of 2 valid.
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('questions per patient type, pooled (SPEC §3.2 no. 15–17)', () => {
  it('outpatient 23a and inpatient 27a are pooled into the total; an inpatient\'s 23a is not counted', () => {
    const t = tallyOf(
      school,
      data([
        child('outpatient', '23a', 'positive'),
        child('outpatient', '23a', 'negative'),
        child('inpatient', '27a', 'positive'),
        child('inpatient', '23a', 'positive'), // another questionnaire's 23a: not counted
        child('outpatient', '27a', 'positive'), // likewise
      ]),
      ['2019'],
      byPatientType,
    );
    // outpatient 1/2, inpatient 1/1, total pooled (1 + 1)/(2 + 1) = 2/3.
    expect(t['2019'].outpatient).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2019'].inpatient).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2019'].total).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('each cooperation indicator reads only its own letter: a, b or c', () => {
    const d = data([
      child('outpatient', '23a', 'positive'),
      child('outpatient', '23b', 'negative'),
      child('inpatient', '27b', 'negative'),
      child('outpatient', '23c', 'positive'),
      child('inpatient', '27c', 'positive'),
      child('inpatient', '27c', 'positive'),
    ]);
    expect(tallyOf(school, d, ['2019'])['2019'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(tallyOf(social, d, ['2019'])['2019'].total).toMatchObject({ numerator: 0, denominator: 2 });
    expect(tallyOf(gp, d, ['2019'])['2019'].total).toMatchObject({ numerator: 3, denominator: 3 });
  });

  it('only survey psychiatry_children counts for the cooperation indicators', () => {
    const t = tallyOf(
      gp,
      data([
        child('outpatient', '23c', 'positive'),
        child('outpatient', '23c', 'positive', { survey: 'somatic' }),
        child('outpatient', '23c', 'positive', { survey: 'psychiatry_adults' }),
      ]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('an answer is dated by responded_at', () => {
    const t = tallyOf(
      gp,
      data([
        child('outpatient', '23c', 'positive', { respondedAt: day('2018-12-31') }),
        child('outpatient', '23c', 'negative', { respondedAt: day('2019-01-01') }),
      ]),
      ['2018', '2019'],
    );
    expect(t['2018'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2019'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('lup-maternity-transition (SPEC §3.2 no. 18)', () => {
  const mother = (patientType: PatientType, question: string, cls: AnswerClass, survey = 'maternity') =>
    answer({ survey, respondedAt: day('2019-03-01'), patientType, question, answer: cls });

  it('pools questions 15, 36, 40 and 41 of survey maternity for both patient types', () => {
    const t = tallyOf(
      maternity,
      data([
        mother('inpatient', '15', 'positive'),
        mother('inpatient', '36', 'negative'),
        mother('outpatient', '40', 'positive'),
        mother('outpatient', '41', 'positive'),
        mother('outpatient', '16', 'positive'), // not one of the four questions
        mother('inpatient', '15', 'positive', 'psychiatry_children'), // other survey
        mother('outpatient', '36', 'excluded'), // excluded answer
      ]),
      ['2019'],
      byPatientType,
    );
    // inpatient 1/2, outpatient 2/2, total 3/4.
    expect(t['2019'].inpatient).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2019'].outpatient).toMatchObject({ numerator: 2, denominator: 2 });
    expect(t['2019'].total).toMatchObject({ numerator: 3, denominator: 4 });
    expect(t['2019'].total.notes['excluded answers (Ved ikke, Ikke relevant, 9, 0, empty)']).toBe(1);
  });
});

describe('equity: an answer is grouped by its own attributes (SPEC §1.3)', () => {
  it('sets municipality, age, sex, education and patient type from the answer row', () => {
    const row = child('inpatient', '27c', 'positive', { municipality: '751', age: 9, sex: 'F', education: 'long' });
    const seen: unknown[] = [];
    gp.count(
      data([row]),
      { add: (_d, who) => seen.push(groupOf(DIMENSIONS, who).group), note: () => {} },
      { periods: [], firstDay: day('2019-01-01'), lastDay: day('2019-12-31'), facts: {} as DerivedFacts },
    );
    expect(seen).toEqual([
      { municipality: '751', cluster: 'Aarhus', education: 'long', sex: 'F', age_band: '0-17', patient_type: 'inpatient', sender: 'unknown', offer: 'unknown' },
    ]);
  });

  it('by education: short 1/2, unknown 1/1', () => {
    const t = tallyOf(
      gp,
      data([
        child('outpatient', '23c', 'positive', { education: 'short' }),
        child('inpatient', '27c', 'negative', { education: 'short' }),
        child('outpatient', '23c', 'positive', { education: null }),
      ]),
      ['2019'],
      (who) => String(who.education),
    );
    expect(t['2019'].short).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2019'].null).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('the worked example lup-baselines-status (lup.csv, 16 answers)', () => {
  // The answer text of lup.csv mapped by SPEC §2.5 (the loader's job): 5, 4 = positive;
  // 3, 2, 1 = negative (valid); Ved ikke, Ikke relevant, empty = excluded.
  const rows: Array<[string, string, PatientType, string, AnswerClass]> = [
    ['psychiatry_children', '2019-02-14', 'outpatient', '23c', 'positive'], // lo-01 I meget høj grad
    ['psychiatry_children', '2019-03-05', 'outpatient', '23c', 'positive'], // lo-02 4
    ['psychiatry_children', '2019-03-20', 'outpatient', '23c', 'negative'], // lo-03 I nogen grad
    ['psychiatry_children', '2019-04-02', 'outpatient', '23c', 'excluded'], // lo-04 Ved ikke
    ['psychiatry_children', '2019-04-11', 'outpatient', '23c', 'excluded'], // lo-05 empty
    ['psychiatry_children', '2019-05-08', 'outpatient', '23c', 'negative'], // lo-06 2
    ['psychiatry_children', '2019-06-19', 'outpatient', '23c', 'positive'], // lo-07 i høj grad
    ['psychiatry_children', '2019-09-03', 'outpatient', '23c', 'negative'], // lo-08 Slet ikke
    ['psychiatry_children', '2019-02-21', 'inpatient', '27c', 'positive'], // li-01 5
    ['psychiatry_children', '2019-03-27', 'inpatient', '27c', 'negative'], // li-02 I ringe grad
    ['psychiatry_children', '2019-05-15', 'inpatient', '27c', 'positive'], // li-03 I høj grad
    ['psychiatry_children', '2019-08-28', 'inpatient', '27c', 'excluded'], // li-04 Ikke relevant
    ['psychiatry_children', '2019-10-09', 'inpatient', '27c', 'positive'], // li-05 4
    ['psychiatry_children', '2019-11-13', 'inpatient', '27c', 'negative'], // li-06 1
    ['psychiatry_children', '2019-06-05', 'inpatient', '23c', 'positive'], // li-07 inpatient's 23c
    ['somatic', '2019-05-02', 'outpatient', '23c', 'positive'], // ls-01 other survey
  ];
  const example = data(
    rows.map(([survey, respondedAt, patientType, question, cls]) =>
      answer({ survey, respondedAt: day(respondedAt), patientType, question, answer: cls }),
    ),
  );
  const periods = ['2016', '2019'];

  it('lup-cooperation-gp 2019: outpatient 3/6, inpatient 3/5, pooled total 6/11 (not the mean of 50 and 60)', () => {
    const t = tallyOf(gp, example, periods, byPatientType);
    // outpatient positive lo-01, 02, 07 of valid lo-01, 02, 03, 06, 07, 08;
    // inpatient positive li-01, 03, 05 of valid li-01, 02, 03, 05, 06.
    expect(t['2019'].outpatient).toMatchObject({ numerator: 3, denominator: 6 });
    expect(t['2019'].inpatient).toMatchObject({ numerator: 3, denominator: 5 });
    expect(t['2019'].total).toMatchObject({ numerator: 6, denominator: 11 });
    // lo-04, lo-05, li-04.
    expect(t['2019'].total.notes['excluded answers (Ved ikke, Ikke relevant, 9, 0, empty)']).toBe(3);
    expect(t['2016'].total).toBeUndefined();
  });

  it('the other three LUP indicators have no answer in the example', () => {
    for (const i of [school, social, maternity]) {
      const t = tallyOf(i, example, periods);
      expect(t['2019'].total).toBeUndefined();
      expect(t['2016'].total).toBeUndefined();
    }
  });
});
