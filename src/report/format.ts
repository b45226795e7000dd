// What the human renderers (table, Markdown) share: rounding for reading (SPEC §4.2, §6.3),
// the verdicts in words (§13.4), group labels with municipality names (§13.5), and the layout of
// one row per indicator and group with one cell per period (which a renderer shows wide, one
// column per period, or long, one line per period).

import { formatGroupKey, municipalityName, residenceOf, type Group } from '../calc/groups.js';
import { changeVerdictOf, type ChangeVerdict } from '../engine/evaluate.js';
import type { Comparison, Report, Result, TargetVerdict } from '../contracts/report.js';
import { AIMS, type Aim, type Unit } from '../indicators/types.js';

export const AIM_TITLES: Record<Aim, string> = {
  population_health: 'Population health (sundhedstilstand)',
  quality: 'Quality (klinisk og brugeroplevet kvalitet)',
  cost: 'Cost per capita (omkostninger per capita)',
};

/** How a verdict is coloured on a terminal (SPEC §6.3: words, coloured on a TTY). */
export type Tone = 'good' | 'bad' | 'neutral';

/** One verdict in words with its colour. */
export interface Verdict {
  text: string;
  tone: Tone;
}

/**
 * SPEC §13.4, one meaning per word: the target verdict and the change against the baseline are
 * two verdicts in words of their own ("88.9 better" under a target of ≥ 90 read as a target
 * met), and the comparison with the region (REGION_WORDS) uses other words again. No arrow or
 * triangle (SPEC §6.3): readers take one pointing up as "the value went up", whatever the
 * indicator's direction.
 */
export const TARGET_WORDS: Record<TargetVerdict, Verdict> = {
  met: { text: '✓ target met', tone: 'good' },
  not_met: { text: '✗ target not met', tone: 'bad' },
  no_target: { text: 'no target', tone: 'neutral' },
};

export const CHANGE_WORDS: Record<ChangeVerdict, Verdict> = {
  better: { text: 'better than baseline', tone: 'good' },
  worse: { text: 'worse than baseline', tone: 'bad' },
  unchanged: { text: 'unchanged', tone: 'neutral' },
  higher: { text: 'higher than baseline', tone: 'neutral' },
  lower: { text: 'lower than baseline', tone: 'neutral' },
  no_baseline: { text: 'no baseline', tone: 'neutral' },
};

export const VERDICT_LEGEND =
  'Target: ✓ target met / ✗ target not met (for a "> baseline" target: above the baseline or not) / no target ' +
  '(this period has none). Baseline: better / worse than baseline, in the indicator\'s direction (for a ' +
  'lower-is-better indicator a fall is better) / unchanged / no baseline (this period has none). ' +
  'A row shows the target verdict when it has a target and the change when it has a baseline. – not computed.';

const UNIT_LABELS: Record<Unit, string> = {
  percent: '%',
  per_1000: 'per 1000',
  count: 'count',
  dkk_per_capita: 'DKK/capita',
};

export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit];
}

/** More than this many periods and the human reports list one line per period (SPEC §6.3). */
export const WIDE_LAYOUT_MAX_PERIODS = 6;

const MAX_DECIMALS = 6;

/**
 * Decimals for reading (SPEC §4.2, amended by §6.3): counts and DKK whole; percent and
 * per_1000 one decimal, or as many as it takes for the smallest non-zero value to keep two
 * significant digits: d = max(1, 1 − ⌊log10 |v|⌋), at most 6. So 12.34 → "12.3", 5.2 → "5.2",
 * 0.34 → "0.34", 0.052 → "0.052". Chosen once per row (an indicator and group over its
 * periods), so a row's numbers line up.
 */
export function readingDecimals(unit: Unit, values: Iterable<number | null>): number {
  if (unit === 'count' || unit === 'dkk_per_capita') return 0;
  let smallest = Infinity;
  for (const v of values) if (v !== null && v !== 0 && Number.isFinite(v)) smallest = Math.min(smallest, Math.abs(v));
  if (smallest === Infinity) return 1;
  return Math.min(MAX_DECIMALS, Math.max(1, 1 - Math.floor(Math.log10(smallest))));
}

/** A number rounded for reading; without `decimals`, by the rule of readingDecimals for this value alone. */
export function formatNumber(value: number, unit: Unit, decimals = readingDecimals(unit, [value])): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
}

