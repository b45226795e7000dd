// The Triple Aim evaluation of a project (SPEC §9): intervention against comparison, before
// against after. Each of the four cells is a compute result — the total row of one window
// over the units of one arm, suppression included — from two runs of the engine (one per
// arm, both windows at once); the effect per indicator comes from src/analysis/evaluation.ts.
// It runs the engine, so it lives here and not in src/analysis, which never calls the
// engine (issue 22: src/analysis is a pure leaf).

import { clusterOf, DIMENSIONS, dimensionValue, OUTSIDE_REGION, UNKNOWN, type Dimension, type Group } from '../calc/groups.js';
import type { GivenCounts } from './counts.js';
import type { Period } from '../calc/periods.js';
import type { Effect } from '../contracts/evaluate.js';
import type { Result } from '../contracts/report.js';
import { projectWindows } from './data-range.js';
import { runIndicators } from './run.js';
import { suppressArm, type Disclosure, type SuppressionCount } from './suppress.js';
import { extractFileName } from '../extracts/declarations.js';
import type { PreparedData } from '../facts/index.js';
import { AIMS, type IndicatorDefinition, type UnitAttributes } from '../indicators/types.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import { projectEffect, type EvaluationCell } from '../analysis/evaluation.js';

/** A selector `dim=value[;dim=value]` as parsed: canonical values per dimension. */
export type Selector = Group;

export interface ProjectSpec {
  intervention: Selector;
  /** `rest`: the region's units with a known value for every dimension of the intervention
   *  selector that do not match it; or a second selector over the same dimensions. */
  comparison: 'rest' | Selector;
  /** The first month of the project. */
  start: Period;
  months: number;
  minCell: number;
  /** `--data-end` (SPEC §13.2), for the follow-up warnings of the windows. */
  dataEnd?: number;
}

export interface ProjectEvaluation {
  windows: { before: Period; after: Period };
  effects: Effect[];
  notEvaluated: { indicator: string; reason: Said }[];
  suppression: SuppressionCount;
  /** Counts shown that the default --min-cell would hide (SPEC §13.7), `what` naming the cell. */
  disclosures: Disclosure[];
  warnings: Said[];
}

export function selectorDimensions(s: Selector): Dimension[] {
  return Object.keys(s) as Dimension[];
}

/** Every unit of an evaluation lives in one of the region's 19 municipalities (SPEC §9). */
function inRegion(who: UnitAttributes): boolean {
  const cluster = clusterOf(who.municipality);
  return cluster !== UNKNOWN && cluster !== OUTSIDE_REGION;
}

function matches(s: Selector, who: UnitAttributes): boolean {
  for (const d of selectorDimensions(s)) if (dimensionValue(d, who) !== s[d]) return false;
  return true;
}

function known(s: Selector, who: UnitAttributes): boolean {
  for (const d of selectorDimensions(s)) if (dimensionValue(d, who) === UNKNOWN) return false;
  return true;
}

/** The units of each arm; a unit with an unknown value in a selector dimension is in neither. */
export function armFilters(spec: Pick<ProjectSpec, 'intervention' | 'comparison'>) {
  const { intervention, comparison } = spec;
  return {
    intervention: (who: UnitAttributes) => inRegion(who) && matches(intervention, who),
    comparison:
      comparison === 'rest'
        ? (who: UnitAttributes) => inRegion(who) && known(intervention, who) && !matches(intervention, who)
        : (who: UnitAttributes) => inRegion(who) && matches(comparison, who),
  };
}

/** armFilters over groups instead of units (--engine duckdb: the counts come broken down by
 *  the arms' dimensions and municipality, and an arm pools the groups of its units). A group
 *  is a unit's dimension values, so each arm keeps exactly the units armFilters keeps. */
export function armGroups(spec: Pick<ProjectSpec, 'intervention' | 'comparison'>) {
  const { intervention, comparison } = spec;
  const value = (g: Group, d: Dimension) => g[d] ?? UNKNOWN;
  const inRegionGroup = (g: Group) => {
    const cluster = clusterOf(g.municipality === undefined || g.municipality === UNKNOWN ? null : g.municipality);
    return cluster !== UNKNOWN && cluster !== OUTSIDE_REGION;
  };
  const matchesGroup = (s: Selector, g: Group) => selectorDimensions(s).every((d) => value(g, d) === s[d]);
  const knownGroup = (s: Selector, g: Group) => selectorDimensions(s).every((d) => value(g, d) !== UNKNOWN);
  return {
    /** The dimensions the counts must be broken down by. */
    dimensions: DIMENSIONS.filter((d) => d === 'municipality' || selectorDimensions(intervention).includes(d)),
    intervention: (g: Group) => inRegionGroup(g) && matchesGroup(intervention, g),
    comparison:
      comparison === 'rest'
        ? (g: Group) => inRegionGroup(g) && knownGroup(intervention, g) && !matchesGroup(intervention, g)
        : (g: Group) => inRegionGroup(g) && matchesGroup(comparison, g),
  };
}

/**
 * The indicators an evaluation covers (SPEC §9): those computed from extracts whose source
 * carries every selector dimension and is loaded; the others with the reason.
 */
