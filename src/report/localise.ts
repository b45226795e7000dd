// One language per page (SPEC §13.6): the step that puts an HTML view model into its
// document's language, run once where the model is built (src/report/annual.ts, the monitor
// command). Results carry the English texts the JSON writes (notes, reasons, warnings, baseline
// sources, the suppression statement); the Danish page gets each text's Danish declaration,
// found by the translator compiled from the message catalogue (src/domain/messages.ts) and the
// indicator catalogue's definitions and sources. A text with no declaration stays English and
// is marked lang="en" (a Phrase object), never passed off as Danish.

import { ALL_MESSAGES, translator } from '../domain/messages.js';
import { PROFILES } from '../indicators/profiles.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import type { BaselineModel, Lang, MonitorHtmlModel, Phrase, ReportHtmlModel, SeriesModel, YearFigure } from './html/model.js';

/** The English → Danish pairs the indicator catalogue declares: definitions and baseline sources. */
export function catalogueTexts(indicators: readonly IndicatorDefinition[] = PROFILES.flatMap((p) => p.catalogue)): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const i of indicators) {
    pairs.set(i.definition, i.definitionDa);
    for (const b of i.baselines) pairs.set(b.source, b.sourceDa);
  }
  return pairs;
}

let danish: ((english: string) => string | null) | null = null;

/** The Danish text of a declared English text, or null when it has none. */
export function toDanish(english: string): string | null {
  danish ??= translator(ALL_MESSAGES, catalogueTexts());
  return danish(english);
}

/** A text for a page in `lang`: Danish by its declaration, or the English marked as English. */
export function localise(text: string, lang: Lang): Phrase {
  if (lang === 'en') return text;
  return toDanish(text) ?? { text, lang: 'en' };
}

/** Like `localise`, for fields that hold a plain string: the English stays when undeclared. */
function localiseString(text: string, lang: Lang): string {
  return lang === 'en' ? text : (toDanish(text) ?? text);
}

function localiseAll(texts: readonly Phrase[], lang: Lang): Phrase[] {
  return texts.map((t) => (typeof t === 'string' ? localise(t, lang) : t));
}

function localiseBaseline(b: BaselineModel | null, lang: Lang): BaselineModel | null {
  return b === null ? null : { ...b, source: localiseString(b.source, lang) };
}

function localiseFigure(f: YearFigure, lang: Lang): YearFigure {
  return { ...f, baseline: localiseBaseline(f.baseline, lang), notes: localiseAll(f.notes, lang) };
}

function localiseSeries(s: SeriesModel, lang: Lang): SeriesModel {
  return { ...s, notes: localiseAll(s.notes, lang) };
}

/** The annual report's model in its document's language (SPEC §13.6). */
export function localiseReportModel(model: ReportHtmlModel): ReportHtmlModel {
  const lang = model.meta.lang;
  return {
    ...model,
    meta: { ...model.meta, suppression: { ...model.meta.suppression, description: localiseString(model.meta.suppression.description, lang) } },
    indicators: model.indicators.map((i) => ({
      ...i,
      definition: typeof i.definition === 'string' ? localise(i.definition, lang) : i.definition,
      year: localiseFigure(i.year, lang),
      groups: i.groups.map((g) => ({ ...g, figure: localiseFigure(g.figure, lang) })),
      monthly: i.monthly === null ? null : localiseSeries(i.monthly, lang),
      notes: localiseAll(i.notes, lang),
    })),
    notes: localiseAll(model.notes, lang),
    warnings: localiseAll(model.warnings, lang),
  };
}

/** The monitor document's model in its document's language (SPEC §13.6). */
export function localiseMonitorModel(model: MonitorHtmlModel): MonitorHtmlModel {
  const lang = model.meta.lang;
  return {
    ...model,
    meta: { ...model.meta, suppression: { ...model.meta.suppression, description: localiseString(model.meta.suppression.description, lang) } },
    charts: model.charts.map((c) => ({ ...c, series: localiseSeries(c.series, lang) })),
    warnings: localiseAll(model.warnings, lang),
  };
}
