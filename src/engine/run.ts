// The engine: runs the selected catalogue indicators on loaded data and returns results per
// indicator, period and group with intervals, suppression, baselines, targets and status, and,
// when asked, the analyses of SPEC §8 on each result (direct standardisation, education gaps,
// comparison with the region). Pure: takes records, returns plain objects; never reads files
// or prints.

import { compareGroups, sameGroup, type Dimension, type Group } from '../calc/groups.js';
import { comparePeriods, type Period } from '../calc/periods.js';
import { ratePer1000Interval, wilsonInterval } from '../calc/statistics.js';
import type { DayNumber } from '../calc/time.js';
import { compareWithRegion, ci998 } from '../analysis/comparison.js';
import { educationEquity, type EquityCell, type EquityGroups } from '../analysis/equity.js';
import {
  directlyStandardisedRate,
  ESP2013_BANDS,
  ESP2013_WEIGHTS,
  esp2013BandsKeptBy,
  frequenciesOf,
  populationWeights,
  type Stratum,
} from '../analysis/standardisation.js';
import type { Standardized } from '../contracts/report.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import { EDUCATION } from '../domain/vocabulary.js';
import { extractFileName } from '../extracts/declarations.js';
import type { BaselineRow, ExtractInfo, LoadedData } from '../extracts/records.js';
import { deriveFacts, type DerivedFacts, type PreparedData } from '../facts/index.js';
import {
  AIMS,
  type CountingIndicator,
  type DeclaredReason,
  type IndicatorDefinition,
  type MeasuredIndicator,
  type UnitAttributes,
} from '../indicators/types.js';
import { CellTally, populationCells, type Cell, type TallyOptions } from './aggregate.js';
import { applicableBaseline, changeOf, chooseBaseline, chooseTarget, statusOf, targetVerdictOf } from './evaluate.js';
import type { BaselineRef, Result } from './result.js';
import { isSmallCell, suppressBreakdown, type SuppressionCount } from './suppress.js';

/** The standard population of `--standardize` (SPEC §8.1). */
export type Standard = { name: 'esp2013' } | { name: `population:${number}`; year: number };

export interface RunOptions {
  periods: readonly Period[];
  by: readonly Dimension[];
  minCell: number;
  baselinePeriod?: Period;
  /** Only these units and inhabitants count (evaluate: the region's municipalities, one arm). */
  unitFilter?: (who: UnitAttributes) => boolean;
  /** Pool over the dimensions an indicator always breaks down by (evaluate: LUP, SPEC §9). */
  pooled?: boolean;
  /** `--standardize` (SPEC §8.1). */
  standardize?: Standard;
  /** `--equity` (SPEC §8.2). */
  equity?: boolean;
  /** `--compare` (SPEC §8.3). */
  compare?: boolean;
}

export interface RunOutput {
  /** The requested periods in report order (chronological). */
  periods: Period[];
  results: Result[];
  /** Declared texts (SPEC §13.6), English as the JSON writes them. */
  warnings: Said[];
  suppression: SuppressionCount;
}

/** A result before baseline, target and status are known. Its notes and reason are declared
 *  messages (src/domain/messages.ts): a loose string cannot be written here (SPEC §13.6). */
type Draft = Omit<Result, 'baseline' | 'target' | 'change' | 'change_pct' | 'status' | 'target_verdict' | 'notes' | 'reason'> & {
  notes: Said[];
  reason: DeclaredReason | null;
};

