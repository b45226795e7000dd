// The indicator declaration (SPEC §3.2). An indicator is declared once, as data: the
// catalogue, `compute`, `indicators`, every renderer and the docs read the same object.
//
// Counting indicators do not aggregate themselves: they walk their records and tell a Tally
// about each unit (an index episode, a bed day, a referral, an answer) with its date and the
// attributes it is grouped by. The engine (src/engine) turns those units into results per
// period and group, adds population denominators, intervals, baselines and suppression.

import type { DayNumber } from '../calc/time.js';
import type { Dimension, Group } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import type { Offer, PatientType, Sender } from '../domain/vocabulary.js';
import type { ExtractName, LoadedData, PersonAttributes } from '../extracts/records.js';
import type { DerivedFacts, FactName } from '../facts/index.js';
import type { z } from 'zod';
import type { Direction, Unit } from '../contracts/common.js';
import { AIMS, type Aim } from '../domain/vocabulary.js';
import type { ReasonSchema } from '../contracts/report.js';
import type { Said } from '../domain/messages.js';

export { AIMS, type Aim, type Direction, type Unit };

/** Why a result has no value (status not_computed), as data: renderers show `message`,
 *  programs switch on `code`. */
export type Reason = z.infer<typeof ReasonSchema>;

/** A reason made from a declared message (src/domain/messages.ts, SPEC §13.6): its `message`
 *  has a Danish text for the report. */
export type DeclaredReason = Omit<Reason, 'message'> & { message: Said };

/** A baseline quoted in the catalogue; applies to the result whose group equals `group`. */
export interface CatalogueBaseline {
  group: Group;
  value: number;
  /** Period id of the baseline, or null (e.g. a national benchmark). */
  period: string | null;
  /** Where the figure comes from, as the JSON writes it (English). */
  source: string;
  /** The same in Danish, for the Danish report (SPEC §13.6). */
  sourceDa: string;
}

export type TargetRule =
  /** A fixed value: met when value ≥ (higher is better) or ≤ (lower is better) it. */
  | { kind: 'value'; value: number }
  /** The agreement's "an increase over the baseline": met when value > baseline. */
  | { kind: 'increase_over_baseline' }
  /** A target per calendar year; a period takes its start year's target, none outside. */
  | { kind: 'by_year'; values: Readonly<Record<number, number>> };

/** What a unit is grouped by: a person's attributes plus the source-specific dimensions. */
export interface UnitAttributes extends PersonAttributes {
  /** The person, where a source links rows to one (admissions, referrals), as the extract's
   *  integer patient key: for the variance of repeat events in direct standardisation
   *  (SPEC §8.1). */
  patient?: number;
  patientType?: PatientType;
  sender?: Sender;
  offer?: Offer;
}

export interface Tally {
  /**
   * One unit dated `day`, added to every requested period containing that day.
   * Percent: numerator 0|1 (or more when pooled), denominator 1. Rates and counts: the number
   * of events, no denominator (rates take theirs from the population). DKK: the amount.
   * `followUpEnd`: with a `per_unit` follow-up (SPEC §13.2), the last day of this unit's own
   * follow-up (a referral's start_due_by); the engine keeps the latest per cell.
   */
  add(day: DayNumber, who: UnitAttributes, numerator: number, denominator?: number, followUpEnd?: DayNumber): void;
  /**
   * A record left out by a rule, or another fact worth auditing, dated `day`; each label's
   * count appears in the notes of the results whose period and group contain it
   * (SPEC §3.1 "exclusions are auditable"), e.g. "index episodes excluded, died: 12".
   * The label is a declared message (SPEC §13.6): `say(MESSAGES.…)`, never a loose string.
   */
  note(day: DayNumber, who: UnitAttributes, label: Said): void;
}

/** The roles of the exclusion audit (SPEC §14.4). */
export type AuditRole = 'index' | 'readmission' | 'excluded' | 'numerator' | 'denominator';

/**
 * Where a count tells the exclusion audit (SPEC §14.4) about a unit, dated `day` (it goes to
 * every requested period containing the day): the unit is row `row` of `table` (the engine
 * names it by the row's id), with its role and, for `excluded`, the rule. Given only when an
 * audit is asked, so a normal run pays nothing.
 */
