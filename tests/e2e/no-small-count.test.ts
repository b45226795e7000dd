// SPEC §13.7 end to end: no count of 1–4 people or events in any output of compute (JSON,
// table with details, Markdown, CSV), monitor (JSON, table) or evaluate (JSON, table) on data
// built here; the worked example's evaluate paragraph under the default --min-cell; and
// --fail-on disclosure (exit 3 when --min-cell 0 shows such a count, 0 otherwise).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationSchema } from '../../src/contracts/evaluate.js';
import { ROOT, parseOutput, runCli, scratchFiles, show } from './helpers.js';

// Vulnerable-pregnancy referrals (a percent): Aarhus (751) 10 in January 2017 (4 without
// team_joined_at: the note "not in the team (no team_joined_at)" counts 4), 10 in February, 3
// in March; Herning (657) 3 in January, 8 in February (2 without team_joined_at). Every
// one with a team joined it at gestational day 118 (< 168: in the numerator).
function referrals(): string {
  const rows = ['referral_id,patient_id,referred_at,sender,offer,municipality_code,received_at,expected_delivery_date,team_joined_at'];
  let id = 0;
  const add = (n: number, month: string, municipality: string, withoutTeam: number) => {
    for (let i = 0; i < n; i++) {
      id++;
      const joined = i < withoutTeam ? '' : `2017-${month}-20`;
      const due = month === '01' ? '2017-07-01' : month === '02' ? '2017-08-01' : '2017-09-01';
      // The delivery dates keep day 118 for a join on the 20th: 280 − (due − joined).
      rows.push(`R${id},P${id},2017-${month}-10,gp,vulnerable_pregnancy,${municipality},2017-${month}-10,${due},${joined}`);
    }
  };
  add(10, '01', '751', 4);
  add(10, '02', '751', 0);
  add(3, '03', '751', 0);
  add(3, '01', '657', 0);
  add(8, '02', '657', 2);
  return rows.join('\n') + '\n';
}

const DATA = scratchFiles({ 'referrals.csv': referrals() });
const IND = ['--indicators', 'vulnerable-pregnancy-team-before-week-24'];
const COMPUTE = ['compute', '--data', DATA, ...IND, '--period', '2017', '--period', '2017-01..2017-03', '--by', 'municipality'];
const MONITOR = ['monitor', '--data', DATA, ...IND, '--period', '2017-01..2017-03', '--by', 'municipality'];
const EVALUATE = ['evaluate', '--data', DATA, ...IND, '--intervention', 'cluster=Aarhus', '--start', '2017-02', '--months', '1'];

const SMALL = /^[1-4]$/;
const NOTE_COUNT = /: (\S+)$/;

/** Every count of 1–4 in a JSON output: numerators and denominators of percent results, points
 *  and cells (the unit comes from the nearest object that names it), and counts in texts. */
function smallCountsInJson(value: unknown, unit: string | null = null, path = '$'): string[] {
  if (typeof value === 'string') {
    const m = NOTE_COUNT.exec(value) ?? / (\d+) events? /.exec(value);
    return m && SMALL.test(m[1]) ? [`${path}: "${value}"`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCountsInJson(v, unit, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const u = typeof o.unit === 'string' ? o.unit : unit;
  const found: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    const counted = k === 'numerator' || (k === 'denominator' && u === 'percent');
    if (counted && typeof v === 'number' && SMALL.test(String(v))) found.push(`${path}.${k} = ${v}`);
    else found.push(...smallCountsInJson(v, u, `${path}.${k}`));
  }
  return found;
}

/** Every count of 1–4 in a text output: "n/N" counts, and counts ending a note. */
function smallCountsInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\d.,/-])(\d+)\/(\d+)(?![\d.,])/g)) if (SMALL.test(m[1]) || SMALL.test(m[2])) found.push(m[0]);
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(/(?:left out[^:|\n]*|not in the team[^:|\n]*|not contacted[^:|\n]*|not started[^:|\n]*|lost to follow-up[^:|\n]*): (\S+?)(?=$|[;|\s])/g)) {
      if (SMALL.test(m[1])) found.push(m[0]);
    }
  }
  return found;
}