/** What the analyses of a draft read besides its numbers: its cells of units and inhabitants. */
interface DraftCells {
  cell: Cell | undefined;
  population: Cell | undefined;
}

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
  const warnings: Said[] = [];
  const suppression: SuppressionCount = { primary: 0, complementary: 0 };
  const reported = new Set(periods.map((p) => p.id));

  for (const indicator of ordered) {
    const cellsOf = new Map<Draft, DraftCells>();
    const drafts =
      indicator.kind === 'measured'
        ? measuredDrafts(indicator, data, computePeriods, options.by)
        : countingDrafts(indicator, data, facts, computePeriods, options, warnings, cellsOf);

    // Suppress per period (total + its breakdown), before any status is derived.
    const byPeriod = new Map<string, Draft[]>();
    for (const d of drafts) {
      const list = byPeriod.get(d.period);
      if (list) list.push(d);
      else byPeriod.set(d.period, [d]);
    }
    for (const list of byPeriod.values()) {
      const c = suppressBreakdown(list, options.minCell);
      if (reported.has(list[0].period)) {
        suppression.primary += c.primary;
        suppression.complementary += c.complementary;
      }
      if (indicator.kind === 'counting') analyse(indicator, list, cellsOf, data, options);
      else if (options.compare) addMeasuredCi998(indicator, list);
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
  // Keys in the order of SPEC §4.1, the analyses' fields (§8) where they apply.
  const { notes, reason, provisional, ci998: wide, standardized, equity, comparison, ...numbers } = d;
  const { suppressed, ...values } = numbers;
  return {
    ...values,
    ...(wide !== undefined ? { ci998: wide } : {}),
    suppressed,
    baseline,
    target,
    ...changeOf(d.value, baseline),
    status,
    target_verdict: targetVerdictOf(d.value, target),
    provisional,
    reason: d.value === null ? reason : null,
    ...(standardized !== undefined ? { standardized } : {}),
    ...(equity !== undefined ? { equity } : {}),
    ...(comparison !== undefined ? { comparison } : {}),
    notes: note ? [...notes, note] : [...notes],
  };
}

function draft(indicator: IndicatorDefinition, period: Period, group: Group, notes: Said[]): Draft {
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
    provisional: false,
    reason: null,
    notes,
  };
}

/** Why a counting indicator cannot be computed at all, or null. */
function missingSource(indicator: CountingIndicator, data: LoadedData): DeclaredReason | null {
  const missing = indicator.sources.filter((s) => !data[s]);
  if (missing.length > 0) {
    return { code: 'source-not-loaded', message: say(MESSAGES.sourceNotLoaded, { files: missing.map(extractFileName).join(' and ') }) };
  }
  return indicator.unavailable?.(data) ?? null;
}

function usesPopulation(indicator: IndicatorDefinition): boolean {
  return indicator.unit === 'per_1000' || indicator.unit === 'dkk_per_capita';
}

/** The analyses (SPEC §8) a result of this indicator takes with these options. */
function analysesOf(indicator: CountingIndicator, options: RunOptions) {
  const comparable = indicator.unit === 'percent' || indicator.unit === 'per_1000';
  return {
    standardize: options.standardize !== undefined && indicator.unit === 'per_1000',
    equity: options.equity === true && comparable && indicator.dimensions.includes('education') && !indicator.definedByEducation,
    compare: options.compare === true && comparable,
  };
}

