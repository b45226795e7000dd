// The engine: runs the selected catalogue indicators on loaded data and returns results per
// indicator, period and group with intervals, suppression, baselines, targets and status.
// Pure: takes records, returns plain objects; never reads files or prints.

import { compareGroups, sameGroup, type Dimension, type Group } from '../calc/groups.js';
import { comparePeriods, type Period } from '../calc/periods.js';
import { ratePer1000Interval, wilsonInterval } from '../calc/statistics.js';
import type { DayNumber } from '../calc/time.js';
import { extractFileName } from '../extracts/declarations.js';
import type { BaselineRow, ExtractInfo, LoadedData } from '../extracts/records.js';
import { deriveFacts, type DerivedFacts, type PreparedData } from '../facts/index.js';
import {
  AIMS,
  type CountingIndicator,
  type IndicatorDefinition,
  type MeasuredIndicator,
  type Reason,
} from '../indicators/types.js';
import { CellTally, populationCells, type Cell } from './aggregate.js';
import { applicableBaseline, changeOf, chooseBaseline, chooseTarget, statusOf } from './evaluate.js';
import type { BaselineRef, Result } from './result.js';
import { suppressBreakdown, type SuppressionCount } from './suppress.js';

export interface RunOptions {
  periods: readonly Period[];
  by: readonly Dimension[];
  minCell: number;
  baselinePeriod?: Period;
}

export interface RunOutput {
  /** The requested periods in report order (chronological). */
  periods: Period[];
  results: Result[];
  warnings: string[];
  suppression: SuppressionCount;
}

/** A result before baseline, target and status are known. */
type Draft = Omit<Result, 'baseline' | 'target' | 'change' | 'change_pct' | 'status'>;

/**
 * Runs the indicators on prepared data (records and the derived facts built so far; the facts
 * the indicators need are derived here, once per data set, and kept in `prepared` for later
 * runs on the same data).
 */
export function runIndicators(
  indicators: readonly IndicatorDefinition[],
  prepared: PreparedData,
  options: RunOptions,
): RunOutput {
  const data = prepared.data;
  deriveFacts(prepared, indicators.flatMap((i) => (i.kind === 'counting' && !missingSource(i, data) ? i.needs : [])));
  const facts = prepared.facts as DerivedFacts;
  const periods = [...options.periods].sort(comparePeriods);
  const bp = options.baselinePeriod;
  // The baseline period is computed alongside, on the same data and groups (SPEC §3.4).
  const computePeriods = bp && !periods.some((p) => p.id === bp.id) ? [...periods, bp] : periods;
  const ordered = [...indicators].sort((a, b) => AIMS.indexOf(a.aim) - AIMS.indexOf(b.aim));
  const results: Result[] = [];
  const warnings: string[] = [];
  const suppression: SuppressionCount = { primary: 0, complementary: 0 };

  for (const indicator of ordered) {
    const drafts =
      indicator.kind === 'measured'
        ? measuredDrafts(indicator, data, computePeriods, options.by)
        : countingDrafts(indicator, data, facts, computePeriods, options.by, warnings);

    // Suppress per period (total + its breakdown), before any status is derived.
    const byPeriod = new Map<string, Draft[]>();
    for (const d of drafts) {
      const list = byPeriod.get(d.period);
      if (list) list.push(d);
      else byPeriod.set(d.period, [d]);
    }
    for (const list of byPeriod.values()) {
      const c = suppressBreakdown(list, options.minCell);
      if (periods.some((p) => p.id === list[0].period)) {
        suppression.primary += c.primary;
        suppression.complementary += c.complementary;
      }
    }

    const fileRows = (data.baselines?.records ?? []).filter((r) => r.indicator === indicator.id);
    for (const period of periods) {
      for (const d of byPeriod.get(period.id) ?? []) {
        const fromData = bp ? baselineFromData(byPeriod.get(bp.id) ?? [], d.group, bp) : null;
        results.push(evaluate(indicator, period, d, fileRows, fromData));
      }
    }
  }
  return { periods, results, warnings: [...new Set(warnings)], suppression };
}

function baselineFromData(drafts: readonly Draft[], group: Group, bp: Period): BaselineRef | null {
  const match = drafts.find((d) => sameGroup(d.group, group));
  if (!match || match.value === null) return null;
  return { value: match.value, period: bp.id, source: 'data' };
}