/** A group for reading: "total", or its key; with `municipalityNames`, "municipality=751 (Aarhus)"
 *  for every one of Denmark's 98 municipality codes (SPEC §13.5; another code stays a code). */
export function groupLabel(group: Group, municipalityNames = false): string {
  if (Object.keys(group).length === 0) return 'total';
  if (!municipalityNames) return formatGroupKey(group);
  return Object.entries(group)
    .map(([k, v]) => {
      const name = k === 'municipality' && v !== undefined ? municipalityName(v) : undefined;
      return name ? `${k}=${v} (${name})` : `${k}=${v}`;
    })
    .join('; ');
}

export interface Cell {
  /** The value for reading, "<5" when suppressed, "–" when not computed. */
  text: string;
  /** SPEC §13.4: the target verdict and the change against the baseline, as the row has them. */
  verdicts: Verdict[];
  /** The 95 % interval for reading ("10.4–14.5"), or "". */
  interval: string;
  /** numerator/denominator ("123/1000"; a count alone for counts), or "". */
  counts: string;
  /** Footnote number for a not_computed cell, if any. */
  footnote?: number;
  /** SPEC §13.2: the period's follow-up reaches past the data end; marked "(provisional)". */
  provisional?: boolean;
  /** With --compare: how the group stands against the region (SPEC §8.3, §13.4, §13.5), e.g.
   *  "similar to the region", "worse than the region (also at 99.8 %)",
   *  "outside the region, not compared"; else "". */
  region?: string;
}

export interface Row {
  aim: Aim;
  indicator: string;
  name: string;
  unit: Unit;
  group: string;
  baseline: string;
  target: string;
  /** One per report period; null where the row has no result in that period. */
  cells: (Cell | null)[];
  /** A row of an analysis (gap, standardised rate): its interval is shown in every format. */
  showInterval?: boolean;
}

export interface Section {
  aim: Aim;
  title: string;
  rows: Row[];
}

export interface Layout {
  periods: string[];
  /** Some cell carries a comparison with the region (--compare): the renderers explain it. */
  compared: boolean;
  /** More than WIDE_LAYOUT_MAX_PERIODS periods: one line per indicator, group and period. */
  long: boolean;
  sections: Section[];
  footnotes: string[];
}

export interface LayoutOptions {
  /** Indicator id → the name shown. */
  names: ReadonlyMap<string, string>;
  /** Municipality names next to codes in group labels (SPEC §13.5: wherever space allows). */
  municipalityNames?: boolean;
}

/** The reason a result was not computed, as the engine stated it (SPEC §3.1). */
function reasonOf(r: Result): string {
  return r.reason?.message ?? 'no value';
}

/** numerator/denominator for reading (SPEC §3.1: percent the two counts, rate events and
 *  population, DKK per capita the DKK sum — shown whole — and the population). A count is its
 *  own numerator and has no denominator, so it shows nothing more. */
function countsOf(r: Result): string {
  if (r.numerator === null || r.denominator === null || r.unit === 'count') return '';
  const whole = (n: number) => formatNumber(n, 'count', 0);
  return `${whole(r.numerator)}/${whole(r.denominator)}`;
}

