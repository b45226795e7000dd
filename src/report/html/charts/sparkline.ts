// The overview's sparkline (SPEC §10 item 2): the monthly values as a small line, broken at
// gaps, with the last value as a dot. Hand-written SVG: a chart this small needs no axes, and
// the exact numbers are in the indicator's section.

import { PAPER, PROVISIONAL, SERIES } from '../palette.js';
import { escapeHtml } from '../text.js';

export interface SparklineInput {
  values: (number | null)[];
  /** SPEC §13.2: provisional values are drawn hollow and grey, off the line (default: none). */
  provisional?: boolean[];
  id: string;
  title: string;
  description: string;
  width?: number;
  height?: number;
}

/** Coordinates with one decimal: enough for a 120 px drawing, and the same bytes everywhere. */
const coord = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export function sparklineSvg(input: SparklineInput): string {
  const width = input.width ?? 120;
  const height = input.height ?? 28;
  const pad = 3;
  const isProvisional = (i: number) => input.provisional?.[i] === true;
  const present = input.values.filter((v): v is number => v !== null);
  const head =
    `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-labelledby="${input.id}-title ${input.id}-desc"><title id="${input.id}-title">${escapeHtml(input.title)}</title>` +
    `<desc id="${input.id}-desc">${escapeHtml(input.description)}</desc>`;
  if (present.length === 0) return `${head}</svg>`;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min;
  const n = input.values.length;
  const x = (i: number) => pad + (n === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (n - 1));
  // A flat series is drawn through the middle rather than along an edge.
  const y = (v: number) => (span === 0 ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / span);
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  input.values.forEach((v, i) => {
    if (v === null || isProvisional(i)) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    current.push([x(i), y(v)]);
  });
  if (current.length) segments.push(current);
  // A value between two gaps has no line to be part of: it is drawn as a small dot.
  const lines = segments
    .map((s) =>
      s.length === 1
        ? `<circle cx="${coord(s[0][0])}" cy="${coord(s[0][1])}" r="1.5" fill="${SERIES}"/>`
        : `<polyline points="${s.map(([px, py]) => `${coord(px)},${coord(py)}`).join(' ')}" fill="none" stroke="${SERIES}" stroke-width="1.5" stroke-linejoin="round"/>`,
    )
    .join('');
  const hollow = input.values
    .map((v, i) => (v !== null && isProvisional(i) ? `<circle cx="${coord(x(i))}" cy="${coord(y(v))}" r="2" fill="${PAPER}" stroke="${PROVISIONAL}" stroke-width="1"/>` : ''))
    .join('');
  // The last useful value gets the dot; a provisional one is not the latest figure to read.
  let last = n - 1;
  while (last >= 0 && (input.values[last] === null || isProvisional(last))) last--;
  const dot = last < 0 ? '' : `<circle cx="${coord(x(last))}" cy="${coord(y(input.values[last]!))}" r="2.5" fill="${SERIES}"/>`;
  return `${head}${lines}${hollow}${dot}</svg>`;
}
