// The group key of baselines.csv (SPEC §2.7): `cluster=Vest;sex=F` names the breakdown group
// a baseline applies to, with each value in the canonical form the results use.

import { AGE_BANDS, CLUSTERS, DIMENSIONS, OUTSIDE_REGION, UNKNOWN, type Dimension } from '../calc/groups.js';
import {
  Invalid,
  parseEducation,
  parseMunicipality,
  parseOffer,
  parsePatientType,
  parseSender,
  parseSex,
  quote,
} from './fields.js';

const CLUSTER_NAMES = [...CLUSTERS.map((c) => c.cluster), OUTSIDE_REGION];

/** The canonical value of one dimension in a group key; `unknown` is valid everywhere. */
function groupValue(dim: Dimension, text: string): string | Invalid {
  if (text.toLowerCase() === UNKNOWN) return UNKNOWN;
  switch (dim) {
    case 'municipality':
      return parseMunicipality(text);
    case 'cluster': {
      const found = CLUSTER_NAMES.find((c) => c.toLowerCase() === text.toLowerCase());
      return found ?? new Invalid(`${quote(text)} is not a cluster (expected ${CLUSTER_NAMES.join(', ')} or unknown)`);
    }
    case 'age_band': {
      const found = AGE_BANDS.find((b) => b === text.replace(/\s+/g, ''));
      return found ?? new Invalid(`${quote(text)} is not an age band (expected ${AGE_BANDS.join(', ')} or unknown)`);
    }
    case 'education':
      return parseEducation(text);
    case 'sex':
      return parseSex(text);
    case 'patient_type':
      return parsePatientType(text);
    case 'sender':
      return parseSender(text);
    case 'offer':
      return parseOffer(text);
  }
}

/** `cluster=Vest;sex=F` → {cluster: 'Vest', sex: 'F'}, keys in DIMENSIONS order and values
 *  canonical, so that a key matches the groups of the results exactly. */
export function parseGroupKey(text: string): Record<string, string> | Invalid {
  const found = new Map<Dimension, string>();
  for (const part of text.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      return new Invalid(`${quote(text)} is not a group key (expected dimension=value pairs separated by ";", e.g. cluster=Vest;sex=F)`);
    }
    const name = item.slice(0, eq).trim().toLowerCase();
    const dim = (DIMENSIONS as readonly string[]).find((d) => d === name) as Dimension | undefined;
    if (dim === undefined) {
      return new Invalid(`${quote(text)} names an unknown dimension ${quote(name)} (expected ${DIMENSIONS.join(', ')})`);
    }
    if (found.has(dim)) return new Invalid(`${quote(text)} names the dimension ${dim} twice`);
    const value = groupValue(dim, item.slice(eq + 1).trim());
    if (value instanceof Invalid) return new Invalid(`${dim}: ${value.message}`);
    found.set(dim, value);
  }
  const group: Record<string, string> = {};
  for (const d of DIMENSIONS) if (found.has(d)) group[d] = found.get(d)!;
  return group;
}
