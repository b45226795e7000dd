// Series for `monitor` (SPEC §7 "Series"): from the results `compute` gives for every period
// of the series, one series per indicator and group, each point exactly the result of its
// period (suppression included), then the SPC analysis of src/analysis/spc. Pure: results
// in, series out.

import { compareGroups, formatGroupKey, sameGroup, type Dimension, type Group } from '../calc/groups.js';
import { parsePeriodId, type Period } from '../calc/periods.js';
import type { Series, SeriesPoint } from '../contracts/monitor.js';
import type { Result } from '../contracts/report.js';
import type { AnnotationRow, BaselineRow } from '../extracts/records.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { targetAppliesToKind, targetFor } from '../calc/targets.js';
import { assuranceOf } from './assurance.js';
import { analyseSeries, chartForUnit, type RequestedChart, type SeriesAnalysis } from './spc/index.js';

/** An annotation (`--annotations FILE`): attached to the points of its period, of one
 *  indicator or all (null), of one group or all (null). */
export interface Annotation {
  /** The annotation's period (from, to); it marks every point whose period contains its start. */
  from: number;
  text: string;
  indicator: string | null;
  group: Group | null;
}

export interface SeriesOptions {
  /** The points' periods, in time order, all of one kind (month or quarter). */
  periods: readonly Period[];
  chart: RequestedChart;
  /** Indices into `periods` where phases 2, 3, … start (sorted, unique, each > 0). */
  phaseStarts: readonly number[];
  /** Index into `periods` of the last point of the first phase's frozen baseline, or null. */
  freezeTo: number | null;
  annotations: readonly Annotation[];
  /** baselines.csv rows, for the target of a group that the last period does not list
   *  (assurance, SPEC §13.9); absent: none. */
  baselineRows?: readonly BaselineRow[];
}

/**
 * The series of the results of `indicators` over `options.periods`. A series exists for every
 * indicator and group that the results list in at least one period; where a period does not
 * list the group, the point is what compute would report for it: a count of 0 for a count
 * indicator (a real zero), otherwise value null with numerator 0 and denominator 0 (a gap).
 * Series come in the order of results (SPEC §4.1): aim and catalogue order as given, then the
 * total row first and groups by their values.
 */
export function buildSeries(
  indicators: readonly IndicatorDefinition[],
  results: readonly Result[],
  options: SeriesOptions,
): Series[] {
  const periodIndex = new Map(options.periods.map((p, i) => [p.id, i]));
  const byIndicator = new Map<string, Result[]>();
  for (const r of results) {
    if (!periodIndex.has(r.period)) continue;
    const list = byIndicator.get(r.indicator);
    if (list) list.push(r);
    else byIndicator.set(r.indicator, [r]);
  }
  const out: Series[] = [];
  for (const indicator of indicators) {
    const list = byIndicator.get(indicator.id) ?? [];
    const groups = new Map<string, { group: Group; points: (Result | undefined)[] }>();
    for (const r of list) {
      const key = formatGroupKey(r.group);
      let g = groups.get(key);
      if (!g) {
        g = { group: r.group, points: new Array(options.periods.length) };
        groups.set(key, g);
      }
      g.points[periodIndex.get(r.period)!] = r;
    }
    // Every breakdown group of an indicator has the same dimensions, in breakdown order.
    const dims = Object.keys([...groups.values()].find((g) => Object.keys(g.group).length > 0)?.group ?? {}) as Dimension[];
    const ordered = [...groups.values()].sort((a, b) => compareGroups(dims, a.group, b.group));
    const choice = chartForUnit(options.chart, indicator.unit);
    const totals = groups.get('')?.points ?? [];
    for (const { group, points } of ordered) {
      out.push(seriesOf(indicator, group, points, totals, choice, options));
    }
  }
  return out;
}

