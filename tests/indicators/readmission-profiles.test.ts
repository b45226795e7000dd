// readmission-30d under both profiles (SPEC §3.2 no. 1, §14.3) and its exclusion audit
// (§14.4): each exclusion rule of the index and of the readmission, the window's boundary, the
// rule order, national on admissions.csv (episodes as stays). Every expected count is worked
// out by hand beside its data: one index stay I and one return R unless the test says more.

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { MESSAGES, say } from '../../src/domain/messages.js';
import { runIndicators, type AuditRow } from '../../src/engine/run.js';
import type { Admission, Contact, LoadedData } from '../../src/extracts/records.js';
import { prepare } from '../../src/facts/index.js';
import { readmission30d } from '../../src/indicators/admissions.js';
import { findProfile } from '../../src/indicators/profiles.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { admission, at, contact, loaded } from '../helpers/records.js';
import { tallyOf } from '../helpers/tally.js';

const NATIONAL = findProfile('national')!;
const nationalReadmission = NATIONAL.catalogue.find((i) => i.id === 'readmission-30d') as CountingIndicator;
const ALL = ['secondary_diagnoses', 'sector', 'unit_type', 'cost_dkk', 'ready_for_discharge_at', 'end_status'];

const contactsOf = (list: Contact[]): LoadedData => loaded('contacts', list, ALL);
const c = (from: string, to: string | null, more: Partial<Contact> = {}) =>
  contact({ patientId: 'p', startAt: at(from), endAt: to === null ? null : at(to), diagnosis: 'J189', ...more });

/** The index stay: Fri 2017-04-28 08:00 → Sun 04-30 10:00, acute, J189 (period 2017-04). */
const index = (more: Partial<Contact> = {}) => c('2017-04-28 08:00', '2017-04-30 10:00', more);
/** A return five days later, in May (so never an index of 2017-04): Fri 05-05 08:00 → Sun 05-07 10:00, acute, J189. */
const back = (more: Partial<Contact> = {}) => c('2017-05-05 08:00', '2017-05-07 10:00', more);

function count(indicator: CountingIndicator, data: LoadedData) {
  const t = tallyOf(indicator, data, ['2017-04'])['2017-04'].total ?? { numerator: 0, denominator: 0, notes: {} };
  return { x: t.numerator, n: t.denominator, notes: t.notes };
}
const national = (list: Contact[]) => count(nationalReadmission, contactsOf(list));
const rm = (list: Contact[]) => count(readmission30d, contactsOf(list));

