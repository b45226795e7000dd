// One municipality's profile (SPEC §13.9 "One municipality", issue 21): `triple-aim report
// --municipality CODE`. Per indicator, grouped by aim, one table row: the municipality's value
// for the year with its interval, the region's, the lowest and highest of the region's 19, a
// spine chart of its place among them (charts/spine.ts), its monthly trend as a sparkline with
// its variation, and its comparison with the region in the words of SPEC §13.4. The table row
// is the spine chart's and sparkline's data table; each SVG has an accessible name. Pure: the
// same model gives the same bytes.

import { LABELS, PUBLIC_LABELS, periodName } from './i18n.js';
import type { Aim, MunicipalityProfileModel, ProfileIndicatorModel } from './model.js';
import {
  dataEndLine,
  documentEnd,
  documentStart,
  esc,
  factsBox,
  indicatorName,
  inputsTable,
  intervalText,
  listOrEmpty,
  phraseHtml,
  provisionalMark,
  unitSuffix,
  valueText,
  variationBadge,
  SWATCH,
  legend,
} from './parts.js';
import { levelSymbol } from './public.js';
import { sparklineSvg } from './charts/sparkline.js';
import { spineSvg } from './charts/spine.js';
import { INTERVAL, LIMIT, SPINE_RANGE } from './palette.js';

const AIM_ORDER: readonly Aim[] = ['population_health', 'quality', 'cost'];

export function renderProfileHtml(model: MunicipalityProfileModel): string {
  const { meta } = model;
  const lang = meta.lang;
  const labels = LABELS[lang];
  const words = PUBLIC_LABELS[lang];
  const place = `${model.name} (${model.code})`;
  const title = meta.title ?? words.profileTitle(place, model.year);
  const out: string[] = [documentStart(meta, title)];
  out.push(
    `<header class="doc-head"><p class="kicker">${esc(words.profileKicker)}</p><h1>${esc(title)}</h1>` +
      `<p class="lede">${esc(words.profileLede(model.name, model.year))}</p>` +
      dataEndLine(meta, labels) +
      factsBox(meta, labels, [
        [labels.municipality, esc(place)],
        [labels.year, esc(String(model.year))],
      ]) +
      inputsTable(meta, labels) +
      `</header>`,
  );
  const keyItems: [string, string][] = [
    [`<svg width="22" height="10" aria-hidden="true"><rect x="1" y="1" width="20" height="8" fill="${SPINE_RANGE}" stroke="${LIMIT}" stroke-width="0.75"/></svg>`, words.spineLegend.range],
    [`<svg width="22" height="10" aria-hidden="true"><rect x="1" y="1" width="20" height="8" fill="${INTERVAL}"/></svg>`, words.spineLegend.middle],
    [SWATCH.reference, words.spineLegend.region],
  ];
  const levels = (['better', 'similar', 'worse', 'higher', 'lower'] as const).map(
    (l) => `<li><span class="sym sym-${l}" aria-hidden="true">${levelSymbol(l)}</span><span>${esc(labels.level[l])}</span></li>`,
  );
  out.push(
    `<section id="profile" aria-labelledby="profile-title"><h2 id="profile-title" class="no-break-before">${esc(words.profileTable)}</h2>` +
      `<p class="help">${esc(words.spineHelp)}</p>${legend(keyItems)}<ul class="legend-list ov-legend">${levels.join('')}</ul>`,
  );
  for (const aim of AIM_ORDER) {
    const list = model.indicators.filter((i) => i.aim === aim);
    if (!list.length) continue;
    out.push(aimTable(aim, list, model));
  }
  out.push(`</section>`);
  const notes = model.indicators.flatMap((i) => i.notes.map((n) => ({ i, n })));
  out.push(
    `<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">${esc(labels.notes)}</h2>` +
      (notes.length
        ? `<ul class="note-list">${notes.map(({ i, n }) => `<li>${esc(indicatorName(i, lang))}: ${phraseHtml(n)}</li>`).join('')}</ul>`
        : `<p class="empty">${esc(labels.noNotes)}</p>`) +
      `<h3 id="warnings">${esc(labels.warnings)}</h3>` +
      listOrEmpty(model.warnings, labels.noWarnings) +
      `<h3 id="suppression">${esc(labels.suppression)}</h3><p>${esc(meta.suppression.description)}</p></section>`,
  );
  out.push(documentEnd(meta, labels));
  return out.join('\n');
}

