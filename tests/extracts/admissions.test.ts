import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,sector,municipality_code,age,sex,education,cost_dkk,cofinancing_dkk,ready_for_discharge_at,discharge_status';

// 2017-04-03 is day 17259: 2017-01-01 is day 17167 (47 years × 365 + 12 leap days 1972…2016),
// plus 31 + 28 + 31 (Jan–Mar) + 2 = 92 days.
const APR_3 = 17259 * 86400;

describe('admissions.csv (SPEC §2.2)', () => {
  it('reads a row into an Admission with normalised values', async () => {
    const { data, problems } = await load(
      'admissions',
      csv(H, 'a-1,pt-A,2017-04-03 09:15,2017-04-05 14:00,akut,DJ44.0,somatik,0751,72,K,kort,"24000,50",2400,2017-04-04 10:00,død'),
    );
    expect(problems).toEqual([]);
    expect(data.admissions!.table.rows()).toEqual([
      {
        line: 2,
        patientId: 'pt-A',
        admittedAt: APR_3 + 9 * 3600 + 15 * 60,
        dischargedAt: APR_3 + 2 * 86400 + 14 * 3600,
        acute: true,
        diagnosis: 'J440',
        psychiatric: false,
        municipality: '751',
        age: 72,
        sex: 'F',
        education: 'short',
        costDkk: 24000.5,
        cofinancingDkk: 2400,
        readyForDischargeAt: APR_3 + 86400 + 10 * 3600,
        died: true,
      },
    ]);
  });

  it('reads a missing sector as somatic, a missing status as alive, a missing discharge as still admitted', async () => {
    const { data } = await load('admissions', csv(H, 'a-1,pt-A,2017-04-03 09:15,,planned,R069,,751,50,,,,,,'));
    expect(data.admissions!.table.rows()[0]).toMatchObject({ psychiatric: false, died: false, dischargedAt: null, acute: false, sex: null, costDkk: null });
  });

  it('accepts the column aliases cpr, inddto, uddto, indm, adiag, komkod and færdigbehandlet', async () => {
    const { data, problems } = await load(
      'admissions',
      csv('ID;CPR;INDDTO;UDDTO;INDM;ADIAG;KOMKOD;AGE;FÆRDIGBEHANDLET', 'a-1;0101;03.04.2017 09:15;05.04.2017 14:00;1;DI501;751;72;04.04.2017'),
    );
    expect(problems).toEqual([]);
    expect(data.admissions!.table.rows()[0]).toMatchObject({ acute: true, diagnosis: 'I501', readyForDischargeAt: APR_3 + 86400 });
    expect([...data.admissions!.info.columns]).toContain('ready_for_discharge_at');
  });

  it('lists the columns present, so an indicator can tell an absent ready_for_discharge_at column', async () => {
    const { data } = await load('admissions', csv('admission_id,patient_id,admitted_at,admission_type,primary_diagnosis,municipality_code,age', 'a,p,2017-04-03,acute,R069,751,50'));
    expect([...data.admissions!.info.columns].sort()).toEqual(
      ['admission_id', 'admission_type', 'admitted_at', 'age', 'municipality_code', 'patient_id', 'primary_diagnosis'],
    );
  });

  it('rejects discharged_at before admitted_at, and accepts them equal', async () => {
    const { messages, report } = await load(
      'admissions',
      csv(H, 'a-1,p,2017-04-03 09:15,2017-04-03 09:14,acute,R069,,751,50,,,,,,', 'a-2,p,2017-04-03 09:15,2017-04-03 09:15,acute,R069,,751,50,,,,,,'),
    );
    expect(messages).toEqual(['2: discharged_at: "2017-04-03 09:14" is before admitted_at 2017-04-03 09:15 (expected discharged_at ≥ admitted_at)']);
    expect(report.rowsRejected).toBe(1);
  });

  it('requires admitted_at ≤ ready_for_discharge_at ≤ discharged_at (bounds included)', async () => {
    const { messages } = await load(
      'admissions',
      csv(
        H,
        'a-1,p,2017-04-03 09:15,2017-04-05 14:00,acute,R069,,751,50,,,,,2017-04-03 09:00,',
        'a-2,p,2017-04-03 09:15,2017-04-05 14:00,acute,R069,,751,50,,,,,2017-04-05 14:01,',
        'a-3,p,2017-04-03 09:15,2017-04-05 14:00,acute,R069,,751,50,,,,,2017-04-03 09:15,',
        'a-4,p,2017-04-03 09:15,2017-04-05 14:00,acute,R069,,751,50,,,,,2017-04-05 14:00,',
      ),
    );
    expect(messages).toEqual([
      '2: ready_for_discharge_at: "2017-04-03 09:00" is before admitted_at 2017-04-03 09:15 (expected admitted_at ≤ ready_for_discharge_at ≤ discharged_at)',
      '3: ready_for_discharge_at: "2017-04-05 14:01" is after discharged_at 2017-04-05 14:00 (expected admitted_at ≤ ready_for_discharge_at ≤ discharged_at)',
    ]);
  });

  it('without discharged_at, ready_for_discharge_at must still be ≥ admitted_at', async () => {
    const { messages } = await load(
      'admissions',
      csv(H, 'a-1,p,2017-04-03 09:15,,acute,R069,,751,50,,,,,2017-04-02,', 'a-2,p,2017-04-03 09:15,,acute,R069,,751,50,,,,,2017-05-01,'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^2: ready_for_discharge_at: "2017-04-02" is before admitted_at/);
  });

  it('requires admission_id to be unique, naming the first line', async () => {
    const { messages, data, report } = await load(
      'admissions',
      csv(H, 'a-1,p,2017-04-03,,acute,R069,,751,50,,,,,,', 'a-2,p,2017-04-03,,acute,R069,,751,50,,,,,,', 'a-1,q,2017-04-04,,acute,R069,,751,50,,,,,,'),
    );
    expect(messages).toEqual(['4: admission_id: duplicate admission_id "a-1" (first on line 2); each admission must appear once']);
    // The first occurrence is kept, the repeat rejected.
    expect(data.admissions!.table.rows().map((a) => a.line)).toEqual([2, 3]);
    expect(report.rowsRejected).toBe(1);
  });

  it('reports every problem of a rejected row, each with its column, value and expectation', async () => {
    const { problems, report } = await load(
      'admissions',
      csv(H, ',p,2017-13-01,,emergency,XYZ,,75,130,X,,-5,,,'),
    );
    expect(problems.map((p) => [p.line, p.column, p.value, p.type])).toEqual([
      [2, 'admission_id', null, 'missing-cell'],
      [2, 'admitted_at', '2017-13-01', 'type-error'],
      [2, 'admission_type', 'emergency', 'type-error'],
      [2, 'primary_diagnosis', 'XYZ', 'type-error'],
      [2, 'municipality_code', '75', 'type-error'],
      [2, 'age', '130', 'type-error'],
      [2, 'sex', 'X', 'type-error'],
      [2, 'cost_dkk', '-5', 'type-error'],
    ]);
    expect(report.rows).toBe(1);
    expect(report.rowsRejected).toBe(1);
  });

  it('rejects a 100,000-character value with a clear problem', async () => {
    const { problems } = await load('admissions', csv(H, `${'x'.repeat(100_000)},p,2017-04-03,,acute,R069,,751,50,,,,,,`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ type: 'value-too-long', line: 2, column: 'admission_id', value: 'x'.repeat(39) + '…' });
    expect(problems[0].message).toBe('the value is 100,000 characters long (expected at most 1,000; a broken export or quote?)');
  });
});
