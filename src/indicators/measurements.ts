// Indicators whose values are measured elsewhere (audits, the health profile "Hvordan har du
// det?", call logs) and read from measurements.csv (SPEC §2.7, §3.2 no. 19–22).

import type { MeasuredIndicator } from './types.js';

const fromMeasurements =
  'The value comes from measurements.csv: the row with this indicator id and exactly the requested period id ' +
  '(a yearly row does not answer a quarterly request). A given value wins over numerator/denominator; otherwise ' +
  'the value is numerator/denominator × 100 for percents and the numerator for counts. A percent gets a Wilson ' +
  'interval whenever numerator and a non-zero denominator are given. A period without a row is not computed ' +
  '(‘no measurement’).';

const fromMeasurementsDa =
  'Værdien kommer fra measurements.csv: rækken med indikatorens id og præcis den ønskede periode (en årlig ' +
  'række besvarer ikke en forespørgsel på et kvartal). En angivet værdi går forud for tæller/nævner; ellers er ' +
  'værdien tæller/nævner × 100 for procenter og tælleren for antal. En procent får et Wilson-interval, når ' +
  'tæller og en nævner over 0 er angivet. En periode uden række beregnes ikke ("ingen måling").';

export const measuredIndicators: readonly MeasuredIndicator[] = [
  {
    kind: 'measured',
    id: 'audits-with-citizens',
    nameDa: 'Fællesaudits, der inddrager borgere',
    nameEn: 'Joint audits that involve citizens',
    aim: 'quality',
    section: '§3.10',
    sources: ['measurements'],
    unit: 'percent',
    direction: 'higher_is_better',
    definition: `Share of joint cross-sector audits (fællesaudits) that involve citizens. Target: 90 %. ${fromMeasurements}`,
    definitionDa: `Andelen af fællesaudits på tværs af sektorer, der inddrager borgere. Mål: 90 %. ${fromMeasurementsDa}`,
    baselines: [],
    target: { kind: 'value', value: 90 },
  },
  {
    kind: 'measured',
    id: 'unsafe-sex-16-24',
    nameDa: 'Unge 16–24-årige, der dyrker usikker sex',
    nameEn: '16–24-year-olds who have unsafe sex',
    aim: 'population_health',
    section: '§3.10',
    sources: ['measurements'],
    unit: 'percent',
    direction: 'lower_is_better',
    definition:
      'Share of 16–24-year-olds who report unsafe sex in the health profile survey "Hvordan har du det?". ' +
      `The agreement aims at a fall from 23 % (2013) to 20 %. ${fromMeasurements}`,
    definitionDa:
      'Andelen af 16–24-årige, der angiver at dyrke usikker sex i sundhedsprofilen "Hvordan har du det?". ' +
      `Sundhedsaftalen sigter mod et fald fra 23 % (2013) til 20 %. ${fromMeasurementsDa}`,
    baselines: [
      {
        group: {},
        value: 23,
        period: '2013',
        source: 'Sundhedsaftalen 2015–2018 §3.10 ("Hvordan har du det?" 2013)',
        sourceDa: 'Sundhedsaftalen 2015–2018 §3.10 ("Hvordan har du det?" 2013)',
      },
    ],
    target: { kind: 'value', value: 20 },
  },
  {
    kind: 'measured',
    id: 'stratified-courses',
    nameDa: 'Forløb, hvor stratificering (niveauinddeling) er sket',
    nameEn: 'Courses in which stratification has been done',
    aim: 'quality',
    section: '§6.2.5',
    sources: ['measurements'],
    unit: 'percent',
    direction: 'higher_is_better',
    definition:
      'Share of courses in which stratification (niveauinddeling) has been done. Target 60 % in 2015, rising 10 ' +
      'percentage points a year (70 % in 2016, 80 % in 2017, 90 % in 2018); quarters and months take their ' +
      `year's target; no target outside 2015–2018. ${fromMeasurements}`,
    definitionDa:
      'Andelen af forløb, hvor stratificering (niveauinddeling) er sket. Mål: 60 % i 2015, stigende 10 ' +
      'procentpoint om året (70 % i 2016, 80 % i 2017, 90 % i 2018); kvartaler og måneder har deres års mål; intet ' +
      `mål uden for 2015–2018. ${fromMeasurementsDa}`,
    baselines: [],
    target: { kind: 'by_year', values: { 2015: 60, 2016: 70, 2017: 80, 2018: 90 } },
  },
  {
    kind: 'measured',
    id: 'sick-leave-hotline-calls',
    nameDa: 'Opringninger til hotline ved risiko for langtidssygemelding',
    nameEn: 'Calls to the hotline for risk of long-term sick leave',
    aim: 'quality',
    section: '§4.8',
    sources: ['measurements'],
    unit: 'count',
    direction: 'higher_is_better',
    definition:
      "Number of calls from general practice to the municipalities' hotline when a citizen risks long-term sick " +
      `leave (the hotline did not exist before the agreement: baseline 0). ${fromMeasurements}`,
    definitionDa:
      'Antallet af opringninger fra almen praksis til kommunernes hotline, når en borger er i risiko for ' +
      `langtidssygemelding (hotlinen fandtes ikke før sundhedsaftalen: udgangspunkt 0). ${fromMeasurementsDa}`,
    baselines: [
      {
        group: {},
        value: 0,
        period: null,
        source: 'Sundhedsaftalen 2015–2018 §4.8 (no hotline before the agreement)',
        sourceDa: 'Sundhedsaftalen 2015–2018 §4.8 (ingen hotline før aftalen)',
      },
    ],
    target: null,
  },
];