describe('readmission-30d, national profile on contacts (SPEC §14.3)', () => {
  it('an index readmitted by an acute stay 5 days later: 1 of 1 under both profiles', () => {
    expect(national([index(), back()])).toMatchObject({ x: 1, n: 1 });
    expect(rm([index(), back()])).toMatchObject({ x: 1, n: 1 });
  });

  describe('index exclusions, in the order of SPEC §14.4', () => {
    it('under-12-hours: an index stay of 11 h 59 is no index (0 of 0); 12 h 00 is one', () => {
      expect(national([c('2017-04-29 08:00', '2017-04-29 19:59'), back()])).toMatchObject({ x: 0, n: 0 });
      expect(national([c('2017-04-29 08:00', '2017-04-29 20:00'), back()])).toMatchObject({ x: 1, n: 1 });
    });

    it('died: excluded under both profiles, with the note', () => {
      const r = national([index({ died: true }), back()]);
      expect(r).toMatchObject({ x: 0, n: 0 });
      expect(r.notes[say(MESSAGES.indexExcludedDiedStay)]).toBe(1);
      expect(rm([index({ died: true }), back()])).toMatchObject({ x: 0, n: 0 });
    });

    it('hospice: a hospice index is excluded under national; rm has no hospice rule', () => {
      expect(national([index({ hospice: true }), back()])).toMatchObject({ x: 0, n: 0 });
      expect(rm([index({ hospice: true }), back()])).toMatchObject({ x: 1, n: 1 });
    });

    it('cancer: a cancer code only as a secondary diagnosis excludes the index under national, not under rm (first diagnosis only)', () => {
      const list = [index({ secondaryDiagnoses: 'K566|C189' }), back()];
      const r = national(list);
      expect(r).toMatchObject({ x: 0, n: 0 });
      expect(r.notes[say(MESSAGES.indexExcludedCancerAny)]).toBe(1);
      expect(rm(list)).toMatchObject({ x: 1, n: 1 });
      // D00–D09 are cancer, D10 is not.
      expect(national([index({ secondaryDiagnoses: 'D099' }), back()])).toMatchObject({ n: 0 });
      expect(national([index({ secondaryDiagnoses: 'D100' }), back()])).toMatchObject({ n: 1 });
    });

    it('z76-3: Z76.3 among the diagnoses excludes under national; under rm only as the first diagnosis', () => {
      expect(national([index({ secondaryDiagnoses: 'Z763' }), back()])).toMatchObject({ n: 0 });
      expect(rm([index({ secondaryDiagnoses: 'Z763' }), back()])).toMatchObject({ n: 1 });
      expect(rm([index({ diagnosis: 'Z763' }), back()])).toMatchObject({ n: 0 });
    });

    it('psychiatric-last-diagnosis: F on the last-ending contact excludes; F as a secondary diagnosis or on an earlier contact does not', () => {
      // Two contacts 2 h apart form one stay; the second ends last.
      const first = (more: Partial<Contact> = {}) => c('2017-04-28 08:00', '2017-04-29 10:00', more);
      const last = (more: Partial<Contact> = {}) => c('2017-04-29 12:00', '2017-04-30 10:00', more);
      expect(national([first(), last({ diagnosis: 'F050' }), back()])).toMatchObject({ x: 0, n: 0 });
      expect(national([first(), last({ secondaryDiagnoses: 'F039' }), back()])).toMatchObject({ x: 1, n: 1 });
      expect(national([first({ diagnosis: 'F050' }), last(), back()])).toMatchObject({ x: 1, n: 1 });
      // rm reads only the first diagnosis for cancer and Z76.3, and has no F rule.
      expect(rm([first(), last({ diagnosis: 'F050' }), back()])).toMatchObject({ x: 1, n: 1 });
    });
  });

  describe('readmission rejections, in the order of SPEC §14.4', () => {
    it('planned: a planned return is no readmission (note: planned)', () => {
      const r = national([index(), back({ acute: false })]);
      expect(r).toMatchObject({ x: 0, n: 1 });
      expect(r.notes[say(MESSAGES.returnNotCountedPlannedStay)]).toBe(1);
    });

    it('under-12-hours: a return of 11 h 59 is none under national, 12 h 00 is one', () => {
      expect(national([index(), c('2017-05-05 08:00', '2017-05-05 19:59')])).toMatchObject({ x: 0, n: 1 });
      expect(national([index(), c('2017-05-05 08:00', '2017-05-05 20:00')])).toMatchObject({ x: 1, n: 1 });
      // rm: a stay under 12 h is not an admission row at all, so not a readmission either.
      expect(rm([index(), c('2017-05-05 08:00', '2017-05-05 19:59')])).toMatchObject({ x: 0, n: 1 });
    });

    it('an ongoing return is an admission and can be a readmission', () => {
      expect(national([index(), back({ endAt: null })])).toMatchObject({ x: 1, n: 1 });
      expect(rm([index(), back({ endAt: null })])).toMatchObject({ x: 1, n: 1 });
    });

    it('hospice: no readmission under national; one under rm', () => {
      expect(national([index(), back({ hospice: true })])).toMatchObject({ x: 0, n: 1 });
      expect(rm([index(), back({ hospice: true })])).toMatchObject({ x: 1, n: 1 });
    });

    it('cancer, Z76.3 and F among the return’s diagnoses reject it under national, not under rm', () => {
      for (const secondary of ['C509', 'Z763', 'F101']) {
        expect(national([index(), back({ secondaryDiagnoses: secondary })]), secondary).toMatchObject({ x: 0, n: 1 });
        expect(rm([index(), back({ secondaryDiagnoses: secondary })]), secondary).toMatchObject({ x: 1, n: 1 });
      }
    });

    it('birth: O80–O84 as the first diagnosis (O83 included) rejects under both; O85 does not', () => {
      for (const dx of ['O800', 'O830', 'O849']) {
        expect(national([index(), back({ diagnosis: dx })]), dx).toMatchObject({ x: 0 });
        expect(rm([index(), back({ diagnosis: dx })]), dx).toMatchObject({ x: 0 });
      }
      expect(national([index(), back({ diagnosis: 'O850' })])).toMatchObject({ x: 1 });
    });

    it('injury: national rejects S, T00–T35, T51–T79, T90–T98, X, Y; V, W, T36–T50 and T80–T89 are readmissions; rm rejects all of S–Y', () => {
      const rejectedNationally = ['S720', 'T009', 'T350', 'T510', 'T799', 'T900', 'T983', 'X599', 'Y839'];
      const readmittedNationally = ['V010', 'W199', 'T360', 'T400', 'T509', 'T800', 'T814', 'T899'];
      for (const dx of rejectedNationally) expect(national([index(), back({ diagnosis: dx })]).x, dx).toBe(0);
      for (const dx of readmittedNationally) expect(national([index(), back({ diagnosis: dx })]).x, dx).toBe(1);
      for (const dx of [...rejectedNationally, ...readmittedNationally]) expect(rm([index(), back({ diagnosis: dx })]).x, dx).toBe(0);
    });

    it('the injury and birth rules read the first diagnosis: an S code on the return’s later contact does not reject it', () => {
      const list = [index(), c('2017-05-05 08:00', '2017-05-06 08:00'), c('2017-05-06 10:00', '2017-05-07 10:00', { diagnosis: 'S720' })];
      expect(national(list)).toMatchObject({ x: 1, n: 1 });
    });
  });

  it('the window: a return exactly 720 h after the index end counts, 720 h 1 min does not (both profiles)', () => {
    // Index ends Sun 04-30 10:00; + 30 × 24 h = Tue 05-30 10:00.
    for (const count of [national, rm]) {
      expect(count([index(), c('2017-05-30 10:00', '2017-05-31 10:00')])).toMatchObject({ x: 1, n: 1 });
      expect(count([index(), c('2017-05-30 10:01', '2017-05-31 10:00')])).toMatchObject({ x: 0, n: 1 });
    }
  });

  it('a rejected first return does not hide a qualifying later one in the window', () => {
    expect(national([index(), back({ acute: false }), c('2017-05-15 08:00', '2017-05-16 10:00')])).toMatchObject({ x: 1, n: 1 });
  });
});

