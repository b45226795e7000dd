// `sample --contacts` (SPEC §14.1, §14.2, §16): contacts.csv in place of admissions.csv, with
// the LPR3 patterns every admission indicator needs under both profiles. The file is read back
// with csv-parse and the stays are built here by §14.2's rule, written out again (not the
// generator's or the tool's code), so the counts below say what the file holds.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../helpers/records.js';
import { generate, removeTempDirs } from './helpers.js';

const HOUR = 3600;
const CONTACT_HEADER = [
  'contact_id', 'patient_id', 'start_at', 'end_at', 'contact_type', 'priority', 'action_diagnosis', 'secondary_diagnoses',
  'sector', 'unit_type', 'municipality_code', 'age', 'sex', 'education', 'cost_dkk', 'cofinancing_dkk',
  'ready_for_discharge_at', 'end_status',
];

type Row = Record<string, string>;

function readContacts(dir: string): { header: string[]; rows: Row[] } {
  const [header, ...body] = parse(readFileSync(join(dir, 'contacts.csv'), 'utf8'), { relax_column_count: false }) as string[][];
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))) };
}

const PHYSICAL = new Set(['physical', 'ALCA00']);
const ACUTE = new Set(['acute', 'ATA1']);
const time = (s: string) => (s === '' ? null : at(s));

interface Stay {
  contacts: Row[];
  start: number;
  /** null: ongoing. */
  end: number | null;
  /** The largest gap between a contact's start and the stay's latest end before it. */
  gaps: number[];
}

/** SPEC §14.2: a patient's physical contacts of one sector, by start; a contact joins the stay
 *  when it starts no later than 4 h after the stay's latest end, or overlaps it; an ongoing
 *  contact overlaps everything after it. */
