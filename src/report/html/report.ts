// The annual Triple Aim report as one self-contained HTML file (SPEC §10): title and
// provenance, the Triple Aim overview in three columns (one per aim), one section per
// indicator (monthly chart, yearly values, education gaps, municipalities against the
// region), then definitions, notes, warnings and the suppression statement. No script, no
// external style, font or image: charts are inline SVG with a text alternative and a data
// table each. The same model gives the same bytes.

import { LABELS, type Labels, periodName } from './i18n.js';
import type { Aim, EquityModel, IndicatorReportModel, Lang, MunicipalityComparisonModel, ReportHtmlModel, Unit } from './model.js';
import {
  baselineText,
  changeText,
  dataEndLine,
  documentEnd,
  documentStart,
  esc,
  factsBox,
  groupText,
  indicatorName,
  inputsTable,
  intervalText,
  legend,
  levelSwatch,
  listOrEmpty,
  monthlyFigure,
  otherName,
  provisionalMark,
  catalogueTextHtml,
  slug,
  tableWrap,
  statusBadge,
  SWATCH,
  targetText,
  unitSuffix,
  valueText,
  variationBadge,
  verdictBadges,
  targetVerdictBadge,
  baselineVerdictBadge,
  withUnit,
} from './parts.js';
import { yearlyFromZero } from './charts/yearly.js';
import { PUBLIC_LABELS } from './i18n.js';
import { assuranceBadge, csvDownload, municipalOverview } from './public.js';
import { municipalityChartSpec } from './charts/municipalities.js';
import { renderChart, renderResponsiveChart } from './charts/render.js';
import { sparklineSvg } from './charts/sparkline.js';
import { yearlyChartSpec } from './charts/yearly.js';
import { baselineShows, targetShows } from './charts/scale.js';
import { SERIES as SERIES_COLOUR } from './palette.js';
import { formatDecimal, formatInterval, formatValue, unitDecimals } from './text.js';

const AIM_ORDER: readonly Aim[] = ['population_health', 'quality', 'cost'];

/** Renders the annual report. Async because vega renders SVG asynchronously. */
export async function renderReportHtml(model: ReportHtmlModel): Promise<string> {
  const { meta } = model;
  const lang = meta.lang;
  const labels = LABELS[lang];
  const title = meta.title ?? labels.reportTitle(model.year);
  const minCell = meta.suppression.min_cell;
  const out: string[] = [documentStart(meta, title)];

  out.push(
    `<header class="doc-head"><p class="kicker">${esc(labels.kicker)}</p><h1>${esc(title)}</h1>` +
      `<p class="lede">${esc(labels.reportLede(model.year))}</p>` +
      dataEndLine(meta, labels) +
      factsBox(meta, labels, [[labels.year, esc(String(model.year))]]) +
      inputsTable(meta, labels) +
      `</header>`,
  );
  out.push(tableOfContents(model, labels));
  out.push(overview(model, labels, minCell));
  out.push(municipalOverview(model)); // SPEC §13.9

  out.push(`<section id="indicators" aria-labelledby="indicators-title"><h2 id="indicators-title">${esc(labels.indicators)}</h2>`);
  for (const [i, indicator] of model.indicators.entries()) out.push(await indicatorSection(indicator, model, i, labels));
  out.push(`</section>`);

  out.push(definitions(model, labels));
  out.push(
    `<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">${esc(labels.notes)}</h2>` +
      listOrEmpty(model.notes, labels.noNotes) +
      `<h3 id="warnings">${esc(labels.warnings)}</h3>` +
      listOrEmpty(model.warnings, labels.noWarnings) +
      `<h3 id="suppression">${esc(labels.suppression)}</h3><p>${esc(meta.suppression.description)}</p>` +
      `</section>`,
  );
  out.push(documentEnd(meta, labels));
  return out.join('\n');
}

function byAim(model: ReportHtmlModel): [Aim, IndicatorReportModel[]][] {
  return AIM_ORDER.map((aim) => [aim, model.indicators.filter((i) => i.aim === aim)]);
}

