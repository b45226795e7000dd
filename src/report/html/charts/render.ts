// Vega-Lite specifications rendered to inline SVG in Node by vega's headless view (SPEC §10:
// "drawn with a well-kept visualisation library"): no canvas, no browser, no script in the
// document. Every chart keeps its specification beside its data (charts/*.ts export a
// `...Spec(model)` function), so that a chart can be reproduced or restyled in any Vega-Lite
// editor from the same JSON.

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartNumberLocale, chartTimeLocale } from '../i18n.js';
import type { Lang } from '../model.js';
import { INK, MUTED, PAPER, RULE } from '../palette.js';
import { escapeHtml } from '../text.js';

/** The documents' font stack; vega measures text by estimate, so no font file is needed. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

/** The look every chart shares (Vega-Lite `config`). */
export function chartConfig(): NonNullable<TopLevelSpec['config']> {
  return {
    // The SVG as a whole gets role="img" with our own <title> and <desc> below; vega's
    // generated English ARIA labels would only add noise in a Danish document.
    aria: false,
    background: PAPER,
    font: FONT,
    padding: { left: 4, right: 12, top: 8, bottom: 4 },
    view: { stroke: null },
    axis: {
      labelColor: INK,
      titleColor: INK,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      domainColor: MUTED,
      tickColor: MUTED,
      gridColor: RULE,
      gridOpacity: 0.6,
    },
    text: { font: FONT, fontSize: 11 },
  };
}

export interface ChartText {
  /** Short name of the chart (SVG <title>). */
  title: string;
  /** What the chart shows, for a reader who cannot see it (SVG <desc>). */
  description: string;
}

/** Milliseconds spent in vega per chart, for the size-and-speed figures (SPEC §12 style). */
export const chartTimings: number[] = [];

/**
 * Compiles a Vega-Lite spec and renders it to one SVG element for inline use in HTML: with
 * `role="img"`, a <title> and a <desc>, its ids (vega numbers clip paths and gradients with
 * process-wide counters) renamed in order of appearance under `idPrefix` — so the same chart
 * gives the same bytes however many charts were drawn before, and two charts in one document
 * never share an id — and without the XML namespace attributes that HTML does not need.
 */
export async function renderChart(spec: TopLevelSpec, lang: Lang, idPrefix: string, text: ChartText): Promise<string> {
  const started = performance.now();
  const problems: string[] = [];
  const logger = collectingLogger(problems);
  const { runtime, datasets } = compiled(spec, logger);
  const view = new vega.View(runtime, {
    renderer: 'none',
    logger,
    logLevel: vega.Warn,
    locale: { number: chartNumberLocale(lang), time: chartTimeLocale(lang) },
    // vega-view reads `locale` as {number, time} definitions (d3-format and d3-time-format
    // shapes) and builds the formatters itself; its typings declare the built formatters.
  } as unknown as ConstructorParameters<typeof vega.View>[1]);
  for (const [name, values] of datasets) view.data(name, values);
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  // A chart that vega warns about is a chart that may show something else than meant.
  if (problems.length) throw new Error(`chart ${idPrefix} (${text.title}): ${problems.join('; ')}`);
  chartTimings.push(performance.now() - started);
  return finishSvg(svg, idPrefix, text);
}

/**
 * Compiling (vega-lite) and parsing (vega) take about half of a chart's time, and most charts
 * of a document share their structure and differ in data only (the same indicator in 19
 * municipalities). So each inline `data: { values }` of the spec is replaced by a named
 * dataset, the spec without its values is compiled and parsed once per structure, and the
 * values are handed to each new View. What vega draws is the same as from the inline spec;
 * tests/report/html/charts.test.ts compares the two.
 */
const runtimes = new Map<string, vega.Runtime>();
const RUNTIME_CACHE_SIZE = 256;

function compiled(spec: TopLevelSpec, logger: vega.LoggerInterface): { runtime: vega.Runtime; datasets: [string, unknown[]][] } {
  const datasets: [string, unknown[]][] = [];
  const structure = withNamedData(spec, datasets);
  const key = JSON.stringify(structure);
  let runtime = runtimes.get(key);
  if (!runtime) {
    const empty = Object.fromEntries(datasets.map(([name]) => [name, []]));
    runtime = vega.parse(compile({ ...structure, datasets: empty } as TopLevelSpec, { logger }).spec);
    if (runtimes.size >= RUNTIME_CACHE_SIZE) runtimes.clear();
    runtimes.set(key, runtime);
  }
  return { runtime, datasets };
}

