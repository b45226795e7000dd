// `triple-aim report --municipality CODE` end to end (SPEC §13.9 "One municipality"): the
// profile of Aarhus on the shipped samples in Danish and English, its figures checked against
// compute's own output, byte-identical under any time zone; a code that is not one of the
// region's 19 is a usage error (exit 2) that says so, before anything is read.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_MUNICIPALITY_CODES } from '../../src/calc/groups.js';
import { ROOT, runCli, scratchDir, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

describe('triple-aim report --municipality', () => {
  const dir = scratchDir();
  const run = (name: string, extra: string[] = [], env: Record<string, string> = {}) => {
    const out = join(dir, name);
    const r = runCli(['report', '--data', SAMPLES, '--year', '2016', '--out', out, ...extra], { env });
    return { r, out, html: r.code === 0 ? readFileSync(out, 'utf8') : '' };
  };

  it('writes the profile of Aarhus in Danish: one row per indicator, the data end, no English', () => {
    const { r, html } = run('751-da.html', ['--municipality', '751']);
    expect(r.code, show(r)).toBe(0);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(html).toContain('<h1>Aarhus (751) – kommuneprofil 2016</h1>');
    expect(html).toContain('<p class="data-end">data til og med 31. januar 2018</p>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(22);
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
    // Every note found its Danish declaration (SPEC §13.6): nothing is left marked as English.
    expect(html).not.toContain('lang="en"');
    expect(html.slice(html.indexOf('<body>'))).not.toMatch(/not computed|outside the region|provisional|whole region/);
    // Headings in order: one h1, then h2, h3.
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });

  it('writes its English mirror with --lang en', () => {
    const { r, html } = run('751-en.html', ['--municipality', '751', '--lang', 'en']);
    expect(r.code, show(r)).toBe(0);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<h1>Aarhus (751) – municipality profile 2016</h1>');
    expect(html).toContain('data up to and including');
    expect(html.match(/<th scope="row">/g)).toHaveLength(22);
  });

  it('shows Aarhus’ value, the region’s and the lowest and highest of the 19 as compute reports them', () => {
    const { html } = run('751-check.html', ['--municipality', '751', '--lang', 'en']);
    // The same periods as the profile (the year and its months, suppressed together).
    const c = runCli(['compute', '--data', SAMPLES, '--period', '2016', '--period', '2015-01..2016-12', '--by', 'municipality', '--indicators', 'readmission-30d', '--format', 'json']);
    expect(c.code, show(c)).toBe(0);
    type R = { period: string; group: { municipality?: string }; value: number | null; suppressed: boolean };
    const results = (JSON.parse(c.stdout) as { results: R[] }).results.filter((x) => x.period === '2016');
    const region = results.find((x) => x.group.municipality === undefined)!;
    const nineteen = results.filter((x) => x.group.municipality !== undefined && REGION_MUNICIPALITY_CODES.includes(x.group.municipality));
    const shown = nineteen.filter((x) => !x.suppressed && x.value !== null).map((x) => x.value!);
    const aarhus = nineteen.find((x) => x.group.municipality === '751')!;
    const f = (v: number) => v.toFixed(1);
    const row = html.slice(html.indexOf('<th scope="row">Acute readmissions within 30 days'), html.indexOf('</tr>', html.indexOf('<th scope="row">Acute readmissions within 30 days')));
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells[0]).toBe(`<strong>${f(aarhus.value!)}</strong>`);
    expect(cells[2]).toBe(f(region.value!));
    expect(cells[3]).toBe(f(Math.min(...shown)));
    expect(cells[4]).toBe(f(Math.max(...shown)));
    if (shown.length < 19) expect(cells[5]).toContain(`of ${shown.length} municipalities with a value`);
  });

  it('is byte-identical under any time zone', () => {
    const a = run('tz1.html', ['--municipality', '751'], { TZ: 'America/New_York' }).html;
    const b = run('tz2.html', ['--municipality', '0751'], { TZ: 'Asia/Tokyo' }).html;
    expect(a.length).toBeGreaterThan(20_000);
    expect(a === b).toBe(true);
  });

  it('a code outside the region is a usage error that names it and lists the region’s 19, before anything is read', () => {
    const out = join(dir, 'odense.html');
    const r = runCli(['report', '--data', join(dir, 'no-such-folder'), '--year', '2016', '--municipality', '461', '--out', out]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain("--municipality 461: 461 (Odense) is not one of the region's 19 municipalities; the region's 19 are 615 (Horsens), 657 (Herning)");
    expect(r.stderr).toContain('751 (Aarhus)');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('--fail-on disclosure exits 3 after writing the profile when --min-cell 0 shows a count of 1 to 4', () => {
    const { r } = run('gate.html', ['--municipality', '751', '--min-cell', '0', '--fail-on', 'disclosure']);
    expect(r.code, show(r)).toBe(3);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('--fail-on disclosure:'));
    expect(lines.length).toBeGreaterThan(0);
    // Only what the page shows: the year of any municipality, the months of Aarhus alone.
    for (const l of lines) expect(l).toMatch(/^--fail-on disclosure: [a-z0-9-]+, period (2016, group municipality=\d{3}|2016, group total|20\d\d-\d\d, group municipality=751)\b.*: .* [1-4] shown/);
    const { r: ok } = run('gate5.html', ['--municipality', '751', '--fail-on', 'disclosure']);
    expect(ok.code, show(ok)).toBe(0);
  });

  it('an unknown code, or no code at all, is a usage error too', () => {
    const unknown = run('x.html', ['--municipality', '999']);
    expect(unknown.r.code).toBe(2);
    expect(unknown.r.stderr).toContain('--municipality 999: 999 is not a Danish municipality code; the region\'s 19 are');
    const bad = run('y.html', ['--municipality', 'Aarhus']);
    expect(bad.r.code).toBe(2);
    expect(bad.r.stderr).toContain('--municipality "Aarhus": expected a municipality code of 3 digits');
  });
});
