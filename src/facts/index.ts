// Derived facts (the stage between records and tallies): what several indicators read and
// no single one owns — the episodes of SPEC §3.1, per-admission flags. An indicator declares
// the facts it needs (`needs: ['episodes']`); the engine derives each needed fact once per data
// set and hands the set to every indicator (as arquero's aggregates declare `req` and the
// engine computes a shared `mean` once). Nothing here is memoised behind the caller's back.

import { buildEpisodes, type EpisodeTable } from '../calc/episodes.js';
import { admissionColumns, type Admission, type AdmissionTable, type LoadedData } from '../extracts/records.js';
import { tableOf } from '../extracts/table.js';
import { buildAdmissionFlags, type AdmissionFlags } from './admission-flags.js';

export interface DerivedFacts {
  /** The somatic episodes of admissions.csv (SPEC §3.1); empty without admissions. */
  episodes: EpisodeTable<Admission>;
  /** One byte of flags per admission (src/facts/admission-flags.ts). */
  admissionFlags: AdmissionFlags;
}

export type FactName = keyof DerivedFacts;

/** The admissions of a run (an empty table without admissions). */
export function admissionsOf(data: LoadedData): AdmissionTable {
  return data.admissions?.table ?? tableOf(admissionColumns(), []);
}

const DERIVE: { readonly [K in FactName]: (data: LoadedData) => DerivedFacts[K] } = {
  episodes: (data) => buildEpisodes(admissionsOf(data)),
  admissionFlags: (data) => buildAdmissionFlags(admissionsOf(data)),
};

/** The records of a run together with the facts derived from them. */
export interface PreparedData {
  data: LoadedData;
  facts: Partial<DerivedFacts>;
}

/** Derives the named facts that are not yet in `prepared` (each once per data set). */
export function deriveFacts(prepared: PreparedData, needs: Iterable<FactName>): void {
  for (const name of needs) {
    if (prepared.facts[name] === undefined) {
      (prepared.facts as Record<FactName, unknown>)[name] = DERIVE[name](prepared.data);
    }
  }
}

export function prepare(data: LoadedData): PreparedData {
  return { data, facts: {} };
}
