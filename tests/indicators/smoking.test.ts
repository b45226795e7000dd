// SPEC §3.2 no. 12–14 (smoking-cessation follow-up). Expected numbers are worked out by hand
// in each test; /work/shared/examples/lup-baselines-status/ walks the same rules.

import type { DerivedFacts } from '../../src/facts/index.js';
import { DIMENSIONS } from '../../src/calc/groups.js';
import { groupOf } from '../../src/engine/aggregate.js';
import { describe, expect, it } from 'vitest';
import { smokingIndicators } from '../../src/indicators/smoking.js';
import type { SmokingCourse } from '../../src/extracts/records.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { course, day, loaded } from '../helpers/records.js';
import { tallyOf } from '../helpers/tally.js';

const byId = (id: string): CountingIndicator => {
  const found = smokingIndicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const responders = byId('smoke-free-6m');
const itt = byId('smoke-free-6m-itt');
const reach = byId('smoking-reach-short-education');

const data = (records: SmokingCourse[]) => loaded('smoking', records);
const started = (date: string, p: Partial<SmokingCourse> = {}) =>
  course({ courseStartedAt: day(date), completed: true, ...p });

describe('catalogue declarations (SPEC §3.2 no. 12–14, §3.4)', () => {
  it('lists the three smoking indicators in SPEC order, population health, percent, higher is better', () => {
    expect(smokingIndicators.map((i) => [i.id, i.aim, i.unit, i.direction])).toEqual([
      ['smoke-free-6m', 'population_health', 'percent', 'higher_is_better'],
      ['smoke-free-6m-itt', 'population_health', 'percent', 'higher_is_better'],
      ['smoking-reach-short-education', 'population_health', 'percent', 'higher_is_better'],
    ]);
  });

  it('smoke-free-6m has target 50 and the national Rygestopbasen benchmark 43 on the total row, period null', () => {
    expect(responders.target).toEqual({ kind: 'value', value: 50 });
    expect(responders.baselines).toHaveLength(1);
    expect(responders.baselines[0]).toMatchObject({ group: {}, value: 43, period: null });
    expect(responders.baselines[0].source).toMatch(/Rygestopbasen/);
  });

  it('the other two have neither catalogue baseline nor target', () => {
    for (const i of [itt, reach]) {
      expect(i.baselines).toEqual([]);
      expect(i.target).toBeNull();
    }
  });

  it('smoking results have no sender, offer or patient_type dimension (referral_source is not sender)', () => {
    for (const i of smokingIndicators) {
      expect(i.sources).toEqual(['smoking']);
      expect([...i.dimensions]).toEqual(['municipality', 'cluster', 'education', 'sex', 'age_band']);
    }
  });
});

describe('the cohort is the courses started in the period (SPEC §3.2 no. 12)', () => {
  it('a course started in December 2018 belongs to 2018 although its follow-up fell in 2019', () => {
    const d = data([
      started('2018-12-17', { followup6m: 'smoke_free' }),
      started('2019-01-02', { followup6m: 'smoking' }),
    ]);
    for (const i of smokingIndicators) {
      const t = tallyOf(i, d, ['2018', '2019']);
      expect(t['2018'].total?.denominator ?? 0).toBe(i === reach ? 0 : 1); // reach: education unknown
      expect(t['2019'].total?.denominator ?? 0).toBe(i === reach ? 0 : 1);
    }
    const t = tallyOf(responders, d, ['2018', '2019']);
    expect(t['2018'].total).toMatchObject({ numerator: 1, denominator: 1 });
    expect(t['2019'].total).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('smoke-free-6m, responders (SPEC §3.2 no. 12)', () => {
  it('counts completed courses answering smoke_free or smoking; smoke_free is the numerator', () => {
    const t = tallyOf(
      responders,
      data([
        started('2019-02-04', { followup6m: 'smoke_free' }),
        started('2019-03-11', { followup6m: 'smoking' }),
        started('2019-04-01', { followup6m: 'smoking' }),
      ]),
      ['2019'],
    );
    // 1 smoke-free of 3 responders.
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('a lost participant is not a responder; a course not completed is left out even when smoke-free', () => {
    const t = tallyOf(
      responders,
      data([
        started('2019-02-04', { followup6m: 'smoke_free' }), // responder, smoke-free
        started('2019-05-06', { followup6m: 'lost' }), // completed, lost: out
        started('2019-05-20', { completed: false, followup6m: 'smoke_free' }), // not completed: out
        started('2019-06-03', { completed: false, followup6m: 'lost' }), // not completed: out
      ]),
      ['2019'],
    );
    // Only the first: 1/1.
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['courses left out, completed but lost to follow-up']).toBe(1);
    expect(t['2019'].total.notes['courses left out, not completed']).toBe(2);
  });

  it('a course whose follow-up is not yet due is left out and noted', () => {
    const t = tallyOf(
      responders,
      data([started('2019-11-18', { followup6m: null }), started('2019-02-04', { followup6m: 'smoking' })]),
      ['2019'],
    );
    expect(t['2019'].total).toMatchObject({ numerator: 0, denominator: 1 });
    expect(t['2019'].total.notes['courses left out, follow-up not yet due']).toBe(1);
  });
});

describe('smoke-free-6m-itt, intention to treat (SPEC §3.2 no. 13)', () => {
  it('a lost participant is in the denominator and counts as smoking (Russell Standard)', () => {
    const t = tallyOf(
      itt,
      data([
        started('2019-02-04', { followup6m: 'smoke_free' }),
        started('2019-05-06', { followup6m: 'lost' }),
      ]),
      ['2019'],
    );
    // 1 smoke-free of 2 with a recorded follow-up (the lost one is "smoking").
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(2);
    expect(t['2019'].total.notes['lost to follow-up (counted as smoking)']).toBe(1);
  });

  it('counts courses not completed too', () => {
    const t = tallyOf(
      itt,
      data([
        started('2019-05-20', { completed: false, followup6m: 'smoke_free' }),
        started('2019-09-02', { completed: false, followup6m: 'smoking' }),
        started('2019-06-03', { completed: false, followup6m: 'lost' }),
      ]),
      ['2019'],
    );
    // 1 smoke-free of 3 recorded.
    expect(t['2019'].total).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('a course with no follow-up yet is left out of both and noted', () => {
    const t = tallyOf(
      itt,
      data([
        started('2019-11-18', { followup6m: null }),
        started('2019-11-25', { completed: false, followup6m: null }),
        started('2019-02-04', { followup6m: 'smoke_free' }),
      ]),
      ['2019'],
    );
    expect(t['2019'].total.numerator).toBe(1);
    expect(t['2019'].total.denominator).toBe(1);
    expect(t['2019'].total.notes['courses left out, follow-up not yet due']).toBe(2);
  });
});

describe('smoking-reach-short-education (SPEC §3.2 no. 14)', () => {
  it('the denominator is the cohort with a known education, whatever completion or follow-up', () => {
    const t = tallyOf(
      reach,
      data([
        started('2019-02-04', { education: 'short', followup6m: null }), // not yet due: still counted
        started('2019-02-05', { education: 'short', completed: false }),
        started('2019-02-06', { education: 'medium', followup6m: 'lost' }),
        started('2019-02-07', { education: 'long', followup6m: 'smoke_free' }),
        started('2019-02-08', { education: null, followup6m: 'smoke_free' }), // unknown: out
      ]),
      ['2019'],
    );
    // 2 short of 4 with a known education.
    expect(t['2019'].total.numerator).toBe(2);
    expect(t['2019'].total.denominator).toBe(4);
    expect(t['2019'].total.notes['courses left out, education unknown']).toBe(1);
  });

  it('broken down by education it is trivially 100 % short and 0 % medium and long', () => {
    const t = tallyOf(
      reach,
      data([
        started('2019-02-04', { education: 'short' }),
        started('2019-02-05', { education: 'short' }),
        started('2019-02-06', { education: 'long' }),
      ]),
      ['2019'],
      (who) => String(who.education),
    );
    expect(t['2019'].short).toMatchObject({ numerator: 2, denominator: 2 });
    expect(t['2019'].long).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('equity: a course is grouped by its own attributes (SPEC §1.3)', () => {
  it('sets municipality, age, sex and education from the course row and no sender', () => {
    const c = started('2019-02-04', {
      followup6m: 'smoke_free',
      education: 'medium',
      sex: 'M',
      age: 52,
      municipality: '760',
      referralSource: 'gp',
    });
    for (const indicator of smokingIndicators) {
      const seen: unknown[] = [];
      indicator.count(
        data([c]),
        { add: (_d, who) => seen.push(groupOf(DIMENSIONS, who).group), note: () => {} },
        { periods: [], firstDay: day('2019-01-01'), lastDay: day('2019-12-31'), facts: {} as DerivedFacts },
      );
      // The course's referral_source gp is not the referrals' sender dimension: sender unknown.
      expect(seen).toEqual([
        { municipality: '760', cluster: 'Vest', education: 'medium', sex: 'M', age_band: '18-64', patient_type: 'unknown', sender: 'unknown', offer: 'unknown' },
      ]);
    }
  });

  it('responders by education: short 1/2, medium 1/1', () => {
    const t = tallyOf(
      responders,
      data([
        started('2019-02-04', { education: 'short', followup6m: 'smoke_free' }),
        started('2019-02-05', { education: 'short', followup6m: 'smoking' }),
        started('2019-02-06', { education: 'medium', followup6m: 'smoke_free' }),
      ]),
      ['2019'],
      (who) => String(who.education),
    );
    expect(t['2019'].short).toMatchObject({ numerator: 1, denominator: 2 });
    expect(t['2019'].medium).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('the worked example lup-baselines-status (smoking.csv, 11 courses)', () => {
  const example = data([
    started('2019-02-04', { municipality: '760', referralSource: 'gp', followup6m: 'smoke_free', education: 'short' }), // s-01
    started('2019-03-11', { municipality: '760', referralSource: 'hospital', followup6m: 'smoking', education: 'medium' }), // s-02
    started('2019-04-01', { municipality: '661', referralSource: 'self', followup6m: 'smoke_free', education: 'short' }), // s-03
    started('2019-05-06', { municipality: '661', referralSource: 'gp', followup6m: 'lost', education: 'long' }), // s-04
    started('2019-05-20', { municipality: '756', referralSource: 'gp', completed: false, followup6m: 'smoke_free', education: 'short' }), // s-05
    started('2019-06-03', { municipality: '756', referralSource: 'other', completed: false, followup6m: 'lost', education: null }), // s-06
    started('2019-11-18', { municipality: '760', referralSource: 'gp', followup6m: null, education: 'short' }), // s-07
    started('2019-08-12', { municipality: '661', referralSource: 'hospital', followup6m: 'smoking', education: 'short' }), // s-08
    started('2019-09-02', { municipality: '756', referralSource: 'self', completed: false, followup6m: 'smoking', education: 'long' }), // s-09
    started('2019-09-16', { municipality: '760', referralSource: 'gp', followup6m: 'smoking', education: 'medium' }), // s-10
    started('2018-12-17', { municipality: '661', referralSource: 'gp', followup6m: 'smoke_free', education: 'short' }), // s-11
  ]);
  const periods = ['2016', '2019'];

  it('smoke-free-6m: 2/5 in 2019 (s-01, s-03 of s-01, s-02, s-03, s-08, s-10), nothing in 2016', () => {
    const t = tallyOf(responders, example, periods);
    expect(t['2019'].total).toMatchObject({ numerator: 2, denominator: 5 });
    expect(t['2016'].total).toBeUndefined();
  });

  it('smoke-free-6m-itt: 3/9 in 2019 (s-01, s-03, s-05 of the cohort less s-07), nothing in 2016', () => {
    const t = tallyOf(itt, example, periods);
    expect(t['2019'].total).toMatchObject({ numerator: 3, denominator: 9 });
    expect(t['2019'].total.notes['courses left out, follow-up not yet due']).toBe(1); // s-07
    expect(t['2016'].total).toBeUndefined();
  });

  it('smoking-reach-short-education: 5/9 in 2019 (s-01, s-03, s-05, s-07, s-08 of the cohort less s-06)', () => {
    const t = tallyOf(reach, example, periods);
    expect(t['2019'].total).toMatchObject({ numerator: 5, denominator: 9 });
    expect(t['2019'].total.notes['courses left out, education unknown']).toBe(1); // s-06
    expect(t['2016'].total).toBeUndefined();
  });
});
