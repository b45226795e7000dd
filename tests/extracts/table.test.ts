// Columnar records (src/extracts/table.ts): a table gives back exactly the records put in —
// missing values, codes, dictionaries and patient keys included — however it was built
// (appended, grown, sized ahead) or moved to another thread.

import { describe, expect, it } from 'vitest';
import { admissionColumns, lupColumns, referralColumns, smokingColumns, type Admission } from '../../src/extracts/records.js';
import { exportTable, importTable, MUNICIPALITY_TEXT, NO_DAY, tableOf, TableBuilder } from '../../src/extracts/table.js';
import { admission, answer, at, course, day, referral } from '../helpers/records.js';

const admissions: Admission[] = [
  admission({ patientId: 'P0000001', admittedAt: at('2017-04-03 09:15'), dischargedAt: at('2017-04-05 14:00'), costDkk: 1234.5, cofinancingDkk: 0 }),
  admission({ patientId: 'Ærø-7', admittedAt: at('1900-01-01 00:00'), diagnosis: 'DZ098', psychiatric: true, municipality: '075', age: 0, sex: 'F', education: 'long', died: true }),
  admission({ patientId: 'P0000001', admittedAt: at('2099-12-31 23:59'), readyForDischargeAt: at('2099-12-31 23:59'), age: 125, sex: 'M', education: 'short' }),
];

describe('tables give back the records put in', () => {
  it('admissions: times, missing values (null), flags, codes, dictionary texts and patient ids', () => {
    const t = tableOf(admissionColumns(), admissions);
    expect(t.length).toBe(3);
    expect(t.rows()).toEqual(admissions);
    // Held as: patient keys in order of first appearance, a missing time as NaN, municipality
    // "075" as 75, the ICD-10 code in the table's dictionary.
    expect([...t.columns.patientId]).toEqual([0, 1, 0]);
    expect(Number.isNaN(t.columns.dischargedAt[1])).toBe(true);
    expect(t.columns.municipality[1]).toBe(75);
    expect(MUNICIPALITY_TEXT[t.columns.municipality[1]]).toBe('075');
    expect(t.types.diagnosis.values).toEqual(['R069', 'DZ098']);
  });

  it('referrals, smoking courses and LUP answers', () => {
    const referrals = [
      referral({ referredAt: day('2016-01-04'), offer: 'rehabilitation', receivedAt: day('2016-01-05'), age: 80, sex: 'F' }),
      referral({ referredAt: day('2016-01-04'), offer: 'vulnerable_pregnancy', sender: 'gp', expectedDeliveryDate: day('2016-06-01') }),
    ];
    const r = tableOf(referralColumns(), referrals);
    expect(r.rows()).toEqual(referrals);
    expect(r.columns.receivedAt[1]).toBe(NO_DAY);
    const courses = [course({ courseStartedAt: day('2016-02-01'), completed: true, heavySmoker: false, followup6m: 'smoke_free' }), course({ courseStartedAt: day('2016-02-02'), completed: false })];
    expect(tableOf(smokingColumns(), courses).rows()).toEqual(courses);
    const answers = [
      answer({ survey: 'maternity', question: '12', patientType: 'inpatient', answer: 'positive', respondedAt: day('2016-03-01') }),
      answer({ survey: 'psychiatry_children', question: '23a', patientType: 'outpatient', answer: 'excluded', respondedAt: day('2016-03-02'), municipality: '751' }),
    ];
    expect(tableOf(lupColumns(), answers).rows()).toEqual(answers);
  });

  it('a builder grows by doubling, or is sized ahead; either way the table holds exactly its rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => admissions[i % 3]);
    const grown = new TableBuilder(admissionColumns());
    for (const a of many) grown.append(a);
    const sized = new TableBuilder(admissionColumns());
    sized.expect(5100);
    for (const a of many) sized.append(a);
    for (const t of [grown.finish(), sized.finish()]) {
      expect(t.length).toBe(5000);
      expect(t.columns.admittedAt.length).toBe(5000);
      expect(t.rows()).toEqual(many);
    }
  });

  it('a table moved to another thread (its columns transferred) gives the same rows', () => {
    const t = tableOf(admissionColumns(), admissions);
    const { transfer, buffers } = exportTable(t);
    const moved = structuredClone(transfer, { transfer: buffers });
    // The columns were moved: the original's arrays are detached.
    expect(t.columns.admittedAt.length).toBe(0);
    expect(importTable(admissionColumns(), moved).rows()).toEqual(admissions);
  });
});
