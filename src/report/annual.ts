// The annual Triple Aim follow-up (SPEC §10) as the HTML renderer's view model: from compute's
// results (the yearly values, the year's municipalities with their comparison and education
// gap) and monitor's monthly series, field by field (see src/report/html/README.md). Pure:
// results in, model out; the numbers are not touched, only selected.

import { municipalityName } from '../calc/groups.js';
import type { Series } from '../contracts/monitor.js';
import type { Result } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { localiseReportModel } from './localise.js';
import type {
  DocumentMeta,
  IndicatorReportModel,
  MunicipalityModel,
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
    return {
      ...indicatorHeading(def),
      year: total ? { ...figureOf(total), ...(regionRow?.standardized !== undefined ? { standardized: standardizedOf(regionRow) } : {}) } : missingFigure(yearId),
      groups: yearly.filter((r) => r.period === yearId && !isTotal(r)).map((r) => ({ group: { ...r.group } as Record<string, string>, figure: figureOf(r) })),
      monthly,
      yearly: yearly
        .filter((r) => isTotal(r) && Number(r.period) <= input.year)
        .map((r) => ({ period: r.period, value: r.value, ci95: r.ci95, suppressed: r.suppressed })),
      equity: regionRow?.equity ?? null,
      municipalities:
        municipalities.length === 0 || regionRow === undefined || regionRow.ci998 === undefined
          ? null
          : {
              reference: regionRow.value,
              municipalities: municipalities.map(
                (r): MunicipalityModel => ({
                  code: r.group.municipality!,
                  name: municipalityName(r.group.municipality!) ?? null,
                  value: r.value,
                  ci95: r.ci95,
                  ci998: r.ci998 ?? null,
                  suppressed: r.suppressed,
                  level95: r.comparison?.level95 ?? null,
                  level998: r.comparison?.level998 ?? null,
                  ...(r.standardized !== undefined ? { standardized: standardizedOf(r) } : {}),
                }),
              ),
            },
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
    notes: [],
  };
}
