// SPEC §13.9 (issue 21): the overview of the region's 19 municipalities, one municipality's
// profile (its model and its page), assurance as icon and words, and each indicator's figures
// as a CSV data: link. Models are built from hand-made compute results by the same functions
// `triple-aim report` uses; expected numbers are worked out by hand in each test.

import { describe, expect, it } from 'vitest';
import { REGION_MUNICIPALITY_CODES } from '../../../src/calc/groups.js';
import type { Result } from '../../../src/contracts/report.js';
import type { Series } from '../../../src/contracts/monitor.js';
import { CATALOGUE } from '../../../src/indicators/catalogue.js';
import { annualReportModel } from '../../../src/report/annual.js';
import { municipalityProfileModel, quantile } from '../../../src/report/profile.js';
import { spineScale, spineSvg } from '../../../src/report/html/charts/spine.js';
import { renderMonitorHtml, renderProfileHtml, renderReportHtml } from '../../../src/report/html/index.js';
import type { Lang, ReportHtmlModel } from '../../../src/report/html/model.js';
import { assuranceBadge, csvDownload, indicatorCsv, municipalOverview } from '../../../src/report/html/public.js';
import { catalogueResult as result, realisticMonitorModel, realisticReportModel } from './fixture.js';

const cmp = (level95: 'better' | 'worse' | 'similar' | 'higher' | 'lower', reference = 20) => ({ comparison: { reference, level95, level998: level95 } });
const muni = (code: string, value: number, level: Parameters<typeof cmp>[0], over: Partial<Result> = {}) =>
  result('readmission-30d', { municipality: code }, { value, ci95: [value - 1, value + 1], ci998: [value - 2, value + 2], ...cmp(level), ...over });

/** The region's row and municipalities of readmission-30d (percent, lower is better), 2016. */
function municipal(): Result[] {
  return [
    result('readmission-30d', {}, { value: 20, ci95: [19, 21], ci998: [18.5, 21.5] }),
    muni('615', 25.5, 'worse'),
    muni('657', 19.25, 'similar'),
    muni('661', 14, 'better'),
    muni('665', 22, 'higher'),
    muni('671', 18, 'lower'),
    // Hidden: its level must not show, nor colour the cell.
    muni('706', 30, 'worse', { value: null, ci95: null, ci998: null, suppressed: true }),
    // Outside the region (Odense): never a column (SPEC §13.5).
    result('readmission-30d', { municipality: '461' }, { value: 99, ci95: [98, 100], ci998: [97, 101], comparison: null }),
  ];
}

function report(lang: Lang, rows: Result[] = municipal(), yearly: Result[] = [result('readmission-30d', {}, { value: 20, ci95: [19, 21] })]): ReportHtmlModel {
  return annualReportModel({
    meta: realisticReportModel(lang).meta,
    year: 2016,
    indicators: CATALOGUE.filter((d) => d.id === 'readmission-30d'),
    yearly,
    municipal: rows,
    monthly: [],
    warnings: [],
  });
}

/** The cells of the overview's first body row: [row header, region, 19 municipalities]. */
function firstRow(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'));
  const row = body.slice(body.indexOf('<tr>') + 4, body.indexOf('</tr>'));
  return [...row.matchAll(/<(t[hd])[^>]*>(.*?)<\/\1>/g)].map((m) => m[0]);
}

