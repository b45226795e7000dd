// Derived facts (the stage between records and tallies): what several indicators read and
// no single one owns — the episodes of SPEC §3.1, the stays of §14.2, per-admission flags. An
// indicator declares the facts it needs (`needs: ['episodes']`); the engine derives each needed
// fact once per data set and hands the set to every indicator (as arquero's aggregates declare
// `req` and the engine computes a shared `mean` once). Nothing here is memoised behind the
// caller's back.
//
// From contacts.csv (SPEC §14.2), `prepare` builds the stays once and gives the run the
// ADMISSIONS (stays of ≥ 12 h, or ongoing) as the rows of admissions.csv, so every admission
// indicator of §3 reads them unchanged; `stayEpisodes` are every stay as such rows (what
// preventable-admissions-65 and acute-short-admissions read). From admissions.csv both are the
// §3.1 episodes of its rows.

import { buildEpisodes, type EpisodeTable } from '../calc/episodes.js';
import { admissionColumns, type Admission, type AdmissionTable, type LoadedData } from '../extracts/records.js';
import { tableOf } from '../extracts/table.js';
import { buildAdmissionFlags, type AdmissionFlags } from './admission-flags.js';
import { stayRows } from './stay-rows.js';
import { buildStays, isAdmission, type StayTable } from './stays.js';

export interface DerivedFacts {
  /** The somatic episodes of the admissions (SPEC §3.1); empty without admissions. */
  episodes: EpisodeTable<Admission>;
  /** One byte of flags per admission (src/facts/admission-flags.ts). */
  admissionFlags: AdmissionFlags;
  /** The units that count every stay (SPEC §14.2): from contacts.csv every stay of any length
   *  as an admissions.csv row, chained (one episode per somatic stay); from admissions.csv the
   *  episodes. */
  stayEpisodes: EpisodeTable<Admission>;
  /** The flags of stayEpisodes' rows. */
  stayFlags: AdmissionFlags;
  /** The stays of contacts.csv (SPEC §14.2), null from admissions.csv. */
  stays: StayTable | null;
}

export type FactName = keyof DerivedFacts;

/** The admissions of a run (an empty table without admissions). */
export function admissionsOf(data: LoadedData): AdmissionTable {
  return data.admissions?.table ?? tableOf(admissionColumns(), []);
}

/** The records of a run together with the facts derived from them. */
export interface PreparedData {
  data: LoadedData;
  facts: Partial<DerivedFacts>;
  /** The rows every stay is read as (contacts.csv), or null (admissions.csv: the admissions). */
  allStays?: AdmissionTable | null;
  /** How a unit's row is named in the exclusion audit (SPEC §14.4): the row's id (its
   *  stay's first contact's id), per table; present only when ids were loaded. */
  unitIds?: Map<object, (row: number) => string>;
}

const DERIVE: { readonly [K in FactName]: (prepared: PreparedData) => DerivedFacts[K] } = {
  episodes: (p) => buildEpisodes(admissionsOf(p.data)),
  admissionFlags: (p) => buildAdmissionFlags(admissionsOf(p.data)),
  stayEpisodes: (p) => (p.allStays ? buildEpisodes(p.allStays) : derived(p, 'episodes')),
  stayFlags: (p) => (p.allStays ? buildAdmissionFlags(p.allStays) : derived(p, 'admissionFlags')),
  stays: (p) => p.facts.stays ?? null,
};

function derived<K extends FactName>(prepared: PreparedData, name: K): DerivedFacts[K] {
  if (prepared.facts[name] === undefined) (prepared.facts as Record<FactName, unknown>)[name] = DERIVE[name](prepared);
  return prepared.facts[name] as DerivedFacts[K];
}

/** Derives the named facts that are not yet in `prepared` (each once per data set). */
export function deriveFacts(prepared: PreparedData, needs: Iterable<FactName>): void {
  for (const name of needs) derived(prepared, name);
}

/**
 * The records of a run, ready for the indicators. From contacts.csv (and no admissions.csv)
 * the stays are built here, once, and the admissions among them take the place of
 * admissions.csv's rows (SPEC §14.2); the contacts' info (path, data end) stays theirs.
 */
export function prepare(data: LoadedData): PreparedData {
  const contacts = data.contacts;
  if (!contacts || data.admissions) return { data, facts: {}, unitIds: idsOf(data) };
  const stays = buildStays(contacts.table);
  const admissions = stayRows(stays, (s) => isAdmission(stays, s));
  const all = stayRows(stays, () => true);
  const unitIds = new Map<object, (row: number) => string>();
  const ids = contacts.ids;
  if (ids) {
    const { first } = stays;
    unitIds.set(contacts.table, (row) => ids[row]);
    unitIds.set(admissions.table, (row) => ids[first[admissions.stay[row]]]);
    unitIds.set(all.table, (row) => ids[first[all.stay[row]]]);
  }
  return {
    data: { ...data, admissions: { info: contacts.info, table: admissions.table } },
    facts: { stays },
    allStays: all.table,
    unitIds: ids ? unitIds : undefined,
  };
}

function idsOf(data: LoadedData): Map<object, (row: number) => string> | undefined {
  const a = data.admissions;
  if (!a?.ids) return undefined;
  const ids = a.ids;
  return new Map([[a.table, (row: number) => ids[row]]]);
}
