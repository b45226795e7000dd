// Pieces both HTML documents share: the page shell, provenance, value texts, status and
// variation badges, chart legends, and the monthly chart figure with its data tables.

import { profileNameOf } from '../../indicators/profiles.js';
import { dateName, LABELS, type Labels, periodName } from './i18n.js';
import type {
  BaselineModel,
  BaselineVerdict,
  DocumentMeta,
  GroupModel,
  IndicatorInfo,
  Interval,
  Lang,
  Phrase,
  SeriesModel,
  Status,
  TargetModel,
  TargetVerdict,
  Unit,
  Variation,
} from './model.js';
import {
  ANNOTATION,
  BASELINE,
  CENTER,
  INTERVAL,
  LEVEL_COLOURS,
  LIMIT,
  MUTED,
  PAPER,
  PROVISIONAL,
  REFERENCE,
  SERIES,
  SIGNAL,
  SIGNAL_CONCERN,
  SIGNAL_IMPROVEMENT,
  SIGNAL_NEUTRAL,
  TARGET,
} from './palette.js';
import { STYLE } from './style.js';
import { PUBLIC_STYLE } from './style-public.js';
import { escapeHtml, formatCount, formatDecimal, formatInterval, formatValue, unitDecimals } from './text.js';
import { municipalityName } from '../../calc/groups.js';
import { monthlyChartRows, monthlyChartSpec, seriesKind, signalDirectionOf } from './charts/monthly.js';
import { baselineShows, targetShows } from './charts/scale.js';
import { renderResponsiveChart } from './charts/render.js';

/** Escaped text: the one way data reaches the document. */
export const esc = escapeHtml;

/** A token safe in an id attribute and a URL fragment, from an indicator id or the like. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

export function indicatorName(info: { name_da: string; name_en: string }, lang: Lang): string {
  return lang === 'da' ? info.name_da : info.name_en;
}

/** The other language's name, shown as a subtitle. */
export function otherName(info: { name_da: string; name_en: string }, lang: Lang): string {
  return lang === 'da' ? info.name_en : info.name_da;
}

/**
 * A group for reading: "Indlagte patienter", "Aarhus (751)", "cluster=Vest", joined by ", ";
 * the words for the whole region for `{}`.
 */
export function groupText(group: GroupModel, lang: Lang): string {
  const labels = LABELS[lang];
  const keys = Object.keys(group);
  if (!keys.length) return labels.total;
  return keys
    .map((k) => {
      const v = group[k];
      if (k === 'municipality') {
        const name = municipalityName(v);
        return name ? `${name} (${v})` : `${k}=${v}`;
      }
      return labels.dimensionValues[k]?.[v] ?? `${k}=${v}`;
    })
    .join(', ');
}

/** A value for reading: "12,3", "<5" when suppressed, "–" when not computed. */
export function valueText(value: number | null, suppressed: boolean, unit: Unit, lang: Lang, minCell: number): string {
  const labels = LABELS[lang];
  if (suppressed) return labels.suppressed(minCell);
  if (value === null) return labels.notComputed;
  return formatValue(value, unit, lang);
}

/** The unit written after a value; counts carry none. */
export function unitSuffix(unit: Unit, lang: Lang): string {
  return unit === 'count' ? '' : LABELS[lang].unitShort[unit];
}

/** "12,3 %", "4,5 pr. 1.000", "1.234 kr. pr. indb.", "120". */
export function withUnit(text: string, unit: Unit, lang: Lang): string {
  const suffix = unitSuffix(unit, lang);
  return suffix ? `${text}\u00a0${suffix}` : text;
}

export function intervalText(ci: Interval | null, unit: Unit, lang: Lang): string {
  return ci ? formatInterval(ci, unitDecimals(unit), lang) : LABELS[lang].notComputed;
}

/** A change in the indicator's unit: percentage points for percents (SPEC §3.4). */
export function changeText(change: number | null, unit: Unit, lang: Lang, short = false): string {
  const labels = LABELS[lang];
  if (change === null) return labels.notComputed;
  const text = formatDecimal(change, unitDecimals(unit), lang, true);
  // A non-breaking hyphen (U+2011): "%-point" is one word (SPEC §13.3).
  if (unit === 'percent') return `${text}\u00a0${short ? (lang === 'da' ? '%\u2011point' : 'pp') : labels.percentagePoints}`;
  return withUnit(text, unit, lang);
}

