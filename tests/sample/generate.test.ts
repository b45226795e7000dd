// The synthetic sample (`triple-aim sample`): deterministic, scaled, canonical headers, and
// containing the cases every indicator rule needs (SPEC §2, §3). Content checks read the
// default set (seed 1, scale 1: what data-samples/ holds) back through csv-parse.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/calc/time.js';
import { isPublicHoliday } from '../../src/calc/working-days.js';
import { at, day } from '../helpers/records.js';
import { EXTRACTS, generate, readTable, removeTempDirs, sampleTables, type Extract, type Table } from './helpers.js';

const HOUR = 3600;
const MINUTE = 60;
const FIRST_DAY = day('2015-01-01');
const LAST_DAY = day('2017-12-31');
/** The hospital extract runs a month longer, so that 2017 has its 30-day readmission follow-up. */
const ADMISSIONS_LAST_DAY = day('2018-01-31');
const SATURDAY = 6;
const SUNDAY = 7;

/** SPEC §2.8: the 19 municipalities of Region Midtjylland. */
const REGION = [
  '751', '741', '657', '661', '756', '665', '760', '671', '740', '779', '791', '710', '707', '730', '706', '766',
  '615', '727', '746',
];

/** SPEC §2.2 diagnosis normalisation, written out again here so the test does not trust the generator. */
function normalise(code: string): string {
  const c = code.toUpperCase().replace(/[. ]/g, '');
  return /^D[A-Z]/.test(c) ? c.slice(1) : c;
}

/** SPEC §3.3 as prefixes. */
const PREVENTABLE = [
  'J12', 'J13', 'J14', 'J15', 'J16', 'J17', 'J18', 'J20', 'J21', 'J22', 'N30', 'N390', 'A00', 'A01', 'A02', 'A03',
  'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'E86', 'K590', 'D50', 'D51', 'D52', 'D53', 'Z59', 'Z74', 'Z75', 'L89',
  'S32', 'S42', 'S52', 'S72',
];
const isPreventable = (dx: string) => PREVENTABLE.some((p) => dx.startsWith(p));

let tables: Record<Extract, Table>;
let dir: string;

beforeAll(async () => {
  ({ dir, tables } = await sampleTables({ seed: 1, scale: 1 }));
});
afterAll(removeTempDirs);