function evaluate(
  indicator: IndicatorDefinition,
  period: Period,
  d: Draft,
  fileRows: readonly BaselineRow[],
  fromData: BaselineRef | null,
): Result {
  // SPEC §6.2: a count, rate or DKK baseline of another period kind does not apply.
  const { baseline, note } = applicableBaseline(indicator.unit, period, chooseBaseline(indicator, d.group, fileRows, fromData));
  const target = chooseTarget(indicator, period, fileRows, baseline);
  const status = statusOf(d.value, indicator.direction, baseline, target);
  const { notes, reason, ...numbers } = d;
  return {
    ...numbers,
    baseline,
    target,
    ...changeOf(d.value, baseline),
    status,
    reason: d.value === null ? reason : null,
    notes: note ? [...notes, note] : [...notes],
  };
}

function draft(indicator: IndicatorDefinition, period: Period, group: Group, notes: string[]): Draft {
  return {
    indicator: indicator.id,
    aim: indicator.aim,
    unit: indicator.unit,
    direction: indicator.direction,
    period: period.id,
    group,
    numerator: null,
    denominator: null,
    value: null,
    ci95: null,
    suppressed: false,
    reason: null,
    notes,
  };
}

/** Why a counting indicator cannot be computed at all, or null. */
function missingSource(indicator: CountingIndicator, data: LoadedData): Reason | null {
  const missing = indicator.sources.filter((s) => !data[s]);
  if (missing.length > 0) {
    return { code: 'source-not-loaded', message: `${missing.map(extractFileName).join(' and ')} not loaded` };
  }
  return indicator.unavailable?.(data) ?? null;
}

function usesPopulation(indicator: IndicatorDefinition): boolean {
  return indicator.unit === 'per_1000' || indicator.unit === 'dkk_per_capita';
}

function countingDrafts(
  indicator: CountingIndicator,
  data: LoadedData,
  facts: DerivedFacts,
  periods: readonly Period[],
  by: readonly Dimension[],
  warnings: string[],
): Draft[] {
  const dims: Dimension[] = by.filter((d) => indicator.dimensions.includes(d));
  for (const d of indicator.alwaysBy ?? []) if (!dims.includes(d)) dims.push(d);
  const ignored = by.filter((d) => !indicator.dimensions.includes(d));
  const commonNotes = ignored.length
    ? [`breakdown by ${ignored.join(', ')} ignored: not carried by ${indicator.sources.filter((s) => s !== 'population').join(', ')}`]
    : [];

  const reason = missingSource(indicator, data);
  if (reason) {
    return periods.map((p) => ({ ...draft(indicator, p, {}, [...commonNotes, `not computed: ${reason.message}`]), reason }));
  }

  const tally = new CellTally(periods, dims);
  indicator.count(data, tally, {
    periods,
    firstDay: Math.min(...periods.map((p) => p.from)),
    lastDay: Math.max(...periods.map((p) => p.to)),
    facts,
  });
  if (indicator.warnings) warnings.push(...indicator.warnings(data, periods));

  const drafts: Draft[] = [];
  periods.forEach((period, i) => {
    const cells = tally.cells[i];
    let population: Map<string, Cell> | null = null;
    const periodNotes = [...commonNotes];
    if (usesPopulation(indicator)) {
      const pop = populationFor(indicator, data, period, dims);
      population = pop.cells;
      periodNotes.push(...pop.notes);
    }
    const keys = listedGroups(indicator, cells, population);
    for (const key of keys) {
      const cell = cells.get(key);
      const d = draft(indicator, period, cell?.group ?? population?.get(key)?.group ?? {}, [...periodNotes]);
      fill(indicator, d, cell, population ? (population.get(key)?.numerator ?? 0) : null);
      if (cell) d.notes.push(...formatNotes(cell.notes));
      drafts.push(d);
    }
  });
  return sortDrafts(drafts, dims);
}

/** Which groups a breakdown lists (SPEC §1.3); the total row ("") always. */
function listedGroups(indicator: IndicatorDefinition, cells: Map<string, Cell>, population: Map<string, Cell> | null): string[] {
  const keys = new Set<string>(['']);
  for (const [k, c] of cells) {
    if (indicator.unit === 'percent' ? c.denominator > 0 : indicator.unit === 'count' ? c.numerator > 0 : c.units > 0) {
      keys.add(k);
    }
  }
  if (population) for (const [k, c] of population) if (c.numerator > 0) keys.add(k);
  return [...keys];
}