/** Plain text (escape it where it is written), like every *Text function here. */
export function targetText(target: TargetModel | null, unit: Unit, lang: Lang): string {
  const labels = LABELS[lang];
  if (!target) return labels.none;
  const value = withUnit(formatValue(target.value, unit, lang), unit, lang);
  const period = target.period ? ` (${target.period})` : '';
  if (target.rule === 'above_baseline') return `${labels.targetRule.above_baseline} (${value})${period}`;
  return `${labels.targetRule[target.rule]} ${value}${period}`;
}

export function baselineText(baseline: BaselineModel | null, unit: Unit, lang: Lang): string {
  const labels = LABELS[lang];
  if (!baseline) return labels.none;
  const value = withUnit(formatValue(baseline.value, unit, lang), unit, lang);
  return baseline.period ? `${value} (${baseline.period})` : value;
}

export function statusBadge(status: Status, lang: Lang): string {
  return `<span class="badge status-${status}">${esc(LABELS[lang].status[status])}</span>`;
}

/** SPEC §13.1: with too few useful points the page says so in words and draws no badge. */
export function variationBadge(variation: Variation | null, lang: Lang): string {
  if (variation === null) return '';
  if (variation === 'insufficient_data') return `<span class="no-badge variation-words">${esc(LABELS[lang].variation[variation])}</span>`;
  return `<span class="badge variation-${variation}">${esc(LABELS[lang].variation[variation])}</span>`;
}

/** SPEC §13.4: the target's verdict alone. */
export function targetVerdictBadge(verdict: TargetVerdict, lang: Lang): string {
  return `<span class="badge target-${verdict}">${esc(LABELS[lang].targetVerdict[verdict])}</span>`;
}

/** SPEC §13.4: the change against the baseline alone (nothing without a value). */
export function baselineVerdictBadge(verdict: BaselineVerdict, lang: Lang): string {
  if (verdict === null) return '';
  return `<span class="badge change-${verdict}">${esc(LABELS[lang].baselineVerdict[verdict])}</span>`;
}

/**
 * SPEC §13.4: the two verdicts of a figure, target first — or "not computed" without a value.
 * A card whose value misses its target never says "better" alone.
 */
export function verdictBadges(f: { value: number | null; status: Status; target_verdict: TargetVerdict; baseline_verdict: BaselineVerdict }, lang: Lang): string {
  if (f.value === null) return statusBadge('not_computed', lang);
  return `${targetVerdictBadge(f.target_verdict, lang)} ${baselineVerdictBadge(f.baseline_verdict, lang)}`;
}

/** SPEC §13.2: "(foreløbig)" after a provisional figure. */
export function provisionalMark(provisional: boolean | undefined, lang: Lang): string {
  return provisional ? ` <span class="provisional">(${esc(LABELS[lang].provisional)})</span>` : '';
}

/**
 * SPEC §13.2: the data end of a page: the latest data end of the extracts it uses, as
 * "data til og med 31. januar 2018"; nothing when no extract has one.
 */
export function dataEndLine(meta: DocumentMeta, labels: Labels): string {
  const ends = meta.inputs.map((i) => i.data_end).filter((d): d is string => d !== null && d !== undefined);
  if (!ends.length) return '';
  const latest = ends.reduce((a, b) => (b > a ? b : a));
  return `<p class="data-end">${esc(labels.dataEnd(dateName(latest, meta.lang)))}</p>`;
}

