// admissions.csv — hospital admissions, one row per admission as registered (SPEC §2.2),
// declared once (declare.ts): the header spec, the table, the record type and both row
// parsers derive from the columns and rules below.

import { EDUCATION, SEX } from '../domain/vocabulary.js';
import { age, amount, code, declareExtract, id, municipality, notBefore, patient, time, unique, within } from './declare.js';
import { parseAcute, parseDiagnosis, parseDied, parseEducation, parsePsychiatric, parseSex } from './fields.js';
import { COMMON_ALIASES } from './schema.js';
import { Dictionary, FLAG, vocabulary } from './table.js';

export const admissionsSchema = declareExtract({
  extract: 'admissions',
  fileName: 'admissions.csv',
  columns: [
    id('admission_id', { aliases: ['id', 'kontakt_id', 'recnum'] }),
    patient('patient_id', 'patientId', { aliases: ['cpr', 'pnr', 'person_id'] }),
    time('admitted_at', 'admittedAt', { required: true, aliases: ['inddto'] }),
    // Empty: still admitted.
    time('discharged_at', 'dischargedAt', { aliases: ['uddto'] }),
    code('admission_type', 'acute', () => FLAG, parseAcute, { required: true, aliases: ['indm'] }),
    // Normalised ICD-10 code (DJ440 → J440).
    code('primary_diagnosis', 'diagnosis', () => new Dictionary(), parseDiagnosis, { required: true, aliases: ['adiag', 'aktionsdiagnose'] }),
    // A missing sector is somatic, a missing discharge status alive (SPEC §2.2).
    code('sector', 'psychiatric', () => FLAG, parsePsychiatric, { missing: false }),
    municipality('municipality_code', 'municipality', {
      required: true,
      aliases: ['komkod', 'kommune', ...COMMON_ALIASES.municipality_code],
    }),
    age('age', 'age', { required: true, aliases: COMMON_ALIASES.age }),
    code('sex', 'sex', () => vocabulary(SEX), parseSex, { aliases: COMMON_ALIASES.sex }),
    code('education', 'education', () => vocabulary(EDUCATION), parseEducation, { aliases: COMMON_ALIASES.education }),
    amount('cost_dkk', 'costDkk'),
    amount('cofinancing_dkk', 'cofinancingDkk'),
    time('ready_for_discharge_at', 'readyForDischargeAt', { aliases: ['færdigbehandlet'] }),
    code('discharge_status', 'died', () => FLAG, parseDied, { missing: false }),
  ],
  rules: [
    unique('admission_id', 'admission'),
    // SPEC §2.2: admitted_at ≤ discharged_at, and admitted_at ≤ ready_for_discharge_at ≤ discharged_at.
    notBefore('discharged_at', 'admitted_at'),
    within('ready_for_discharge_at', 'admitted_at', 'discharged_at'),
  ],
  // Admission and discharge dates (SPEC §1.3); the data end is the latest of them (SPEC §13.2).
  events: { columns: ['admitted_at', 'discharged_at'] },
});
