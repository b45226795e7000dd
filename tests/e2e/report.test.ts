// report end to end (SPEC §10): a self-contained HTML file, byte-identical for identical
// inputs whatever the time zone, in Danish or English; usage errors exit 2.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

describe('triple-aim report', () => {
  const dir = scratchDir();
  const run = (name: string, extra: string[] = [], env: Record<string, string> = {}) => {
    const out = join(dir, name);
    const r = runCli(['report', '--data', SAMPLES, '--year', '2016', '--out', out, ...extra], { env });
    return { r, html: r.code === 0 ? readFileSync(out, 'utf8') : '' };
  };

  it('writes one HTML file that fetches nothing: no script, no external URL', () => {
    const { r, html } = run('a.html');
    expect(r.code, show(r)).toBe(0);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link |<img |@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('identical inputs give byte-identical files, under any time zone', () => {
    const a = run('tz1.html', [], { TZ: 'America/New_York' }).html;
    const b = run('tz2.html', [], { TZ: 'Asia/Tokyo' }).html;
    expect(a.length).toBeGreaterThan(100_000);
    expect(a === b).toBe(true);
  });

  it('--lang da gives Danish labels and month names; --lang en English', () => {
    const da = run('da.html').html;
    expect(da).toMatch(/<html lang="da"/);
    expect(da).toMatch(/Triple Aim – årlig opfølgning 2016/);
    expect(da).toMatch(/januar 2015/);
    const en = run('en.html', ['--lang', 'en']).html;
    expect(en).toMatch(/<html lang="en"/);
    expect(en).toMatch(/January 2015/);
  });

  it('--annotations marks the monthly charts, as monitor does', () => {
    const dir = scratchDir();
    const events = join(dir, 'events.csv');
    writeFileSync(events, 'period,text,indicator\n2016-03,Ny visitationsmodel,readmission-30d\n');
    const { r, html } = run('ann.html', ['--annotations', events]);
    expect(r.code, show(r)).toBe(0);
    const section = html.slice(html.indexOf('id="indicator-readmission-30d"'), html.indexOf('id="indicator-discharges-outside-daytime"'));
    expect(section).toContain('Ny visitationsmodel');
    expect(html.split('Ny visitationsmodel').length - 1).toBe(section.split('Ny visitationsmodel').length - 1);
  });

  it('--standardize shows the age-standardised rate of the per-1000 indicators, and compares the municipalities on it (SPEC §13.8)', () => {
    const { r, html } = run('std.html', ['--standardize', 'esp2013']);
    expect(r.code, show(r)).toBe(0);
    const section = html.slice(html.indexOf('id="indicator-preventable-admissions-65"'), html.indexOf('id="indicator-acute-short-admissions"'));
    expect(section).toMatch(/<dt>Standardiseret<\/dt><dd>[\d,]+\spr\.\s1\.000<br><span class="small">[\d,]+–[\d,]+ · esp2013<\/span>/);
    // The comparison is the standardised one, labelled so; the crude value stays beside it.
    expect(section).toContain('Sammenligning (95 %) · aldersstandardiseret (ESP2013)');
    expect(section).toContain('<th class="num">Rå værdi</th>');
    expect(run('plain.html').html).not.toMatch(/Standardiseret/);
  });

  it.each([
    [['--standardize', 'population:1999'], /--standardize population:1999: population\.csv has no rows for 1999/],
    [['--year', '2030'], /--year 2030 is outside the data \(event dates from 2015 to 2018\)/],
    [['--year', '16'], /option '--year <YYYY>' argument '16' is invalid/],
    [['--lang', 'de'], /Allowed choices are da, en/],
  ])('%j is a usage error (exit 2)', (extra, message) => {
    const r = runCli(['report', '--data', SAMPLES, '--year', '2016', ...(extra as string[])]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});