/** Every count of 1–4 in the numerator and denominator columns of a CSV output. */
function smallCountsInCsv(text: string): string[] {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  const found: string[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    cols.forEach((c, i) => {
      if (/(^|_)(numerator|denominator)$/.test(c) && SMALL.test(cells[i])) found.push(`${c}=${cells[i]} in ${row}`);
    });
    const notes = cells[cols.indexOf('notes')];
    if (notes) found.push(...smallCountsInText(notes.replace(/^"|"$/g, '').replace(/; /g, '\n')));
  }
  return found;
}

const outputs = (minCell: string[]) => ({
  'compute json': () => smallCountsInJson(JSON.parse(runCli([...COMPUTE, ...minCell, '--format', 'json']).stdout)),
  'compute table --details': () => smallCountsInText(runCli([...COMPUTE, ...minCell, '--format', 'table', '--details']).stdout),
  'compute markdown': () => smallCountsInText(runCli([...COMPUTE, ...minCell, '--format', 'markdown']).stdout),
  'compute csv': () => smallCountsInCsv(runCli([...COMPUTE, ...minCell, '--format', 'csv']).stdout),
  'monitor json': () => smallCountsInJson(JSON.parse(runCli([...MONITOR, ...minCell, '--format', 'json']).stdout)),
  'monitor table': () => smallCountsInText(runCli([...MONITOR, ...minCell, '--format', 'table']).stdout),
  'evaluate json': () => smallCountsInJson(JSON.parse(runCli([...EVALUATE, ...minCell, '--format', 'json']).stdout)),
  'evaluate csv': () => smallCountsInCsv(runCli([...EVALUATE, ...minCell, '--format', 'csv']).stdout),
});

describe('no small count anywhere (SPEC §13.7)', () => {
  it.each(Object.entries(outputs([])))('%s under the default --min-cell shows no count of 1–4', (_name, scan) => {
    expect(scan()).toEqual([]);
  });

  it('the scan finds them when --min-cell 0 shows them (so the test above can fail)', () => {
    const scans = outputs(['--min-cell', '0']);
    expect(scans['compute json']().join('\n')).toMatch(/notes\[\d+\]: "not in the team \(no team_joined_at\): 4"/);
    expect(scans['compute markdown']()).toContain('3/3');
    expect(scans['compute csv']().length).toBeGreaterThan(0);
    expect(scans['compute table --details']()).toContain('3/3');
    expect(scans['monitor json']().length).toBeGreaterThan(0);
    expect(scans['evaluate json']().length).toBeGreaterThan(0);
  });

  it('the note of 4 (Aarhus in 2017) reads <5 under the default threshold; 6 (the total) is shown', () => {
    const json = JSON.parse(runCli([...COMPUTE, '--format', 'json']).stdout);
    const aarhus = json.results.find((r: { period: string; group: { municipality?: string } }) => r.period === '2017' && r.group.municipality === '751');
    expect(aarhus.notes).toContain('not in the team (no team_joined_at): <5');
    expect(json.results[0].notes).toContain('not in the team (no team_joined_at): 6');
  });

  it('March 2017 (3) is hidden and, since 2017 is shown beside its months, January (the smaller of 10 and 10, the first) too', () => {
    const json = JSON.parse(runCli([...COMPUTE, '--format', 'json']).stdout);
    const total = (period: string) => json.results.find((r: { period: string; group: object }) => r.period === period && Object.keys(r.group).length === 0);
    expect([total('2017'), total('2017-01'), total('2017-02'), total('2017-03')].map((r) => r.suppressed)).toEqual([false, true, false, true]);
    expect(total('2017-01').notes.join()).toMatch(/cannot be derived from the year 2017/);
    expect(json.suppression.complementary).toBeGreaterThan(0);
  });
});

