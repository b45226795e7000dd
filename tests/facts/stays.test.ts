// Stays from LPR3 contacts (SPEC §14.2): the chaining rules at their boundaries, each worked
// out by hand in the test; and the stays read as admissions.csv rows.

import { describe, expect, it } from 'vitest';
import { OPEN } from '../../src/calc/episodes.js';
import type { Contact, LoadedData } from '../../src/extracts/records.js';
import { prepare } from '../../src/facts/index.js';
import { stayRows } from '../../src/facts/stay-rows.js';
import { buildStays, isAdmission, type StayTable } from '../../src/facts/stays.js';
import { at, contact, loaded } from '../helpers/records.js';

const ALL = ['secondary_diagnoses', 'sector', 'unit_type', 'cost_dkk', 'ready_for_discharge_at', 'end_status'];
const contactsOf = (list: Contact[]): LoadedData => loaded('contacts', list, ALL);
function staysOf(list: Contact[]): StayTable {
  return buildStays(contactsOf(list).contacts!.table);
}
/** Each stay as the lines of its contacts, in chaining order. */
function members(stays: StayTable): number[][] {
  const line = stays.contacts.columns.line;
  const out: number[][] = [];
  for (let s = 0; s < stays.count; s++) {
    const m: number[] = [];
    for (let p = stays.start[s]; p < stays.start[s + 1]; p++) m.push(line[stays.order[p]]);
    out.push(m);
  }
  return out;
}
const c = (patientId: string, from: string, to: string | null, more: Partial<Contact> = {}) =>
  contact({ patientId, startAt: at(from), endAt: to === null ? null : at(to), ...more });

describe('stays (SPEC §14.2)', () => {
  it('a contact starting 3 h 59 or 4 h 00 after the stay’s latest end joins it; 4 h 01 starts a new stay', () => {
    // A ends 10:00. B starts 13:59 (3 h 59), C starts 4 h 00 after B's end (18:00 → 22:00),
    // D starts 4 h 01 after C's end (23:00 → 03:01 next day).
    const a = c('p', '2017-03-06 08:00', '2017-03-06 10:00');
    const b = c('p', '2017-03-06 13:59', '2017-03-06 18:00');
    const cc = c('p', '2017-03-06 22:00', '2017-03-06 23:00');
    const d = c('p', '2017-03-07 03:01', '2017-03-07 09:00');
    const stays = staysOf([a, b, cc, d]);
    expect(members(stays)).toEqual([[a.line, b.line, cc.line], [d.line]]);
    expect(stays.admittedAt[0]).toBe(at('2017-03-06 08:00'));
    expect(stays.dischargedAt[0]).toBe(at('2017-03-06 23:00'));
  });

  it('an overlapping contact joins; the stay ends with its latest end, not its last contact’s', () => {
    // A 03-06 08:00 → 03-09 11:00; B starts inside A and ends earlier (03-07 → 03-08);
    // C starts 03-08 20:00, before A's end: joins, ends 03-10 09:00.
    const a = c('p', '2017-03-06 08:00', '2017-03-09 11:00');
    const b = c('p', '2017-03-07 08:00', '2017-03-08 08:00');
    const cc = c('p', '2017-03-08 20:00', '2017-03-10 09:00', { diagnosis: 'I500' });
    const stays = staysOf([a, b, cc]);
    expect(stays.count).toBe(1);
    expect(stays.dischargedAt[0]).toBe(at('2017-03-10 09:00'));
    expect(stays.contacts.columns.line[stays.last[0]]).toBe(cc.line);
    // The latest end is C's (03-10 09:00): a contact 4 h 01 after it starts a new stay.
    const d = c('p', '2017-03-10 13:01', '2017-03-10 20:00');
    expect(staysOf([a, b, cc, d]).count).toBe(2);
  });

  it('an ongoing contact takes in every later contact of the patient and sector, however late; the stay has no end', () => {
    const a = c('p', '2017-11-20 10:00', null);
    const b = c('p', '2017-11-27 09:00', '2017-11-27 15:00');
    const later = c('p', '2018-06-01 09:00', '2018-06-02 15:00');
    const stays = staysOf([a, b, later]);
    expect(members(stays)).toEqual([[a.line, b.line, later.line]]);
    expect(stays.dischargedAt[0]).toBe(OPEN);
    expect(isAdmission(stays, 0)).toBe(true);
  });

  it('home and virtual contacts form no stay and bridge no gap; they are listed for the note', () => {
    // j1 ends 10:00; home 12:00–13:00, virtual 15:30–15:45; j4 starts 18:30: 8 h 30 after j1,
    // 2 h 45 after the virtual one. Without them j4 is a stay of its own.
    const j1 = c('p', '2017-04-10 11:00', '2017-04-11 10:00');
    const home = c('p', '2017-04-11 12:00', '2017-04-11 13:00', { contactType: 'home' });
    const virtual = c('p', '2017-04-11 15:30', '2017-04-11 15:45', { contactType: 'virtual' });
    const j4 = c('p', '2017-04-11 18:30', '2017-04-13 12:00');
    const stays = staysOf([j1, home, virtual, j4]);
    expect(members(stays)).toEqual([[j1.line], [j4.line]]);
    expect([...stays.notPhysical].map((j) => stays.contacts.columns.line[j])).toEqual([home.line, virtual.line]);
  });

  it('stays are built per sector: a psychiatric contact 2 h after a somatic one is a stay of its own', () => {
    const somatic = c('p', '2017-10-02 09:00', '2017-10-09 10:00');
    const psychiatric = c('p', '2017-10-09 12:00', '2017-10-27 10:00', { psychiatric: true });
    const stays = staysOf([somatic, psychiatric]);
    expect(members(stays)).toEqual([[somatic.line], [psychiatric.line]]);
    expect([...stays.psychiatric]).toEqual([0, 1]);
  });

  it('a psychiatric contact between two somatic ones does not split the somatic stay (sectors chain apart)', () => {
    const a = c('p', '2017-10-02 09:00', '2017-10-03 10:00');
    const psychiatric = c('p', '2017-10-03 11:00', '2017-10-03 12:00', { psychiatric: true });
    const b = c('p', '2017-10-03 13:00', '2017-10-04 10:00');
    expect(members(staysOf([a, psychiatric, b]))).toEqual([[a.line, b.line], [psychiatric.line]]);
  });

  it('patients apart: another patient’s contact never joins', () => {
    const a = c('p', '2017-10-02 09:00', '2017-10-03 10:00');
    const other = c('q', '2017-10-03 11:00', '2017-10-04 10:00');
    expect(staysOf([a, other]).count).toBe(2);
  });

  it('an admission is a stay of at least 12 h 00 (11 h 59 is not), or an ongoing one', () => {
    const short = c('p', '2017-06-10 20:00', '2017-06-11 07:59');
    const twelve = c('q', '2017-06-20 20:00', '2017-06-21 08:00');
    const ongoing = c('r', '2017-06-20 20:00', null);
    const stays = staysOf([short, twelve, ongoing]);
    expect([0, 1, 2].map((s) => isAdmission(stays, s))).toEqual([false, true, true]);
  });

  it('ties: of two contacts starting together the first in the file is the first; of two ending together the later in (start, line) is the last', () => {
    // Same start: line order decides the first contact (its diagnosis is the stay's first).
    const x = c('p', '2017-05-01 08:00', '2017-05-02 12:00', { diagnosis: 'J189' });
    const y = c('p', '2017-05-01 08:00', '2017-05-02 12:00', { diagnosis: 'N390' });
    const stays = staysOf([x, y]);
    expect(stays.contacts.columns.line[stays.first[0]]).toBe(x.line);
    // Same end: the later in (start_at, line) is the last-ending: y.
    expect(stays.contacts.columns.line[stays.last[0]]).toBe(y.line);
    // Given in the other file order, the file order still decides.
    const y2 = c('q', '2017-05-01 08:00', '2017-05-02 12:00', { diagnosis: 'N390' });
    const x2 = c('q', '2017-05-01 08:00', '2017-05-02 12:00', { diagnosis: 'J189' });
    const s2 = staysOf([y2, x2]);
    expect(s2.contacts.columns.line[s2.first[0]]).toBe(y2.line);
    expect(s2.contacts.columns.line[s2.last[0]]).toBe(x2.line);
  });
});

