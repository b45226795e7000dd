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
/** Runs signals (a phase's centre line) and signal words. */
export const SIGNAL = '#b3261e';
/**
 * SPEC §13.1: a sigma-signal point coloured by its own direction, as NHS Making Data Count
 * does — improvement blue, concern orange, no direction grey; never red for both. Each has
 * its own shape as well (charts/monthly.ts), so colour is never the only mark.
 */
export const SIGNAL_IMPROVEMENT = '#0b6bbf';
export const SIGNAL_CONCERN = '#b35000';
export const SIGNAL_NEUTRAL = '#4b5360';
/** SPEC §13.2: provisional points, drawn hollow in this grey. */
export const PROVISIONAL = '#767f8c';
/** A baseline line (SPEC §13.3: drawn only where §6.2 applies it). */
export const BASELINE = '#5d6775';
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
  // SPEC §13.1: blue and orange, as the chart's signal points (never red for both).
  improvement: { fg: '#005fb8', bg: '#e8f1fb', border: '#005fb8' },
  concern: { fg: '#a84800', bg: '#fdf0e6', border: '#a84800' },
  special_cause: { fg: '#6b3fa0', bg: '#f2ecfa', border: '#6b3fa0' },
  insufficient_data: { fg: '#4b5360', bg: '#ffffff', border: '#767f8c' },
};

/** SPEC §13.4: the target's verdict, a badge of its own (words and ✓/✗, never colour alone). */
export const TARGET_BADGES: Record<'met' | 'not_met' | 'no_target', Badge> = {
  met: STATUS_BADGES.met,
  not_met: STATUS_BADGES.not_met,
  no_target: STATUS_BADGES.no_target,
};

/** SPEC §13.4: the change against the baseline, a second badge beside the target's. */
export const CHANGE_BADGES: Record<'better' | 'worse' | 'unchanged' | 'higher' | 'lower' | 'no_baseline', Badge> = {
  better: STATUS_BADGES.improving,
  worse: STATUS_BADGES.worsening,
  unchanged: STATUS_BADGES.unchanged,
  higher: { fg: '#4b5360', bg: '#eef0f3', border: '#767f8c' },
  lower: { fg: '#4b5360', bg: '#eef0f3', border: '#767f8c' },
  no_baseline: STATUS_BADGES.no_target,
};

/** Municipality markers (§8.3): colour AND shape (filled circle, diamond, hollow circle). */
export const LEVEL_COLOURS: Record<ComparisonLevel, string> = {
  better: '#1e6b32',
  worse: '#b3261e',
  similar: '#4b5360',
  higher: '#1d4f91',
  lower: '#6b3fa0',
};

// ---- SPEC §13.9 (issue 21): the overview's cells, assurance, the spine chart ----

/**
 * The overview's cells (SPEC §13.9): a light tint per comparison level behind the value, and
 * the level's symbol in the level's colour (● better/higher, ◆ worse/lower, ○ similar — the
 * shapes of the municipality chart's markers), so colour is never the only mark.
 */
export const OVERVIEW_CELLS: Record<ComparisonLevel, { bg: string; symbol: string }> = {
  better: { bg: '#e7f4ea', symbol: '\u25cf' },
  worse: { bg: '#fdeceb', symbol: '\u25c6' },
  similar: { bg: '#ffffff', symbol: '\u25cb' },
  higher: { bg: '#e8f1fb', symbol: '\u25cf' },
  lower: { bg: '#f2ecfa', symbol: '\u25c6' },
};

/** SPEC §13.9 assurance (NHS Making Data Count's colours: pass blue, fail orange, inconsistent grey). */
export const ASSURANCE_BADGES: Record<'pass' | 'fail' | 'inconsistent', Badge> = {
  pass: VARIATION_BADGES.improvement,
  fail: VARIATION_BADGES.concern,
  inconsistent: VARIATION_BADGES.common_cause,
};

/** The spine chart (SPEC §13.9): the municipalities' range, their middle half. */
export const SPINE_RANGE = '#d5dae1';
export const SPINE_MIDDLE = '#8d96a3';

function PUBLIC_TEXT_PAIRS(): { use: string; fg: string; bg: string }[] {
  return [
    ...Object.entries(OVERVIEW_CELLS).flatMap(([level, c]) => [
      { use: `overview cell ${level}, value`, fg: INK, bg: c.bg },
      { use: `overview cell ${level}, symbol`, fg: LEVEL_COLOURS[level as ComparisonLevel], bg: c.bg },
    ]),
    ...Object.entries(ASSURANCE_BADGES).map(([v, b]) => ({ use: `assurance ${v}`, fg: b.fg, bg: b.bg })),
  ];
}

/** Text colours that tables and figures write on the paper, the shade and the zebra rows. */
const TABLE_TEXT: ReadonlyArray<{ use: string; fg: string }> = [
  { use: 'body text', fg: INK },
  { use: 'secondary text', fg: MUTED },
  { use: 'links', fg: LINK },
  { use: 'signal words and chart signal label', fg: SIGNAL },
  { use: 'sigma signal word, improvement', fg: SIGNAL_IMPROVEMENT },
  { use: 'sigma signal word, concern', fg: SIGNAL_CONCERN },
  { use: 'sigma signal word, no direction', fg: SIGNAL_NEUTRAL },
  { use: 'provisional mark', fg: MUTED },
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
  ...Object.entries(TARGET_BADGES).map(([v, b]) => ({ use: `target verdict ${v}`, fg: b.fg, bg: b.bg })),
  ...Object.entries(CHANGE_BADGES).map(([v, b]) => ({ use: `baseline verdict ${v}`, fg: b.fg, bg: b.bg })),
  ...PUBLIC_TEXT_PAIRS(),
];

/** Chart marks a reader must see (WCAG 1.4.11 non-text contrast: ≥ 3 against the paper). */
export const GRAPHIC_COLOURS: ReadonlyArray<{ use: string; colour: string }> = [
  { use: 'series', colour: SERIES },
  { use: 'centre line', colour: CENTER },
  { use: 'control limits', colour: LIMIT },
  { use: 'runs signals', colour: SIGNAL },
  { use: 'sigma signal, improvement', colour: SIGNAL_IMPROVEMENT },
  { use: 'sigma signal, concern', colour: SIGNAL_CONCERN },
  { use: 'sigma signal, no direction', colour: SIGNAL_NEUTRAL },
  { use: 'provisional points', colour: PROVISIONAL },
  { use: 'baseline line', colour: BASELINE },
  { use: 'target line', colour: TARGET },
  { use: 'annotations', colour: ANNOTATION },
  { use: 'intervals', colour: INTERVAL },
  { use: 'region reference', colour: REFERENCE },
  ...Object.entries(LEVEL_COLOURS).map(([level, colour]) => ({ use: `marker ${level}`, colour })),
  ...Object.entries(STATUS_BADGES).map(([status, b]) => ({ use: `badge border ${status}`, colour: b.border })),
];

