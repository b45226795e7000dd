// The message catalogue (SPEC §13.6 "one language per page"): every note, reason and warning
// text that the engine, the indicators, the analyses and the CLI attach to results, declared
// once with its English and its Danish text.
//
// How a text travels (the choice, written down):
// - Code that makes a note, reason or warning calls `say(MESSAGE, params)`. It returns the
//   English text as a branded string (`Said`): the JSON contract is unchanged (notes, reasons
//   and warnings stay English strings), and a loose string literal is not a `Said`, so a note
//   without a declaration (and thus without a Danish text) does not compile where the code
//   asks for `Said` (Tally.note, the engine's drafts, the indicators' reasons and warnings).
// - A renderer in another language turns the English text back into its declaration with
//   `translator()`: each template compiles to an anchored pattern whose parameters are read
//   back, and the Danish text is built from them (nested declared texts, such as the reason in
//   "not computed: …", are translated in turn). No JSON field is added; a text with no
//   declaration gives null, and the page then marks it lang="en" (src/report/localise.ts).
// - Parameters are values (counts, period ids, file names, data texts) shown as they are, or
//   words from a closed set (a sender, a period kind), which the Danish text renders itself.
//
// Texts here never cite a SPEC section: they reach readers (the report must not show "SPEC §").

/** A text made from a declaration: the English text, which the JSON writes. */
export type Said = string & { readonly __declared: unique symbol };

/** The parameter names of a template: "a {x} b {y}" → "x" | "y". */
export type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type Params<T extends string> = { readonly [K in ParamNames<T>]: string | number };

/**
 * How a parameter is read back from an English text:
 * - `count`: a whole number, or a hidden count written "<N" (SPEC §13.7);
 * - `text`: another declared text (translated in turn);
 * - `value`: anything (a file name, a period id, a text from the data), shown as it is;
 * - a list of words: exactly one of them (the Danish text translates it).
 */
export type ParamKind = 'count' | 'text' | 'value' | readonly string[];

/** Translates a nested declared text into the target language (or leaves it). */
export type Translate = (english: string) => string;

export interface Message<T extends string = string> {
  /** The English text, a template with {parameters}. */
  readonly en: T;
  /** The Danish text: a template with the same {parameters} (`text` ones translated, others
   *  as they are), or a function of the parameters read back from the English text. */
  readonly da: string | ((p: { readonly [K in ParamNames<T>]: string }, t: Translate) => string);
  /** How each parameter is read back; `value` when not named. */
  readonly params?: { readonly [K in ParamNames<T>]?: ParamKind };
}

/** Any declaration, whatever its parameters (what the translator reads). */
export interface AnyMessage {
  readonly en: string;
  readonly da: string | ((p: never, t: Translate) => string);
  readonly params?: { readonly [name: string]: ParamKind | undefined };
}

function message<const T extends string>(m: Message<T>): Message<T> {
  return m;
}

/** The English text of a message with its parameters. */
export function say<T extends string>(m: Message<T>, ...params: ParamNames<T> extends never ? [] : [Params<T>]): Said {
  const p = (params[0] ?? {}) as Record<string, string | number>;
  return m.en.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in p)) throw new Error(`message "${m.en}": no value for {${name}}`);
    return String(p[name]);
  }) as Said;
}

// ---------------------------------------------------------------------------------------
// Words of closed sets the Danish texts translate.

const SENDER_DA: Record<string, string> = {
  gp: 'almen praksis',
  hospital: 'hospital',
  psychiatry: 'psykiatrien',
  self: 'borgeren selv',
  other: 'anden afsender',
};

const PERIOD_KINDS = ['yearly', 'quarterly', 'monthly', 'multi-month'] as const;
/** Danish adjectives, common gender ("en månedlig rate") and neuter ("et månedligt antal"). */
const KIND_DA: Record<string, { common: string; neuter: string }> = {
  yearly: { common: 'årlig', neuter: 'årligt' },
  quarterly: { common: 'kvartalsvis', neuter: 'kvartalsvist' },
  monthly: { common: 'månedlig', neuter: 'månedligt' },
  'multi-month': { common: 'flermåneders', neuter: 'flermåneders' },
};
const UNIT_NOUNS = ['count', 'rate per 1000', 'DKK per capita figure'] as const;
const UNIT_NOUN_DA: Record<string, { noun: string; neuter: boolean }> = {
  count: { noun: 'antal', neuter: true },
  'rate per 1000': { noun: 'rate pr. 1.000 indbyggere', neuter: false },
  'DKK per capita figure': { noun: 'beløb i kr. pr. indbygger', neuter: true },
};

