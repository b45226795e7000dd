// The words of the HTML documents in Danish and English (SPEC §10 `--lang da|en`), and
// period names. Month names come from date-fns' locales, on UTCDate so that no time zone
// can move a month (a period id is a calendar month, not an instant).

import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import { parsePeriodId } from '../../calc/periods.js';
import { civilDate } from '../../calc/time.js';
import type { Aim, BaselineVerdict, ChartType, ComparisonLevel, Direction, Lang, Status, TargetVerdict, Unit, Variation } from './model.js';

export interface Labels {
  kicker: string;
  reportTitle: (year: number) => string;
  reportLede: (year: number) => string;
  monitorTitle: string;
  monitorLede: string;
  contents: string;
  aims: Record<Aim, string>;
  aimShort: Record<Aim, string>;
  /** Status words (SPEC §6.3: words, and no arrow or triangle). */
  status: Record<Status, string>;
  variation: Record<Variation, string>;
  variationHelp: string;
  unitShort: Record<Unit, string>;
  unitAxis: Record<Unit, string>;
  direction: Record<Direction, string>;
  chartType: Record<ChartType, string>;
  level: Record<ComparisonLevel, string>;
  // Document parts.
  provenance: string;
  year: string;
  definitionVersion: string;
  tool: string;
  generatedAt: string;
  notStated: string;
  suppressionThreshold: string;
  suppressionRule: (minCell: number) => string;
  inputs: string;
  inputHeaders: { extract: string; path: string; rows: string; rejected: string; encoding: string; sha256: string };
  /** The extracts by name (SPEC §13.6: no English word in a Danish page); an extract not
   *  listed is shown by its name. */
  extractNames: Record<string, string>;
  overview: string;
  overviewLede: string;
  indicators: string;
  definitions: string;
  notes: string;
  warnings: string;
  noWarnings: string;
  noNotes: string;
  suppression: string;
  // Figures of an indicator.
  value: string;
  ci95: string;
  /** "Age-standardised (esp2013)". */
  standardized: (standard: string) => string;
  /** The key figure's short label. */
  standardizedShort: string;
  ci998: string;
  baseline: string;
  target: string;
  change: string;
  changePct: string;
  variationLabel: string;
  status_: string;
  none: string;
  suppressed: (minCell: number) => string;
  notComputed: string;
  percentagePoints: string;
  numerator: string;
  denominator: string;
  period: string;
  agreement: string;
  unit: string;
  directionLabel: string;
  aim: string;
  indicatorId: string;
  indicator: string;
  targetRule: { at_least: string; at_most: string; above_baseline: string };
  // Charts.
  monthlyChart: string;
  yearlyChart: string;
  equity: string;
  municipalities: string;
  dataTable: string;
  centerRun: string;
  centerControl: string;
  limits: string;
  lcl: string;
  ucl: string;
  sigmaSignal: string;
  runsSignal: string;
  annotation: string;
  phase: string;
  phases: string;
  frozenTo: string;
  baselinePoint: string;
  yes: string;
  no: string;
  runs: { n_useful: string; longest_run: string; longest_run_max: string; crossings: string; crossings_min: string; signal: string };
  signalNone: string;
  region: string;
  municipality: string;
  code: string;
  comparison95: string;
  comparison998: string;
  education: { short: string; medium: string; long: string };
  gap: string;
  ratio: string;
  sii: string;
  rii: string;
  measure: string;
  noMonthly: string;
  noValues: string;
  noYearly: string;
  noEquity: string;
  noMunicipalities: string;
  monthlyDesc: (name: string, from: string, to: string, n: number) => string;
  yearlyDesc: (name: string, n: number) => string;
  municipalitiesDesc: (name: string, n: number) => string;
  sparklineDesc: (name: string, from: string, to: string) => string;
  group: string;
  total: string;
  /** Names of dimension values where the document has words for them (others: dim=value). */
  dimensionValues: Record<string, Record<string, string>>;
  chartKind: string;
  signal: string;
  series: string;
  lastSide: string;
  side: { above: string; below: string; on: string };
  toDefinition: string;
  toOverview: string;
  source: string;
  /** SPEC §13.3: what a monthly or quarterly figure is per. */
  perPeriod: { month: string; quarter: string };
  /** SPEC §13.3: the second line of an axis that does not start at 0. */
  axisZoomed: string;
  /** SPEC §13.4: the target's verdict and the change against the baseline, separate words. */
  targetVerdict: Record<TargetVerdict, string>;
  baselineVerdict: Record<Exclude<BaselineVerdict, null>, string>;
  targetVerdictLabel: string;
  /** The heading over both verdicts of a row (SPEC §13.4). */
  verdicts: string;
  baselineVerdictLabel: string;
  /** SPEC §13.2. */
  provisional: string;
  provisionalHelp: string;
  dataEnd: (date: string) => string;
  dataEndHeader: string;
  /** SPEC §13.5. */
  outsideRegion: string;
  outsideRegionNote: (codes: string) => string;
  notCompared: string;
  /** SPEC §13.8: "aldersstandardiseret (ESP2013)", "(befolkningen 2015)". */
  standardizedComparison: (standard: string) => string;
  crude: string;
  /** SPEC §13.1: sigma-signal points by their own direction. */
  sigmaByDirection: { improvement: string; concern: string; neutral: string };
}

