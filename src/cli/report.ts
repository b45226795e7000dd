// `triple-aim report --year YYYY --out report.html`: the annual Triple Aim follow-up as one
// self-contained HTML file (SPEC §10). Two runs of the engine over the loaded data: the
// yearly values and the months up to the year's end (no breakdown), and the year by
// municipality with the comparison and the education gap; the monthly series get the run
// chart analysis of monitor.

import { Command, InvalidArgumentError, Option } from 'commander';
import type { Period } from '../calc/periods.js';
import { annotationsOf, buildSeries } from '../analysis/monitor.js';
import { clusterOf, isRegionMunicipality, municipalityName, OUTSIDE_REGION, REGION_MUNICIPALITY_CODES, UNKNOWN } from '../calc/groups.js';
import { reportPeriods } from '../engine/data-range.js';
import { runIndicators } from '../engine/run.js';
import { prepare } from '../facts/index.js';
import { DEFAULT_PROFILE } from '../indicators/profiles.js';
import { annualReportModel } from '../report/annual.js';
import { municipalityProfileModel } from '../report/profile.js';
import { inputsJson, suppressionText, toolJson } from '../report/assemble.js';
import { renderAnnualReport, renderMunicipalityProfile } from '../report/render.js';
import type { DocumentMeta, Lang } from '../report/html/model.js';
import type { ExtractInfo } from '../extracts/records.js';
import { runs } from './command.js';
import { disclosureGate } from './disclosure.js';
import { EXIT, inRange, UsageError } from './errors.js';
import { addInputOptions, resolveSources, type InputOptions } from './inputs.js';
import { loadInputs } from './load-inputs.js';
import { addEngineOption, countWith, duckdbReads, loadWithEngine, type EngineOptions } from './engine.js';
import type { Dimension } from '../calc/groups.js';
import { addOutputOptions, checkOut, writeResult, type OutputOptions } from './output.js';
import { addDataEndOption, addProfileOption, checkStandard, parseNonNegativeInt, parseStandard } from './selection.js';
import type { Profile } from '../indicators/profiles.js';
import type { RunOptions, Standard } from '../engine/run.js';
import type { CountsRequest } from '../engine/counts.js';
import type { InputRef } from '../contracts/report.js';
import { countedEventDays, countsOption, countsProfileCheck, readCountsOption, requireCounts, type Counted, type CountsOptions } from './counts.js';

export const LANGS = ['da', 'en'] as const;

interface ReportOptions extends InputOptions, OutputOptions, CountsOptions, EngineOptions {
  /** --profile (SPEC §14.3). */
  profile?: Profile;
  year: number;
  lang: Lang;
  minCell: number;
  standardize?: Standard;
  annotations?: string;
  failOn?: 'disclosure';
  skipInvalid?: boolean;
  dataEnd?: number;
  municipality?: string;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError('expected a year YYYY');
  return Number(value.trim());
}

export function reportCommand(): Command {
  const cmd = new Command('report')
    .description('the annual Triple Aim follow-up as one self-contained HTML file with charts')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim report --data extracts --year 2016 --out report-2016.html
  triple-aim report --data extracts --year 2016 --lang en --out report-2016-en.html
  triple-aim report --data extracts --year 2016 --municipality 751 --out aarhus-2016.html
  triple-aim report --counts counts.csv --population population.csv --year 2016 --out report-2016.html

The document needs nothing from outside (no script, style, font or image is fetched) and prints on A4.
It shows the year's value of every indicator with its interval, baseline, target and status, the monthly
run chart over every month of the data up to the year's end, the yearly values, the education gap and
the municipalities against the region.

--municipality CODE writes one municipality's profile instead: per indicator its value, the region's,
the lowest and highest of the region's 19 municipalities, its place among them (a spine chart), its
monthly trend and its comparison with the region. The region's 19 municipalities:
  ${regionList()}

--counts FILE.csv reads the counts a database returned for the script of \`triple-aim sql\` instead of
the admissions, referrals and smoking courses (population, measurements and baselines are still read).
Both pages need the years and the months of the data up to the report year, by municipality; for data
from January 2015 and --year 2016:
  triple-aim sql --dialect tsql --period 2015..2016 --period 2015-01..2016-12 --by municipality
A file that lacks them is a usage error that names the invocation for the data at hand.`,
    );
  addInputOptions(cmd);
  cmd
    .requiredOption('--year <YYYY>', 'the year followed up', parseYear);
  addOutputOptions(cmd, 'the HTML file');
  cmd
    .addOption(new Option('--lang <lang>', 'language of the document').choices(LANGS).default('da'))
    .option('--min-cell <n>', 'small-cell suppression threshold; 0 turns it off', parseNonNegativeInt, 5)
    .option('--annotations <file>', 'CSV period,text[,indicator][,group]: notes on the monthly charts (as monitor)')
    .option('--standardize <standard>', 'age-standardise the municipalities of the per-1000 indicators: esp2013 or population:YYYY', parseStandard)
    .addOption(
      new Option('--fail-on <what>', 'exit 3 when the report shows a count of 1–4 people or events that the default --min-cell 5 would hide').choices([
        'disclosure',
      ]),
    )
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing')
    .option('--municipality <code>', "one municipality's profile (one of the region's 19 codes, e.g. 751) instead of the annual report");
  addDataEndOption(cmd);
  addProfileOption(cmd);
  countsOption(cmd, 'report');
  addEngineOption(cmd);
  return runs(cmd, report);
}