/** The breakdown dimensions and the extracts by their Danish names ("municipality, sex" →
 *  "kommune, køn"); a word not listed stays as it is. */
const WORDS_DA: Record<string, string> = {
  municipality: 'kommune',
  cluster: 'klynge',
  education: 'uddannelse',
  sex: 'køn',
  age_band: 'aldersgruppe',
  patient_type: 'patienttype',
  sender: 'afsender',
  offer: 'tilbud',
  admissions: 'indlæggelsesudtrækket',
  referrals: 'henvisningsudtrækket',
  smoking: 'rygestopudtrækket',
  lup: 'LUP-udtrækket',
  measurements: 'målingerne',
};
const wordsDa = (list: string) =>
  list
    .split(', ')
    .map((w) => WORDS_DA[w] ?? w)
    .join(', ');

/** "a.csv and b.csv" → "a.csv og b.csv". */
const filesDa = (files: string) => files.split(' and ').join(' og ');

// ---------------------------------------------------------------------------------------
// The declarations, by the stage that says them.

export const MESSAGES = {
  // --- Exclusions and other facts counted by the indicators (Tally.note), shown with their
  //     count by COUNTED.
  indexExcludedDied: message({ en: 'index episodes excluded: died', da: 'indeksforløb udeladt: patienten døde' }),
  indexExcludedCancer: message({
    en: 'index episodes excluded: cancer (C00–C99, D00–D09)',
    da: 'indeksforløb udeladt: kræft (C00–C99, D00–D09)',
  }),
  indexExcludedZ763: message({
    en: 'index episodes excluded: Z76.3 (healthy person accompanying a sick person)',
    da: 'indeksforløb udeladt: Z76.3 (rask person, der ledsager en syg)',
  }),
  returnNotCountedPlanned: message({
    en: 'index episodes not readmitted, next episode within 30 days planned',
    da: 'indeksforløb uden genindlæggelse, næste forløb inden for 30 dage var planlagt',
  }),
  returnNotCountedBirth: message({
    en: 'index episodes not readmitted, next episode within 30 days a birth (O80–O84)',
    da: 'indeksforløb uden genindlæggelse, næste forløb inden for 30 dage var en fødsel (O80–O84)',
  }),
  returnNotCountedInjury: message({
    en: 'index episodes not readmitted, next episode within 30 days an injury, poisoning or external cause (S–Y)',
    da: 'indeksforløb uden genindlæggelse, næste forløb inden for 30 dage var en skade, forgiftning eller ydre årsag (S–Y)',
  }),
  // The national profile's readmission exclusions (SPEC §14.3, §14.4), one per rule: index
  // candidates are every somatic stay (from admissions.csv: episode) discharged in the period.
  indexExcludedUnder12Hours: message({
    en: 'index stays excluded: under 12 hours (not an admission)',
    da: 'indeksophold udeladt: under 12 timer (ikke en indlæggelse)',
  }),
  indexExcludedDiedStay: message({ en: 'index stays excluded: died', da: 'indeksophold udeladt: patienten døde' }),
  indexExcludedHospice: message({ en: 'index stays excluded: hospice', da: 'indeksophold udeladt: hospice' }),
  indexExcludedCancerAny: message({
    en: 'index stays excluded: cancer (C00–C99, D00–D09) among the diagnoses',
    da: 'indeksophold udeladt: kræft (C00–C99, D00–D09) blandt diagnoserne',
  }),
  indexExcludedZ763Any: message({
    en: 'index stays excluded: Z76.3 among the diagnoses',
    da: 'indeksophold udeladt: Z76.3 blandt diagnoserne',
  }),
  indexExcludedPsychiatricLast: message({
    en: 'index stays excluded: last diagnosis psychiatric (F)',
    da: 'indeksophold udeladt: sidste diagnose psykiatrisk (F)',
  }),
  returnNotCountedPlannedStay: message({
    en: 'index stays not readmitted, next stay within 30 days planned',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage var planlagt',
  }),
  returnNotCountedUnder12Hours: message({
    en: 'index stays not readmitted, next stay within 30 days under 12 hours',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage varede under 12 timer',
  }),
  returnNotCountedHospice: message({
    en: 'index stays not readmitted, next stay within 30 days in a hospice',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage var på et hospice',
  }),
  returnNotCountedCancer: message({
    en: 'index stays not readmitted, next stay within 30 days with cancer (C00–C99, D00–D09)',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage havde kræft (C00–C99, D00–D09)',
  }),
  returnNotCountedZ763: message({
    en: 'index stays not readmitted, next stay within 30 days with Z76.3',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage havde Z76.3',
  }),
  returnNotCountedPsychiatric: message({
    en: 'index stays not readmitted, next stay within 30 days with a psychiatric diagnosis (F)',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage havde en psykiatrisk diagnose (F)',
  }),
  returnNotCountedBirthStay: message({
    en: 'index stays not readmitted, next stay within 30 days a birth (O80–O84)',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage var en fødsel (O80–O84)',
  }),
  returnNotCountedInjuryNational: message({
    en: 'index stays not readmitted, next stay within 30 days an injury or external cause (S, T00–T35, T51–T79, T90–T98, X, Y)',
    da: 'indeksophold uden genindlæggelse, næste ophold inden for 30 dage var en skade eller ydre årsag (S, T00–T35, T51–T79, T90–T98, X, Y)',
  }),
  // SPEC §14.1: home and virtual contacts form no stay and count in no indicator.
  contactsNotPhysical: message({
    en: 'home and virtual contacts (no stay; not counted)',
    da: 'ude- og virtuelle kontakter (intet ophold; tælles ikke med)',
  }),
  stillAdmittedWhenReady: message({
    en: 'admissions ready for discharge but not discharged (not counted)',
    da: 'indlæggelser, der er færdigbehandlede, men ikke udskrevet (tælles ikke med)',
  }),
  dischargeExcludedDied: message({ en: 'episodes excluded: died', da: 'forløb udeladt: patienten døde' }),
  missingCost: message({
    en: 'admissions without cost_dkk (counted as 0)',
    da: 'indlæggelser uden udgift (cost_dkk; talt som 0 kr.)',
  }),
  missingCofinancing: message({
    en: 'admissions without cofinancing_dkk (counted as 0)',
    da: 'indlæggelser uden kommunal medfinansiering (cofinancing_dkk; talt som 0 kr.)',
  }),
  preventionReferralSenderLeftOut: message({
    en: 'prevention referrals left out, sender {sender}',
    da: (p) => `henvisninger til forebyggelsestilbud udeladt, afsender: ${SENDER_DA[p.sender] ?? p.sender}`,
    params: { sender: Object.keys(SENDER_DA) },
  }),
  rehabilitationNoReceivedAt: message({
    en: 'rehabilitation referrals left out, no received_at',
    da: 'genoptræningsplaner udeladt: ingen dato for modtagelse (received_at)',
  }),
  notContacted: message({
    en: 'not contacted (counted as not in time)',
    da: 'ikke kontaktet (talt som ikke rettidigt)',
  }),
  rehabilitationNoStartDueBy: message({
    en: 'rehabilitation referrals left out, no start_due_by',
    da: 'genoptræningsplaner udeladt: ingen frist for opstart (start_due_by)',
  }),
  notStarted: message({
    en: 'not started (counted as not on time)',
    da: 'ikke opstartet (talt som ikke rettidigt)',
  }),
  pregnancyNoExpectedDelivery: message({
    en: 'vulnerable-pregnancy referrals left out, no expected_delivery_date',
    da: 'henvisninger til sårbarteam udeladt: ingen terminsdato (expected_delivery_date)',
  }),
  notInTeam: message({
    en: 'not in the team (no team_joined_at)',
    da: 'ikke i sårbarteamet (ingen dato for optagelse, team_joined_at)',
  }),
  coursesNotCompleted: message({ en: 'courses left out, not completed', da: 'rygestopforløb udeladt: ikke gennemført' }),
  coursesFollowUpNotDue: message({
    en: 'courses left out, follow-up not yet due',
    da: 'rygestopforløb udeladt: opfølgningen efter 6 måneder er endnu ikke foretaget',
  }),
  coursesLostCompleted: message({
    en: 'courses left out, completed but lost to follow-up',
    da: 'rygestopforløb udeladt: gennemført, men ikke fulgt op',
  }),
  lostCountedSmoking: message({ en: 'lost to follow-up (counted as smoking)', da: 'ikke fulgt op (talt som rygere)' }),
  coursesEducationUnknown: message({ en: 'courses left out, education unknown', da: 'rygestopforløb udeladt: uddannelse ukendt' }),
  lupExcludedAnswers: message({
    en: 'excluded answers (Ved ikke, Ikke relevant, 9, 0, empty)',
    da: 'udeladte svar (Ved ikke, Ikke relevant, 9, 0, tomt svar)',
  }),
  /** A counted note of a result: "index episodes excluded: died: 12". */
  counted: message({ en: '{label}: {count}', da: '{label}: {count}', params: { label: 'text', count: 'count' } }),

  // --- The engine (src/engine): breakdowns, sources, populations, measurements.
  breakdownIgnored: message({
    en: 'breakdown by {dimensions} ignored: not carried by {sources}',
    da: (p) => `opdelingen efter ${wordsDa(p.dimensions)} er udeladt: den findes ikke i ${wordsDa(p.sources)}`,
  }),
  breakdownIgnoredMeasured: message({
    en: 'breakdown by {dimensions} ignored: measurements are reported for the total only',
    da: (p) => `opdelingen efter ${wordsDa(p.dimensions)} er udeladt: målinger opgøres kun for hele regionen`,
  }),
  countedHidden: message({
    // SPEC §13.7: a note count hidden only to protect another (not small itself).
    en: '{label}: hidden',
    da: '{label}: skjult',
    params: { label: 'text' },
  }),
  notComputed: message({ en: 'not computed: {reason}', da: 'ikke beregnet: {reason}', params: { reason: 'text' } }),
  sourceNotLoaded: message({
    en: '{files} not loaded',
    da: (p) => `${filesDa(p.files)} er ikke indlæst`,
  }),
  /** `--counts` (SPEC §15): the counts file has no rows of the indicator. */
  notInCounts: message({ en: 'no counts of this indicator in {file}', da: 'ingen tællinger for denne indikator i {file}' }),
  columnMissing: message({
    en: 'admissions extract has no {column} column',
    da: 'indlæggelsesudtrækket har ingen kolonne {column}',
  }),
  // The same from contacts.csv (SPEC §14.1), whose admissions are its stays.
  contactsColumnMissing: message({
    en: 'contacts extract has no {column} column',
    da: 'kontaktudtrækket har ingen kolonne {column}',
  }),
  noInhabitantsInGroup: message({
    en: 'no inhabitants in this group in the population table',
    da: 'ingen indbyggere i denne gruppe i befolkningstabellen',
  }),
  zeroDenominator: message({ en: 'no cases in the denominator', da: 'ingen tilfælde i nævneren' }),
  noPopulation: message({
    en: 'no inhabitants in the population table for this group',
    da: 'ingen indbyggere i befolkningstabellen for denne gruppe',
  }),
  populationNoEducation: message({
    en: 'population.csv has no education column: rates by education cannot be computed',
    da: 'population.csv har ingen kolonne education: rater efter uddannelse kan ikke beregnes',
  }),
  populationNoYear: message({
    en: 'population.csv has no rows for {year}, the year the period starts in',
    da: 'population.csv har ingen rækker for {year}, det år perioden begynder i',
  }),
  noMeasurement: message({ en: 'no measurement', da: 'ingen måling' }),
  measurementNoValue: message({
    en: 'the measurement row (line {line}) gives no value',
    da: 'målingens række (linje {line}) giver ingen værdi',
  }),
  measurementNoPercent: message({
    en: 'the measurement row (line {line}) gives no value and no numerator with a non-zero denominator',
    da: 'målingens række (linje {line}) giver hverken en værdi eller en tæller med en nævner over 0',
  }),
  measurementNoCount: message({
    en: 'the measurement row (line {line}) gives no value and no numerator',
    da: 'målingens række (linje {line}) giver hverken en værdi eller en tæller',
  }),
  measurementSource: message({ en: 'source: {source}', da: 'kilde: {source}' }),
  suppressedPrimary: message({
    en: 'suppressed: a count between 1 and {max}',
    da: 'skjult: et antal mellem 1 og {max}',
    params: { max: 'count' },
  }),
  suppressedComplementary: message({
    en: 'suppressed (complementary): so that a hidden group cannot be derived from the total',
    da: 'skjult (sekundær diskretionering): så en skjult gruppe ikke kan regnes ud fra totalen',
  }),
  suppressedComplementaryYear: message({
    en: 'suppressed (complementary): so that a hidden period cannot be derived from the year {period}',
    da: 'skjult (komplementært): så en skjult periode ikke kan udledes af året {period}',
  }),
  suppressedComplementaryQuarter: message({
    en: 'suppressed (complementary): so that a hidden period cannot be derived from the quarter {period}',
    da: 'skjult (komplementært): så en skjult periode ikke kan udledes af kvartalet {period}',
  }),
  suppressedComplementaryWindow: message({
    en: 'suppressed (complementary): the other window of this arm is hidden, so this one is too',
    da: 'skjult (komplementært): armens andet vindue er skjult, så dette er det også',
  }),
  // --- SPEC §13.5: groups not compared with the region.
  outsideRegion: message({
    en: 'outside the region: the extract holds only its residents treated here',
    da: 'uden for regionen: udtrækket rummer kun de af kommunens borgere, der er behandlet her',
  }),
  residenceUnknown: message({
    en: 'municipality of residence unknown: not compared with the region',
    da: 'bopælskommune ukendt: ikke sammenlignet med regionen',
  }),
  // --- SPEC §13.2: provisional results, and the follow-ups they wait for.
  provisionalAfterPeriod: message({
    en: 'provisional: {followUp} runs to {end} and lies past the data end {dataEnd} of {file}',
    da: 'foreløbig: {followUp} løber til {end} og rækker ud over datas slutdato {dataEnd} i {file}',
    params: { followUp: 'text' },
  }),
  provisionalPerUnit: message({
    en: 'provisional: the latest {followUp} of the units in the denominator, {end}, lies past the data end {dataEnd} of {file}',
    da: 'foreløbig: den seneste {followUp} blandt nævnerens enheder, {end}, ligger efter datas slutdato {dataEnd} i {file}',
    params: { followUp: 'text' },
  }),
  followUpReadmission: message({
    en: "the 30-day readmission follow-up of the period's last discharges",
    da: 'opfølgningen på genindlæggelser inden for 30 dage efter periodens sidste udskrivelser',
  }),
  followUpContactDeadline: message({
    en: "the 3-working-day contact deadline of plans received on the period's last day",
    da: 'fristen på 3 hverdage for kontakt om planer modtaget på periodens sidste dag',
  }),
  followUpStartDueBy: message({ en: 'start_due_by', da: 'seneste opstartsdato (start_due_by)' }),
  followUpWeek24: message({
    en: 'gestational day 168 (expected delivery − 112 days)',
    da: 'graviditetsdag 168 (terminsdato − 112 dage)',
  }),
  followUpSixMonths: message({
    en: "the 6-month follow-up of courses started on the period's last day",
    da: 'opfølgningen efter 6 måneder af rygestopforløb startet på periodens sidste dag',
  }),
  baselineOtherKind: message({
    en: 'the baseline is {baselineKind}; a {resultKind} {noun} is not comparable (baseline period {period}, left out)',
    da: (p) => {
      const noun = UNIT_NOUN_DA[p.noun];
      const kind = KIND_DA[p.resultKind];
      const adjective = noun.neuter ? kind.neuter : kind.common;
      return (
        `udgangspunktet er ${KIND_DA[p.baselineKind].neuter}; ${noun.neuter ? 'et' : 'en'} ${adjective} ${noun.noun} ` +
        `kan ikke sammenlignes med det (udgangspunktets periode ${p.period}, udeladt)`
      );
    },
    params: { baselineKind: PERIOD_KINDS, resultKind: PERIOD_KINDS, noun: UNIT_NOUNS },
  }),

  // --- Direct standardisation (src/analysis/standardisation.ts).
  standardizedNoInhabitants: message({
    en: 'standardized: {events} events in age band {band} with no inhabitants',
    da: 'aldersstandardiseret: {events} hændelser i aldersgruppen {band}, som ingen indbyggere har',
    params: { events: 'count' },
  }),
  standardizedTotalBelow10: message({ en: 'standardized: total count < 10', da: 'aldersstandardiseret: samlet antal under 10' }),
  standardizedNoWeights: message({
    en: 'standardized: the standard population has no inhabitants in these age bands',
    da: 'aldersstandardiseret: standardbefolkningen har ingen indbyggere i disse aldersgrupper',
  }),

  // --- Warnings of a run.
  readmissionFollowUpIncomplete: message({
    // One literal, so that the type of the parameters can be read from it.
    en: 'readmission-30d: follow-up is incomplete for period {period}: readmissions within {days} days of its last discharges ({last}) need hospital data (admissions or contacts) up to {needed}, but the data end on {end}',
    da:
      'readmission-30d: opfølgningen er ufuldstændig for perioden {period}: genindlæggelser inden for {days} dage ' +
      'efter periodens sidste udskrivelser ({last}) kræver sygehusdata (indlæggelser eller kontakter) til og med {needed}, men data slutter {end}',
  }),
  annotationOutside: message({
    en: '{path}:{line}: the annotation of {period} lies outside the points ({first} … {last}); not shown',
    da: '{path}:{line}: annotationen for {period} ligger uden for punkterne ({first} … {last}) og vises ikke',
    params: { line: 'count' },
  }),
  chartFallback: message({
    en: '--chart {requested} fits only {fits} indicators, not {unit}: shown as a run chart',
    da: '--chart {requested} passer kun til indikatorer med enheden {fits}, ikke {unit}: vist som seriediagram',
  }),

  // --- Project evaluation (src/engine/project.ts; the window warnings src/engine/data-range.ts).
  evaluationCellReason: message({
    en: '{arm} {window}: {reason}',
    da: (p, t) =>
      `${p.arm === 'intervention' ? 'indsats' : 'sammenligning'} ${p.window === 'before' ? 'før' : 'efter'}: ${t(p.reason)}`,
    params: { arm: ['intervention', 'comparison'], window: ['before', 'after'], reason: 'text' },
  }),
  evaluationCellHidden: message({
    en: 'no effect: a cell is hidden by small-cell suppression',
    da: 'ingen effekt: en celle er skjult af diskretioneringen',
  }),
  evaluationNoDkkInterval: message({ en: 'no interval for DKK per capita', da: 'intet interval for kr. pr. indbygger' }),
  notEvaluatedMeasured: message({
    en: 'measured elsewhere (measurements.csv): no units to select an intervention from',
    da: 'måles andetsteds (measurements.csv): ingen enheder at udvælge en indsats blandt',
  }),
  notEvaluatedDimensions: message({
    en: 'its source does not carry {dimensions}',
    da: (p) => `dens kilde indeholder ikke ${wordsDa(p.dimensions)}`,
  }),
  windowAfterPastData: message({
    en: 'the after window ({from} – {to}) reaches past the last event date of the data ({last}): its figures are incomplete',
    da: 'efter-perioden ({from} – {to}) rækker ud over datas sidste hændelsesdato ({last}): dens tal er ufuldstændige',
  }),
  windowBeforeData: message({
    en: 'the before window ({from} – {to}) starts before the first event date of the data ({first}): its figures are incomplete',
    da: 'før-perioden ({from} – {to}) begynder før datas første hændelsesdato ({first}): dens tal er ufuldstændige',
  }),

  // --- The suppression statement of every report (SPEC §4.4).
  suppressionOff: message({
    en: 'Small-cell suppression is off (--min-cell {minCell}): counts of 1–4 people or events are shown, in results and in notes.',
    da: 'Diskretionering er slået fra (--min-cell {minCell}): antal på 1–4 personer eller hændelser vises, i resultater og i noter.',
    params: { minCell: 'count' },
  }),
  // SPEC §4.4 as amended by §13.7: complementary suppression across groups and across periods,
  // and no small count in any text.
  suppressionOn: message({
    en: 'Small-cell suppression with threshold {minCell}: results with a count of people or events between 1 and {max} are hidden (primary: {primary}); so that no hidden count can be derived by subtraction, from the total of a breakdown or from a year or quarter shown with the periods inside it, the next smallest group or period is hidden too (complementary: {complementary}). Counts of 1 to {max} in notes are written <{minCell}.',
    da:
      'Diskretionering med tærskel {minCell}: resultater, hvor antallet af personer eller hændelser er mellem 1 og ' +
      '{max}, er skjult (primært: {primary}); for at intet skjult tal kan regnes ud ved at trække fra, hverken fra ' +
      'totalen i en opdeling eller fra et år eller kvartal, der vises sammen med perioderne i det, skjules den ' +
      'næstmindste gruppe eller periode også (sekundært: {complementary}). Antal på 1 til {max} i noter skrives <{minCell}.',
    params: { minCell: 'count', max: 'count', primary: 'count', complementary: 'count' },
  }),

  // --- Baseline sources that are not the catalogue's own words.
  baselineFromFile: message({ en: 'baselines.csv: {note}', da: 'baselines.csv: {note}' }),
  baselineFile: message({ en: 'baselines.csv', da: 'baselines.csv' }),
} as const;

