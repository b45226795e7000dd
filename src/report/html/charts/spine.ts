// Fingertips' spine chart (SPEC §13.9 "One municipality"): the municipality's place among the
// region's 19 around the region's value. Hand-written SVG, as the sparkline: a chart this small
// needs no axis, and its numbers stand in the same table row. The region's value is the centre;
// the scale reaches the farthest of the lowest, the highest and the municipality on either side,
// so the region's rule is always in the middle and the picture is symmetric about it.

import { INTERVAL, LEVEL_COLOURS, LIMIT, PAPER, PROVISIONAL, REFERENCE, SPINE_RANGE } from '../palette.js';
import type { ComparisonLevel } from '../model.js';
import { escapeHtml } from '../text.js';

export interface SpineInput {
  value: number | null;
  region: number;
  lowest: number;
  highest: number;
  q1: number;
  q3: number;
  level: ComparisonLevel | null;
  /** The accessible name: the numbers in words (role="img"). */
  label: string;
  width?: number;
  height?: number;
}

const coord = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** The x position of each value, the region at the centre (exported for the tests). */
export function spineScale(input: Pick<SpineInput, 'value' | 'region' | 'lowest' | 'highest'>, width: number, pad = 7): (v: number) => number {
  const reach = Math.max(Math.abs(input.highest - input.region), Math.abs(input.region - input.lowest), input.value === null ? 0 : Math.abs(input.value - input.region));
  const half = (width - 2 * pad) / 2;
  return (v) => width / 2 + (reach === 0 ? 0 : ((v - input.region) / reach) * half);
}

export function spineSvg(input: SpineInput): string {
  const width = input.width ?? 140;
  const height = input.height ?? 22;
  const x = spineScale(input, width);
  const mid = height / 2;
  const parts: string[] = [];
  parts.push(`<rect x="${coord(x(input.lowest))}" y="${coord(mid - 5)}" width="${coord(Math.max(1, x(input.highest) - x(input.lowest)))}" height="10" fill="${SPINE_RANGE}" stroke="${LIMIT}" stroke-width="0.75"/>`);
  parts.push(`<rect x="${coord(x(input.q1))}" y="${coord(mid - 5)}" width="${coord(Math.max(1, x(input.q3) - x(input.q1)))}" height="10" fill="${INTERVAL}"/>`);
  parts.push(`<line x1="${coord(x(input.region))}" y1="1" x2="${coord(x(input.region))}" y2="${height - 1}" stroke="${REFERENCE}" stroke-width="2"/>`);
  if (input.value !== null) {
    const cx = x(input.value);
    const level = input.level;
    const colour = level === null ? PROVISIONAL : LEVEL_COLOURS[level];
    // The marker's shape is its level's, as in the municipality chart: never colour alone.
    if (level === 'worse' || level === 'lower') {
      parts.push(`<path d="M${coord(cx)} ${coord(mid - 6.5)} L${coord(cx + 6.5)} ${coord(mid)} L${coord(cx)} ${coord(mid + 6.5)} L${coord(cx - 6.5)} ${coord(mid)} Z" fill="${colour}" stroke="${PAPER}" stroke-width="1"/>`);
    } else if (level === 'better' || level === 'higher') {
      parts.push(`<circle cx="${coord(cx)}" cy="${coord(mid)}" r="5.5" fill="${colour}" stroke="${PAPER}" stroke-width="1"/>`);
    } else {
      parts.push(`<circle cx="${coord(cx)}" cy="${coord(mid)}" r="5" fill="${PAPER}" stroke="${colour}" stroke-width="2"/>`);
    }
  }
  return (
    `<svg class="spine" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(input.label)}">` +
    parts.join('') +
    `</svg>`
  );
}
