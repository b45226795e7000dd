// Breakdown dimensions (SPEC §1.3), the region's clusters (§2.8) and age bands (§3.1).
// A group is a plain object {dimension: value}; {} is the total row. Values are ordered as
// the SPEC lists them, municipalities by code, `unknown` last (SPEC §4.1).

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

/** SPEC §2.8 — the 19 municipalities of Region Midtjylland in their 5 clusters. */
export const CLUSTERS: ReadonlyArray<{ cluster: string; municipalities: Record<string, string> }> = [
  { cluster: 'Aarhus', municipalities: { '751': 'Aarhus', '741': 'Samsø' } },
  {
    cluster: 'Vest',
    municipalities: {
      '657': 'Herning',
      '661': 'Holstebro',
      '756': 'Ikast-Brande',
      '665': 'Lemvig',
      '760': 'Ringkøbing-Skjern',
      '671': 'Struer',
    },
  },
  { cluster: 'Midt', municipalities: { '740': 'Silkeborg', '779': 'Skive', '791': 'Viborg' } },
  { cluster: 'Randers', municipalities: { '710': 'Favrskov', '707': 'Norddjurs', '730': 'Randers', '706': 'Syddjurs' } },
  { cluster: 'Horsens', municipalities: { '766': 'Hedensted', '615': 'Horsens', '727': 'Odder', '746': 'Skanderborg' } },
];

const clusterByCode = new Map<string, string>();
const nameByCode = new Map<string, string>();
for (const c of CLUSTERS) {
  for (const [code, name] of Object.entries(c.municipalities)) {
    clusterByCode.set(code, c.cluster);
    nameByCode.set(code, name);
  }
}

export const REGION_MUNICIPALITY_CODES: readonly string[] = [...clusterByCode.keys()].sort();

/** The cluster of a municipality code; a missing municipality gives `unknown` (SPEC §1.3). */
export function clusterOf(municipality: string | null): string {
  if (municipality === null) return UNKNOWN;
  return clusterByCode.get(municipality) ?? OUTSIDE_REGION;
}

export function municipalityName(code: string): string | undefined {
  return nameByCode.get(code);
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