/** The Danish text of a declaration with the parameters read back from its English text. */
function danishOf(m: AnyMessage, params: Record<string, string>, t: Translate): string {
  if (typeof m.da === 'function') return m.da(params as never, t);
  return m.da.replace(/\{(\w+)\}/g, (_, name: string) => {
    const kind = m.params?.[name] ?? 'value';
    return kind === 'text' ? t(params[name]) : params[name];
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(kind: ParamKind): string {
  if (kind === 'count') return '(\\d+|<\\d+)';
  if (kind === 'text' || kind === 'value') return '(.+?)';
  return `(${[...kind].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;
}

interface Compiled {
  message: AnyMessage;
  pattern: RegExp;
  names: string[];
}

function compile(m: AnyMessage): Compiled {
  const names: string[] = [];
  const parts = m.en.split(/\{(\w+)\}/);
  let source = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) source += escapeRegExp(part);
    else {
      names.push(part);
      source += patternOf(m.params?.[part] ?? 'value');
    }
  });
  return { message: m, pattern: new RegExp(`^${source}$`, 's'), names };
}

/**
 * The Danish text of an English text made by `say` from one of `messages`, or of one of the
 * `fixed` pairs (English → Danish: the catalogue's definitions and sources); null when the
 * text has no declaration.
 */
export function translator(messages: readonly AnyMessage[], fixed: ReadonlyMap<string, string> = new Map()): (english: string) => string | null {
  const exact = new Map(fixed);
  const templates: Compiled[] = [];
  for (const m of messages) {
    if (/\{\w+\}/.test(m.en)) templates.push(compile(m));
    else exact.set(m.en, typeof m.da === 'string' ? m.da : m.da({} as never, (s) => s));
  }
  const translate = (english: string): string | null => {
    const known = exact.get(english);
    if (known !== undefined) return known;
    for (const c of templates) {
      const match = c.pattern.exec(english);
      if (!match) continue;
      const params: Record<string, string> = {};
      let nestedMissing = false;
      c.names.forEach((name, i) => {
        params[name] = match[i + 1];
        const kind = c.message.params?.[name];
        if (kind === 'text' && translate(match[i + 1]) === null) nestedMissing = true;
      });
      if (nestedMissing) continue;
      return danishOf(c.message, params, (s) => translate(s) ?? s);
    }
    return null;
  };
  return translate;
}

/** Every declaration, for the translator and the catalogue's tests. */
export const ALL_MESSAGES: readonly AnyMessage[] = Object.values(MESSAGES);
