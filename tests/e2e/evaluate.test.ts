// evaluate end to end (SPEC §9): the JSON contract on the worked example and on the shipped
// samples, the Triple Aim evaluation table, CSV, and the usage errors (exit 2).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationSchema } from '../../src/contracts/evaluate.js';
import { hasStackTrace, parseOutput, ROOT, runCli, show } from './helpers.js';

const EX = join(ROOT, 'tests', 'fixtures', 'examples', 'project-evaluation');
const SAMPLES = join(ROOT, 'data-samples');
const example = [
  'evaluate', '--data', EX, '--indicators', 'prevention-referrals,rehab-timely-start,ready-for-discharge-days',
  '--intervention', 'cluster=Horsens', '--start', '2018-03', '--months', '6', '--min-cell', '0',
];

describe('evaluate output', () => {
  it('JSON is an Evaluation: kind, selectors, windows, one effect per indicator in aim order', () => {
    const r = runCli([...example, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const report = parseOutput(EvaluationSchema, r.stdout);
    expect(report.kind).toBe('evaluate');
    expect(report.intervention).toEqual({ cluster: 'Horsens' });
    expect(report.comparison).toBe('rest');
    expect(report.effects.map((e) => [e.indicator, e.aim, e.measure, e.verdict])).toEqual([
      ['prevention-referrals', 'population_health', 'ratio', 'no_clear_change'],
      ['rehab-timely-start', 'quality', 'difference', 'improvement'],
      ['ready-for-discharge-days', 'cost', 'difference', 'deterioration'],
    ]);
  });

  it('the table and Markdown are the Triple Aim evaluation table: one section per aim with verdicts in words', () => {
    const md = runCli([...example, '--format', 'markdown']).stdout;
    expect(md.indexOf('## Population health')).toBeLessThan(md.indexOf('## Quality'));
    expect(md.indexOf('## Quality')).toBeLessThan(md.indexOf('## Cost per capita'));
    expect(md).toMatch(/\| `rehab-timely-start` \| % \(change in pp\) \| 30\.0 \| 90\.0 \| 60\.0 \| 60\.0 \| \+60\.0 \| 0\.0 \| \+60\.0 \(5\.3 to 114\.7\) \| \*\*improvement\*\* \|/);
    const table = runCli([...example, '--format', 'table']).stdout;
    expect(table).toMatch(/prevention-referrals .*×2\.40 .*×1\.10 .*×2\.18 \(0\.57–8\.41\) .*no clear change/);
  });

  it('CSV has one row per indicator', () => {
    const lines = runCli([...example, '--format', 'csv']).stdout.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3);
    expect(lines[0]).toMatch(/^indicator,aim,unit,direction,measure,intervention_before_numerator,/);
    expect(lines[2]).toMatch(/^rehab-timely-start,quality,percent,higher_is_better,difference,3,10,30,false,9,10,90,false,6,10,60,false,6,10,60,false,60,0,60,/);
  });

  it('the README example: cluster Vest from 2016-07 on the shipped samples evaluates every indicator that carries cluster', () => {
    const r = runCli(['evaluate', '--data', SAMPLES, '--intervention', 'cluster=Vest', '--start', '2016-07', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const report = parseOutput(EvaluationSchema, r.stdout);
    expect(report.windows).toEqual({ before: { from: '2015-07-01', to: '2016-06-30' }, after: { from: '2016-07-01', to: '2017-06-30' } });
    expect(report.effects).toHaveLength(18);
    expect(report.not_evaluated.map((n) => n.indicator)).toEqual(['audits-with-citizens', 'unsafe-sex-16-24', 'stratified-courses', 'sick-leave-hotline-calls']);
  });
});

describe('evaluate usage errors (SPEC §9: exit 2)', () => {
  it.each([
    [['--intervention', 'colour=red'], /names an unknown dimension "colour"/],
    [['--intervention', 'cluster=Nord'], /is not a cluster/],
    [['--intervention', 'cluster=unknown'], /selects no unit/],
    [['--intervention', 'municipality=461'], /not one of the region's 19 municipalities/],
    [['--comparison', 'sex=F'], /--comparison must name the same dimensions as --intervention \(cluster\), not sex/],
    [['--comparison', 'cluster=horsens'], /--comparison selects the same units as --intervention/],
    [['--indicators', 'ready-for-discharge-days', '--intervention', 'sender=gp'], /no selected indicator's source carries sender/],
    [['--start', '2030-01'], /--start 2030-01 is outside the data/],
    [['--start', '2018'], /option '--start <YYYY-MM>' argument '2018' is invalid\. expected a month YYYY-MM/],
    [['--months', '0'], /expected a whole number of months from 1 to 120/],
  ])('%j', (extra, message) => {
    const args = [...example];
    for (let i = 0; i < (extra as string[]).length; i += 2) {
      const at = args.indexOf((extra as string[])[i]);
      if (at >= 0) args.splice(at, 2);
      args.push((extra as string[])[i], (extra as string[])[i + 1]);
    }
    const r = runCli(args);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a window reaching past the data gives a warning, not an error', () => {
    const r = runCli([...example.slice(0, -6), '--start', '2018-08', '--months', '6', '--format', 'json', '--min-cell', '0']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toMatch(/warning: the after window \(2018-08-01 – 2019-01-31\) reaches past the last event date of the data/);
  });
});
