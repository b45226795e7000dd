// What the best public profiles show (SPEC §13.9, issue 21), in the annual report and the
// monitor page: the overview of indicators × the region's 19 municipalities (Fingertips'
// overview), assurance as an icon with words (NHS Making Data Count), and each indicator's
// figures as a CSV download inside the file (a data: link; nothing is fetched).

import { municipalityName, REGION_MUNICIPALITY_CODES } from '../../calc/groups.js';
import { csvText, type Field } from '../csv.js';
import { LABELS, PUBLIC_LABELS, type Labels } from './i18n.js';
import type { ComparisonLevel, IndicatorReportModel, Lang, ReportHtmlModel, SeriesModel } from './model.js';
import { esc, indicatorName, provisionalMark, slug, unitSuffix, valueText } from './parts.js';
import { ASSURANCE_BADGES, OVERVIEW_CELLS } from './palette.js';

type Assurance = NonNullable<SeriesModel['assurance']>;

/** The symbol of a comparison level, as the municipality chart draws its marker (SPEC §13.9:
 *  never colour alone). */
export function levelSymbol(level: ComparisonLevel): string {
  return OVERVIEW_CELLS[level].symbol;
}

// ---- assurance (SPEC §13.9) ----

/** NHS Making Data Count's icons, drawn small: a tick, a cross, a question mark in a ring. */
const ASSURANCE_ICON: Record<Assurance, (c: string) => string> = {
  pass: (c) => `<circle cx="7" cy="7" r="6" fill="none" stroke="${c}" stroke-width="1.4"/><path d="M3.8 7.2 L6.1 9.5 L10.3 4.6" fill="none" stroke="${c}" stroke-width="1.7"/>`,
  fail: (c) => `<circle cx="7" cy="7" r="6" fill="none" stroke="${c}" stroke-width="1.4"/><path d="M4.5 4.5 L9.5 9.5 M9.5 4.5 L4.5 9.5" fill="none" stroke="${c}" stroke-width="1.7"/>`,
  inconsistent: (c) =>
    `<circle cx="7" cy="7" r="6" fill="none" stroke="${c}" stroke-width="1.4"/><path d="M5 5.3 C5 3.2 9 3.2 9 5.3 C9 6.8 7 6.8 7 8.6" fill="none" stroke="${c}" stroke-width="1.5"/><circle cx="7" cy="10.6" r="0.9" fill="${c}"/>`,
};

/**
 * SPEC §13.9: a series' assurance as an icon with its words ("vil opfylde målet" …); the icon
 * is decoration (aria-hidden), the words say it. Null: the words saying it was not assessed.
 */
export function assuranceBadge(assurance: Assurance | null, lang: Lang): string {
  const words = PUBLIC_LABELS[lang];
  if (assurance === null) return `<span class="no-badge variation-words">${esc(words.assuranceNone)}</span>`;
  const colour = ASSURANCE_BADGES[assurance].fg;
  return (
    `<span class="badge assurance assurance-${assurance}"><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">` +
    `${ASSURANCE_ICON[assurance](colour)}</svg>${esc(words.assurance[assurance])}</span>`
  );
}

// ---- the overview (SPEC §13.9 "Overview") ----

/**
 * Indicators (rows) × the region's 19 municipalities (columns), the region's value first; each
 * cell the value, tinted by its 95 % comparison with the region and marked with the level's
 * symbol and (for screen readers) its words. The comparison is the one annual.ts put in the
 * model: the standardised one where the run was standardised (SPEC §13.8). Codes outside the
 * region are no column (SPEC §13.5). The wide table scrolls inside its own focusable box.
 */
export function municipalOverview(model: ReportHtmlModel): string {
  const lang = model.meta.lang;
  const labels = LABELS[lang];
  const words = PUBLIC_LABELS[lang];
  const minCell = model.meta.suppression.min_cell;
  const codes = REGION_MUNICIPALITY_CODES;
  const standards = [...new Set(model.indicators.map((i) => i.municipalities?.standard ?? null).filter((s): s is string => s !== null))];
  const basis = standards.length ? `; ${standards.map((s) => labels.standardizedComparison(s)).join(', ')}` : '';
  const head =
    `<tr><th scope="col">${esc(labels.indicator)}</th><th scope="col" class="num">${esc(labels.region)}</th>` +
    codes.map((c) => `<th scope="col" class="muni">${esc(`${municipalityName(c) ?? c} (${c})`)}</th>`).join('') +
    `</tr>`;
  const rows = model.indicators.map((i) => overviewRow(i, codes, lang, labels, minCell)).join('');
  const levels: ComparisonLevel[] = ['better', 'similar', 'worse', 'higher', 'lower'];
  const legend =
    `<ul class="legend-list ov-legend">` +
    levels.map((l) => `<li><span class="sym sym-${l}" aria-hidden="true">${levelSymbol(l)}</span><span>${esc(labels.level[l])}</span></li>`).join('') +
    `</ul><p class="help">${esc(words.symbolHelp)}</p>`;
  return (
    `<section id="municipal-overview" aria-labelledby="municipal-overview-title"><h2 id="municipal-overview-title">${esc(words.overviewTitle)} ${model.year}</h2>` +
    `<p class="lede">${esc(words.overviewLede(basis))}</p>${legend}` +
    `<div class="table-wrap table-scroll" tabindex="0" role="region" aria-label="${esc(words.overviewBox)}">` +
    `<table class="ov"><caption class="sr-only">${esc(words.overviewCaption(model.year))}</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div></section>`
  );
}

