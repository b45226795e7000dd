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
import { ByteCodes } from './byte-row.js';
import { referralColumns, type ReferralColumns } from './records.js';
import { COMMON_ALIASES, defineColumns, type ColumnarSchema } from './schema.js';
import { NO_DAY } from './table.js';

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

export const referralsSchema: ColumnarSchema<ReferralColumns> = {
  extract: 'referrals',
  fileName: 'referrals.csv',
  columns: COLUMNS.list,
  keyedBy: 'unique',
  table: referralColumns,
  // Referral and receipt dates (SPEC §1.3); the data end is the latest referral date alone
  // (SPEC §13.2 "referrals: referred"), so a receipt after it does not move it.
  eventDayRange(t) {
    const { referredAt, receivedAt } = t.columns;
    let first = Infinity;
    let last = -Infinity;
    let dataEnd = -Infinity;
    for (let i = 0; i < t.length; i++) {
      const d = referredAt[i];
      if (d < first) first = d;
      if (d > last) last = d;
      if (d > dataEnd) dataEnd = d;
      const r = receivedAt[i];
      if (r !== NO_DAY) {
        if (r < first) first = r;
        if (r > last) last = r;
      }
    }
    return first === Infinity ? null : { first, last, dataEnd };
  },
  rowParser({ unique: ids }) {
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
  byteRowParser({ unique: ids }, types) {
    const sender = new ByteCodes(parseSender, types.sender.encode);
    const offer = new ByteCodes(parseOffer, types.offer.encode);
    const sex = new ByteCodes(parseSex, types.sex.encode);
    const education = new ByteCodes(parseEducation, types.education.encode);
    const patients = types.patientId.keys;
    return (r, out) => {
      if (!r.requiredId(C.referral_id)) return false;
      const idStart = r.start;
      const idEnd = r.end;
      if (!r.requiredId(C.patient_id)) return false;
      const patientStart = r.start;
      const patientEnd = r.end;
      const referredAt = r.requiredDay(C.referred_at);
      const senderCode = r.requiredCode(C.sender, sender);
      const offerCode = r.requiredCode(C.offer, offer);
      const municipality = r.requiredMunicipality(C.municipality_code);
      const receivedAt = r.optionalDay(C.received_at, NO_DAY);
      const contactedAt = r.optionalDay(C.contacted_at, NO_DAY);
      const startedAt = r.optionalDay(C.started_at, NO_DAY);
      const startDueBy = r.optionalDay(C.start_due_by, NO_DAY);
      const expectedDeliveryDate = r.optionalDay(C.expected_delivery_date, NO_DAY);
      const teamJoinedAt = r.optionalDay(C.team_joined_at, NO_DAY);
      const age = r.optionalAge(C.age);
      const sexCode = r.optionalCode(C.sex, sex, 0);
      const educationCode = r.optionalCode(C.education, education, 0);
      if (r.failed) return false;
      // The cross-field rules (SPEC §2.3); a missing date skips its rule.
      if (receivedAt !== NO_DAY && receivedAt < referredAt) return false;
      if (contactedAt !== NO_DAY && receivedAt !== NO_DAY && contactedAt < receivedAt) return false;
      if (ids.seenBeforeBytes(r.bytes, idStart, idEnd, r.line) !== undefined) return false;
      const i = out.length;
      const c = out.columns;
      c.line[i] = r.line;
      c.patientId[i] = patients.intern(r.bytes, patientStart, patientEnd);
      c.referredAt[i] = referredAt;
      c.sender[i] = senderCode;
      c.offer[i] = offerCode;
      c.municipality[i] = municipality;
      c.receivedAt[i] = receivedAt;
      c.contactedAt[i] = contactedAt;
      c.startedAt[i] = startedAt;
      c.startDueBy[i] = startDueBy;
      c.expectedDeliveryDate[i] = expectedDeliveryDate;
      c.teamJoinedAt[i] = teamJoinedAt;
      c.age[i] = age;
      c.sex[i] = sexCode;
      c.education[i] = educationCode;
      return true;
    };
  },
};
