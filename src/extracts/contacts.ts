// contacts.csv — LPR3 hospital contacts, one row per contact (SPEC §14.1), declared once
// (declare.ts): the header spec, the table, the record type and both row parsers derive from
// the columns and rules below. Stays and admissions are built from these rows by
// src/facts/stays.ts (SPEC §14.2); only physical contacts form stays.

import { CONTACT_TYPE, EDUCATION, SEX } from '../domain/vocabulary.js';
import { age, amount, code, declareExtract, id, municipality, notBefore, patient, time, unique, within } from './declare.js';
import {
  parseContactType,
  parseDiagnosis,
  parseDiagnosisList,
  parseEndStatus,
  parseEducation,
  parseHospice,
  parsePriority,
  parsePsychiatric,
  parseSex,
} from './fields.js';
import { COMMON_ALIASES } from './schema.js';
import { Dictionary, FLAG, requiredVocabulary, vocabulary } from './table.js';

export const contactsSchema = declareExtract({
  extract: 'contacts',
  fileName: 'contacts.csv',
  columns: [
    id('contact_id', { aliases: ['kontakt_id', 'dw_ek_kontakt'] }),
    patient('patient_id', 'patientId', { aliases: ['cpr', 'pnr', 'person_id'] }),
    time('start_at', 'startAt', { required: true, aliases: ['starttidspunkt', 'dato_start'] }),
    // Empty: the contact is ongoing (SPEC §14.1).
    time('end_at', 'endAt', { aliases: ['sluttidspunkt', 'dato_slut'] }),
    code('contact_type', 'contactType', () => requiredVocabulary(CONTACT_TYPE), parseContactType, { required: true, aliases: ['kontakttype'] }),
    code('priority', 'acute', () => FLAG, parsePriority, { required: true, aliases: ['prioritet'] }),
    // Normalised ICD-10 code (DJ440 → J440), as admissions.csv's primary_diagnosis.
    code('action_diagnosis', 'diagnosis', () => new Dictionary(), parseDiagnosis, { required: true, aliases: ['aktionsdiagnose', 'adiag'] }),
    // The normalised codes joined by "|" ("" = none): one dictionary entry per distinct list.
    code('secondary_diagnoses', 'secondaryDiagnoses', () => new Dictionary(), parseDiagnosisList, { missing: '', aliases: ['bidiagnoser'] }),
    // A missing sector is somatic, a missing unit type a hospital, a missing end status alive.
    code('sector', 'psychiatric', () => FLAG, parsePsychiatric, { missing: false }),
    code('unit_type', 'hospice', () => FLAG, parseHospice, { missing: false, aliases: ['enhedstype'] }),
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
    code('end_status', 'died', () => FLAG, parseEndStatus, { missing: false, aliases: ['afslutningsmaade'] }),
  ],
  rules: [
    unique('contact_id', 'contact'),
    // SPEC §14.1: start_at ≤ end_at; the ready time within its own contact (as §2.2).
    notBefore('end_at', 'start_at'),
    within('ready_for_discharge_at', 'start_at', 'end_at'),
  ],
  // Start and end dates of every contact (SPEC §1.3); the data end is the latest of them
  // (SPEC §13.2; the worked example lpr3-contacts-and-profiles, step 11).
  events: { columns: ['start_at', 'end_at'] },
});

/** The contact types as stored (code = index in CONTACT_TYPE.values + 1). */
export const PHYSICAL_CONTACT = CONTACT_TYPE.values.indexOf('physical') + 1;
