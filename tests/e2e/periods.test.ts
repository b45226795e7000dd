// Selection edges on the built binary (SPEC §6.2): the 30-year rule for default periods,
// baselines by period kind (a monthly CI gate that does not always fire), and FILE.csv next
// to FILE.csv.gz.

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, scratchFiles, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const H = 'referral_id,patient_id,referred_at,sender,offer,municipality_code';

describe('default periods spanning more than 30 calendar years are a usage error (SPEC §6.2)', () => {
  it('two far-off dates (1900 and 2099): exit 2 asking for --period, nothing computed or written', () => {
    const dir = scratchFiles({ 'referrals.csv': `${H}\nr1,p1,1900-01-01,gp,alcohol,751\nr2,p2,2099-12-31,gp,alcohol,751\n` });
    const started = Date.now();
    const r = runCli(['compute', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the event dates run from 1900-01-01');
    expect(r.stderr).toContain('200 calendar years; default periods span at most 30: give --period');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000); // 200 yearly periods were never computed
  });

  it('exactly 30 calendar years (1990 … 2019) is fine; 31 (1990 … 2020) is not', () => {
    const thirty = scratchFiles({ 'referrals.csv': `${H}\nr1,p1,1990-01-01,gp,alcohol,751\nr2,p2,2019-12-31,gp,alcohol,751\n` });
    const ok = runCli(['compute', '--data', thirty, '--format', 'json']);
    expect(ok.code, show(ok)).toBe(0);
    expect(JSON.parse(ok.stdout).periods).toHaveLength(30);
    const thirtyOne = scratchFiles({ 'referrals.csv': `${H}\nr1,p1,1990-12-31,gp,alcohol,751\nr2,p2,2020-01-01,gp,alcohol,751\n` });
    const bad = runCli(['compute', '--data', thirtyOne, '--format', 'json']);
    expect(bad.code, show(bad)).toBe(2);
    expect(bad.stderr).toContain('31 calendar years');
  });

  it('an explicit --period is never refused for the span of the data', () => {
    const dir = scratchFiles({ 'referrals.csv': `${H}\nr1,p1,1900-01-01,gp,alcohol,751\nr2,p2,2099-12-31,gp,alcohol,751\n` });
    const r = runCli(['compute', '--data', dir, '--period', '2099', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
  });
});

describe('baselines by period kind on the shipped samples (SPEC §6.2)', () => {
  // data-samples/baselines.csv: prevention-referrals, 2015, 113 (a yearly count).
  it('a monthly prevention-referrals gate no longer fires on every month: exit 0, no baseline, a note why', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--period', '2016-01..2016-12', '--indicators', 'prevention-referrals', '--format', 'json', '--fail-on', 'worsening']);
    expect(r.code, show(r)).toBe(0);
    const results = JSON.parse(r.stdout).results as { status: string; baseline: unknown; notes: string[]; group: object }[];
    const totals = results.filter((x) => Object.keys(x.group).length === 0);
    expect(totals).toHaveLength(12);
    for (const t of totals) {
      expect(t.baseline).toBeNull();
      expect(t.status).toBe('no_target');
      expect(t.notes).toContain('the baseline is yearly; a monthly count is not comparable (baseline period 2015, left out)');
    }
  });

  it('the year is still compared with it: 2016 has 123 referrals > 113 → met', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--period', '2016', '--indicators', 'prevention-referrals', '--format', 'json']);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ value: 123, baseline: { value: 113, period: '2015' }, status: 'met' });
  });
});

describe('FILE.csv and FILE.csv.gz both in a --data folder (SPEC §6.2)', () => {
  const text = `${H}\nr1,p1,2016-01-01,gp,alcohol,751\n`;

  it('is a usage error (exit 2) naming both', () => {
    const dir = scratchFiles({ 'referrals.csv': text, 'referrals.csv.gz': gzipSync(Buffer.from(text)) });
    for (const command of ['compute', 'validate']) {
      const r = runCli([command, '--data', dir]);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain(`both ${join(dir, 'referrals.csv')} and ${join(dir, 'referrals.csv.gz')} are present`);
    }
  });

  it('naming the extract with its own option settles it', () => {
    const dir = scratchFiles({ 'referrals.csv': text, 'referrals.csv.gz': gzipSync(Buffer.from(text)) });
    const r = runCli(['compute', '--data', dir, '--referrals', join(dir, 'referrals.csv.gz'), '--period', '2016', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(JSON.parse(r.stdout).inputs[0].path).toBe(join(dir, 'referrals.csv.gz'));
    expect(readFileSync(join(dir, 'referrals.csv'), 'utf8')).toBe(text);
  });
});
