// The engine: runs the selected catalogue indicators on loaded data and returns results per
// indicator, period and group with intervals, suppression, baselines, targets and status, and,
// when asked, the analyses of SPEC §8 on each result (direct standardisation, education gaps,
// comparison with the region). Pure: takes records, returns plain objects; never reads files
// or prints.

import { compareGroups, residenceOf, sameGroup, type Dimension, type Group } from '../calc/groups.js';
import { comparePeriods, type Period } from '../calc/periods.js';
import { ratePer1000Interval, wilsonInterval, type Interval } from '../calc/statistics.js';
import type { DayNumber } from '../calc/time.js';
import { compareWithRegion, ci998, NOTE_OUTSIDE_REGION, NOTE_RESIDENCE_UNKNOWN } from '../analysis/comparison.js';
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
import type { BaselineRow, LoadedData } from '../extracts/records.js';
import { deriveFacts, type DerivedFacts, type PreparedData } from '../facts/index.js';
import {
  AIMS,
  type CountingIndicator,
  type DeclaredReason,
  type Audit,
  type AuditRole,
  type IndicatorDefinition,
  type MeasuredIndicator,
  type UnitAttributes,
} from '../indicators/types.js';
import { CellTally, populationCells, type Cell, type TallyOptions } from './aggregate.js';
import { applicableBaseline, chooseBaseline, chooseTarget } from '../calc/targets.js';
import { changeOf, statusOf, targetVerdictOf } from './evaluate.js';
import type { BaselineRef, Result } from '../contracts/report.js';
import {
  DEFAULT_MIN_CELL,
  disclosedCounts,
  isDisclosed,
  isSmallCell,
  isSmallCount,
  shownCount,
  suppressResults,
  type Disclosure,
  type SuppressionCount,
} from './suppress.js';
import { dataEndOf, followUpSource, provisionalOf } from './provisional.js';
import type { GivenCounts, GroupFilter } from './counts.js';

/** The standard population of `--standardize` (SPEC §8.1). */
export type Standard = { name: 'esp2013' } | { name: `population:${number}`; year: number };

export interface RunOptions {
  periods: readonly Period[];
  by: readonly Dimension[];
  minCell: number;
  baselinePeriod?: Period;
  /** Only these units and inhabitants count (evaluate: the region's municipalities, one arm). */
  unitFilter?: (who: UnitAttributes) => boolean;
  /** The same filter over the groups of `counts` (SPEC §15: evaluate's arms from counts). */
  groupFilter?: GroupFilter;
  /** Pool over the dimensions an indicator always breaks down by (evaluate: LUP, SPEC §9). */
  pooled?: boolean;
  /** `--standardize` (SPEC §8.1). */
  standardize?: Standard;
  /** `--equity` (SPEC §8.2). */
  equity?: boolean;
  /** `--compare` (SPEC §8.3). */
  compare?: boolean;
  /** `--data-end` (SPEC §13.2): the extraction date, for every extract; absent: each dated
   *  extract's own latest date. */
  dataEnd?: DayNumber;
  /** `compute --audit` (SPEC §14.4): gather the exclusion audit's rows of the reported periods. */
  audit?: boolean;
  /** `--counts` (SPEC §15): the counting indicators' cells as a database counted them,
   *  instead of counting the extracts (src/engine/counts.ts). */
  counts?: GivenCounts;
}

/** One row of the exclusion audit (SPEC §14.4). */
export interface AuditRow {
  indicator: string;
  period: string;
  unit_id: string;
  role: AuditRole;
  rule: string;
}

