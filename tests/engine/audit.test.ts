// The exclusion audit against the results it explains (SPEC §14.4: "the counts equal the
// results' numerators and denominators"), on the shipped data-samples, for every period asked,
// under both profiles, from admissions.csv and from the same rows as LPR3 contacts; and the two
// profiles on admissions.csv differ only where their rules differ (SPEC §14.3).

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodArguments } from '../../src/calc/periods.js';
import { runIndicators, type AuditRow, type RunOutput } from '../../src/engine/run.js';
import { loadExtracts } from '../../src/extracts/load.js';
import type { Contact, LoadedData } from '../../src/extracts/records.js';
import { prepare } from '../../src/facts/index.js';
import { findProfile, PROFILES } from '../../src/indicators/profiles.js';
import type { Result } from '../../src/contracts/report.js';
import { contact, loaded } from '../helpers/records.js';
import { ROOT } from '../e2e/helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const AUDITED = ['readmission-30d', 'discharges-outside-daytime', 'preventable-admissions-65', 'acute-short-admissions'];
const PERIODS = parsePeriodArguments(['2015', '2016', '2017', '2016-Q3', '2016-02', '2017-12']);

let fromAdmissions: LoadedData;
let fromContacts: LoadedData;

beforeAll(async () => {
  const { data } = await loadExtracts(
    [
      { extract: 'admissions', path: join(SAMPLES, 'admissions.csv') },
      { extract: 'population', path: join(SAMPLES, 'population.csv') },
    ],
    { keepIds: true },
  );
  fromAdmissions = data;
  // The same rows as contacts (one physical contact per admission), plus one home contact per
  // tenth admission, which must change nothing but a note.
  const rows = data.admissions!.table.rows();
  const ids = data.admissions!.ids!;
  const contacts: Contact[] = [];
  const contactIds: string[] = [];
  rows.forEach((a, i) => {
    contacts.push(
      contact({
        patientId: data.admissions!.table.types.patientId.decode(data.admissions!.table.columns.patientId[i]),
        startAt: a.admittedAt,
        endAt: a.dischargedAt,
        acute: a.acute,
        diagnosis: a.diagnosis,
        psychiatric: a.psychiatric,
        municipality: a.municipality,
        age: a.age,
        sex: a.sex,
        education: a.education,
        costDkk: a.costDkk,
        cofinancingDkk: a.cofinancingDkk,
        readyForDischargeAt: a.readyForDischargeAt,
        died: a.died,
      }),
    );
    contactIds.push(ids[i]);
    if (i % 10 === 0) {
      contacts.push(contact({ patientId: 'home', startAt: a.admittedAt, endAt: a.admittedAt, contactType: 'home', municipality: a.municipality, age: a.age }));
      contactIds.push(`home-${i}`);
    }
  });
  const columns = ['secondary_diagnoses', 'sector', 'unit_type', 'cost_dkk', 'cofinancing_dkk', 'ready_for_discharge_at', 'end_status'];
  fromContacts = loaded('contacts', contacts, columns, { population: data.population });
  (fromContacts.contacts as { ids?: readonly string[] }).ids = contactIds;
});

function run(data: LoadedData, profileId: string): RunOutput {
  const profile = findProfile(profileId)!;
  const indicators = profile.catalogue.filter((i) => AUDITED.includes(i.id));
  return runIndicators(indicators, prepare(data), { periods: PERIODS, by: [], minCell: 0, audit: true });
}

function rowsOf(audit: readonly AuditRow[], indicator: string, period: string, role: string): number {
  return audit.filter((r) => r.indicator === indicator && r.period === period && r.role === role).length;
}

describe.each(PROFILES.map((p) => p.id))('the audit equals the results (profile %s)', (profileId) => {
  it.each(['admissions.csv', 'contacts.csv'])('from %s, for every period', (source) => {
    const out = run(source === 'admissions.csv' ? fromAdmissions : fromContacts, profileId);
    const audit = out.audit!;
    expect(audit.length).toBeGreaterThan(0);
    for (const p of PERIODS) {
      const total = (id: string) => out.results.find((r) => r.indicator === id && r.period === p.id && Object.keys(r.group).length === 0)!;
      const readmission = total('readmission-30d');
      expect(rowsOf(audit, 'readmission-30d', p.id, 'index'), p.id).toBe(readmission.denominator);
      expect(rowsOf(audit, 'readmission-30d', p.id, 'readmission'), p.id).toBe(readmission.numerator);
      const outside = total('discharges-outside-daytime');
      expect(rowsOf(audit, 'discharges-outside-daytime', p.id, 'numerator'), p.id).toBe(outside.numerator);
      expect(rowsOf(audit, 'discharges-outside-daytime', p.id, 'numerator') + rowsOf(audit, 'discharges-outside-daytime', p.id, 'denominator'), p.id).toBe(
        outside.denominator,
      );
      for (const id of ['preventable-admissions-65', 'acute-short-admissions']) {
        expect(rowsOf(audit, id, p.id, 'numerator'), `${id} ${p.id}`).toBe(total(id).numerator);
      }
    }
    // Rows name units by their ids, never a patient: every id is an admission's (or contact's).
    const known = new Set(source === 'admissions.csv' ? fromAdmissions.admissions!.ids : fromContacts.contacts!.ids);
    expect(audit.every((r) => known.has(r.unit_id))).toBe(true);
    // An (excluded, unit, rule) row once per indicator and period.
    const excluded = audit.filter((r) => r.role === 'excluded').map((r) => `${r.indicator}|${r.period}|${r.unit_id}|${r.rule}`);
    expect(new Set(excluded).size).toBe(excluded.length);
  });
});