describe('sample: determinism, scale and headers', () => {
  it('the same seed and scale give byte-identical files (two runs into two folders)', async () => {
    const a = await generate({ seed: 1, scale: 1 });
    const b = await generate({ seed: 1, scale: 1 });
    for (const e of EXTRACTS) {
      const fa = readFileSync(join(a, `${e}.csv`));
      const fb = readFileSync(join(b, `${e}.csv`));
      expect(fa.equals(fb), `${e}.csv differs between two runs`).toBe(true);
    }
  });

  it('another seed gives other admissions, referrals, courses and answers', async () => {
    const other = await generate({ seed: 2, scale: 1 });
    for (const e of ['admissions', 'referrals', 'smoking', 'lup'] as const) {
      expect(readFileSync(join(other, `${e}.csv`)).equals(readFileSync(join(dir, `${e}.csv`)))).toBe(false);
    }
  });

  it('scale 1 gives 5,000 admissions, 1,000 referrals, 500 courses, 2,500 answers', () => {
    expect(tables.admissions.rows).toHaveLength(5000);
    expect(tables.referrals.rows).toHaveLength(1000);
    expect(tables.smoking.rows).toHaveLength(500);
    expect(tables.lup.rows).toHaveLength(2500);
  });

  it('--scale multiplies the event row counts; population, measurements and baselines keep their row counts', async () => {
    const scaled = await generate({ seed: 1, scale: 0.4 });
    // 5000 × 0.4 = 2000; 1000 × 0.4 = 400; 500 × 0.4 = 200; 2500 × 0.4 = 1000.
    expect(readTable(scaled, 'admissions').rows).toHaveLength(2000);
    expect(readTable(scaled, 'referrals').rows).toHaveLength(400);
    expect(readTable(scaled, 'smoking').rows).toHaveLength(200);
    expect(readTable(scaled, 'lup').rows).toHaveLength(1000);
    // 19 municipalities × 3 years × (25 ages 0–24 × 2 sexes × 1 row + 76 ages 25–100 × 2 sexes × 3 educations)
    // = 57 × (50 + 456) = 57 × 506 = 28,842.
    expect(readTable(scaled, 'population').rows).toHaveLength(28_842);
    expect(tables.population.rows).toHaveLength(28_842);
    expect(readTable(scaled, 'measurements').rows).toHaveLength(tables.measurements.rows.length);
    expect(readTable(scaled, 'baselines').rows).toHaveLength(tables.baselines.rows.length);
  });

  it('every file has the canonical header of SPEC §2', () => {
    const expected: Record<Extract, string[]> = {
      admissions: [
        'admission_id', 'patient_id', 'admitted_at', 'discharged_at', 'admission_type', 'primary_diagnosis', 'sector',
        'municipality_code', 'age', 'sex', 'education', 'cost_dkk', 'cofinancing_dkk', 'ready_for_discharge_at',
        'discharge_status',
      ],
      referrals: [
        'referral_id', 'patient_id', 'referred_at', 'sender', 'offer', 'municipality_code', 'received_at',
        'contacted_at', 'started_at', 'start_due_by', 'expected_delivery_date', 'team_joined_at', 'age', 'sex',
        'education',
      ],
      smoking: [
        'participant_id', 'municipality_code', 'course_started_at', 'referral_source', 'heavy_smoker', 'completed',
        'followup_6m', 'age', 'sex', 'education',
      ],
      lup: [
        'respondent_id', 'survey', 'responded_at', 'patient_type', 'question', 'answer', 'municipality_code', 'age',
        'sex', 'education',
      ],
      population: ['year', 'municipality_code', 'age', 'sex', 'education', 'population'],
      measurements: ['indicator', 'period', 'numerator', 'denominator', 'value', 'source'],
      baselines: ['indicator', 'group', 'baseline_period', 'baseline_value', 'target_value', 'note'],
    };
    for (const e of EXTRACTS) expect(tables[e].header, e).toEqual(expected[e]);
  });

  it('data-samples/ holds exactly what `sample` writes with the default seed and scale', () => {
    const committed = fileURLToPath(new URL('../../data-samples', import.meta.url));
    for (const e of EXTRACTS) {
      const fresh = readFileSync(join(dir, `${e}.csv`));
      expect(readFileSync(join(committed, `${e}.csv`)).equals(fresh), `data-samples/${e}.csv is stale`).toBe(true);
    }
  });
});

interface Stay {
  id: string;
  patient: string;
  admitted: number;
  discharged: number | null;
  ready: number | null;
  acute: boolean;
  psychiatric: boolean;
  dx: string;
  rawDx: string;
  died: boolean;
  age: number;
  row: Record<string, string>;
}

function stays(): Stay[] {
  return tables.admissions.rows.map((r) => ({
    id: r.admission_id,
    patient: r.patient_id,
    admitted: at(r.admitted_at),
    discharged: r.discharged_at ? at(r.discharged_at) : null,
    ready: r.ready_for_discharge_at ? at(r.ready_for_discharge_at) : null,
    acute: r.admission_type === 'acute',
    psychiatric: r.sector === 'psychiatric',
    dx: normalise(r.primary_diagnosis),
    rawDx: r.primary_diagnosis,
    died: r.discharge_status === 'died',
    age: Number(r.age),
    row: r,
  }));
}

function byPatient(list: Stay[]): Map<string, Stay[]> {
  const m = new Map<string, Stay[]>();
  for (const s of list) {
    const l = m.get(s.patient);
    if (l) l.push(s);
    else m.set(s.patient, [s]);
  }
  return m;
}

