// The annual Triple Aim follow-up (SPEC §10) as the HTML renderer's view model: from compute's
// results (the yearly values, the year's municipalities with their comparison and education
// gap) and monitor's monthly series, field by field (see src/report/html/README.md). Pure:
// results in, model out; the numbers are not touched, only selected.

import { municipalityName, OUTSIDE_REGION, REGION_MUNICIPALITY_CODES, UNKNOWN } from '../calc/groups.js';
import { nearlyEqual } from '../calc/targets.js';
import type { Series } from '../contracts/monitor.js';
import type { Result } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { localiseReportModel } from './localise.js';
import type {
  BaselineVerdict,
  DocumentMeta,
  IndicatorReportModel,
  MunicipalityComparisonModel,
  MunicipalityModel,
  OutsideRegionModel,
  ReportHtmlModel,
  StandardizedModel,
  YearFigure,
} from './html/model.js';

export interface AnnualReportInput {
  meta: DocumentMeta;
  year: number;
  indicators: readonly IndicatorDefinition[];
  /** compute's results of every year up to the report year, no breakdown (LUP with its
   *  patient-type rows). */
  yearly: readonly Result[];
  /** compute's results of the report year by municipality with --compare and --equity,
   *  pooled over patient type. */
  municipal: readonly Result[];
  /** compute's results of the report year by cluster, pooled over patient type: the row
   *  `Outside region` gives the one row of the codes outside the region (SPEC §13.5). */
  clusters?: readonly Result[];
  /** monitor's monthly series of the total rows up to the year's end. */
  monthly: readonly Series[];
  warnings: readonly string[];
}

const isTotal = (r: { group: object }) => Object.keys(r.group).length === 0;

type IndicatorHeading = Pick<IndicatorReportModel, 'id' | 'aim' | 'name_da' | 'name_en' | 'unit' | 'direction' | 'agreement_section' | 'definition'>;

/** What the report says of an indicator whatever its figures: the catalogue's words. */
export function indicatorHeading(def: IndicatorDefinition): IndicatorHeading {
  return {
    id: def.id,
    aim: def.aim,
    name_da: def.nameDa,
    name_en: def.nameEn,
    unit: def.unit,
    direction: def.direction,
    agreement_section: def.section,
    definition: def.definition,
  };
}

/** The model in the document's language (`meta.lang`, SPEC §13.6); `meta.suppression.description`
 *  and the results' texts come in English, as the JSON writes them. */
export function annualReportModel(input: AnnualReportInput): ReportHtmlModel {
  const yearId = String(input.year);
  const indicators = input.indicators.map((def): IndicatorReportModel => {
    const yearly = input.yearly.filter((r) => r.indicator === def.id);
    const total = yearly.find((r) => r.period === yearId && isTotal(r));
    const municipal = input.municipal.filter((r) => r.indicator === def.id && r.period === yearId);
    const regionRow = municipal.find(isTotal);
    const municipalities = municipal.filter((r) => r.group.municipality !== undefined && Object.keys(r.group).length === 1);
    const monthly = input.monthly.find((s) => s.indicator === def.id && isTotal(s)) ?? null;
    const outsideRow = input.clusters?.find((r) => r.indicator === def.id && r.period === yearId && r.group.cluster === OUTSIDE_REGION && Object.keys(r.group).length === 1);
    return {
      ...indicatorHeading(def),
      year: total ? { ...figureOf(total), ...(regionRow?.standardized !== undefined ? { standardized: standardizedOf(regionRow) } : {}) } : missingFigure(yearId),
      groups: yearly.filter((r) => r.period === yearId && !isTotal(r)).map((r) => ({ group: { ...r.group } as Record<string, string>, figure: figureOf(r) })),
      monthly,
      yearly: yearly
        .filter((r) => isTotal(r) && Number(r.period) <= input.year)
        .map((r) => ({ period: r.period, value: r.value, ci95: r.ci95, suppressed: r.suppressed, provisional: r.provisional })),
      equity: regionRow?.equity ?? null,
      municipalities:
        municipalities.length === 0 || regionRow === undefined || regionRow.ci998 === undefined
          ? null
          : municipalityComparison(regionRow, municipalities, outsideRow),
      // The year's notes stand with its figure; the series' own notes (a chart fallback) here.
      notes: monthly ? [...monthly.notes] : [],
    };
  });
  return localiseReportModel({
    meta: input.meta,
    year: input.year,
    indicators,
    notes: [...new Set(input.monthly.flatMap((s) => s.notes))],
    warnings: [...input.warnings],
  });
}

/** SPEC §13.5: the region's 19 municipalities are the comparison set; other codes are one row. */
const REGION = new Set(REGION_MUNICIPALITY_CODES);