function tableOfContents(model: ReportHtmlModel, labels: Labels): string {
  const lang = model.meta.lang;
  const items = byAim(model)
    .filter(([, list]) => list.length)
    .map(
      ([aim, list]) =>
        `<li><span class="toc-aim">${esc(labels.aims[aim])}</span><ul>` +
        list.map((i) => `<li><a href="#indicator-${slug(i.id)}">${esc(indicatorName(i, lang))}</a></li>`).join('') +
        `</ul></li>`,
    )
    .join('');
  return (
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title" class="no-break-before">${esc(labels.contents)}</h2>` +
    `<p><a href="#overview">${esc(labels.overview)}</a> · <a href="#municipal-overview">${esc(PUBLIC_LABELS[lang].overviewTitle)}</a> · <a href="#definitions">${esc(labels.definitions)}</a> · ` +
    `<a href="#notes">${esc(labels.notes)}</a> · <a href="#warnings">${esc(labels.warnings)}</a> · <a href="#suppression">${esc(labels.suppression)}</a></p>` +
    `<ul class="toc-aims">${items}</ul></nav>`
  );
}

/** SPEC §10 item 2: three columns, one per aim. */
function overview(model: ReportHtmlModel, labels: Labels, minCell: number): string {
  const lang = model.meta.lang;
  // SPEC §13.4: two verdicts, each with its own words.
  const statusLegend =
    (['met', 'not_met', 'no_target'] as const).map((v) => targetVerdictBadge(v, lang)).join(' ') +
    ' · ' +
    (['better', 'worse', 'unchanged', 'no_baseline'] as const).map((v) => baselineVerdictBadge(v, lang)).join(' ') +
    ' · ' +
    statusBadge('not_computed', lang);
  const columns = byAim(model)
    .map(
      ([aim, list]) =>
        `<section class="aim aim-${aim}" aria-labelledby="aim-${aim}"><h3 id="aim-${aim}">${esc(labels.aims[aim])} <span class="count">(${list.length})</span></h3>` +
        `<ol class="cards">${list.map((i) => card(i, model, labels, minCell)).join('')}</ol></section>`,
    )
    .join('');
  return (
    `<section id="overview" class="overview" aria-labelledby="overview-title"><h2 id="overview-title">${esc(labels.overview)} ${model.year}</h2>` +
    `<p class="lede">${esc(labels.overviewLede)}</p>` +
    `<p class="badges"><span class="help">${esc(labels.status_)}:</span> ${statusLegend}</p>` +
    `<p class="help">${esc(labels.variationHelp)}</p>` +
    `<div class="aims">${columns}</div></section>`
  );
}

