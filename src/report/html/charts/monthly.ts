// The monthly run or control chart of one series (SPEC §7, §10 item 3): the values as a line
// with points, each phase's centre line, the control limits when the chart has them, sigma
// signals coloured and shaped by their own direction (SPEC §13.1: improvement a blue
// diamond, concern an orange square, no direction a grey cross — never red for both),
// provisional points hollow and grey outside the line (SPEC §13.2), a phase with a runs
// signal as a red dashed centre line (as qicharts2 marks it), the target and the baseline
// only where they apply to the chart's period kind (SPEC §13.3), phase starts and numbered
// annotations as vertical rules. Colour is never the only mark: signals differ by shape and
// line style as well, and the legend beside the chart names them in words.

import type { TopLevelSpec } from 'vega-lite';
import { LABELS } from '../i18n.js';
import type { BaselineModel, Direction, Lang, SeriesModel, TargetModel } from '../model.js';
import {
  ANNOTATION,
  CENTER,
  LIMIT,
  MUTED,
  PAPER,
  PROVISIONAL,
  SERIES,
  SIGNAL,
  SIGNAL_CONCERN,
  SIGNAL_IMPROVEMENT,
  SIGNAL_NEUTRAL,
  TARGET,
} from '../palette.js';
import { visibleControls } from '../text.js';
import { chartConfig } from './render.js';
import { baselineLayers } from './reference.js';
import { baselineShows, type ChartKind, targetShows, valueAxisTitle, valueDomain, zooms } from './scale.js';
import { periodStartMs } from './time.js';

/** One layer of a layered Vega-Lite spec. */
export type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

export interface MonthlyChartInput {
  series: SeriesModel;
  /** The result's target; drawn only where it applies to the series' period kind (SPEC §13.3). */
  target: TargetModel | null;
  /** The result's baseline; drawn only where §6.2 applies it to the series' period kind. */
  baseline?: BaselineModel | null;
  lang: Lang;
  width?: number;
  height?: number;
}

/** One row of the chart's data: a point of the series with what the layers need. */
export interface MonthlyChartRow {
  t: number;
  period: string;
  value: number | null;
  center: number | null;
  lcl: number | null;
  ucl: number | null;
  phase: number;
  sigma: boolean;
  /** SPEC §13.1: a sigma signal's own direction (null for other points). */
  signalDirection: SignalDirection | null;
  /** SPEC §13.2: shown, hollow and grey, but no part of the line of useful points. */
  provisional: boolean;
  /** The value on the line: null for a provisional point. */
  line: number | null;
  /** The point's phase has a runs signal. */
  runs: boolean;
  /** The annotation's number (1, 2, …) or null. */
  note: number | null;
  noteText: string | null;
}

/** SPEC §13.1: the direction of a sigma-signal point, by its side and the indicator's direction. */
export type SignalDirection = 'improvement' | 'concern' | 'neutral';

/** A sigma signal lies beyond a limit: above the upper (or the centre) is `above`. */
export function signalDirectionOf(
  p: { value: number | null; ucl: number | null; lcl: number | null; center: number | null },
  direction: Direction,
): SignalDirection {
  if (p.value === null || direction === 'none') return 'neutral';
  const above = p.ucl !== null && p.value > p.ucl ? true : p.lcl !== null && p.value < p.lcl ? false : p.center !== null ? p.value > p.center : null;
  if (above === null) return 'neutral';
  return above === (direction === 'higher_is_better') ? 'improvement' : 'concern';
}

/** The period kind of a series: quarters or months (SPEC §7). */
export function seriesKind(series: SeriesModel): ChartKind {
  return series.points.some((p) => /-Q/i.test(p.period)) ? 'quarter' : 'month';
}

/** The chart's data rows; annotations are numbered in the order of their periods. */
export function monthlyChartRows(series: SeriesModel): MonthlyChartRow[] {
  let note = 0;
  const rows: MonthlyChartRow[] = [];
  for (const p of series.points) {
    const t = periodStartMs(p.period);
    if (t === null) continue;
    const phase = series.phases[p.phase - 1];
    rows.push({
      t,
      period: p.period,
      value: p.value,
      center: p.center,
      lcl: p.lcl,
      ucl: p.ucl,
      phase: p.phase,
      sigma: p.sigma_signal,
      signalDirection: p.sigma_signal ? signalDirectionOf(p, series.direction) : null,
      provisional: p.provisional,
      line: p.provisional ? null : p.value,
      runs: phase ? phase.runs.signal : false,
      note: p.annotation ? ++note : null,
      noteText: p.annotation ? visibleControls(p.annotation) : null,
    });
  }
  return rows;
}