/**
 * The municipalities against the region (SPEC §8.3, §13.5, §13.8). Where the run was
 * standardised the comparison is the standardised one, drawn on the DSRs; the crude value
 * stays beside it in the table.
 */
export function municipalityComparison(regionRow: Result, results: readonly Result[], outsideRow: Result | undefined): MunicipalityComparisonModel {
  const standard = regionRow.standardized ? regionRow.standardized.standard : null;
  const inRegion = results.filter((r) => REGION.has(r.group.municipality!));
  // `unknown` is no place: it is neither a municipality of the region nor outside it.
  const outsideCodes = results.map((r) => r.group.municipality!).filter((c) => !REGION.has(c) && c !== UNKNOWN);
  return {
    reference: standard === null ? regionRow.value : (regionRow.standardized?.value ?? null),
    standard,
    municipalities: inRegion.map((r): MunicipalityModel => {
      const base = { code: r.group.municipality!, name: municipalityName(r.group.municipality!) ?? null, suppressed: r.suppressed };
      if (standard === null) {
        return {
          ...base,
          value: r.value,
          ci95: r.ci95,
          ci998: r.ci998 ?? null,
          level95: r.comparison?.level95 ?? null,
          level998: r.comparison?.level998 ?? null,
          ...(r.standardized !== undefined ? { standardized: standardizedOf(r) } : {}),
        };
      }
      const s = r.standardized ?? null;
      return {
        ...base,
        value: s?.value ?? null,
        ci95: s?.ci95 ?? null,
        // The output carries no 99.8 % interval of a DSR, only its comparison level (SPEC §13.8).
        ci998: null,
        level95: s?.comparison?.level95 ?? null,
        level998: s?.comparison?.level998 ?? null,
        standardized: standardizedOf(r),
        crude: { value: r.value, ci95: r.ci95 },
      };
    }),
    outside: outsideCodes.length ? outsideRegion(outsideCodes, results, outsideRow) : null,
  };
}

/**
 * The codes outside the region as one row (SPEC §13.5), with the pooled crude value of the
 * cluster `Outside region`. When any of those codes is hidden in the breakdown by
 * municipality — possibly as the complementary partner of a hidden municipality of the region
 * (SPEC §4.4) — the pooled row is hidden too, so that it cannot give the hidden one back.
 */
function outsideRegion(codes: string[], results: readonly Result[], row: Result | undefined): OutsideRegionModel {
  const hidden = results.some((r) => codes.includes(r.group.municipality!) && r.suppressed);
  const sorted = [...codes].sort();
  if (hidden || row === undefined) return { codes: sorted, value: null, ci95: null, suppressed: hidden };
  return { codes: sorted, value: row.value, ci95: row.ci95, suppressed: row.suppressed };
}

/**
 * SPEC §13.4: the change against the baseline alone — the same comparison as §3.4's status
 * (within 1e-9 relative is unchanged), in words of its own beside the target's verdict.
 */
export function baselineVerdictOf(value: number | null, baseline: { value: number } | null, direction: IndicatorDefinition['direction']): BaselineVerdict {
  if (value === null) return null;
  if (baseline === null) return 'no_baseline';
  if (nearlyEqual(value, baseline.value)) return 'unchanged';
  const higher = value > baseline.value;
  if (direction === 'none') return higher ? 'higher' : 'lower';
  return higher === (direction === 'higher_is_better') ? 'better' : 'worse';
}

function standardizedOf(r: Result): StandardizedModel | null {
  return r.standardized ? { value: r.standardized.value, ci95: r.standardized.ci95, standard: r.standardized.standard } : null;
}

function figureOf(r: Result): YearFigure {
  return {
    period: r.period,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    ci95: r.ci95,
    suppressed: r.suppressed,
    baseline: r.baseline,
    target: r.target,
    change: r.change,
    change_pct: r.change_pct,
    status: r.status,
    target_verdict: r.target_verdict,
    baseline_verdict: baselineVerdictOf(r.value, r.baseline, r.direction),
    provisional: r.provisional,
    notes: withReason(r),
  };
}

/** The notes of a result, with the reason it has no value where no note says it already (a
 *  zero denominator has no note): the page shows why a figure is missing (SPEC §13.6). */
function withReason(r: Result): string[] {
  const reason = r.value === null ? r.reason?.message : undefined;
  if (reason === undefined || r.notes.some((n) => n === reason || n.endsWith(`: ${reason}`))) return [...r.notes];
  return [...r.notes, reason];
}

function missingFigure(period: string): YearFigure {
  return {
    period,
    numerator: null,
    denominator: null,
    value: null,
    ci95: null,
    suppressed: false,
    baseline: null,
    target: null,
    change: null,
    change_pct: null,
    status: 'not_computed',
    target_verdict: 'no_target',
    baseline_verdict: null,
    provisional: false,
    notes: [],
  };
}