const DA: Labels = {
  kicker: 'Sundhedsaftalen · Region Midtjylland',
  reportTitle: (y) => `Triple Aim – årlig opfølgning ${y}`,
  reportLede: (y) =>
    `Sundhedskoordinationsudvalgets årlige opfølgning på sundhedsaftalens Triple Aim-indikatorer for ${y}: ` +
    'værdien for året med 95 %-konfidensinterval, udgangspunkt, mål og status, den månedlige udvikling, ' +
    'forskelle mellem uddannelsesgrupper og kommunerne sammenlignet med regionen.',
  monitorTitle: 'Triple Aim – løbende monitorering',
  monitorLede:
    'Seriediagrammer og kontroldiagrammer for sundhedsaftalens indikatorer. Signaler vurderes med Anhøj-reglerne ' +
    '(lange serier og få krydsninger) og, for kontroldiagrammer, punkter uden for 3-sigma-grænserne.',
  contents: 'Indhold',
  aims: {
    population_health: 'Sundhedstilstand',
    quality: 'Klinisk og brugeroplevet kvalitet',
    cost: 'Omkostninger per capita',
  },
  aimShort: { population_health: 'Sundhedstilstand', quality: 'Kvalitet', cost: 'Omkostninger' },
  status: {
    met: '✓ mål nået',
    not_met: '✗ mål ikke nået',
    improving: 'bedre',
    worsening: 'dårligere',
    unchanged: 'uændret',
    no_target: 'intet mål',
    not_computed: '– ikke beregnet',
  },
  variation: {
    common_cause: 'tilfældig variation',
    improvement: 'signal: forbedring',
    concern: 'signal: forværring',
    special_cause: 'signal: ikke-tilfældig variation',
    insufficient_data: 'for få målinger',
  },
  variationHelp:
    'Variation i den månedlige serie (seneste fase): tilfældig variation, eller et signal om ikke-tilfældig variation i retning af forbedring eller forværring.',
  unitShort: { percent: '%', per_1000: 'pr. 1.000', count: 'antal', dkk_per_capita: 'kr. pr. indb.' },
  unitAxis: { percent: 'Procent', per_1000: 'Pr. 1.000 indbyggere', count: 'Antal', dkk_per_capita: 'Kr. pr. indbygger' },
  direction: { higher_is_better: 'højere er bedre', lower_is_better: 'lavere er bedre', none: 'ingen retning' },
  chartType: {
    run: 'seriediagram',
    p: 'P-kontroldiagram',
    pp: 'P′-kontroldiagram (Laney)',
    u: 'U-kontroldiagram',
    up: 'U′-kontroldiagram (Laney)',
    i: 'I-kontroldiagram',
  },
  // SPEC §13.4: the comparison with the region has words of its own.
  level: { better: 'bedre end regionen', similar: 'som regionen', worse: 'dårligere end regionen', higher: 'højere end regionen', lower: 'lavere end regionen' },
  provenance: 'Datagrundlag',
  year: 'År',
  definitionVersion: 'Definitionsversion',
  tool: 'Værktøj',
  generatedAt: 'Dannet',
  notStated: 'ikke angivet',
  suppressionThreshold: 'Diskretionering',
  suppressionRule: (n) => (n <= 1 ? 'ingen' : `antal fra 1 til ${n - 1} skjules (vist som <${n})`),
  inputs: 'Udtræk',
  inputHeaders: { extract: 'Udtræk', path: 'Fil', rows: 'Rækker', rejected: 'Afvist', encoding: 'Tegnsæt', sha256: 'SHA-256' },
  extractNames: {
    admissions: 'Indlæggelser',
    contacts: 'Sygehuskontakter',
    referrals: 'Henvisninger',
    smoking: 'Rygestopforløb',
    lup: 'LUP-svar',
    population: 'Befolkning',
    measurements: 'Målinger',
    baselines: 'Udgangspunkter og mål',
    annotations: 'Annotationer',
  },
  overview: 'Triple Aim-overblik',
  overviewLede: 'Årets værdi for hele regionen med 95 %-konfidensinterval, status mod mål og udgangspunkt, og variationen i den månedlige serie.',
  indicators: 'Indikatorerne',
  definitions: 'Definitioner',
  notes: 'Noter',
  warnings: 'Advarsler',
  noWarnings: 'Ingen advarsler.',
  noNotes: 'Ingen noter.',
  suppression: 'Diskretionering (små tal)',
  value: 'Værdi',
  ci95: '95 %-KI',
  standardized: (standard) => `Aldersstandardiseret (${standard})`,
  standardizedShort: 'Standardiseret',
  ci998: '99,8 %-KI',
  baseline: 'Udgangspunkt',
  target: 'Mål',
  change: 'Ændring',
  changePct: 'Ændring i %',
  variationLabel: 'Variation',
  status_: 'Status',
  none: 'intet',
  suppressed: (n) => `<${n}`,
  notComputed: '–',
  percentagePoints: 'procentpoint',
  numerator: 'Tæller',
  denominator: 'Nævner',
  period: 'Periode',
  agreement: 'Sundhedsaftalen',
  unit: 'Enhed',
  directionLabel: 'Retning',
  aim: 'Mål i Triple Aim',
  indicatorId: 'Id',
  indicator: 'Indikator',
  targetRule: { at_least: 'mindst', at_most: 'højst', above_baseline: 'over udgangspunktet' },
  monthlyChart: 'Månedlig udvikling',
  yearlyChart: 'Årlige værdier',
  equity: 'Forskelle mellem uddannelsesgrupper',
  municipalities: 'Kommunerne sammenlignet med regionen',
  dataTable: 'Datatabel',
  centerRun: 'Median',
  centerControl: 'Centrallinje',
  limits: 'Kontrolgrænser (3 sigma)',
  lcl: 'Nedre grænse',
  ucl: 'Øvre grænse',
  sigmaSignal: 'Punkt uden for kontrolgrænserne',
  runsSignal: 'Serie-signal (Anhøj): lang serie eller få krydsninger',
  annotation: 'Annotation',
  phase: 'Fase',
  phases: 'Faser',
  frozenTo: 'fastfrosset til',
  baselinePoint: 'Indgår i centrallinjen',
  yes: 'ja',
  no: 'nej',
  runs: {
    n_useful: 'Brugbare punkter',
    longest_run: 'Længste serie',
    longest_run_max: 'højst',
    crossings: 'Krydsninger',
    crossings_min: 'mindst',
    signal: 'Signal',
  },
  signalNone: 'Intet signal',
  region: 'Regionen',
  municipality: 'Kommune',
  code: 'Kode',
  comparison95: 'Sammenligning (95 %)',
  comparison998: 'Sammenligning (99,8 %)',
  education: { short: 'Kort uddannelse', medium: 'Mellemlang uddannelse', long: 'Lang uddannelse' },
  gap: 'Forskel (kort − lang)',
  ratio: 'Forhold (kort / lang)',
  sii: 'Hældningsindeks (SII)',
  rii: 'Relativt indeks (RII)',
  measure: 'Mål for ulighed',
  noMonthly: 'Der er ingen månedlig serie for denne indikator.',
  noValues: 'Ingen værdier at tegne (ikke beregnet eller diskretioneret); se datatabellen.',
  noYearly: 'Der er ingen årlige værdier.',
  noEquity: 'Uddannelsesforskelle opgøres ikke for denne indikator.',
  noMunicipalities: 'Kommunerne sammenlignes ikke for denne indikator.',
  monthlyDesc: (name, from, to, n) => `Månedlige værdier for ${name} fra ${from} til ${to} (${n} måneder) med centrallinje, signaler, mål og annotationer.`,
  yearlyDesc: (name, n) => `Årlige værdier for ${name} (${n} år) med 95 %-konfidensintervaller og mål.`,
  municipalitiesDesc: (name, n) => `${name}: ${n} kommuners værdi med 95 %-konfidensinterval, sammenlignet med regionens værdi.`,
  sparklineDesc: (name, from, to) => `Månedlig udvikling for ${name}, ${from} til ${to}.`,
  group: 'Gruppe',
  total: 'hele regionen',
  dimensionValues: {
    patient_type: { outpatient: 'Ambulante patienter', inpatient: 'Indlagte patienter' },
    education: { short: 'Kort uddannelse', medium: 'Mellemlang uddannelse', long: 'Lang uddannelse' },
    sex: { F: 'Kvinder', M: 'Mænd' },
  },
  chartKind: 'Diagram',
  signal: 'Signal',
  series: 'Serier',
  lastSide: 'Seneste punkt',
  side: { above: 'over centrallinjen', below: 'under centrallinjen', on: 'på centrallinjen' },
  toDefinition: 'Definition',
  toOverview: 'Til overblikket',
  source: 'kilde',
  perPeriod: { month: 'pr. måned', quarter: 'pr. kvartal' },
  axisZoomed: 'aksen starter ikke ved 0',
  targetVerdict: { met: '✓ mål nået', not_met: '✗ mål ikke nået', no_target: 'intet mål' },
  baselineVerdict: {
    better: 'bedre end udgangspunktet',
    worse: 'dårligere end udgangspunktet',
    unchanged: 'uændret',
    higher: 'højere end udgangspunktet',
    lower: 'lavere end udgangspunktet',
    no_baseline: 'intet udgangspunkt',
  },
  targetVerdictLabel: 'Målopfyldelse',
  verdicts: 'Mål og udgangspunkt',
  baselineVerdictLabel: 'Mod udgangspunktet',
  provisional: 'foreløbig',
  provisionalHelp: 'foreløbig: opfølgningen rækker ud over data',
  dataEnd: (date) => `data til og med ${date}`,
  dataEndHeader: 'Data til og med',
  outsideRegion: 'Uden for regionen',
  notCompared: 'sammenlignes ikke',
  outsideRegionNote: (codes) => `Kommunekoder uden for regionen (${codes}): udtrækket rummer kun borgere, der er behandlet her; sammenlignes ikke.`,
  standardizedComparison: (standard) => `aldersstandardiseret (${standardName(standard, 'da')})`,
  crude: 'Rå værdi',
  sigmaByDirection: {
    improvement: 'Punkt uden for kontrolgrænserne: forbedring',
    concern: 'Punkt uden for kontrolgrænserne: forværring',
    neutral: 'Punkt uden for kontrolgrænserne: ingen retning',
  },
};