function aimTable(aim: Aim, list: ProfileIndicatorModel[], model: MunicipalityProfileModel): string {
  const lang = model.meta.lang;
  const labels = LABELS[lang];
  const words = PUBLIC_LABELS[lang];
  const id = `aim-${aim}`;
  const head =
    `<tr><th scope="col">${esc(labels.indicator)}</th><th scope="col" class="num">${esc(words.municipalityValue)}</th><th scope="col" class="num">${esc(labels.ci95)}</th>` +
    `<th scope="col" class="num">${esc(words.regionValue)}</th><th scope="col" class="num">${esc(words.lowest)}</th><th scope="col" class="num">${esc(words.highest)}</th>` +
    `<th scope="col">${esc(words.spine)}</th><th scope="col">${esc(words.trend)}</th><th scope="col">${esc(words.comparison)}</th></tr>`;
  const rows = list.map((i, k) => profileRow(i, model, `${aim}-${k + 1}`)).join('');
  return (
    `<h3 id="${id}">${esc(labels.aims[aim])}</h3>` +
    `<div class="table-wrap table-scroll" tabindex="0" role="region" aria-labelledby="${id}">` +
    `<table class="profile"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`
  );
}

function profileRow(i: ProfileIndicatorModel, model: MunicipalityProfileModel, key: string): string {
  const lang = model.meta.lang;
  const labels = LABELS[lang];
  const words = PUBLIC_LABELS[lang];
  const minCell = model.meta.suppression.min_cell;
  const name = indicatorName(i, lang);
  const unit = unitSuffix(i.unit, lang) || labels.unitShort[i.unit];
  const v = (x: number | null) => (x === null ? labels.notComputed : valueText(x, false, i.unit, lang, minCell));
  const basis = i.standard ? ` · ${labels.standardizedComparison(i.standard)}` : '';
  const rowHead = `<th scope="row">${esc(name)}<span class="unit-note">${esc(unit)} · ${esc(labels.direction[i.direction])}${esc(basis)}</span></th>`;
  const trend = trendCell(i, model, key);
  if (!i.breakdown) {
    return (
      `<tr>${rowHead}<td class="num">${esc(labels.notComputed)}</td><td class="num">${esc(labels.notComputed)}</td><td class="num">${esc(v(i.region))}</td>` +
      `<td colspan="3" class="empty">${esc(words.noBreakdown)}</td>${trend}<td>${esc(labels.notCompared)}</td></tr>`
    );
  }
  const value = valueText(i.value, i.suppressed, i.unit, lang, minCell);
  const ci = i.suppressed ? labels.notComputed : intervalText(i.ci95, i.unit, lang);
  const of = i.n < 19 && i.n > 0 ? `<span class="unit-note">${esc(words.ofMunicipalities(i.n))}</span>` : '';
  const spine =
    i.region === null || i.lowest === null || i.highest === null || i.q1 === null || i.q3 === null
      ? `<td>${esc(labels.notComputed)}</td>`
      : `<td>${spineSvg({
          value: i.suppressed ? null : i.value,
          region: i.region,
          lowest: i.lowest,
          highest: i.highest,
          q1: i.q1,
          q3: i.q3,
          level: i.level95,
          label: words.spineLabel(`${name}, ${model.name}`, value, v(i.region), v(i.lowest), v(i.highest)),
        })}${of}</td>`;
  const comparison =
    i.level95 === null
      ? `<td class="cmp">${esc(labels.notComputed)}</td>`
      : `<td class="cmp"><span class="sym-${i.level95}" aria-hidden="true">${levelSymbol(i.level95)}</span> ${esc(labels.level[i.level95])}</td>`;
  return (
    `<tr>${rowHead}<td class="num"><strong>${esc(value)}</strong>${provisionalMark(i.provisional, lang)}</td><td class="num">${esc(ci)}</td><td class="num">${esc(v(i.region))}</td>` +
    `<td class="num">${esc(v(i.lowest))}</td><td class="num">${esc(v(i.highest))}</td>${spine}${trend}${comparison}</tr>`
  );
}

/** The municipality's monthly series as a sparkline with its variation (SPEC §13.1 words). */
function trendCell(i: ProfileIndicatorModel, model: MunicipalityProfileModel, key: string): string {
  const lang = model.meta.lang;
  const labels = LABELS[lang];
  const points = i.trend?.points ?? [];
  if (!i.trend || !points.length) return `<td>${esc(labels.notComputed)}</td>`;
  const name = `${indicatorName(i, lang)}, ${model.name}`;
  const spark = sparklineSvg({
    width: 96,
    values: points.map((p) => p.value),
    provisional: points.map((p) => p.provisional),
    id: `trend-${key}`,
    title: `${name}: ${PUBLIC_LABELS[lang].trend.toLowerCase()}`,
    description: PUBLIC_LABELS[lang].trendLabel(model.name, periodName(points[0].period, lang), periodName(points[points.length - 1].period, lang)),
  });
  return `<td>${spark}${variationBadge(i.trend.variation, lang)}</td>`;
}