async function report(opts: ReportOptions): Promise<number> {
  // A usage error before anything is read (SPEC §1.5).
  const municipality = opts.municipality === undefined ? undefined : regionMunicipality(opts.municipality);
  // SPEC §15: with --counts, the counting was done in a database; only the other inputs are read.
  const counted = readCountsOption(opts);
  if (counted && opts.engine === 'duckdb') throw new UsageError('--counts and --engine duckdb both say who counted: give one');
  if (counted) countsProfileCheck(opts.profile ?? DEFAULT_PROFILE, counted);
  // The counted extracts' range is the script's (first_event, last_event): the same years and months.
  const countedDays = counted ? countedEventDays(counted, opts.counts!) : [];
  const sources = counted ? counted.sources : resolveSources(opts, (e) => duckdbReads(e, opts.engine));
  if (opts.annotations !== undefined) sources.push({ extract: 'annotations', path: opts.annotations });
  const out = checkOut(opts.out, sources.map((s) => s.path)); // before anything is read (SPEC §6.3)
  const { data, infos, engine } = await loadWithEngine(sources, opts, { skipInvalid: opts.skipInvalid === true });
  checkStandard(opts.standardize, data);
  const dated = [...infos, ...countedDays];
  const { years, months } = inRange(reportPeriods(dated, opts.year));
  const prepared = prepare(data);
  const indicators = (opts.profile ?? DEFAULT_PROFILE).catalogue;
  const counts = countsFor(counted, opts, years, months, municipality);
  const countedInputs = counted?.inputs(opts.dataEnd) ?? [];
  // SPEC §15 (--engine duckdb): one DuckDB count per run of the report, each with its periods
  // and breakdown; with --counts the file's cells (countsFor checked they serve); else none.
  const countedBy = async (periods: Period[], by: Dimension[]): Promise<Pick<RunOptions, 'counts'>> =>
    engine ? { counts: await engine.count(indicators, periods, by) } : counts;
  if (municipality !== undefined) {
    const own = engine ? { counts: await countWith(engine, indicators, [years[years.length - 1], ...months], ['municipality']) } : counts;
    return profile(opts, out, municipality, prepared, data, infos, years, months, own, countedInputs);
  }
  let overTime: ReturnType<typeof runIndicators>, municipal: ReturnType<typeof runIndicators>, clusters: ReturnType<typeof runIndicators>['results'];
  try {
    overTime = runIndicators(indicators, prepared, { periods: [...years, ...months], by: [], minCell: opts.minCell, dataEnd: opts.dataEnd, ...(await countedBy([...years, ...months], [])) });
    municipal = runIndicators(indicators, prepared, {
      periods: [years[years.length - 1]],
      by: ['municipality'],
      minCell: opts.minCell,
      pooled: true,
      compare: true,
      equity: true,
      standardize: opts.standardize,
      dataEnd: opts.dataEnd,
      ...(await countedBy([years[years.length - 1]], ['municipality'])),
    });
    // SPEC §13.5: codes outside the region are one row, the pooled cluster `Outside region`;
    // a third run, only when the data hold such codes.
    const outside = municipal.results.some((r) => r.group.municipality !== undefined && clusterOf(r.group.municipality) === OUTSIDE_REGION && r.group.municipality !== UNKNOWN);
    clusters = outside
      ? runIndicators(indicators, prepared, { periods: [years[years.length - 1]], by: ['cluster'], minCell: opts.minCell, pooled: true, dataEnd: opts.dataEnd, ...(await countedBy([years[years.length - 1]], ['cluster'])) }).results
      : [];
  } finally {
    engine?.close();
  }
  const monthIds = new Set(months.map((m) => m.id));
  const annotations = months.length
    ? annotationsOf(data.annotations?.records ?? [], data.annotations?.info.path ?? '', months)
    : { list: [], warnings: [] };
  const monthly = buildSeries(
    indicators,
    overTime.results.filter((r) => monthIds.has(r.period) && Object.keys(r.group).length === 0),
    { periods: months, chart: 'run', phaseStarts: [], freezeTo: null, annotations: annotations.list, baselineRows: data.baselines?.records ?? [] },
  );

  const primary = overTime.suppression.primary + municipal.suppression.primary;
  const complementary = overTime.suppression.complementary + municipal.suppression.complementary;
  const meta = documentMeta(opts, infos, primary, complementary, countedInputs);
  const warnings = [...new Set([...annotations.warnings, ...overTime.warnings, ...municipal.warnings])];
  const model = annualReportModel({
    meta,
    year: opts.year,
    indicators,
    yearly: overTime.results.filter((r) => !monthIds.has(r.period)),
    municipal: municipal.results,
    clusters,
    monthly,
    warnings,
  });
  await writeResult(await renderAnnualReport(model), out, { quiet: opts.quiet });
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.failOn === 'disclosure') return disclosureGate([...overTime.disclosures, ...municipal.disclosures], opts.minCell);
  return EXIT.ok;
}

