// Baselines and targets (SPEC §3.4, §6.2, §13.3, §13.9): which baseline and target a result
// has, whether they speak about its period kind, and whether a value meets a target. Pure
// rules on numbers, shared by the engine (status, target verdict) and src/analysis (monitor's
// targets, assurance), which may not import the engine (issue 22).

import { sameGroup, type Group } from './groups.js';
import { parsePeriodId, type Period } from './periods.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { BaselineRow } from '../extracts/records.js';
import type { Direction, IndicatorDefinition, Unit } from '../indicators/types.js';
import type { BaselineRef, TargetRef } from '../contracts/report.js';

/** Values within 1e-9 (relative) count as equal, so 7/10 = 70 % meets a target of 70. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** a ≥ b with the SPEC's tolerance. */
function atLeast(a: number, b: number): boolean {
  return a > b || nearlyEqual(a, b);
}

/**
 * The baseline of a result, in rising precedence: catalogue, baselines.csv, then the value
 * computed for --baseline-period on the same data and group (when that value exists).
 * A catalogue or file baseline applies only to the result whose group equals its key.
 */
export function chooseBaseline(
  indicator: IndicatorDefinition,
  group: Group,
  fileRows: readonly BaselineRow[],
  fromData: BaselineRef | null,
): BaselineRef | null {
  if (fromData) return fromData;
  const row = fileRows.find((r) => r.baselineValue !== null && sameGroup(r.group, group));
  if (row && row.baselineValue !== null) {
    return { value: row.baselineValue, period: row.baselinePeriod, source: row.note ? say(MESSAGES.baselineFromFile, { note: row.note }) : say(MESSAGES.baselineFile) };
  }
  const cat = indicator.baselines.find((b) => sameGroup(b.group, group));
  return cat ? { value: cat.value, period: cat.period, source: cat.source } : null;
}

const KIND_ADJECTIVE = { year: 'yearly', quarter: 'quarterly', month: 'monthly', window: 'multi-month' } as const satisfies Record<Period['kind'], string>;
const UNIT_NOUN: Partial<Record<Unit, string>> = { count: 'count', per_1000: 'rate per 1000', dkk_per_capita: 'DKK per capita figure' };

/**
 * SPEC §6.2, baselines by period kind: counts, rates per 1000 and DKK per capita are not
 * annualised, so a baseline of one period kind (year, quarter, month) says nothing about a
 * result of another — a yearly count of 120 makes every month "worse". For those units a
 * baseline (catalogue, file or --baseline-period alike) applies only to results whose period
 * is of its own kind; otherwise the result has no baseline and the note says why. Percent
 * baselines, and baselines with period null, apply to every period. The baseline chosen by
 * precedence (chooseBaseline) is the one checked: a lower-precedence one is not tried instead.
 */
export function applicableBaseline(
  unit: Unit,
  period: Pick<Period, 'kind'>,
  baseline: BaselineRef | null,
): { baseline: BaselineRef | null; note: Said | null } {
  const noun = UNIT_NOUN[unit];
  if (baseline === null || baseline.period === null || noun === undefined) return { baseline, note: null };
  const kind = parsePeriodId(baseline.period)?.kind;
  // A period id we cannot read (none reaches here from baselines.csv, SPEC §6.2) is left as it was.
  if (kind === undefined || kind === period.kind) return { baseline, note: null };
  return {
    baseline: null,
    note: say(MESSAGES.baselineOtherKind, {
      baselineKind: KIND_ADJECTIVE[kind],
      resultKind: KIND_ADJECTIVE[period.kind],
      noun,
      period: baseline.period,
    }),
  };
}

/**
 * SPEC §13.3, §13.9: whether a target speaks about results of a period kind. The §6.2 rule of
 * baselines, for targets: a count, per-1000 or DKK target whose period is of another kind
 * (a yearly count against a month) does not apply; percent targets, and targets with period
 * null, apply to every kind. (Status keeps §3.4: a target applies to every period there.)
 */
export function targetAppliesToKind(unit: Unit, kind: Period['kind'], target: TargetRef | null): boolean {
  if (target === null) return false;
  if (UNIT_NOUN[unit] === undefined || target.period === null) return true;
  const own = parsePeriodId(target.period)?.kind;
  return own === undefined || own === kind;
}

/**
 * The target compute chooses for a result of `indicator`, `group` and `period` without
 * --baseline-period (monitor, SPEC §13.9): catalogue or file baseline of the group, applied
 * by §6.2, then the target.
 */
export function targetFor(indicator: IndicatorDefinition, group: Group, period: Period, fileRows: readonly BaselineRow[]): TargetRef | null {
  const { baseline } = applicableBaseline(indicator.unit, period, chooseBaseline(indicator, group, fileRows, null));
  return chooseTarget(indicator, period, fileRows, baseline);
}

/**
 * The target of a result. A baselines.csv `target_value` replaces the catalogue target for
 * every group and period; when several rows give one, the row without a group key wins
 * (SPEC §2.7), otherwise the first in file order.
 */
export function chooseTarget(
  indicator: IndicatorDefinition,
  period: Period,
  fileRows: readonly BaselineRow[],
  baseline: BaselineRef | null,
): TargetRef | null {
  const withTarget = fileRows.filter((r) => r.targetValue !== null);
  if (withTarget.length > 0) {
    const row = withTarget.find((r) => Object.keys(r.group).length === 0) ?? withTarget[0];
    return { value: row.targetValue!, period: null, rule: ruleOf(indicator.direction) };
  }
  const t = indicator.target;
  if (!t) return null;
  switch (t.kind) {
    case 'value':
      return { value: t.value, period: null, rule: ruleOf(indicator.direction) };
    case 'by_year': {
      const v = t.values[period.year];
      return v === undefined ? null : { value: v, period: String(period.year), rule: ruleOf(indicator.direction) };
    }
    case 'increase_over_baseline':
      // Without a baseline this target counts as no target (SPEC §3.4).
      return baseline ? { value: baseline.value, period: baseline.period, rule: 'above_baseline' } : null;
  }
}

function ruleOf(direction: Direction): TargetRef['rule'] {
  return direction === 'lower_is_better' ? 'at_most' : 'at_least';
}

export function meetsTarget(value: number, target: TargetRef): boolean {
  switch (target.rule) {
    case 'at_least':
      return atLeast(value, target.value);
    case 'at_most':
      return atLeast(target.value, value);
    case 'above_baseline':
      return value > target.value && !nearlyEqual(value, target.value);
  }
}
