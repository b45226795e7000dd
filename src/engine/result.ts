// The report model (SPEC §4.1): what the engine produces and every renderer reads.

import type { Group } from '../calc/groups.js';
import type { Aim, Direction, Unit } from '../indicators/types.js';

export type Status = 'met' | 'improving' | 'worsening' | 'unchanged' | 'not_met' | 'no_target' | 'not_computed';

export interface BaselineRef {
  value: number;
  period: string | null;
  /** "data" (--baseline-period), "baselines.csv", or the catalogue's citation. */
  source: string;
}

export interface TargetRef {
  /** The value to reach; for "increase over baseline" the baseline value to exceed. */
  value: number;
  period: string | null;
  /** at_least (higher is better), at_most (lower is better), above_baseline (increase over baseline). */
  rule: 'at_least' | 'at_most' | 'above_baseline';
}

export interface Result {
  indicator: string;
  aim: Aim;
  unit: Unit;
  direction: Direction;
  period: string;
  group: Group;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci95: [number, number] | null;
  suppressed: boolean;
  baseline: BaselineRef | null;
  target: TargetRef | null;
  change: number | null;
  change_pct: number | null;
  status: Status;
  notes: string[];
}

export interface InputRef {
  extract: string;
  path: string;
  sha256: string;
  rows: number;
  rows_rejected: number;
}

export interface PeriodRef {
  id: string;
  from: string;
  to: string;
}

export interface SuppressionRef {
  min_cell: number;
  /** Results hidden because a count was between 1 and min_cell − 1. */
  primary: number;
  /** Results hidden so that a primary one cannot be derived from the total. */
  complementary: number;
  description: string;
}

export interface Report {
  schema_version: number;
  tool: { name: string; version: string; definition_version: string };
  generated_at?: string;
  inputs: InputRef[];
  periods: PeriodRef[];
  breakdown: string[];
  suppression: SuppressionRef;
  results: Result[];
  warnings: string[];
}