describe('SPEC §13.9 the overview: indicators × the region’s 19 municipalities', () => {
  const html = municipalOverview(report('da'));

  it('has the region’s value first, then the 19 municipalities in code order, and no column for a code outside the region', () => {
    const head = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    const cols = [...head.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
    expect(cols.slice(0, 2)).toEqual(['Indikator', 'Regionen']);
    expect(cols.slice(2)).toHaveLength(19);
    expect(cols.slice(2).map((c) => /\((\d{3})\)$/.exec(c)![1])).toEqual([...REGION_MUNICIPALITY_CODES]);
    expect(cols[2]).toBe('Horsens (615)');
    expect(html).not.toContain('461');
    expect(html).not.toContain('Odense');
    expect(html).not.toContain('99,0');
    const cells = firstRow(html);
    expect(cells).toHaveLength(21);
    expect(cells[1]).toContain('>20,0<');
  });

  it('tints each cell by its 95 % level and marks it with the level’s symbol and words, never colour alone', () => {
    const cells = firstRow(html);
    const cell = (code: string) => cells[2 + REGION_MUNICIPALITY_CODES.indexOf(code)];
    expect(cell('615')).toBe('<td class="num ov-worse">25,5<span class="ov-sym" aria-hidden="true">\u25c6</span><span class="sr-only"> dårligere end regionen</span></td>');
    expect(cell('657')).toBe('<td class="num ov-similar">19,3<span class="ov-sym" aria-hidden="true">\u25cb</span><span class="sr-only"> som regionen</span></td>');
    expect(cell('661')).toBe('<td class="num ov-better">14,0<span class="ov-sym" aria-hidden="true">\u25cf</span><span class="sr-only"> bedre end regionen</span></td>');
    expect(cell('665')).toBe('<td class="num ov-higher">22,0<span class="ov-sym" aria-hidden="true">\u25cf</span><span class="sr-only"> højere end regionen</span></td>');
    expect(cell('671')).toBe('<td class="num ov-lower">18,0<span class="ov-sym" aria-hidden="true">\u25c6</span><span class="sr-only"> lavere end regionen</span></td>');
    // A legend names every symbol in words.
    for (const words of ['bedre end regionen', 'som regionen', 'dårligere end regionen', 'højere end regionen', 'lavere end regionen']) {
      expect(html).toMatch(new RegExp(`<li><span class="sym sym-\\w+" aria-hidden="true">.</span><span>${words}</span></li>`));
    }
  });

  it('shows a hidden value as <5, uncoloured and not compared; a municipality without a result as –', () => {
    const cells = firstRow(html);
    expect(cells[2 + REGION_MUNICIPALITY_CODES.indexOf('706')]).toBe('<td class="num">&lt;5</td>');
    expect(cells[2 + REGION_MUNICIPALITY_CODES.indexOf('751')]).toBe('<td class="num">–</td>');
  });

  it('uses the standardised comparison where the run was standardised, and says so (SPEC §13.8)', () => {
    const std = (value: number, comparison?: Result['comparison']) => ({ value, ci95: [value - 1, value + 1] as [number, number], standard: 'esp2013', method: 'dobson' as const, ...(comparison ? { comparison } : {}) });
    const rows = [
      result('preventable-admissions-65', {}, { value: 20, ci95: [19, 21], ci998: [18.5, 21.5], standardized: std(21) }),
      result('preventable-admissions-65', { municipality: '751' }, {
        value: 18, ci95: [17, 19], ci998: [16.5, 19.5], comparison: { reference: 20, level95: 'better', level998: 'better' },
        standardized: std(24, { reference: 21, level95: 'worse', level998: 'similar' }),
      }),
    ];
    const model = annualReportModel({
      meta: realisticReportModel('da').meta, year: 2016, indicators: CATALOGUE.filter((d) => d.id === 'preventable-admissions-65'),
      yearly: [result('preventable-admissions-65', {}, { value: 20 })], municipal: rows, monthly: [], warnings: [],
    });
    const out = municipalOverview(model);
    const cells = firstRow(out);
    expect(cells[0]).toContain('aldersstandardiseret (ESP2013)');
    expect(cells[1]).toContain('>21,0<'); // the region's DSR, not its crude 20,0
    expect(cells[2 + REGION_MUNICIPALITY_CODES.indexOf('751')]).toContain('<td class="num ov-worse">24,0'); // the DSR's level, not the crude 'better'
  });

  it('scrolls inside its own focusable, named box, and is in the report with a link from the contents', async () => {
    expect(html).toContain('<div class="table-wrap table-scroll" tabindex="0" role="region" aria-label="Tabel over indikatorer og kommuner (kan rulles vandret)">');
    const doc = await renderReportHtml(report('en'));
    expect(doc).toContain('<a href="#municipal-overview">The municipalities at a glance</a>');
    expect(doc).toContain('<h2 id="municipal-overview-title">The municipalities at a glance 2016</h2>');
    expect(doc).toContain('better than the region</span></td>');
  });
});

describe('SPEC §13.9 downloads: each indicator’s figures as a CSV data: link', () => {
  const yearly = [
    result('readmission-30d', {}, { period: '2015', value: 12.5, ci95: [11.25, 13.75] }),
    result('readmission-30d', {}, { value: 20, ci95: [19, 21] }),
  ];
  const rowsOf = (href: string) => decodeURIComponent(href.slice('data:text/csv;charset=utf-8,'.length));

  it('under --lang da is Danish Excel’s dialect: BOM, ";", decimal comma, CRLF — the rows of the tables', () => {
    const model = report('da', municipal(), yearly);
    const link = csvDownload(model.indicators[0], 2016, 'da');
    expect(link).toMatch(/^<p class="download"><a download="readmission-30d-2016.csv" href="data:text\/csv;charset=utf-8,[^"]+">Hent tallene \(CSV\)<\/a>/);
    const csv = rowsOf(/href="([^"]+)"/.exec(link)![1]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('tabel;periode;gruppe;værdi;nedre 95 %-grænse;øvre 95 %-grænse;diskretioneret;foreløbig;sammenligning med regionen');
    expect(lines[1]).toBe('år;2015;hele regionen;12,5;11,25;13,75;nej;nej;');
    expect(lines[2]).toBe('år;2016;hele regionen;20;19;21;nej;nej;');
    expect(lines).toContain('kommune;2016;Horsens (615);25,5;24,5;26,5;nej;;dårligere end regionen');
    // A hidden value is an empty field, marked suppressed, with no comparison.
    expect(lines).toContain('kommune;2016;Syddjurs (706);;;;ja;;');
    // The codes outside the region are one row, as in the section's table (SPEC §13.5): here
    // without the pooled cluster result, so without a value.
    expect(lines[lines.length - 2]).toBe('uden for regionen;2016;461;;;;nej;;sammenlignes ikke');
    expect(lines[lines.length - 1]).toBe(''); // CRLF after the last row
    expect(lines).toHaveLength(1 + 2 + 6 + 1 + 1);
  });

  it('under --lang en is RFC 4180 with unrounded numbers', () => {
    const model = report('en', municipal(), yearly);
    const csv = indicatorCsv(model.indicators[0], 'en');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('table,period,group,value,95 % lower limit,95 % upper limit,suppressed,provisional,comparison with the region');
    expect(lines[1]).toBe('year,2015,whole region,12.5,11.25,13.75,no,no,');
    expect(lines).toContain('municipality,2016,Herning (657),19.25,18.25,20.25,no,,similar to the region');
  });

  it('is placed in every indicator’s section of the report', async () => {
    const doc = await renderReportHtml(realisticReportModel('da'));
    expect(doc.match(/<a download="[^"]+\.csv" href="data:text\/csv;charset=utf-8,/g)).toHaveLength(CATALOGUE.length);
  });
});