const EN: Labels = {
  kicker: 'Health agreement (Sundhedsaftalen) · Region Midtjylland',
  reportTitle: (y) => `Triple Aim – annual follow-up ${y}`,
  reportLede: (y) =>
    `The health coordination committee's annual follow-up of the agreement's Triple Aim indicators for ${y}: ` +
    "the year's value with its 95 % confidence interval, baseline, target and status, the monthly course, " +
    'gaps between education groups, and the municipalities compared with the region.',
  monitorTitle: 'Triple Aim – continuous monitoring',
  monitorLede:
    "Run charts and control charts of the agreement's indicators. Signals are judged by the Anhøj rules (long runs " +
    'and few crossings) and, for control charts, by points outside the 3-sigma limits.',
  contents: 'Contents',
  aims: { population_health: 'Population health', quality: 'Clinical and patient-experienced quality', cost: 'Cost per capita' },
  aimShort: { population_health: 'Population health', quality: 'Quality', cost: 'Cost' },
  status: {
    met: '✓ target met',
    not_met: '✗ target not met',
    improving: 'better',
    worsening: 'worse',
    unchanged: 'unchanged',
    no_target: 'no target',
    not_computed: '– not computed',
  },
  variation: {
    common_cause: 'common-cause variation',
    improvement: 'signal: improvement',
    concern: 'signal: concern',
    special_cause: 'signal: special cause',
    insufficient_data: 'too few points',
  },
  variationHelp:
    "Variation of the monthly series (its last phase): common-cause variation, or a signal of special-cause variation towards improvement or concern.",
  unitShort: { percent: '%', per_1000: 'per 1,000', count: 'count', dkk_per_capita: 'DKK per capita' },
  unitAxis: { percent: 'Percent', per_1000: 'Per 1,000 inhabitants', count: 'Count', dkk_per_capita: 'DKK per inhabitant' },
  direction: { higher_is_better: 'higher is better', lower_is_better: 'lower is better', none: 'no direction' },
  chartType: { run: 'run chart', p: 'P control chart', pp: 'P′ control chart (Laney)', u: 'U control chart', up: 'U′ control chart (Laney)', i: 'I control chart' },
  level: {
    better: 'better than the region',
    similar: 'similar to the region',
    worse: 'worse than the region',
    higher: 'higher than the region',
    lower: 'lower than the region',
  },
  provenance: 'Provenance',
  year: 'Year',
  definitionVersion: 'Definition version',
  tool: 'Tool',
  generatedAt: 'Generated',
  notStated: 'not stated',
  suppressionThreshold: 'Small-cell suppression',
  suppressionRule: (n) => (n <= 1 ? 'none' : `counts from 1 to ${n - 1} hidden (shown as <${n})`),
  inputs: 'Extracts',
  inputHeaders: { extract: 'Extract', path: 'File', rows: 'Rows', rejected: 'Rejected', encoding: 'Encoding', sha256: 'SHA-256' },
  extractNames: {
    admissions: 'Admissions',
    contacts: 'Hospital contacts',
    referrals: 'Referrals',
    smoking: 'Smoking-cessation courses',
    lup: 'LUP answers',
    population: 'Population',
    measurements: 'Measurements',
    baselines: 'Baselines and targets',
    annotations: 'Annotations',
  },
  overview: 'Triple Aim overview',
  overviewLede: "The year's value for the whole region with its 95 % confidence interval, the status against target and baseline, and the variation of the monthly series.",
  indicators: 'The indicators',
  definitions: 'Definitions',
  notes: 'Notes',
  warnings: 'Warnings',
  noWarnings: 'No warnings.',
  noNotes: 'No notes.',
  suppression: 'Small-cell suppression',
  value: 'Value',
  ci95: '95 % CI',
  standardized: (standard) => `Age-standardised (${standard})`,
  standardizedShort: 'Standardised',
  ci998: '99.8 % CI',
  baseline: 'Baseline',
  target: 'Target',
  change: 'Change',
  changePct: 'Change in %',
  variationLabel: 'Variation',
  status_: 'Status',
  none: 'none',
  suppressed: (n) => `<${n}`,
  notComputed: '–',
  percentagePoints: 'percentage points',
  numerator: 'Numerator',
  denominator: 'Denominator',
  period: 'Period',
  agreement: 'Agreement',
  unit: 'Unit',
  directionLabel: 'Direction',
  aim: 'Triple Aim',
  indicatorId: 'Id',
  indicator: 'Indicator',
  targetRule: { at_least: 'at least', at_most: 'at most', above_baseline: 'above the baseline' },
  monthlyChart: 'Monthly course',
  yearlyChart: 'Yearly values',
  equity: 'Gaps between education groups',
  municipalities: 'Municipalities compared with the region',
  dataTable: 'Data table',
  centerRun: 'Median',
  centerControl: 'Centre line',
  limits: 'Control limits (3 sigma)',
  lcl: 'Lower limit',
  ucl: 'Upper limit',
  sigmaSignal: 'Point outside the control limits',
  runsSignal: 'Runs signal (Anhøj): long run or few crossings',
  annotation: 'Annotation',
  phase: 'Phase',
  phases: 'Phases',
  frozenTo: 'frozen to',
  baselinePoint: 'In the centre line',
  yes: 'yes',
  no: 'no',
  runs: {
    n_useful: 'Useful points',
    longest_run: 'Longest run',
    longest_run_max: 'at most',
    crossings: 'Crossings',
    crossings_min: 'at least',
    signal: 'Signal',
  },
  signalNone: 'No signal',
  region: 'Region',
  municipality: 'Municipality',
  code: 'Code',
  comparison95: 'Comparison (95 %)',
  comparison998: 'Comparison (99.8 %)',
  education: { short: 'Short education', medium: 'Medium education', long: 'Long education' },
  gap: 'Gap (short − long)',
  ratio: 'Ratio (short / long)',
  sii: 'Slope index (SII)',
  rii: 'Relative index (RII)',
  measure: 'Measure of inequality',
  noMonthly: 'This indicator has no monthly series.',
  noValues: 'No values to draw (not computed or suppressed); see the data table.',
  noYearly: 'There are no yearly values.',
  noEquity: 'Education gaps are not computed for this indicator.',
  noMunicipalities: 'The municipalities are not compared for this indicator.',
  monthlyDesc: (name, from, to, n) => `Monthly values of ${name} from ${from} to ${to} (${n} months) with the centre line, signals, target and annotations.`,
  yearlyDesc: (name, n) => `Yearly values of ${name} (${n} years) with 95 % confidence intervals and the target.`,
  municipalitiesDesc: (name, n) => `${name}: the values of ${n} municipalities with 95 % confidence intervals, compared with the region's value.`,
  sparklineDesc: (name, from, to) => `Monthly course of ${name}, ${from} to ${to}.`,
  group: 'Group',
  total: 'whole region',
  dimensionValues: {
    patient_type: { outpatient: 'Outpatients', inpatient: 'Inpatients' },
    education: { short: 'Short education', medium: 'Medium education', long: 'Long education' },
    sex: { F: 'Women', M: 'Men' },
  },
  chartKind: 'Chart',
  signal: 'Signal',
  series: 'Series',
  lastSide: 'Last point',
  side: { above: 'above the centre line', below: 'below the centre line', on: 'on the centre line' },
  toDefinition: 'Definition',
  toOverview: 'Back to the overview',
  source: 'source',
  perPeriod: { month: 'per month', quarter: 'per quarter' },
  axisZoomed: 'axis does not start at 0',
  targetVerdict: { met: '✓ target met', not_met: '✗ target not met', no_target: 'no target' },
  baselineVerdict: {
    better: 'better than the baseline',
    worse: 'worse than the baseline',
    unchanged: 'unchanged',
    higher: 'higher than the baseline',
    lower: 'lower than the baseline',
    no_baseline: 'no baseline',
  },
  targetVerdictLabel: 'Target',
  verdicts: 'Target and baseline',
  baselineVerdictLabel: 'Against the baseline',
  provisional: 'provisional',
  provisionalHelp: 'provisional: the follow-up reaches past the data',
  dataEnd: (date) => `data up to and including ${date}`,
  dataEndHeader: 'Data up to and including',
  outsideRegion: 'Outside the region',
  notCompared: 'not compared',
  outsideRegionNote: (codes) => `Municipality codes outside the region (${codes}): the extract holds only residents treated here; not compared.`,
  standardizedComparison: (standard) => `age-standardised (${standardName(standard, 'en')})`,
  crude: 'Crude value',
  sigmaByDirection: {
    improvement: 'Point outside the control limits: improvement',
    concern: 'Point outside the control limits: concern',
    neutral: 'Point outside the control limits: no direction',
  },
};

