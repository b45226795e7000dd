// lup.csv — patient-experience survey answers in long format, one row per respondent ×
// question (SPEC §2.5).

import {
  parseAge,
  parseDate,
  parseEducation,
  parseLowerId,
  parseLupAnswer,
  parseMunicipality,
  parsePatientType,
  parseSex,
  quote,
} from './fields.js';
import type { LupAnswer } from './records.js';
import { COMMON_ALIASES, defineColumns, type ExtractSchema } from './schema.js';
import { UniqueKeys } from './unique-keys.js';

const COLUMNS = defineColumns([
  { name: 'respondent_id', required: true },
  { name: 'survey', required: true },
  { name: 'responded_at', required: true },
  { name: 'patient_type', required: true },
  { name: 'question', required: true },
  { name: 'answer' },
  { name: 'municipality_code', aliases: COMMON_ALIASES.municipality_code },
  { name: 'age', aliases: COMMON_ALIASES.age },
  { name: 'sex', aliases: COMMON_ALIASES.sex },
  { name: 'education', aliases: COMMON_ALIASES.education },
]);
const C = COLUMNS.at;

export const lupSchema: ExtractSchema<LupAnswer> = {
  extract: 'lup',
  fileName: 'lup.csv',
  columns: COLUMNS.list,
  // Survey response dates (SPEC §1.3).
  eventDays(a, see) {
    see(a.respondedAt);
  },
  rowParser() {
    const keys = new UniqueKeys();
    return (r) => {
      const respondent = r.requiredText(C.respondent_id);
      const survey = r.required(C.survey, parseLowerId);
      const respondedAt = r.required(C.responded_at, parseDate);
      const patientType = r.required(C.patient_type, parsePatientType);
      const question = r.required(C.question, parseLowerId);
      const answer = r.optional(C.answer, parseLupAnswer);
      const municipality = r.optional(C.municipality_code, parseMunicipality);
      const age = r.optional(C.age, parseAge);
      const sex = r.optional(C.sex, parseSex);
      const education = r.optional(C.education, parseEducation);

      if (respondent !== null && survey !== null && question !== null) {
        // Survey and question ids are matched case-insensitively, so they are compared
        // lower-cased; NUL cannot occur in a CSV text field, so it separates the parts.
        const first = keys.seenBefore(`${respondent}\u0000${survey}\u0000${question}`, r.line);
        if (first !== undefined) {
          r.problem(
            'unique-error',
            C.question,
            r.text(C.question),
            `duplicate answer: respondent ${quote(respondent)} answered question ${quote(question)} of survey ${quote(survey)} already on line ${first}; (respondent_id, survey, question) must be unique`,
          );
        }
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        survey: survey!,
        respondedAt: respondedAt!,
        patientType: patientType!,
        question: question!,
        // An empty answer is an excluded answer (SPEC §2.5).
        answer: answer ?? 'excluded',
        municipality,
        age,
        sex,
        education,
      };
    };
  },
};