function card(i: IndicatorReportModel, model: ReportHtmlModel, labels: Labels, minCell: number): string {
  const lang = model.meta.lang;
  const y = i.year;
  const name = indicatorName(i, lang);
  const value = valueText(y.value, y.suppressed, i.unit, lang, minCell);
  const suffix = y.value === null ? '' : unitSuffix(i.unit, lang);
  const values = i.monthly ? i.monthly.points.map((p) => p.value) : [];
  const points = i.monthly?.points ?? [];
  const sparkline = values.length
    ? sparklineSvg({
        values,
        provisional: points.map((p) => p.provisional),
        id: `spark-${slug(i.id)}`,
        title: `${name}: ${labels.monthlyChart.toLowerCase()}`,
        description: labels.sparklineDesc(name, periodName(points[0].period, lang), periodName(points[points.length - 1].period, lang)),
      })
    : '';
  const facts: [string, string][] = [
    [labels.baseline, baselineText(y.baseline, i.unit, lang)],
    [labels.target, targetText(y.target, i.unit, lang)],
    [labels.change, changeText(y.change, i.unit, lang, true)],
  ];
  return (
    `<li class="card" id="overview-${slug(i.id)}" data-indicator="${esc(i.id)}">` +
    `<h4><a href="#indicator-${slug(i.id)}">${esc(name)}</a></h4><p class="card-id"><code>${esc(i.id)}</code></p>` +
    `<div class="card-main"><p class="card-value"><span class="num">${esc(value)}</span>${suffix ? `<span class="unit">${esc(suffix)}</span>` : ''}${provisionalMark(y.provisional, lang)}</p>${sparkline}</div>` +
    `<p class="card-ci">${y.ci95 ? `${esc(labels.ci95)} <span class="nw">${esc(intervalText(y.ci95, i.unit, lang))}</span>` : '&nbsp;'}</p>` +
    `<dl class="card-facts">${facts.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${esc(dd)}</dd>`).join('')}</dl>` +
    `<p class="badges">${verdictBadges(y, lang)} ${variationBadge(i.monthly ? i.monthly.variation : null, lang)}</p>` +
    cardGroups(i, lang, minCell) +
    `</li>`
  );
}

/** The groups of the year on a card (LUP: patient types): value, baseline and status. */
function cardGroups(i: IndicatorReportModel, lang: Lang, minCell: number): string {
  if (!i.groups.length) return '';
  const rows = i.groups
    .map(({ group, figure: f }) => {
      const value = valueText(f.value, f.suppressed, i.unit, lang, minCell);
      const baseline = f.baseline ? ` <span class="muted">(${esc(baselineText(f.baseline, i.unit, lang))})</span>` : '';
      return `<tr><th scope="row">${esc(groupText(group, lang))}</th><td class="num">${esc(value)}${baseline}</td><td>${verdictBadges(f, lang)}</td></tr>`;
    })
    .join('');
  return `<table class="card-groups"><tbody>${rows}</tbody></table>`;
}

/** The groups of the year in an indicator's section, with every figure of the total's row. */
function groupsTable(i: IndicatorReportModel, lang: Lang, minCell: number, labels: Labels): string {
  if (!i.groups.length) return '';
  const rows = i.groups
    .map(({ group, figure: f }) => {
      const value = valueText(f.value, f.suppressed, i.unit, lang, minCell);
      return (
        `<tr><th scope="row">${esc(groupText(group, lang))}</th><td class="num">${esc(value)}</td>` +
        `<td class="num">${esc(intervalText(f.ci95, i.unit, lang))}</td><td>${esc(baselineText(f.baseline, i.unit, lang))}</td>` +
        `<td>${esc(targetText(f.target, i.unit, lang))}</td><td class="num">${esc(changeText(f.change, i.unit, lang, true))}</td>` +
        `<td>${verdictBadges(f, lang)}</td></tr>`
      );
    })
    .join('');
  return (
    `${tableWrap(`${indicatorName(i, lang)}: ${labels.group}`)}<table class="groups"><thead><tr><th>${esc(labels.group)}</th><th class="num">${esc(labels.value)} ${esc(i.year.period)}</th>` +
    `<th class="num">${esc(labels.ci95)}</th><th>${esc(labels.baseline)}</th><th>${esc(labels.target)}</th><th class="num">${esc(labels.change)}</th>` +
    `<th>${esc(labels.verdicts)}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

