// A realistic, hand-made view model for the HTML renderers: every indicator of the catalogue
// with 48 monthly points (2013-01 … 2016-12), four yearly values, the education gaps and
// the 19 municipalities of the region — the size SPEC §10 and §12 speak of. Values come from
// a seeded generator, so the model is the same on every run; they are plausible, not
// computed (the renderer decides nothing, it shows what it is given).

import { CLUSTERS } from '../../../src/calc/groups.js';
import type { Result } from '../../../src/contracts/report.js';
import { CATALOGUE } from '../../../src/indicators/catalogue.js';
import { baselineVerdictOf, indicatorHeading } from '../../../src/report/annual.js';
import type {
  ComparisonLevel,
  Direction,
  EquityModel,
  IndicatorReportModel,
  Lang,
  MonitorHtmlModel,
  MunicipalityModel,
  PhaseModel,
  PointModel,
  ReportHtmlModel,
  SeriesModel,
  Status,
  TargetModel,
  Unit,
  Variation,
  YearlyValue,
} from '../../../src/report/html/model.js';

/** Park–Miller minimal standard generator: small, seeded, the same everywhere. */
function generator(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const MONTHS: string[] = [];
for (let y = 2013; y <= 2016; y++) for (let m = 1; m <= 12; m++) MONTHS.push(`${y}-${String(m).padStart(2, '0')}`);

const MUNICIPALITIES: { code: string; name: string }[] = CLUSTERS.flatMap((c) =>
  Object.entries(c.municipalities).map(([code, name]) => ({ code, name })),
).sort((a, b) => a.code.localeCompare(b.code));

function level(unit: Unit, r: () => number): number {
  switch (unit) {
    case 'percent':
      return 20 + r() * 60;
    case 'per_1000':
      return 4 + r() * 30;
    case 'count':
      return 80 + r() * 400;
    case 'dkk_per_capita':
      return 1500 + r() * 3000;
  }
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (v: number, d = 6) => Math.round(v * 10 ** d) / 10 ** d;

function better(direction: Direction, delta: number): boolean {
  return direction === 'lower_is_better' ? delta < 0 : delta > 0;
}

/** Builds the monthly series of one indicator; `shape` picks what the series shows. */
function series(
  id: string,
  aim: SeriesModel['aim'],
  unit: Unit,
  direction: Direction,
  base: number,
  r: () => number,
  shape: { chart: SeriesModel['chart']; phaseFrom?: string; shift?: number; sigmaAt?: string[]; gapAt?: string[]; notes?: Record<string, string> },
): SeriesModel {
  const noise = base * 0.06;
  const phaseStart = shape.phaseFrom ? MONTHS.indexOf(shape.phaseFrom) : -1;
  const values = MONTHS.map((period, i) => {
    if (shape.gapAt?.includes(period)) return null;
    let v = base + (r() - 0.5) * 2 * noise;
    if (phaseStart >= 0 && i >= phaseStart) v += shape.shift ?? 0;
    if (shape.sigmaAt?.includes(period)) v += base * 0.35;
    if (unit === 'count') v = Math.round(v);
    return round(v);
  });
  const phaseOf = (i: number) => (phaseStart >= 0 && i >= phaseStart ? 2 : 1);
  const phases: PhaseModel[] = [];
  const points: PointModel[] = [];
  for (const phase of phaseStart >= 0 ? [1, 2] : [1]) {
    const idx = MONTHS.map((_, i) => i).filter((i) => phaseOf(i) === phase);
    const vals = idx.map((i) => values[i]).filter((v): v is number => v !== null);
    const center = shape.chart === 'run' ? median(vals) : vals.reduce((a, b) => a + b, 0) / vals.length;
    const sigma = shape.chart === 'run' ? null : noise * 1.1;
    const sigmaSignals = shape.chart === 'run' ? [] : idx.filter((i) => values[i] !== null && Math.abs(values[i]! - center!) > 3 * sigma!).map((i) => MONTHS[i]);
    // Runs figures worked loosely (the fixture shows, it does not test the rules).
    const signs = vals.filter((v) => v !== center).map((v) => Math.sign(v - center!));
    let longest = 0;
    let run = 0;
    let crossings = 0;
    signs.forEach((s, i) => {
      run = i > 0 && s === signs[i - 1] ? run + 1 : 1;
      if (i > 0 && s !== signs[i - 1]) crossings++;
      longest = Math.max(longest, run);
    });
    const n = signs.length;
    const longestMax = Math.round(Math.log2(n)) + 3;
    const crossingsMin = Math.max(0, Math.floor((n - 1) / 2 - 1.645 * Math.sqrt(n - 1) / 2));
    const runsSignal = longest > longestMax || crossings < crossingsMin;
    phases.push({
      from: MONTHS[idx[0]],
      to: MONTHS[idx[idx.length - 1]],
      frozen_to: null,
      center,
      runs: { n_useful: n, longest_run: longest, longest_run_max: longestMax, crossings, crossings_min: crossingsMin, signal: runsSignal },
      sigma_signals: sigmaSignals,
    });
    for (const i of idx) {
      const v = values[i];
      const lcl = sigma === null ? null : round(Math.max(0, center! - 3 * sigma));
      const ucl = sigma === null ? null : round(unit === 'percent' ? Math.min(100, center! + 3 * sigma) : center! + 3 * sigma);
      points.push({
        period: MONTHS[i],
        numerator: v === null ? null : Math.round(v * 10),
        denominator: v === null ? null : 1000,
        value: v,
        suppressed: v === null,
        phase,
        baseline: v !== null,
        center,
        lcl: v === null ? null : lcl,
        ucl: v === null ? null : ucl,
        sigma_signal: sigmaSignals.includes(MONTHS[i]),
        provisional: false,
        annotation: shape.notes?.[MONTHS[i]] ?? null,
      });
    }
  }
  const last = [...points].reverse().find((p) => p.value !== null) ?? null;
  const lastPhase = phases[phases.length - 1];
  const lastSide = last === null || last.center === null ? null : last.value! > last.center ? 'above' : last.value! < last.center ? 'below' : 'on';
  const signal = lastPhase.runs.signal || lastPhase.sigma_signals.length > 0;
  let variation: Variation = 'common_cause';
  if (signal) {
    if (direction === 'none' || lastSide === null || lastSide === 'on') variation = 'special_cause';
    else variation = better(direction, lastSide === 'above' ? 1 : -1) ? 'improvement' : 'concern';
  }
  return {
    indicator: id,
    aim,
    unit,
    direction,
    group: {},
    chart: shape.chart,
    variation,
    last_side: lastSide,
    signal,
    signal_side: null,
    assurance: null,
    phases,
    points,
    notes: shape.chart === 'run' ? [] : [`${shape.chart} chart: limits from the whole phase`],
  };
}

function interval(value: number, unit: Unit, n: number): [number, number] {
  const half = unit === 'percent' ? 196 * Math.sqrt((value / 100) * (1 - value / 100) / n) : (1.96 * value) / Math.sqrt(n);
  return [round(Math.max(0, value - half)), round(unit === 'percent' ? Math.min(100, value + half) : value + half)];
}

function levelOf(ci: [number, number], reference: number, direction: Direction): ComparisonLevel {
  if (ci[0] > reference) return direction === 'none' ? 'higher' : direction === 'higher_is_better' ? 'better' : 'worse';
  if (ci[1] < reference) return direction === 'none' ? 'lower' : direction === 'higher_is_better' ? 'worse' : 'better';
  return 'similar';
}

function statusOf(value: number | null, baseline: number | null, target: TargetModel | null, direction: Direction): Status {
  if (value === null) return 'not_computed';
  if (target) {
    const meets = target.rule === 'at_most' ? value <= target.value : value >= target.value;
    if (target.rule === 'above_baseline' ? value > target.value : meets) return 'met';
  }
  if (baseline !== null) {
    const d = value - baseline;
    if (Math.abs(d) < 1e-9) return 'unchanged';
    return better(direction, d) ? 'improving' : 'worsening';
  }
  return target ? 'not_met' : 'no_target';
}

function targetVerdictOf(value: number | null, target: TargetModel | null): 'met' | 'not_met' | 'no_target' {
  if (value === null || target === null) return 'no_target';
  const meets = target.rule === 'at_most' ? value <= target.value : target.rule === 'at_least' ? value >= target.value : value > target.value;
  return meets ? 'met' : 'not_met';
}

const ANNOTATIONS: Record<string, Record<string, string>> = {
  'readmission-30d': { '2014-03': 'Opfølgende hjemmebesøg indført', '2015-09': 'Ny udskrivningsaftale' },
  'smoke-free-6m': { '2015-01': 'Kampagne i Vestklyngen' },
};

/** The report model for 2016, every indicator of the catalogue. */
/** A compute result (SPEC §4.1) of a catalogue indicator in 2016 with the fields a report reads;
 *  the rest as given. */
export function catalogueResult(indicator: string, group: Record<string, string>, over: Partial<Result> = {}): Result {
  const def = CATALOGUE.find((d) => d.id === indicator)!;
  return {
    indicator, aim: def.aim, unit: def.unit, direction: def.direction, period: '2016', group,
    numerator: null, denominator: null, value: null, ci95: null, suppressed: false,
    baseline: null, target: null, change: null, change_pct: null, status: 'no_target', target_verdict: 'no_target',
    provisional: false, reason: null, notes: [], ...over,
  };
}

export function realisticReportModel(lang: Lang = 'da'): ReportHtmlModel {
  const r = generator(20160101);
  const indicators: IndicatorReportModel[] = CATALOGUE.map((def, k) => {
    const base = level(def.unit, r);
    const measured = def.kind === 'measured';
    const chart: SeriesModel['chart'] = def.unit === 'count' ? 'i' : k % 4 === 1 ? (def.unit === 'percent' ? 'pp' : 'up') : 'run';
    const monthly =
      measured && def.id !== 'sick-leave-hotline-calls'
        ? null
        : series(def.id, def.aim, def.unit, def.direction, base, r, {
            chart,
            phaseFrom: k === 0 ? '2015-10' : undefined,
            shift: k === 0 ? -base * 0.12 : undefined,
            sigmaAt: chart !== 'run' ? ['2016-05'] : undefined,
            gapAt: k === 4 ? ['2014-07', '2014-08'] : undefined,
            notes: ANNOTATIONS[def.id],
          });
    const yearly: YearlyValue[] = ['2013', '2014', '2015', '2016'].map((period, i) => {
      const value = round(base * (1 + (r() - 0.5) * 0.1 - (def.direction === 'lower_is_better' ? 0.02 * i : -0.02 * i)));
      return { period, value, ci95: def.unit === 'count' || def.unit === 'dkk_per_capita' ? null : interval(value, def.unit, 800), suppressed: false };
    });
    const notComputed = def.id === 'audits-with-citizens';
    const suppressedYear = def.id === 'vulnerable-pregnancy-team-before-week-24';
    const y2016 = yearly[3];
    const value = notComputed || suppressedYear ? null : y2016.value;
    if (value === null) yearly[3] = { ...y2016, value: null, ci95: null, suppressed: suppressedYear };
    const catalogueBaseline = def.baselines.find((b) => Object.keys(b.group).length === 0);
    const baseline = catalogueBaseline
      ? { value: catalogueBaseline.value, period: catalogueBaseline.period, source: catalogueBaseline.source }
      : k % 3 === 0 ? null : { value: yearly[0].value!, period: '2013', source: 'data' };
    const t = def.target;
    const targetValue = !t ? null : t.kind === 'value' ? t.value : t.kind === 'by_year' ? (t.values[2016] ?? null) : baseline?.value ?? null;
    const target: TargetModel | null =
      targetValue === null ? null : { value: targetValue, period: null, rule: t!.kind === 'increase_over_baseline' ? 'above_baseline' : def.direction === 'lower_is_better' ? 'at_most' : 'at_least' };
    const change = value !== null && baseline ? round(value - baseline.value) : null;
    const rates = def.unit === 'percent' || def.unit === 'per_1000';
    let equity: EquityModel | null = null;
    if (rates && !measured && def.id !== 'smoking-reach-short-education' && value !== null) {
      const g = (f: number) => ({ numerator: Math.round(f * 40), denominator: 400, value: round(value * f) });
      const groups = { short: g(1.25), medium: g(1.02), long: g(0.82) };
      const gap = round(groups.short.value - groups.long.value);
      equity = {
        gap: { value: gap, ci95: [round(gap - value * 0.15), round(gap + value * 0.15)] },
        ratio: { value: round(1.25 / 0.82), ci95: [1.12, 2.07] },
        sii: { value: round(-gap * 1.1), ci95: [round(-gap * 1.6), round(-gap * 0.6)] },
        rii: { value: 0.64, ci95: [0.48, 0.86] },
        groups,
      };
    }
    let municipalities = null;
    if (rates && !measured && value !== null) {
      const list: MunicipalityModel[] = MUNICIPALITIES.map((m, i) => {
        const size = m.code === '751' ? 6000 : 300 + Math.round(r() * 1200);
        if (def.id === 'lup-cooperation-gp' && i === 3) {
          return { code: m.code, name: m.name, value: null, ci95: null, ci998: null, suppressed: true, level95: null, level998: null };
        }
        const v = round(value * (0.8 + r() * 0.4));
        const ci95 = interval(v, def.unit, size);
        const ci998 = interval(v, def.unit, size / 2.5);
        return { code: m.code, name: m.name, value: v, ci95, ci998, suppressed: false, level95: levelOf(ci95, value, def.direction), level998: levelOf(ci998, value, def.direction) };
      });
      municipalities = { reference: value, municipalities: list };
    }
    // LUP reports one row per patient type beside the total (SPEC §3.2), with the catalogue's
    // baselines; measured by the same survey, they sit a few points around the total.
    const groups =
      def.id.startsWith('lup-') && value !== null
        ? (['outpatient', 'inpatient'] as const).map((type, g) => {
            const v = round(value + (g === 0 ? 2.5 : -4.1));
            const b = def.baselines.find((x) => x.group.patient_type === type);
            const groupBaseline = b ? { value: b.value, period: b.period, source: b.source } : null;
            return {
              group: { patient_type: type },
              figure: {
                period: '2016', numerator: Math.round(v * 3), denominator: 300, value: v, ci95: interval(v, def.unit, 300),
                suppressed: false, baseline: groupBaseline, target,
                change: groupBaseline ? round(v - groupBaseline.value) : null,
                change_pct: groupBaseline ? round(((v - groupBaseline.value) / groupBaseline.value) * 100) : null,
                status: statusOf(v, groupBaseline?.value ?? null, target, def.direction),
                target_verdict: targetVerdictOf(v, target), baseline_verdict: baselineVerdictOf(v, groupBaseline, def.direction),
                provisional: false, notes: [],
              },
            };
          })
        : [];
    return {
      ...indicatorHeading(def),
      year: {
        period: '2016',
        numerator: value === null ? null : Math.round(value * 10),
        denominator: value === null ? null : 1000,
        value,
        ci95: value === null ? null : yearly[3].ci95,
        suppressed: suppressedYear,
        baseline,
        target,
        change,
        change_pct: change !== null && baseline && baseline.value !== 0 ? round((change / baseline.value) * 100) : null,
        status: statusOf(value, baseline?.value ?? null, target, def.direction),
        target_verdict: targetVerdictOf(value, target),
        baseline_verdict: baselineVerdictOf(value, baseline, def.direction),
        provisional: false,
        notes: notComputed ? ['not computed: no measurement'] : [],
      },
      groups,
      monthly,
      yearly,
      equity,
      municipalities,
      notes: def.id === 'readmission-30d' ? ['index episodes excluded, died: 12'] : [],
    };
  });
  return {
    meta: {
      lang,
      title: null,
      tool: { name: 'triple-aim', version: '0.1.0', definition_version: 'rm-2015-2018.1' },
      generated_at: null,
      inputs: [
        { extract: 'admissions', path: 'data-samples/admissions.csv', rows: 48213, rows_rejected: 3, sha256: '3f6b0c1ad2e94c5e8b7a61f0d9c2e4b5a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2', encoding: 'utf-8', data_end: '2016-12-31' },
        { extract: 'referrals', path: 'data-samples/referrals.csv', rows: 9120, rows_rejected: 0, sha256: '9a8b7c6d5e4f30211f2e3d4c5b6a79881726354453627180f9e8d7c6b5a49382', encoding: 'windows-1252', data_end: '2016-12-30' },
        { extract: 'smoking', path: 'data-samples/smoking.csv', rows: 2204, rows_rejected: 0, sha256: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0', encoding: 'utf-8', data_end: '2016-12-28' },
        { extract: 'lup', path: 'data-samples/lup.csv', rows: 15877, rows_rejected: 12, sha256: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', encoding: 'utf-8', data_end: '2016-11-30' },
        { extract: 'population', path: 'data-samples/population.csv', rows: 1140, rows_rejected: 0, sha256: 'aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55', encoding: 'utf-8', data_end: null },
        { extract: 'measurements', path: 'data-samples/measurements.csv', rows: 36, rows_rejected: 0, sha256: '1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef', encoding: 'utf-8', data_end: null },
      ],
      suppression: {
        min_cell: 5,
        primary: 7,
        complementary: 2,
        description:
          lang === 'da'
            ? 'Resultater, hvis tæller eller nævner er mellem 1 og 4, er ikke vist (primær diskretionering, 7 resultater); 2 resultater er desuden skjult, så de skjulte ikke kan udledes af totalen (sekundær diskretionering). Grænse: 5.'
            : 'Results whose numerator or denominator is between 1 and 4 are not shown (primary suppression, 7 results); 2 more results are hidden so that the hidden ones cannot be derived from the total (complementary suppression). Threshold: 5.',
      },
    },
    year: 2016,
    indicators,
    notes: ['Befolkningstal for 2016 er fra 1. januar 2016.'],
    warnings: ['readmission-30d: follow-up is incomplete for discharges after 2016-12-01 (30 days after them lie beyond the data)'],
  };
}

/** The monitor model: every monthly series of the report model, with its target. */
export function realisticMonitorModel(lang: Lang = 'da'): MonitorHtmlModel {
  const report = realisticReportModel(lang);
  return {
    meta: report.meta,
    charts: report.indicators
      .filter((i) => i.monthly !== null)
      .map((i) => ({
        indicator: { id: i.id, aim: i.aim, name_da: i.name_da, name_en: i.name_en, unit: i.unit, direction: i.direction },
        series: i.monthly!,
        target: i.year.target,
      })),
    warnings: report.warnings,
  };
}
