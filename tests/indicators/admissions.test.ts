import { describe, expect, it } from 'vitest';
import { buildEpisodes } from '../../src/calc/episodes.js';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { formatWallTime, isoWeekday } from '../../src/calc/time.js';
import type { Admission, LoadedData } from '../../src/extracts/records.js';
import {
  acuteShortAdmissions,
  admissionIndicators,
  cofinancingPerCapita,
  costPerCapita,
  DISCHARGE_EXCLUDED_DIED,
  dischargesOutsideDaytime,
  INDEX_EXCLUDED_CANCER,
  INDEX_EXCLUDED_DIED,
  INDEX_EXCLUDED_Z763,
  MISSING_COFINANCING,
  MISSING_COST,
  preventableAdmissions65,
  readmission30d,
  readyForDischargeDays,
  RETURN_NOT_COUNTED_BIRTH,
  RETURN_NOT_COUNTED_INJURY,
  RETURN_NOT_COUNTED_PLANNED,
  STILL_ADMITTED_WHEN_READY,
} from '../../src/indicators/admissions.js';
import {
  CodeList,
  isPreventableDiagnosis,
  PREVENTABLE_DIAGNOSES,
  PREVENTABLE_DIAGNOSIS_LIST_VERSION,
} from '../../src/domain/diagnoses.js';
import type { UnitAttributes } from '../../src/indicators/types.js';
import { admission, admissionTable, at, day, inhabitants, loaded } from '../helpers/records.js';
import { tallyOf } from '../helpers/tally.js';
import { runIndicators } from '../../src/engine/run.js';
import { prepare } from '../../src/facts/index.js';

const ALL_COLUMNS = ['sector', 'sex', 'education', 'cost_dkk', 'cofinancing_dkk', 'ready_for_discharge_at', 'discharge_status'];
const data = (list: Admission[], columns: readonly string[] = ALL_COLUMNS): LoadedData => loaded('admissions', list, columns);
const bySex = (who: UnitAttributes) => who.sex ?? 'unknown';
const byMunicipality = (who: UnitAttributes) => who.municipality ?? 'unknown';

const MON = 1;
const WED = 3;
const FRI = 5;
const SAT = 6;

/** A one-day somatic stay: admitted at `from`, discharged at `to`. */
function stay(patientId: string, from: string, to: string | null, more: Partial<Admission> = {}): Admission {
  return admission({ patientId, admittedAt: at(from), dischargedAt: to === null ? null : at(to), ...more });
}

// -------------------------------------------------------------------------------------------
// readmission-30d