export const LABELS: Record<Lang, Labels> = { da: DA, en: EN };

/** SPEC §13.8: `esp2013` → "ESP2013", `population:2015` → "befolkningen 2015" / "population 2015". */
export function standardName(standard: string, lang: Lang): string {
  if (standard === 'esp2013') return 'ESP2013';
  const m = /^population:(\d{4})$/.exec(standard);
  if (m) return `${lang === 'da' ? 'befolkningen' : 'population'} ${m[1]}`;
  return standard;
}

/** SPEC §13.2: an ISO date for reading, "31. januar 2018" / "31 January 2018" (no time zone). */
export function dateName(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return format(new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3])), lang === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy', { locale: LOCALES[lang] });
}

const LOCALES = { da, en: enGB } as const;

/** The UTC date of a period's first day. */
function firstDay(periodId: string): UTCDate | null {
  const period = parsePeriodId(periodId);
  if (!period) return null;
  const d = civilDate(period.from);
  return new UTCDate(d.year, d.month - 1, d.day);
}

/**
 * A period id for reading: months "januar 2016" / "January 2016" (`short`: "jan. 2016" /
 * "Jan 2016"), quarters "1. kvt. 2016" / "Q1 2016", years as they are. An id that is none of
 * these is returned as it is.
 */
export function periodName(periodId: string, lang: Lang, short = false): string {
  const period = parsePeriodId(periodId);
  if (!period) return periodId;
  if (period.kind === 'year') return period.id;
  if (period.kind === 'quarter') {
    const q = periodId.slice(-1);
    return lang === 'da' ? `${q}. kvt. ${period.year}` : `Q${q} ${period.year}`;
  }
  return format(firstDay(periodId)!, short ? 'LLL yyyy' : 'LLLL yyyy', { locale: LOCALES[lang] });
}