/** Small key drawings for the HTML legends, matching the chart marks. */
export const SWATCH = {
  series: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${SERIES}" stroke-width="1.75"/><circle cx="11" cy="5" r="2.6" fill="${SERIES}"/></svg>`,
  center: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${CENTER}" stroke-width="1.5"/></svg>`,
  runs: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${SIGNAL}" stroke-width="2" stroke-dasharray="8 4"/></svg>`,
  limits: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${LIMIT}" stroke-width="1.25" stroke-dasharray="5 3"/></svg>`,
  sigmaImprovement: `<svg width="14" height="14" aria-hidden="true"><path d="M7 1 L13 7 L7 13 L1 7 Z" fill="${SIGNAL_IMPROVEMENT}"/></svg>`,
  sigmaConcern: `<svg width="14" height="14" aria-hidden="true"><rect x="2" y="2" width="10" height="10" fill="${SIGNAL_CONCERN}"/></svg>`,
  sigmaNeutral: `<svg width="14" height="14" aria-hidden="true"><path d="M5 1 H9 V5 H13 V9 H9 V13 H5 V9 H1 V5 H5 Z" fill="${SIGNAL_NEUTRAL}"/></svg>`,
  provisional: `<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.2" fill="${PAPER}" stroke="${PROVISIONAL}" stroke-width="1.5"/></svg>`,
  baseline: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${BASELINE}" stroke-width="1.5" stroke-dasharray="6 2 1 2"/></svg>`,
  target: `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${TARGET}" stroke-width="2" stroke-dasharray="2 3"/></svg>`,
  annotation: `<svg width="10" height="14" aria-hidden="true"><line x1="5" y1="1" x2="5" y2="13" stroke="${ANNOTATION}" stroke-width="1.25" stroke-dasharray="3 2"/></svg>`,
  phase: `<svg width="10" height="14" aria-hidden="true"><line x1="5" y1="1" x2="5" y2="13" stroke="${MUTED}" stroke-width="1" stroke-dasharray="1 2"/></svg>`,
  interval: `<svg width="22" height="10" aria-hidden="true"><line x1="2" y1="5" x2="20" y2="5" stroke="${INTERVAL}" stroke-width="1.5"/><circle cx="11" cy="5" r="3.2" fill="${SERIES}"/></svg>`,
  reference: `<svg width="10" height="14" aria-hidden="true"><line x1="5" y1="1" x2="5" y2="13" stroke="${REFERENCE}" stroke-width="1.5"/></svg>`,
  filled: (colour: string) => `<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.2" fill="${colour}" stroke="${colour}" stroke-width="1.5"/></svg>`,
  hollow: (colour: string) => `<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.2" fill="${PAPER}" stroke="${colour}" stroke-width="1.5"/></svg>`,
  diamond: (colour: string) => `<svg width="12" height="12" aria-hidden="true"><path d="M6 0.8 L11.2 6 L6 11.2 L0.8 6 Z" fill="${colour}"/></svg>`,
};

export function legend(items: [string, string][]): string {
  return `<ul class="legend-list">${items.map(([swatch, text]) => `<li>${swatch}<span>${esc(text)}</span></li>`).join('')}</ul>`;
}

/** Municipality markers: shape and colour per comparison level, as the chart draws them. */
export function levelSwatch(level: keyof typeof LEVEL_COLOURS): string {
  const colour = LEVEL_COLOURS[level];
  if (level === 'worse' || level === 'lower') return SWATCH.diamond(colour);
  if (level === 'similar') return SWATCH.hollow(colour);
  return SWATCH.filled(colour);
}

/** The <head> and the opening of the page. */
export function documentStart(meta: DocumentMeta, title: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="${meta.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${esc(`${meta.tool.name} ${meta.tool.version}`)}">\n` +
    `<title>${esc(title)}</title>\n<style>${STYLE}${PUBLIC_STYLE}</style>\n</head>\n<body>\n<div class="page">\n`
  );
}

export function documentEnd(meta: DocumentMeta, labels: Labels): string {
  const generated = meta.generated_at ? `, ${labels.generatedAt.toLowerCase()} ${esc(meta.generated_at)}` : '';
  return (
    `<footer class="doc-foot"><p>${esc(meta.tool.name)} ${esc(meta.tool.version)} · ${esc(labels.definitionVersion)} ` +
    `${esc(meta.tool.definition_version)}${generated}</p></footer>\n</div>\n</body>\n</html>\n`
  );
}

function withProfileName(version: string, lang: string): string {
  const name = profileNameOf(version, lang === 'en' ? 'en' : 'da');
  return name ? `${version}: ${name}` : version;
}

/** The provenance facts box (SPEC §10 item 1). */
export function factsBox(meta: DocumentMeta, labels: Labels, first: [string, string][]): string {
  const facts: [string, string][] = [
    ...first,
    // SPEC §14.3: the profile named in words beside its version.
    [labels.definitionVersion, esc(withProfileName(meta.tool.definition_version, meta.lang))],
    [labels.tool, `${esc(meta.tool.name)} ${esc(meta.tool.version)}`],
    [labels.generatedAt, meta.generated_at ? esc(meta.generated_at) : esc(labels.notStated)],
    [labels.suppressionThreshold, esc(labels.suppressionRule(meta.suppression.min_cell))],
  ];
  return `<dl class="facts">${facts.map(([dt, dd]) => `<div><dt>${esc(dt)}</dt><dd>${dd}</dd></div>`).join('')}</dl>`;
}

/**
 * The box a table scrolls sideways in when it is wider than the screen (SPEC §13.10: nothing
 * else scrolls sideways). It can take the keyboard's focus, so that a reader without a mouse
 * can scroll it, and is a named region, so that a screen reader says what the box holds.
 */
export function tableWrap(name: string): string {
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(name)}">`;
}