describe('SPEC §13.9 assurance: an icon with words, never colour alone', () => {
  it('says "vil opfylde målet", "vil ikke opfylde målet", "kan opfylde målet" and the English mirrors, the icon hidden from screen readers', () => {
    const words: [Lang, string, string][] = [
      ['da', 'pass', 'vil opfylde målet'], ['da', 'fail', 'vil ikke opfylde målet'], ['da', 'inconsistent', 'kan opfylde målet'],
      ['en', 'pass', 'will meet the target'], ['en', 'fail', 'will not meet the target'], ['en', 'inconsistent', 'may meet the target'],
    ];
    for (const [lang, a, text] of words) {
      const badge = assuranceBadge(a as 'pass', lang);
      expect(badge).toMatch(new RegExp(`^<span class="badge assurance assurance-${a}"><svg [^>]*aria-hidden="true"[^>]*>.*</svg>${text}</span>$`));
    }
    expect(assuranceBadge(null, 'da')).toContain('ikke vurderet');
  });

  it('stands beside the variation in the report where the series carries it, and not where it is null', async () => {
    const base = realisticReportModel('da');
    const [first, second] = base.indicators;
    const model = { ...base, indicators: [{ ...first, monthly: { ...first.monthly!, assurance: 'fail' as const } }, { ...second, monthly: { ...second.monthly!, assurance: null } }] };
    const doc = await renderReportHtml(model);
    const section = (id: string) => doc.slice(doc.indexOf(`<article class="indicator" id="indicator-${id}"`), doc.indexOf('</article>', doc.indexOf(`id="indicator-${id}"`)));
    expect(section(first.id)).toContain('vil ikke opfylde målet</span>');
    expect(section(second.id)).not.toContain('assurance-');
  });

  it('is a column of the monitor page’s summary and a badge of each series', async () => {
    const base = realisticMonitorModel('en');
    const model = { ...base, charts: base.charts.slice(0, 2).map((c, i) => ({ ...c, series: { ...c.series, assurance: i === 0 ? ('pass' as const) : null } })) };
    const doc = await renderMonitorHtml(model);
    expect(doc).toContain('<th>Assurance of the target</th>');
    expect(doc.match(/will meet the target<\/span>/g)).toHaveLength(2); // summary row and the series' badges
    expect(doc).toContain('not assessed: needs a target and control limits');
  });
});

