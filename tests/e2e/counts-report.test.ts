// SPEC §15: `report --counts FILE.csv` writes the page the run on the extracts writes. The
// counts are made as an analyst makes them (tests/helpers/counts.ts: the DuckDB script of
// `triple-aim sql` on the sample admissions, referrals and smoking courses), by municipality,
// for the years and months of the data up to the report year. The pages are compared as bytes
// after two replacements, each checked to have happened on both sides:
// - the inputs table (`<table class="inputs">…</table>`): the counts run does not read the
//   counted extracts, so it lists population, measurements and baselines only (SPEC §15
//   "inputs[] aside");
// - the reason of the four LUP indicators, which the script does not count yet: "lup.csv not
//   loaded" on the extracts (the folder has no lup.csv, so both runs lack LUP alike) and "no
//   counts of this indicator in FILE" on the counts.
// Everything else — values, intervals, baselines, statuses, suppression, run charts and their
// signals, the municipalities against the region (standardised or not), the clusters of the
// codes outside the region, education gaps, notes, warnings, provisional marks — is byte-equal.

import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCounts } from '../helpers/counts.js';
import { hasStackTrace, runCli, scratchDir, show } from './helpers.js';

const dir = scratchDir('triple-aim-counts-report-');
const data = join(dir, 'extracts');
const SAMPLES = join(process.cwd(), 'data-samples');
const EXTRACTS = { admissions: join(SAMPLES, 'admissions.csv'), referrals: join(SAMPLES, 'referrals.csv'), smoking: join(SAMPLES, 'smoking.csv') };

/** The page without what may differ (see the head of this file), and how often each was replaced. */
function normalised(html: string, lupReason: RegExp): { html: string; inputs: number; lup: number } {
  let inputs = 0;
  let lup = 0;
  const out = html
    .replace(/<table class="inputs">[\s\S]*?<\/table>/g, () => {
      inputs++;
      return '<table class="inputs"></table>';
    })
    .replace(lupReason, () => {
      lup++;
      return '(LUP REASON)';
    });
  return { html: out, inputs, lup };
}

