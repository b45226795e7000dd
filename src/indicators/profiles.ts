// Definition profiles (SPEC §14.3): which definitions a run computes, declared as data — id,
// version (written as tool.definition_version), names in English and Danish, the readmission
// declaration (readmission-rules.ts) and the catalogue the profile computes. The indicators
// read the declaration they are given; nothing branches on a profile's name. A third profile
// is one more entry in PROFILES.

import { DEFINITION_VERSION } from '../version.js';
import { readmission30d, readyForDischargeDays, readyForDischargeDaysPsychiatric, readyForDischargeDaysSomatic, withContactNotes } from './admissions.js';
import { CATALOGUE } from './catalogue.js';
import { countReadmissionsBy, READMISSION_FACTS, type ReadmissionFacts } from './readmission.js';
import { describeRule, NATIONAL_READMISSION, RM_READMISSION, type ReadmissionDefinition } from './readmission-rules.js';
import type { CountingIndicator, IndicatorDefinition } from './types.js';

export interface Profile {
  id: string;
  /** tool.definition_version of a report computed under the profile. */
  version: string;
  nameEn: string;
  nameDa: string;
  readmission: ReadmissionDefinition;
  /** The indicators the profile computes, in catalogue order. */
  catalogue: readonly IndicatorDefinition[];
}

/** The rules of a readmission declaration, in words: printed by `indicators` (generated). */
export function readmissionRulesText(definition: ReadmissionDefinition): string {
  const lines = [
    `Units: ${definition.units === 'stays' ? 'every somatic stay (from admissions.csv: the episodes)' : 'the episodes of the admissions'}; window: ${definition.windowHours} hours.`,
    'Index excluded by the first rule that applies:',
    ...definition.index.map((r, k) => `  ${k + 1}. ${r.name}: ${describeRule(r)}`),
    'Readmission rejected by the first rule that applies:',
    ...definition.readmission.map((r, k) => `  ${k + 1}. ${r.name}: ${describeRule(r)}`),
  ];
  return lines.join('\n');
}

const NATIONAL_DEFINITION =
  'National definition (Sundhedsdatastyrelsen, eSundhed 2020–2023), on stays: a patient\'s physical contacts of one sector ' +
  'chained when one starts no later than 4 hours after the latest end so far (or overlaps it); an admission is a stay of ' +
  'at least 12 hours, or an ongoing one. Denominator (index): somatic admissions discharged in the period, alive, not in ' +
  'a hospice, with no cancer (C00–C99, D00–D09) and no Z76.3 among their diagnoses (every action and secondary diagnosis ' +
  'of their contacts), and whose last diagnosis (of the contact that ends last) is not psychiatric (F). Numerator: index ' +
  'admissions after which the same patient has an acute somatic admission starting after the index end and at most 720 ' +
  'hours after it, not in a hospice, with no cancer, Z76.3 or F among its diagnoses, and whose first diagnosis is neither ' +
  'a birth (O80–O84) nor S, T00–T35, T51–T79, T90–T98, X or Y (so V, W, poisoning by drugs, T36–T50, and complications ' +
  'of care, T80–T89, are readmissions). Results are grouped by the index stay. From admissions.csv the episodes play the ' +
  'part of stays (their diagnoses are the primary diagnoses of their admissions). A period is provisional when its last ' +
  'day + 30 days lies after the data end.';

