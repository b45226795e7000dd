// One municipality's profile (SPEC §13.9 "One municipality", issue 21) as the HTML renderer's
// view model: per indicator the municipality's value for the year, the region's, the lowest
// and highest of the region's 19 municipalities and the quartiles of their middle half (the
// spine chart), its comparison with the region and its monthly series. Pure: compute's results
// and monitor's series in, model out; the numbers are selected, not changed.

import { municipalityName } from '../calc/groups.js';
import type { Series } from '../contracts/monitor.js';
import type { Result } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { municipalityComparison } from './annual.js';
import { localise } from './localise.js';
import type { DocumentMeta, MunicipalityProfileModel, Phrase, ProfileIndicatorModel } from './html/model.js';

export interface ProfileInput {
  meta: DocumentMeta;
  year: number;
  /** One of the region's 19 (checked by the command before anything is read). */
  code: string;
  indicators: readonly IndicatorDefinition[];
  /** compute's results of the report year by municipality with --compare (pooled over
   *  patient type; --standardize as the run was). */
  municipal: readonly Result[];
  /** monitor's monthly series of the municipality, up to the year's end. */
  trend: readonly Series[];
  warnings: readonly string[];
}

const isTotal = (r: { group: object }) => Object.keys(r.group).length === 0;

/**
 * The quantile of sorted values by linear interpolation between order statistics (Hyndman and
 * Fan's type 7, R's default): position (n − 1)·p.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function municipalityProfileModel(input: ProfileInput): MunicipalityProfileModel {
  const lang = input.meta.lang;
  const yearId = String(input.year);
  const phrases = (texts: readonly string[]): Phrase[] => texts.map((t) => localise(t, lang));
  const indicators = input.indicators.map((def): ProfileIndicatorModel => {
    const rows = input.municipal.filter((r) => r.indicator === def.id && r.period === yearId);
    const regionRow = rows.find(isTotal);
    const municipalities = rows.filter((r) => r.group.municipality !== undefined && Object.keys(r.group).length === 1);
    const own = municipalities.find((r) => r.group.municipality === input.code);
    const series = input.trend.find((s) => s.indicator === def.id && s.group.municipality === input.code) ?? null;
    const heading = { id: def.id, aim: def.aim, name_da: def.nameDa, name_en: def.nameEn, unit: def.unit, direction: def.direction };
    const trend = series === null ? null : { ...series, notes: phrases(series.notes) };
    if (regionRow === undefined || municipalities.length === 0) {
      // Not broken down by municipality (a measured indicator): the region's value alone.
      return {
        ...heading,
        breakdown: false,
        value: null,
        ci95: null,
        suppressed: false,
        provisional: false,
        region: regionRow?.value ?? null,
        standard: null,
        n: 0,
        lowest: null,
        highest: null,
        q1: null,
        q3: null,
        level95: null,
        level998: null,
        trend,
        notes: [],
      };
    }
    // The comparison as the annual report draws it: the DSR's where the run was standardised.
    const comparison = municipalityComparison(regionRow, municipalities, undefined);
    const mine = comparison.municipalities.find((m) => m.code === input.code);
    const shown = comparison.municipalities
      .filter((m) => !m.suppressed && m.value !== null)
      .map((m) => m.value!)
      .sort((a, b) => a - b);
    return {
      ...heading,
      breakdown: true,
      value: mine?.value ?? null,
      ci95: mine?.ci95 ?? null,
      suppressed: mine?.suppressed ?? false,
      provisional: own?.provisional ?? false,
      region: comparison.reference,
      standard: comparison.standard ?? null,
      n: shown.length,
      lowest: shown.length ? shown[0] : null,
      highest: shown.length ? shown[shown.length - 1] : null,
      q1: quantile(shown, 0.25),
      q3: quantile(shown, 0.75),
      level95: mine && !mine.suppressed ? mine.level95 : null,
      level998: mine && !mine.suppressed ? mine.level998 : null,
      trend,
      notes: phrases(own ? withReason(own) : []),
    };
  });
  return {
    meta: {
      ...input.meta,
      suppression: { ...input.meta.suppression, description: localiseText(input.meta.suppression.description, lang) },
    },
    year: input.year,
    code: input.code,
    name: municipalityName(input.code) ?? input.code,
    indicators,
    warnings: phrases(input.warnings),
  };
}

function localiseText(text: string, lang: 'da' | 'en'): string {
  const p = localise(text, lang);
  return typeof p === 'string' ? p : p.text;
}

/** The notes of the municipality's result, with the reason it has no value where none says it. */
function withReason(r: Result): string[] {
  const reason = r.value === null ? r.reason?.message : undefined;
  if (reason === undefined || r.notes.some((n) => n === reason || n.endsWith(`: ${reason}`))) return [...r.notes];
  return [...r.notes, reason];
}