export interface RunOutput {
  /** The exclusion audit's rows (SPEC §14.4), when asked: per indicator in run order. */
  audit?: AuditRow[];
  /** The requested periods in report order (chronological). */
  periods: Period[];
  results: Result[];
  /** Declared texts (SPEC §13.6), English as the JSON writes them. */
  warnings: Said[];
  suppression: SuppressionCount;
  /** Counts shown that the default --min-cell would hide, in the reported periods (SPEC §13.7). */
  disclosures: Disclosure[];
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
  /** Where the cell's counted notes start in the draft's notes. */
  notesAt: number;
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
  // Facts are derived for the indicators counted here (all of them, unless counts are given).
  const countedHere = (i: IndicatorDefinition) => !options.counts?.covers(i.id);
  deriveFacts(prepared, indicators.flatMap((i) => (i.kind === 'counting' && countedHere(i) && !missingSource(i, data) ? i.needs : [])));
  const facts = prepared.facts as DerivedFacts;
  const periods = [...options.periods].sort(comparePeriods);
  const bp = options.baselinePeriod;
  // The baseline period is computed alongside, on the same data and groups (SPEC §3.4).
  const computePeriods = bp && !periods.some((p) => p.id === bp.id) ? [...periods, bp] : periods;
  const ordered = [...indicators].sort((a, b) => AIMS.indexOf(a.aim) - AIMS.indexOf(b.aim));
  const results: Result[] = [];
  const warnings: Said[] = [];
  const suppression: SuppressionCount = { primary: 0, complementary: 0 };
  const disclosures: Disclosure[] = [];
  const reported = new Set(periods.map((p) => p.id));
  const audit: AuditRow[] | undefined = options.audit ? [] : undefined;

