// The view models of the HTML renderers (SPEC §10): plain, JSON-serialisable data with the
// numbers unformatted — the renderer rounds and formats them for the document's language.
// Field names mirror the SPEC's JSON (§4.1 results, §7 monitor series, §8.2 equity, §8.3
// comparison) so that a stage upstream maps its output here field by field. The renderer
// computes nothing that is a finding: statuses, variations, signals, limits and comparison
// levels arrive here already decided.

export type Lang = 'da' | 'en';
export type Aim = 'population_health' | 'quality' | 'cost';
export type Unit = 'percent' | 'per_1000' | 'count' | 'dkk_per_capita';
export type Direction = 'higher_is_better' | 'lower_is_better' | 'none';
/** SPEC §3.4. */
export type Status = 'met' | 'improving' | 'worsening' | 'unchanged' | 'not_met' | 'no_target' | 'not_computed';
/** SPEC §7 "Variation". */
export type Variation = 'common_cause' | 'improvement' | 'concern' | 'special_cause';
/** SPEC §7 `--chart`. */
export type ChartType = 'run' | 'p' | 'pp' | 'u' | 'up' | 'i';
/** SPEC §8.3: `higher` / `lower` for indicators without a direction. */
export type ComparisonLevel = 'better' | 'similar' | 'worse' | 'higher' | 'lower';
/** A 95 % (or 99.8 %) interval [lower, upper]. */
export type Interval = [number, number];
/** SPEC §1.3 group: dimension → value, `{}` for the total. */
export type GroupModel = Record<string, string>;

export interface InputModel {
  extract: string;
  path: string;
  rows: number;
  rows_rejected: number;
  sha256: string;
  /** The encoding the extract was read in (SPEC §6.1), or null when unknown. */
  encoding: string | null;
}

export interface SuppressionModel {
  /** SPEC §4.4 `--min-cell`. */
  min_cell: number;
  /** Results hidden by the threshold, and hidden so that those cannot be derived. */
  primary: number;
  complementary: number;
  /** The suppression statement, in the document's language. */
  description: string;
}

/** What every document states about itself: provenance (SPEC §10 item 1). */
export interface DocumentMeta {
  lang: Lang;
  /** Replaces the built-in title when given. */
  title: string | null;
  tool: { name: string; version: string; definition_version: string };
  /** ISO date-time from SOURCE_DATE_EPOCH (SPEC §4.1), or null: no wall clock in the file. */
  generated_at: string | null;
  inputs: InputModel[];
  suppression: SuppressionModel;
}

/** The identity of an indicator as the catalogue declares it (SPEC §3.2). */
export interface IndicatorInfo {
  id: string;
  aim: Aim;
  name_da: string;
  name_en: string;
  unit: Unit;
  direction: Direction;
}

/** SPEC §4.1 `baseline`. */
export interface BaselineModel {
  value: number;
  period: string | null;
  source: string;
}

/** SPEC §4.1 `target` (`rule` as in the engine's TargetRef). */
export interface TargetModel {
  value: number;
  period: string | null;
  rule: 'at_least' | 'at_most' | 'above_baseline';
}

/** The year's figure of one indicator, total row (SPEC §4.1 result fields). */
export interface YearFigure {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci95: Interval | null;
  suppressed: boolean;
  baseline: BaselineModel | null;
  target: TargetModel | null;
  change: number | null;
  change_pct: number | null;
  status: Status;
  notes: string[];
  /** With --standardize, rates per 1000: the directly age-standardised rate (SPEC §8.1). */
  standardized?: StandardizedModel | null;
}

/** SPEC §8.1 `standardized`: the DSR per 1000 with Dobson's interval, or null values. */
export interface StandardizedModel {
  value: number | null;
  ci95: Interval | null;
  /** `esp2013` or `population:YYYY`. */
  standard: string;
}

/** SPEC §7 runs analysis of one phase. */
export interface RunsModel {
  n_useful: number;
  longest_run: number | null;
  longest_run_max: number | null;
  crossings: number | null;
  crossings_min: number | null;
  signal: boolean;
}