/** The inputs with rows, rejected rows, encoding and checksum (SPEC §10 item 1). */
export function inputsTable(meta: DocumentMeta, labels: Labels): string {
  const h = labels.inputHeaders;
  const lang = meta.lang;
  const rows = meta.inputs
    .map(
      (i) =>
        `<tr><td>${esc(labels.extractNames[i.extract] ?? i.extract)}</td><td>${esc(i.path)}</td><td class="num">${formatCount(i.rows, lang)}</td>` +
        `<td class="num">${formatCount(i.rows_rejected, lang)}</td><td>${i.encoding === null ? esc(labels.notStated) : esc(i.encoding)}</td>` +
        `<td class="num">${i.data_end ? esc(dateName(i.data_end, lang)) : labels.notComputed}</td>` +
        `<td class="sha">${esc(i.sha256)}</td></tr>`,
    )
    .join('');
  return (
    `${tableWrap(labels.inputs)}<table class="inputs"><caption>${esc(labels.inputs)}</caption><thead><tr><th>${esc(h.extract)}</th>` +
    `<th>${esc(h.path)}</th><th class="num">${esc(h.rows)}</th><th class="num">${esc(h.rejected)}</th><th>${esc(h.encoding)}</th>` +
    `<th class="num">${esc(labels.dataEndHeader)}</th><th>${esc(h.sha256)}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** The lang attribute of a phrase in another language than the document's (SPEC §13.6). */
function langAttribute(p: Phrase): string {
  return typeof p === 'string' ? '' : ` lang="${esc(p.lang)}"`;
}

/** A phrase as escaped HTML; one in another language inside an element with its lang. */
export function phraseHtml(p: Phrase): string {
  return typeof p === 'string' ? esc(p) : `<span${langAttribute(p)}>${esc(p.text)}</span>`;
}

/**
 * A catalogue text (a definition, a baseline source) in the document's language. In an English
 * document its straight double quotes "…" quote the agreement's Danish words (the catalogue's
 * convention, src/indicators/types.ts) and are marked lang="da" (SPEC §13.6).
 */
export function catalogueTextHtml(p: Phrase, lang: Lang): string {
  if (typeof p !== 'string' || lang !== 'en') return phraseHtml(p);
  return p
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? `<span lang="da">${esc(part)}</span>` : esc(part)))
    .join('');
}

export function listOrEmpty(items: readonly Phrase[], empty: string): string {
  if (!items.length) return `<p class="empty">${esc(empty)}</p>`;
  return `<ul class="note-list">${items.map((n) => `<li${langAttribute(n)}>${esc(typeof n === 'string' ? n : n.text)}</li>`).join('')}</ul>`;
}

export interface MonthlyFigureOptions {
  series: SeriesModel;
  info: IndicatorInfo;
  target: TargetModel | null;
  /** The result's baseline: drawn where §6.2 applies it to the series' period kind. */
  baseline?: BaselineModel | null;
  lang: Lang;
  minCell: number;
  idPrefix: string;
  /** Heading level of the figure caption's title. */
  heading: string;
}

function runsCell(value: number | null, limit: number | null, lang: Lang, labels: Labels, word: string): string {
  if (value === null) return labels.notComputed;
  return `${formatCount(value, lang)}${limit === null ? '' : ` (${word} ${formatCount(limit, lang)})`}`;
}

/** The monthly run/control chart of a series with its legend, annotations and data tables. */
export async function monthlyFigure(o: MonthlyFigureOptions): Promise<string> {
  const { series, info, lang } = o;
  const labels = LABELS[lang];
  const name = indicatorName(info, lang);
  const points = series.points;
  const from = points.length ? periodName(points[0].period, lang) : '';
  const to = points.length ? periodName(points[points.length - 1].period, lang) : '';
  const rows = monthlyChartRows(series);
  const hasLimits = points.some((p) => p.lcl !== null || p.ucl !== null);
  const control = series.chart !== 'run';
  const title = `${name}: ${labels.monthlyChart.toLowerCase()} (${labels.chartType[series.chart]})`;
  // A chart needs a value to scale its axis by; without one the reader gets the table.
  const svg = points.some((p) => p.value !== null)
    ? await renderResponsiveChart(
        monthlyChartSpec({ series, target: o.target, baseline: o.baseline ?? null, lang }),
        // The phone's chart: the plot and its axis in about 370 px (SPEC §13.10).
        (width) => monthlyChartSpec({ series, target: o.target, baseline: o.baseline ?? null, lang, width }),
        300,
        lang,
        o.idPrefix,
        { title, description: `${labels.monthlyDesc(name, from, to, points.length)} ${signalSummary(series, labels)}` },
      )
    : `<p class="empty">${esc(labels.noValues)}</p>`;
  const items: [string, string][] = [
    [SWATCH.series, labels.value],
    [SWATCH.center, control ? labels.centerControl : labels.centerRun],
  ];
  if (hasLimits) items.push([SWATCH.limits, labels.limits]);
  if (series.phases.some((p) => p.runs.signal)) items.push([SWATCH.runs, labels.runsSignal]);
  if (rows.some((r) => r.signalDirection === 'improvement')) items.push([SWATCH.sigmaImprovement, labels.sigmaByDirection.improvement]);
  if (rows.some((r) => r.signalDirection === 'concern')) items.push([SWATCH.sigmaConcern, labels.sigmaByDirection.concern]);
  if (rows.some((r) => r.signalDirection === 'neutral')) items.push([SWATCH.sigmaNeutral, labels.sigmaByDirection.neutral]);
  if (rows.some((r) => r.provisional)) items.push([SWATCH.provisional, labels.provisionalHelp]);
  // SPEC §13.3: the legend names only the lines the chart draws.
  const kind = seriesKind(series);
  if (targetShows(o.target, info.unit, kind)) items.push([SWATCH.target, `${labels.target}: ${targetText(o.target, info.unit, lang)}`]);
  if (baselineShows(o.baseline ?? null, info.unit, kind)) items.push([SWATCH.baseline, `${labels.baseline}: ${baselineText(o.baseline!, info.unit, lang)}`]);
  if (series.phases.length > 1) items.push([SWATCH.phase, labels.phases]);
  if (rows.some((r) => r.note !== null)) items.push([SWATCH.annotation, labels.annotation]);
  const annotations = rows.filter((r) => r.note !== null);
  const annotationList = annotations.length
    ? `<ol class="annotations">${annotations
        .map((r) => `<li><span class="when">${esc(periodName(r.period, lang))}:</span> ${esc(r.noteText ?? '')}</li>`)
        .join('')}</ol>`
    : '';
  const unit = info.unit;
  const v = (x: number | null) => (x === null ? labels.notComputed : formatValue(x, unit, lang));
  const directionOf = new Map(rows.map((r) => [r.period, r.signalDirection]));
  const pointRows = points
    .map((p) => {
      const direction = directionOf.get(p.period) ?? null;
      const signal = p.sigma_signal
        ? `<span class="signal-word signal-${direction ?? 'neutral'}">${esc(direction ? labels.sigmaByDirection[direction] : labels.sigmaSignal)}</span>`
        : '';
      return (
        `<tr><td>${esc(periodName(p.period, lang))}</td><td class="num">${esc(valueText(p.value, p.suppressed, unit, lang, o.minCell))}${provisionalMark(p.provisional, lang)}</td>` +
        `<td class="num">${p.numerator === null ? labels.notComputed : esc(formatDecimal(p.numerator, 0, lang))}</td>` +
        `<td class="num">${p.denominator === null ? labels.notComputed : esc(formatDecimal(p.denominator, 0, lang))}</td>` +
        `<td class="num">${esc(v(p.center))}</td>` +
        (hasLimits ? `<td class="num">${esc(v(p.lcl))}</td><td class="num">${esc(v(p.ucl))}</td>` : '') +
        `<td class="num">${p.phase}</td><td>${p.baseline ? labels.yes : labels.no}</td><td>${signal}</td><td>${esc(p.annotation ?? '')}</td></tr>`
      );
    })
    .join('');
  const pointTable =
    `${tableWrap(`${labels.dataTable}: ${title}`)}<table><caption>${esc(title)}</caption><thead><tr><th>${esc(labels.period)}</th><th class="num">${esc(labels.value)}</th>` +
    `<th class="num">${esc(labels.numerator)}</th><th class="num">${esc(labels.denominator)}</th>` +
    `<th class="num">${esc(control ? labels.centerControl : labels.centerRun)}</th>` +
    (hasLimits ? `<th class="num">${esc(labels.lcl)}</th><th class="num">${esc(labels.ucl)}</th>` : '') +
    `<th class="num">${esc(labels.phase)}</th><th>${esc(labels.baselinePoint)}</th><th>${esc(labels.signal)}</th><th>${esc(labels.annotation)}</th></tr></thead>` +
    `<tbody>${pointRows}</tbody></table></div>`;
  return (
    `<figure class="chart chart-monthly" id="${o.idPrefix}">` +
    `<figcaption><${o.heading}>${esc(labels.monthlyChart)}</${o.heading}><span class="chart-sub">${esc(labels.chartType[series.chart])} · ${esc(from)} – ${esc(to)}</span></figcaption>` +
    svg +
    legend(items) +
    annotationList +
    phasesTable(series, info.unit, lang) +
    (series.notes.length ? listOrEmpty(series.notes, '') : '') +
    `<details><summary>${esc(labels.dataTable)}</summary>${pointTable}</details>` +
    `</figure>`
  );
}

/** One sentence on the series' signals, for the chart's text alternative. */
function signalSummary(series: SeriesModel, labels: Labels): string {
  const parts = [`${labels.variationLabel}: ${labels.variation[series.variation]}.`];
  const sigma = series.phases.flatMap((p) => p.sigma_signals);
  if (sigma.length) parts.push(`${labels.sigmaSignal}: ${sigma.length}.`);
  const runs = series.phases.map((p, i) => (p.runs.signal ? i + 1 : 0)).filter((i) => i > 0);
  if (runs.length) parts.push(`${labels.runsSignal}: ${labels.phase.toLowerCase()} ${runs.join(', ')}.`);
  return parts.join(' ');
}

/** The runs analysis per phase (SPEC §7): figures against their limits and the signal. */
export function phasesTable(series: SeriesModel, unit: Unit, lang: Lang): string {
  const labels = LABELS[lang];
  const control = series.chart !== 'run';
  const rows = series.phases
    .map((p, i) => {
      // SPEC §13.1: sigma signals counted by their own direction, in their own colour — never
      // one red word for improvements and concerns alike.
      const signals: string[] = [];
      if (p.runs.signal) signals.push(`<span class="signal-word">${esc(labels.runsSignal)}</span>`);
      const sigmaPoints = series.points.filter((q) => q.phase === i + 1 && q.sigma_signal);
      for (const d of ['improvement', 'concern', 'neutral'] as const) {
        const n = sigmaPoints.filter((q) => signalDirectionOf(q, series.direction) === d).length;
        if (n) signals.push(`<span class="signal-word signal-${d}">${esc(`${labels.sigmaByDirection[d]} (${formatCount(n, lang)})`)}</span>`);
      }
      const frozen = p.frozen_to ? ` · ${labels.frozenTo} ${esc(periodName(p.frozen_to, lang))}` : '';
      return (
        `<tr><td class="num">${i + 1}</td><td>${esc(periodName(p.from, lang, true))} – ${esc(periodName(p.to, lang, true))}${frozen}</td>` +
        `<td class="num">${p.center === null ? labels.notComputed : esc(formatValue(p.center, unit, lang))}</td>` +
        `<td class="num">${formatCount(p.runs.n_useful, lang)}</td>` +
        `<td class="num">${esc(runsCell(p.runs.longest_run, p.runs.longest_run_max, lang, labels, labels.runs.longest_run_max))}</td>` +
        `<td class="num">${esc(runsCell(p.runs.crossings, p.runs.crossings_min, lang, labels, labels.runs.crossings_min))}</td>` +
        `<td>${signals.length ? signals.join('; ') : esc(labels.signalNone)}</td></tr>`
      );
    })
    .join('');
  return (
    `${tableWrap(`${labels.phases} (${labels.chartType[series.chart]})`)}<table class="phases"><thead><tr><th class="num">${esc(labels.phase)}</th><th>${esc(labels.period)}</th>` +
    `<th class="num">${esc(control ? labels.centerControl : labels.centerRun)}</th><th class="num">${esc(labels.runs.n_useful)}</th>` +
    `<th class="num">${esc(labels.runs.longest_run)}</th><th class="num">${esc(labels.runs.crossings)}</th><th>${esc(labels.runs.signal)}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`
  );
}
