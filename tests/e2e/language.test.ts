// One language per page (SPEC §13.6), end to end on the shipped samples: the Danish report
// shows no English note, reason, warning, definition or name outside an element with
// lang="en", and no SPEC section number; the English report is its mirror; every text the
// engine produced on data-samples finds its declaration, so no Danish page falls back to
// English.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_MESSAGES, type AnyMessage } from '../../src/domain/messages.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { catalogueTexts, toDanish } from '../../src/report/localise.js';
import { ROOT, runCli, scratchDir, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

const VOID = new Set(['meta', 'br', 'link', 'img', 'input', 'hr', 'col', 'area', 'base', 'wbr', 'source']);
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');

/**
 * The text a reader meets in each language: text nodes and the title, alt and aria-label
 * attributes, by the language of their nearest element with a lang attribute. A small walker
 * over the tool's own well-formed output (no parser ships with the tool).
 */
function textByLanguage(html: string): Record<string, string> {
  const out: Record<string, string[]> = {};
  const stack: { tag: string; lang: string }[] = [];
  const langNow = () => stack[stack.length - 1]?.lang ?? '?';
  const put = (lang: string, text: string) => (out[lang] ??= []).push(decode(text));
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<style[^>]*>[\s\S]*?<\/style>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of html.matchAll(token)) {
    const [, closing, tag, attrs, text] = m;
    if (text !== undefined) {
      put(langNow(), text);
      continue;
    }
    if (tag === undefined) continue;
    const name = tag.toLowerCase();
    if (closing) {
      while (stack.length && stack.pop()!.tag !== name);
      continue;
    }
    const lang = /\slang="([^"]*)"/.exec(attrs)?.[1] ?? langNow();
    for (const a of attrs.matchAll(/\s(?:title|alt|aria-label)="([^"]*)"/g)) put(lang, a[1]);
    if (!VOID.has(name) && !attrs.trimEnd().endsWith('/')) stack.push({ tag: name, lang });
  }
  return Object.fromEntries(Object.entries(out).map(([lang, texts]) => [lang, texts.join('')]));
}

/** The literal parts of a template (the text between its parameters), long enough to mean something. */
function literalParts(template: string): string[] {
  return template.split(/\{\w+\}/).filter((p) => p.trim().length >= 12);
}

/** Texts of one language that the other language's page must not show. */
function declaredTexts(): { english: string[]; danish: string[] } {
  const english = new Set<string>();
  const danish = new Set<string>();
  for (const m of ALL_MESSAGES as AnyMessage[]) {
    const da = typeof m.da === 'string' ? m.da : '';
    for (const part of literalParts(m.en)) if (!da.includes(part)) english.add(part);
    for (const part of literalParts(da)) if (!m.en.includes(part)) danish.add(part);
  }
  for (const [en, da] of catalogueTexts()) {
    if (en === da) continue;
    english.add(en);
    danish.add(da);
  }
  for (const i of CATALOGUE) {
    english.add(i.nameEn);
    danish.add(i.nameDa);
  }
  return { english: [...english], danish: [...danish] };
}