/**
 * The time-format locale of the charts (d3-time-format's shape, read by vega's View), with
 * month and day names from date-fns so that the charts and the text name months alike.
 */
export function chartTimeLocale(lang: Lang) {
  const locale = LOCALES[lang];
  const monthNames = (pattern: string) =>
    Array.from({ length: 12 }, (_, m) => format(new UTCDate(2001, m, 1), pattern, { locale }));
  // 2001-01-07 was a Sunday: d3 lists days from Sunday.
  const dayNames = (pattern: string) =>
    Array.from({ length: 7 }, (_, d) => format(new UTCDate(2001, 0, 7 + d), pattern, { locale }));
  return {
    dateTime: '%x %X',
    date: lang === 'da' ? '%d.%m.%Y' : '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: dayNames('EEEE'),
    shortDays: dayNames('EEE'),
    months: monthNames('LLLL'),
    shortMonths: monthNames('LLL'),
  };
}

/** The number-format locale of the charts (d3-format's shape). */
export function chartNumberLocale(lang: Lang) {
  return lang === 'da'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'], minus: '\u2212' }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' DKK'], minus: '\u2212' };
}

/**
 * The words of the pages of SPEC §13.9 (issue 21): the overview of the region's municipalities,
 * one municipality's profile, assurance and the CSV downloads. Declared apart from `Labels` so
 * that these pages' words stay together; the same rule holds: both languages, every text once.
 */