export function layout(report: Report, options: LayoutOptions): Layout {
  const periods = report.periods.map((p) => p.id);
  const footnotes: string[] = [];
  const footnoteOf = (reason: string): number => {
    let i = footnotes.indexOf(reason);
    if (i < 0) i = footnotes.push(reason) - 1;
    return i + 1;
  };
  // First pass: the results of each row, so that its decimals can be chosen over its periods.
  const rowResults = new Map<string, Result[]>();
  for (const r of report.results) {
    const key = `${r.indicator}\u0001${formatGroupKey(r.group)}`;
    const list = rowResults.get(key);
    if (list) list.push(r);
    else rowResults.set(key, [r]);
  }
  const below = `<${report.suppression.min_cell}`;
  const rows: Row[] = [];
  const values = new Map<string, number | null>();
  const decimalsOf = new Map<string, number>();
  for (const [key, results] of rowResults) {
    const first = results[0];
    const decimals = readingDecimals(first.unit, results.flatMap((r) => [r.value, r.baseline?.value ?? null]));
    decimalsOf.set(first.indicator, Math.max(decimalsOf.get(first.indicator) ?? 0, decimals));
    const row: Row = {
      aim: first.aim,
      indicator: first.indicator,
      name: options.names.get(first.indicator) ?? first.indicator,
      unit: first.unit,
      group: groupLabel(first.group, options.municipalityNames),
      baseline: '',
      target: '',
      cells: periods.map(() => null),
    };
    // SPEC §13.4: a cell shows the target verdict when its row has a target and the change when
    // its row has a baseline, so "no target" / "no baseline" appear only where a reader would
    // otherwise apply the row's target or baseline to a period that has none.
    const withTarget = results.some((r) => r.target !== null);
    const withBaseline = results.some((r) => r.baseline !== null);
    for (const r of results) {
      if (!row.baseline && r.baseline) {
        row.baseline = formatNumber(r.baseline.value, r.unit, decimals) + (r.baseline.period ? ` (${r.baseline.period})` : '');
      }
      if (r.target) {
        const t = targetText(r, decimals);
        if (!row.target) row.target = t;
        else if (row.target !== t) row.target = 'by period';
      }
      const cell: Cell = { text: '', verdicts: [], interval: '', counts: '', region: regionMark(r.comparison, r.group) };
      if (r.provisional) cell.provisional = true;
      values.set(`${key}\u0001${r.period}`, r.value);
      if (r.suppressed) cell.text = below;
      else if (r.value === null) {
        cell.text = '–';
        cell.footnote = footnoteOf(reasonOf(r));
      } else {
        cell.text = formatNumber(r.value, r.unit, decimals);
        if (r.ci95) cell.interval = `${formatNumber(r.ci95[0], r.unit, decimals)}–${formatNumber(r.ci95[1], r.unit, decimals)}`;
        cell.counts = countsOf(r);
        if (withTarget) cell.verdicts.push(TARGET_WORDS[r.target_verdict]);
        if (withBaseline) cell.verdicts.push(CHANGE_WORDS[changeVerdictOf(r.value, r.direction, r.baseline)]);
      }
      row.cells[periods.indexOf(r.period)] = cell;
    }
    rows.push(row, ...analysisRows(row, results, periods, decimals));
  }
  const withEquity = report.results.some((r) => r.equity !== undefined);
  if (!withEquity && report.breakdown.length === 1 && report.breakdown[0] === 'education') insertEducationGaps(rows, periods, values, decimalsOf);
  const sections: Section[] = [];
  for (const aim of AIMS) {
    const inAim = rows.filter((row) => row.aim === aim);
    if (inAim.length) sections.push({ aim, title: AIM_TITLES[aim], rows: inAim });
  }
  const compared = report.results.some((r) => r.comparison !== undefined);
  return { periods, compared, long: periods.length > WIDE_LAYOUT_MAX_PERIODS, sections, footnotes };
}

/** SPEC §13.2: how a provisional value is marked, and the legend the renderers add for it. */
export const PROVISIONAL_MARK = ' (provisional)';
export const PROVISIONAL_LEGEND =
  "(provisional): the period's follow-up (a readmission within 30 days, a contact within 3 working days, a start " +
  'by its due date, smoke-free after 6 months) reaches past the data end of the extract, so the value may still ' +
  'change; the note of the result names the follow-up and the data end (--data-end gives the extraction date).';

export const REGION_LEGEND =
  'Compared with the region (--compare): a group is better or worse than the region when its 95 % interval lies ' +
  "wholly on the better or worse side of the region's value (higher or lower than the region for indicators without " +
  'a direction), "also at 99.8 %" when its 99.8 % interval does too, and similar to the region otherwise. An ' +
  "age-standardised row is compared with the region's age-standardised rate. Groups outside the region (the extract " +
  'holds only their residents treated here) and of unknown residence are not compared.';

/** SPEC §8.3 in words of their own (§13.4): never "better" alone, which belongs to the baseline. */
export const REGION_WORDS: Record<NonNullable<Comparison['level95']>, string> = {
  better: 'better than the region',
  worse: 'worse than the region',
  similar: 'similar to the region',
  higher: 'higher than the region',
  lower: 'lower than the region',
};

/**
 * A group's comparison with the region for reading (SPEC §8.3, §13.5, §13.8): the 95 % level,
 * and "(also at 99.8 %)" when the 99.8 % interval lies on the same side; a group outside the
 * region or of unknown residence says that it is not compared. "" without a comparison, or
 * when there is nothing to compare (no value, or no reference).
 */
