// The project evaluation's rules (SPEC §9) that are not statistics: the windows, which units
// are in which arm, which indicators are evaluated, and that each cell is a compute result.

import { describe, expect, it } from 'vitest';
import { parsePeriodId } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import { projectWindows } from '../../src/engine/data-range.js';
import { armFilters, evaluableIndicators, evaluateProject } from '../../src/engine/project.js';
import { prepare } from '../../src/facts/index.js';
import { CATALOGUE, findIndicator } from '../../src/indicators/catalogue.js';
import type { UnitAttributes } from '../../src/indicators/types.js';
import { day, loaded, referral } from '../helpers/records.js';

const who = (p: Partial<UnitAttributes>): UnitAttributes => ({ municipality: '751', age: 40, sex: 'F', education: null, ...p });

describe('windows (SPEC §9)', () => {
  it('before = the N months ending with the month before the start; after = N months from it; years cross', () => {
    const { before, after } = projectWindows(parsePeriodId('2018-03')!, 6);
    expect([formatDay(before.from), formatDay(before.to), before.year]).toEqual(['2017-09-01', '2018-02-28', 2017]);
    expect([formatDay(after.from), formatDay(after.to), after.year]).toEqual(['2018-03-01', '2018-08-31', 2018]);
    const leap = projectWindows(parsePeriodId('2016-03')!, 1);
    expect([formatDay(leap.before.from), formatDay(leap.before.to)]).toEqual(['2016-02-01', '2016-02-29']);
  });
});

describe('arms (SPEC §9)', () => {
  const { intervention, comparison } = armFilters({ intervention: { cluster: 'Vest' }, comparison: 'rest' });

  it('the intervention is the units matching the selector', () => {
    expect(intervention(who({ municipality: '657' }))).toBe(true); // Herning, Vest
    expect(intervention(who({ municipality: '751' }))).toBe(false);
  });

  it('rest is the region\'s other units; units outside the region or of unknown value are in neither', () => {
    expect(comparison(who({ municipality: '751' }))).toBe(true);
    expect(comparison(who({ municipality: '657' }))).toBe(false);
    expect(comparison(who({ municipality: '461' }))).toBe(false); // Odense, outside the region
    expect(intervention(who({ municipality: '461' }))).toBe(false);
    expect(comparison(who({ municipality: null }))).toBe(false);
  });

  it('with a selector over a person dimension, an unknown value is in neither arm', () => {
    const arms = armFilters({ intervention: { sex: 'F' }, comparison: 'rest' });
    expect(arms.intervention(who({ sex: 'F' }))).toBe(true);
    expect(arms.comparison(who({ sex: 'M' }))).toBe(true);
    expect(arms.intervention(who({ sex: null })) || arms.comparison(who({ sex: null }))).toBe(false);
  });

  it('a second selector picks the comparison itself', () => {
    const arms = armFilters({ intervention: { municipality: '657' }, comparison: { municipality: '661' } });
    expect(arms.comparison(who({ municipality: '661' }))).toBe(true);
    expect(arms.comparison(who({ municipality: '751' }))).toBe(false);
  });
});

describe('indicators evaluated (SPEC §9)', () => {
  it('measured indicators and sources without a selector dimension are listed with the reason', () => {
    const { evaluated, notEvaluated } = evaluableIndicators(CATALOGUE, ['sender'], () => true);
    expect(evaluated.map((i) => i.id)).toEqual(['prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24']);
    expect(notEvaluated.find((n) => n.indicator === 'readmission-30d')!.reason).toBe('its source does not carry sender');
    expect(notEvaluated.find((n) => n.indicator === 'audits-with-citizens')!.reason).toMatch(/measured elsewhere/);
  });

  it('an indicator whose source is not loaded is not evaluated', () => {
    const { notEvaluated } = evaluableIndicators([findIndicator('readmission-30d')!], ['cluster'], () => false);
    expect(notEvaluated).toEqual([{ indicator: 'readmission-30d', reason: 'admissions.csv not loaded' }]);
  });
});

describe('cells are compute results (SPEC §9)', () => {
  // 2 prevention referrals in Vest before, 3 after; 4 in Aarhus before, 4 after; 1 in Odense.
  const rows = [
    ...['2017-12-01', '2018-01-10'].map((d) => ['657', d]),
    ...['2018-03-01', '2018-04-01', '2018-08-31'].map((d) => ['661', d]),
    ...['2017-09-01', '2017-10-01', '2017-11-01', '2018-02-28'].map((d) => ['751', d]),
    ...['2018-03-05', '2018-04-05', '2018-05-05', '2018-06-05'].map((d) => ['751', d]),
    ['461', '2018-03-05'],
  ].map(([municipality, d], k) => referral({ patientId: `r${k}`, referredAt: day(d), sender: 'gp', offer: 'weight', municipality }));
  const data = loaded('referrals', rows);
  const run = (minCell: number) =>
    evaluateProject([findIndicator('prevention-referrals')!], prepare(data), {
      intervention: { cluster: 'Vest' },
      comparison: 'rest',
      start: parsePeriodId('2018-03')!,
      months: 6,
      minCell,
    }).effects[0];

  it('counts per arm and window; the ratio of rate ratios (3/2)/(4/4) = 1.5', () => {
    const e = run(0);
    expect(e.cells).toEqual({
      intervention: { before: { numerator: 2, denominator: null, value: 2, suppressed: false }, after: { numerator: 3, denominator: null, value: 3, suppressed: false } },
      comparison: { before: { numerator: 4, denominator: null, value: 4, suppressed: false }, after: { numerator: 4, denominator: null, value: 4, suppressed: false } },
    });
    expect(e.measure).toBe('ratio');
    expect(e.did).toBeCloseTo(1.5, 12);
  });

  it('a suppressed cell makes the effect null, with the reason in the notes', () => {
    const e = run(5);
    expect(e.cells.intervention.before).toEqual({ numerator: null, denominator: null, value: null, suppressed: true });
    expect(e.did).toBeNull();
    expect(e.verdict).toBeNull();
    expect(e.notes[0]).toMatch(/^intervention before: suppressed/);
  });
});