export interface PublicLabels {
  /** The overview table (SPEC §13.9 "Overview"). */
  overviewTitle: string;
  overviewLede: (basis: string) => string;
  /** The accessible name of the scrolling box that holds the wide table. */
  overviewBox: string;
  overviewCaption: (year: number) => string;
  notComparedRow: string;
  /** "aldersstandardiseret (ESP2013)" under a standardised row. */
  symbolHelp: string;
  /** SPEC §13.9 assurance (NHS Making Data Count): words beside the icon. */
  assurance: Record<'pass' | 'fail' | 'inconsistent', string>;
  assuranceLabel: string;
  assuranceNone: string;
  /** SPEC §13.9 downloads. */
  download: string;
  downloadHelp: string;
  csvHeader: { table: string; period: string; group: string; value: string; lower: string; upper: string; suppressed: string; provisional: string; comparison: string };
  csvTable: { year: string; month: string; municipality: string; outside: string };
  csvYes: string;
  csvNo: string;
  /** One municipality's profile (SPEC §13.9 "One municipality"). */
  profileTitle: (name: string, year: number) => string;
  profileLede: (name: string, year: number) => string;
  profileKicker: string;
  municipalityValue: string;
  regionValue: string;
  lowest: string;
  highest: string;
  spine: string;
  trend: string;
  comparison: string;
  ofMunicipalities: (n: number) => string;
  noBreakdown: string;
  spineLabel: (name: string, value: string, region: string, low: string, high: string) => string;
  spineHelp: string;
  trendLabel: (name: string, from: string, to: string) => string;
  spineLegend: { range: string; middle: string; region: string };
  profileTable: string;
}

