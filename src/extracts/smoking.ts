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
import type { SmokingCourse } from './records.js';
import { COMMON_ALIASES, defineColumns, type ExtractSchema } from './schema.js';
import { UniqueKeys } from './unique-keys.js';

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

export const smokingSchema: ExtractSchema<SmokingCourse> = {
  extract: 'smoking',
  fileName: 'smoking.csv',
  columns: COLUMNS.list,
  // Course starts (SPEC §1.3).
  eventDays(c, see) {
    see(c.courseStartedAt);
  },
  rowParser() {
    const ids = new UniqueKeys();
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
};
