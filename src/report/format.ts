// What the human renderers (table, Markdown) share: rounding for reading (SPEC §4.2), status
// symbols, and the layout of one row per indicator and group with one cell per period.

import { formatGroupKey } from '../calc/groups.js';
import type { Report, Result, Status } from '../engine/result.js';
import { AIMS, type Aim, type Unit } from '../indicators/types.js';

export const AIM_TITLES: Record<Aim, string> = {
  population_health: 'Population health (sundhedstilstand)',
  quality: 'Quality (klinisk og brugeroplevet kvalitet)',
  cost: 'Cost per capita (omkostninger per capita)',
};

export const STATUS_SYMBOLS: Record<Status, string> = {
  met: '✓',
  improving: '↗',
  worsening: '↘',
  unchanged: '→',
  not_met: '✗',
  no_target: '',
  not_computed: '–',
};

export const STATUS_LEGEND =
  '✓ target met · ↗ improving on baseline · ↘ worsening · → unchanged · ✗ target not met · – not computed';

const UNIT_LABELS: Record<Unit, string> = {
  percent: '%',
  per_1000: 'per 1000',
  count: 'count',
  dkk_per_capita: 'DKK/capita',
};

export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit];
}

/** 1 decimal for percent and per_1000, whole numbers for counts and DKK. */
export function formatNumber(value: number, unit: Unit): string {
  const decimals = unit === 'percent' || unit === 'per_1000' ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
}

export interface Cell {
  status: Status;
  /** Text without status symbol: "54.5", "<5", "–". */
  text: string;
  symbol: string;
  /** Footnote number for a not_computed cell, if any. */
  footnote?: number;
}

export interface Row {
  aim: Aim;
  indicator: string;
  name: string;
  unit: Unit;
  group: string;
  baseline: string;
  target: string;
  cells: (Cell | null)[];
}

export interface Section {
  aim: Aim;
  title: string;
  rows: Row[];
}

export interface Layout {
  periods: string[];
  sections: Section[];
  footnotes: string[];
}

/** The reason a result was not computed, as the engine stated it (SPEC §3.1). */
function reasonOf(r: Result): string {
  return r.reason?.message ?? 'no value';
}

export function layout(report: Report, names: ReadonlyMap<string, string>): Layout {
  const periods = report.periods.map((p) => p.id);
  const footnotes: string[] = [];
  const footnoteOf = (reason: string): number => {
    let i = footnotes.indexOf(reason);
    if (i < 0) i = footnotes.push(reason) - 1;
    return i + 1;
  };
  const rowsByKey = new Map<string, Row>();
  const values = new Map<string, number | null>();
  const order: string[] = [];
  const below = `<${report.suppression.min_cell}`;
  for (const r of report.results) {
    const group = formatGroupKey(r.group) || 'total';
    const key = `${r.indicator}\u0001${group}`;
    let row = rowsByKey.get(key);
    if (!row) {
      row = {
        aim: r.aim,
        indicator: r.indicator,
        name: names.get(r.indicator) ?? r.indicator,
        unit: r.unit,
        group,
        baseline: '',
        target: '',
        cells: periods.map(() => null),
      };
      rowsByKey.set(key, row);
      order.push(key);
    }
    if (!row.baseline && r.baseline) {
      row.baseline = formatNumber(r.baseline.value, r.unit) + (r.baseline.period ? ` (${r.baseline.period})` : '');
    }
    if (r.target) {
      const t = r.target.rule === 'above_baseline' ? '> baseline' : `${r.target.rule === 'at_most' ? '≤' : '≥'} ${formatNumber(r.target.value, r.unit)}`;
      if (!row.target) row.target = t;
      else if (row.target !== t) row.target = 'by period';
    }
    const cell: Cell = { status: r.status, text: '', symbol: STATUS_SYMBOLS[r.status] };
    values.set(`${key}\u0001${r.period}`, r.value);
    if (r.suppressed) cell.text = below;
    else if (r.value === null) {
      cell.text = '–';
      cell.footnote = footnoteOf(reasonOf(r));
    } else cell.text = formatNumber(r.value, r.unit);
    row.cells[periods.indexOf(r.period)] = cell;
  }
  const rows = order.map((k) => rowsByKey.get(k)!);
  if (report.breakdown.length === 1 && report.breakdown[0] === 'education') insertEducationGaps(rows, periods, values);
  const sections: Section[] = [];
  for (const aim of AIMS) {
    const inAim = rows.filter((row) => row.aim === aim);
    if (inAim.length) sections.push({ aim, title: AIM_TITLES[aim], rows: inAim });
  }
  return { periods, sections, footnotes };
}

/**
 * The agreement's equity theme compares short and long education: with `--by education` the
 * human reports add a row "gap short − long" under each indicator (percentage points for
 * percents), where both values are shown. Derived for reading only; JSON carries the groups.
 */
function insertEducationGaps(rows: Row[], periods: readonly string[], values: ReadonlyMap<string, number | null>): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (i + 1 < rows.length && rows[i + 1].indicator === row.indicator) continue; // not the indicator's last row
    if (row.unit === 'count') continue; // counts of unequal groups do not compare
    const value = (group: string, period: string) => values.get(`${row.indicator}\u0001${group}\u0001${period}`) ?? null;
    const cells = periods.map((p): Cell | null => {
      const short = value('education=short', p);
      const long = value('education=long', p);
      if (short === null || long === null) return null;
      const gap = short - long;
      return { status: 'no_target', text: (gap > 0 ? '+' : '') + formatNumber(gap, row.unit), symbol: '' };
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
