// `monitor --format html` (SPEC §7, §10): every series' run or control chart in the style of
// the annual report — a summary table of the series (variation, signal, sparkline) that
// links to one section per series with its chart, legend, runs figures and data table.

import { LABELS, type Labels, periodName } from './i18n.js';
import type { MonitorHtmlModel } from './model.js';
import {
  dataEndLine,
  documentEnd,
  documentStart,
  esc,
  factsBox,
  groupText,
  indicatorName,
  inputsTable,
  listOrEmpty,
  monthlyFigure,
  tableWrap,
  variationBadge,
} from './parts.js';
import { sparklineSvg } from './charts/sparkline.js';
import { PUBLIC_LABELS } from './i18n.js';
import { assuranceBadge } from './public.js';

/** Renders the monitor document. Async because vega renders SVG asynchronously. */
export async function renderMonitorHtml(model: MonitorHtmlModel): Promise<string> {
  const { meta } = model;
  const lang = meta.lang;
  const labels = LABELS[lang];
  const title = meta.title ?? labels.monitorTitle;
  const minCell = meta.suppression.min_cell;
  const out: string[] = [documentStart(meta, title)];
  out.push(
    `<header class="doc-head"><p class="kicker">${esc(labels.kicker)}</p><h1>${esc(title)}</h1>` +
      `<p class="lede">${esc(labels.monitorLede)}</p>` +
      dataEndLine(meta, labels) +
      factsBox(meta, labels, [[labels.series, String(model.charts.length)]]) +
      inputsTable(meta, labels) +
      `</header>`,
  );
  out.push(summary(model, labels));
  out.push(`<section id="series" aria-labelledby="series-title"><h2 id="series-title">${esc(labels.monthlyChart)}</h2>`);
  for (const [i, chart] of model.charts.entries()) {
    const id = `series-${i + 1}`;
    const name = indicatorName(chart.indicator, lang);
    out.push(
      `<article class="series" id="${id}" data-indicator="${esc(chart.indicator.id)}" aria-labelledby="${id}-title">` +
        `<p class="eyebrow muted">${esc(labels.aimShort[chart.indicator.aim])} · <code>${esc(chart.indicator.id)}</code></p>` +
        `<h3 id="${id}-title">${esc(name)} · ${esc(groupText(chart.series.group, lang))}</h3>` +
        `<p class="badges">${variationBadge(chart.series.variation, lang)}${chart.series.assurance ? ` ${assuranceBadge(chart.series.assurance, lang)}` : ''}</p>` + // SPEC §13.9
        (await monthlyFigure({ series: chart.series, info: chart.indicator, target: chart.target, lang, minCell, idPrefix: `${id}-chart`, heading: 'h4' })) +
        `</article>`,
    );
  }
  out.push(`</section>`);
  out.push(
    `<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">${esc(labels.warnings)}</h2>` +
      listOrEmpty(model.warnings, labels.noWarnings) +
      `<h3 id="suppression">${esc(labels.suppression)}</h3><p>${esc(meta.suppression.description)}</p></section>`,
  );
  out.push(documentEnd(meta, labels));
  return out.join('\n');
}

function summary(model: MonitorHtmlModel, labels: Labels): string {
  const lang = model.meta.lang;
  const rows = model.charts
    .map((c, i) => {
      const points = c.series.points;
      const name = indicatorName(c.indicator, lang);
      const spark = points.length
        ? sparklineSvg({
            values: points.map((p) => p.value),
            provisional: points.map((p) => p.provisional),
            id: `spark-${i + 1}`,
            title: `${name}: ${labels.monthlyChart.toLowerCase()}`,
            description: labels.sparklineDesc(name, periodName(points[0].period, lang), periodName(points[points.length - 1].period, lang)),
          })
        : '';
      return (
        `<tr><td><a href="#series-${i + 1}">${esc(name)}</a><br><code class="muted">${esc(c.indicator.id)}</code></td>` +
        `<td>${esc(groupText(c.series.group, lang))}</td><td>${esc(labels.chartType[c.series.chart])}</td><td>${spark}</td>` +
        `<td>${variationBadge(c.series.variation, lang)}</td><td>${assuranceBadge(c.series.assurance, lang)}</td></tr>`
      );
    })
    .join('');
  return (
    `<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title" class="no-break-before">${esc(labels.series)}</h2>` +
    `${tableWrap(labels.series)}<table class="summary"><thead><tr><th>${esc(labels.indicator)}</th><th>${esc(labels.group)}</th>` +
    `<th>${esc(labels.chartKind)}</th><th>${esc(labels.monthlyChart)}</th><th>${esc(labels.variationLabel)}</th><th>${esc(PUBLIC_LABELS[lang].assuranceLabel)}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