async function indicatorSection(i: IndicatorReportModel, model: ReportHtmlModel, index: number, labels: Labels): Promise<string> {
  const lang = model.meta.lang;
  const minCell = model.meta.suppression.min_cell;
  const y = i.year;
  const id = slug(i.id);
  const name = indicatorName(i, lang);
  const prefix = `c${index + 1}`;
  const parts: string[] = [];
  parts.push(
    `<article class="indicator" id="indicator-${id}" data-indicator="${esc(i.id)}" aria-labelledby="indicator-${id}-title">` +
      `<p class="eyebrow">${esc(labels.aimShort[i.aim])} · <code>${esc(i.id)}</code> · ${esc(labels.agreement)} ${esc(i.agreement_section)}</p>` +
      `<h3 id="indicator-${id}-title">${esc(name)}</h3><p class="subtitle"><span lang="${lang === 'da' ? 'en' : 'da'}">${esc(otherName(i, lang))}</span> · ${esc(labels.unitAxis[i.unit])}, ${esc(labels.direction[i.direction])}</p>`,
  );
  const value = valueText(y.value, y.suppressed, i.unit, lang, minCell);
  const figures: [string, string, string?][] = [
    // The number never wraps; its unit may go to the next line of a narrow cell.
    [`${labels.value} ${y.period}`, `<span class="nw">${esc(value)}</span>${y.value === null || !unitSuffix(i.unit, lang) ? '' : ` ${esc(unitSuffix(i.unit, lang))}`}${provisionalMark(y.provisional, lang)}`, 'big'],
    [labels.ci95, `<span class="nw">${esc(intervalText(y.ci95, i.unit, lang))}</span>`],
    [
      labels.baseline,
      esc(baselineText(y.baseline, i.unit, lang)) +
        (y.baseline && y.baseline.source !== 'data' ? `<br><span class="small">${esc(labels.source)}: ${catalogueTextHtml(y.baseline.source, lang)}</span>` : ''),
    ],
    [labels.target, esc(targetText(y.target, i.unit, lang))],
    [
      labels.change,
      `<span class="nw">${esc(changeText(y.change, i.unit, lang))}</span>` +
        (y.change_pct !== null ? `<br><span class="small">${esc(formatDecimal(y.change_pct, 1, lang, true))}\u00a0%</span>` : ''),
    ],
    // SPEC §13.4: the target and the change against the baseline, two verdicts.
    [labels.targetVerdictLabel, y.value === null ? statusBadge('not_computed', lang) : targetVerdictBadge(y.target_verdict, lang)],
    [labels.baselineVerdictLabel, y.value === null ? esc(labels.notComputed) : baselineVerdictBadge(y.baseline_verdict, lang)],
    // SPEC §13.9: will the process meet its target? The monthly series' assurance beside its
    // variation — only where it was assessed (a run chart has no limits: nothing is claimed).
    [
      labels.variationLabel,
      i.monthly ? variationBadge(i.monthly.variation, lang) + (i.monthly.assurance ? ` ${assuranceBadge(i.monthly.assurance, lang)}` : '') : esc(labels.notComputed),
    ],
  ];
  if (y.standardized) {
    const s = y.standardized;
    const dsr = s.value === null ? esc(labels.notComputed) : esc(withUnit(formatValue(s.value, i.unit, lang), i.unit, lang));
    const detail = `${s.value === null ? '' : `${intervalText(s.ci95, i.unit, lang)} · `}${s.standard}`;
    figures.splice(2, 0, [labels.standardizedShort, `${dsr}<br><span class="small">${esc(detail)}</span>`]);
  }
  parts.push(
    `<dl class="keyfigs">${figures.map(([dt, dd, cls]) => `<div><dt>${esc(dt)}</dt><dd${cls ? ` class="${cls}"` : ''}>${dd}</dd></div>`).join('')}</dl>`,
  );
  parts.push(groupsTable(i, lang, minCell, labels));
  if (y.notes.length) parts.push(listOrEmpty(y.notes, ''));

  if (i.monthly) {
    parts.push(await monthlyFigure({ series: i.monthly, info: i, target: y.target, baseline: y.baseline, lang, minCell, idPrefix: `${prefix}-monthly`, heading: 'h4' }));
  } else {
    parts.push(`<h4>${esc(labels.monthlyChart)}</h4><p class="empty">${esc(labels.noMonthly)}</p>`);
  }

  // Yearly values beside the municipalities, the education gaps below: one A4 page holds an
  // indicator's header, monthly chart and these two rows.
  parts.push(`<div class="pair">`);
  parts.push(await yearlyFigure(i, model, `${prefix}-yearly`, labels));
  if (i.municipalities) parts.push(await municipalityFigure(i, i.municipalities, model, `${prefix}-municipalities`, labels));
  else parts.push(`<div><h4>${esc(labels.municipalities)}</h4><p class="empty">${esc(labels.noMunicipalities)}</p></div>`);
  parts.push(`</div>`);
  parts.push(equitySection(i.equity, i.unit, lang, minCell, labels));
  parts.push(csvDownload(i, model.year, lang)); // SPEC §13.9

  if (i.notes.length) parts.push(`<h4>${esc(labels.notes)}</h4>${listOrEmpty(i.notes, '')}`);
  parts.push(
    `<p class="back"><a href="#definition-${id}">${esc(labels.toDefinition)}</a> · <a href="#overview-${id}">${esc(labels.toOverview)}</a></p></article>`,
  );
  return parts.join('\n');
}