/** Every note, reason, warning, baseline source and suppression statement in a JSON output. */
function textsOf(json: unknown): string[] {
  const texts: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (['notes', 'warnings', 'message', 'source', 'description', 'reason'].includes(key)) texts.push(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(json, '');
  // Baseline source "data" names the computed baseline and is never shown.
  return [...new Set(texts)].filter((t) => t !== 'data');
}

describe('one language per page on data-samples (SPEC §13.6)', () => {
  const dir = scratchDir();
  const annotations = join(dir, 'annotations.csv');
  const pages: Record<'da' | 'en', Record<string, string>> = { da: {}, en: {} };
  let englishProduced: string[] = [];

  beforeAll(() => {
    // An annotation before the data gives the report a warning to show.
    writeFileSync(annotations, 'period,text\n2010-01,Før data\n2016-03,Ny indsats\n');
    for (const lang of ['da', 'en'] as const) {
      const out = join(dir, `report-${lang}.html`);
      const r = runCli(['report', '--data', SAMPLES, '--year', '2016', '--lang', lang, '--annotations', annotations, '--out', out]);
      expect(r.code, show(r)).toBe(0);
      pages[lang] = textByLanguage(readFileSync(out, 'utf8'));
    }
    const compute = runCli(['compute', '--data', SAMPLES, '--period', '2015..2017', '--by', 'municipality', '--compare', '--equity', '--standardize', 'esp2013', '--format', 'json']);
    expect(compute.code, show(compute)).toBe(0);
    englishProduced = textsOf(JSON.parse(compute.stdout));
  }, 120_000);

  it('the Danish page is Danish: its root says so and it shows a warning and the notes in Danish', () => {
    expect(Object.keys(pages.da)).toContain('da');
    expect(pages.da.da).toContain('annotationen for 2010-01 ligger uden for punkterne (2015-01 … 2016-12) og vises ikke');
    expect(pages.da.da).toContain('indeksforløb udeladt: patienten døde: 44');
    expect(pages.da.da).toContain('Diskretionering med tærskel 5');
    // The extracts by their Danish names in the inputs table.
    expect(pages.da.da).toContain('Indlæggelser');
    expect(pages.da.da).toContain('Rygestopforløb');
    // The Danish definition of readmission-30d, and no English one.
    expect(pages.da.da).toContain(CATALOGUE[0].definitionDa);
  });

  it('the Danish page shows no declared English text and no English the engine wrote outside lang="en", and no SPEC section', () => {
    const shown = pages.da.da;
    const leaks = declaredTexts().english.filter((t) => shown.includes(t));
    expect(leaks).toEqual([]);
    const produced = englishProduced.filter((t) => toDanish(t) !== t && shown.includes(t));
    expect(produced).toEqual([]);
    expect(shown).not.toMatch(/SPEC\s*§/);
    // English there is only the other language's name of each indicator, marked lang="en".
    expect(pages.da.en).toContain(CATALOGUE[0].nameEn);
  });

  it('the English page is the mirror: no declared Danish text outside lang="da", no SPEC section', () => {
    const shown = pages.en.en;
    expect(shown).toContain('index episodes excluded: died: 44');
    expect(shown).toContain('the annotation of 2010-01 lies outside the points');
    const leaks = declaredTexts().danish.filter((t) => shown.includes(t));
    expect(leaks).toEqual([]);
    expect(shown).not.toMatch(/SPEC\s*§/);
    expect(pages.en.da).toContain(CATALOGUE[0].nameDa);
    // The agreement's Danish words quoted in an English definition are marked lang="da".
    expect(pages.en.da).toContain('"Stigning i antallet af henvisninger fra almen praksis og hospital til kommunale forebyggelsestilbud"');
    expect(shown).not.toContain('Stigning i antallet');
  });

  it('every note, reason, warning and source the engine wrote on data-samples has a Danish declaration', () => {
    expect(englishProduced.length).toBeGreaterThan(30);
    const undeclared = englishProduced.filter((t) => toDanish(t) === null);
    expect(undeclared).toEqual([]);
  });

  it('monitor --format html --lang da: a series note (a chart that does not fit) and the suppression statement in Danish', () => {
    const out = join(dir, 'monitor-da.html');
    const r = runCli(['monitor', '--data', SAMPLES, '--period', '2016-01..2016-12', '--indicators', 'prevention-referrals', '--chart', 'p', '--format', 'html', '--lang', 'da', '--out', out]);
    expect(r.code, show(r)).toBe(0);
    const page = textByLanguage(readFileSync(out, 'utf8'));
    expect(page.da).toContain('--chart p passer kun til indikatorer med enheden percent, ikke count: vist som seriediagram');
    expect(page.da).not.toContain('shown as a run chart');
    expect(page.da).toContain('Diskretionering med tærskel 5');
    expect(page.da).not.toMatch(/SPEC\s*§/);
  });

  it('monitor and evaluate write only declared texts on data-samples', () => {
    const monitor = runCli(['monitor', '--data', SAMPLES, '--period', '2016-01..2016-06', '--by', 'cluster', '--chart', 'p', '--format', 'json']);
    expect(monitor.code, show(monitor)).toBe(0);
    const evaluate = runCli(['evaluate', '--data', SAMPLES, '--intervention', 'cluster=Vest', '--start', '2017-01', '--format', 'json']);
    expect(evaluate.code, show(evaluate)).toBe(0);
    const texts = [...textsOf(JSON.parse(monitor.stdout)), ...textsOf(JSON.parse(evaluate.stdout))];
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((t) => toDanish(t) === null)).toEqual([]);
  });
});