  for (const indicator of ordered) {
    const cellsOf = new Map<Draft, DraftCells>();
    const sink = audit && indicator.kind === 'counting' ? auditSink(indicator.id, periods, prepared.unitIds, audit) : undefined;
    const drafts =
      indicator.kind === 'measured'
        ? measuredDrafts(indicator, data, computePeriods, options.by)
        : countingDrafts(indicator, data, facts, computePeriods, options, warnings, cellsOf, sink);

    // Suppress over all the run's periods (each total with its breakdown, and a year or
    // quarter with the periods inside it, SPEC §4.4, §13.7), before any status is derived.
    const c = suppressResults(drafts, options.minCell, computePeriods, (d) => reported.has(d.period));
    suppression.primary += c.primary;
    suppression.complementary += c.complementary;
    if (indicator.kind === 'counting') protectNoteCounts(drafts, cellsOf, options.minCell, computePeriods);
    const byPeriod = new Map<string, Draft[]>();
    for (const d of drafts) {
      const list = byPeriod.get(d.period);
      if (list) list.push(d);
      else byPeriod.set(d.period, [d]);
    }
    for (const list of byPeriod.values()) {
      if (indicator.kind === 'counting') analyse(indicator, list, cellsOf, data, options, disclosures);
      else if (options.compare) addMeasuredCi998(indicator, list);
    }
    // What --fail-on disclosure reports: shown counts the default threshold would hide.
    if (options.minCell < DEFAULT_MIN_CELL) {
      for (const d of drafts) {
        disclosures.push(...disclosedCounts(d, options.minCell));
        for (const [label, n] of cellsOf.get(d)?.cell?.notes ?? []) {
          if (isDisclosed(n, options.minCell)) disclosures.push({ indicator: d.indicator, period: d.period, group: d.group, what: label, count: n });
        }
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
  return {
    ...(audit ? { audit } : {}),
    periods,
    results,
    warnings: [...new Set(warnings)],
    suppression,
    disclosures: disclosures.filter((x) => reported.has(x.period)),
  };
}

/**
 * The exclusion audit of one indicator (SPEC §14.4): a unit told with its day goes to every
 * reported period containing the day, named by its row's id (the stay's first contact's, the
 * episode's first admission's); an (excluded, unit, rule) row once per period.
 */
function auditSink(
  indicator: string,
  periods: readonly Period[],
  unitIds: PreparedData['unitIds'],
  rows: AuditRow[],
): Audit {
  const seen = new Set<string>();
  const fallback = (table: object, row: number) => `line ${(table as { columns: { line: Float64Array } }).columns.line[row]}`;
  return {
    unit(day, table, row, role, rule = '') {
      const idOf = unitIds?.get(table);
      const id = idOf ? idOf(row) : fallback(table, row);
      for (const p of periods) {
        if (day < p.from || day > p.to) continue;
        if (role === 'excluded') {
          const key = `${p.id}\u0000${id}\u0000${rule}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        rows.push({ indicator, period: p.id, unit_id: id, role, rule });
      }
    },
  };
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
  audit?: Audit,
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

  // SPEC §15: the cells counted elsewhere (--counts, --engine duckdb), when they hold this one.
  const counts = options.counts?.covers(indicator.id) ? options.counts : undefined;
  const reason = counts ? counts.missing(indicator, data) : missingSource(indicator, data);
  if (reason) {
    return periods.map((p) => ({ ...draft(indicator, p, {}, [...commonNotes, say(MESSAGES.notComputed, { reason: reason.message })]), reason }));
  }

  // SPEC §13.2: the data end of the source whose follow-up the numerator waits for.
  const source = followUpSource(indicator);
  const dataEnd =
    source === null ? null : counts ? counts.dataEnd(source, options.dataEnd) : dataEndOf(data[source]!.info, options.dataEnd);
  const wanted = analysesOf(indicator, options);
  const tallyOptions: TallyOptions = { unitFilter: options.unitFilter, byEducation: wanted.equity, strata: wanted.standardize };
  const tally = new CellTally(periods, dims, tallyOptions);
  // SPEC §15: counted in the database, or here.
  if (counts) {
    // Units are not in counts: a unit filter without its group form would be ignored.
    if (options.unitFilter && !options.groupFilter) throw new Error('a unit filter on counts needs its groupFilter');
    counts.fill(indicator.id, periods, dims, tallyOptions, tally.cells, options.groupFilter);
  }
  else {
    indicator.count(data, tally, {
      ...(audit && !options.unitFilter ? { audit } : {}),
      periods,
      firstDay: Math.min(...periods.map((p) => p.from)),
      lastDay: Math.max(...periods.map((p) => p.to)),
      facts,
    });
  }
  if (indicator.warnings) warnings.push(...indicator.warnings(data, periods, dataEnd));

  const drafts: Draft[] = [];
  // The inhabitants of a year, grouped once for all its periods (monitor: 12 months a year).
  const populationOfYear = new Map<number, { cells: Map<string, Cell>; notes: Said[] }>();
  periods.forEach((period, i) => {
    const cells = tally.cells[i];
    for (const cell of cells.values()) cell.notes = inDeclaredOrder(cell.notes);
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
      const notesAt = d.notes.length;
      if (cell) d.notes.push(...formatNotes(cell.notes, options.minCell));
      // SPEC §13.2: the provisional note comes after the cell's counted notes (notesAt indexes them).
      const latestUnitEnd = cell !== undefined && cell.followUpEnd > -Infinity ? cell.followUpEnd : null;
      // From contacts.csv the admissions are its stays (SPEC §14.2): the note names the file read.
      const late = provisionalOf(indicator.followUp, period, latestUnitEnd, dataEnd, source === null ? null : (data[source]?.info.extract ?? options.counts?.countedExtract(source) ?? source));
      d.provisional = late.provisional;
      if (late.note) d.notes.push(late.note);
      cellsOf.set(d, { cell, population: inhabitants, notesAt });
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
    case 'dkk_per_capita': {
      // A sum of money to the øre: the float noise of adding a million amounts
      // (2315070666.4501 for …66.45 on the §5 set) is not part of the figure, and a database's
      // exact DECIMAL sum of the same amounts (SPEC §15, --counts) gives the same numerator
      // and value. Amounts are kroner with øre; a sub-øre part of the sum is not shown.
      const amount = Math.round(num * 100) / 100;
      d.numerator = amount;
      d.denominator = population ?? 0;
      d.value = population ? amount / population : null;
      break;
    }
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

/**
 * The counts in notes add up like results (a total's exclusions are its groups', a year's its
 * months'), so a note's small count must not be derivable either (SPEC §13.7): per label, the
 * counts go through the same complementary suppression as results, and a count hidden by it
 * is written `hidden` (not `<N`, which would be untrue). They do not enter the report's
 * suppression counts, which count results.
 */
function protectNoteCounts(drafts: readonly Draft[], cellsOf: ReadonlyMap<Draft, DraftCells>, minCell: number, periods: readonly Period[]): void {
  if (minCell <= 1) return;
  type NoteCell = Pick<Result, 'unit' | 'group' | 'period' | 'numerator' | 'denominator' | 'value' | 'ci95' | 'suppressed' | 'reason' | 'notes'> & {
    draft: Draft;
    index: number;
    count: number;
  };
  const byLabel = new Map<Said, NoteCell[]>();
  for (const d of drafts) {
    const cells = cellsOf.get(d);
    if (!cells?.cell) continue;
    let k = 0;
    for (const [label, n] of cells.cell.notes) {
      const noteCell: NoteCell = {
        unit: 'count', group: d.group, period: d.period, numerator: n, denominator: null, value: n, ci95: null,
        suppressed: false, reason: null, notes: [], draft: d, index: cells.notesAt + k++, count: n,
      };
      const list = byLabel.get(label);
      if (list) list.push(noteCell);
      else byLabel.set(label, [noteCell]);
    }
  }
  for (const [label, list] of byLabel) {
    suppressResults(list, minCell, periods);
    for (const c of list) {
      // Primary ones are already written `<N` by formatNotes.
      if (c.suppressed && !isSmallCount(c.count, minCell)) c.draft.notes[c.index] = say(MESSAGES.countedHidden, { label });
    }
  }
}

/** Each declaration's English template as a pattern, in the order of src/domain/messages.ts. */
const DECLARED_PATTERNS: readonly RegExp[] = Object.values(MESSAGES).map(
  (m) => new RegExp(`^${m.en.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+?')}$`),
);
const DECLARED_TEXTS = new Map<string, number>(Object.values(MESSAGES).map((m, i) => [m.en, i]));
const declaredPlace = new Map<string, number>();

/** The place of a note's declaration in src/domain/messages.ts (found once per text). */
function placeOf(label: Said): number {
  let place = declaredPlace.get(label);
  if (place === undefined) {
    // A text without parameters is found by itself; one with parameters by its template.
    place = DECLARED_TEXTS.get(label) ?? DECLARED_PATTERNS.findIndex((p) => p.test(label));
    if (place < 0) place = DECLARED_PATTERNS.length;
    declaredPlace.set(label, place);
  }
  return place;
}

/** A cell's notes in the order their messages are declared, one declaration's texts in
 *  alphabetical order (`sender other` before `sender self`): the same notes whatever the order
 *  of the rows that made them, and whether they were counted here or in a database (SPEC §15,
 *  --counts). */
function inDeclaredOrder(notes: Map<Said, number>): Map<Said, number> {
  return new Map([...notes].sort(([a], [b]) => placeOf(a) - placeOf(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

/** The tally's counts of exclusions as notes; a small count is written `<N` (SPEC §13.7). */
function formatNotes(notes: Map<Said, number>, minCell: number): Said[] {
  return [...notes].map(([label, n]) => say(MESSAGES.counted, { label, count: shownCount(n, minCell) }));
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
  disclosures: Disclosure[],
): void {
  const wanted = analysesOf(indicator, options);
  const total = drafts.find((d) => Object.keys(d.group).length === 0);
  // The DSR's 99.8 % interval, kept only for the standardised comparison (SPEC §13.8).
  const dsr998 = new Map<Draft, Interval | null>();
  for (const d of drafts) {
    const cells = cellsOf.get(d);
    if (wanted.standardize) {
      // A count in the DSR's notes is written as any other (SPEC §13.7).
      const count = (n: number) => {
        if (isDisclosed(n, options.minCell)) disclosures.push({ indicator: d.indicator, period: d.period, group: d.group, what: 'standardized: events in an age band with no inhabitants', count: n });
        return shownCount(n, options.minCell);
      };
      const s = standardizedOf(indicator, d, cells, data, options.standardize!, wanted.compare, count);
      d.standardized = s.standardized;
      dsr998.set(d, s.ci998);
    }
    if (wanted.equity && !('education' in d.group)) {
      d.equity = equityOf(indicator, d, cells, options.minCell);
      // The education groups' counts are shown too (SPEC §8.2, §13.7).
      for (const [level, g] of Object.entries(d.equity.groups)) {
        const shown = { ...d, unit: indicator.unit, numerator: g.numerator, denominator: g.denominator, suppressed: false };
        for (const x of disclosedCounts(shown, options.minCell)) disclosures.push({ ...x, what: `education ${level}: ${x.what}` });
      }
    }
    // SPEC §8.3: null where ci95 is null; 99.8 % by the same methods as the 95 % interval.
    if (wanted.compare) d.ci998 = d.ci95 === null ? null : ci998(d);
  }
  if (!wanted.compare) return;
  // The reference stays the total row (SPEC §8.3, §13.5): its crude value, and its DSR for the
  // standardised comparison (§13.8).
  const reference = total?.value ?? null;
  const standardizedReference = total?.standardized?.value ?? null;
  for (const d of drafts) {
    if (d === total) continue;
    const residence = residenceOf(d.group);
    if (residence !== 'region') {
      // SPEC §13.5: the extract holds no population of the region there, so no comparison.
      d.comparison = null;
      if (d.standardized) d.standardized = { ...d.standardized, comparison: null };
      d.notes.push(residence === 'outside' ? NOTE_OUTSIDE_REGION : NOTE_RESIDENCE_UNKNOWN);
      continue;
    }
    d.comparison = compareWithRegion(d as Required<Pick<Draft, 'value' | 'ci95' | 'ci998'>>, reference, indicator.direction);
    const s = d.standardized;
    if (s) {
      // SPEC §13.8: exactly §8.3 on the DSR, against the total row's DSR.
      const group = { value: s.value, ci95: s.ci95, ci998: dsr998.get(d) ?? null };
      d.standardized = { ...s, comparison: compareWithRegion(group, standardizedReference, indicator.direction) };
    }
  }
}

/** SPEC §8.1: the DSR of a per_1000 result over the indicator's ESP2013 bands; with
 *  `wide`, also its 99.8 % Dobson interval (Byar's limits at z = Z998, SPEC §13.8). */
function standardizedOf(
  indicator: CountingIndicator,
  d: Draft,
  cells: DraftCells | undefined,
  data: LoadedData,
  standard: Standard,
  wide: boolean,
  count: (events: number) => string,
): { standardized: Standardized | null; ci998: Interval | null } {
  // Groups with an age band are not standardised further; a suppressed result shows nothing.
  if ('age_band' in d.group) return { standardized: null, ci998: null };
  const empty = { value: null, ci95: null, standard: standard.name, method: 'dobson' as const };
  if (d.suppressed || !cells?.population) return { standardized: empty, ci998: null };
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
  const dsr = directlyStandardisedRate(strata, { multiplier: 1000, count });
  d.notes.push(...dsr.notes);
  // The same strata at the other level; its notes are the ones above.
  const ci998 = wide ? directlyStandardisedRate(strata, { multiplier: 1000, level: '99.8' }).interval : null;
  return { standardized: { value: dsr.value, ci95: dsr.interval, standard: standard.name, method: 'dobson' }, ci998 };
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
