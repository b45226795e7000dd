// referrals.csv — referrals to municipal offers, one row per referral (SPEC §2.3).

import { formatDay } from '../calc/time.js';
import {
  parseAge,
  parseDate,
  parseEducation,
  parseMunicipality,
  parseOffer,
  parseSender,
  parseSex,
  quote,
} from './fields.js';
import type { Referral } from './records.js';
import { COMMON_ALIASES, defineColumns, type ExtractSchema } from './schema.js';
import { UniqueKeys } from './unique-keys.js';

const COLUMNS = defineColumns([
  { name: 'referral_id', required: true },
  { name: 'patient_id', required: true },
  { name: 'referred_at', required: true },
  { name: 'sender', required: true },
  { name: 'offer', required: true },
  { name: 'municipality_code', aliases: COMMON_ALIASES.municipality_code, required: true },
  { name: 'received_at' },
  { name: 'contacted_at' },
  { name: 'started_at' },
  { name: 'start_due_by' },
  { name: 'expected_delivery_date' },
  { name: 'team_joined_at' },
  { name: 'age', aliases: COMMON_ALIASES.age },
  { name: 'sex', aliases: COMMON_ALIASES.sex },
  { name: 'education', aliases: COMMON_ALIASES.education },
]);
const C = COLUMNS.at;

export const referralsSchema: ExtractSchema<Referral> = {
  extract: 'referrals',
  fileName: 'referrals.csv',
  columns: COLUMNS.list,
  // Referral and receipt dates (SPEC §1.3).
  eventDays(r, see) {
    see(r.referredAt);
    if (r.receivedAt !== null) see(r.receivedAt);
  },
  rowParser() {
    const ids = new UniqueKeys();
    return (r) => {
      const id = r.requiredText(C.referral_id);
      const patientId = r.requiredText(C.patient_id);
      const referredAt = r.required(C.referred_at, parseDate);
      const sender = r.required(C.sender, parseSender);
      const offer = r.required(C.offer, parseOffer);
      const municipality = r.required(C.municipality_code, parseMunicipality);
      const receivedAt = r.optional(C.received_at, parseDate);
      const contactedAt = r.optional(C.contacted_at, parseDate);
      const startedAt = r.optional(C.started_at, parseDate);
      const startDueBy = r.optional(C.start_due_by, parseDate);
      const expectedDeliveryDate = r.optional(C.expected_delivery_date, parseDate);
      const teamJoinedAt = r.optional(C.team_joined_at, parseDate);
      const age = r.optional(C.age, parseAge);
      const sex = r.optional(C.sex, parseSex);
      const education = r.optional(C.education, parseEducation);

      if (id !== null) {
        const first = ids.seenBefore(id, r.line);
        if (first !== undefined) {
          r.problem('unique-error', C.referral_id, id, `duplicate referral_id ${quote(id)} (first on line ${first}); each referral must appear once`);
        }
      }
      // Cross-field rules (SPEC §2.3): referred_at ≤ received_at ≤ contacted_at.
      if (receivedAt !== null && referredAt !== null && receivedAt < referredAt) {
        r.problem(
          'constraint-error',
          C.received_at,
          r.text(C.received_at),
          `${quote(r.text(C.received_at)!)} is before referred_at ${formatDay(referredAt)} (expected received_at ≥ referred_at)`,
        );
      }
      if (contactedAt !== null && receivedAt !== null && contactedAt < receivedAt) {
        r.problem(
          'constraint-error',
          C.contacted_at,
          r.text(C.contacted_at),
          `${quote(r.text(C.contacted_at)!)} is before received_at ${formatDay(receivedAt)} (expected contacted_at ≥ received_at)`,
        );
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        patientId: patientId!,
        referredAt: referredAt!,
        sender: sender!,
        offer: offer!,
        municipality: municipality!,
        receivedAt,
        contactedAt,
        startedAt,
        startDueBy,
        expectedDeliveryDate,
        teamJoinedAt,
        age,
        sex,
        education,
      };
    };
  },
};