/**
 * SPEC §15: the counts a page's runs read, checked before anything is computed. Both pages
 * need the report year and the months of the data up to its end by municipality (the profile:
 * its municipality's months; the region's overview: the total row's, which the file holds
 * beside its groups), the annual report also the earlier years (no breakdown) and perhaps the
 * clusters (summed from the municipalities). Standardisation reads the year's cells as
 * counted (src/engine/counts.ts). A file that cannot give them is a usage error naming the
 * `triple-aim sql` that makes one that can.
 */
function countsFor(
  counted: Counted | null,
  opts: Pick<ReportOptions, 'counts' | 'standardize'>,
  years: readonly Period[],
  months: readonly Period[],
  municipality: string | undefined,
): Pick<RunOptions, 'counts'> {
  if (!counted) return {};
  const year = years[years.length - 1];
  const strata = opts.standardize !== undefined;
  const requests: CountsRequest[] =
    municipality !== undefined
      ? [{ periods: [year, ...months], by: ['municipality'], strata, pooled: true }]
      : [
          { periods: [...years, ...months], by: [] },
          { periods: [year], by: ['municipality'], strata, pooled: true },
          { periods: [year], by: ['cluster'], pooled: true },
        ];
  const what = municipality !== undefined ? `the profile of ${municipality} for ${year.id}` : `the report for ${year.id}`;
  requireCounts(counted, opts.counts!, requests, { what, periods: [...(municipality !== undefined ? [year] : years), ...months], by: ['municipality'] });
  return { counts: counted.counts };
}

/** "751 (Aarhus), 615 (Horsens), …": the region's 19, for the help and the usage errors. */
function regionList(): string {
  return REGION_MUNICIPALITY_CODES.map((c) => `${c} (${municipalityName(c) ?? c})`).join(', ');
}

/**
 * SPEC §13.9: `--municipality CODE` names one of the region's 19 municipalities (3 digits; a
 * leading 0 of four digits is dropped, as in the extracts: 0751 → 751). Another Danish code or
 * no code at all is a usage error that says which, and lists the 19.
 */
