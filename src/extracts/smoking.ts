// smoking.csv — smoking-cessation courses and 6-month follow-up, one row per participant
// course (SPEC §2.4), declared once (declare.ts): the header spec, the table, the record type
// and both row parsers derive from the columns and rules below.

import { EDUCATION, FOLLOWUP, REFERRAL_SOURCE, SEX } from '../domain/vocabulary.js';
import { age, code, day, declareExtract, id, municipality, unique } from './declare.js';
import { parseBoolean, parseEducation, parseFollowup, parseReferralSource, parseSex } from './fields.js';
import { COMMON_ALIASES } from './schema.js';
import { FLAG, NULLABLE_FLAG, vocabulary } from './table.js';

export const smokingSchema = declareExtract({
  extract: 'smoking',
  fileName: 'smoking.csv',
  columns: [
    id('participant_id'),
    municipality('municipality_code', 'municipality', { required: true, aliases: COMMON_ALIASES.municipality_code }),
    day('course_started_at', 'courseStartedAt', { required: true }),
    code('referral_source', 'referralSource', () => vocabulary(REFERRAL_SOURCE), parseReferralSource),
    code('heavy_smoker', 'heavySmoker', () => NULLABLE_FLAG, parseBoolean),
    code('completed', 'completed', () => FLAG, parseBoolean, { required: true }),
    // Empty: the follow-up is not yet due.
    code('followup_6m', 'followup6m', () => vocabulary(FOLLOWUP), parseFollowup),
    age('age', 'age', { aliases: COMMON_ALIASES.age }),
    code('sex', 'sex', () => vocabulary(SEX), parseSex, { aliases: COMMON_ALIASES.sex }),
    code('education', 'education', () => vocabulary(EDUCATION), parseEducation, { aliases: COMMON_ALIASES.education }),
  ],
  rules: [unique('participant_id', 'participant course')],
  // Course starts (SPEC §1.3).
  events: { columns: ['course_started_at'] },
});