async function yearlyFigure(i: IndicatorReportModel, model: ReportHtmlModel, idPrefix: string, labels: Labels): Promise<string> {
  const lang = model.meta.lang;
  const minCell = model.meta.suppression.min_cell;
  if (!i.yearly.length) return `<div><h4>${esc(labels.yearlyChart)}</h4><p class="empty">${esc(labels.noYearly)}</p></div>`;
  const name = indicatorName(i, lang);
  const svg = !i.yearly.some((v) => v.value !== null)
    ? `<p class="empty">${esc(labels.noValues)}</p>`
    : await renderChart(
        yearlyChartSpec({ yearly: i.yearly, unit: i.unit, target: i.year.target, baseline: i.year.baseline, year: String(model.year), lang }),
        lang,
        idPrefix,
        { title: `${name}: ${labels.yearlyChart.toLowerCase()}`, description: labels.yearlyDesc(name, i.yearly.length) },
      );
  // SPEC §13.3: counts and DKK per capita have no interval, and their legend shows none.
  const withInterval = !yearlyFromZero(i.unit) && i.yearly.some((v) => v.ci95 !== null);
  const items: [string, string][] = [withInterval ? [SWATCH.interval, `${labels.value} ${labels.ci95}`] : [SWATCH.filled(SERIES_COLOUR), labels.value]];
  if (i.yearly.some((v) => v.provisional && v.value !== null)) items.push([SWATCH.provisional, labels.provisionalHelp]);
  if (targetShows(i.year.target, i.unit, 'year')) items.push([SWATCH.target, `${labels.target}: ${targetText(i.year.target, i.unit, lang)}`]);
  if (baselineShows(i.year.baseline, i.unit, 'year')) items.push([SWATCH.baseline, `${labels.baseline}: ${baselineText(i.year.baseline, i.unit, lang)}`]);
  const rows = i.yearly
    .map(
      (v) =>
        `<tr><td>${esc(v.period)}</td><td class="num">${esc(valueText(v.value, v.suppressed, i.unit, lang, minCell))}${provisionalMark(v.provisional, lang)}</td>` +
        `<td class="num">${esc(intervalText(v.ci95, i.unit, lang))}</td></tr>`,
    )
    .join('');
  return (
    `<figure class="chart chart-yearly" id="${idPrefix}"><figcaption><h4>${esc(labels.yearlyChart)}</h4></figcaption>${svg}${legend(items)}` +
    `<details><summary>${esc(labels.dataTable)}</summary>${tableWrap(`${labels.dataTable}: ${labels.yearlyChart}`)}<table><caption>${esc(labels.yearlyChart)}</caption>` +
    `<thead><tr><th>${esc(labels.year)}</th><th class="num">${esc(labels.value)}</th><th class="num">${esc(labels.ci95)}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></details></figure>`
  );
}