/** Where two pages first differ, with some context (a whole page in a failure is unreadable). */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  counts:   …${a.slice(Math.max(0, i - 200), i + 200)}…\n  extracts: …${b.slice(Math.max(0, i - 200), i + 200)}…`;
}

function report(args: string[], out: string): { html: string; stderr: string } {
  const r = runCli(['report', ...args, '--out', out], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.code, show(r)).toBe(0);
  return { html: readFileSync(out, 'utf8'), stderr: r.stderr };
}

describe('report --counts writes the page of the run on the extracts (sample data, 2016)', () => {
  let counts: string;
  beforeAll(async () => {
    mkdirSync(data);
    for (const f of ['admissions', 'referrals', 'smoking', 'population', 'measurements', 'baselines']) copyFileSync(join(SAMPLES, `${f}.csv`), join(data, `${f}.csv`));
    // The data run from January 2015: the years 2015–2016 and their months, by municipality.
    counts = await writeCounts(join(dir, 'counts.csv'), EXTRACTS, ['2015..2016', '2015-01..2016-12'], ['municipality']);
  }, 60_000);

  it.each([
    ['the annual report, Danish', ['--year', '2016']],
    ['the annual report, English, standardised (ESP2013), --min-cell 3', ['--year', '2016', '--lang', 'en', '--standardize', 'esp2013', '--min-cell', '3']],
    ["Aarhus's profile (--municipality 751), standardised", ['--year', '2016', '--municipality', '751', '--standardize', 'esp2013']],
  ])('%s', (name, args) => {
    const tag = name.replace(/\W+/g, '-');
    const extracts = report(['--data', data, ...args], join(dir, `${tag}-extracts.html`));
    const counted = report(['--counts', counts, '--data', data, ...args], join(dir, `${tag}-counts.html`));
    const a = normalised(extracts.html, /lup\.csv (er ikke indlæst|not loaded)/g);
    const b = normalised(counted.html, /(ingen tællinger for denne indikator i|no counts of this indicator in) \S*counts\.csv/g);
    expect(a.inputs).toBe(1);
    expect(b.inputs).toBe(1);
    // The annual report names every indicator's reason; the profile lists the computed ones.
    if (!args.includes('--municipality')) expect(a.lup).toBeGreaterThan(0);
    expect(b.lup).toBe(a.lup);
    expect(firstDifference(b.html, a.html)).toBe(null);
    // The warnings are the same; the last line names the file written.
    const warnings = (stderr: string) => stderr.replace(/^wrote .*$/m, 'wrote');
    expect(warnings(counted.stderr)).toBe(warnings(extracts.stderr));
  });
});

describe('report --counts: what a counts file must hold (SPEC §15)', () => {
  let bySex: string;
  let yearsOnly: string;
  let noRange: string;
  let sexOnly: string;
  beforeAll(async () => {
    if (!existsSync(data)) {
      mkdirSync(data);
      for (const f of ['admissions', 'referrals', 'smoking', 'population', 'measurements', 'baselines']) copyFileSync(join(SAMPLES, `${f}.csv`), join(data, `${f}.csv`));
    }
    bySex = await writeCounts(join(dir, 'by-sex.csv'), EXTRACTS, ['2015..2016', '2015-01..2016-12'], ['municipality', 'sex']);
    yearsOnly = await writeCounts(join(dir, 'years.csv'), EXTRACTS, ['2015..2016'], ['municipality']);
    // A file of a script before first_event/last_event: the data range is not known.
    noRange = await writeCounts(join(dir, 'no-range.csv'), EXTRACTS, ['2015..2016', '2015-01..2016-12'], ['municipality'], (lines) =>
      lines.filter((l) => !/,(first|last)_event=/.test(l)),
    );
    sexOnly = await writeCounts(join(dir, 'sex.csv'), EXTRACTS, ['2015..2016', '2015-01..2016-12'], ['sex']);
  }, 120_000);

  it('a file by municipality and sex gives the same page: its municipalities are summed over sex (exact: each unit is in one group)', () => {
    const extracts = report(['--data', data, '--year', '2016'], join(dir, 'sex-extracts.html'));
    const counted = report(['--counts', bySex, '--data', data, '--year', '2016'], join(dir, 'sex-counts.html'));
    const a = normalised(extracts.html, /lup\.csv (er ikke indlæst|not loaded)/g);
    const b = normalised(counted.html, /ingen tællinger for denne indikator i \S*by-sex\.csv/g);
    expect(b.lup).toBe(a.lup);
    expect(firstDifference(b.html, a.html)).toBe(null);
  });

  const usage = (args: string[], message: RegExp) => {
    const r = runCli(['report', ...args, '--data', data, '--year', '2016', '--out', join(dir, 'never.html')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(join(dir, 'never.html'))).toBe(false);
  };
  const invocation = /`triple-aim sql --dialect … --period 2015\.\.2016 --period 2015-01\.\.2016-12 --by municipality` makes counts that can/;

  it('standardising from a file by municipality and sex is a usage error: persons per age band do not add up across groups', () => {
    usage(['--counts', bySex, '--standardize', 'esp2013'], /cannot give the report for 2016: standardisation reads each cell's persons per age band, which do not add up across groups/);
    usage(['--counts', bySex, '--standardize', 'esp2013'], invocation);
  });

  it('a file without the months of the run charts is a usage error naming the sql that makes one', () => {
    usage(['--counts', yearsOnly], /years\.csv cannot give the report for 2016: it has no counts for 2015-01\.\.2016-12, nor the periods that make them up \(it has 2015\.\.2016\)/);
    usage(['--counts', yearsOnly], invocation);
  });

  it('a file not broken down by municipality is a usage error naming the sql that makes one', () => {
    usage(['--counts', sexOnly], /sex\.csv cannot give the report for 2016: it is not broken down by municipality \(its breakdown: sex\)/);
    usage(['--counts', sexOnly, '--municipality', '751'], /cannot give the profile of 751 for 2016: it is not broken down by municipality.*`triple-aim sql --dialect … --period 2016 --period 2015-01\.\.2016-12 --by municipality`/);
  });

  it('a file without the range of the data (first_event, last_event) is a usage error: the years and months of the page would be guessed', () => {
    usage(['--counts', noRange], /no-range\.csv has no first_event and last_event rows/);
  });
});