export interface Audit {
  unit(day: DayNumber, table: object, row: number, role: AuditRole, rule?: string): void;
}

export interface CountContext<N extends FactName = FactName> {
  /** The exclusion audit (SPEC §14.4), when asked. */
  audit?: Audit;
  /** The requested periods; a counting pass may skip dates outside [firstDay, lastDay]. */
  periods: readonly Period[];
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** The derived facts the indicator declared in `needs`, built once per data set. */
  facts: Pick<DerivedFacts, N>;
}

/**
 * How far a numerator looks forward in time (SPEC §13.2): a result is provisional when its
 * follow-up ends after the data end of the indicator's source extract.
 * - `after_period`: a fixed window after the period's last day, the same for every group;
 * - `per_unit`: each denominator unit's own follow-up end, which the count passes to
 *   `Tally.add`; a result is provisional when the latest of its units' ends is.
 * `label` names the follow-up in the result's note.
 */
export type FollowUp =
  | { kind: 'after_period'; label: Said; end: (lastDay: DayNumber) => DayNumber }
  | { kind: 'per_unit'; label: Said };

interface IndicatorBase {
  id: string;
  nameDa: string;
  nameEn: string;
  aim: Aim;
  /** Section(s) of the agreement the indicator comes from, e.g. "§2.3.1, §4.8". */
  section: string;
  sources: readonly ExtractName[];
  unit: Unit;
  direction: Direction;
  /** The SPEC §3.2 definition in prose, in English: shown by `indicators ID`, in Markdown
   *  reports and in the English HTML report, so it cites no SPEC section (SPEC §13.6). Text in
   *  straight double quotes "…" is a quotation of the agreement's Danish words (the English
   *  page marks it lang="da"); an English quotation takes ‘…’. */
  definition: string;
  /** The same definition in Danish, for the Danish HTML report (SPEC §13.6). */
  definitionDa: string;
  baselines: readonly CatalogueBaseline[];
  target: TargetRule | null;
}

export interface CountingIndicator<N extends FactName = FactName> extends IndicatorBase {
  kind: 'counting';
  /** The derived facts (src/facts) the count reads; the engine builds each once per data set. */
  needs: readonly N[];
  /** The breakdown dimensions the source carries (SPEC §1.3). */
  dimensions: readonly Dimension[];
  /** Dimensions always added to --by (LUP: patient_type, SPEC §3.2). */
  alwaysBy?: readonly Dimension[];
  /** Rates and DKK per capita: the denominator is the inhabitants of this age or older
   *  (default: all ages); it also limits the ESP2013 bands of standardisation (SPEC §8.1). */
  populationMinimumAge?: number;
  /** The indicator is defined by education (no. 14), so it takes no education gap (SPEC §8.2). */
  definedByEducation?: true;
  /** LUP (SPEC §3.2 no. 15–18): the survey and the questions per patient type whose answers
   *  the indicator pools. Data, so that the count and the SQL compiler read the same lists. */
  lup?: LupQuestions;
  /** A reason the indicator cannot be computed from the loaded data beyond a missing source. */
  unavailable?: (data: LoadedData) => DeclaredReason | null;
  count: (data: LoadedData, tally: Tally, context: CountContext<N>) => void;
  /** A numerator that looks forward in time (SPEC §13.2); absent: never provisional. */
  followUp?: FollowUp;
  /** Run-level warnings (e.g. incomplete follow-up); `dataEnd` is the source's data end
   *  (SPEC §13.2, --data-end included) when the engine knows it. */
  warnings?: (data: LoadedData, periods: readonly Period[], dataEnd?: DayNumber | null) => Said[];
  /** Extra reference material printed by `indicators ID` (e.g. the diagnosis list). */
  reference?: () => string;
}

/** Which questions of which survey a LUP indicator pools, per patient type (SPEC §3.2: "each
 *  question applies to the patient type(s) named"). Ids as the reader stores them: lower case. */
export interface LupQuestions {
  readonly survey: string;
  readonly questions: Readonly<Record<PatientType, readonly string[]>>;
}

/** Values come from measurements.csv rows (SPEC §2.7). */
export interface MeasuredIndicator extends IndicatorBase {
  kind: 'measured';
}

export type IndicatorDefinition = CountingIndicator | MeasuredIndicator;
