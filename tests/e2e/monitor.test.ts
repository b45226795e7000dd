// monitor end to end (SPEC §7): the JSON contract, the table and CSV, the default points, the
// option rules (usage errors exit 2), annotations, and the --fail-on signal gate.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitorSchema } from '../../src/contracts/monitor.js';
import { hasStackTrace, parseOutput, ROOT, runCli, scratchFiles, show } from './helpers.js';

const EX = join(ROOT, 'tests', 'fixtures', 'examples', 'monitoring-run-and-control-charts');
const SAMPLES = join(ROOT, 'data-samples');
// With the extraction date of the worked example's runs 1–3 (SPEC §13.2): every month complete.
const base = ['monitor', '--data', EX, '--indicators', 'rehab-contact-3-workdays', '--period', '2018-01..2019-08', '--min-cell', '0', '--data-end', '2019-09-04'];

describe('monitor output', () => {
  it('JSON is a Monitor report: one series, 20 points, kind monitor', () => {
    const r = runCli([...base, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const report = parseOutput(MonitorSchema, r.stdout);
    expect(report.kind).toBe('monitor');
    expect(report.series).toHaveLength(1);
    expect(report.series[0].points).toHaveLength(20);
    expect(report.periods[0]).toEqual({ id: '2018-01', from: '2018-01-01', to: '2018-01-31' });
  });

  it('the table shows one line per series with the centre line, the runs figures against their limits and the verdict', () => {
    const r = runCli([...base, '--format', 'table']);
    expect(r.code, show(r)).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('rehab-contact-3-workdays'))!;
    // Run 1 of the worked example: CL 75, longest run 9 (max 7), crossings 1 (min 4).
    expect(row).toMatch(/75\.0 %/);
    expect(row).toMatch(/9 \(max 7\)/);
    expect(row).toMatch(/1 \(min 4\)/);
    // SPEC §13.1: the signal is the 2018 run below; the final run of 7 is no evidence at the end.
    expect(row).toMatch(/special cause/);
    expect(row).not.toMatch(/provisional/);
  });

  it('CSV has one row per point', () => {
    const r = runCli([...base, '--format', 'csv']);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'indicator,aim,unit,direction,group,municipality_name,chart,period,numerator,denominator,value,suppressed,provisional,phase,baseline,center,lcl,ucl,' +
        'sigma_signal,annotation,series_signal,variation,last_side,signal_side,assurance',
    );
    expect(lines).toHaveLength(1 + 20);
    expect(lines[7]).toBe('rehab-contact-3-workdays,quality,percent,higher_is_better,,,run,2018-07,0,0,,false,false,1,false,75,,,false,,true,special_cause,above,,');
  });

  it("CSV names a municipality beside its code (SPEC §13.5), also one outside the region", () => {
    const r = runCli(['monitor', '--data', SAMPLES, '--indicators', 'readmission-30d', '--period', '2016-01..2016-03', '--by', 'municipality', '--min-cell', '0', '--format', 'csv']);
    expect(r.code, show(r)).toBe(0);
    const rows = r.stdout.trim().split('\r\n').map((l) => l.split(','));
    const [head] = rows;
    const named = new Map(rows.slice(1).map((row) => [row[head.indexOf('group')], row[head.indexOf('municipality_name')]]));
    expect(named.get('municipality=751')).toBe('Aarhus');
    expect(named.get('municipality=760')).toBe('Ringkøbing-Skjern');
    expect(named.get('municipality=461')).toBe('Odense');
    expect(named.get('')).toBe(''); // the total row
  });

  it('by default the points are every month of the data', () => {
    const r = runCli(['monitor', '--data', SAMPLES, '--indicators', 'prevention-referrals', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const report = parseOutput(MonitorSchema, r.stdout);
    // The shipped samples run from 2015-01-01 to 2018-01-31 (README "The shipped samples").
    expect(report.periods[0].id).toBe('2015-01');
    expect(report.periods.at(-1)!.id).toBe('2018-01');
    expect(report.periods).toHaveLength(37);
    // A count has a value in every month (0 when nothing happened) unless it is suppressed.
    expect(report.series[0].points.every((p) => p.value !== null || p.suppressed)).toBe(true);
  });
});

describe('monitor option rules (SPEC §7)', () => {
  it.each([
    [['--period', '2018'], /the points of a series are months or quarters/],
    [['--period', '2018-01..2018-06', '--period', '2018-07..2018-12'], /give one --period/],
    [['--phase', '2018-01'], /--phase 2018-01: a phase must start at a month strictly after the first/],
    [['--phase', '2019-09'], /--phase 2019-09/],
    [['--phase', '2018-Q3'], /--phase 2018-Q3/],
    [['--freeze', '2019-02', '--phase', '2019-01'], /--freeze 2019-02: must be a month within the first phase \(2018-01 … 2018-12\)/],
    [['--chart', 'xbar'], /Allowed choices are run, p, pp, u, up, i, auto/],
  ])('%j is a usage error (exit 2)', (extra, message) => {
    const args = [...base.filter((a, i) => !(a === '--period' || base[i - 1] === '--period')), ...(extra as string[])];
    if (!(extra as string[]).includes('--period')) args.push('--period', '2018-01..2019-08');
    const r = runCli(args);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('duplicate --phase values count once', () => {
    const r = runCli([...base, '--chart', 'p', '--phase', '2019-01', '--phase', '2019-01', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(JSON.parse(r.stdout).series[0].phases).toHaveLength(2);
  });
});

describe('annotations and the gate', () => {
  it('annotations attach to their points; one outside the points is a warning', () => {
    const dir = scratchFiles({
      'events.csv': 'period,text,indicator\n2019-01,new booking of first contacts,rehab-contact-3-workdays\n2017-05,before the series,\n',
    });
    const r = runCli([...base, '--annotations', join(dir, 'events.csv'), '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const points = JSON.parse(r.stdout).series[0].points;
    expect(points.find((p: { period: string }) => p.period === '2019-01').annotation).toBe('new booking of first contacts');
    expect(points.filter((p: { annotation: string | null }) => p.annotation !== null)).toHaveLength(1);
    expect(r.stderr).toMatch(/events\.csv:3: the annotation of 2017-05 lies outside the points/);
  });

  it('an unknown indicator in the annotations is bad input (exit 1) naming file and line', () => {
    const dir = scratchFiles({ 'events.csv': 'period,text,indicator\n2019-01,x,readmision-30d\n' });
    const r = runCli([...base, '--annotations', join(dir, 'events.csv')]);
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toMatch(/events\.csv:2: indicator: .*readmision-30d.*did you mean readmission-30d\?/);
  });

  it('--fail-on signal exits 3 after writing the report, naming each series with a signal', () => {
    const r = runCli([...base, '--fail-on', 'signal', '--format', 'json']);
    expect(r.code, show(r)).toBe(3);
    expect(JSON.parse(r.stdout).series).toHaveLength(1);
    expect(r.stderr).toMatch(/^signal: rehab-contact-3-workdays total 2018-01…2019-08: special cause; runs \(longest run 9\/max 7, crossings 1\/min 4\)$/m);
  });

  it('--fail-on signal passes (exit 0) when the last phase has no signal', () => {
    const r = runCli([...base, '--chart', 'p', '--phase', '2019-01', '--fail-on', 'signal', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
  });
});

describe('data end and provisional points (SPEC §13.2), signal side and assurance (§13.1, §13.9)', () => {
  const noDataEnd = base.slice(0, -2);

  it('without --data-end the data end is the latest referral date, and August 2019 is provisional in JSON, table, Markdown and CSV', () => {
    const json = runCli([...noDataEnd, '--format', 'json']);
    expect(json.code, show(json)).toBe(0);
    const report = parseOutput(MonitorSchema, json.stdout);
    // R1908-11 was referred 2019-08-26 (received 08-27, which does not count).
    expect(report.inputs.map((i) => [i.extract, i.data_end])).toEqual([['referrals', '2019-08-26']]);
    const august = report.series[0].points.at(-1)!;
    expect(august).toMatchObject({ period: '2019-08', provisional: true, baseline: false, lcl: null, sigma_signal: false });
    expect(report.series[0].points.filter((p) => p.provisional)).toHaveLength(1);

    const table = runCli([...noDataEnd, '--format', 'table']);
    expect(table.stdout).toMatch(/\(provisional: 2019-08\)/);
    expect(table.stdout).toMatch(/Data end: referrals 2019-08-26\./);
    expect(table.stdout).toMatch(/common cause/);
    const md = runCli([...noDataEnd, '--format', 'markdown']);
    expect(md.stdout).toMatch(/\(provisional: 2019-08\) \| 72\.5 %/);
    const csv = runCli([...noDataEnd, '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv[20]).toMatch(/^rehab-contact-3-workdays,quality,percent,higher_is_better,,,run,2019-08,10,11,90\.9\d*,false,true,1,false,72\.5,,,false,/);
  });

  it('--data-end is the data end of every dated input', () => {
    const r = runCli([...base, '--format', 'json']);
    expect(parseOutput(MonitorSchema, r.stdout).inputs.map((i) => i.data_end)).toEqual(['2019-09-04']);
  });

  it('the p chart names the side of the evidence and its verdict in the table; assurance is – without a target', () => {
    const r = runCli([...base, '--chart', 'p', '--format', 'table']);
    const row = r.stdout.split('\n').find((l) => l.includes('rehab-contact-3-workdays'))!;
    expect(row).toMatch(/improvement \(above\)/);
    expect(row).toMatch(/│ –\s+│$/);
  });

  it('the last phase with 8 useful points says insufficient data', () => {
    const r = runCli([...base, '--chart', 'p', '--phase', '2019-01', '--format', 'table']);
    expect(r.stdout).toMatch(/insufficient data \(< 10 useful points\)/);
  });

  it.each([['2019-02-30'], ['20190904'], ['04-09-2019'], ['2100-01-01'], ['soon']])('--data-end %s is a usage error (exit 2)', (value) => {
    const r = runCli([...noDataEnd, '--data-end', value, '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/--data-end/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
