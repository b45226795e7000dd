// The colours of the HTML documents, declared once: the style sheet and the charts read them,
// and tests/report/html/palette.test.ts computes the WCAG 2 contrast of every pair listed in
// TEXT_PAIRS (AA: 4.5:1 for text) and of every GRAPHIC colour against the paper (1.4.11: 3:1
// for the parts of a chart a reader needs). Colour never carries a meaning alone: statuses
// have words and symbols, chart signals have shapes and line styles too (SPEC §10).

import type { ComparisonLevel, Status, Variation } from './model.js';

export const PAPER = '#ffffff';
export const INK = '#1b1f24';
export const MUTED = '#4b5360';
/** Backgrounds of table headers, zebra rows and the provenance box. */
export const SHADE = '#f3f5f8';
/** Every other table row. */
export const ZEBRA = '#fafbfc';
export const RULE = '#c9ced6';
export const LINK = '#1d4f91';

/** The series itself: line and points. */
export const SERIES = '#1d4f91';
/** Centre line without a runs signal. */
export const CENTER = '#4b5360';
/** Control limits. */
export const LIMIT = '#767f8c';
/** Sigma and runs signals. */
export const SIGNAL = '#b3261e';
export const TARGET = '#1e6b32';
export const ANNOTATION = '#6b3fa0';
/** Interval whiskers and the region's reference rule. */
export const INTERVAL = '#5d6775';
export const REFERENCE = '#1b1f24';

export interface Badge {
  fg: string;
  bg: string;
  border: string;
}

export const STATUS_BADGES: Record<Status, Badge> = {
  met: { fg: '#1e6b32', bg: '#e7f4ea', border: '#1e6b32' },
  improving: { fg: '#0d5e69', bg: '#e2f3f5', border: '#0d5e69' },
  worsening: { fg: '#8a4300', bg: '#fcefe0', border: '#8a4300' },
  not_met: { fg: '#a1251b', bg: '#fdeceb', border: '#a1251b' },
  unchanged: { fg: '#4b5360', bg: '#eef0f3', border: '#767f8c' },
  no_target: { fg: '#4b5360', bg: '#ffffff', border: '#767f8c' },
  not_computed: { fg: '#4b5360', bg: '#ffffff', border: '#767f8c' },
};

export const VARIATION_BADGES: Record<Variation, Badge> = {
  common_cause: { fg: '#4b5360', bg: '#ffffff', border: '#767f8c' },
  improvement: { fg: '#1e6b32', bg: '#e7f4ea', border: '#1e6b32' },
  concern: { fg: '#a1251b', bg: '#fdeceb', border: '#a1251b' },
  special_cause: { fg: '#6b3fa0', bg: '#f2ecfa', border: '#6b3fa0' },
  insufficient_data: { fg: '#4b5360', bg: '#ffffff', border: '#767f8c' },
};

/** Municipality markers (§8.3): colour AND shape (filled circle, diamond, hollow circle). */
export const LEVEL_COLOURS: Record<ComparisonLevel, string> = {
  better: '#1e6b32',
  worse: '#b3261e',
  similar: '#4b5360',
  higher: '#1d4f91',
  lower: '#6b3fa0',
};

/** Every foreground/background pair the documents write text in (WCAG AA: ≥ 4.5). */
/** Text colours that tables and figures write on the paper, the shade and the zebra rows. */
const TABLE_TEXT: ReadonlyArray<{ use: string; fg: string }> = [
  { use: 'body text', fg: INK },
  { use: 'secondary text', fg: MUTED },
  { use: 'links', fg: LINK },
  { use: 'signal words and chart signal label', fg: SIGNAL },
  { use: 'chart target label', fg: TARGET },
  { use: 'chart annotation label', fg: ANNOTATION },
  ...Object.entries(LEVEL_COLOURS).map(([level, fg]) => ({ use: `comparison word ${level}`, fg })),
];

/** Every foreground/background pair the documents write text in (WCAG AA: ≥ 4.5). */
export const TEXT_PAIRS: ReadonlyArray<{ use: string; fg: string; bg: string }> = [
  ...TABLE_TEXT.flatMap((t) => [PAPER, SHADE, ZEBRA].map((bg) => ({ use: t.use, fg: t.fg, bg }))),
  { use: 'aim column headings', fg: PAPER, bg: INK },
  ...Object.entries(STATUS_BADGES).map(([status, b]) => ({ use: `status ${status}`, fg: b.fg, bg: b.bg })),
  ...Object.entries(VARIATION_BADGES).map(([v, b]) => ({ use: `variation ${v}`, fg: b.fg, bg: b.bg })),
];

/** Chart marks a reader must see (WCAG 1.4.11 non-text contrast: ≥ 3 against the paper). */
export const GRAPHIC_COLOURS: ReadonlyArray<{ use: string; colour: string }> = [
  { use: 'series', colour: SERIES },
  { use: 'centre line', colour: CENTER },
  { use: 'control limits', colour: LIMIT },
  { use: 'signals', colour: SIGNAL },
  { use: 'target line', colour: TARGET },
  { use: 'annotations', colour: ANNOTATION },
  { use: 'intervals', colour: INTERVAL },
  { use: 'region reference', colour: REFERENCE },
  ...Object.entries(LEVEL_COLOURS).map(([level, colour]) => ({ use: `marker ${level}`, colour })),
  ...Object.entries(STATUS_BADGES).map(([status, b]) => ({ use: `badge border ${status}`, colour: b.border })),
];