describe('SPEC §13.9 one municipality: the profile’s model', () => {
  // Six of the 19 with a value: 8, 10, 12 (Aarhus), 15, 20, 26; 706 hidden; Odense (outside) 99.
  const rows = (): Result[] => [
    result('readmission-30d', {}, { value: 13, ci95: [12, 14], ci998: [11.5, 14.5] }),
    muni('615', 8, 'better'),
    muni('657', 10, 'better'),
    muni('751', 12, 'similar'),
    muni('661', 15, 'similar'),
    muni('665', 20, 'worse'),
    muni('671', 26, 'worse'),
    muni('706', 1, 'better', { value: null, ci95: null, ci998: null, suppressed: true }),
    result('readmission-30d', { municipality: '461' }, { value: 99, ci95: [98, 100], ci998: [97, 101], comparison: null }),
  ];
  const model = (code: string, lang: Lang = 'da', trend: Series[] = []) =>
    municipalityProfileModel({ meta: realisticReportModel(lang).meta, year: 2016, code, indicators: CATALOGUE.filter((d) => d.id === 'readmission-30d'), municipal: rows(), trend, warnings: [] });

  it('takes the lowest and highest of the 19 with a value shown, and the quartiles of their middle half (type 7), never a hidden one or one outside the region', () => {
    const i = model('751').indicators[0];
    // Sorted 8, 10, 12, 15, 20, 26 (n = 6): Q1 at (6 − 1)·0.25 = 1.25 → 10 + 0.25·(12 − 10) = 10.5;
    // Q3 at 3.75 → 15 + 0.75·(20 − 15) = 18.75.
    expect(i).toMatchObject({ breakdown: true, value: 12, ci95: [11, 13], region: 13, n: 6, lowest: 8, highest: 26, q1: 10.5, q3: 18.75, level95: 'similar' });
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('marks a provisional value of the municipality "(foreløbig)" (SPEC §13.2)', () => {
    const provisional = rows().map((r) => (r.group.municipality === '751' ? { ...r, provisional: true } : r));
    const m = municipalityProfileModel({ meta: realisticReportModel('da').meta, year: 2016, code: '751', indicators: CATALOGUE.filter((d) => d.id === 'readmission-30d'), municipal: provisional, trend: [], warnings: [] });
    expect(m.indicators[0].provisional).toBe(true);
    expect(model('751').indicators[0].provisional).toBe(false);
    expect(renderProfileHtml(m)).toContain('<strong>12,0</strong> <span class="provisional">(foreløbig)</span></td>');
  });

  it('shows a hidden municipality as hidden, not compared', () => {
    const i = model('706').indicators[0];
    expect(i).toMatchObject({ value: null, suppressed: true, level95: null, level998: null, lowest: 8, highest: 26 });
  });

  it('takes the municipality’s monthly series as its trend', () => {
    const s = { indicator: 'readmission-30d', group: { municipality: '751' }, notes: [], points: [], variation: 'common_cause' } as unknown as Series;
    const other = { ...s, group: { municipality: '615' } } as Series;
    expect(model('751', 'da', [other, s]).indicators[0].trend?.group).toEqual({ municipality: '751' });
  });
});

describe('SPEC §13.9 one municipality: the profile’s page', () => {
  const rows: Result[] = [
    result('readmission-30d', {}, { value: 13, ci95: [12, 14], ci998: [11.5, 14.5] }),
    muni('615', 8, 'better'),
    muni('751', 12.25, 'similar'),
    muni('671', 26, 'worse'),
  ];
  const page = (lang: Lang) =>
    renderProfileHtml(
      municipalityProfileModel({ meta: realisticReportModel(lang).meta, year: 2016, code: '751', indicators: CATALOGUE.filter((d) => ['readmission-30d', 'lup-cooperation-gp'].includes(d.id)), municipal: rows, trend: [], warnings: [] }),
    );

  it('names the municipality, and per indicator its value, the region’s, the lowest and highest and the comparison — in Danish', () => {
    const html = page('da');
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Aarhus (751) – kommuneprofil 2016</h1>');
    const row = html.slice(html.indexOf('<th scope="row">Akutte genindlæggelser inden for 30 dage'), html.indexOf('</tr>', html.indexOf('<th scope="row">Akutte genindlæggelser')));
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells[0]).toBe('<strong>12,3</strong>'); // 12.25 to one decimal
    expect(cells[1]).toBe('11,3–13,3');
    expect(cells[2]).toBe('13,0');
    expect(cells[3]).toBe('8,0');
    expect(cells[4]).toBe('26,0');
    expect(cells[5]).toMatch(/^<svg class="spine" [^>]*role="img" aria-label="Akutte genindlæggelser inden for 30 dage, Aarhus: 12,3; regionen 13,0; kommunerne fra 8,0 til 26,0\.">/);
    expect(cells[5]).toContain('af 3 kommuner med en værdi');
    expect(cells[7]).toBe('<span class="sym-similar" aria-hidden="true">\u25cb</span> som regionen');
    // An indicator not broken down by municipality says so.
    expect(html).toMatch(/<td colspan="3" class="empty">opgøres ikke for kommunerne<\/td>/);
  });

  it('is the mirror in English, and gives the same bytes twice', () => {
    const html = page('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Aarhus (751) – municipality profile 2016</h1>');
    expect(html).toContain('aria-label="Acute readmissions within 30 days, Aarhus: 12.3; the region 13.0; the municipalities from 8.0 to 26.0."');
    expect(html).toContain('not broken down by municipality');
    expect(page('en')).toBe(html);
  });
});

describe('SPEC §13.9 the spine chart', () => {
  it('puts the region at the centre and reaches the farthest of lowest, highest and the municipality', () => {
    // Region 13; lowest 8 (5 below), highest 26 (13 above): reach 13. Width 140, padding 7:
    // half = 63, so 26 → 70 + 63 = 133, 8 → 70 − 63·5/13 ≈ 45.77, 13 → 70.
    const x = spineScale({ value: 12, region: 13, lowest: 8, highest: 26 }, 140);
    expect(x(13)).toBe(70);
    expect(x(26)).toBe(133);
    expect(x(8)).toBeCloseTo(45.769, 3);
  });

  it('draws the marker in its level’s shape: a diamond for worse, a filled circle for better, a hollow one for similar', () => {
    const base = { value: 20, region: 13, lowest: 8, highest: 26, q1: 10, q3: 18, label: 'x' };
    expect(spineSvg({ ...base, level: 'worse' })).toMatch(/<path d="M[^"]+Z" fill="#b3261e"/);
    expect(spineSvg({ ...base, level: 'better' })).toMatch(/<circle [^>]*r="5.5" fill="#1e6b32"/);
    expect(spineSvg({ ...base, level: 'similar' })).toMatch(/<circle [^>]*fill="#ffffff" stroke="#4b5360"/);
    expect(spineSvg({ ...base, value: null, level: null })).not.toMatch(/<circle|<path/);
  });
});