function overviewRow(i: IndicatorReportModel, codes: readonly string[], lang: Lang, labels: Labels, minCell: number): string {
  const c = i.municipalities;
  const unit = unitSuffix(i.unit, lang) || labels.unitShort[i.unit];
  const standard = c?.standard ?? null;
  const rowHead =
    `<th scope="row"><a href="#indicator-${slug(i.id)}">${esc(indicatorName(i, lang))}</a>` +
    `<span class="ov-basis">${esc(unit)}${standard ? ` · ${esc(labels.standardizedComparison(standard))}` : ''}</span></th>`;
  // The region's value: the comparison's reference (the DSR where standardised), else the year's.
  const region =
    c === null
      ? valueText(i.year.value, i.year.suppressed, i.unit, lang, minCell)
      : c.reference === null
        ? labels.notComputed
        : valueText(c.reference, false, i.unit, lang, minCell);
  const regionCell = `<td class="num ov-region">${esc(region)}${c === null || standard === null ? provisionalMark(i.year.provisional, lang) : ''}</td>`;
  if (c === null) return `<tr>${rowHead}${regionCell}<td class="ov-none" colspan="${codes.length}">${esc(PUBLIC_LABELS[lang].notComparedRow)}</td></tr>`;
  const byCode = new Map(c.municipalities.map((m) => [m.code, m]));
  const cells = codes
    .map((code) => {
      const m = byCode.get(code);
      if (m === undefined) return `<td class="num">${esc(labels.notComputed)}</td>`;
      const text = esc(valueText(m.value, m.suppressed, i.unit, lang, minCell));
      // A hidden or missing value is never compared (nor coloured).
      const level = m.suppressed || m.value === null ? null : m.level95;
      if (level === null) return `<td class="num">${text}</td>`;
      return `<td class="num ov-${level}">${text}<span class="ov-sym" aria-hidden="true">${levelSymbol(level)}</span><span class="sr-only"> ${esc(labels.level[level])}</span></td>`;
    })
    .join('');
  return `<tr>${rowHead}${regionCell}${cells}</tr>`;
}

// ---- downloads (SPEC §13.9 "Downloads") ----

/**
 * An indicator's figures as CSV: the region's yearly values, its monthly series and the
 * year's municipalities with their comparison — the numbers of the section's data tables,
 * unrounded (rfc) or as Danish Excel reads them (`excel-da` under --lang da, src/report/csv.ts).
 * A hidden value is an empty field with `suppressed` set; no count is written.
 */
export function indicatorCsv(i: IndicatorReportModel, lang: Lang): string {
  const w = PUBLIC_LABELS[lang];
  const labels = LABELS[lang];
  const h = w.csvHeader;
  const yes = (b: boolean | undefined) => (b ? w.csvYes : w.csvNo);
  const lo = (ci: [number, number] | null) => ci?.[0] ?? null;
  const hi = (ci: [number, number] | null) => ci?.[1] ?? null;
  const rows: Field[][] = [];
  for (const y of i.yearly) rows.push([w.csvTable.year, y.period, labels.total, y.suppressed ? null : y.value, lo(y.ci95), hi(y.ci95), yes(y.suppressed), yes(y.provisional), null]);
  for (const p of i.monthly?.points ?? []) {
    rows.push([w.csvTable.month, p.period, labels.total, p.suppressed ? null : p.value, null, null, yes(p.suppressed), yes(p.provisional), null]);
  }
  const c = i.municipalities;
  if (c) {
    for (const m of c.municipalities) {
      const level = m.suppressed || m.value === null || m.level95 === null ? null : labels.level[m.level95];
      rows.push([w.csvTable.municipality, i.year.period, `${m.name ?? m.code} (${m.code})`, m.suppressed ? null : m.value, lo(m.ci95), hi(m.ci95), yes(m.suppressed), null, level]);
    }
    if (c.outside) {
      const o = c.outside;
      rows.push([w.csvTable.outside, i.year.period, o.codes.join(' '), o.suppressed ? null : o.value, lo(o.ci95), hi(o.ci95), yes(o.suppressed), null, labels.notCompared]);
    }
  }
  const header = [h.table, h.period, h.group, h.value, h.lower, h.upper, h.suppressed, h.provisional, h.comparison];
  return csvText(header, rows, lang === 'da' ? 'excel-da' : 'rfc');
}

/** SPEC §13.9: the CSV as a link inside the file — `download` names it, nothing is fetched. */
export function csvDownload(i: IndicatorReportModel, year: number, lang: Lang): string {
  const w = PUBLIC_LABELS[lang];
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(indicatorCsv(i, lang))}`;
  return `<p class="download"><a download="${esc(`${i.id}-${year}.csv`)}" href="${esc(href)}">${esc(w.download)}</a> <span class="help">(${esc(w.downloadHelp)})</span></p>`;
}
