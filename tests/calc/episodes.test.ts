import { describe, expect, it } from 'vitest';
import { buildEpisodes, OPEN } from '../../src/calc/episodes.js';
import { formatWallTime } from '../../src/calc/time.js';
import type { Admission } from '../../src/extracts/records.js';
import { admission, admissionTable, at } from '../helpers/records.js';

/** Episode summaries: admission ids (diagnosis used as id), start, end. */
function chains(admissions: Admission[]) {
  return buildEpisodes(admissionTable(admissions)).toArray().map((e) => ({
    first: e.first.diagnosis,
    last: e.last.diagnosis,
    admittedAt: formatWallTime(e.admittedAt),
    dischargedAt: e.dischargedAt === null ? null : formatWallTime(e.dischargedAt),
    admissions: e.admissions.length,
  }));
}

describe('episodes (SPEC §3.1)', () => {
  it('an admission starting exactly 4 h 00 after the discharge joins the chain (a transfer)', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-03 09:15'), dischargedAt: at('2017-04-05 14:00') }),
      // 14:00 + 4 h = 18:00
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-05 18:00'), dischargedAt: at('2017-04-10 11:00') }),
    ];
    expect(chains(list)).toEqual([
      { first: 'A01', last: 'A02', admittedAt: '2017-04-03 09:15', dischargedAt: '2017-04-10 11:00', admissions: 2 },
    ]);
  });

  it('an admission starting 4 h 01 after the discharge starts a new episode', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-10 08:00'), dischargedAt: at('2017-04-12 07:30') }),
      // 07:30 + 4 h 01 = 11:31
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-12 11:31'), dischargedAt: at('2017-04-12 20:00') }),
    ];
    expect(chains(list).map((c) => c.admissions)).toEqual([1, 1]);
  });

  it('one second beyond 4 h (4 h 00 min 01 s) also starts a new episode', () => {
    const list = [
      admission({ patientId: 'p', admittedAt: at('2017-04-10 08:00'), dischargedAt: at('2017-04-12 07:30') }),
      admission({ patientId: 'p', admittedAt: at('2017-04-12 11:30:01'), dischargedAt: at('2017-04-12 20:00') }),
    ];
    expect(buildEpisodes(admissionTable(list)).count).toBe(2);
  });

  it('an overlapping admission joins, and the episode ends at the latest discharge (not the last admission\'s)', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-10 12:00') }),
      // inside the first stay: starts and ends before 04-10 12:00
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-03 08:00'), dischargedAt: at('2017-04-04 08:00') }),
    ];
    expect(chains(list)).toEqual([
      { first: 'A01', last: 'A01', admittedAt: '2017-04-01 08:00', dischargedAt: '2017-04-10 12:00', admissions: 2 },
    ]);
  });

  it('a chain of three: the gap is measured from the latest discharge of the chain so far, not from the previous admission', () => {
    const list = [
      // ends 04-10 12:00
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-10 12:00') }),
      // nested: ends 04-05 08:00, far earlier than the chain end
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-04 08:00'), dischargedAt: at('2017-04-05 08:00') }),
      // starts 04-10 15:00: 5 days after A02's discharge, but 3 h after the chain end 12:00 → joins
      admission({ patientId: 'p', diagnosis: 'A03', admittedAt: at('2017-04-10 15:00'), dischargedAt: at('2017-04-11 10:00') }),
      // starts 04-11 14:00: 4 h after A03's 10:00 → joins; the chain now has four admissions
      admission({ patientId: 'p', diagnosis: 'A04', admittedAt: at('2017-04-11 14:00'), dischargedAt: at('2017-04-13 10:00') }),
    ];
    expect(chains(list)).toEqual([
      { first: 'A01', last: 'A04', admittedAt: '2017-04-01 08:00', dischargedAt: '2017-04-13 10:00', admissions: 4 },
    ]);
  });

  it('an admission without discharge is ongoing: every later admission of the patient joins, and the episode is open', () => {
    const list = [
      // an earlier, separate stay (more than 4 h before the open one)
      admission({ patientId: 'p', diagnosis: 'A00', admittedAt: at('2017-03-27 10:00'), dischargedAt: at('2017-04-03 14:00') }),
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-27 21:00'), dischargedAt: null }),
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-28 10:00'), dischargedAt: at('2017-04-28 18:00') }),
      // months later: still joins the open chain
      admission({ patientId: 'p', diagnosis: 'A03', admittedAt: at('2017-09-01 10:00'), dischargedAt: at('2017-09-02 10:00') }),
    ];
    expect(chains(list)).toEqual([
      { first: 'A00', last: 'A00', admittedAt: '2017-03-27 10:00', dischargedAt: '2017-04-03 14:00', admissions: 1 },
      { first: 'A01', last: 'A01', admittedAt: '2017-04-27 21:00', dischargedAt: null, admissions: 3 },
    ]);
  });

  it('ties in admitted_at: the first admission is the earlier in file order (line), whatever the table order', () => {
    const later = admission({ patientId: 'p', line: 20, diagnosis: 'B02', acute: false, admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') });
    const earlier = admission({ patientId: 'p', line: 10, diagnosis: 'B01', acute: true, admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') });
    const [e] = buildEpisodes(admissionTable([later, earlier])).toArray();
    expect(e.first).toEqual(earlier);
    expect(e.first.diagnosis).toBe('B01');
    expect(e.first.acute).toBe(true);
    // equal discharge times: the last-ending is the later in (admitted_at, line) = line 20
    expect(e.last).toEqual(later);
  });

  it('last-ending admission: latest discharged_at gives discharge time and status; equal times take the later in (admitted_at, line)', () => {
    const first = admission({ patientId: 'p', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-05 12:00'), died: true });
    // starts later, ends at the same time → it is the last-ending one, and it is alive
    const second = admission({ patientId: 'p', admittedAt: at('2017-04-02 08:00'), dischargedAt: at('2017-04-05 12:00'), died: false });
    const [e] = buildEpisodes(admissionTable([first, second])).toArray();
    expect(e.last).toEqual(second);
    expect(e.last.died).toBe(false);

    // the reverse: a nested alive stay and a died stay that ends last
    const outer = admission({ patientId: 'q', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-09 12:00'), died: true });
    const nested = admission({ patientId: 'q', admittedAt: at('2017-04-02 08:00'), dischargedAt: at('2017-04-03 12:00'), died: false });
    const [f] = buildEpisodes(admissionTable([outer, nested])).toArray();
    expect(f.last).toEqual(outer);
    expect(f.last.died).toBe(true);
    expect(f.dischargedAt).toBe(at('2017-04-09 12:00'));
  });

  it('an episode takes admission type, diagnosis and the person attributes of its first admission, and sums the amounts (missing = 0)', () => {
    const list = [
      admission({ patientId: 'p', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00'), acute: true, diagnosis: 'J189', municipality: '665', age: 72, sex: 'F', education: 'short', costDkk: 1000, cofinancingDkk: 100 }),
      admission({ patientId: 'p', admittedAt: at('2017-04-02 09:00'), dischargedAt: at('2017-04-03 08:00'), acute: false, diagnosis: 'I501', municipality: '751', age: 73, sex: 'F', education: 'long', costDkk: null, cofinancingDkk: 50 }),
      admission({ patientId: 'p', admittedAt: at('2017-04-03 09:00'), dischargedAt: at('2017-04-04 08:00'), costDkk: 250, cofinancingDkk: null }),
    ];
    const [e] = buildEpisodes(admissionTable(list)).toArray();
    expect(e.admissions).toEqual(list);
    expect(e).toMatchObject({ costDkk: 1000 + 0 + 250, cofinancingDkk: 100 + 50 + 0 });
    expect(e.first).toMatchObject({ acute: true, diagnosis: 'J189', municipality: '665', age: 72, education: 'short' });
  });

  it('psychiatric admissions never form or join episodes', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') }),
      // psychiatric, 1 h after: would bridge the gap if it joined
      admission({ patientId: 'p', diagnosis: 'F322', psychiatric: true, admittedAt: at('2017-04-02 09:00'), dischargedAt: at('2017-04-10 08:00') }),
      // 1 h after the psychiatric discharge, 8 days after the somatic one → new episode
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-10 09:00'), dischargedAt: at('2017-04-11 08:00') }),
      // a patient with only a psychiatric admission has no episode
      admission({ patientId: 'q', diagnosis: 'F200', psychiatric: true, admittedAt: at('2017-04-01 08:00'), dischargedAt: null }),
    ];
    expect(chains(list).map((c) => [c.first, c.admissions])).toEqual([
      ['A01', 1],
      ['A02', 1],
    ]);
  });

  it('an open psychiatric admission does not absorb later somatic admissions', () => {
    const list = [
      admission({ patientId: 'p', psychiatric: true, admittedAt: at('2017-04-01 08:00'), dischargedAt: null }),
      admission({ patientId: 'p', admittedAt: at('2017-04-05 08:00'), dischargedAt: at('2017-04-06 08:00') }),
    ];
    expect(chains(list)).toEqual([
      { first: 'R069', last: 'R069', admittedAt: '2017-04-05 08:00', dischargedAt: '2017-04-06 08:00', admissions: 1 },
    ]);
  });

  it('admissions of different patients never chain, even when interleaved in the file', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'P1', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') }),
      admission({ patientId: 'q', diagnosis: 'Q1', admittedAt: at('2017-04-02 09:00'), dischargedAt: at('2017-04-03 08:00') }),
      admission({ patientId: 'p', diagnosis: 'P2', admittedAt: at('2017-04-02 10:00'), dischargedAt: at('2017-04-03 08:00') }),
    ];
    const eps = buildEpisodes(admissionTable(list)).toArray();
    expect(eps.map((e) => [e.first.diagnosis, e.last.diagnosis])).toEqual([
      ['P1', 'P2'],
      ['Q1', 'Q1'],
    ]);
    expect(eps[0].patient).not.toBe(eps[1].patient);
  });

  it('admissions out of time order in the file are sorted by admitted_at before chaining', () => {
    const list = [
      admission({ patientId: 'p', diagnosis: 'A03', admittedAt: at('2017-04-05 10:00'), dischargedAt: at('2017-04-06 08:00') }),
      admission({ patientId: 'p', diagnosis: 'A01', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') }),
      // 2 h after A01 → joins A01; A03 starts 04-05, 2 days after A02 ends → separate
      admission({ patientId: 'p', diagnosis: 'A02', admittedAt: at('2017-04-02 10:00'), dischargedAt: at('2017-04-03 08:00') }),
    ];
    expect(chains(list).map((c) => [c.first, c.last, c.admissions])).toEqual([
      ['A01', 'A02', 2],
      ['A03', 'A03', 1],
    ]);
  });

  it('a patient with many admissions in reverse file order is chained the same way, ties by line (long-history sort path)', () => {
    // 40 stays of 1 day each, every 2 days: 40 separate episodes, except that stay 2k+1 is a
    // transfer 3 h after stay 2k → 20 episodes of 2 admissions.
    const list: Admission[] = [];
    for (let k = 0; k < 20; k++) {
      const start = at('2017-01-01 08:00') + k * 4 * 86_400;
      list.push(admission({ patientId: 'p', admittedAt: start, dischargedAt: start + 86_400 }));
      list.push(admission({ patientId: 'p', admittedAt: start + 86_400 + 3 * 3600, dischargedAt: start + 2 * 86_400 }));
    }
    // and two more at the same admitted_at, far later: file order (line) decides the first
    const tieLate = admission({ patientId: 'p', line: 9001, diagnosis: 'T02', admittedAt: at('2018-01-01 08:00'), dischargedAt: at('2018-01-02 08:00') });
    const tieEarly = admission({ patientId: 'p', line: 9000, diagnosis: 'T01', admittedAt: at('2018-01-01 08:00'), dischargedAt: at('2018-01-02 08:00') });
    list.push(tieEarly, tieLate);
    list.reverse();
    const all = buildEpisodes(admissionTable(list)).toArray();
    const tied = all.pop()!;
    expect(tied.first).toEqual(tieEarly);
    expect(tied.last).toEqual(tieLate);
    const eps = all;
    expect(eps).toHaveLength(20);
    expect(eps.every((e) => e.admissions.length === 2)).toBe(true);
    for (let k = 1; k < eps.length; k++) expect(eps[k].admittedAt).toBeGreaterThan(eps[k - 1].admittedAt);
  });

  it('the columns tell the same as the episode objects: first/last by index, OPEN discharge for open episodes, sizes', () => {
    const list = [
      admission({ patientId: 'p', admittedAt: at('2017-04-01 08:00'), dischargedAt: at('2017-04-02 08:00') }),
      admission({ patientId: 'p', admittedAt: at('2017-04-02 10:00'), dischargedAt: at('2017-04-03 08:00') }),
      admission({ patientId: 'q', admittedAt: at('2017-04-05 08:00'), dischargedAt: null }),
    ];
    const table = buildEpisodes(admissionTable(list));
    expect(table.count).toBe(2);
    expect([...table.first]).toEqual([0, 2]);
    expect([...table.last]).toEqual([1, 2]);
    expect([table.size(0), table.size(1)]).toEqual([2, 1]);
    expect([table.isOpen(0), table.isOpen(1)]).toEqual([false, true]);
    expect(table.dischargedAt[0]).toBe(at('2017-04-03 08:00'));
    expect(table.dischargedAt[1]).toBe(OPEN);
    expect(table.admittedAt[1]).toBe(at('2017-04-05 08:00'));
  });
});