/** Gap (seconds) of each somatic stay after the latest discharge of the patient's earlier somatic stays. */
function somaticGaps(): Array<{ gap: number; stay: Stay }> {
  const out: Array<{ gap: number; stay: Stay }> = [];
  for (const list of byPatient(stays().filter((s) => !s.psychiatric)).values()) {
    let latest: number | null = null;
    for (const s of list) {
      if (latest !== null) out.push({ gap: s.admitted - latest, stay: s });
      if (s.discharged !== null) latest = latest === null ? s.discharged : Math.max(latest, s.discharged);
    }
  }
  return out;
}

const dayOf = (t: number) => Math.floor(t / 86_400);
const clock = (t: number) => t - dayOf(t) * 86_400;

describe('admissions.csv (SPEC §2.2, §3.1, §3.2 no. 1–7)', () => {
  it('satisfies SPEC §2.2: unique admission_id, discharged_at ≥ admitted_at, admitted_at ≤ ready ≤ discharged_at', () => {
    const all = stays();
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      if (s.discharged !== null) expect(s.discharged).toBeGreaterThanOrEqual(s.admitted);
      if (s.ready !== null) {
        expect(s.ready).toBeGreaterThanOrEqual(s.admitted);
        if (s.discharged !== null) expect(s.ready).toBeLessThanOrEqual(s.discharged);
      }
      expect(s.dx).toMatch(/^[A-Z][0-9]{2}[0-9A-Z]*$/);
      expect(['acute', 'planned']).toContain(s.row.admission_type);
      expect(['somatic', 'psychiatric', '']).toContain(s.row.sector);
      expect(['alive', 'died', '']).toContain(s.row.discharge_status);
      expect(s.age).toBeGreaterThanOrEqual(0);
      expect(s.age).toBeLessThanOrEqual(125);
    }
  });

  it("keeps each patient's rows in admitted_at order", () => {
    for (const list of byPatient(stays()).values()) {
      for (let i = 1; i < list.length; i++) expect(list[i].admitted).toBeGreaterThanOrEqual(list[i - 1].admitted);
    }
  });

  it('lies within 2015-01-01 … 2018-01-31 and has admissions in every year and in January 2018', () => {
    const years = new Set<string>();
    for (const s of stays()) {
      expect(dayOf(s.admitted)).toBeGreaterThanOrEqual(FIRST_DAY);
      expect(dayOf(s.discharged ?? s.admitted)).toBeLessThanOrEqual(ADMISSIONS_LAST_DAY);
      years.add(s.row.admitted_at.slice(0, 4));
    }
    expect([...years].sort()).toEqual(['2015', '2016', '2017', '2018']);
    // January 2018 only: the month that gives 2017's discharges their 30 days of follow-up.
    expect(stays().filter((s) => s.row.admitted_at >= '2018-02').length).toBe(0);
    expect(stays().some((s) => s.row.admitted_at.startsWith('2018-01-3'))).toBe(true);
  });

  it('has transfers under 4 h, gaps of exactly 4 h 00 and 4 h 01, and overlapping stays (episode chaining, SPEC §3.1)', () => {
    const gaps = somaticGaps().map((g) => g.gap);
    expect(gaps.filter((g) => g >= 0 && g < 4 * HOUR).length).toBeGreaterThan(10);
    expect(gaps.filter((g) => g === 4 * HOUR).length).toBeGreaterThan(0);
    expect(gaps.filter((g) => g === 4 * HOUR + MINUTE).length).toBeGreaterThan(0);
    expect(gaps.filter((g) => g < 0).length).toBeGreaterThan(0);
  });

  it('has acute readmissions within 30 days, exactly 720 h after and 720 h + 1 min after a discharge', () => {
    const acuteGaps = somaticGaps()
      .filter((g) => g.stay.acute)
      .map((g) => g.gap);
    expect(acuteGaps.filter((g) => g > 4 * HOUR && g < 720 * HOUR).length).toBeGreaterThan(50);
    expect(acuteGaps.filter((g) => g === 720 * HOUR).length).toBeGreaterThan(0);
    expect(acuteGaps.filter((g) => g === 720 * HOUR + MINUTE).length).toBeGreaterThan(0);
    expect(acuteGaps.filter((g) => g > 720 * HOUR + MINUTE).length).toBeGreaterThan(50);
  });

  it("has open stays (no discharged_at) only near the end of the data and only as the patient's last stay", () => {
    const all = stays();
    const open = all.filter((s) => s.discharged === null);
    expect(open.length).toBeGreaterThan(0);
    // Somatic stays last at most 61 days and psychiatric ones 201, so an open stay started
    // after 2018-01-31 − 61 = 2017-12-01 (somatic) or 2018-01-31 − 201 = 2017-07-14.
    for (const s of open) {
      expect(dayOf(s.admitted)).toBeGreaterThanOrEqual(day(s.psychiatric ? '2017-07-14' : '2017-12-01'));
    }
    for (const list of byPatient(all).values()) {
      list.slice(0, -1).forEach((s) => expect(s.discharged).not.toBeNull());
    }
  });

  it('has deaths, and no stay of the patient starts after a death', () => {
    const byP = byPatient(stays());
    let deaths = 0;
    for (const list of byP.values()) {
      const i = list.findIndex((s) => s.died);
      if (i >= 0) {
        deaths++;
        expect(i).toBe(list.length - 1);
      }
    }
    expect(deaths).toBeGreaterThan(10);
  });

  it('has the diagnoses the readmission rules exclude: cancer, Z76.3, births O80–O84 and injuries S–Y', () => {
    const dx = stays().map((s) => s.dx);
    expect(dx.filter((d) => /^C/.test(d) || /^D0[0-9]/.test(d)).length).toBeGreaterThan(10);
    expect(dx.filter((d) => d === 'Z763').length).toBeGreaterThan(0);
    expect(dx.filter((d) => /^O8[0-4]/.test(d)).length).toBeGreaterThan(0);
    expect(dx.filter((d) => /^[STVWXY]/.test(d)).length).toBeGreaterThan(10);
  });

  it('has planned readmissions and psychiatric stays, and rows with the sector left out (= somatic)', () => {
    const gaps = somaticGaps();
    expect(gaps.filter((g) => !g.stay.acute && g.gap > 4 * HOUR && g.gap <= 720 * HOUR).length).toBeGreaterThan(0);
    const all = stays();
    expect(all.filter((s) => s.psychiatric).length).toBeGreaterThan(10);
    expect(all.filter((s) => s.row.sector === '').length).toBeGreaterThan(0);
  });

  it('is skewed old, with §3.3 preventable diagnoses among acute somatic stays of patients 65+', () => {
    const all = stays();
    const old = all.filter((s) => s.age >= 65);
    expect(old.length / all.length).toBeGreaterThan(0.4);
    const oldAcuteSomatic = old.filter((s) => s.acute && !s.psychiatric);
    const preventable = oldAcuteSomatic.filter((s) => isPreventable(s.dx));
    expect(preventable.length / oldAcuteSomatic.length).toBeGreaterThan(0.2);
    // Several of the nine condition groups, and the edges of the list (N39.0, K59.0, D50–D53).
    for (const p of ['J1', 'N390', 'K590', 'S72', 'D5', 'Z7', 'E86', 'A0']) {
      expect(preventable.some((s) => s.dx.startsWith(p)), p).toBe(true);
    }
    // Codes next to the list that are not on it (J10/J11 influenza, N39.1, K59.1 …).
    expect(oldAcuteSomatic.some((s) => ['J10', 'J11', 'N391', 'K591', 'D55'].some((p) => s.dx.startsWith(p)))).toBe(true);
  });

  it('writes diagnoses in SKS form with the leading D (DJ189, DD509) and without it', () => {
    const raw = stays().map((s) => s.rawDx);
    expect(raw.some((d) => /^D[A-Z]/.test(d))).toBe(true);
    expect(raw.some((d) => /^DD5/.test(d))).toBe(true);
    expect(raw.some((d) => !/^D[A-Z]/.test(d))).toBe(true);
  });

  it('has discharges at 15:59, at 16:00, at night, on Saturdays, Sundays and Danish public holidays', () => {
    const discharged = stays().flatMap((s) => (s.discharged === null ? [] : [s.discharged]));
    expect(discharged.some((t) => clock(t) === 15 * HOUR + 59 * MINUTE)).toBe(true);
    expect(discharged.some((t) => clock(t) === 16 * HOUR)).toBe(true);
    expect(discharged.some((t) => clock(t) < 8 * HOUR)).toBe(true);
    expect(discharged.some((t) => isoWeekday(dayOf(t)) === SATURDAY)).toBe(true);
    expect(discharged.some((t) => isoWeekday(dayOf(t)) === SUNDAY)).toBe(true);
    expect(discharged.some((t) => isoWeekday(dayOf(t)) <= 5 && isPublicHoliday(dayOf(t)))).toBe(true);
  });

  it('has stays under 24 h and of exactly 24 h (the edge of acute-short-admissions)', () => {
    const lengths = stays().flatMap((s) => (s.discharged === null ? [] : [s.discharged - s.admitted]));
    expect(lengths.filter((l) => l < 24 * HOUR).length).toBeGreaterThan(100);
    expect(lengths.filter((l) => l === 24 * HOUR).length).toBeGreaterThan(0);
  });

  it('has ready_for_discharge_at on a share of stays, some of whose bed days span a month boundary', () => {
    const ready = stays().filter((s) => s.ready !== null);
    expect(ready.length).toBeGreaterThan(50);
    expect(ready.some((s) => s.row.ready_for_discharge_at.slice(0, 7) !== s.row.discharged_at.slice(0, 7))).toBe(true);
  });

  it('has cost_dkk and cofinancing_dkk as numbers ≥ 0 with a few missing', () => {
    const rows = tables.admissions.rows;
    for (const r of rows) {
      for (const v of [r.cost_dkk, r.cofinancing_dkk]) if (v !== '') expect(Number(v)).toBeGreaterThanOrEqual(0);
    }
    const missingCost = rows.filter((r) => r.cost_dkk === '').length;
    const missingCofinancing = rows.filter((r) => r.cofinancing_dkk === '').length;
    expect(missingCost).toBeGreaterThan(0);
    expect(missingCost / rows.length).toBeLessThan(0.05);
    expect(missingCofinancing).toBeGreaterThan(0);
    expect(missingCofinancing / rows.length).toBeLessThan(0.05);
  });

  it('covers all 19 region municipalities and a few outside the region', () => {
    const codes = new Set(tables.admissions.rows.map((r) => r.municipality_code));
    for (const c of REGION) expect(codes.has(c), c).toBe(true);
    expect([...codes].some((c) => !REGION.includes(c))).toBe(true);
  });
});