const NATIONAL_DEFINITION_DA =
  'National definition (Sundhedsdatastyrelsen, eSundhed 2020–2023) på sygehusophold: en patients fysiske kontakter i samme ' +
  'sektor kædes sammen, når en kontakt begynder højst 4 timer efter den seneste afslutning indtil da (eller overlapper ' +
  'den); en indlæggelse er et ophold på mindst 12 timer eller et igangværende ophold. Nævner (indeks): somatiske ' +
  'indlæggelser udskrevet i perioden, levende, ikke på hospice, uden kræft (C00–C99, D00–D09) og uden Z76.3 blandt ' +
  'diagnoserne (alle aktions- og bidiagnoser på opholdets kontakter), og hvis sidste diagnose (på den kontakt, der slutter ' +
  'sidst) ikke er psykiatrisk (F). Tæller: indeksindlæggelser, hvor samme patient har en akut somatisk indlæggelse, der ' +
  'begynder efter indeksafslutningen og højst 720 timer efter den, ikke på hospice, uden kræft, Z76.3 eller F blandt ' +
  'diagnoserne, og hvis første diagnose hverken er en fødsel (O80–O84) eller S, T00–T35, T51–T79, T90–T98, X eller Y ' +
  '(så V, W, forgiftning med lægemidler, T36–T50, og komplikationer til behandling, T80–T89, er genindlæggelser). ' +
  'Resultaterne opdeles efter indeksopholdet. Fra admissions.csv spiller forløbene opholdenes rolle (deres diagnoser er ' +
  'indlæggelsernes aktionsdiagnoser). En periode er foreløbig, når periodens sidste dag + 30 dage ligger efter dataenes slutdato.';

/** readmission-30d under a readmission declaration (the national one here). */
function readmissionUnder(definition: ReadmissionDefinition, texts: { definition: string; definitionDa: string }): CountingIndicator<ReadmissionFacts> {
  return {
    ...readmission30d,
    ...texts,
    needs: READMISSION_FACTS,
    count: withContactNotes(countReadmissionsBy(definition)),
    reference: () => readmissionRulesText(definition),
  };
}

/** SPEC §14.3: the national catalogue — readmission-30d by the national declaration, and the
 *  bed days split by sector right after the combined indicator; every other indicator as
 *  under rm-2015-2018. */
function nationalCatalogue(): IndicatorDefinition[] {
  const national = readmissionUnder(NATIONAL_READMISSION, { definition: NATIONAL_DEFINITION, definitionDa: NATIONAL_DEFINITION_DA });
  const out: IndicatorDefinition[] = [];
  for (const i of CATALOGUE) {
    out.push(i.id === readmission30d.id ? national : i);
    if (i.id === readyForDischargeDays.id) out.push(readyForDischargeDaysSomatic, readyForDischargeDaysPsychiatric);
  }
  return out;
}

export const PROFILES: readonly Profile[] = [
  {
    id: 'rm-2015-2018',
    version: DEFINITION_VERSION,
    nameEn: 'the health agreement’s definitions 2015–2018 (Region Midtjylland)',
    nameDa: 'sundhedsaftalens definitioner 2015–2018 (Region Midtjylland)',
    readmission: RM_READMISSION,
    catalogue: CATALOGUE,
  },
  {
    id: 'national',
    version: 'national-2023.1',
    nameEn: 'the national definitions (Sundhedsdatastyrelsen, eSundhed 2020–2023)',
    nameDa: 'de nationale definitioner (Sundhedsdatastyrelsen, eSundhed 2020–2023)',
    readmission: NATIONAL_READMISSION,
    catalogue: nationalCatalogue(),
  },
];

export const DEFAULT_PROFILE = PROFILES[0];

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** Every indicator id of any profile (what --indicators may name before the profile is known). */
export const ALL_INDICATOR_IDS: readonly string[] = [...new Set(PROFILES.flatMap((p) => p.catalogue.map((i) => i.id)))];

/** The profile a definition version belongs to, in words (SPEC §14.3: the report and the
 *  Markdown name it), or null for a version of no profile. */
export function profileNameOf(definitionVersion: string, lang: 'da' | 'en'): string | null {
  const profile = PROFILES.find((p) => p.version === definitionVersion);
  if (!profile) return null;
  return lang === 'da' ? profile.nameDa : profile.nameEn;
}

/** The id of the profile a definition version belongs to ("" for none). */
export function profileIdOf(definitionVersion: string): string {
  return PROFILES.find((p) => p.version === definitionVersion)?.id ?? '';
}