/** SPEC §8.2: the gap, ratio, SII and RII with intervals, and the three groups. */
function equitySection(equity: EquityModel | null, unit: Unit, lang: Lang, minCell: number, labels: Labels): string {
  const head = `<h4>${esc(labels.equity)}</h4>`;
  if (!equity) return `<section class="equity">${head}<p class="empty">${esc(labels.noEquity)}</p></section>`;
  const groups = (['short', 'medium', 'long'] as const)
    .map((g) => {
      const e = equity.groups[g];
      return (
        `<tr><td>${esc(labels.education[g])}</td><td class="num">${esc(valueText(e.value, false, unit, lang, minCell))}</td>` +
        `<td class="num">${e.numerator === null ? labels.notComputed : esc(formatDecimal(e.numerator, 0, lang))}</td>` +
        `<td class="num">${e.denominator === null ? labels.notComputed : esc(formatDecimal(e.denominator, 0, lang))}</td></tr>`
      );
    })
    .join('');
  const d = unitDecimals(unit);
  const measure = (label: string, m: { value: number | null; ci95: [number, number] | null }, decimals: number, signed: boolean) =>
    `<tr><td>${esc(label)}</td><td class="num">${m.value === null ? labels.notComputed : esc(formatDecimal(m.value, decimals, lang, signed))}</td>` +
    `<td class="num">${m.ci95 ? esc(formatInterval(m.ci95, decimals, lang)) : labels.notComputed}</td></tr>`;
  const gapUnit = unit === 'percent' ? labels.percentagePoints : labels.unitShort[unit];
  return (
    `<section class="equity">${head}` +
    `<div class="equity-tables">${tableWrap(`${labels.equity}: ${labels.group}`)}<table><thead><tr><th>${esc(labels.group)}</th><th class="num">${esc(labels.value)} (${esc(unitSuffix(unit, lang) || labels.unitShort[unit])})</th>` +
    `<th class="num">${esc(labels.numerator)}</th><th class="num">${esc(labels.denominator)}</th></tr></thead><tbody>${groups}</tbody></table></div>` +
    `${tableWrap(`${labels.equity}: ${labels.measure}`)}<table><thead><tr><th>${esc(labels.measure)}</th><th class="num">${esc(labels.value)}</th><th class="num">${esc(labels.ci95)}</th></tr></thead><tbody>` +
    measure(`${labels.gap}, ${gapUnit}`, equity.gap, d, true) +
    measure(labels.ratio, equity.ratio, 2, false) +
    measure(`${labels.sii}, ${gapUnit}`, equity.sii, d, true) +
    measure(labels.rii, equity.rii, 2, false) +
    `</tbody></table></div></div></section>`
  );
}

