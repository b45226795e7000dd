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
import type { Admission } from '../extracts/records.js';

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

/** flags[j] describes admissions[j]. */
export type AdmissionFlags = Uint8Array;

export function buildAdmissionFlags(admissions: readonly Admission[]): AdmissionFlags {
  const flags = new Uint8Array(admissions.length);
  for (let j = 0; j < admissions.length; j++) {
    const a = admissions[j];
    const dx = a.diagnosis;
    flags[j] =
      (a.acute ? ACUTE : 0) |
      (a.died ? DIED : 0) |
      (CANCER_DIAGNOSES.has(dx) ? CANCER : 0) |
      (ACCOMPANYING_PERSON_DIAGNOSES.has(dx) ? ACCOMPANYING : 0) |
      (BIRTH_DIAGNOSES.has(dx) ? BIRTH : 0) |
      (INJURY_DIAGNOSES.has(dx) ? INJURY : 0) |
      (a.age >= 65 && isPreventableDiagnosis(dx) ? PREVENTABLE_65 : 0);
  }
  return flags;
}