function staysOf(rows: readonly Row[]): Stay[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (!PHYSICAL.has(r.contact_type)) continue;
    const key = `${r.patient_id}|${r.sector === 'psychiatric' ? 'P' : 'S'}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(r);
  }
  const stays: Stay[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => time(a.start_at)! - time(b.start_at)!);
    let stay: Stay | null = null;
    for (const c of g) {
      const start = time(c.start_at)!;
      const end = time(c.end_at);
      if (stay !== null && (stay.end === null || start <= stay.end + 4 * HOUR)) {
        stay.gaps.push(stay.end === null ? 0 : start - stay.end);
        stay.contacts.push(c);
        stay.end = stay.end === null || end === null ? null : Math.max(stay.end, end);
      } else {
        stay = { contacts: [c], start, end, gaps: [] };
        stays.push(stay);
      }
    }
  }
  return stays;
}

let dir = '';
let rows: Row[] = [];
let header: string[] = [];
let stays: Stay[] = [];

beforeAll(async () => {
  dir = await generate({ seed: 1, scale: 1, contacts: true });
  ({ header, rows } = readContacts(dir));
  stays = staysOf(rows);
}, 60_000);
afterAll(removeTempDirs);

describe('sample --contacts: the files', () => {
  it('writes contacts.csv with the canonical header of SPEC §14.1 in place of admissions.csv, the other six extracts as without it', async () => {
    expect(header).toEqual(CONTACT_HEADER);
    expect(existsSync(join(dir, 'admissions.csv'))).toBe(false);
    for (const e of ['referrals', 'smoking', 'lup', 'population', 'measurements', 'baselines']) expect(existsSync(join(dir, `${e}.csv`)), e).toBe(true);
    // 5,000 contacts at scale 1.
    expect(rows.length).toBe(5000);
  });

  it('is deterministic: the same seed gives byte-identical files, another seed another file; --scale scales the rows', async () => {
    const again = await generate({ seed: 1, scale: 1, contacts: true });
    for (const f of ['contacts', 'referrals', 'population']) {
      expect(readFileSync(join(again, `${f}.csv`)).equals(readFileSync(join(dir, `${f}.csv`))), f).toBe(true);
    }
    const other = await generate({ seed: 2, scale: 0.2, contacts: true });
    const otherRows = readContacts(other).rows;
    expect(otherRows.length).toBe(1000); // 5000 × 0.2
    expect(otherRows.slice(0, 50)).not.toEqual(rows.slice(0, 50));
  });

  it('every row keeps SPEC §14.1: unique ids, end_at ≥ start_at, the ready time within its own contact, ages 0–125', () => {
    expect(new Set(rows.map((r) => r.contact_id)).size).toBe(rows.length);
    for (const r of rows) {
      const start = time(r.start_at)!;
      const end = time(r.end_at);
      const ready = time(r.ready_for_discharge_at);
      if (end !== null) expect(end, r.contact_id).toBeGreaterThanOrEqual(start);
      if (ready !== null) {
        expect(ready, r.contact_id).toBeGreaterThanOrEqual(start);
        expect(end, r.contact_id).not.toBeNull();
        expect(ready, r.contact_id).toBeLessThanOrEqual(end!);
      }
      expect(Number(r.age)).toBeGreaterThanOrEqual(0);
      expect(Number(r.age)).toBeLessThanOrEqual(125);
    }
  });
});

describe('sample --contacts: the LPR3 patterns are there (counted on seed 1, scale 1)', () => {
  it('about 2.5 contacts per stay (SPEC §16: 1,000,000 contacts ≈ 400,000 stays)', () => {
    const perStay = rows.length / stays.length;
    expect(perStay).toBeGreaterThan(2.2);
    expect(perStay).toBeLessThan(2.9);
  });

  it('stays of several contacts: transfers between units at once, within 4 hours, and at exactly 4 hours', () => {
    const multi = stays.filter((s) => s.contacts.length > 1);
    const gaps = multi.flatMap((s) => s.gaps);
    expect(multi.length).toBeGreaterThan(500);
    expect(gaps.filter((g) => g === 0).length).toBeGreaterThan(100);
    expect(gaps.filter((g) => g > 0 && g < 4 * HOUR).length).toBeGreaterThan(100);
    expect(gaps.filter((g) => g === 4 * HOUR).length).toBeGreaterThan(5);
    expect(multi.filter((s) => s.contacts.length >= 3).length).toBeGreaterThan(100);
  });

  it('short stays: planned ones under 12 hours (outpatient visits), acute ones under 12 and under 24 hours, and admissions of 12 hours or more', () => {
    const length = (s: Stay) => (s.end === null ? Infinity : s.end - s.start);
    const first = (s: Stay) => s.contacts[0];
    const shortPlanned = stays.filter((s) => length(s) < 12 * HOUR && !ACUTE.has(first(s).priority));
    const shortAcute = stays.filter((s) => length(s) < 12 * HOUR && ACUTE.has(first(s).priority));
    const acuteUnder24 = stays.filter((s) => length(s) < 24 * HOUR && ACUTE.has(first(s).priority) && first(s).sector !== 'psychiatric');
    const admissions = stays.filter((s) => length(s) >= 12 * HOUR);
    expect(shortPlanned.length).toBeGreaterThan(100);
    expect(shortAcute.length).toBeGreaterThan(100);
    expect(acuteUnder24.length).toBeGreaterThan(shortAcute.length);
    expect(admissions.length).toBeGreaterThan(800);
    // Psychiatric stays under 12 h, which count in no admission indicator (SPEC §14.2).
    expect(stays.filter((s) => length(s) < 12 * HOUR && first(s).sector === 'psychiatric').length).toBeGreaterThan(10);
  });

  it('home (ALCA10) and virtual (ALCA20) contacts, in words and in LPR3 codes; priorities as words and ATA1/ATA3', () => {
    const count = (column: string, value: string) => rows.filter((r) => r[column] === value).length;
    for (const v of ['physical', 'home', 'virtual', 'ALCA00', 'ALCA10', 'ALCA20']) expect(count('contact_type', v), v).toBeGreaterThan(20);
    for (const v of ['acute', 'planned', 'ATA1', 'ATA3']) expect(count('priority', v), v).toBeGreaterThan(20);
  });

  it('hospice contacts near the end of life, most of them ending in death; deaths written "died" and "død"', () => {
    const hospice = rows.filter((r) => r.unit_type === 'hospice');
    expect(hospice.length).toBeGreaterThan(10);
    expect(hospice.filter((r) => r.end_status === 'died' || r.end_status === 'død').length).toBeGreaterThan(hospice.length / 2);
    // The hospice contact continues a stay: it starts within 4 h of the patient's contact before it.
    const inStay = stays.filter((s) => s.contacts.length > 1 && s.contacts.some((c) => c.unit_type === 'hospice'));
    expect(inStay.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.end_status === 'død').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.end_status === 'died').length).toBeGreaterThan(10);
  });

  it('secondary diagnoses on many contacts, separated by "|", " | " and spaces, SKS and plain codes; some cancer and psychiatric', () => {
    const lists = rows.map((r) => r.secondary_diagnoses).filter((s) => s !== '');
    expect(lists.length).toBeGreaterThan(1000);
    expect(lists.filter((s) => /^[^ ]+\|[^ ]+/.test(s)).length).toBeGreaterThan(10);
    expect(lists.filter((s) => s.includes(' | ')).length).toBeGreaterThan(10);
    expect(lists.filter((s) => / /.test(s) && !s.includes('|')).length).toBeGreaterThan(10);
    const codes = lists.flatMap((s) => s.split(/[| ]+/)).map((c) => (/^D[A-Z]/.test(c) ? c.slice(1) : c));
    expect(codes.filter((c) => c.startsWith('C')).length).toBeGreaterThan(10);
    expect(codes.filter((c) => c.startsWith('F')).length).toBeGreaterThan(10);
  });

  it('psychiatric contacts, contacts still open at the data end, and ready-for-discharge times', () => {
    expect(rows.filter((r) => r.sector === 'psychiatric').length).toBeGreaterThan(100);
    const open = rows.filter((r) => r.end_at === '');
    expect(open.length).toBeGreaterThan(5);
    // Open contacts are near the end of the data (2018-01-31) or long psychiatric stays.
    expect(open.filter((r) => r.start_at >= '2017-06').length).toBeGreaterThan(open.length / 2);
    expect(rows.filter((r) => r.ready_for_discharge_at !== '').length).toBeGreaterThan(50);
  });

  it('the work of the admission indicators: acute stays of patients 65+ with a §3.3 diagnosis, readmissions within 30 days, discharges at night', () => {
    const old = stays.filter((s) => ACUTE.has(s.contacts[0].priority) && Number(s.contacts[0].age) >= 65);
    expect(old.filter((s) => /^D?(J1[2-8]|J2[0-2]|N30|N390|A0|E86|K590|D5[0-3]|Z59|Z7[45]|L89|S32|S42|S52|S72)/.test(s.contacts[0].action_diagnosis)).length).toBeGreaterThan(50);
    const byPatient = new Map<string, Stay[]>();
    for (const s of stays) byPatient.set(s.contacts[0].patient_id, [...(byPatient.get(s.contacts[0].patient_id) ?? []), s]);
    let readmitted = 0;
    for (const list of byPatient.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++) {
        const before = list[i - 1].end;
        if (before !== null && list[i].start > before && list[i].start - before <= 720 * HOUR) readmitted++;
      }
    }
    expect(readmitted).toBeGreaterThan(200);
    const night = stays.filter((s) => s.end !== null && ((s.end % 86400) / HOUR < 8 || (s.end % 86400) / HOUR >= 16));
    expect(night.length).toBeGreaterThan(200);
  });
});