/** Forgets the compiled structures (tests compare a first compilation with a cached one). */
export function clearChartCache(): void {
  runtimes.clear();
}

/** A copy of the spec whose inline data are named datasets `data-1`, `data-2`, … (in `datasets`). */
function withNamedData(node: unknown, datasets: [string, unknown[]][]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  const data = out.data as { values?: unknown } | undefined;
  if (data && Array.isArray(data.values)) {
    const name = `data-${datasets.length + 1}`;
    datasets.push([name, data.values]);
    out.data = { name };
  }
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((child) => withNamedData(child, datasets));
  }
  if (out.spec) out.spec = withNamedData(out.spec, datasets);
  return out;
}

/** A vega logger that keeps warnings and errors instead of printing them. */
function collectingLogger(problems: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const keep = (kind: string) => (...args: unknown[]) => {
    problems.push(`${kind}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
    return logger;
  };
  const logger: vega.LoggerInterface = {
    level(next?: number) {
      if (next === undefined) return level;
      level = next;
      return logger;
    },
    error: keep('error'),
    warn: keep('warning'),
    info: () => logger,
    debug: () => logger,
  } as vega.LoggerInterface;
  return logger;
}

function finishSvg(svg: string, idPrefix: string, text: ChartText): string {
  const renamed = new Map<string, string>();
  const rename = (id: string) => {
    let next = renamed.get(id);
    if (next === undefined) {
      next = `${idPrefix}-d${renamed.size + 1}`;
      renamed.set(id, next);
    }
    return next;
  };
  let out = svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/ version="1\.1"/, '');
  // SPEC §13.10: the SVG is one image with one name (its <title> and <desc>). vega still marks
  // its groups role="graphics-symbol" with a roledescription; inside role="img" those are
  // nameless images to axe (svg-img-alt) and noise to a screen reader, so they go.
  out = out.replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  out = out.replace(
    /^<svg([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeHtml(text.title)}</title>` +
      `<desc id="${descId}">${escapeHtml(text.description)}</desc>`,
  );
  return out;
}

/** The phone's drawing of a wide chart is at most this wide in all (px): its 11 px labels stay at least 10 px on a 390 px phone (358 px of page). */
export const PHONE_CHART_WIDTH = 370;

/**
 * A chart drawn twice (SPEC §13.10): `wide` for screens and paper, and `narrow(plotWidth)` for a
 * phone, where the wide one scaled to the screen would set its labels at 5–7 px. The narrow
 * one's plot starts at `plotWidth`; when labels, titles or texts beside the plot make the whole
 * drawing wider than PHONE_CHART_WIDTH, it is drawn again with the plot narrowed by the excess
 * (at most three times, not below 60 px). The style sheet shows one of the two (`.chart-wide`,
 * `.chart-narrow`), so a reader, a screen reader or a printer meets one image with one name.
 */
export async function renderResponsiveChart(
  wide: TopLevelSpec,
  narrow: (plotWidth: number) => TopLevelSpec,
  plotWidth: number,
  lang: Lang,
  idPrefix: string,
  text: ChartText,
): Promise<string> {
  const w = await renderChart(wide, lang, idPrefix, text);
  let n = await renderChart(narrow(plotWidth), lang, `${idPrefix}-phone`, text);
  // Texts beside or past the plot do not shrink with it: narrow again (at most three times).
  for (let tries = 0, width = plotWidth; tries < 3 && svgWidth(n) > PHONE_CHART_WIDTH && width > 60; tries++) {
    width = Math.max(60, width - (svgWidth(n) - PHONE_CHART_WIDTH));
    n = await renderChart(narrow(width), lang, `${idPrefix}-phone`, text);
  }
  return `<div class="chart-wide">${w}</div><div class="chart-narrow">${n}</div>`;
}

function svgWidth(svg: string): number {
  return Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
}
