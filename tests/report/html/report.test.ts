import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/indicators/catalogue.js';
import { clearChartCache } from '../../../src/report/html/charts/render.js';
import { chartTimings, renderMonitorHtml, renderReportHtml } from '../../../src/report/html/index.js';
import type { ReportHtmlModel } from '../../../src/report/html/model.js';
import { ensureBuilt, ROOT } from '../../e2e/helpers.js';
import { realisticMonitorModel, realisticReportModel } from './fixture.js';

let da: string;
let en: string;

beforeAll(async () => {
  da = await renderReportHtml(realisticReportModel('da'));
  en = await renderReportHtml(realisticReportModel('en'));
}, 60_000);

/** The text of an element with the given id (first level only; enough for the cards). */
function element(html: string, id: string): string {
  const start = html.indexOf(` id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))![1];
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(open, end);
}

describe('a self-contained document (SPEC §10 requirements)', () => {
  it('is one HTML5 document in the requested language', () => {
    expect(da.startsWith('<!DOCTYPE html>\n<html lang="da">')).toBe(true);
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(da.endsWith('</html>\n')).toBe(true);
  });

  it('has no script, no event handler attribute and no JavaScript URL', () => {
    expect(da).not.toMatch(/<script/i);
    expect(da).not.toMatch(/\son[a-z]+=/i);
    expect(da).not.toMatch(/javascript:/i);
  });

  it('fetches nothing: no external style, font, image, frame or link, and no URL at all but its own CSV data: links (SPEC §13.9)', () => {
    expect(da).not.toMatch(/<link|<img|<iframe|<object|<embed|<image|<use\b|@import|@font-face/i);
    expect(da).not.toMatch(/\ssrc=/i);
    expect(da).not.toMatch(/https?:|\/\/[a-z]/i);
    // A fragment, or a CSV download whose whole content is in the link (percent-encoded, so no
    // quote, space or angle bracket can end it early).
    for (const m of da.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[\w-]+|data:text\/csv;charset=utf-8,[A-Za-z0-9%\-_.!~*'()]*)$/);
    for (const m of da.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#/);
  });

  it('gives every id once, and every in-page link a target', () => {
    const ids = [...da.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of da.matchAll(/href="#([^"]+)"/g)) expect(ids, m[1]).toContain(m[1]);
  });

  it('gives every chart a text alternative (<title> and <desc>) and a data table or a legend of its figures', () => {
    const svgs = [...da.matchAll(/<svg [^>]*role="img"[^>]*>(.{0,3000})/g)];
    expect(svgs.length).toBeGreaterThan(CATALOGUE.length);
    for (const m of svgs) expect(m[1]).toMatch(/^<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    const figures = [...da.matchAll(/<figure class="chart[^"]*"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures.length).toBeGreaterThan(40);
    for (const f of figures) expect(f).toMatch(/<details><summary>Datatabel<\/summary>[\s\S]*<table/);
  });

  it('is byte-identical when rendered twice from the same model', async () => {
    expect(await renderReportHtml(realisticReportModel('da'))).toBe(da);
  });

  it('is byte-identical under other time zones (America/New_York, Asia/Tokyo) in fresh processes', async () => {
    ensureBuilt();
    const entry = pathToFileURL(join(ROOT, 'dist', 'report', 'html', 'index.js')).href;
    const script =
      `import { renderReportHtml } from ${JSON.stringify(entry)};\n` +
      `let input = ''; process.stdin.setEncoding('utf8');\n` +
      `for await (const chunk of process.stdin) input += chunk;\n` +
      `process.stdout.write(await renderReportHtml(JSON.parse(input)));\n`;
    const model = JSON.stringify(realisticReportModel('da'));
    const render = (tz: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(model);
      });
    const zones = ['America/New_York', 'Asia/Tokyo'];
    const runs = await Promise.all(zones.map(render));
    runs.forEach((run, i) => {
      expect(run.stderr, zones[i]).toBe('');
      expect(run.code, zones[i]).toBe(0);
      expect(run.stdout === da, `${zones[i]}: output differs from the Europe/Copenhagen rendering`).toBe(true);
    });
  }, 240_000);
});

describe('the Triple Aim overview (SPEC §10 item 2)', () => {
  it('has three columns in the order population health, quality, cost', () => {
    const aims = [...da.matchAll(/<section class="aim aim-(\w+)"/g)].map((m) => m[1]);
    expect(aims).toEqual(['population_health', 'quality', 'cost']);
  });

  it('shows every indicator of the catalogue as a card in its aim’s column, and as a section', () => {
    for (const def of CATALOGUE) {
      const column = element(da, `aim-${def.aim}`);
      expect(column, def.id).toBeDefined();
      expect(da).toContain(`<li class="card" id="overview-${def.id}" data-indicator="${def.id}">`);
      expect(da).toContain(`<article class="indicator" id="indicator-${def.id}" data-indicator="${def.id}"`);
    }
    const aimOfCard = [...da.matchAll(/<section class="aim aim-(\w+)"[\s\S]*?<\/ol><\/section>/g)].flatMap((m) =>
      [...m[0].matchAll(/data-indicator="([^"]+)"/g)].map((c) => `${c[1]}:${m[1]}`),
    );
    expect(aimOfCard.sort()).toEqual(CATALOGUE.map((d) => `${d.id}:${d.aim}`).sort());
  });

  it('shows the value with its interval, baseline, target, change, status and variation on a card', () => {
    // smoke-free-6m: the catalogue's national benchmark 43 % (no period) and target 50 %.
    const model = realisticReportModel('da');
    const r = model.indicators.find((i) => i.id === 'smoke-free-6m')!;
    const card = element(da, 'overview-smoke-free-6m');
    const v = r.year.value!.toFixed(1).replace('.', ',');
    const [lo, hi] = r.year.ci95!.map((x) => x.toFixed(1).replace('.', ','));
    expect(card).toContain(`<span class="num">${v}</span><span class="unit">%</span>`);
    expect(card).toContain(`95 %-KI <span class="nw">${lo}\u2013${hi}</span>`);
    expect(card).toContain('<dt>Udgangspunkt</dt><dd>43,0\u00a0%</dd>');
    expect(card).toContain('<dt>Mål</dt><dd>mindst 50,0\u00a0%</dd>');
    expect(card).toMatch(/<dt>Ændring<\/dt><dd>[+\u2212]\d+,\d\u00a0%\u2011point<\/dd>/);
    expect(card).toContain(`<span class="badge target-${r.year.target_verdict}">`);
    expect(card).toContain(`<span class="badge change-${r.year.baseline_verdict}">`);
    expect(card).toContain(`<span class="badge variation-${r.monthly!.variation}">`);
    expect(card).toContain('<svg class="sparkline"');
  });

  it('shows the LUP patient types beside the total, each with its own baseline and status (SPEC §3.2)', () => {
    // lup-cooperation-school: catalogue baselines 2013 outpatient 73, inpatient 75; target 90.
    const model = realisticReportModel('da');
    const lup = model.indicators.find((i) => i.id === 'lup-cooperation-school')!;
    const card = element(da, 'overview-lup-cooperation-school');
    const [out, inp] = lup.groups.map((g) => g.figure);
    expect(card).toContain(
      `<tr><th scope="row">Ambulante patienter</th><td class="num">${out.value!.toFixed(1).replace('.', ',')} <span class="muted">(73,0\u00a0% (2013))</span></td>` +
        `<td><span class="badge target-${out.target_verdict}">`,
    );
    expect(card).toContain(`<tr><th scope="row">Indlagte patienter</th><td class="num">${inp.value!.toFixed(1).replace('.', ',')} <span class="muted">(75,0\u00a0% (2013))</span>`);
    const section = da.slice(da.indexOf('<article class="indicator" id="indicator-lup-cooperation-school"'));
    expect(section.slice(0, section.indexOf('</article>'))).toContain('<table class="groups">');
    expect(element(da, 'overview-readmission-30d')).not.toContain('card-groups');
  });

  it('writes a verdict as words with its symbol, never by colour alone and never with an arrow or triangle (SPEC §6.3, §13.4)', () => {
    expect(da).toContain('<span class="badge target-met">✓ mål nået</span>');
    expect(da).toContain('<span class="badge target-not_met">✗ mål ikke nået</span>');
    expect(en).toContain('<span class="badge change-worse">worse than the baseline</span>');
    // No verdict says "better" or "worse" without saying against what.
    expect(da).not.toMatch(/>(bedre|dårligere)</);
    expect(en).not.toMatch(/>(better|worse)</);
    expect(da).not.toMatch(/[←↑→↓↗↘↙↖⇧⇩▲▼△▽◀▶⬆⬇]/u);
    expect(en).not.toMatch(/[←↑→↓↗↘↙↖⇧⇩▲▼△▽◀▶⬆⬇]/u);
  });

  it('shows a suppressed value as <N with the threshold and a value not computed as –', () => {
    expect(element(da, 'overview-vulnerable-pregnancy-team-before-week-24')).toContain('<span class="num">&lt;5</span>');
    expect(element(da, 'overview-audits-with-citizens')).toContain('<span class="num">–</span>');
    expect(element(da, 'overview-audits-with-citizens')).toContain('status-not_computed');
  });
});

describe('language (SPEC §10 --lang da|en)', () => {
  it('uses Danish labels, month names and the decimal comma with --lang da', () => {
    expect(da).toContain('Triple Aim-overblik');
    expect(da).toContain('januar 2013 – december 2016');
    expect(da).toMatch(/<td class="num">\d+,\d<\/td>/);
    expect(da).toContain('48.213'); // admissions rows with a thousands point
  });

  it('uses English labels, month names and the decimal point with --lang en', () => {
    expect(en).toContain('Triple Aim overview');
    expect(en).toContain('January 2013 – December 2016');
    expect(en).toContain('48,213');
    expect(en).not.toContain('Triple Aim-overblik');
  });
});

describe('the parts after the indicators (SPEC §10 item 4)', () => {
  it('has definitions of every indicator, the notes, the warnings and the suppression statement', () => {
    const model = realisticReportModel('da');
    for (const i of model.indicators) expect(da).toContain(`<dt id="definition-${i.id}">`);
    expect(da).toContain('<h3 id="warnings">Advarsler</h3>');
    expect(da).toContain('follow-up is incomplete');
    expect(da).toContain(model.meta.suppression.description);
  });

  it('names the inputs with rows, rejected rows, encoding and checksum, the definition version and the threshold', () => {
    expect(da).toContain('<td class="sha">3f6b0c1ad2e94c5e8b7a61f0d9c2e4b5a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2</td>');
    expect(da).toContain('<td>windows-1252</td>');
    expect(da).toContain('rm-2015-2018.1');
    expect(da).toContain('antal fra 1 til 4 skjules (vist som &lt;5)');
    expect(da).toContain('<dt>Dannet</dt><dd>ikke angivet</dd>');
  });
});

describe('text from data is escaped', () => {
  it('escapes names, notes, paths and annotations, and shows their control characters as pictures', async () => {
    const model: ReportHtmlModel = realisticReportModel('en');
    const hostile = '<script>alert("x")</script> & \u0001';
    model.indicators[0].name_en = hostile;
    model.indicators[0].monthly!.points[3].annotation = hostile;
    model.meta.inputs[0].path = hostile;
    model.warnings.push(hostile);
    model.notes.push(hostile);
    const html = await renderReportHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('\u0001');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; \u2401');
  });
});

describe('series and lists without values', () => {
  it('shows a note and the data table instead of a chart when no month, year or municipality has a value', async () => {
    const m = realisticReportModel('en');
    m.indicators = m.indicators.slice(0, 1);
    const i = m.indicators[0];
    i.monthly!.points = i.monthly!.points.map((p) => ({ ...p, value: null, center: null, lcl: null, ucl: null, sigma_signal: false, suppressed: true }));
    i.monthly!.phases = i.monthly!.phases.map((p) => ({ ...p, center: null }));
    i.yearly = i.yearly.map((y) => ({ ...y, value: null, ci95: null }));
    i.municipalities = { reference: null, municipalities: i.municipalities!.municipalities.map((x) => ({ ...x, value: null, ci95: null, level95: null })) };
    const html = await renderReportHtml(m);
    expect(html.match(/No values to draw \(not computed or suppressed\); see the data table\./g)).toHaveLength(3);
    expect(html).not.toContain('<svg class="marks"');
    expect(html).toContain('<td class="num">&lt;5</td>');
  });

  it('draws a series of a single month and a single municipality', async () => {
    const m = realisticReportModel('da');
    m.indicators = m.indicators.slice(1, 2);
    const i = m.indicators[0];
    i.monthly!.points = i.monthly!.points.slice(-1).map((p) => ({ ...p, phase: 1 }));
    i.monthly!.phases = i.monthly!.phases.slice(0, 1);
    i.municipalities!.municipalities = i.municipalities!.municipalities.slice(0, 1);
    const html = await renderReportHtml(m);
    // Monthly and municipalities each drawn twice (wide, and the phone's, SPEC §13.10), yearly once.
    expect(html.match(/<svg class="marks"/g)!.length).toBe(5);
    expect(html.match(/<div class="chart-narrow"><svg class="marks"/g)!.length).toBe(2);
  });

  it('renders a report without indicators as a document with empty columns', async () => {
    const m = realisticReportModel('en');
    m.indicators = [];
    const html = await renderReportHtml(m);
    expect(html).toContain('<section class="aim aim-cost" aria-labelledby="aim-cost">');
    expect(html.endsWith('</html>\n')).toBe(true);
  });
});

describe('size and speed (SPEC §10; every indicator × 48 months × 19 municipalities)', () => {
  it('renders the report in well under 10 s of CPU time and far under 5 MB, and prints the figures', async () => {
    const model = realisticReportModel('da');
    expect(model.indicators).toHaveLength(CATALOGUE.length);
    expect(model.indicators[0].monthly!.points).toHaveLength(48);
    expect(model.indicators[0].municipalities!.municipalities).toHaveLength(19);
    clearChartCache(); // every chart structure compiled anew, as in a fresh process
    const before = chartTimings.length;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const html = await renderReportHtml(model);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const charts = chartTimings.slice(before);
    const bytes = Buffer.byteLength(html, 'utf8');
    const sorted = [...charts].sort((a, b) => a - b);
    console.log(
      `report html: ${Math.round(wall)} ms wall, ${Math.round(cpuMs)} ms CPU, ${(bytes / 1024 / 1024).toFixed(2)} MB, ` +
        `${charts.length} vega charts (wall per chart: median ${sorted[sorted.length >> 1].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms)`,
    );
    // CPU time, not wall time: the bar is about the renderer, not about what else the machine runs.
    expect(cpuMs).toBeLessThan(10_000);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('monitor --format html (SPEC §7, §10)', () => {
  it('draws one chart per series, with its group, and the summary links to each', async () => {
    const model = realisticMonitorModel('da');
    const html = await renderMonitorHtml(model);
    const articles = [...html.matchAll(/<article class="series" id="(series-\d+)" data-indicator="([^"]+)"/g)];
    expect(articles.map((m) => m[2])).toEqual(model.charts.map((c) => c.indicator.id));
    for (const [, id] of articles) expect(html).toContain(`href="#${id}"`);
    expect(html).toContain('hele regionen');
    expect(html).not.toMatch(/<script|https?:/i);
    expect(await renderMonitorHtml(realisticMonitorModel('da'))).toBe(html);
  });

  it('names a municipality group by name and code', async () => {
    const model = realisticMonitorModel('en');
    model.charts = [{ ...model.charts[0], series: { ...model.charts[0].series, group: { municipality: '751' } } }];
    const html = await renderMonitorHtml(model);
    expect(html).toContain('Aarhus (751)');
  });
});