const REFERRAL_DATE_COLUMNS = [
  'referred_at', 'received_at', 'contacted_at', 'started_at', 'start_due_by', 'expected_delivery_date', 'team_joined_at',
];

describe('referrals.csv (SPEC §2.3, §3.2 no. 8–11)', () => {
  const D = (s: string) => (s === '' ? null : day(s));

  it('uses every sender and every offer', () => {
    const rows = tables.referrals.rows;
    expect(new Set(rows.map((r) => r.sender))).toEqual(new Set(['gp', 'hospital', 'psychiatry', 'self', 'other']));
    expect(new Set(rows.map((r) => r.offer))).toEqual(
      new Set([
        'smoking_cessation', 'alcohol', 'weight', 'physical_activity', 'diet', 'chronic_disease', 'mental_health',
        'rehabilitation', 'vulnerable_pregnancy', 'other',
      ]),
    );
  });

  it('keeps received_at ≥ referred_at and contacted_at 0–8 days after received_at, some missing, none after 2017', () => {
    const rows = tables.referrals.rows;
    for (const r of rows) {
      const referred = D(r.referred_at)!;
      const received = D(r.received_at);
      const contacted = D(r.contacted_at);
      expect(referred).toBeGreaterThanOrEqual(FIRST_DAY);
      if (received !== null) expect(received).toBeGreaterThanOrEqual(referred);
      if (contacted !== null) {
        expect(received).not.toBeNull();
        expect(contacted - received!).toBeGreaterThanOrEqual(0);
        expect(contacted - received!).toBeLessThanOrEqual(8);
      }
      for (const c of REFERRAL_DATE_COLUMNS) if (r[c] !== '') expect(day(r[c])).toBeLessThanOrEqual(LAST_DAY);
    }
    expect(rows.some((r) => r.received_at !== '' && r.contacted_at === '')).toBe(true);
    expect(rows.some((r) => r.received_at === '')).toBe(true);
  });

  it('has rehabilitation plans received on every day of the week, Saturday and Sunday included', () => {
    const weekdays = new Set(
      tables.referrals.rows
        .filter((r) => r.offer === 'rehabilitation' && r.received_at !== '')
        .map((r) => isoWeekday(day(r.received_at))),
    );
    expect([...weekdays].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has rehabilitation started on time, late and not at all, and plans without a start deadline', () => {
    const rehab = tables.referrals.rows.filter((r) => r.offer === 'rehabilitation');
    const withDue = rehab.filter((r) => r.start_due_by !== '');
    expect(withDue.filter((r) => r.started_at !== '' && r.started_at <= r.start_due_by).length).toBeGreaterThan(10);
    expect(withDue.filter((r) => r.started_at !== '' && r.started_at > r.start_due_by).length).toBeGreaterThan(10);
    expect(withDue.some((r) => r.started_at === '')).toBe(true);
    expect(rehab.some((r) => r.start_due_by === '')).toBe(true);
  });

  it('has vulnerable pregnancies joining the team at gestational age 167 and 168 days (280 − (due date − date))', () => {
    const ages = tables.referrals.rows
      .filter((r) => r.offer === 'vulnerable_pregnancy' && r.expected_delivery_date !== '' && r.team_joined_at !== '')
      .map((r) => 280 - (day(r.expected_delivery_date) - day(r.team_joined_at)));
    expect(ages).toContain(167);
    expect(ages).toContain(168);
    expect(ages.filter((a) => a < 168).length).toBeGreaterThan(ages.filter((a) => a >= 168).length);
    expect(ages.some((a) => a > 168)).toBe(true);
  });

  it('shares patients with admissions: the same id has the same municipality and sex in both files', () => {
    const patients = new Map(tables.admissions.rows.map((r) => [r.patient_id, r]));
    const shared = tables.referrals.rows.filter((r) => patients.has(r.patient_id));
    expect(shared.length / tables.referrals.rows.length).toBeGreaterThan(0.2);
    for (const r of shared) {
      const a = patients.get(r.patient_id)!;
      expect(r.municipality_code).toBe(a.municipality_code);
      expect(r.sex).toBe(a.sex);
    }
  });
});

describe('smoking.csv (SPEC §2.4, §3.2 no. 12–14)', () => {
  it('has follow-up for every course started up to 2017-06-30 and none for courses in the last 6 months', () => {
    for (const r of tables.smoking.rows) {
      const started = day(r.course_started_at);
      expect(started).toBeGreaterThanOrEqual(FIRST_DAY);
      if (started <= day('2017-06-30')) expect(r.followup_6m, r.participant_id).not.toBe('');
      if (started > day('2017-07-01')) expect(r.followup_6m, r.participant_id).toBe('');
    }
    expect(tables.smoking.rows.some((r) => r.followup_6m === '')).toBe(true);
  });

  it('is mostly completed; ~20 % lost; 40–50 % of the completers who answered are smoke-free', () => {
    const rows = tables.smoking.rows;
    const completed = rows.filter((r) => r.completed === 'true');
    expect(completed.length / rows.length).toBeGreaterThan(0.6);
    const due = rows.filter((r) => r.followup_6m !== '');
    const lost = due.filter((r) => r.followup_6m === 'lost').length / due.length;
    expect(lost).toBeGreaterThan(0.12);
    expect(lost).toBeLessThan(0.28);
    const answered = completed.filter((r) => r.followup_6m === 'smoke_free' || r.followup_6m === 'smoking');
    const smokeFree = answered.filter((r) => r.followup_6m === 'smoke_free').length / answered.length;
    expect(smokeFree).toBeGreaterThanOrEqual(0.4);
    expect(smokeFree).toBeLessThanOrEqual(0.5);
  });

  it('has participants mostly short-educated, with some education unknown', () => {
    const edu = tables.smoking.rows.map((r) => r.education);
    expect(edu.filter((e) => e === 'short').length / edu.length).toBeGreaterThan(0.5);
    expect(edu).toContain('medium');
    expect(edu).toContain('long');
    expect(edu).toContain('');
  });
});

describe('lup.csv (SPEC §2.5, §3.2 no. 15–18)', () => {
  it('has (respondent_id, survey, question) unique', () => {
    const keys = tables.lup.rows.map((r) => `${r.respondent_id}|${r.survey}|${r.question}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has the indicator questions for their patient types: 23a–c outpatient, 27a–c inpatient, maternity 15/36/40/41 both', () => {
    const seen = new Set(tables.lup.rows.map((r) => `${r.survey}|${r.patient_type}|${r.question}`));
    for (const q of ['23a', '23b', '23c']) expect(seen.has(`psychiatry_children|outpatient|${q}`), q).toBe(true);
    for (const q of ['27a', '27b', '27c']) expect(seen.has(`psychiatry_children|inpatient|${q}`), q).toBe(true);
    for (const q of ['15', '36', '40', '41']) {
      expect(seen.has(`maternity|inpatient|${q}`), q).toBe(true);
      expect(seen.has(`maternity|outpatient|${q}`), q).toBe(true);
    }
    // Noise no indicator pools: another survey and other questions.
    expect(tables.lup.rows.some((r) => r.survey === 'somatic')).toBe(true);
    expect(tables.lup.rows.some((r) => r.survey === 'psychiatry_children' && r.question === '1')).toBe(true);
  });

  it('answers with labels and codes, "Ved ikke", "Ikke relevant", 9 and empty — and nothing else', () => {
    const allowed = new Set([
      'I meget høj grad', 'I høj grad', 'I nogen grad', 'I ringe grad', 'Slet ikke', 'Ja', 'Nej',
      '5', '4', '3', '2', '1', 'Ved ikke', 'Ikke relevant', '9', '0', '',
    ]);
    const answers = tables.lup.rows.map((r) => r.answer);
    for (const a of answers) expect(allowed.has(a), a).toBe(true);
    for (const a of ['Ved ikke', 'Ikke relevant', '9', '', 'I høj grad', '5', 'Ja', 'Nej', 'Slet ikke', '1']) {
      expect(answers, JSON.stringify(a)).toContain(a);
    }
  });

  it('has responses in every year 2015–2017', () => {
    expect(new Set(tables.lup.rows.map((r) => r.responded_at.slice(0, 4)))).toEqual(new Set(['2015', '2016', '2017']));
  });
});

describe('population.csv (SPEC §2.6)', () => {
  it('covers the 19 region municipalities × 2015–2017 × ages 0–100 × F/M, (year, municipality, age, sex, education) unique', () => {
    const rows = tables.population.rows;
    const keys = rows.map((r) => `${r.year}|${r.municipality_code}|${r.age}|${r.sex}|${r.education}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(rows.map((r) => r.municipality_code))).toEqual(new Set(REGION));
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2015', '2016', '2017']));
    const cells = new Set(rows.map((r) => `${r.year}|${r.municipality_code}|${r.age}|${r.sex}`));
    // 3 years × 19 municipalities × 101 ages × 2 sexes = 11,514 cells.
    expect(cells.size).toBe(11_514);
    expect(rows.filter((r) => !/^\d+$/.test(r.population))).toEqual([]);
  });

  it('has education short/medium/long from age 25 and none (unknown) below', () => {
    const wrong = tables.population.rows.filter((r) =>
      Number(r.age) < 25 ? r.education !== '' : !['short', 'medium', 'long'].includes(r.education),
    );
    expect(wrong).toEqual([]);
    expect(new Set(tables.population.rows.map((r) => r.education))).toEqual(new Set(['', 'short', 'medium', 'long']));
  });

  it("is the region's shape scaled to 1/75 at scale 1 (2016): ≈ 17,300 inhabitants, Aarhus ≈ 4,470, Samsø ≈ 50", () => {
    const y2016 = tables.population.rows.filter((r) => r.year === '2016');
    const sum = (rows: typeof y2016) => rows.reduce((s, r) => s + Number(r.population), 0);
    // The real region: 1,298,250 inhabitants on 1 January 2016 (the 19 sizes in
    // src/sample/people.ts); / 75 = 17,310. Aarhus 335,000 / 75 = 4,467; Samsø 3,750 / 75 = 50.
    // Cells are rounded up or down at random, ±3 % noise: the sums stay within a few percent.
    const region = sum(y2016);
    expect(region).toBeGreaterThan(16_800);
    expect(region).toBeLessThan(17_800);
    const aarhus = sum(y2016.filter((r) => r.municipality_code === '751'));
    expect(aarhus).toBeGreaterThan(4_300);
    expect(aarhus).toBeLessThan(4_650);
    const samso = sum(y2016.filter((r) => r.municipality_code === '741'));
    expect(samso).toBeGreaterThan(30);
    expect(samso).toBeLessThan(70);
  });

  it('grows with --scale: scale 4 has the same rows and four times the inhabitants (17,310 × 4 = 69,240)', async () => {
    const scaled = readTable(await generate({ seed: 1, scale: 4 }), 'population');
    expect(scaled.rows.length).toBe(tables.population.rows.length);
    const region = scaled.rows.filter((r) => r.year === '2016').reduce((s, r) => s + Number(r.population), 0);
    expect(region).toBeGreaterThan(67_500);
    expect(region).toBeLessThan(71_000);
  });
});

describe('measurements.csv and baselines.csv (SPEC §2.7, §3.2 no. 19–22)', () => {
  it('has the four measurement indicators for 2015, 2016 and 2017, one quarterly row, (indicator, period) unique', () => {
    const rows = tables.measurements.rows;
    const keys = rows.map((r) => `${r.indicator}|${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of ['audits-with-citizens', 'unsafe-sex-16-24', 'stratified-courses', 'sick-leave-hotline-calls']) {
      for (const y of ['2015', '2016', '2017']) expect(keys).toContain(`${i}|${y}`);
    }
    expect(rows.some((r) => /^\d{4}-Q[1-4]$/.test(r.period))).toBe(true);
  });

  it('has percent rows with numerator/denominator, a value-only row and count rows without a denominator', () => {
    const rows = tables.measurements.rows;
    expect(rows.some((r) => r.numerator !== '' && r.denominator !== '' && r.value === '')).toBe(true);
    expect(rows.some((r) => r.numerator === '' && r.denominator === '' && r.value !== '')).toBe(true);
    const hotline = rows.filter((r) => r.indicator === 'sick-leave-hotline-calls');
    for (const r of hotline) expect(r.numerator !== '' && r.denominator === '').toBe(true);
  });

  it('baselines prevention-referrals at the 2015 count of prevention referrals from gp, hospital or psychiatry', () => {
    const prevention = ['smoking_cessation', 'alcohol', 'weight', 'physical_activity', 'diet', 'chronic_disease', 'mental_health'];
    const count2015 = tables.referrals.rows.filter(
      (r) =>
        r.referred_at.startsWith('2015-') &&
        ['gp', 'hospital', 'psychiatry'].includes(r.sender) &&
        prevention.includes(r.offer),
    ).length;
    const row = tables.baselines.rows.find((r) => r.indicator === 'prevention-referrals' && r.group === '');
    expect(row).toBeDefined();
    expect(row!.baseline_period).toBe('2015');
    expect(Number(row!.baseline_value)).toBe(count2015);
  });

  it('has a baseline keyed by a group (cluster=Vest) and (indicator, group) unique', () => {
    const rows = tables.baselines.rows;
    expect(rows.some((r) => r.group === 'cluster=Vest')).toBe(true);
    const keys = rows.map((r) => `${r.indicator}|${r.group}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