/** SPEC §7 phase. */
export interface PhaseModel {
  from: string;
  to: string;
  frozen_to: string | null;
  center: number | null;
  runs: RunsModel;
  sigma_signals: string[];
}

/** SPEC §7 point. */
export interface PointModel {
  /** Month (YYYY-MM) or quarter (YYYY-Qn) id. */
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
  /** 1-based phase number. */
  phase: number;
  baseline: boolean;
  center: number | null;
  lcl: number | null;
  ucl: number | null;
  sigma_signal: boolean;
  annotation: string | null;
}

/** SPEC §7 series, as `monitor --format json` writes it. */
export interface SeriesModel {
  indicator: string;
  aim: Aim;
  unit: Unit;
  direction: Direction;
  group: GroupModel;
  chart: ChartType;
  variation: Variation;
  last_side: 'above' | 'below' | 'on' | null;
  signal: boolean;
  phases: PhaseModel[];
  points: PointModel[];
  notes: string[];
}

/** One year of the yearly values (total row). */
export interface YearlyValue {
  period: string;
  value: number | null;
  ci95: Interval | null;
  suppressed: boolean;
}

export interface MeasureModel {
  value: number | null;
  ci95: Interval | null;
}

export interface EducationGroupModel {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** SPEC §8.2 `equity` of the year's total row. */
export interface EquityModel {
  gap: MeasureModel;
  ratio: MeasureModel;
  sii: MeasureModel;
  rii: MeasureModel;
  groups: { short: EducationGroupModel; medium: EducationGroupModel; long: EducationGroupModel };
}

/** One municipality's result for the year with its SPEC §8.3 comparison. */
export interface MunicipalityModel {
  /** Municipality code (SPEC §2.8). */
  code: string;
  /** Its name, or null for a code outside the region (shown as the code). */
  name: string | null;
  value: number | null;
  ci95: Interval | null;
  ci998: Interval | null;
  suppressed: boolean;
  level95: ComparisonLevel | null;
  level998: ComparisonLevel | null;
  /** With --standardize: the municipality's age-standardised rate (comparisons stay crude). */
  standardized?: StandardizedModel | null;
}

export interface MunicipalityComparisonModel {
  /** The region's (total row's) value for the year: §8.3 `reference`. */
  reference: number | null;
  municipalities: MunicipalityModel[];
}

/**
 * A further row of the year shown beside the total: SPEC §3.2 has LUP indicators report a
 * total row and one row per patient type, and the agreement's LUP baselines belong to those.
 */
export interface GroupFigureModel {
  group: GroupModel;
  figure: YearFigure;
}

/** Everything the report shows about one indicator: its overview card and its section. */
export interface IndicatorReportModel extends IndicatorInfo {
  /** Agreement section(s), e.g. "§2.3.1, §4.8". */
  agreement_section: string;
  /** SPEC §3.2 definition in prose. */
  definition: string;
  /** The report year's total row. */
  year: YearFigure;
  /** Rows of the year shown with the total (LUP: one per patient type); empty for most. */
  groups: GroupFigureModel[];
  /**
   * The monthly series (total row) over every month of the data up to the year's end
   * (SPEC §10 item 3); its `variation` and values give the overview's variation and
   * sparkline. Null when the indicator has no monthly series (e.g. yearly measurements).
   */
  monthly: SeriesModel | null;
  /** Yearly values (total row), oldest first. */
  yearly: YearlyValue[];
  equity: EquityModel | null;
  municipalities: MunicipalityComparisonModel | null;
  notes: string[];
}

/** `triple-aim report --format html` (SPEC §10). */
export interface ReportHtmlModel {
  meta: DocumentMeta;
  year: number;
  /** In catalogue order; the overview groups them by aim. */
  indicators: IndicatorReportModel[];
  notes: string[];
  warnings: string[];
}

/** One chart of `monitor --format html`. */
export interface MonitorChartModel {
  indicator: IndicatorInfo;
  series: SeriesModel;
  /** The target line to draw, or null. */
  target: TargetModel | null;
}

/** `triple-aim monitor --format html` (SPEC §7, §10). */
export interface MonitorHtmlModel {
  meta: DocumentMeta;
  charts: MonitorChartModel[];
  warnings: string[];
}
