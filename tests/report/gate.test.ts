// --fail-on says which results triggered it (SPEC §6.2), and which results trigger (§3.4).

import { describe, expect, it } from 'vitest';
import { failOnTriggers } from '../../src/engine/evaluate.js';
import type { Result } from '../../src/contracts/report.js';
import { disclosureLines, gateLines } from '../../src/report/gate.js';

const result = (over: Partial<Result>): Result => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', period: '2017', group: {},
  numerator: 123, denominator: 1000, value: 12.3, ci95: [10.4, 14.5], suppressed: false,
  baseline: { value: 11, period: '2015', source: 'data' }, target: null, change: 1.3, change_pct: 11.8,
  status: 'worsening', target_verdict: 'no_target', provisional: false, reason: null, notes: [], ...over,
});

describe('--fail-on lines (SPEC §6.2)', () => {
  it('one line per triggering result: indicator, period, group, status, value and the baseline it is worse than', () => {
    const lines = gateLines([result({ group: { cluster: 'Vest' } })], 'worsening');
    expect(lines).toEqual([
      '--fail-on worsening: readmission-30d, period 2017, group cluster=Vest: status worsening, value 12.3 %, baseline 11.0 % (2015)',
    ]);
  });

  it('not_met names the target, whatever the status says about the baseline', () => {
    const r = result({
      indicator: 'unsafe-sex-16-24', period: '2019', value: 21, status: 'improving',
      baseline: { value: 23, period: '2013', source: 'x' }, target: { value: 20, period: null, rule: 'at_most' },
    });
    expect(failOnTriggers([r], 'not_met')).toEqual([r]);
    expect(failOnTriggers([r], 'worsening')).toEqual([]);
    expect(gateLines([r], 'not_met')).toEqual([
      '--fail-on not_met: unsafe-sex-16-24, period 2019, group total: status improving, value 21.0 %, target ≤ 20.0 %',
    ]);
  });

  it('counts and rates read in their units; small rates keep two significant digits', () => {
    const count = result({ indicator: 'prevention-referrals', unit: 'count', direction: 'higher_is_better', value: 98, numerator: 98, denominator: null, baseline: { value: 113, period: '2015', source: 'x' } });
    expect(gateLines([count], 'worsening')[0]).toMatch(/status worsening, value 98, baseline 113 \(2015\)$/);
    const rate = result({ unit: 'per_1000', value: 0.345, baseline: { value: 0.3, period: '2016-01', source: 'x' } });
    expect(gateLines([rate], 'worsening')[0]).toMatch(/value 0\.35 per 1000, baseline 0\.30 per 1000 \(2016-01\)$/);
  });

  it('at most 20 lines, then one line "and N more": 23 triggering results give 20 + "and 3 more"', () => {
    const many = Array.from({ length: 23 }, (_, i) => result({ group: { municipality: String(700 + i) } }));
    const lines = gateLines(many, 'worsening');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toContain('group municipality=719');
    expect(lines[20]).toBe('and 3 more');
    expect(gateLines(many.slice(0, 20), 'worsening')).toHaveLength(20); // exactly 20: no "more" line
  });
});

describe('--fail-on disclosure lines (SPEC §13.7)', () => {
  const disclosure = (count: number, what = 'numerator') => ({ indicator: 'readmission-30d', period: '2017-03', group: { sex: 'F' }, what, count });

  it('one line per count shown that the default --min-cell 5 would hide: indicator, period, group, what and the count', () => {
    expect(disclosureLines([disclosure(3), disclosure(4, 'not in the team (no team_joined_at)')], 0)).toEqual([
      '--fail-on disclosure: readmission-30d, period 2017-03, group sex=F: numerator 3 shown (--min-cell 0; the default 5 hides counts of 1 to 4)',
      '--fail-on disclosure: readmission-30d, period 2017-03, group sex=F: not in the team (no team_joined_at) 4 shown (--min-cell 0; the default 5 hides counts of 1 to 4)',
    ]);
  });

  it('at most 20 lines, then "and N more"; none when nothing is disclosed', () => {
    const lines = disclosureLines(Array.from({ length: 23 }, () => disclosure(1)), 0);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('and 3 more');
    expect(disclosureLines([], 0)).toEqual([]);
  });
});