async function municipalityFigure(
  i: IndicatorReportModel,
  comparison: MunicipalityComparisonModel,
  model: ReportHtmlModel,
  idPrefix: string,
  labels: Labels,
): Promise<string> {
  const lang = model.meta.lang;
  const minCell = model.meta.suppression.min_cell;
  const name = indicatorName(i, lang);
  const svg = !comparison.municipalities.some((m) => m.value !== null)
    ? `<p class="empty">${esc(labels.noValues)}</p>`
    : await renderResponsiveChart(
        municipalityChartSpec({ comparison, unit: i.unit, minCell, lang }),
        // The phone's chart: the plot beside the names, about 370 px in all (SPEC §13.10).
        (width) => municipalityChartSpec({ comparison, unit: i.unit, minCell, lang, width, phone: true }),
        130,
        lang,
        idPrefix,
        {
        title: `${name}: ${labels.municipalities.toLowerCase()}${comparison.standard ? ` (${labels.standardizedComparison(comparison.standard)})` : ''}`,
        description: labels.municipalitiesDesc(name, comparison.municipalities.length),
      });
  const levels = i.direction === 'none' ? (['higher', 'similar', 'lower'] as const) : (['better', 'similar', 'worse'] as const);
  const items: [string, string][] = [
    ...levels.map((l): [string, string] => [levelSwatch(l), labels.level[l]]),
    [SWATCH.interval, labels.ci95],
    [SWATCH.reference, labels.region],
  ];
  const level = (l: string | null) => (l === null ? labels.notComputed : labels.level[l as keyof typeof labels.level]);
  const reference = comparison.reference === null ? labels.notComputed : formatValue(comparison.reference, i.unit, lang);
  // SPEC §13.8: where the run was standardised the comparison is the standardised one, on the
  // DSRs, and says so; the crude value stays in the table.
  const standard = comparison.standard ?? null;
  const basis = standard === null ? '' : ` · ${labels.standardizedComparison(standard)}`;
  // Without the standardised comparison (a crude run with --standardize, SPEC §8.1): the DSR as an extra column.
  const dsrStandard = standard === null ? (comparison.municipalities.find((m) => m.standardized)?.standardized?.standard ?? null) : null;
  const extraHead =
    standard !== null ? `<th class="num">${esc(labels.crude)}</th>` : dsrStandard !== null ? `<th class="num">${esc(labels.standardized(dsrStandard))}</th>` : '';
  const extraCell = (m: MunicipalityComparisonModel['municipalities'][number]) => {
    if (standard !== null) {
      const c = m.crude ?? null;
      return `<td class="num">${esc(c?.value == null ? labels.notComputed : `${formatValue(c.value, i.unit, lang)} (${intervalText(c.ci95, i.unit, lang)})`)}</td>`;
    }
    if (dsrStandard === null) return '';
    return `<td class="num">${esc(m.standardized?.value == null ? '–' : `${formatValue(m.standardized.value, i.unit, lang)} (${intervalText(m.standardized.ci95, i.unit, lang)})`)}</td>`;
  };
  const extraEmpty = extraHead ? '<td></td>' : '';
  const rows = comparison.municipalities
    .map(
      (m) =>
        `<tr><td>${esc(m.code)}</td><td>${esc(m.name ?? m.code)}</td><td class="num">${esc(valueText(m.value, m.suppressed, i.unit, lang, minCell))}</td>` +
        `<td class="num">${esc(intervalText(m.ci95, i.unit, lang))}</td><td class="level-${m.level95 ?? 'none'}">${esc(level(m.level95))}</td>` +
        `<td class="num">${esc(intervalText(m.ci998, i.unit, lang))}</td><td class="level-${m.level998 ?? 'none'}">${esc(level(m.level998))}</td>${extraCell(m)}</tr>`,
    )
    .join('');
  // SPEC §13.5: the codes outside the region, one row, never compared and never coloured.
  const outside = comparison.outside ?? null;
  const outsideRow = outside
    ? `<tr class="outside-region"><td>${esc(outside.codes.join(', '))}</td><td>${esc(labels.outsideRegion)}</td>` +
      `<td class="num">${esc(valueText(outside.value, outside.suppressed, i.unit, lang, minCell))}</td><td class="num">${esc(intervalText(outside.ci95, i.unit, lang))}</td>` +
      `<td>${esc(labels.notCompared)}</td><td></td><td>${esc(labels.notCompared)}</td>${extraEmpty}</tr>`
    : '';
  const outsideNote = outside ? `<p class="help">${esc(labels.outsideRegionNote(outside.codes.join(', ')))}</p>` : '';
  return (
    `<figure class="chart chart-municipalities" id="${idPrefix}"><figcaption><h4>${esc(labels.municipalities)}</h4>` +
    `<span class="chart-sub">${esc(labels.region)}: <span class="nw">${esc(withUnit(reference, i.unit, lang))}</span> · ${esc(labels.comparison95)}${esc(basis)}</span></figcaption>` +
    svg +
    legend(items) +
    outsideNote +
    `<details><summary>${esc(labels.dataTable)}</summary>${tableWrap(`${labels.dataTable}: ${labels.municipalities}`)}<table><caption>${esc(labels.municipalities)}${esc(basis)}</caption>` +
    `<thead><tr><th>${esc(labels.code)}</th><th>${esc(labels.municipality)}</th><th class="num">${esc(labels.value)}</th><th class="num">${esc(labels.ci95)}</th>` +
    `<th>${esc(labels.comparison95)}</th><th class="num">${esc(labels.ci998)}</th><th>${esc(labels.comparison998)}</th>` +
    extraHead +
    `</tr></thead>` +
    `<tbody><tr><td></td><td><strong>${esc(labels.region)}</strong></td><td class="num"><strong>${esc(reference)}</strong></td><td></td><td></td><td></td><td></td>${extraEmpty}</tr>${rows}${outsideRow}</tbody></table></div></details></figure>`
  );
}

function definitions(model: ReportHtmlModel, labels: Labels): string {
  const lang = model.meta.lang;
  const items = model.indicators
    .map(
      (i) =>
        `<dt id="definition-${slug(i.id)}">${esc(indicatorName(i, lang))} <code>${esc(i.id)}</code></dt>` +
        `<dd><p class="meta">${esc(labels.aims[i.aim])} · ${esc(labels.unitAxis[i.unit])} · ${esc(labels.direction[i.direction])} · ${esc(labels.agreement)} ${esc(i.agreement_section)}</p>` +
        `<p>${catalogueTextHtml(i.definition, lang)}</p></dd>`,
    )
    .join('');
  return `<section id="definitions" aria-labelledby="definitions-title"><h2 id="definitions-title">${esc(labels.definitions)}</h2><dl class="definitions">${items}</dl></section>`;
}
