// The message catalogue (SPEC §13.6): every note, reason and warning is declared once with an
// English and a Danish text; the Danish page finds a text's declaration from its English
// (the JSON's) text. The Danish texts expected here are written out by hand.

import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES, MESSAGES, say, translator, type AnyMessage, type ParamKind } from '../../src/domain/messages.js';
import { INDEX_EXCLUDED_DIED } from '../../src/indicators/admissions.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { catalogueTexts, localise, toDanish } from '../../src/report/localise.js';

const paramsOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** A value of each parameter kind, to make a text from any declaration. */
function sample(kind: ParamKind | undefined): string {
  if (kind === 'count') return '12';
  if (kind === 'text') return say(MESSAGES.noMeasurement);
  if (kind === undefined || kind === 'value') return 'x.csv';
  return kind[0];
}

function sampleText(m: AnyMessage): string {
  return m.en.replace(/\{(\w+)\}/g, (_, name: string) => sample(m.params?.[name]));
}

describe('every message has both texts', () => {
  it('the catalogue declares the notes, reasons and warnings of every stage', () => {
    expect(ALL_MESSAGES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(Object.entries(MESSAGES))('%s: an English and a Danish text, the Danish template with the same parameters', (_, m) => {
    expect(m.en.trim()).not.toBe('');
    if (typeof m.da === 'string') {
      expect(m.da.trim()).not.toBe('');
      expect(paramsOf(m.da)).toEqual(paramsOf(m.en));
    } else {
      expect(typeof m.da).toBe('function');
    }
  });

  it('no text of the catalogue cites a SPEC section (texts reach readers)', () => {
    for (const m of ALL_MESSAGES) {
      const danish = toDanish(sampleText(m));
      expect(m.en).not.toMatch(/SPEC/);
      expect(danish).not.toMatch(/SPEC/);
    }
  });

  it('every declaration is found again from its English text and gives its own Danish text, with no parameter left', () => {
    const translate = translator(ALL_MESSAGES);
    for (const m of ALL_MESSAGES) {
      const english = sampleText(m);
      const danish = translate(english);
      expect(danish, english).not.toBeNull();
      expect(danish).not.toMatch(/\{\w+\}/);
      // No other declaration reads this text first: the Danish is this declaration's (with the
      // declaration of the sample nested text beside it).
      const alone = translator([m, MESSAGES.noMeasurement])(english);
      expect(danish).toBe(alone);
    }
  });

  it('say refuses a template whose parameter has no value', () => {
    const m = MESSAGES.populationNoYear as AnyMessage;
    expect(() => (say as (m: AnyMessage, p?: object) => string)(m, {})).toThrow(/no value for \{year\}/);
  });
});

describe('a Danish page reads the English text back (worked examples)', () => {
  const cases: [string, string][] = [
    // A counted note: the label's declaration, then the count.
    [`${INDEX_EXCLUDED_DIED}: 44`, 'indeksforløb udeladt: patienten døde: 44'],
    // A count hidden as "<5" (SPEC §13.7) still reads back.
    [`${INDEX_EXCLUDED_DIED}: <5`, 'indeksforløb udeladt: patienten døde: <5'],
    // A closed set translated by the Danish text.
    ['prevention referrals left out, sender self: 22', 'henvisninger til forebyggelsestilbud udeladt, afsender: borgeren selv: 22'],
    // A nested reason, and "and" between file names.
    ['not computed: admissions.csv and population.csv not loaded', 'ikke beregnet: admissions.csv og population.csv er ikke indlæst'],
    // Adjectives agree with the Danish noun's gender.
    [
      'the baseline is yearly; a monthly count is not comparable (baseline period 2015, left out)',
      'udgangspunktet er årligt; et månedligt antal kan ikke sammenlignes med det (udgangspunktets periode 2015, udeladt)',
    ],
    [
      'the baseline is yearly; a quarterly rate per 1000 is not comparable (baseline period 2015, left out)',
      'udgangspunktet er årligt; en kvartalsvis rate pr. 1.000 indbyggere kan ikke sammenlignes med det (udgangspunktets periode 2015, udeladt)',
    ],
    ['comparison after: no cases in the denominator', 'sammenligning efter: ingen tilfælde i nævneren'],
    // Dimensions and extracts by their Danish names.
    [
      'breakdown by sender, offer ignored: not carried by smoking',
      'opdelingen efter afsender, tilbud er udeladt: den findes ikke i rygestopudtrækket',
    ],
    ['suppressed: a count between 1 and 4', 'skjult: et antal mellem 1 og 4'],
    // A text from the data (a source) is shown as it is.
    ['source: call log of the hotline', 'kilde: call log of the hotline'],
    [
      say(MESSAGES.suppressionOn, { minCell: 5, max: 4, primary: 7, complementary: 2 }),
      'Diskretionering med tærskel 5: resultater, hvor antallet af personer eller hændelser er mellem 1 og 4, er skjult ' +
        '(primært: 7); for at intet skjult tal kan regnes ud ved at trække fra, hverken fra totalen i en opdeling eller ' +
        'fra et år eller kvartal, der vises sammen med perioderne i det, skjules den næstmindste gruppe eller periode ' +
        'også (sekundært: 2). Antal på 1 til 4 i noter skrives <5.',
    ],
  ];
  it.each(cases)('%s', (english, danish) => {
    expect(toDanish(english)).toBe(danish);
  });

  it('a text with no declaration has no Danish text, nor one whose nested reason is undeclared', () => {
    expect(toDanish('something nobody declared')).toBeNull();
    expect(toDanish('not computed: something nobody declared')).toBeNull();
    expect(toDanish('something nobody declared: 12')).toBeNull();
  });

  it('on a Danish page an undeclared text stays English and is marked so; an English page takes the text as it is', () => {
    expect(localise('something nobody declared', 'da')).toEqual({ text: 'something nobody declared', lang: 'en' });
    expect(localise(say(MESSAGES.noMeasurement), 'da')).toBe('ingen måling');
    expect(localise(say(MESSAGES.noMeasurement), 'en')).toBe('no measurement');
  });
});

describe('indicator definitions in both languages (SPEC §3.2, §13.6)', () => {
  it('all 22 indicators have a Danish definition of their own, and the Danish page finds it', () => {
    expect(CATALOGUE).toHaveLength(22);
    for (const i of CATALOGUE) {
      expect(i.definitionDa.length, i.id).toBeGreaterThan(100);
      expect(i.definitionDa, i.id).not.toBe(i.definition);
      expect(toDanish(i.definition), i.id).toBe(i.definitionDa);
    }
  });

  it('no definition or baseline source cites a SPEC section, in either language', () => {
    for (const [en, da] of catalogueTexts()) {
      expect(en).not.toMatch(/SPEC/);
      expect(da).not.toMatch(/SPEC/);
    }
  });

  it('every catalogue baseline source has a Danish text', () => {
    for (const i of CATALOGUE) for (const b of i.baselines) expect(toDanish(b.source), i.id).toBe(b.sourceDa);
  });
});