function fill(indicator: IndicatorDefinition, d: Draft, cell: Cell | undefined, population: number | null): void {
  const num = cell?.numerator ?? 0;
  switch (indicator.unit) {
    case 'percent': {
      const den = cell?.denominator ?? 0;
      d.numerator = num;
      d.denominator = den;
      d.value = den > 0 ? (num / den) * 100 : null;
      d.ci95 = wilsonInterval(num, den);
      break;
    }
    case 'per_1000':
      d.numerator = num;
      d.denominator = population ?? 0;
      d.value = population ? (num / population) * 1000 : null;
      d.ci95 = population ? ratePer1000Interval(num, population) : null;
      break;
    case 'count':
      d.numerator = num;
      d.value = num;
      break;
    case 'dkk_per_capita':
      d.numerator = num;
      d.denominator = population ?? 0;
      d.value = population ? num / population : null;
      break;
  }
  if (d.value === null && population === 0 && num > 0) d.notes.push('no inhabitants in this group in the population table');
  if (d.value === null) {
    d.reason =
      indicator.unit === 'percent'
        ? { code: 'zero-denominator', message: 'no cases in the denominator' }
        : { code: 'no-population', message: 'no inhabitants in the population table for this group' };
  }
}

function populationFor(
  indicator: CountingIndicator,
  data: LoadedData,
  period: Period,
  dims: readonly Dimension[],
): { cells: Map<string, Cell>; notes: string[] } {
  const extract = data.population!;
  const notes: string[] = [];
  if (dims.includes('education') && !extract.info.columns.has('education')) {
    notes.push('population.csv has no education column: rates by education cannot be computed');
    // Every group then has no inhabitants: values are null, events still shown.
    const cells = populationCells([], dims);
    return { cells, notes };
  }
  const filter = indicator.populationFilter;
  const rows = extract.records.filter((r) => r.year === period.year && (!filter || filter(r)));
  if (rows.length === 0) notes.push(`population.csv has no rows for ${period.year}, the year the period starts in`);
  return { cells: populationCells(rows, dims), notes };
}

function formatNotes(notes: Map<string, number>): string[] {
  return [...notes].map(([label, n]) => `${label}: ${n}`);
}

/** Period order as computed, then total first and groups by their values (SPEC §4.1). */
function sortDrafts(drafts: Draft[], dims: readonly Dimension[]): Draft[] {
  const periodOrder = new Map<string, number>();
  for (const d of drafts) if (!periodOrder.has(d.period)) periodOrder.set(d.period, periodOrder.size);
  return drafts.sort(
    (a, b) => periodOrder.get(a.period)! - periodOrder.get(b.period)! || compareGroups(dims, a.group, b.group),
  );
}

function measuredDrafts(
  indicator: MeasuredIndicator,
  data: LoadedData,
  periods: readonly Period[],
  by: readonly Dimension[],
): Draft[] {
  const notes = by.length ? [`breakdown by ${by.join(', ')} ignored: measurements are reported for the total only`] : [];
  if (!data.measurements) {
    const reason: Reason = { code: 'source-not-loaded', message: `${extractFileName('measurements')} not loaded` };
    return periods.map((p) => ({ ...draft(indicator, p, {}, [...notes, `not computed: ${reason.message}`]), reason }));
  }
  const rows = data.measurements.records.filter((m) => m.indicator === indicator.id);
  return periods.map((p) => {
    const d = draft(indicator, p, {}, [...notes]);
    const m = rows.find((r) => r.period === p.id);
    if (!m) {
      d.notes.push('no measurement');
      d.reason = { code: 'no-measurement', message: 'no measurement' };
      return d;
    }
    d.numerator = m.numerator;
    d.denominator = m.denominator;
    if (m.value !== null) d.value = m.value;
    else if (indicator.unit === 'percent' && m.numerator !== null && m.denominator) {
      d.value = (m.numerator / m.denominator) * 100;
    } else if (indicator.unit === 'count' && m.numerator !== null) d.value = m.numerator;
    if (indicator.unit === 'percent' && m.numerator !== null && m.denominator) {
      d.ci95 = wilsonInterval(m.numerator, m.denominator);
    }
    if (d.value === null) {
      d.reason = {
        code: 'no-value',
        message: `the measurement row (line ${m.line}) gives no value${indicator.unit === 'percent' ? ' and no numerator with a non-zero denominator' : indicator.unit === 'count' ? ' and no numerator' : ''}`,
      };
    }
    if (m.source) d.notes.push(`source: ${m.source}`);
    return d;
  });
}

/** The first and last event dates of the loaded extracts, for the default periods (SPEC §1.3);
 *  each extract declares its event dates (src/extracts), the loader found their range. */
export function eventDayRange(
  inputs: readonly Pick<ExtractInfo, 'extract' | 'eventDays'>[],
  exclude: readonly string[] = [],
): { first: DayNumber; last: DayNumber } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const i of inputs) {
    if (i.eventDays === null || exclude.includes(i.extract)) continue;
    first = Math.min(first, i.eventDays.first);
    last = Math.max(last, i.eventDays.last);
  }
  return first === Infinity ? null : { first, last };
}
