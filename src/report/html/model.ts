// The view models of the HTML renderers (SPEC §10): plain, JSON-serialisable data with the
// numbers unformatted — the renderer rounds and formats them for the document's language.
// Field names mirror the SPEC's JSON (§4.1 results, §7 monitor series, §8.2 equity, §8.3
// comparison) so that a stage upstream maps its output here field by field. The renderer
// computes nothing that is a finding: statuses, variations, signals, limits and comparison
// levels arrive here already decided.

// The types that mirror an output are the output contracts' own (src/contracts), so the view
// model cannot drift from the JSON it is filled from.
import type { z } from 'zod';
import type { Aim, Direction, Unit } from '../../contracts/common.js';
import type { PhaseSchema, PointSchema, RunsSchema, Series, VariationSchema } from '../../contracts/monitor.js';
import type { BaselineRef, ComparisonLevelSchema, EquitySchema, Status, TargetRef, TargetVerdict } from '../../contracts/report.js';

export type { Aim, Direction, Status, TargetVerdict, Unit };
export type Lang = 'da' | 'en';
/**
 * A text shown to the reader (a note, a warning, a definition): a string is in the document's
 * language; an object is a text in another language, which the page marks with its `lang`
 * (SPEC §13.6: English in a Danish page only inside an element with lang="en"). The model is
 * put into the document's language by src/report/localise.ts.
 */
export type Phrase = string | { text: string; lang: Lang };
/** SPEC §7 "Variation". */
export type Variation = z.infer<typeof VariationSchema>;
/** SPEC §7 `--chart`. */
export type ChartType = Series['chart'];
/** SPEC §8.3: `higher` / `lower` for indicators without a direction. */
export type ComparisonLevel = z.infer<typeof ComparisonLevelSchema>;
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
  /** SPEC §13.2: the extract's data end (ISO date), or null (extracts without event dates). */
  data_end: string | null;
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
export type BaselineModel = BaselineRef;

/** SPEC §4.1 `target`. */
export type TargetModel = TargetRef;

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
  /** SPEC §13.4: the target alone (met / not_met / no_target), as the result carries it. */
  target_verdict: TargetVerdict;
  /** SPEC §13.4: the change against the baseline alone, in words of its own (annual.ts). */
  baseline_verdict: BaselineVerdict;
  /** SPEC §13.2: the period's follow-up reaches past the data end. */
  provisional: boolean;
  notes: Phrase[];
  /** With --standardize, rates per 1000: the directly age-standardised rate (SPEC §8.1). */
  standardized?: StandardizedModel | null;
}

/**
 * SPEC §13.4: the change against the baseline, a verdict separate from the target's:
 * `better` / `worse` by the indicator's direction (`higher` / `lower` without one),
 * `unchanged` within 1e-9 (relative, §3.4), `no_baseline` without a baseline, null without a value.
 */
export type BaselineVerdict = 'better' | 'worse' | 'higher' | 'lower' | 'unchanged' | 'no_baseline' | null;

/** SPEC §8.1 `standardized`: the DSR per 1000 with Dobson's interval, or null values. */
export interface StandardizedModel {
  value: number | null;
  ci95: Interval | null;
  /** `esp2013` or `population:YYYY`. */
  standard: string;
}

/** SPEC §7 runs analysis of one phase. */
export type RunsModel = z.infer<typeof RunsSchema>;

/** SPEC §7 phase. */
export type PhaseModel = z.infer<typeof PhaseSchema>;

/** SPEC §7 point. */
export type PointModel = z.infer<typeof PointSchema>;

/** SPEC §7 series, as `monitor --format json` writes it; its notes in the document's language. */
export type SeriesModel = Omit<Series, 'notes'> & { notes: Phrase[] };

/** One year of the yearly values (total row). */
export interface YearlyValue {
  period: string;
  value: number | null;
  ci95: Interval | null;
  suppressed: boolean;
  /** SPEC §13.2: the year's follow-up reaches past the data end. */
  provisional?: boolean;
}

/** SPEC §8.2 `equity` of the year's total row. */
export type EquityModel = z.infer<typeof EquitySchema>;
export type MeasureModel = EquityModel['gap'];
export type EducationGroupModel = EquityModel['groups']['short'];

