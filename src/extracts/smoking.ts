// smoking.csv — smoking-cessation courses and 6-month follow-up, one row per participant
// course (SPEC §2.4).

import {
  parseAge,
  parseBoolean,
  parseDate,
  parseEducation,
  parseFollowup,
  parseMunicipality,
  parseReferralSource,
  parseSex,
  quote,
} from './fields.js';
import { ByteCodes } from './byte-row.js';
import { smokingColumns, type SmokingColumns } from './records.js';
import { COMMON_ALIASES, defineColumns, type ColumnarSchema } from './schema.js';
import { FLAG, NULLABLE_FLAG } from './table.js';

const COLUMNS = defineColumns([
  { name: 'participant_id', required: true },
  { name: 'municipality_code', aliases: COMMON_ALIASES.municipality_code, required: true },
  { name: 'course_started_at', required: true },
  { name: 'referral_source' },
  { name: 'heavy_smoker' },
  { name: 'completed', required: true },
  { name: 'followup_6m' },
  { name: 'age', aliases: COMMON_ALIASES.age },
  { name: 'sex', aliases: COMMON_ALIASES.sex },
  { name: 'education', aliases: COMMON_ALIASES.education },
]);
const C = COLUMNS.at;

export const smokingSchema: ColumnarSchema<SmokingColumns> = {
  extract: 'smoking',
  fileName: 'smoking.csv',
  columns: COLUMNS.list,
  keyedBy: 'unique',
  table: smokingColumns,
  // Course starts (SPEC §1.3).
  eventDayRange(t) {
    const started = t.columns.courseStartedAt;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < t.length; i++) {
      if (started[i] < first) first = started[i];
      if (started[i] > last) last = started[i];
    }
    return first === Infinity ? null : { first, last };
  },
  rowParser({ unique: ids }) {
    return (r) => {
      const id = r.requiredText(C.participant_id);
      const municipality = r.required(C.municipality_code, parseMunicipality);
      const courseStartedAt = r.required(C.course_started_at, parseDate);
      const referralSource = r.optional(C.referral_source, parseReferralSource);
      const heavySmoker = r.optional(C.heavy_smoker, parseBoolean);
      const completed = r.required(C.completed, parseBoolean);
      const followup6m = r.optional(C.followup_6m, parseFollowup);
      const age = r.optional(C.age, parseAge);
      const sex = r.optional(C.sex, parseSex);
      const education = r.optional(C.education, parseEducation);

      if (id !== null) {
        const first = ids.seenBefore(id, r.line);
        if (first !== undefined) {
          r.problem('unique-error', C.participant_id, id, `duplicate participant_id ${quote(id)} (first on line ${first}); each participant course must appear once`);
        }
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        municipality: municipality!,
        courseStartedAt: courseStartedAt!,
        referralSource,
        heavySmoker,
        completed: completed!,
        followup6m,
        age,
        sex,
        education,
      };
    };
  },
  byteRowParser({ unique: ids }, types) {
    const referralSource = new ByteCodes(parseReferralSource, types.referralSource.encode);
    const heavySmoker = new ByteCodes(parseBoolean, NULLABLE_FLAG.encode);
    const completed = new ByteCodes(parseBoolean, FLAG.encode);
    const followup = new ByteCodes(parseFollowup, types.followup6m.encode);
    const sex = new ByteCodes(parseSex, types.sex.encode);
    const education = new ByteCodes(parseEducation, types.education.encode);
    return (r, out) => {
      if (!r.requiredId(C.participant_id)) return false;
      const idStart = r.start;
      const idEnd = r.end;
      const municipality = r.requiredMunicipality(C.municipality_code);
      const courseStartedAt = r.requiredDay(C.course_started_at);
      const sourceCode = r.optionalCode(C.referral_source, referralSource, 0);
      const heavy = r.optionalCode(C.heavy_smoker, heavySmoker, 0);
      const done = r.requiredCode(C.completed, completed);
      const followupCode = r.optionalCode(C.followup_6m, followup, 0);
      const age = r.optionalAge(C.age);
      const sexCode = r.optionalCode(C.sex, sex, 0);
      const educationCode = r.optionalCode(C.education, education, 0);
      if (r.failed) return false;
      if (ids.seenBeforeBytes(r.bytes, idStart, idEnd, r.line) !== undefined) return false;
      const i = out.length;
      const c = out.columns;
      c.line[i] = r.line;
      c.municipality[i] = municipality;
      c.courseStartedAt[i] = courseStartedAt;
      c.referralSource[i] = sourceCode;
      c.heavySmoker[i] = heavy;
      c.completed[i] = done;
      c.followup6m[i] = followupCode;
      c.age[i] = age;
      c.sex[i] = sexCode;
      c.education[i] = educationCode;
      return true;
    };
  },
};