export function evaluableIndicators(
  indicators: readonly IndicatorDefinition[],
  dimensions: readonly Dimension[],
  loaded: (extract: IndicatorDefinition['sources'][number]) => boolean,
): { evaluated: IndicatorDefinition[]; notEvaluated: { indicator: string; reason: Said }[] } {
  const evaluated: IndicatorDefinition[] = [];
  const notEvaluated: { indicator: string; reason: Said }[] = [];
  for (const i of indicators) {
    if (i.kind === 'measured') {
      notEvaluated.push({ indicator: i.id, reason: say(MESSAGES.notEvaluatedMeasured) });
      continue;
    }
    const missing = dimensions.filter((d) => !i.dimensions.includes(d));
    if (missing.length > 0) {
      notEvaluated.push({ indicator: i.id, reason: say(MESSAGES.notEvaluatedDimensions, { dimensions: missing.join(', ') }) });
      continue;
    }
    const absent = i.sources.filter((s) => !loaded(s));
    if (absent.length > 0) {
      notEvaluated.push({ indicator: i.id, reason: say(MESSAGES.sourceNotLoaded, { files: absent.map(extractFileName).join(' and ') }) });
      continue;
    }
    evaluated.push(i);
  }
  // Effects come by aim, then in catalogue order (SPEC §4.1, §9: the evaluation table by aim).
  evaluated.sort((a, b) => AIMS.indexOf(a.aim) - AIMS.indexOf(b.aim));
  return { evaluated, notEvaluated };
}

/** Runs the evaluation on prepared data. */
export function evaluateProject(
  indicators: readonly IndicatorDefinition[],
  prepared: PreparedData,
  spec: ProjectSpec,
  /** SPEC §15 (--engine duckdb): each arm's cells counted elsewhere (armGroups). */
  counts?: Readonly<Record<'intervention' | 'comparison', GivenCounts>>,
): Omit<ProjectEvaluation, 'notEvaluated'> {
  const windows = projectWindows(spec.start, spec.months);
  const filters = armFilters(spec);
  const suppression: SuppressionCount = { primary: 0, complementary: 0 };
  const warnings: Said[] = [];
  const disclosures: Disclosure[] = [];
  const windowName = (id: string) => (id === windows.before.id ? 'before' : 'after');
  const totals = (arm: 'intervention' | 'comparison') => {
    const run = runIndicators(indicators, prepared, {
      periods: [windows.before, windows.after],
      by: [],
      minCell: spec.minCell,
      unitFilter: filters[arm],
      ...(counts ? { counts: counts[arm] } : {}),
      // LUP always breaks down by patient type; an evaluation pools over it (SPEC §9).
      pooled: true,
      dataEnd: spec.dataEnd,
    });
    suppression.primary += run.suppression.primary;
    suppression.complementary += run.suppression.complementary;
    warnings.push(...run.warnings);
    for (const x of run.disclosures) disclosures.push({ ...x, what: `${arm} ${windowName(x.period)}: ${x.what}` });
    return run.results;
  };
  const results = { intervention: totals('intervention'), comparison: totals('comparison') };
  const cell = (arm: 'intervention' | 'comparison', indicator: string, window: Period) =>
    results[arm].find((r) => r.indicator === indicator && r.period === window.id && Object.keys(r.group).length === 0);

  const effects = indicators.map((i): Effect => {
    const found = {
      intervention: { before: cell('intervention', i.id, windows.before), after: cell('intervention', i.id, windows.after) },
      comparison: { before: cell('comparison', i.id, windows.before), after: cell('comparison', i.id, windows.after) },
    };
    // SPEC §13.7: per arm, when one window is hidden the other is too.
    for (const arm of ['intervention', 'comparison'] as const) {
      suppression.complementary += suppressArm(found[arm].before, found[arm].after);
    }
    const cells = {
      intervention: { before: cellOf(found.intervention.before), after: cellOf(found.intervention.after) },
      comparison: { before: cellOf(found.comparison.before), after: cellOf(found.comparison.after) },
    };
    const effect = projectEffect(cells, i.unit, i.direction);
    const notes: Said[] = [];
    for (const arm of ['intervention', 'comparison'] as const) {
      for (const w of ['before', 'after'] as const) {
        const r = found[arm][w];
        if (r && r.value === null && r.reason) notes.push(say(MESSAGES.evaluationCellReason, { arm, window: w, reason: r.reason.message }));
      }
    }
    // An effect with a hidden cell is not shown: it would tie the hidden count to the others.
    const hidden = Object.values(cells).some((arm) => arm.before.suppressed || arm.after.suppressed);
    if (hidden) notes.push(say(MESSAGES.evaluationCellHidden));
    if (i.unit === 'dkk_per_capita') notes.push(say(MESSAGES.evaluationNoDkkInterval));
    return {
      indicator: i.id,
      aim: i.aim,
      unit: i.unit,
      direction: i.direction,
      measure: effect.measure,
      cells,
      change_intervention: effect.change_intervention,
      change_comparison: effect.change_comparison,
      did: hidden ? null : effect.did,
      ci95: hidden ? null : effect.ci95,
      verdict: hidden ? null : effect.verdict,
      notes,
    };
  });
  return { windows, effects, suppression, disclosures, warnings: [...new Set(warnings)] };
}

function cellOf(r: Result | undefined): EvaluationCell {
  if (!r) return { numerator: null, denominator: null, value: null, suppressed: false };
  return { numerator: r.numerator, denominator: r.denominator, value: r.value, suppressed: r.suppressed };
}
