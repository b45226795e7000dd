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
import { ByteCodes } from './byte-row.js';
import { lupColumns, type LupColumns } from './records.js';
import { COMMON_ALIASES, defineColumns, type ColumnarSchema } from './schema.js';

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

export const lupSchema: ColumnarSchema<LupColumns> = {
  extract: 'lup',
  fileName: 'lup.csv',
  columns: COLUMNS.list,
  keyedBy: 'triples',
  table: lupColumns,
  // Survey response dates (SPEC §1.3).
  eventDayRange(t) {
    const responded = t.columns.respondedAt;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < t.length; i++) {
      if (responded[i] < first) first = responded[i];
      if (responded[i] > last) last = responded[i];
    }
    return first === Infinity ? null : { first, last };
  },
  rowParser({ triples: keys, types }) {
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
        // lower-cased; a part never holds NUL (it is a problem of its own), so NUL can join them.
        const first = keys.seenBefore(
          keys.first.internText(respondent),
          types.survey.encode(survey),
          types.question.encode(question),
          r.line,
          () => `${respondent}\u0000${survey}\u0000${question}`,
        );
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
  byteRowParser({ triples: keys }, types) {
    const survey = new ByteCodes(parseLowerId, (v: string) => types.survey.encode(v));
    const patientType = new ByteCodes(parsePatientType, types.patientType.encode);
    const question = new ByteCodes(parseLowerId, (v: string) => types.question.encode(v));
    const answer = new ByteCodes(parseLupAnswer, types.answer.encode);
    const excluded = types.answer.encode('excluded');
    const sex = new ByteCodes(parseSex, types.sex.encode);
    const education = new ByteCodes(parseEducation, types.education.encode);
    return (r, out) => {
      if (!r.requiredId(C.respondent_id)) return false;
      const respondentStart = r.start;
      const respondentEnd = r.end;
      if (!r.requiredId(C.survey)) return false; // ASCII: its bytes lower-cased are its key part
      const surveyStart = r.start;
      const surveyEnd = r.end;
      const surveyCode = r.requiredCode(C.survey, survey);
      const respondedAt = r.requiredDay(C.responded_at);
      const patientTypeCode = r.requiredCode(C.patient_type, patientType);
      if (!r.requiredId(C.question)) return false;
      const questionStart = r.start;
      const questionEnd = r.end;
      const questionCode = r.requiredCode(C.question, question);
      // An empty answer is an excluded answer (SPEC §2.5).
      const answerCode = r.optionalCode(C.answer, answer, excluded);
      const municipality = r.optionalMunicipality(C.municipality_code);
      const age = r.optionalAge(C.age);
      const sexCode = r.optionalCode(C.sex, sex, 0);
      const educationCode = r.optionalCode(C.education, education, 0);
      if (r.failed) return false;
      // The key of the general parser: (respondent, survey, question), the ids lower-cased
      // (the dictionary codes of survey and question are those of their lower-cased texts).
      const b = r.bytes;
      const first = keys.seenBefore(
        keys.first.intern(b, respondentStart, respondentEnd),
        surveyCode,
        questionCode,
        r.line,
        () =>
          `${b.toString('latin1', respondentStart, respondentEnd)}\u0000${b.toString('latin1', surveyStart, surveyEnd).toLowerCase()}\u0000${b.toString('latin1', questionStart, questionEnd).toLowerCase()}`,
      );
      if (first !== undefined) return false;
      const i = out.length;
      const c = out.columns;
      c.line[i] = r.line;
      c.survey[i] = surveyCode;
      c.respondedAt[i] = respondedAt;
      c.patientType[i] = patientTypeCode;
      c.question[i] = questionCode;
      c.answer[i] = answerCode;
      c.municipality[i] = municipality;
      c.age[i] = age;
      c.sex[i] = sexCode;
      c.education[i] = educationCode;
      return true;
    };
  },
};
