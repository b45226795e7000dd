// The municipalities compared with the region (SPEC §8.3, §10 item 3): a dot per
// municipality with its 95 % interval, sorted by value, and the region's value as a vertical
// reference rule — the "caterpillar" chart of Fingertips. The comparison level is shown by
// colour AND shape (better or higher: filled circle; worse or lower: filled diamond; similar:
// hollow circle), and in words in the data table. A municipality without a value keeps its
// row and says why ("<5" suppressed, "–" not computed). The codes outside the region are one
// last row (SPEC §13.5) with its value in grey words: no dot, no interval, no colour, and no
// part of the axis's extent.

import type { TopLevelSpec } from 'vega-lite';
import { LABELS } from '../i18n.js';
import type { ComparisonLevel, Lang, MunicipalityComparisonModel, Unit } from '../model.js';
import { INTERVAL, LEVEL_COLOURS, MUTED, PAPER, REFERENCE } from '../palette.js';
import { formatValue, visibleControls } from '../text.js';
import { chartConfig } from './render.js';
import { valueAxisTitle, valueDomain, zooms } from './scale.js';

export interface MunicipalityChartInput {
  comparison: MunicipalityComparisonModel;
  unit: Unit;
  minCell: number;
  lang: Lang;
  /** Width of the plot (default 300); the phone's version is narrower (SPEC §13.10). */
  width?: number;
  /**
   * The phone's drawing: the outside row writes its value alone (the note under the chart says
   * it is not compared) and the region's rule has no text beside it (the legend and the
   * caption say it), so that no text runs past a narrow plot.
   */
  phone?: boolean;
}

/** `none`: a value without a comparison (the region's value is missing): hollow and grey. */
type Marker = ComparisonLevel | 'none';
const LEVELS: Marker[] = ['better', 'higher', 'similar', 'worse', 'lower', 'none'];
const SHAPES: Record<Marker, string> = { better: 'circle', higher: 'circle', similar: 'circle', worse: 'diamond', lower: 'diamond', none: 'circle' };
const STROKES: Record<Marker, string> = { ...LEVEL_COLOURS, none: MUTED };
const FILLS: Record<Marker, string> = { ...LEVEL_COLOURS, similar: PAPER, none: PAPER };

/** The label of a municipality on the axis: its name with its code (SPEC §13.5), or the code. */
export function municipalityLabel(m: { code: string; name: string | null }): string {
  return visibleControls(m.name === null ? m.code : `${m.name} (${m.code})`);
}

export function municipalityChartSpec(input: MunicipalityChartInput): TopLevelSpec {
  const labels = LABELS[input.lang];
  const { comparison } = input;
  // Highest value on top; municipalities without a value last, in the model's order.
  const ordered = comparison.municipalities
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.value === null || b.m.value === null) return a.m.value === null ? (b.m.value === null ? a.i - b.i : 1) : -1;
      return b.m.value - a.m.value || a.i - b.i;
    })
    .map((e) => e.m);
  const rows = ordered.map((m) => ({
    label: municipalityLabel(m),
    value: m.value,
    lo: m.ci95 ? m.ci95[0] : null,
    hi: m.ci95 ? m.ci95[1] : null,
    level: (m.level95 ?? 'none') as Marker,
    missing: m.value === null ? (m.suppressed ? `${labels.suppressed(input.minCell)}` : labels.notComputed) : null,
  }));
  // The axis spans the region's municipalities and the region's value only (SPEC §13.5).
  const xDomain = valueDomain([...rows.flatMap((r) => [r.value, r.lo, r.hi]), comparison.reference], false, 6);
  const outside = comparison.outside ?? null;
  if (outside) {
    const value = outside.suppressed ? labels.suppressed(input.minCell) : outside.value === null ? labels.notComputed : formatValue(outside.value, input.unit, input.lang);
    rows.push({ label: labels.outsideRegion, value: null, lo: null, hi: null, level: 'none', missing: input.phone ? value : `${value} · ${labels.notCompared}` });
  }
  const domain = rows.map((r) => r.label);
  const y = { field: 'label', type: 'nominal' as const, sort: domain, scale: { domain }, axis: { title: null, labelLimit: 240 } };
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain: xDomain, zero: false, nice: false },
    axis: {
      title: valueAxisTitle(input.unit, null, input.lang, zooms(xDomain)),
      grid: true,
      tickCount: 6,
      orient: 'top' as const,
      // On the phone's narrow plot the title ends at the plot's right edge and runs left over
      // the names' column, rather than past the drawing's right edge (SPEC §13.10).
      ...(input.phone ? { titleAnchor: 'end' as const, titleAlign: 'right' as const } : {}),
    },
  });
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (rows.some((r) => r.lo !== null)) {
    layers.push({
      transform: [{ filter: 'datum.lo != null' }],
      mark: { type: 'rule', stroke: INTERVAL, strokeWidth: 1.5 },
      encoding: { y, x: x('lo'), x2: { field: 'hi' } },
    });
  }
  if (comparison.reference !== null) {
    const text = `${labels.region} ${formatValue(comparison.reference, input.unit, input.lang)}`;
    layers.push(
      {
        data: { values: [{ reference: comparison.reference }] },
        mark: { type: 'rule', stroke: REFERENCE, strokeWidth: 1.5 },
        encoding: { x: { field: 'reference', type: 'quantitative' } },
      },
      // Not on the phone's narrow plot, where it would run past the drawing: there the legend
      // names the rule and the caption above the chart gives the region's value.
      ...(input.phone
        ? []
        : [
            {
              data: { values: [{ reference: comparison.reference, text }] },
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 4, y: 'height' as const, dy: -2, fill: REFERENCE, fontWeight: 'bold' as const },
              encoding: { x: { field: 'reference', type: 'quantitative' as const }, text: { field: 'text' } },
            },
          ]),
    );
  }
  if (rows.some((r) => r.value !== null)) {
    layers.push({
      transform: [{ filter: 'datum.value != null' }],
      mark: { type: 'point', size: 80, strokeWidth: 2, opacity: 1 },
      encoding: {
        y,
        x: x('value'),
        shape: { field: 'level', type: 'nominal', scale: { domain: LEVELS, range: LEVELS.map((l) => SHAPES[l]) }, legend: null },
        stroke: { field: 'level', type: 'nominal', scale: { domain: LEVELS, range: LEVELS.map((l) => STROKES[l]) }, legend: null },
        fill: { field: 'level', type: 'nominal', scale: { domain: LEVELS, range: LEVELS.map((l) => FILLS[l]) }, legend: null },
      },
    });
  }
  if (rows.some((r) => r.missing !== null)) {
    layers.push({
      transform: [{ filter: 'datum.missing != null' }],
      mark: { type: 'text', align: 'left', x: 4, fill: MUTED, fontStyle: 'italic' },
      encoding: { y, text: { field: 'missing' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: input.width ?? 300,
    height: { step: 15 },
    config: chartConfig(),
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