describe('readmission-30d, rm-2015-2018 on contacts: §3 on the admissions among the stays (SPEC §14.2)', () => {
  it('cancer and Z76.3 as the first diagnosis exclude the index (notes as §3.2)', () => {
    const cancer = rm([index({ diagnosis: 'C189' }), back()]);
    expect(cancer).toMatchObject({ x: 0, n: 0 });
    expect(cancer.notes[say(MESSAGES.indexExcludedCancer)]).toBe(1);
    expect(rm([index({ diagnosis: 'Z763' }), back()]).notes[say(MESSAGES.indexExcludedZ763)]).toBe(1);
  });

  it('a planned return is no readmission; the note names the first return’s first rule', () => {
    const r = rm([index(), back({ acute: false })]);
    expect(r).toMatchObject({ x: 0, n: 1 });
    expect(r.notes[say(MESSAGES.returnNotCountedPlanned)]).toBe(1);
  });

  it('a short acute stay between index and return is not a row: the return after it is still the readmission', () => {
    // 4 h acute stay on 05-02, then the return on 05-05 (both within 720 h of 04-30 10:00).
    const r = rm([index(), c('2017-05-02 08:00', '2017-05-02 12:00'), back()]);
    expect(r).toMatchObject({ x: 1, n: 1 });
  });
});