const PUBLIC_DA: PublicLabels = {
  overviewTitle: 'Kommunerne i overblik',
  overviewLede: (basis) =>
    `Årets værdi for hele regionen og for hver af regionens 19 kommuner. Farven og symbolet viser kommunens sammenligning med regionen (95 %-konfidensinterval${basis}).`,
  overviewBox: 'Tabel over indikatorer og kommuner (kan rulles vandret)',
  overviewCaption: (y) => `Indikatorer efter kommune, ${y}`,
  notComparedRow: 'kommunerne sammenlignes ikke',
  symbolHelp: 'Værdier under diskretioneringsgrænsen vises som <5 og sammenlignes ikke.',
  assurance: { pass: 'vil opfylde målet', fail: 'vil ikke opfylde målet', inconsistent: 'kan opfylde målet' },
  assuranceLabel: 'Sikkerhed for målet',
  assuranceNone: 'ikke vurderet: kræver et mål og kontrolgrænser',
  download: 'Hent tallene (CSV)',
  downloadHelp: 'semikolon og decimalkomma, åbner i Excel',
  csvHeader: {
    table: 'tabel',
    period: 'periode',
    group: 'gruppe',
    value: 'værdi',
    lower: 'nedre 95 %-grænse',
    upper: 'øvre 95 %-grænse',
    suppressed: 'diskretioneret',
    provisional: 'foreløbig',
    comparison: 'sammenligning med regionen',
  },
  csvTable: { year: 'år', month: 'måned', municipality: 'kommune', outside: 'uden for regionen' },
  csvYes: 'ja',
  csvNo: 'nej',
  profileTitle: (name, y) => `${name} – kommuneprofil ${y}`,
  profileLede: (name, y) =>
    `Hvordan går det i ${name}? Årets værdi for hver indikator ved siden af regionens, den laveste og højeste af regionens 19 kommuner, kommunens placering blandt dem, udviklingen og sammenligningen med regionen (${y}).`,
  profileKicker: 'Sundhedsaftalen · Region Midtjylland · kommuneprofil',
  municipalityValue: 'Kommunen',
  regionValue: 'Regionen',
  lowest: 'Laveste',
  highest: 'Højeste',
  spine: 'Placering blandt kommunerne',
  trend: 'Udvikling',
  comparison: 'Sammenlignet med regionen',
  ofMunicipalities: (n) => `af ${n} kommuner med en værdi`,
  noBreakdown: 'opgøres ikke for kommunerne',
  spineLabel: (name, value, region, low, high) =>
    `${name}: ${value}; regionen ${region}; kommunerne fra ${low} til ${high}.`,
  spineHelp:
    'Placering: den grå bjælke går fra den laveste til den højeste af kommunerne, den mørkere del er den midterste halvdel af dem, stregen er regionens værdi og mærket kommunens.',
  trendLabel: (name, from, to) => `Månedlig udvikling i ${name}, ${from} til ${to}.`,
  spineLegend: { range: 'laveste til højeste kommune', middle: 'midterste halvdel af kommunerne', region: 'regionen' },
  profileTable: 'Indikatorerne for kommunen',
};