export function regionMunicipality(value: string): string {
  const raw = value.trim();
  const code = /^0\d{3}$/.test(raw) ? raw.slice(1) : raw;
  const valid = `the region's 19 are ${regionList()}`;
  if (!/^\d{3}$/.test(code)) throw new UsageError(`--municipality ${JSON.stringify(value)}: expected a municipality code of 3 digits; ${valid}`);
  if (isRegionMunicipality(code)) return code;
  const name = municipalityName(code);
  if (name !== undefined) throw new UsageError(`--municipality ${code}: ${code} (${name}) is not one of the region's 19 municipalities; ${valid}`);
  throw new UsageError(`--municipality ${code}: ${code} is not a Danish municipality code; ${valid}`);
}

/**
 * `report --municipality CODE` (SPEC §13.9): one engine run by municipality over the report
 * year and the months up to its end, so that the year and its months are suppressed together
 * (§4.4, §13.7: one page shows both), with the comparison with the region (standardised when
 * asked, §13.8); the municipality's months get monitor's run chart analysis.
 */
async function profile(
  opts: ReportOptions,
  out: ReturnType<typeof checkOut>,
  code: string,
  prepared: ReturnType<typeof prepare>,
  data: Awaited<ReturnType<typeof loadInputs>>['data'],
  infos: readonly ExtractInfo[],
  years: Period[],
  months: Period[],
  counts: Pick<RunOptions, 'counts'>,
  countedInputs: readonly InputRef[],
): Promise<number> {
  const year = years[years.length - 1];
  const CATALOGUE = (opts.profile ?? DEFAULT_PROFILE).catalogue;
  const municipal = runIndicators(CATALOGUE, prepared, {
    ...counts,
    periods: [year, ...months],
    by: ['municipality'],
    minCell: opts.minCell,
    pooled: true,
    compare: true,
    standardize: opts.standardize,
    dataEnd: opts.dataEnd,
  });
  const monthIds = new Set(months.map((m) => m.id));
  const trend = buildSeries(
    CATALOGUE,
    municipal.results.filter((r) => monthIds.has(r.period) && r.group.municipality === code && Object.keys(r.group).length === 1),
    { periods: months, chart: 'run', phaseStarts: [], freezeTo: null, annotations: [], baselineRows: data.baselines?.records ?? [] },
  );
  const { primary, complementary } = municipal.suppression;
  const meta = documentMeta(opts, infos, primary, complementary, countedInputs);
  const warnings = [...new Set(municipal.warnings)];
  const model = municipalityProfileModel({ meta, year: opts.year, code, indicators: CATALOGUE, municipal: municipal.results.filter((r) => r.period === year.id), trend, warnings });
  await writeResult(await renderMunicipalityProfile(model), out, { quiet: opts.quiet });
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  // The page shows the year of every municipality (values, the lowest and highest) and the months
  // of this one: the counts of those, not of the other municipalities' months (never shown).
  const shown = municipal.disclosures.filter((d) => d.period === year.id || d.group.municipality === code);
  if (opts.failOn === 'disclosure') return disclosureGate(shown, opts.minCell);
  return EXIT.ok;
}

/** The head of a page: language, tool, inputs and the suppression statement, in English here;
 *  the model is put into the document's language when it is built (SPEC §13.6). */
function documentMeta(
  opts: Pick<ReportOptions, 'lang' | 'minCell' | 'dataEnd' | 'profile'>,
  infos: readonly ExtractInfo[],
  primary: number,
  complementary: number,
  /** The counts file, with --counts (src/cli/counts.ts). */
  countedInputs: readonly InputRef[] = [],
): DocumentMeta {
  return {
    lang: opts.lang,
    title: null,
    tool: toolJson((opts.profile ?? DEFAULT_PROFILE).version),
    generated_at: generatedAt(process.env.SOURCE_DATE_EPOCH),
    inputs: [...inputsJson(infos, opts.dataEnd), ...countedInputs],
    suppression: { min_cell: opts.minCell, primary, complementary, description: suppressionText(opts.minCell, primary, complementary) },
  };
}

function generatedAt(epoch: string | undefined): string | null {
  const e = epoch?.trim();
  return e && /^\d+$/.test(e) ? new Date(Number(e) * 1000).toISOString() : null;
}
