// Assurance (SPEC §13.9, NHS Making Data Count): will the process, as its control limits
// describe it, meet its target? Pure.

import type { Assurance } from '../contracts/monitor.js';
import type { Direction } from '../contracts/common.js';
import type { TargetRef } from '../contracts/report.js';
import { meetsTarget } from '../calc/targets.js';

/**
 * `pass` when the target is beyond the limit on the worse side (even the worse limit meets
 * it: for higher_is_better, target ≤ LCL), `fail` when it is beyond the limit on the better
 * side (not even the better limit meets it: target > UCL), `inconsistent` between; mirrored
 * for lower_is_better. "Meets" is §3.4's rule with its 1e-9 tolerance, so a target equal to
 * the LCL passes, one equal to the UCL is inconsistent, and an "increase over baseline"
 * target needs the limit strictly above it. Null without a target, without limits, or for an
 * indicator without a direction (no side is better).
 */
export function assuranceOf(
  target: TargetRef | null,
  limits: { lcl: number | null; ucl: number | null },
  direction: Direction,
): Assurance | null {
  if (target === null || limits.lcl === null || limits.ucl === null || direction === 'none') return null;
  const [worse, better] = direction === 'higher_is_better' ? [limits.lcl, limits.ucl] : [limits.ucl, limits.lcl];
  if (meetsTarget(worse, target)) return 'pass';
  if (!meetsTarget(better, target)) return 'fail';
  return 'inconsistent';
}