describe('stays as admissions.csv rows (SPEC §14.2)', () => {
  it('take start, priority, diagnosis and person from the first contact, end status from the last-ending, costs summed, the latest ready time', () => {
    // a1 08:00 → 03-07 10:00 (20000), a2 13:59 → 03-09 11:00 planned (15000), a3 overlaps to
    // 03-10 09:00, ready 03-09 10:00 (10000), died. Sum 45000; a2's planned priority is not the stay's.
    const list = [
      c('p', '2017-03-06 08:00', '2017-03-07 10:00', { diagnosis: 'I501', costDkk: 20000, age: 78 }),
      c('p', '2017-03-07 13:59', '2017-03-09 11:00', { diagnosis: 'I501', costDkk: 15000, acute: false, age: 79 }),
      c('p', '2017-03-08 20:00', '2017-03-10 09:00', { diagnosis: 'I500', costDkk: 10000, readyForDischargeAt: at('2017-03-09 10:00'), died: true }),
    ];
    const stays = staysOf(list);
    const rows = stayRows(stays, () => true).table.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      admittedAt: at('2017-03-06 08:00'),
      dischargedAt: at('2017-03-10 09:00'),
      acute: true,
      diagnosis: 'I501',
      age: 78,
      costDkk: 45000,
      readyForDischargeAt: at('2017-03-09 10:00'),
      died: true,
    });
  });

  it('a stay whose contacts have no cost has none (counted as missing); an ongoing stay has no end and is not died', () => {
    const stays = staysOf([c('p', '2017-03-06 08:00', null, { died: false }), c('q', '2017-03-06 08:00', '2017-03-07 08:00')]);
    const rows = stayRows(stays, () => true).table.rows();
    expect(rows.map((r) => [r.dischargedAt, r.costDkk, r.died])).toEqual([
      [null, null, false],
      [at('2017-03-07 08:00'), null, false],
    ]);
  });

  it('from contacts.csv the run reads only the admissions as admissions.csv rows, with the contacts’ info', () => {
    const data = contactsOf([c('p', '2017-06-10 20:00', '2017-06-11 07:59'), c('q', '2017-06-20 20:00', '2017-06-21 08:00')]);
    const prepared = prepare(data);
    expect(prepared.data.admissions!.table.length).toBe(1);
    expect(prepared.data.admissions!.info.extract).toBe('contacts');
    expect(prepared.allStays!.length).toBe(2);
  });
});