const PUBLIC_EN: PublicLabels = {
  overviewTitle: 'The municipalities at a glance',
  overviewLede: (basis) =>
    `The year's value for the whole region and for each of the region's 19 municipalities. Colour and symbol show each municipality's comparison with the region (95 % confidence interval${basis}).`,
  overviewBox: 'Table of indicators by municipality (scrolls sideways)',
  overviewCaption: (y) => `Indicators by municipality, ${y}`,
  notComparedRow: 'municipalities not compared',
  symbolHelp: 'Values below the suppression threshold are shown as <5 and not compared.',
  assurance: { pass: 'will meet the target', fail: 'will not meet the target', inconsistent: 'may meet the target' },
  assuranceLabel: 'Assurance of the target',
  assuranceNone: 'not assessed: needs a target and control limits',
  download: 'Download the figures (CSV)',
  downloadHelp: 'comma-separated, decimal point',
  csvHeader: {
    table: 'table',
    period: 'period',
    group: 'group',
    value: 'value',
    lower: '95 % lower limit',
    upper: '95 % upper limit',
    suppressed: 'suppressed',
    provisional: 'provisional',
    comparison: 'comparison with the region',
  },
  csvTable: { year: 'year', month: 'month', municipality: 'municipality', outside: 'outside the region' },
  csvYes: 'yes',
  csvNo: 'no',
  profileTitle: (name, y) => `${name} – municipality profile ${y}`,
  profileLede: (name, y) =>
    `How is ${name} doing? Each indicator's value for the year beside the region's, the lowest and highest of the region's 19 municipalities, the municipality's place among them, its trend and its comparison with the region (${y}).`,
  profileKicker: 'Health agreement (Sundhedsaftalen) · Region Midtjylland · municipality profile',
  municipalityValue: 'Municipality',
  regionValue: 'Region',
  lowest: 'Lowest',
  highest: 'Highest',
  spine: 'Place among the municipalities',
  trend: 'Trend',
  comparison: 'Compared with the region',
  ofMunicipalities: (n) => `of ${n} municipalities with a value`,
  noBreakdown: 'not broken down by municipality',
  spineLabel: (name, value, region, low, high) =>
    `${name}: ${value}; the region ${region}; the municipalities from ${low} to ${high}.`,
  spineHelp:
    'Place: the grey bar runs from the lowest to the highest of the municipalities, its darker part is their middle half, the rule is the region and the marker the municipality.',
  trendLabel: (name, from, to) => `Monthly course in ${name}, ${from} to ${to}.`,
  spineLegend: { range: 'lowest to highest municipality', middle: 'middle half of the municipalities', region: 'the region' },
  profileTable: 'The indicators for the municipality',
};

export const PUBLIC_LABELS: Record<Lang, PublicLabels> = { da: PUBLIC_DA, en: PUBLIC_EN };
