// lup.csv — patient-experience survey answers in long format, one row per respondent ×
// question (SPEC §2.5), declared once (declare.ts): the header spec, the table, the record
// type and both row parsers derive from the columns and rules below.

import { ANSWER_CLASS, EDUCATION, PATIENT_TYPE, SEX } from '../domain/vocabulary.js';
import { age, code, day, declareExtract, id, municipality, uniqueAnswer } from './declare.js';
import { parseEducation, parseLowerId, parseLupAnswer, parsePatientType, parseSex } from './fields.js';
import { COMMON_ALIASES } from './schema.js';
import { Dictionary, requiredVocabulary, vocabulary } from './table.js';

export const lupSchema = declareExtract({
  extract: 'lup',
  fileName: 'lup.csv',
  columns: [
    id('respondent_id'),
    // Lower-cased survey id; ASCII on the fast path, as its bytes are part of the answer's key.
    code('survey', 'survey', () => new Dictionary(), parseLowerId, { required: true, ascii: true }),
    day('responded_at', 'respondedAt', { required: true }),
    code('patient_type', 'patientType', () => requiredVocabulary(PATIENT_TYPE), parsePatientType, { required: true }),
    // Lower-cased question number as printed ("23a").
    code('question', 'question', () => new Dictionary(), parseLowerId, { required: true, ascii: true }),
    // An empty answer is an excluded answer (SPEC §2.5).
    code('answer', 'answer', () => requiredVocabulary(ANSWER_CLASS), parseLupAnswer, { missing: 'excluded' }),
    municipality('municipality_code', 'municipality', { aliases: COMMON_ALIASES.municipality_code }),
    age('age', 'age', { aliases: COMMON_ALIASES.age }),
    code('sex', 'sex', () => vocabulary(SEX), parseSex, { aliases: COMMON_ALIASES.sex }),
    code('education', 'education', () => vocabulary(EDUCATION), parseEducation, { aliases: COMMON_ALIASES.education }),
  ],
  rules: [uniqueAnswer('respondent_id', 'survey', 'question')],
  // Survey response dates (SPEC §1.3).
  events: { columns: ['responded_at'] },
});
