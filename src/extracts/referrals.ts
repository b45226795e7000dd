// referrals.csv — referrals to municipal offers, one row per referral (SPEC §2.3), declared
// once (declare.ts): the header spec, the table, the record type and both row parsers derive
// from the columns and rules below.

import { EDUCATION, OFFER, SENDER, SEX } from '../domain/vocabulary.js';
import { age, code, day, declareExtract, id, municipality, notBefore, patient, unique } from './declare.js';
import { parseEducation, parseOffer, parseSender, parseSex } from './fields.js';
import { COMMON_ALIASES } from './schema.js';
import { requiredVocabulary, vocabulary } from './table.js';

export const referralsSchema = declareExtract({
  extract: 'referrals',
  fileName: 'referrals.csv',
  columns: [
    id('referral_id'),
    patient('patient_id', 'patientId'),
    day('referred_at', 'referredAt', { required: true }),
    code('sender', 'sender', () => requiredVocabulary(SENDER), parseSender, { required: true }),
    code('offer', 'offer', () => requiredVocabulary(OFFER), parseOffer, { required: true }),
    municipality('municipality_code', 'municipality', { required: true, aliases: COMMON_ALIASES.municipality_code }),
    day('received_at', 'receivedAt'),
    day('contacted_at', 'contactedAt'),
    day('started_at', 'startedAt'),
    day('start_due_by', 'startDueBy'),
    day('expected_delivery_date', 'expectedDeliveryDate'),
    day('team_joined_at', 'teamJoinedAt'),
    age('age', 'age', { aliases: COMMON_ALIASES.age }),
    code('sex', 'sex', () => vocabulary(SEX), parseSex, { aliases: COMMON_ALIASES.sex }),
    code('education', 'education', () => vocabulary(EDUCATION), parseEducation, { aliases: COMMON_ALIASES.education }),
  ],
  rules: [
    unique('referral_id', 'referral'),
    // SPEC §2.3: referred_at ≤ received_at ≤ contacted_at; a missing date skips its rule.
    notBefore('received_at', 'referred_at'),
    notBefore('contacted_at', 'received_at'),
  ],
  // Referral and receipt dates (SPEC §1.3); the data end is the latest referral date alone
  // (SPEC §13.2 "referrals: referred"), so a receipt after it does not move it.
  events: { columns: ['referred_at', 'received_at'], dataEnd: ['referred_at'] },
});
