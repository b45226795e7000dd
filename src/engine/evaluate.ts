// Status and change of a result, and what --fail-on gates on (SPEC §3.4, §13.4). The rules
// that choose a result's baseline and target, and whether a value meets it, are in
// src/calc/targets.ts: src/analysis (monitor's targets, assurance) reads them too, and never
// imports the engine (issue 22).

import { meetsTarget, nearlyEqual } from '../calc/targets.js';
import type { Direction } from '../indicators/types.js';
import type { BaselineRef, Result, Status, TargetRef, TargetVerdict } from '../contracts/report.js';

export function statusOf(
  value: number | null,
  direction: Direction,
  baseline: BaselineRef | null,
  target: TargetRef | null,
): Status {
  if (value === null) return 'not_computed';
  if (target && meetsTarget(value, target)) return 'met';
  if (baseline) {
    const change = changeVerdictOf(value, direction, baseline);
    if (change === 'unchanged') return 'unchanged';
    if (change === 'better') return 'improving';
    if (change === 'worse') return 'worsening';
    // No catalogue indicator is direction "none"; such a change is neither better nor worse.
    return target ? 'not_met' : 'no_target';
  }
  if (target) return 'not_met';
  return 'no_target';
}

/** SPEC §13.4: the change against the baseline alone, whatever the target says. */
export type ChangeVerdict = 'better' | 'worse' | 'unchanged' | 'higher' | 'lower' | 'no_baseline';

/**
 * SPEC §13.4: the change of a value against its baseline — `better` / `worse` by the
 * indicator's direction (`higher` / `lower` when it has none), `unchanged` within the
 * tolerance of §3.4, `no_baseline` without one. The status of §3.4 is decided from this too
 * (statusOf), so the two never disagree; the human reports show it beside the target verdict.
 */
export function changeVerdictOf(value: number, direction: Direction, baseline: BaselineRef | null): ChangeVerdict {
  if (baseline === null) return 'no_baseline';
  if (nearlyEqual(value, baseline.value)) return 'unchanged';
  const higher = value > baseline.value;
  if (direction === 'none') return higher ? 'higher' : 'lower';
  return higher === (direction === 'higher_is_better') ? 'better' : 'worse';
}

/**
 * SPEC §13.4: the target alone — `met` / `not_met` whenever a target applies and the value is
 * not null (for "increase over baseline", value > baseline), whatever the baseline says;
 * `no_target` otherwise.
 */
export function targetVerdictOf(value: number | null, target: TargetRef | null): TargetVerdict {
  if (value === null || target === null) return 'no_target';
  return meetsTarget(value, target) ? 'met' : 'not_met';
}

export function changeOf(value: number | null, baseline: BaselineRef | null): { change: number | null; change_pct: number | null } {
  if (value === null || baseline === null) return { change: null, change_pct: null };
  const change = value - baseline.value;
  return { change, change_pct: baseline.value === 0 ? null : (change / baseline.value) * 100 };
}

/** What `compute --fail-on` gates on (SPEC §3.4). */
export const FAIL_ON = ['worsening', 'not_met'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * The results that make `--fail-on` trigger (SPEC §3.4), in report order: `worsening` — status
 * worsening; `not_met` — a value with a target that it does not meet, whatever its status says
 * about the baseline.
 */
export function failOnTriggers<R extends Pick<Result, 'status' | 'value' | 'target'>>(results: readonly R[], failOn: FailOn): R[] {
  if (failOn === 'worsening') return results.filter((r) => r.status === 'worsening');
  return results.filter((r) => r.value !== null && r.target !== null && !meetsTarget(r.value, r.target));
}