function seriesOf(
  indicator: IndicatorDefinition,
  group: Group,
  results: readonly (Result | undefined)[],
  totals: readonly (Result | undefined)[],
  choice: { chart: Series['chart']; note: string | null },
  options: SeriesOptions,
): Series {
  const inputs = options.periods.map((p, i) => pointOf(indicator, p, results[i], totals[i]));
  const analysis = analyseSeries(inputs, {
    chart: choice.chart,
    unit: indicator.unit,
    direction: indicator.direction,
    phaseStarts: options.phaseStarts,
    freezeTo: options.freezeTo,
  });
  const points: SeriesPoint[] = inputs.map((p, i) => ({
    period: p.period,
    numerator: p.numerator,
    denominator: p.denominator,
    value: p.value,
    suppressed: p.suppressed,
    ...analysis.points[i],
    provisional: p.provisional,
    annotation: annotationOf(indicator.id, group, options.periods[i], options.annotations),
  }));
  // Notes that hold for the whole series (a breakdown ignored, a chart that does not fit); the
  // per-period counts of exclusions stay in compute's results.
  const notes = new Set<string>();
  if (choice.note) notes.add(choice.note);
  for (const r of results) for (const n of r?.notes ?? []) if (n.startsWith('breakdown by ')) notes.add(n);
  return {
    indicator: indicator.id,
    aim: indicator.aim,
    unit: indicator.unit,
    direction: indicator.direction,
    group,
    chart: choice.chart,
    variation: analysis.variation,
    last_side: analysis.last_side,
    signal: analysis.signal,
    signal_side: analysis.signal_side,
    assurance: assuranceOfSeries(indicator, group, results, inputs, analysis, options),
    phases: analysis.phases,
    points,
    notes: [...notes],
  };
}

/**
 * A point as compute reports it, or as compute would report a group it does not list. Such a
 * group has no units, so a per-unit follow-up cannot make it provisional; a fixed window is
 * the same for every group of a period (SPEC §13.2), so it is the total row's.
 */
function pointOf(indicator: IndicatorDefinition, period: Period, r: Result | undefined, total: Result | undefined) {
  if (r) {
    return { period: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value, suppressed: r.suppressed, provisional: r.provisional };
  }
  const provisional = indicator.kind === 'counting' && indicator.followUp?.kind === 'after_period' && total?.provisional === true;
  return indicator.unit === 'count'
    ? { period: period.id, numerator: 0, denominator: null, value: 0, suppressed: false, provisional }
    : { period: period.id, numerator: 0, denominator: 0, value: null, suppressed: false, provisional };
}

/**
 * SPEC §13.9: the target compute chooses for the series' last period (for a group that period
 * does not list, as compute would choose it), if it applies to the series' period kind,
 * against the limits of the last phase's last useful point (a value, not provisional — the
 * point whose limits describe the process as it now runs).
 */
function assuranceOfSeries(
  indicator: IndicatorDefinition,
  group: Group,
  results: readonly (Result | undefined)[],
  inputs: readonly { value: number | null; provisional: boolean }[],
  analysis: SeriesAnalysis,
  options: SeriesOptions,
): Series['assurance'] {
  const n = options.periods.length;
  if (n === 0) return null;
  const lastPeriod = options.periods[n - 1];
  const last = results[n - 1];
  const target = last !== undefined ? last.target : targetFor(indicator, group, lastPeriod, options.baselineRows ?? []);
  if (!targetAppliesToKind(indicator.unit, lastPeriod.kind, target)) return null;
  const lastPhase = analysis.phases.length;
  for (let i = n - 1; i >= 0 && analysis.points[i].phase === lastPhase; i--) {
    if (inputs[i].value !== null && !inputs[i].provisional) return assuranceOf(target, analysis.points[i], indicator.direction);
  }
  return null;
}

function annotationOf(indicator: string, group: Group, period: Period, annotations: readonly Annotation[]): string | null {
  const texts = annotations
    .filter(
      (a) =>
        a.from >= period.from &&
        a.from <= period.to &&
        (a.indicator === null || a.indicator === indicator) &&
        (a.group === null || sameGroup(a.group, group)),
    )
    .map((a) => a.text);
  return texts.length ? texts.join('; ') : null;
}

/** The annotations (their indicator ids were checked while reading, SPEC §6.1); one whose
 *  period starts outside the points is not shown, with a warning. */
export function annotationsOf(rows: readonly AnnotationRow[], path: string, periods: readonly Period[]): { list: Annotation[]; warnings: Said[] } {
  const warnings: Said[] = [];
  const list: Annotation[] = [];
  const first = periods[0];
  const last = periods[periods.length - 1];
  for (const r of rows) {
    const from = parsePeriodId(r.period)!.from;
    if (from < first.from || from > last.to) {
      warnings.push(say(MESSAGES.annotationOutside, { path, line: r.line, period: r.period, first: first.id, last: last.id }));
      continue;
    }
    list.push({ from, text: r.text, indicator: r.indicator, group: r.group });
  }
  return { list, warnings };
}