function countingDrafts(
  indicator: CountingIndicator,
  data: LoadedData,
  facts: DerivedFacts,
  periods: readonly Period[],
  options: RunOptions,
  warnings: Said[],
  cellsOf: Map<Draft, DraftCells>,
): Draft[] {
  const by = options.by;
  const dims: Dimension[] = by.filter((d) => indicator.dimensions.includes(d));
  if (!options.pooled) for (const d of indicator.alwaysBy ?? []) if (!dims.includes(d)) dims.push(d);
  const ignored = by.filter((d) => !indicator.dimensions.includes(d));
  const commonNotes = ignored.length
    ? [
        say(MESSAGES.breakdownIgnored, {
          dimensions: ignored.join(', '),
          sources: indicator.sources.filter((s) => s !== 'population').join(', '),
        }),
      ]
    : [];

  const reason = missingSource(indicator, data);
  if (reason) {
    return periods.map((p) => ({ ...draft(indicator, p, {}, [...commonNotes, say(MESSAGES.notComputed, { reason: reason.message })]), reason }));
  }

  const wanted = analysesOf(indicator, options);
  const tallyOptions: TallyOptions = { unitFilter: options.unitFilter, byEducation: wanted.equity, strata: wanted.standardize };
  const tally = new CellTally(periods, dims, tallyOptions);
  indicator.count(data, tally, {
    periods,
    firstDay: Math.min(...periods.map((p) => p.from)),
    lastDay: Math.max(...periods.map((p) => p.to)),
    facts,
  });
  if (indicator.warnings) warnings.push(...indicator.warnings(data, periods));

  const drafts: Draft[] = [];
  // The inhabitants of a year, grouped once for all its periods (monitor: 12 months a year).
  const populationOfYear = new Map<number, { cells: Map<string, Cell>; notes: Said[] }>();
  periods.forEach((period, i) => {
    const cells = tally.cells[i];
    let population: Map<string, Cell> | null = null;
    const periodNotes = [...commonNotes];
    if (usesPopulation(indicator)) {
      let pop = populationOfYear.get(period.year);
      if (!pop) {
        pop = populationFor(indicator, data, period, dims, tallyOptions);
        populationOfYear.set(period.year, pop);
      }
      population = pop.cells;
      periodNotes.push(...pop.notes);
    }
    const keys = listedGroups(indicator, cells, population);
    for (const key of keys) {
      const cell = cells.get(key);
      const inhabitants = population?.get(key);
      const d = draft(indicator, period, cell?.group ?? inhabitants?.group ?? {}, [...periodNotes]);
      fill(indicator, d, cell, population ? (inhabitants?.numerator ?? 0) : null);
      if (cell) d.notes.push(...formatNotes(cell.notes));
      cellsOf.set(d, { cell, population: inhabitants });
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
  if (d.value === null && population === 0 && num > 0) d.notes.push(say(MESSAGES.noInhabitantsInGroup));
  if (d.value === null) {
    d.reason =
      indicator.unit === 'percent'
        ? { code: 'zero-denominator', message: say(MESSAGES.zeroDenominator) }
        : { code: 'no-population', message: say(MESSAGES.noPopulation) };
  }
}

function populationFor(
  indicator: CountingIndicator,
  data: LoadedData,
  period: Period,
  dims: readonly Dimension[],
  options: TallyOptions,
): { cells: Map<string, Cell>; notes: Said[] } {
  const extract = data.population!;
  const notes: Said[] = [];
  const noEducation = !extract.info.columns.has('education');
  if (dims.includes('education') && noEducation) {
    notes.push(say(MESSAGES.populationNoEducation));
    // Every group then has no inhabitants: values are null, events still shown.
    const cells = populationCells([], dims, options);
    return { cells, notes };
  }
  const minimumAge = indicator.populationMinimumAge ?? 0;
  const rows = extract.records.filter((r) => r.year === period.year && r.age >= minimumAge);
  if (rows.length === 0) notes.push(say(MESSAGES.populationNoYear, { year: period.year }));
  return { cells: populationCells(rows, dims, options), notes };
}

function formatNotes(notes: Map<Said, number>): Said[] {
  return [...notes].map(([label, n]) => say(MESSAGES.counted, { label, count: n }));
}

/** Period order as computed, then total first and groups by their values (SPEC §4.1). */
function sortDrafts(drafts: Draft[], dims: readonly Dimension[]): Draft[] {
  const periodOrder = new Map<string, number>();
  for (const d of drafts) if (!periodOrder.has(d.period)) periodOrder.set(d.period, periodOrder.size);
  return drafts.sort(
    (a, b) => periodOrder.get(a.period)! - periodOrder.get(b.period)! || compareGroups(dims, a.group, b.group),
  );
}

// ---------------------------------------------------------------------------------------
// The analyses of SPEC §8 on the drafts of one indicator and period (after suppression).

function analyse(
  indicator: CountingIndicator,
  drafts: Draft[],
  cellsOf: ReadonlyMap<Draft, DraftCells>,
  data: LoadedData,
  options: RunOptions,
): void {
  const wanted = analysesOf(indicator, options);
  const total = drafts.find((d) => Object.keys(d.group).length === 0);
  for (const d of drafts) {
    const cells = cellsOf.get(d);
    if (wanted.standardize) d.standardized = standardizedOf(indicator, d, cells, data, options.standardize!);
    if (wanted.equity && !('education' in d.group)) d.equity = equityOf(indicator, d, cells, options.minCell);
    if (wanted.compare) {
      // SPEC §8.3: null where ci95 is null; 99.8 % by the same methods as the 95 % interval.
      d.ci998 = d.ci95 === null ? null : ci998(d);
      if (d !== total) d.comparison = compareWithRegion(d as Required<Pick<Draft, 'value' | 'ci95' | 'ci998'>>, total?.value ?? null, indicator.direction);
    }
  }
}

/** SPEC §8.1: the DSR of a per_1000 result over the indicator's ESP2013 bands. */
function standardizedOf(
  indicator: CountingIndicator,
  d: Draft,
  cells: DraftCells | undefined,
  data: LoadedData,
  standard: Standard,
): Standardized | null {
  // Groups with an age band are not standardised further; a suppressed result shows nothing.
  if ('age_band' in d.group) return null;
  const empty = { value: null, ci95: null, standard: standard.name, method: 'dobson' as const };
  if (d.suppressed || !cells?.population) return empty;
  const minimumAge = indicator.populationMinimumAge ?? 0;
  const bands = esp2013BandsKeptBy((age) => age >= minimumAge);
  const weights =
    standard.name === 'esp2013'
      ? ESP2013_WEIGHTS
      : populationWeights((data.population?.records ?? []).filter((r) => r.year === (standard as { year: number }).year));
  const strata: Stratum[] = bands.map((b) => {
    const events = cells.cell?.strata?.[b];
    return {
      label: ESP2013_BANDS[b].label,
      weight: weights[b],
      events: events?.events ?? 0,
      population: cells.population?.strata?.[b]?.events ?? 0,
      frequencies: events ? frequenciesOf(events.persons.values()) : [],
    };
  });
  const dsr = directlyStandardisedRate(strata, { multiplier: 1000 });
  d.notes.push(...dsr.notes);
  return { value: dsr.value, ci95: dsr.interval, standard: standard.name, method: 'dobson' };
}

/** SPEC §8.2: the education gap within a result's group and period, from crude values. */
function equityOf(indicator: CountingIndicator, d: Draft, cells: DraftCells | undefined, minCell: number) {
  const groups: EquityGroups = {};
  for (const level of EDUCATION.values) {
    const units = cells?.cell?.education?.get(level);
    let cell: EquityCell;
    if (indicator.unit === 'percent') {
      const x = units?.numerator ?? 0;
      const n = units?.denominator ?? 0;
      cell = { numerator: x, denominator: n, value: n > 0 ? (x / n) * 100 : null, suppressed: false };
    } else {
      const x = units?.numerator ?? 0;
      const n = cells?.population?.education?.get(level)?.numerator ?? 0;
      cell = { numerator: x, denominator: n, value: n > 0 ? (x / n) * 1000 : null, suppressed: false };
    }
    // The education groups are compute results of their own (SPEC §8.2), small cells hidden.
    if (isSmallCell(indicator.unit, cell.numerator, indicator.unit === 'percent' ? cell.denominator : null, minCell)) {
      cell = { numerator: null, denominator: null, value: null, suppressed: true };
    }
    groups[level] = cell;
  }
  // A suppressed result gives no gap (the groups would reveal what was hidden).
  if (d.suppressed) for (const level of EDUCATION.values) groups[level] = { numerator: null, denominator: null, value: null, suppressed: true };
  return educationEquity(indicator.unit === 'percent' ? 'percent' : 'per_1000', groups);
}

// ---------------------------------------------------------------------------------------
// Measured indicators (SPEC §2.7)

function measuredDrafts(
  indicator: MeasuredIndicator,
  data: LoadedData,
  periods: readonly Period[],
  by: readonly Dimension[],
): Draft[] {
  const notes = by.length ? [say(MESSAGES.breakdownIgnoredMeasured, { dimensions: by.join(', ') })] : [];
  if (!data.measurements) {
    const reason: DeclaredReason = { code: 'source-not-loaded', message: say(MESSAGES.sourceNotLoaded, { files: extractFileName('measurements') }) };
    return periods.map((p) => ({ ...draft(indicator, p, {}, [...notes, say(MESSAGES.notComputed, { reason: reason.message })]), reason }));
  }
  const rows = data.measurements.records.filter((m) => m.indicator === indicator.id);
  return periods.map((p) => {
    const d = draft(indicator, p, {}, [...notes]);
    const m = rows.find((r) => r.period === p.id);
    if (!m) {
      d.notes.push(say(MESSAGES.noMeasurement));
      d.reason = { code: 'no-measurement', message: say(MESSAGES.noMeasurement) };
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
      const why =
        indicator.unit === 'percent' ? MESSAGES.measurementNoPercent : indicator.unit === 'count' ? MESSAGES.measurementNoCount : MESSAGES.measurementNoValue;
      d.reason = { code: 'no-value', message: say(why, { line: m.line }) };
    }
    if (m.source) d.notes.push(say(MESSAGES.measurementSource, { source: m.source }));
    return d;
  });
}

/**
 * SPEC §8.3: every percent and per_1000 result with a ci95 gains ci998 under --compare, a
 * measured one with a numerator and denominator too (Wilson, as its ci95). Measured results
 * are the total row only, so there is nothing to compare with the region.
 */
function addMeasuredCi998(indicator: MeasuredIndicator, drafts: readonly Draft[]): void {
  if (indicator.unit !== 'percent' && indicator.unit !== 'per_1000') return;
  for (const d of drafts) d.ci998 = d.ci95 === null ? null : ci998(d);
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
