// The annual report's model in its page's language (SPEC §13.6): built from English results
// (as the JSON writes them), it holds Danish notes, reasons, warnings, definitions, sources and
// the suppression statement for a Danish page, and the English ones for an English page.

import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/contracts/report.js';
import { MESSAGES, say } from '../../src/domain/messages.js';
import { findIndicator } from '../../src/indicators/catalogue.js';
import { annualReportModel } from '../../src/report/annual.js';
import { suppressionText } from '../../src/report/assemble.js';
import type { DocumentMeta, Lang } from '../../src/report/html/model.js';

const readmission = findIndicator('readmission-30d')!;
const smoking = findIndicator('smoke-free-6m')!;

function result(over: Partial<Result>): Result {
  return {
    indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', period: '2016', group: {},
    numerator: 0, denominator: 0, value: null, ci95: null, suppressed: false, baseline: null, target: null,
    change: null, change_pct: null, status: 'not_computed', target_verdict: 'no_target', provisional: false,
    reason: null, notes: [], ...over,
  };
}

function model(lang: Lang) {
  const meta: DocumentMeta = {
    lang, title: null, tool: { name: 'triple-aim', version: '0', definition_version: 'x' }, generated_at: null, inputs: [],
    suppression: { min_cell: 5, primary: 1, complementary: 0, description: suppressionText(5, 1, 0) },
  };
  return annualReportModel({
    meta,
    year: 2016,
    indicators: [readmission, smoking],
    yearly: [
      // A zero denominator: no note says why, so the reason joins the notes.
      result({ reason: { code: 'zero-denominator', message: say(MESSAGES.zeroDenominator) }, notes: [say(MESSAGES.counted, { label: say(MESSAGES.indexExcludedDied), count: 7 })] }),
      // Suppressed: the note already says it; the reason is not repeated.
      result({
        indicator: 'smoke-free-6m', suppressed: true, numerator: null, denominator: null,
        baseline: { value: 43, period: null, source: smoking.baselines[0].source },
        reason: { code: 'suppressed', message: say(MESSAGES.suppressedPrimary, { max: 4 }) },
        notes: [say(MESSAGES.suppressedPrimary, { max: 4 })],
      }),
    ],
    municipal: [],
    monthly: [],
    warnings: [say(MESSAGES.readmissionFollowUpIncomplete, { period: '2016', days: 30, last: '2016-12-31', needed: '2017-01-30', end: '2017-01-10' })],
  });
}

describe('the annual report model in the page language (SPEC §13.6)', () => {
  it('Danish: notes with the reason a figure is missing, warnings, definition, source and suppression statement', () => {
    const m = model('da');
    const [r, s] = m.indicators;
    expect(r.year.notes).toEqual(['indeksforløb udeladt: patienten døde: 7', 'ingen tilfælde i nævneren']);
    expect(s.year.notes).toEqual(['skjult: et antal mellem 1 og 4']);
    expect(r.definition).toBe(readmission.definitionDa);
    expect(s.year.baseline?.source).toBe(smoking.baselines[0].sourceDa);
    expect(m.warnings).toEqual([
      'readmission-30d: opfølgningen er ufuldstændig for perioden 2016: genindlæggelser inden for 30 dage efter periodens ' +
        'sidste udskrivelser (2016-12-31) kræver sygehusdata (indlæggelser eller kontakter) til og med 2017-01-30, men data slutter 2017-01-10',
    ]);
    expect(m.meta.suppression.description).toMatch(/^Diskretionering med tærskel 5: .* \(primært: 1\); .* \(sekundært: 0\)\. Antal på 1 til 4 i noter skrives <5\.$/);
  });

  it('English: the same texts as the JSON writes them', () => {
    const m = model('en');
    const [r, s] = m.indicators;
    expect(r.year.notes).toEqual(['index episodes excluded: died: 7', 'no cases in the denominator']);
    expect(s.year.notes).toEqual(['suppressed: a count between 1 and 4']);
    expect(r.definition).toBe(readmission.definition);
    expect(m.meta.suppression.description).toBe(suppressionText(5, 1, 0));
  });
});