function regionMark(c: Comparison | null | undefined, group: Group): string {
  if (c === undefined) return '';
  if (c === null) return residenceOf(group) === 'unknown' ? 'residence unknown, not compared' : 'outside the region, not compared';
  if (c.level95 === null) return '';
  const also = c.level95 !== 'similar' && c.level998 === c.level95 ? ' (also at 99.8 %)' : '';
  return REGION_WORDS[c.level95] + also;
}

/** "a to b": an interval whose ends may be negative (a gap) is written with "to". */
function signedInterval(ci: [number, number] | null, unit: Unit, decimals: number): string {
  return ci ? `${formatNumber(ci[0], unit, decimals)} to ${formatNumber(ci[1], unit, decimals)}` : '';
}

function derivedCell(value: number | null, ci: [number, number] | null, unit: Unit, decimals: number, signed: boolean, region = ''): Cell | null {
  if (value === null) return { text: '–', verdicts: [], interval: '', counts: '', region };
  const text = (signed && value > 0 ? '+' : '') + formatNumber(value, unit, decimals);
  return { text, verdicts: [], interval: signed ? signedInterval(ci, unit, decimals) : ci ? `${formatNumber(ci[0], unit, decimals)}–${formatNumber(ci[1], unit, decimals)}` : '', counts: '', region };
}

/**
 * The analyses of SPEC §8 under the row they belong to: the education gap short − long with
 * its interval (--equity) and the directly standardised rate (--standardize), as rows of their
 * own, shown with their interval even without --details.
 */
function analysisRows(row: Row, results: readonly Result[], periods: readonly string[], decimals: number): Row[] {
  const out: Row[] = [];
  const at = (period: string) => results.find((r) => r.period === period);
  if (results.some((r) => r.standardized)) {
    const standard = results.find((r) => r.standardized)!.standardized!.standard;
    out.push({
      ...row,
      group: `${row.group} · age-standardised (${standard})`,
      baseline: '',
      target: '',
      cells: periods.map((p) => {
        const r = at(p);
        const s = r?.standardized;
        // SPEC §13.8: the standardised comparison beside the crude one (on the row above).
        return s ? derivedCell(s.value, s.ci95, row.unit, decimals, false, regionMark(s.comparison, r!.group)) : null;
      }),
      showInterval: true,
    });
  }
  if (results.some((r) => r.equity !== undefined)) {
    out.push({
      ...row,
      group: `${row.group} · gap short − long${row.unit === 'percent' ? ' (pp)' : ''}`,
      baseline: '',
      target: '',
      cells: periods.map((p) => {
        const e = at(p)?.equity;
        return e ? derivedCell(e.gap.value, e.gap.ci95, row.unit, decimals, true) : null;
      }),
      showInterval: true,
    });
  }
  return out;
}

function targetText(r: Result, decimals: number): string {
  const t = r.target!;
  if (t.rule === 'above_baseline') return '> baseline';
  return `${t.rule === 'at_most' ? '≤' : '≥'} ${formatNumber(t.value, r.unit, decimals)}`;
}

/**
 * The agreement's equity theme compares short and long education: with `--by education` the
 * human reports add a row "gap short − long" under each indicator (percentage points for
 * percents), where both values are shown. Derived for reading only; JSON carries the groups.
 */
function insertEducationGaps(
  rows: Row[],
  periods: readonly string[],
  values: ReadonlyMap<string, number | null>,
  decimalsOf: ReadonlyMap<string, number>,
): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (i + 1 < rows.length && rows[i + 1].indicator === row.indicator) continue; // not the indicator's last row
    if (row.unit === 'count') continue; // counts of unequal groups do not compare
    const value = (group: string, period: string) => values.get(`${row.indicator}\u0001${group}\u0001${period}`) ?? null;
    const decimals = decimalsOf.get(row.indicator) ?? 1;
    const cells = periods.map((p): Cell | null => {
      const short = value('education=short', p);
      const long = value('education=long', p);
      if (short === null || long === null) return null;
      const gap = short - long;
      return { text: (gap > 0 ? '+' : '') + formatNumber(gap, row.unit, decimals), verdicts: [], interval: '', counts: '' };
    });
    if (cells.every((c) => c === null)) continue;
    rows.splice(i + 1, 0, {
      ...row,
      group: row.unit === 'percent' ? 'gap short − long (pp)' : 'gap short − long',
      baseline: '',
      target: '',
      cells,
    });
  }
}