describe('readmission-30d, national profile on admissions.csv: the episodes play the part of stays (SPEC §14.3)', () => {
  const ADMISSION_COLUMNS = ['sector', 'discharge_status'];
  const a = (from: string, to: string | null, more: Partial<Admission> = {}) =>
    admission({ patientId: 'p', admittedAt: at(from), dischargedAt: to === null ? null : at(to), diagnosis: 'J189', ...more });
  const onAdmissions = (indicator: CountingIndicator, list: Admission[]) => count(indicator, loaded('admissions', list, ADMISSION_COLUMNS));
  const returns = a('2017-05-05 08:00', '2017-05-07 10:00');

  it('the 12-hour rule on the episode: two admissions 2 h apart (5 h + 6 h, 13 h in all) are an index; one of 11 h 59 is not', () => {
    const chained = [a('2017-04-29 08:00', '2017-04-29 13:00'), a('2017-04-29 15:00', '2017-04-29 21:00'), returns];
    expect(onAdmissions(nationalReadmission, chained)).toMatchObject({ x: 1, n: 1 });
    expect(onAdmissions(nationalReadmission, [a('2017-04-29 08:00', '2017-04-29 19:59'), returns])).toMatchObject({ x: 0, n: 0 });
    // rm has no 12-hour rule on admissions.csv.
    expect(onAdmissions(readmission30d, [a('2017-04-29 08:00', '2017-04-29 19:59'), returns])).toMatchObject({ x: 1, n: 1 });
  });

  it('the diagnoses are the primary diagnoses of the episode’s admissions: cancer on the second one excludes under national only', () => {
    const list = [a('2017-04-28 08:00', '2017-04-29 10:00'), a('2017-04-29 12:00', '2017-04-30 10:00', { diagnosis: 'C189' }), returns];
    expect(onAdmissions(nationalReadmission, list)).toMatchObject({ x: 0, n: 0 });
    expect(onAdmissions(readmission30d, list)).toMatchObject({ x: 1, n: 1 });
  });

  it('the last diagnosis is the last-ending admission’s: F there excludes under national', () => {
    const list = [a('2017-04-28 08:00', '2017-04-29 10:00'), a('2017-04-29 12:00', '2017-04-30 10:00', { diagnosis: 'F050' }), returns];
    expect(onAdmissions(nationalReadmission, list)).toMatchObject({ x: 0, n: 0 });
    expect(onAdmissions(readmission30d, list)).toMatchObject({ x: 1, n: 1 });
  });
});

describe('the exclusion audit (SPEC §14.4)', () => {
  const periods = parsePeriodArguments(['2017-04']);
  function audit(indicator: CountingIndicator, list: Contact[], ids: string[]): AuditRow[] {
    const data = contactsOf(list);
    (data.contacts as { ids?: readonly string[] }).ids = ids;
    return runIndicators([indicator], prepare(data), { periods, by: [], minCell: 0, audit: true }).audit!;
  }
  const rows = (list: AuditRow[]) => list.map((r) => `${r.unit_id} ${r.role} ${r.rule}`.trim());

  it('index, the units rejected in its window before the first readmission with their first rule, then the readmission; the first rule of the list names an exclusion', () => {
    // i: index; p: planned and hospice (planned comes first); r: readmission; z: after r, not listed.
    const list = [
      c('2017-04-03 08:00', '2017-04-05 10:00'),
      c('2017-04-10 08:00', '2017-04-12 10:00', { acute: false, hospice: true }),
      c('2017-04-14 08:00', '2017-04-15 10:00'),
      c('2017-04-20 08:00', '2017-04-21 10:00'),
    ];
    // The returns are index candidates of their own (discharged in April): p is excluded as
    // an index by hospice (died and under-12-hours do not apply), r is an index readmitted by z.
    expect(rows(audit(nationalReadmission, list, ['i', 'p', 'r', 'z']))).toEqual([
      'i index',
      'p excluded planned',
      'r readmission',
      'p excluded hospice',
      'r index',
      'z readmission',
      'z index',
    ]);
  });

  it('an (excluded, unit, rule) row appears once per period: a short stay rejected in a window and as an index candidate by the same rule is written once', () => {
    // a is readmitted by b (22 h later); s (4 h, acute) lies in b's window and is rejected there
    // (under-12-hours); as an index candidate it is excluded by the same rule.
    const list = [c('2017-04-03 08:00', '2017-04-05 10:00'), c('2017-04-06 08:00', '2017-04-07 10:00'), c('2017-04-08 08:00', '2017-04-08 12:00')];
    const got = rows(audit(nationalReadmission, list, ['a', 'b', 's']));
    expect(got.filter((r) => r === 's excluded under-12-hours')).toHaveLength(1);
    expect(got).toEqual(['a index', 'b readmission', 'b index', 's excluded under-12-hours']);
  });

  it('an index excluded by died and hospice is named by died, the first of the index rules', () => {
    expect(rows(audit(nationalReadmission, [c('2017-04-03 08:00', '2017-04-05 10:00', { died: true, hospice: true })], ['d']))).toEqual(['d excluded died']);
  });
});
