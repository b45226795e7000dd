// Per-admission facts the episode indicators test (SPEC §3.2 no. 1–3, 5), one byte per
// admission, computed in one pass in array order. Episodes reach their first and last
// admissions by index, in patient order, which jumps around the admissions array; a byte per
// admission keeps those jumps inside a small array instead of a million objects.

import {
  ACCOMPANYING_PERSON_DIAGNOSES,
  BIRTH_DIAGNOSES,
  CANCER_DIAGNOSES,
  INJURY_DIAGNOSES,
  isPreventableDiagnosis,
} from '../domain/diagnoses.js';
import type { AdmissionTable } from '../extracts/records.js';

export const ACUTE = 1;
export const DIED = 2;
/** C00–C99, D00–D09: never an index episode (SPEC §3.2 no. 1). */
export const CANCER = 4;
/** Z76.3, a healthy person accompanying a sick person: never an index episode. */
export const ACCOMPANYING = 8;
/** O80–O84: never a readmission. */
export const BIRTH = 16;
/** Chapters S–Y: never a readmission. */
export const INJURY = 32;
/** Aged 65 or over with a diagnosis on the §3.3 list. */
export const PREVENTABLE_65 = 64;

/** flags[j] describes admission j. */
export type AdmissionFlags = Uint8Array;

export function buildAdmissionFlags(admissions: AdmissionTable): AdmissionFlags {
  const { acute, died, diagnosis, age } = admissions.columns;
  // The diagnosis lists are tested once per distinct code of the file, not once per row.
  const codes = admissions.types.diagnosis.values;
  const byCode = new Uint8Array(codes.length);
  const preventable = new Uint8Array(codes.length);
  codes.forEach((dx, code) => {
    byCode[code] =
      (CANCER_DIAGNOSES.has(dx) ? CANCER : 0) |
      (ACCOMPANYING_PERSON_DIAGNOSES.has(dx) ? ACCOMPANYING : 0) |
      (BIRTH_DIAGNOSES.has(dx) ? BIRTH : 0) |
      (INJURY_DIAGNOSES.has(dx) ? INJURY : 0);
    preventable[code] = isPreventableDiagnosis(dx) ? 1 : 0;
  });
  const flags = new Uint8Array(admissions.length);
  for (let j = 0; j < admissions.length; j++) {
    const code = diagnosis[j];
    flags[j] =
      (acute[j] === 1 ? ACUTE : 0) |
      (died[j] === 1 ? DIED : 0) |
      byCode[code] |
      (age[j] >= 65 && preventable[code] === 1 ? PREVENTABLE_65 : 0);
  }
  return flags;
}