describe('the annual report (SPEC §13.7, §10)', () => {
  /** Counts of 1–4 in the HTML: the numerator and denominator cells of a data table row
   *  (period or group, value, numerator, denominator, …), or a note ending in one. */
  const smallInHtml = (html: string) => [
    // The value cell may carry a mark ("(foreløbig)", SPEC §13.2) in a span.
    ...[...html.matchAll(/<tr><td>[^<]*<\/td><td class="num">(?:[^<]|<span[^>]*>[^<]*<\/span>)*<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td>/g)]
      .filter((m) => SMALL.test(m[1]) || SMALL.test(m[2]))
      .map((m) => m[0]),
    ...[...html.matchAll(/(?:left out|not in the team)[^<:]*: ([^<\s]+)</g)].filter((m) => SMALL.test(m[1])).map((m) => m[0]),
  ];

  it('report --format html shows no count of 1–4 under the default threshold, and --fail-on disclosure exits 3 under --min-cell 0', () => {
    const dir = scratchFiles({});
    const ok = runCli(['report', '--data', DATA, '--year', '2017', '--out', join(dir, 'r.html'), '--fail-on', 'disclosure', '--quiet']);
    expect(ok.code, show(ok)).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(smallInHtml(html)).toEqual([]);
    const open = runCli(['report', '--data', DATA, '--year', '2017', '--out', join(dir, 'open.html'), '--min-cell', '0', '--fail-on', 'disclosure', '--quiet']);
    expect(open.code, show(open)).toBe(3);
    expect(open.stderr).toMatch(/^--fail-on disclosure: vulnerable-pregnancy-team-before-week-24, period 2017-03, group total: numerator 3 shown/m);
    expect(smallInHtml(readFileSync(join(dir, 'open.html'), 'utf8')).length).toBeGreaterThan(0);
  });
});

describe('evaluate: suppression of its cells (SPEC §13.7, the worked example project-evaluation)', () => {
  const EX = join(ROOT, 'tests', 'fixtures', 'examples', 'project-evaluation');
  const example = [
    'evaluate', '--data', EX, '--indicators', 'prevention-referrals,rehab-timely-start,ready-for-discharge-days',
    '--intervention', 'cluster=Horsens', '--start', '2018-03', '--months', '6', '--format', 'json',
  ];

  it('under the default --min-cell the 3 timely starts (intervention before) are hidden, the arm\'s after window (9/10) too, and the effect is null with a note', () => {
    const r = runCli(example);
    expect(r.code, show(r)).toBe(0);
    const report = parseOutput(EvaluationSchema, r.stdout);
    const effect = report.effects.find((e) => e.indicator === 'rehab-timely-start')!;
    const hidden = { numerator: null, denominator: null, value: null, suppressed: true };
    expect(effect.cells.intervention).toEqual({ before: hidden, after: hidden });
    // The comparison arm's windows are both shown (6/10 and 6/10): the rule is per arm.
    expect(effect.cells.comparison.before).toMatchObject({ numerator: 6, denominator: 10, suppressed: false });
    expect([effect.did, effect.ci95, effect.verdict, effect.change_intervention]).toEqual([null, null, null, null]);
    expect(effect.notes.join('\n')).toMatch(/no effect: a cell is hidden by small-cell suppression/);
    expect(report.suppression).toMatchObject({ primary: 1, complementary: 1 });
    // The other two effects have no small cell and keep their verdicts.
    expect(report.effects.map((e) => e.verdict)).toEqual(['no_clear_change', null, 'deterioration']);
  });
});

