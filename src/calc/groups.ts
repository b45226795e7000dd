// Breakdown dimensions (SPEC §1.3), the region's clusters (§2.8) and age bands (§3.1).
// A group is a plain object {dimension: value}; {} is the total row. Values are ordered as
// the SPEC lists them, municipalities by code, `unknown` last (SPEC §4.1).

import { municipalityName } from '../domain/municipalities.js';
import { EDUCATION, OFFER, PATIENT_TYPE, SENDER, SEX } from '../domain/vocabulary.js';

export const DIMENSIONS = [
  'municipality',
  'cluster',
  'education',
  'sex',
  'age_band',
  'patient_type',
  'sender',
  'offer',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Group = Partial<Record<Dimension, string>>;

/** The dimensions every person-level extract carries (SPEC §1.3); sources add their own. */
export const PERSON_DIMENSIONS: readonly Dimension[] = ['municipality', 'cluster', 'education', 'sex', 'age_band'];

export const UNKNOWN = 'unknown';
export const OUTSIDE_REGION = 'Outside region';

/** SPEC §2.8 — the 19 municipalities of Region Midtjylland in their 5 clusters, by code; their
 *  names come from Danmarks Statistik's list of all 98 (src/domain/municipalities.ts). */
const CLUSTER_CODES: ReadonlyArray<{ cluster: string; codes: readonly string[] }> = [
  { cluster: 'Aarhus', codes: ['751', '741'] },
  { cluster: 'Vest', codes: ['657', '661', '756', '665', '760', '671'] },
  { cluster: 'Midt', codes: ['740', '779', '791'] },
  { cluster: 'Randers', codes: ['710', '707', '730', '706'] },
  { cluster: 'Horsens', codes: ['766', '615', '727', '746'] },
];

/** The clusters with their municipalities' names (code → name), derived from the declaration above. */
export const CLUSTERS: ReadonlyArray<{ cluster: string; municipalities: Record<string, string> }> = CLUSTER_CODES.map((c) => ({
  cluster: c.cluster,
  municipalities: Object.fromEntries(
    c.codes.map((code) => {
      const name = municipalityName(code);
      if (name === undefined) throw new Error(`cluster ${c.cluster}: ${code} is no Danish municipality code`);
      return [code, name];
    }),
  ),
}));

const clusterByCode = new Map<string, string>();
for (const c of CLUSTER_CODES) for (const code of c.codes) clusterByCode.set(code, c.cluster);

export const REGION_MUNICIPALITY_CODES: readonly string[] = [...clusterByCode.keys()].sort();

/** The cluster of a municipality code; a missing municipality gives `unknown` (SPEC §1.3). */
export function clusterOf(municipality: string | null): string {
  if (municipality === null) return UNKNOWN;
  return clusterByCode.get(municipality) ?? OUTSIDE_REGION;
}

/** Is a municipality code one of the region's 19 (SPEC §2.8, §13.5)? */
export function isRegionMunicipality(code: string): boolean {
  return clusterByCode.has(code);
}

/** The name of any of Denmark's 98 municipality codes (SPEC §13.5), undefined for another code.
 *  Re-exported here, where the renderers have always found it. */
export { municipalityName };

/**
 * Where a group's people live, as far as the region's comparison goes (SPEC §13.5): `outside`
 * when its municipality is not one of the region's 19 or its cluster is `Outside region` (the
 * extract holds only those residents who were treated here, no population the region serves);
 * `unknown` when its municipality or cluster is `unknown`; `region` otherwise — including
 * groups without a municipality or cluster key (sex, education …), which are the region's.
 */
export function residenceOf(group: Group): 'region' | 'outside' | 'unknown' {
  const { municipality, cluster } = group;
  if (cluster === OUTSIDE_REGION) return 'outside';
  if (municipality !== undefined && municipality !== UNKNOWN && !clusterByCode.has(municipality)) return 'outside';
  if (municipality === UNKNOWN || cluster === UNKNOWN) return 'unknown';
  return 'region';
}

export const AGE_BANDS = ['0-17', '18-64', '65-74', '75-84', '85+'] as const;

export function ageBand(age: number | null): string {
  if (age === null) return UNKNOWN;
  if (age < 18) return '0-17';
  if (age < 65) return '18-64';
  if (age < 75) return '65-74';
  if (age < 85) return '75-84';
  return '85+';
}

/** What a unit tells about each breakdown dimension (UnitAttributes of src/indicators/types.ts
 *  has this shape; declared here so the groups need nothing from the indicators). */
export interface DimensionValues {
  municipality: string | null;
  age: number | null;
  sex: string | null;
  education: string | null;
  patientType?: string;
  sender?: string;
  offer?: string;
}

/** The value of one breakdown dimension for a unit (missing → `unknown`). It lives with the
 *  groups (issue 22): the engine's tallies and evaluate's arms both read it. */
export function dimensionValue(dim: Dimension, who: DimensionValues): string {
  switch (dim) {
    case 'municipality':
      return who.municipality ?? UNKNOWN;
    case 'cluster':
      return clusterOf(who.municipality);
    case 'education':
      return who.education ?? UNKNOWN;
    case 'sex':
      return who.sex ?? UNKNOWN;
    case 'age_band':
      return ageBand(who.age);
    case 'patient_type':
      return who.patientType ?? UNKNOWN;
    case 'sender':
      return who.sender ?? UNKNOWN;
    case 'offer':
      return who.offer ?? UNKNOWN;
  }
}

/** Value order per dimension (SPEC §4.1: "in the order this file lists their values"),
 *  from the vocabulary's declarations. */
const VALUE_ORDER: Record<Exclude<Dimension, 'municipality'>, readonly string[]> = {
  cluster: [...CLUSTERS.map((c) => c.cluster), OUTSIDE_REGION],
  education: EDUCATION.values,
  sex: SEX.values,
  age_band: AGE_BANDS,
  patient_type: PATIENT_TYPE.values,
  sender: SENDER.values,
  offer: OFFER.values,
};

export function compareDimensionValues(dim: Dimension, a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNKNOWN) return 1;
  if (b === UNKNOWN) return -1;
  if (dim === 'municipality') return a < b ? -1 : 1;
  const order = VALUE_ORDER[dim];
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || (a < b ? -1 : 1);
}

/** Total first, then by the dimensions in breakdown order. */
export function compareGroups(dims: readonly Dimension[], a: Group, b: Group): number {
  const aTotal = Object.keys(a).length === 0;
  const bTotal = Object.keys(b).length === 0;
  if (aTotal || bTotal) return aTotal === bTotal ? 0 : aTotal ? -1 : 1;
  for (const d of dims) {
    const c = compareDimensionValues(d, a[d] ?? UNKNOWN, b[d] ?? UNKNOWN);
    if (c !== 0) return c;
  }
  return 0;
}

/** `cluster=Vest;sex=F` — the group key used in baselines.csv and CSV output (SPEC §2.7, §4.3). */
export function formatGroupKey(group: Group): string {
  return Object.entries(group)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

/** Same groups regardless of key order. */
export function sameGroup(a: Group, b: Group): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k as Dimension] === b[k as Dimension]);
}

export function isDimension(s: string): s is Dimension {
  return (DIMENSIONS as readonly string[]).includes(s);
}