/**
 * One of the region's 19 municipalities for the year with its SPEC §8.3 comparison — or,
 * where the run was age-standardised (SPEC §13.8), its DSR with the standardised comparison.
 */
export interface MunicipalityModel {
  /** Municipality code (SPEC §2.8). */
  code: string;
  /** Its name (SPEC §13.5), or null when the tool has none (shown as the code). */
  name: string | null;
  value: number | null;
  ci95: Interval | null;
  ci998: Interval | null;
  suppressed: boolean;
  level95: ComparisonLevel | null;
  level998: ComparisonLevel | null;
  /** With --standardize: the municipality's age-standardised rate. */
  standardized?: StandardizedModel | null;
  /** With --standardize (SPEC §13.8): the crude value, shown beside the DSR that is compared. */
  crude?: { value: number | null; ci95: Interval | null } | null;
}

/**
 * SPEC §13.5: the codes outside the region as one row, never compared and never coloured —
 * the extract holds only their residents treated here.
 */
export interface OutsideRegionModel {
  /** The codes found in the data, in code order. */
  codes: string[];
  /** The pooled value of the cluster `Outside region` (crude), or null. */
  value: number | null;
  ci95: Interval | null;
  suppressed: boolean;
}

export interface MunicipalityComparisonModel {
  /** The region's (total row's) value for the year: §8.3 `reference` (the DSR's with --standardize). */
  reference: number | null;
  /** The region's 19 municipalities (SPEC §13.5: the comparison set). */
  municipalities: MunicipalityModel[];
  /** SPEC §13.8: the standard of the comparison (`esp2013`, `population:2015`), null when crude. */
  standard?: string | null;
  /** SPEC §13.5: the codes outside the region, one row; null when the data hold none. */
  outside?: OutsideRegionModel | null;
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
  /** SPEC §3.2 definition in prose, in the document's language. */
  definition: Phrase;
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
  notes: Phrase[];
}

/** `triple-aim report --format html` (SPEC §10). */
export interface ReportHtmlModel {
  meta: DocumentMeta;
  year: number;
  /** In catalogue order; the overview groups them by aim. */
  indicators: IndicatorReportModel[];
  notes: Phrase[];
  warnings: Phrase[];
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
  warnings: Phrase[];
}

// ---- SPEC §13.9 "One municipality" (issue 21): `report --municipality CODE` ----

/** One indicator of a municipality's profile: the year's figures of the municipality, the
 *  region and the 19, decided upstream (src/report/profile.ts); the renderer only draws them. */
export interface ProfileIndicatorModel extends IndicatorInfo {
  /** False when the indicator is not broken down by municipality (measurements): only the
   *  region's value is shown. */
  breakdown: boolean;
  /** The municipality's value for the year (its DSR where the run was standardised, §13.8). */
  value: number | null;
  ci95: Interval | null;
  suppressed: boolean;
  /** SPEC §13.2: the municipality's result for the year is provisional. */
  provisional: boolean;
  /** The region's value: the comparison's reference (the DSR where standardised). */
  region: number | null;
  /** SPEC §13.8: the standard of the comparison, null when crude. */
  standard: string | null;
  /** The region's 19 municipalities with a value shown (not hidden, not null): how many, the
   *  lowest and highest, and the quartiles (type 7) that bound their middle half. */
  n: number;
  lowest: number | null;
  highest: number | null;
  q1: number | null;
  q3: number | null;
  /** SPEC §8.3 comparison with the region (the standardised one where run so). */
  level95: ComparisonLevel | null;
  level998: ComparisonLevel | null;
  /** The municipality's monthly series up to the year's end (a run chart: its variation). */
  trend: SeriesModel | null;
  /** The municipality's notes for the year, in the page's language. */
  notes: Phrase[];
}

export interface MunicipalityProfileModel {
  meta: DocumentMeta;
  year: number;
  code: string;
  name: string;
  /** In catalogue order; the page groups them by aim. */
  indicators: ProfileIndicatorModel[];
  warnings: Phrase[];
}