describe('--fail-on disclosure (SPEC §13.7)', () => {
  it('compute with --min-cell 0 writes the output, then exits 3 with one stderr line per count of 1–4 shown', () => {
    const r = runCli([...COMPUTE, '--min-cell', '0', '--format', 'json', '--fail-on', 'disclosure']);
    expect(r.code, show(r)).toBe(3);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(
      /^--fail-on disclosure: vulnerable-pregnancy-team-before-week-24, period 2017, group municipality=751: not in the team \(no team_joined_at\) 4 shown \(--min-cell 0; the default 5 hides counts of 1 to 4\)$/m,
    );
    expect(r.stderr).toMatch(/period 2017-03, group total: numerator 3 shown/);
  });

  it('compute under the default threshold exits 0: nothing small is shown', () => {
    const r = runCli([...COMPUTE, '--format', 'json', '--fail-on', 'disclosure']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).not.toMatch(/--fail-on disclosure/);
  });

  it('data without a count of 1–4 pass even with --min-cell 0', () => {
    // Aarhus in February alone: 10 of 10 in the team, no note.
    const clean = scratchFiles({ 'referrals.csv': referrals().split('\n').filter((l) => !/,657,|,2017-03-|,2017-01-/.test(l)).join('\n') });
    const ok = runCli(['compute', '--data', clean, ...IND, '--period', '2017-02', '--min-cell', '0', '--format', 'json', '--fail-on', 'disclosure']);
    expect(ok.code, show(ok)).toBe(0);
    expect(JSON.parse(ok.stdout).results[0]).toMatchObject({ numerator: 10, denominator: 10 });
  });

  it('monitor and evaluate gate the same way', () => {
    const m = runCli([...MONITOR, '--min-cell', '0', '--format', 'json', '--fail-on', 'disclosure']);
    expect(m.code, show(m)).toBe(3);
    expect(m.stderr).toMatch(/^--fail-on disclosure: vulnerable-pregnancy-team-before-week-24, period 2017-03, group municipality=751: numerator 3 shown/m);
    expect(runCli([...MONITOR, '--format', 'json', '--fail-on', 'disclosure']).code).toBe(0);
    const e = runCli([...EVALUATE, '--min-cell', '0', '--format', 'json', '--fail-on', 'disclosure']);
    expect(e.code, show(e)).toBe(3);
    expect(e.stderr).toMatch(/group total: comparison before: numerator 3 shown/);
    expect(runCli([...EVALUATE, '--format', 'json', '--fail-on', 'disclosure']).code).toBe(0);
  });
});

describe('no hidden count is the whole minus the shown ones (SPEC §4.4, §13.7), on the shipped samples', () => {
  it('years, quarters and months by municipality: no breakdown and no year or quarter with its inner periods has exactly one hidden cell', () => {
    const r = runCli([
      'compute', '--data', join(ROOT, 'data-samples'), '--period', '2015..2017', '--period', '2015-Q1..2017-Q4', '--period', '2015-01..2017-12',
      '--by', 'municipality', '--format', 'json',
    ]);
    expect(r.code, show(r)).toBe(0);
    type R = { indicator: string; period: string; group: Record<string, string>; suppressed: boolean };
    const results: R[] = JSON.parse(r.stdout).results;
    const sums = new Map<string, R[]>();
    const add = (key: string, x: R) => sums.set(key, [...(sums.get(key) ?? []), x]);
    const groupKey = (x: R) => JSON.stringify(x.group);
    // The year or quarter that holds a quarter or month: 2016-Q3 → 2016; 2016-08 → 2016 and 2016-Q3.
    const outers = (p: string): [string, string][] => {
      const q = /^(\d{4})-Q\d$/.exec(p);
      if (q) return [[q[1], 'quarters']];
      const m = /^(\d{4})-(\d{2})$/.exec(p);
      return m ? [[m[1], 'months'], [`${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`, 'months']] : [];
    };
    const byKey = new Map(results.map((x) => [`${x.indicator}|${x.period}|${groupKey(x)}`, x]));
    for (const x of results) {
      add(`breakdown ${x.indicator} ${x.period}`, x);
      for (const [outer, kind] of outers(x.period)) {
        const whole = byKey.get(`${x.indicator}|${outer}|${groupKey(x)}`);
        const key = `${kind} of ${x.indicator} ${outer} ${groupKey(x)}`;
        if (whole && !sums.has(key)) add(key, whole);
        add(key, x);
      }
    }
    const exposed = [...sums].filter(([, cells]) => cells.length > 1 && cells.filter((c) => c.suppressed).length === 1).map(([k]) => k);
    expect(exposed).toEqual([]);
    // The samples do have hidden cells, so the check above has something to check.
    expect(results.filter((x) => x.suppressed).length).toBeGreaterThan(100);
  });
});