describe('rm-2015-2018 and national on admissions.csv (SPEC §14.3)', () => {
  const comparable = (r: Result) => JSON.stringify({ ...r, notes: undefined });
  let rm: RunOutput;
  let national: RunOutput;
  beforeAll(() => {
    const periods = parsePeriodArguments(['2015', '2016', '2017']);
    rm = runIndicators(findProfile('rm-2015-2018')!.catalogue, prepare(fromAdmissions), { periods, by: ['municipality'], minCell: 0 });
    national = runIndicators(findProfile('national')!.catalogue, prepare(fromAdmissions), { periods, by: ['municipality'], minCell: 0 });
  });

  it('every result but readmission-30d is the same, and national adds the two bed-day indicators', () => {
    const others = (o: RunOutput) => o.results.filter((r) => r.indicator !== 'readmission-30d' && !r.indicator.startsWith('ready-for-discharge-days-'));
    expect(others(national).map(comparable)).toEqual(others(rm).map(comparable));
    const ids = [...new Set(national.results.map((r) => r.indicator))];
    const at = ids.indexOf('ready-for-discharge-days');
    expect(ids.slice(at, at + 3)).toEqual(['ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric']);
  });

  it('the somatic and psychiatric bed days add up to the combined ones in every period and group', () => {
    const combined = national.results.filter((r) => r.indicator === 'ready-for-discharge-days');
    expect(combined.length).toBeGreaterThan(0);
    for (const r of combined) {
      const part = (id: string) => national.results.find((x) => x.indicator === id && x.period === r.period && JSON.stringify(x.group) === JSON.stringify(r.group))?.numerator ?? 0;
      expect(part('ready-for-discharge-days-somatic') + part('ready-for-discharge-days-psychiatric'), `${r.period} ${JSON.stringify(r.group)}`).toBe(r.numerator);
    }
  });

  it('readmission-30d differs only where a rule differs: with the episodes that a differing rule touches left out, both profiles count the same', () => {
    // On admissions.csv the rules that differ are: the 12-hour rule (index and readmission),
    // cancer/Z76.3 on any admission of the episode, F on the last or any admission, and the
    // injury list (T36–T50, T80–T89, V, W count nationally). Admissions whose episodes none of
    // these touch give the same numbers under both: drop every patient who has such an admission.
    const t = fromAdmissions.admissions!.table;
    const rows = t.rows();
    const touched = new Set<number>();
    rows.forEach((a, i) => {
      const hours = a.dischargedAt === null ? Infinity : (a.dischargedAt - a.admittedAt) / 3600;
      const dx = a.diagnosis;
      // An admission of 12 h or more makes an episode of 12 h or more; T3x–T4x covers T36–T49.
      if (hours < 12 || /^(C|D0|Z763|F|T[34]|T50|T8|V|W)/.test(dx)) touched.add(t.columns.patientId[i]);
    });
    const kept = rows.filter((_, i) => !touched.has(t.columns.patientId[i]));
    expect(kept.length).toBeGreaterThan(1000);
    const data = loaded('admissions', kept, [...fromAdmissions.admissions!.info.columns], { population: fromAdmissions.population });
    const periods = parsePeriodArguments(['2016', '2017']);
    const count = (id: string) =>
      runIndicators(findProfile(id)!.catalogue.filter((i) => i.id === 'readmission-30d'), prepare(data), { periods, by: [], minCell: 0 }).results.map(
        (r) => [r.period, r.numerator, r.denominator],
      );
    const same = count('rm-2015-2018');
    expect(same.every(([, x]) => (x as number) > 0)).toBe(true);
    expect(count('national')).toEqual(same);
  });
});
