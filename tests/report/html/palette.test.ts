// WCAG 2.2 contrast of the documents' colours (SPEC §10: "colours meet WCAG AA contrast").
// Definitions from WCAG 2.2, "relative luminance" and "contrast ratio":
//   channel c = sRGB/255; linear = c ≤ 0.04045 ? c/12.92 : ((c + 0.055)/1.055)^2.4
//   L = 0.2126 R + 0.7152 G + 0.0722 B;  ratio = (L_lighter + 0.05) / (L_darker + 0.05)
// AA: text ≥ 4.5 (1.4.3); graphical objects a reader needs ≥ 3 (1.4.11).

import { describe, expect, it } from 'vitest';
import { GRAPHIC_COLOURS, PAPER, STATUS_BADGES, TEXT_PAIRS, VARIATION_BADGES } from '../../../src/report/html/palette.js';
import { STYLE } from '../../../src/report/html/style.js';

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the contrast formula', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    // L(white) = 1, L(black) = 0: (1 + 0.05) / (0 + 0.05) = 21.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrast('#1d4f91', '#1d4f91')).toBe(1);
  });

  it('gives 4.54:1 for #767676 on white, the lightest grey that passes AA', () => {
    // 0x76 = 118: c = 0.462745; ((c + 0.055)/1.055)^2.4 = 0.181164 = L (grey: R = G = B).
    // (1.05) / (0.181164 + 0.05) = 4.542.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.542, 3);
    // #777777 (0x77 = 119) is just below: 4.48.
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('the palette meets WCAG AA', () => {
  it.each(TEXT_PAIRS.map((p) => [p.use, p.fg, p.bg] as const))('text: %s (%s on %s) has contrast ≥ 4.5', (_, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(GRAPHIC_COLOURS.map((g) => [g.use, g.colour] as const))('chart mark: %s (%s) has contrast ≥ 3 on the paper', (_, colour) => {
    expect(contrast(colour, PAPER)).toBeGreaterThanOrEqual(3);
  });

  it('lists every status and variation badge among the tested text pairs', () => {
    for (const [status, b] of Object.entries(STATUS_BADGES)) {
      expect(TEXT_PAIRS, status).toContainEqual({ use: `status ${status}`, fg: b.fg, bg: b.bg });
    }
    for (const [variation, b] of Object.entries(VARIATION_BADGES)) {
      expect(TEXT_PAIRS, variation).toContainEqual({ use: `variation ${variation}`, fg: b.fg, bg: b.bg });
    }
  });

  it('writes no text colour in the style sheet that is not a tested foreground', () => {
    const tested = new Set(TEXT_PAIRS.map((p) => p.fg.toLowerCase()));
    const used = [...STYLE.matchAll(/(?<![-\w])color:(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase());
    expect(used.length).toBeGreaterThan(5);
    for (const c of used) expect(tested.has(c), c).toBe(true);
  });

  it('writes text on no background in the style sheet that is not a tested background', () => {
    const tested = new Set(TEXT_PAIRS.map((p) => p.bg.toLowerCase()));
    const used = [...STYLE.matchAll(/background:(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase());
    expect(used.length).toBeGreaterThan(3);
    for (const c of used) expect(tested.has(c), c).toBe(true);
  });
});