describe('readmission-30d (SPEC §3.2 no. 1)', () => {
  const readmissions = (list: Admission[], periods = ['2017-04'], groupBy?: (w: UnitAttributes) => string) =>
    tallyOf(readmission30d, data(list), periods, groupBy);

  it('a readmission at exactly 720 h after the index discharge counts; at 720 h 1 min it does not', () => {
    const list = [
      // B: discharged 04-20 15:59; back 05-20 15:59 = 30 × 24 h later → readmitted
      stay('B', '2017-04-18 10:00', '2017-04-20 15:59'),
      stay('B', '2017-05-20 15:59', '2017-05-24 11:00'),
      // C: discharged 04-22 15:00; back 05-22 15:01 = 720 h 01 min later → not readmitted
      stay('C', '2017-04-21 08:00', '2017-04-22 15:00'),
      stay('C', '2017-05-22 15:01', '2017-06-01 10:00'),
    ];
    // April indexes: B1, C1 → 1/2
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('a return within 4 h is a transfer, not a readmission; 4 h 01 later is a readmission', () => {
    const list = [
      stay('P', '2017-04-03 08:00', '2017-04-05 14:00'),
      stay('P', '2017-04-05 18:00', '2017-04-06 10:00'), // 4 h 00: same episode, discharged 04-06 10:00
      stay('P', '2017-04-06 14:01', '2017-04-07 10:00'), // 4 h 01 after 10:00: a new episode
    ];
    // episodes: P1 (04-03 → 04-06 10:00), P2 (04-06 14:01 → 04-07). P1 readmitted by P2; P2 not: 1/2
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('every episode can be both an index and a readmission (a chain of three returns: 2 of 3 indexes readmitted)', () => {
    const list = [
      stay('P', '2017-04-01 08:00', '2017-04-02 08:00'),
      stay('P', '2017-04-10 08:00', '2017-04-11 08:00'),
      stay('P', '2017-04-20 08:00', '2017-04-21 08:00'),
    ];
    // P1 ← P2, P2 ← P3, P3 none → 2/3
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('an index where the patient died is not an index (noted), but a death does not stop an episode from being a readmission', () => {
    const list = [
      stay('D', '2017-04-06 22:00', '2017-04-07 03:00', { died: true }),
      stay('E', '2017-04-01 08:00', '2017-04-02 08:00'),
      stay('E', '2017-04-10 08:00', '2017-04-11 08:00', { died: true }),
    ];
    // indexes: E1 only (D1 and E2 died); E1 is readmitted by E2 → 1/1; 2 died noted
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t.notes[INDEX_EXCLUDED_DIED]).toBe(2);
  });

  it('status is that of the last-ending admission: a died transfer followed by a longer alive stay is an index', () => {
    const list = [
      stay('P', '2017-04-01 08:00', '2017-04-05 08:00', { died: true }),
      stay('P', '2017-04-02 08:00', '2017-04-06 08:00', { died: false }), // overlaps, ends last
    ];
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('cancer indexes (C00–C99, D00–D09) are excluded and noted; D10 is not cancer; a cancer episode can be a readmission', () => {
    const list = [
      stay('E', '2017-04-24 11:00', '2017-04-26 08:00', { diagnosis: 'C189' }), // excluded
      stay('E', '2017-05-02 09:00', '2017-05-03 14:00', { diagnosis: 'R104' }),
      stay('F', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'C00' }), // excluded (3-char code)
      stay('G', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'D099' }), // excluded
      stay('H', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'D100' }), // index
      stay('H', '2017-04-10 08:00', '2017-04-11 08:00', { diagnosis: 'C509' }), // excluded index, but readmits H1
    ];
    // indexes: H1 only; readmitted by H2 (cancer readmissions count) → 1/1; 4 cancer notes (E1, F1, G1, H2)
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t.notes[INDEX_EXCLUDED_CANCER]).toBe(4);
  });

  it('an index excluded for several reasons is noted once, by the first rule: died before cancer', () => {
    const list = [stay('P', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'C189', died: true })];
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 0, denominator: 0 });
    expect(t.notes).toEqual({ [INDEX_EXCLUDED_DIED]: 1 });
  });

  it('Z76.3 (Z763…) indexes are excluded and noted; Z764 is an index', () => {
    const list = [
      stay('P', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'Z763' }),
      stay('Q', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'Z7630' }),
      stay('R', '2017-04-01 08:00', '2017-04-02 08:00', { diagnosis: 'Z764' }),
    ];
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 0, denominator: 1 });
    expect(t.notes[INDEX_EXCLUDED_Z763]).toBe(2);
  });

  it('injury, poisoning and external-cause readmissions (chapters S, T, V, W, X, Y) are ignored', () => {
    const list: Admission[] = [];
    for (const [i, dx] of ['S822', 'T140', 'V010', 'W190', 'X400', 'Y099'].entries()) {
      list.push(stay(`P${i}`, '2017-04-01 08:00', '2017-04-02 08:00'));
      list.push(stay(`P${i}`, '2017-04-10 08:00', '2017-04-11 08:00', { diagnosis: dx }));
    }
    // 12 indexes (6 first stays + 6 returns, all discharged in April), none readmitted
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 0, denominator: 12 });
    expect(t.notes[RETURN_NOT_COUNTED_INJURY]).toBe(6);
  });

  it('birth readmissions (O80–O84) are ignored; O79 and O85 are readmissions', () => {
    const list: Admission[] = [];
    for (const [i, dx] of ['O800', 'O84', 'O799', 'O85'].entries()) {
      list.push(stay(`P${i}`, '2017-04-01 08:00', '2017-04-02 08:00'));
      // within the window (04-02 08:00 + 720 h = 05-02 08:00), discharged in May
      list.push(stay(`P${i}`, '2017-04-29 08:00', '2017-05-01 08:00', { diagnosis: dx }));
    }
    // April indexes: the 4 first stays; readmitted: O799 and O85 → 2/4
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 2, denominator: 4 });
    expect(t.notes[RETURN_NOT_COUNTED_BIRTH]).toBe(2);
  });

  it('planned readmissions are ignored, but an acute one after a planned one within the window counts', () => {
    const list = [
      stay('P', '2017-04-01 08:00', '2017-04-02 08:00'),
      stay('P', '2017-05-01 08:00', '2017-05-02 08:00', { acute: false }),
      stay('Q', '2017-04-01 08:00', '2017-04-02 08:00'),
      stay('Q', '2017-04-10 08:00', '2017-04-11 08:00', { acute: false }),
      stay('Q', '2017-04-20 08:00', '2017-04-21 08:00'),
    ];
    // April indexes: P1, Q1, Q2, Q3. P1: only planned → no. Q1: Q2 planned, Q3 acute 04-20 ≤ 05-02 → yes.
    // Q2: Q3 acute → yes. Q3: none. → 2/4; one "planned" note (P1)
    const t = readmissions(list)['2017-04'].total;
    expect(t).toMatchObject({ numerator: 2, denominator: 4 });
    expect(t.notes[RETURN_NOT_COUNTED_PLANNED]).toBe(1);
  });

  it('an open episode can be a readmission but is never an index', () => {
    const list = [
      stay('H', '2017-03-27 10:00', '2017-04-03 14:00'),
      stay('H', '2017-04-27 21:00', null),
      stay('H', '2017-04-28 10:00', '2017-04-28 18:00'), // joins the open episode: not an index
    ];
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('a psychiatric admission is never a readmission', () => {
    const list = [
      stay('G', '2017-04-13 10:00', '2017-04-14 10:00'),
      stay('G', '2017-04-19 09:00', '2017-04-28 17:00', { psychiatric: true }),
    ];
    // 1 index (G1); the psychiatric stay is neither an index nor a readmission
    expect(readmissions(list)['2017-04'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('an index belongs to the period of its discharge date and to the groups of its first admission', () => {
    const list = [
      // admitted in March, discharged 04-01 00:30 (April), first admission in 665
      stay('P', '2017-03-30 08:00', '2017-03-31 22:00', { municipality: '665' }),
      stay('P', '2017-03-31 23:00', '2017-04-01 00:30', { municipality: '751' }),
      // readmission 04-30 08:00 (within 04-01 00:30 + 720 h = 05-01 00:30), discharged in May, in another municipality
      stay('P', '2017-04-30 08:00', '2017-05-02 08:00', { municipality: '727' }),
    ];
    const t = readmissions(list, ['2017-03', '2017-04', '2017-05'], byMunicipality);
    expect(t['2017-03'].total).toBeUndefined();
    expect(t['2017-04'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2017-04']['665']).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2017-04']['751']).toBeUndefined();
    // the May episode is an index in May, not readmitted
    expect(t['2017-05'].total).toMatchObject({ numerator: 0, denominator: 1 });
    expect(t['2017-05']['727']).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('the readmission window is 30 × 24 wall-clock hours across the daylight-saving change (2017-03-26)', () => {
    const list = [
      stay('P', '2017-03-10 08:00', '2017-03-20 12:00'),
      stay('P', '2017-04-19 12:00', '2017-04-20 12:00'), // 30 calendar days = 720 wall-clock hours → counts
      stay('Q', '2017-03-10 08:00', '2017-03-20 12:00'),
      stay('Q', '2017-04-19 12:01', '2017-04-20 12:00'), // 1 min too late
    ];
    expect(readmissions(list, ['2017-03'])['2017-03'].total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('warns when the data end less than 30 days after a period, not when they end 30 days after', () => {
    const periods = parsePeriodArguments(['2017-04']);
    // April ends 04-30; latest event 05-29 (a discharge) is 29 days after → warning
    const short = data([stay('P', '2017-04-01 08:00', '2017-05-29 10:00')]);
    const warnings = readmission30d.warnings!(short, periods);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('2017-04');
    expect(warnings[0]).toContain('2017-05-29');
    // latest event 05-30 (an admission without discharge) is 30 days after → no warning
    const enough = data([stay('P', '2017-04-01 08:00', '2017-04-02 08:00'), stay('Q', '2017-05-30 08:00', null)]);
    expect(readmission30d.warnings!(enough, periods)).toEqual([]);
    // no admissions at all: nothing to warn about
    expect(readmission30d.warnings!({}, periods)).toEqual([]);
  });

  it('warns against the data end the engine gives (SPEC §13.2: --data-end), not the latest event date', () => {
    const periods = parsePeriodArguments(['2017-04']);
    // The latest event is 05-29 (a warning on its own, above), but the data end given is
    // 05-30 = 04-30 + 30 days: complete, no warning; given 05-29: the warning names it.
    const short = data([stay('P', '2017-04-01 08:00', '2017-05-29 10:00')]);
    expect(readmission30d.warnings!(short, periods, day('2017-05-30'))).toEqual([]);
    expect(readmission30d.warnings!(short, periods, day('2017-05-29'))[0]).toContain('but the data end on 2017-05-29');
    // No data end known (no admissions): no warning.
    expect(readmission30d.warnings!(short, periods, null)).toEqual([]);
  });

  it('words the warning so that it is true when the data end before the period does', () => {
    // Data end 2016-05-02, inside the period 2016: the old "less than 30 days after the period
    // ends" was false. 2016-12-31 + 30 days = 2017-01-30.
    const early = data([stay('P', '2016-04-01 08:00', '2016-05-02 10:00')]);
    expect(readmission30d.warnings!(early, parsePeriodArguments(['2016']))).toEqual([
      'readmission-30d: follow-up is incomplete for period 2016: readmissions within 30 days of its last discharges ' +
        '(2016-12-31) need hospital data (admissions or contacts) up to 2017-01-30, but the data end on 2016-05-02',
    ]);
  });
});

// -------------------------------------------------------------------------------------------
// preventable-admissions-65

describe('preventable-admissions-65 (SPEC §3.2 no. 2, §3.3)', () => {
  it.each([
    // lower respiratory infection J12–J18, J20–J22
    ['J12', true], ['J120', true], ['J189', true], ['J18', true], ['J11', false], ['J111', false], ['J19', false],
    ['J20', true], ['J229', true], ['J23', false],
    // cystitis N30, N39.0
    ['N300', true], ['N390', true], ['N3900', true], ['N391', false], ['N39', false],
    // gastroenteritis A00–A09
    ['A00', true], ['A099', true], ['A10', false],
    // dehydration E86
    ['E86', true], ['E869', true], ['E87', false],
    // constipation K59.0
    ['K590', true], ['K591', false], ['K59', false],
    // nutritional anaemia D50–D53
    ['D500', true], ['D539', true], ['D49', false], ['D54', false],
    // social Z59, Z74, Z75
    ['Z590', true], ['Z74', true], ['Z751', true], ['Z76', false],
    // pressure ulcer L89
    ['L899', true], ['L88', false],
    // fall fractures S32, S42, S52, S72
    ['S320', true], ['S42', true], ['S525', true], ['S72', true], ['S720', true], ['S73', false], ['S62', false],
  ])('isPreventableDiagnosis(%s) is %s', (code, expected) => {
    expect(isPreventableDiagnosis(code)).toBe(expected);
  });

  it('the §3.3 ranges expand to one prefix per code: the 9 groups give 36 prefixes', () => {
    // J12–J18 (7) + J20–J22 (3) + N30, N390 (2) + A00–A09 (10) + E86 (1) + K590 (1)
    // + D50–D53 (4) + Z59, Z74, Z75 (3) + L89 (1) + S32, S42, S52, S72 (4) = 36
    expect(PREVENTABLE_DIAGNOSES.expanded()).toHaveLength(36);
    expect(PREVENTABLE_DIAGNOSES.expanded()).toContain('N390');
    expect(PREVENTABLE_DIAGNOSES.expanded()).toContain('A05');
  });

  it('a code list rejects malformed entries and never matches characters outside A–Z, 0–9', () => {
    expect(() => new CodeList(['J18–J12'])).toThrow();
    expect(() => new CodeList(['J12–K18'])).toThrow();
    expect(() => new CodeList(['12'])).toThrow();
    expect(new CodeList(['J12–J18']).has('j189')).toBe(false);
    expect(new CodeList(['S']).has('S')).toBe(true);
    expect(new CodeList(['S']).has('T00')).toBe(false);
    expect(new CodeList(['N39.0']).has('N39')).toBe(false);
  });

  const count = (list: Admission[], groupBy?: (w: UnitAttributes) => string) =>
    tallyOf(preventableAdmissions65, data(list), ['2017-04'], groupBy)['2017-04'];

  it('counts acute somatic episodes admitted in the period, aged ≥ 65, on the list; 64 is too young', () => {
    const list = [
      stay('A', '2017-04-05 08:00', '2017-04-06 08:00', { age: 65, diagnosis: 'J189' }), // yes
      stay('B', '2017-04-05 08:00', '2017-04-06 08:00', { age: 64, diagnosis: 'J189' }), // too young
      stay('C', '2017-04-05 08:00', '2017-04-06 08:00', { age: 80, diagnosis: 'J189', acute: false }), // planned
      stay('D', '2017-04-05 08:00', '2017-04-06 08:00', { age: 80, diagnosis: 'E86', psychiatric: true }), // psychiatric
      stay('E', '2017-04-05 08:00', '2017-04-06 08:00', { age: 80, diagnosis: 'I501' }), // not on list
      stay('F', '2017-03-27 10:00', '2017-04-03 14:00', { age: 88, diagnosis: 'E86' }), // admitted in March
    ];
    expect(count(list).total.numerator).toBe(1);
  });

  it('whatever the discharge status: died and open episodes count by their admitted_at', () => {
    const list = [
      stay('D', '2017-04-06 22:00', '2017-04-07 03:00', { age: 80, diagnosis: 'J189', died: true }),
      stay('H', '2017-04-27 21:00', null, { age: 88, diagnosis: 'J189' }),
    ];
    expect(count(list).total.numerator).toBe(2);
  });

  it('diagnosis, age and admission type come from the episode\'s first admission', () => {
    const list = [
      // first R079 then a transfer with J189 → not counted
      stay('A', '2017-04-05 08:00', '2017-04-06 08:00', { age: 80, diagnosis: 'R079' }),
      stay('A', '2017-04-06 09:00', '2017-04-08 08:00', { age: 80, diagnosis: 'J189' }),
      // first at 64, transfer at 65 → not counted
      stay('B', '2017-04-05 08:00', '2017-04-06 08:00', { age: 64, diagnosis: 'J189' }),
      stay('B', '2017-04-06 09:00', '2017-04-08 08:00', { age: 65, diagnosis: 'J189' }),
      // first planned then acute → not counted
      stay('C', '2017-04-05 08:00', '2017-04-06 08:00', { age: 80, diagnosis: 'J189', acute: false }),
      stay('C', '2017-04-06 09:00', '2017-04-08 08:00', { age: 80, diagnosis: 'J189', acute: true }),
      // first acute J189 at 70 followed by a planned transfer → counted once
      stay('D', '2017-04-05 08:00', '2017-04-06 08:00', { age: 70, diagnosis: 'J189', sex: 'F' }),
      stay('D', '2017-04-06 09:00', '2017-04-08 08:00', { age: 70, diagnosis: 'I501', acute: false, sex: 'F' }),
    ];
    const t = count(list, bySex);
    expect(t.total.numerator).toBe(1);
    expect(t.F.numerator).toBe(1);
  });

  it('the denominator is the population aged 65 or over', () => {
    const population = loaded('population', [
      inhabitants({ year: 2017, population: 10, age: 65 }),
      inhabitants({ year: 2017, population: 7, age: 64 }),
      inhabitants({ year: 2017, population: 3, age: 90 }),
    ]);
    const out = runIndicators([preventableAdmissions65], prepare({ ...data([]), ...population }), {
      periods: parsePeriodArguments(['2017']),
      by: [],
      minCell: 0,
    });
    expect(out.results[0]).toMatchObject({ numerator: 0, denominator: 10 + 3, value: 0 });
  });

  it('prints the §3.3 list with its version', () => {
    const text = preventableAdmissions65.reference!();
    expect(text).toContain(PREVENTABLE_DIAGNOSIS_LIST_VERSION);
    for (const code of ['J12–J18', 'J20–J22', 'N30', 'N39.0', 'A00–A09', 'E86', 'K59.0', 'D50–D53', 'Z59', 'Z74', 'Z75', 'L89', 'S32', 'S42', 'S52', 'S72']) {
      expect(text).toContain(code);
    }
  });
});

// -------------------------------------------------------------------------------------------
// acute-short-admissions

describe('acute-short-admissions (SPEC §3.2 no. 3)', () => {
  const count = (list: Admission[]) => tallyOf(acuteShortAdmissions, data(list), ['2017-04'])['2017-04'].total?.numerator ?? 0;

  it('an episode of 23 h 59 min is short; exactly 24 h 00 is not', () => {
    expect(count([stay('P', '2017-04-13 10:00', '2017-04-14 09:59')])).toBe(1);
    expect(count([stay('P', '2017-04-13 10:00', '2017-04-14 10:00')])).toBe(0);
  });

  it('whatever the discharge status; planned, psychiatric and open episodes are not counted', () => {
    const list = [
      stay('D', '2017-04-06 22:00', '2017-04-07 03:00', { died: true }), // 5 h, died → counts
      stay('P', '2017-04-06 22:00', '2017-04-07 03:00', { acute: false }),
      stay('Q', '2017-04-06 22:00', '2017-04-07 03:00', { psychiatric: true }),
      stay('H', '2017-04-27 21:00', null),
      stay('H', '2017-04-28 10:00', '2017-04-28 18:00'), // 8 h, but part of the open episode
    ];
    expect(count(list)).toBe(1);
  });

  it('the duration is the episode\'s: two short transfers adding up to 25 h are not short; 23 h are, once', () => {
    const list = [
      // 08:00 → 18:00, then 20:00 → next day 09:00: episode 25 h
      stay('P', '2017-04-05 08:00', '2017-04-05 18:00'),
      stay('P', '2017-04-05 20:00', '2017-04-06 09:00'),
      // 08:00 → 18:00, then 20:00 → next day 07:00: episode 23 h → one short episode
      stay('Q', '2017-04-05 08:00', '2017-04-05 18:00'),
      stay('Q', '2017-04-05 20:00', '2017-04-06 07:00'),
    ];
    expect(count(list)).toBe(1);
  });

  it('counted in the period of its admission date, not its discharge date', () => {
    const list = [stay('P', '2017-03-31 20:00', '2017-04-01 08:00')];
    const t = tallyOf(acuteShortAdmissions, data(list), ['2017-03', '2017-04']);
    expect(t['2017-03'].total.numerator).toBe(1);
    expect(t['2017-04'].total).toBeUndefined();
  });
});

// -------------------------------------------------------------------------------------------
// ready-for-discharge-days

describe('ready-for-discharge-days (SPEC §3.2 no. 4)', () => {
  it('each date from date(ready) up to the day before date(discharged) is a bed day, in the month that contains it', () => {
    const list = [
      // 03-30, 03-31 in March; 04-01, 04-02 in April; 04-03 (the discharge date) is not a bed day
      stay('H', '2017-03-27 10:00', '2017-04-03 14:00', { readyForDischargeAt: at('2017-03-30 12:00') }),
    ];
    const t = tallyOf(readyForDischargeDays, data(list), ['2017-03', '2017-04']);
    expect(t['2017-03'].total.numerator).toBe(2);
    expect(t['2017-04'].total.numerator).toBe(2);
  });

  it('ready and discharged on the same date give 0 bed days', () => {
    const list = [stay('B', '2017-04-18 10:00', '2017-04-20 15:59', { readyForDischargeAt: at('2017-04-20 09:00') })];
    expect(tallyOf(readyForDischargeDays, data(list), ['2017-04'])['2017-04'].total).toBeUndefined();
  });

  it('ready 23:59 and discharged 00:01 the next day is one bed day (calendar dates, not hours)', () => {
    const list = [stay('P', '2017-04-01 08:00', '2017-04-11 00:01', { readyForDischargeAt: at('2017-04-10 23:59') })];
    expect(tallyOf(readyForDischargeDays, data(list), ['2017-04'])['2017-04'].total.numerator).toBe(1);
  });

  it('counts admissions, not episodes, psychiatric included, grouped by the admission\'s own attributes', () => {
    const list = [
      stay('A', '2017-04-03 09:15', '2017-04-05 14:00', { municipality: '665' }),
      // middle admission of an episode, in 751: 04-08, 04-09 → 2 days in 751
      stay('A', '2017-04-05 18:00', '2017-04-10 11:00', { municipality: '751', readyForDischargeAt: at('2017-04-08 09:00') }),
      // psychiatric: 04-20 … 04-27 → 8 days in 727
      stay('G', '2017-04-19 09:00', '2017-04-28 17:00', { municipality: '727', psychiatric: true, readyForDischargeAt: at('2017-04-20 09:00') }),
    ];
    const t = tallyOf(readyForDischargeDays, data(list), ['2017-04'], byMunicipality)['2017-04'];
    expect(t.total.numerator).toBe(10);
    expect(t['751'].numerator).toBe(2);
    expect(t['727'].numerator).toBe(8);
    expect(t['665']).toBeUndefined();
  });

  it('an admission ready but not discharged gives no bed days (noted)', () => {
    const list = [stay('P', '2017-04-01 08:00', null, { readyForDischargeAt: at('2017-04-10 09:00') })];
    const t = tallyOf(readyForDischargeDays, data(list), ['2017-04'])['2017-04'].total;
    expect(t.numerator).toBe(0);
    expect(t.notes[STILL_ADMITTED_WHEN_READY]).toBe(1);
  });

  it('only dates inside the requested periods count: a stay across New Year gives 2 days in 2017', () => {
    const list = [stay('P', '2016-12-01 08:00', '2017-01-03 10:00', { readyForDischargeAt: at('2016-12-30 09:00') })];
    // bed days 2016-12-30, 12-31, 2017-01-01, 01-02 → 2017: 2
    expect(tallyOf(readyForDischargeDays, data(list), ['2017'])['2017'].total.numerator).toBe(2);
  });

  it('is not computed when the extract has no ready_for_discharge_at column', () => {
    const list = [stay('P', '2017-04-01 08:00', '2017-04-02 08:00')];
    expect(readyForDischargeDays.unavailable!(data(list, ['cost_dkk']))).toEqual({ code: 'column-missing', message: 'admissions extract has no ready_for_discharge_at column' });
    expect(readyForDischargeDays.unavailable!(data(list, ['ready_for_discharge_at']))).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------
// discharges-outside-daytime

describe('discharges-outside-daytime (SPEC §3.2 no. 5)', () => {
  const outside = (discharged: string) => {
    const [date] = discharged.split(' ');
    const list = [stay('P', `${date} 00:00`, discharged)];
    const period = date.slice(0, 7);
    const t = tallyOf(dischargesOutsideDaytime, data(list), [period])[period].total;
    expect(t.denominator).toBe(1);
    return t.numerator === 1;
  };

  it('on a working day (Wed 2017-04-26): 07:59 is outside, 08:00 inside, 15:59 inside, 16:00 outside', () => {
    expect(isoWeekday(day('2017-04-26'))).toBe(WED);
    expect(outside('2017-04-26 07:59')).toBe(true);
    expect(outside('2017-04-26 08:00')).toBe(false);
    expect(outside('2017-04-26 15:59')).toBe(false);
    expect(outside('2017-04-26 16:00')).toBe(true);
  });

  it('a discharge at noon on Saturday 2017-04-22 is outside daytime', () => {
    expect(isoWeekday(day('2017-04-22'))).toBe(SAT);
    expect(outside('2017-04-22 12:00')).toBe(true);
  });

  it('a discharge at noon on Whit Monday 2017-06-05 is outside daytime', () => {
    expect(isoWeekday(day('2017-06-05'))).toBe(MON);
    expect(outside('2017-06-05 12:00')).toBe(true);
  });

  it('a discharge at noon on Store Bededag 2023 (Fri 2023-05-05) is outside daytime; on Fri 2024-05-03 and Fri 2024-04-26 (no Store Bededag in 2024) it is not', () => {
    expect(isoWeekday(day('2023-05-05'))).toBe(FRI);
    expect(outside('2023-05-05 12:00')).toBe(true);
    expect(isoWeekday(day('2024-05-03'))).toBe(FRI);
    expect(outside('2024-05-03 12:00')).toBe(false);
    expect(isoWeekday(day('2024-04-26'))).toBe(FRI);
    expect(outside('2024-04-26 12:00')).toBe(false);
  });

  it('a discharge at noon on Grundlovsdag Wed 2019-06-05 is inside daytime (5 June is a working day)', () => {
    expect(isoWeekday(day('2019-06-05'))).toBe(WED);
    expect(outside('2019-06-05 12:00')).toBe(false);
  });

  it('denominator: somatic episodes discharged alive in the period; died (noted), open and psychiatric are left out; a transfer is not a discharge', () => {
    const list = [
      stay('D', '2017-04-06 22:00', '2017-04-07 03:00', { died: true }),
      stay('H', '2017-04-27 21:00', null),
      stay('H', '2017-04-28 10:00', '2017-04-28 18:00'),
      stay('G', '2017-04-19 09:00', '2017-04-28 17:00', { psychiatric: true }),
      // episode: transfer out at 20:00 (not a discharge), final discharge Wed 04-26 12:00 → daytime
      stay('A', '2017-04-24 09:00', '2017-04-25 20:00'),
      stay('A', '2017-04-25 21:00', '2017-04-26 12:00'),
    ];
    const t = tallyOf(dischargesOutsideDaytime, data(list), ['2017-04'])['2017-04'].total;
    expect(t).toMatchObject({ numerator: 0, denominator: 1 });
    expect(t.notes[DISCHARGE_EXCLUDED_DIED]).toBe(1);
  });
});

// -------------------------------------------------------------------------------------------
// cost-per-capita, cofinancing-per-capita

describe('cost-per-capita and cofinancing-per-capita (SPEC §3.2 no. 6–7)', () => {
  const list = () => [
    stay('A', '2017-03-27 10:00', '2017-04-03 14:00', { sex: 'M', costDkk: 26000, cofinancingDkk: 2600 }), // admitted in March
    stay('B', '2017-04-06 22:00', '2017-04-07 03:00', { sex: 'M', costDkk: 5000, cofinancingDkk: 500, died: true }),
    stay('C', '2017-04-19 09:00', '2017-04-28 17:00', { sex: 'F', psychiatric: true, costDkk: null, cofinancingDkk: 3500 }),
    stay('D', '2017-04-27 21:00', null, { sex: 'F', costDkk: 9999, cofinancingDkk: 999 }), // not discharged
    stay('E', '2017-04-28 10:00', '2017-05-01 00:00', { sex: 'F', costDkk: 7000, cofinancingDkk: null }), // May
  ];

  it('sums the amounts of all admissions discharged in the period, psychiatric and died included; a missing amount is 0 and noted', () => {
    const cost = tallyOf(costPerCapita, data(list()), ['2017-04', '2017-05'], bySex);
    // April: 26000 + 5000 + 0 (C, missing) = 31000; M 31000, F 0 (a group with an amount of 0)
    expect(cost['2017-04'].total.numerator).toBe(31000);
    expect(cost['2017-04'].M.numerator).toBe(31000);
    expect(cost['2017-04'].F).toMatchObject({ numerator: 0 });
    expect(cost['2017-04'].F.notes[MISSING_COST]).toBe(1);
    expect(cost['2017-05'].total.numerator).toBe(7000);

    const cofinancing = tallyOf(cofinancingPerCapita, data(list()), ['2017-04', '2017-05'], bySex);
    // April: 2600 + 500 + 3500 = 6600; May: E missing → 0, noted
    expect(cofinancing['2017-04'].total.numerator).toBe(6600);
    expect(cofinancing['2017-04'].F.numerator).toBe(3500);
    expect(cofinancing['2017-05'].total.numerator).toBe(0);
    expect(cofinancing['2017-05'].total.notes[MISSING_COFINANCING]).toBe(1);
  });

  it('costs are grouped by each admission, not by its episode', () => {
    const two = [
      stay('A', '2017-04-03 09:15', '2017-04-05 14:00', { municipality: '665', costDkk: 100 }),
      stay('A', '2017-04-05 18:00', '2017-04-10 11:00', { municipality: '751', costDkk: 50 }),
    ];
    const t = tallyOf(costPerCapita, data(two), ['2017-04'], byMunicipality)['2017-04'];
    expect(t['665'].numerator).toBe(100);
    expect(t['751'].numerator).toBe(50);
  });

  it('is not computed when the column is absent from the extract', () => {
    const d = data(list(), ['ready_for_discharge_at']);
    expect(costPerCapita.unavailable!(d)).toEqual({ code: 'column-missing', message: 'admissions extract has no cost_dkk column' });
    expect(cofinancingPerCapita.unavailable!(d)).toEqual({ code: 'column-missing', message: 'admissions extract has no cofinancing_dkk column' });
    expect(costPerCapita.unavailable!(data(list(), ['cost_dkk']))).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------
// The catalogue

describe('admission indicator declarations (SPEC §3.2)', () => {
  it('are the seven of SPEC §3.2 no. 1–7 in catalogue order, with aim, unit and direction', () => {
    expect(admissionIndicators.map((i) => [i.id, i.aim, i.unit, i.direction])).toEqual([
      ['readmission-30d', 'quality', 'percent', 'lower_is_better'],
      ['preventable-admissions-65', 'population_health', 'per_1000', 'lower_is_better'],
      ['acute-short-admissions', 'cost', 'per_1000', 'lower_is_better'],
      ['ready-for-discharge-days', 'cost', 'per_1000', 'lower_is_better'],
      ['discharges-outside-daytime', 'quality', 'percent', 'lower_is_better'],
      ['cost-per-capita', 'cost', 'dkk_per_capita', 'lower_is_better'],
      ['cofinancing-per-capita', 'cost', 'dkk_per_capita', 'lower_is_better'],
    ]);
  });

  it('rates and per-capita figures need the population; none has a catalogue baseline or target', () => {
    for (const i of admissionIndicators) {
      expect(i.sources).toContain('admissions');
      expect(i.sources.includes('population')).toBe(i.unit === 'per_1000' || i.unit === 'dkk_per_capita');
      expect(i.baselines).toEqual([]);
      expect(i.target).toBeNull();
      expect(i.dimensions).toEqual(['municipality', 'cluster', 'education', 'sex', 'age_band']);
    }
  });
});

// -------------------------------------------------------------------------------------------
// examples/episodes-and-readmissions: April 2017, by sex (records as the reader gives them,
// diagnoses already normalised: DC189 → C189 …)

function april2017(): Admission[] {
  const A = { patientId: 'pt-A', municipality: '665', age: 72, sex: 'F' as const };
  const B = { patientId: 'pt-B', municipality: '779', age: 58, sex: 'M' as const };
  const C = { patientId: 'pt-C', municipality: '727', age: 45, sex: 'F' as const };
  const D = { patientId: 'pt-D', municipality: '665', age: 80, sex: 'M' as const };
  const E = { patientId: 'pt-E', municipality: '779', age: 67, sex: 'F' as const };
  const F = { patientId: 'pt-F', municipality: '727', age: 34, sex: 'M' as const };
  const G = { patientId: 'pt-G', municipality: '665', age: 29, sex: 'F' as const };
  const H = { patientId: 'pt-H', municipality: '779', age: 88, sex: 'M' as const };
  const row = (
    who: { patientId: string },
    admitted: string,
    discharged: string | null,
    acute: boolean,
    diagnosis: string,
    cost: number | null,
    cofinancing: number | null,
    more: Partial<Admission> = {},
  ) =>
    admission({
      ...who,
      admittedAt: at(admitted),
      dischargedAt: discharged === null ? null : at(discharged),
      acute,
      diagnosis,
      costDkk: cost,
      cofinancingDkk: cofinancing,
      ...more,
    });
  return [
    row(A, '2017-04-03 09:15', '2017-04-05 14:00', true, 'I501', 24000, 2400),
    row(A, '2017-04-05 18:00', '2017-04-10 11:00', false, 'I501', 18000, 1800, { readyForDischargeAt: at('2017-04-08 09:00') }),
    row(A, '2017-04-09 20:00', '2017-04-12 07:30', true, 'I500', 12000, 1200),
    row(A, '2017-04-12 11:31', '2017-04-12 20:00', true, 'R079', 4000, 400),
    row(B, '2017-04-18 10:00', '2017-04-20 15:59', true, 'K850', 16000, 1600, { readyForDischargeAt: at('2017-04-20 09:00') }),
    row(B, '2017-05-20 15:59', '2017-05-24 11:00', true, 'K861', 16000, 1600),
    row(C, '2017-04-21 08:00', '2017-04-22 15:00', true, 'J441', 9000, 900),
    row(C, '2017-05-22 15:01', '2017-06-01 10:00', true, 'J441', 30000, 3000),
    row(D, '2017-04-06 22:00', '2017-04-07 03:00', true, 'J189', 5000, 500, { died: true }),
    row(E, '2017-04-24 11:00', '2017-04-26 08:00', true, 'C189', 40000, 4000),
    row(E, '2017-05-02 09:00', '2017-05-03 14:00', true, 'R104', 8000, 800),
    row(F, '2017-04-10 14:00', '2017-04-11 16:00', true, 'K358', 14000, 1400),
    row(F, '2017-04-25 19:00', '2017-04-26 12:00', true, 'S822', 6000, 600),
    row(F, '2017-05-08 08:00', '2017-05-09 10:00', false, 'K800', 20000, 2000),
    row(G, '2017-04-13 10:00', '2017-04-14 10:00', true, 'N390', 7000, 700),
    row(G, '2017-04-19 09:00', '2017-04-28 17:00', true, 'F322', null, 3500, { psychiatric: true }),
    row(H, '2017-03-27 10:00', '2017-04-03 14:00', true, 'E86', 26000, 2600, { readyForDischargeAt: at('2017-03-30 12:00') }),
    row(H, '2017-04-27 21:00', null, true, 'J189', null, null),
    row(H, '2017-04-28 10:00', '2017-04-28 18:00', true, 'J960', 3000, 300),
  ];
}

describe('worked example: episodes and readmissions, April 2017 by sex (examples/episodes-and-readmissions)', () => {
  const admissions = april2017();
  const example = data(admissions);
  const april = (indicator: Parameters<typeof tallyOf>[0]) => tallyOf(indicator, example, ['2017-04'], bySex)['2017-04'];
  const sums = (indicator: Parameters<typeof tallyOf>[0]) => {
    const t = april(indicator);
    return Object.fromEntries(['total', 'F', 'M'].map((k) => [k, [t[k]?.numerator ?? 0, t[k]?.denominator ?? 0]]));
  };

  it('the 19 admissions form the 15 episodes of the README (Step 1)', () => {
    const table = buildEpisodes(admissionTable(admissions)).toArray().map((e) => [
      e.first.patientId,
      formatWallTime(e.admittedAt),
      e.first.acute ? 'acute' : 'planned',
      e.first.diagnosis,
      e.dischargedAt === null ? 'open' : formatWallTime(e.dischargedAt),
      e.last.died ? 'died' : 'alive',
    ]);
    expect(table).toEqual([
      ['pt-A', '2017-04-03 09:15', 'acute', 'I501', '2017-04-12 07:30', 'alive'], // A1 = a-101, a-102, a-103
      ['pt-A', '2017-04-12 11:31', 'acute', 'R079', '2017-04-12 20:00', 'alive'], // A2
      ['pt-B', '2017-04-18 10:00', 'acute', 'K850', '2017-04-20 15:59', 'alive'], // B1
      ['pt-B', '2017-05-20 15:59', 'acute', 'K861', '2017-05-24 11:00', 'alive'], // B2
      ['pt-C', '2017-04-21 08:00', 'acute', 'J441', '2017-04-22 15:00', 'alive'], // C1
      ['pt-C', '2017-05-22 15:01', 'acute', 'J441', '2017-06-01 10:00', 'alive'], // C2
      ['pt-D', '2017-04-06 22:00', 'acute', 'J189', '2017-04-07 03:00', 'died'], // D1
      ['pt-E', '2017-04-24 11:00', 'acute', 'C189', '2017-04-26 08:00', 'alive'], // E1
      ['pt-E', '2017-05-02 09:00', 'acute', 'R104', '2017-05-03 14:00', 'alive'], // E2
      ['pt-F', '2017-04-10 14:00', 'acute', 'K358', '2017-04-11 16:00', 'alive'], // F1
      ['pt-F', '2017-04-25 19:00', 'acute', 'S822', '2017-04-26 12:00', 'alive'], // F2
      ['pt-F', '2017-05-08 08:00', 'planned', 'K800', '2017-05-09 10:00', 'alive'], // F3
      ['pt-G', '2017-04-13 10:00', 'acute', 'N390', '2017-04-14 10:00', 'alive'], // G1 (g-702 psychiatric)
      ['pt-H', '2017-03-27 10:00', 'acute', 'E86', '2017-04-03 14:00', 'alive'], // H1
      ['pt-H', '2017-04-27 21:00', 'acute', 'J189', 'open', 'alive'], // H2 = h-802, h-803
    ]);
  });

  it('readmission-30d: 3/8 (F 1/4: A1; M 2/4: B1, H1), with 1 index excluded for death and 1 for cancer (Step 2)', () => {
    expect(sums(readmission30d)).toEqual({ total: [3, 8], F: [1, 4], M: [2, 4] });
    const notes = april(readmission30d).total.notes;
    expect(notes[INDEX_EXCLUDED_DIED]).toBe(1); // D1
    expect(notes[INDEX_EXCLUDED_CANCER]).toBe(1); // E1
    expect(notes[RETURN_NOT_COUNTED_INJURY]).toBe(1); // F1 → F2 (S822)
    expect(notes[RETURN_NOT_COUNTED_PLANNED]).toBe(1); // F2 → F3 (planned)
    // the data end 2017-06-01, 32 days after 04-30: no warning
    expect(readmission30d.warnings!(example, parsePeriodArguments(['2017-04']))).toEqual([]);
  });

  it('discharges-outside-daytime: 5/9 (F 4/5: A1, A2, C1, G1; M 1/4: F1) (Step 3)', () => {
    expect(sums(dischargesOutsideDaytime)).toEqual({ total: [5, 9], F: [4, 5], M: [1, 4] });
  });

  it('acute-short-admissions: 3 (F 1: A2; M 2: D1, F2) (Step 4)', () => {
    expect(sums(acuteShortAdmissions)).toEqual({ total: [3, 0], F: [1, 0], M: [2, 0] });
  });

  it('ready-for-discharge-days: 4 (F 2: a-102; M 2: h-801 in April) (Step 5)', () => {
    expect(sums(readyForDischargeDays)).toEqual({ total: [4, 0], F: [2, 0], M: [2, 0] });
  });

  it('preventable-admissions-65: 2 (F 0; M 2: D1, H2) (Step 6)', () => {
    expect(sums(preventableAdmissions65)).toEqual({ total: [2, 0], F: [0, 0], M: [2, 0] });
  });

  it('cost-per-capita: 184000 (F 114000, M 70000); cofinancing-per-capita: 21900 (F 14900, M 7000) (Step 7)', () => {
    expect(sums(costPerCapita)).toEqual({ total: [184000, 0], F: [114000, 0], M: [70000, 0] });
    expect(april(costPerCapita).F.notes[MISSING_COST]).toBe(1); // g-702
    expect(sums(cofinancingPerCapita)).toEqual({ total: [21900, 0], F: [14900, 0], M: [7000, 0] });
  });
});

// -------------------------------------------------------------------------------------------
// A differential check: the linear implementation against a direct, quadratic reading of the
// SPEC wording, on random admissions whose gaps cluster at the rule edges (4 h, 720 h).

describe('the linear episode sweep agrees with a direct reading of SPEC §3.1 and §3.2 no. 1–5 on random data', () => {
  const H = 3600;
  const EDGE_GAPS = [-30 * H, -H, 0, 3 * H + 59 * 60, 4 * H, 4 * H + 60, 4 * H + 1, 24 * H, 719 * H, 720 * H, 720 * H + 60, 800 * H];
  const DIAGNOSES = ['J189', 'C189', 'D099', 'D100', 'Z763', 'O800', 'O85', 'S720', 'T140', 'Y099', 'K590', 'K591', 'R069'];

  function randomAdmissions(seed: number): Admission[] {
    let s = seed;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const list: Admission[] = [];
    for (let p = 0; p < 150; p++) {
      let t = at('2017-01-01 00:00') + Math.floor(rnd() * 300) * 86_400 + Math.floor(rnd() * 1440) * 60;
      const stays = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < stays; k++) {
        const length = pick([0, 60, 23 * H + 59 * 60, 24 * H, 30 * H, 100 * H]);
        const open = rnd() < 0.03;
        list.push(
          admission({
            patientId: `p${p}`,
            admittedAt: t,
            dischargedAt: open ? null : t + length,
            acute: rnd() < 0.75,
            psychiatric: rnd() < 0.1,
            died: rnd() < 0.1,
            diagnosis: pick(DIAGNOSES),
            age: pick([40, 64, 65, 80]),
            sex: pick(['F', 'M'] as const),
          }),
        );
        t = t + length + pick(EDGE_GAPS);
      }
    }
    // file order unrelated to time
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  interface Plain {
    patient: string;
    admittedAt: number;
    end: number; // Infinity = open
    first: Admission;
    last: Admission;
  }

  /** SPEC §3.1 read literally: per patient, sort, chain on "≤ 4 h after the latest discharge". */
  function plainEpisodes(list: Admission[]): Plain[] {
    const out: Plain[] = [];
    const patients = [...new Set(list.map((a) => a.patientId))];
    for (const p of patients) {
      const mine = list
        .filter((a) => a.patientId === p && !a.psychiatric)
        .sort((a, b) => a.admittedAt - b.admittedAt || a.line - b.line);
      let current: Plain | null = null;
      for (const a of mine) {
        const end = a.dischargedAt ?? Infinity;
        if (current && a.admittedAt <= current.end + 4 * H) {
          if (end >= current.end) {
            current.end = end;
            current.last = a;
          }
        } else {
          current = { patient: p, admittedAt: a.admittedAt, end, first: a, last: a };
          out.push(current);
        }
      }
    }
    return out;
  }

  const months = Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`);
  const inMonth = (t: number, m: string) => formatWallTime(t).startsWith(m);
  const totals = (indicator: Parameters<typeof tallyOf>[0], list: Admission[]) => {
    const t = tallyOf(indicator, data(list), months);
    return months.map((m) => [t[m].total?.numerator ?? 0, t[m].total?.denominator ?? 0]);
  };

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: readmission-30d, discharges-outside-daytime, acute-short-admissions and preventable-admissions-65 per month`, () => {
      const list = randomAdmissions(seed);
      const eps = plainEpisodes(list);
      expect(buildEpisodes(admissionTable(list)).count).toBe(eps.length);

      const readmission = months.map((m) => {
        let x = 0;
        let n = 0;
        for (const e of eps) {
          if (e.end === Infinity || !inMonth(e.end, m) || e.last.died) continue;
          if (/^(C|D0|Z763)/.test(e.first.diagnosis)) continue;
          n++;
          const back = eps.some(
            (r) =>
              r.patient === e.patient &&
              r.first.acute &&
              !/^(O8[0-4]|[STVWXY])/.test(r.first.diagnosis) &&
              r.admittedAt > e.end &&
              r.admittedAt <= e.end + 720 * H,
          );
          if (back) x++;
        }
        return [x, n];
      });
      expect(totals(readmission30d, list)).toEqual(readmission);

      const outside = months.map((m) => {
        const mine = eps.filter((e) => e.end !== Infinity && inMonth(e.end, m) && !e.last.died);
        const x = mine.filter((e) => {
          const clock = formatWallTime(e.end).slice(11);
          const weekday = isoWeekday(Math.floor(e.end / 86_400));
          return clock < '08:00' || clock >= '16:00' || weekday > 5 || !isWorkingDayPlain(e.end);
        }).length;
        return [x, mine.length];
      });
      expect(totals(dischargesOutsideDaytime, list)).toEqual(outside);

      const short = months.map((m) => [
        eps.filter((e) => e.first.acute && inMonth(e.admittedAt, m) && e.end - e.admittedAt < 24 * H).length,
        0,
      ]);
      expect(totals(acuteShortAdmissions, list)).toEqual(short);

      const preventable = months.map((m) => [
        eps.filter((e) => e.first.acute && inMonth(e.admittedAt, m) && e.first.age >= 65 && /^(J1[2-8]|K590|S72)/.test(e.first.diagnosis)).length,
        0,
      ]);
      expect(totals(preventableAdmissions65, list)).toEqual(preventable);
    });
  }
});

/** 2017's weekday holidays (SPEC §3.1; Easter 16 April 2017), written out by hand. */
function isWorkingDayPlain(t: number): boolean {
  const date = formatWallTime(t).slice(0, 10);
  return !['2017-01-01', '2017-04-13', '2017-04-14', '2017-04-17', '2017-05-12', '2017-05-25', '2017-06-05', '2017-12-25', '2017-12-26'].includes(date);
}