/** SPEC §13.1: the marks of the sigma signals by direction; shape as well as colour. */
export const SIGNAL_MARKS = {
  improvement: { shape: 'diamond', filled: true, fill: SIGNAL_IMPROVEMENT, strokeWidth: 1, size: 110 },
  concern: { shape: 'square', filled: true, fill: SIGNAL_CONCERN, strokeWidth: 1, size: 80 },
  neutral: { shape: 'cross', filled: true, fill: SIGNAL_NEUTRAL, strokeWidth: 1, size: 90 },
} as const;

/** Months between axis labels so that labels like "sep. 2016" do not collide at 600 px. */
function tickStep(points: number): number {
  if (points <= 8) return 1;
  if (points <= 16) return 2;
  if (points <= 30) return 3;
  if (points <= 72) return 6;
  return 12;
}

export function monthlyChartSpec(input: MonthlyChartInput): TopLevelSpec {
  const { series, lang } = input;
  const labels = LABELS[lang];
  const rows = monthlyChartRows(series);
  const kind = seriesKind(series);
  const quarterly = kind === 'quarter';
  // The label spacing is decided at 600 px; a narrower chart (the phone's, SPEC §13.10) spaces them as if it had more points.
  const step = tickStep(Math.ceil((rows.length * 600) / (input.width ?? 600))) * (quarterly ? 3 : 1);
  const target = targetShows(input.target, series.unit, kind) ? input.target!.value : null;
  const baseline = baselineShows(input.baseline ?? null, series.unit, kind) ? input.baseline!.value : null;
  // A yearly target says which year (its line spans every month).
  const targetLabel = input.target?.period ? `${labels.target} ${input.target.period}` : labels.target;
  const domain = valueDomain(
    [...rows.flatMap((r) => [r.value, r.center, r.lcl, r.ucl]), target, baseline],
    false,
  );
  const axisTitle = valueAxisTitle(series.unit, kind, lang, zooms(domain));
  const hasLimits = rows.some((r) => r.lcl !== null || r.ucl !== null);
  const phaseStarts = rows.filter((r, i) => i > 0 && r.phase !== rows[i - 1].phase);
  const x = {
    field: 't',
    type: 'temporal' as const,
    scale: { type: 'utc' as const, padding: 10 },
    axis: {
      title: null,
      // The year on January's and the first label, the month alone on the others: "jan. 2016", "jul.".
      labelExpr: "utcmonth(datum.value) == 0 || datum.index == 0 ? utcFormat(datum.value, '%b %Y') : utcFormat(datum.value, '%b')",
      tickCount: { interval: 'month' as const, step },
      labelOverlap: false,
      grid: false,
      labelFlush: false,
    },
  };
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain, zero: false, nice: false },
    axis: { title: axisTitle, grid: true, tickCount: 5 },
  });
  const layers: Layer[] = [];
  if (hasLimits) {
    for (const field of ['ucl', 'lcl']) {
      layers.push({
        mark: { type: 'line', interpolate: 'step', stroke: LIMIT, strokeWidth: 1.25, strokeDash: [5, 3] },
        encoding: { x, y: y(field), detail: { field: 'phase', type: 'nominal' } },
      });
    }
  }
  const centreLayers: Layer[] = [
    {
      transform: [{ filter: '!datum.runs' }],
      mark: { type: 'line', stroke: CENTER, strokeWidth: 1.5 },
      encoding: { x, y: y('center'), detail: { field: 'phase', type: 'nominal' } },
    },
    {
      transform: [{ filter: 'datum.runs' }],
      mark: { type: 'line', stroke: SIGNAL, strokeWidth: 2, strokeDash: [8, 4] },
      encoding: { x, y: y('center'), detail: { field: 'phase', type: 'nominal' } },
    },
  ];
  // A layer without rows would give vega an empty extent: add only the layers with data.
  if (rows.some((r) => !r.runs && r.center !== null)) layers.push(centreLayers[0]);
  if (rows.some((r) => r.runs && r.center !== null)) layers.push(centreLayers[1]);
  if (target !== null) {
    layers.push(
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', stroke: TARGET, strokeWidth: 2, strokeDash: [2, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target, text: targetLabel }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fill: TARGET, fontWeight: 'bold', x: 'width' },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  if (baseline !== null) {
    layers.push(...baselineLayers(baseline, labels.baseline));
  }
  if (phaseStarts.length) {
    layers.push(
      {
        data: { values: phaseStarts.map((r) => ({ t: r.t, text: `${labels.phase} ${r.phase}` })) },
        mark: { type: 'rule', stroke: MUTED, strokeWidth: 1, strokeDash: [1, 2] },
        encoding: { x: { field: 't', type: 'temporal' } },
      },
      {
        data: { values: phaseStarts.map((r) => ({ t: r.t, text: `${labels.phase} ${r.phase}` })) },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, fill: MUTED, y: 'height', dy: -2 },
        encoding: { x: { field: 't', type: 'temporal' }, text: { field: 'text' } },
      },
    );
  }
  const notes = rows.filter((r) => r.note !== null);
  // 200 px of text at the standard 600 px; a third of a narrower plot (the phone's, SPEC §13.10),
  // so that a note near the right edge does not widen the drawing by more than that.
  const annotationLimit = Math.round(Math.min(200, (input.width ?? 600) / 3));
  if (notes.length) {
    layers.push(
      {
        data: { values: notes.map((r) => ({ t: r.t })) },
        mark: { type: 'rule', stroke: ANNOTATION, strokeWidth: 1.25, strokeDash: [3, 2] },
        encoding: { x: { field: 't', type: 'temporal' } },
      },
      // Number and text at the top, on alternating lines so that neighbours do not collide;
      // the full text is listed under the chart.
      ...[0, 1].filter((line) => notes.length > line).map((line) => ({
        data: { values: notes.filter((_, i) => i % 2 === line).map((r) => ({ t: r.t, text: `${r.note} ${r.noteText}` })) },
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, y: 2 + 14 * line, fill: ANNOTATION, limit: annotationLimit, fontWeight: 'bold' as const },
        encoding: { x: { field: 't', type: 'temporal' as const }, text: { field: 'text' } },
      })),
    );
  }
  layers.push({
    mark: { type: 'line', stroke: SERIES, strokeWidth: 1.75 },
    encoding: { x, y: y('line') },
  });
  if (rows.some((r) => r.line !== null && !r.sigma)) {
    layers.push({
      transform: [{ filter: 'datum.line != null && !datum.sigma' }],
      mark: { type: 'point', shape: 'circle', filled: true, fill: SERIES, size: 26, opacity: 1 },
      encoding: { x, y: y('value') },
    });
  }
  // SPEC §13.1: each sigma signal in the colour and shape of its own direction.
  for (const d of ['improvement', 'concern', 'neutral'] as const) {
    if (!rows.some((r) => r.value !== null && r.signalDirection === d)) continue;
    layers.push({
      transform: [{ filter: `datum.value != null && datum.signalDirection == '${d}'` }],
      mark: { type: 'point', ...SIGNAL_MARKS[d], stroke: d === 'neutral' ? SIGNAL_MARKS[d].fill : PAPER, opacity: 1 },
      encoding: { x, y: y('value') },
    });
  }
  // SPEC §13.2: provisional points hollow and grey, off the line.
  if (rows.some((r) => r.value !== null && r.provisional)) {
    layers.push({
      transform: [{ filter: 'datum.value != null && datum.provisional' }],
      mark: { type: 'point', shape: 'circle', filled: true, fill: PAPER, stroke: PROVISIONAL, strokeWidth: 1.5, size: 40, opacity: 1 },
      encoding: { x, y: y('value') },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: input.width ?? 600,
    height: input.height ?? 220,
    config: chartConfig(),
    data: { values: rows },
    resolve: { scale: { y: 'shared' } },
    layer: layers,
  } as TopLevelSpec;
}
