// admissions.csv — hospital admissions, one row per admission as registered (SPEC §2.2).

import { dayOf, formatWallTime } from '../calc/time.js';
import {
  parseAcute,
  parseAge,
  parseDateTime,
  parseDiagnosis,
  parseDied,
  parseEducation,
  parseMunicipality,
  parseNonNegativeNumber,
  parsePsychiatric,
  parseSex,
  quote,
} from './fields.js';
import type { Admission } from './records.js';
import { COMMON_ALIASES, defineColumns, type ExtractSchema } from './schema.js';
import { UniqueKeys } from './unique-keys.js';

const COLUMNS = defineColumns([
  { name: 'admission_id', aliases: ['id', 'kontakt_id', 'recnum'], required: true },
  { name: 'patient_id', aliases: ['cpr', 'pnr', 'person_id'], required: true },
  { name: 'admitted_at', aliases: ['inddto'], required: true },
  { name: 'discharged_at', aliases: ['uddto'] },
  { name: 'admission_type', aliases: ['indm'], required: true },
  { name: 'primary_diagnosis', aliases: ['adiag', 'aktionsdiagnose'], required: true },
  { name: 'sector' },
  { name: 'municipality_code', aliases: ['komkod', 'kommune', ...COMMON_ALIASES.municipality_code], required: true },
  { name: 'age', aliases: COMMON_ALIASES.age, required: true },
  { name: 'sex', aliases: COMMON_ALIASES.sex },
  { name: 'education', aliases: COMMON_ALIASES.education },
  { name: 'cost_dkk' },
  { name: 'cofinancing_dkk' },
  { name: 'ready_for_discharge_at', aliases: ['færdigbehandlet'] },
  { name: 'discharge_status' },
]);
const C = COLUMNS.at;

export const admissionsSchema: ExtractSchema<Admission> = {
  extract: 'admissions',
  fileName: 'admissions.csv',
  columns: COLUMNS.list,
  // Admission and discharge dates (SPEC §1.3).
  eventDays(a, see) {
    see(dayOf(a.admittedAt));
    if (a.dischargedAt !== null) see(dayOf(a.dischargedAt));
  },
  rowParser() {
    const ids = new UniqueKeys();
    return (r) => {
      const id = r.requiredText(C.admission_id);
      const patientId = r.requiredText(C.patient_id);
      const admittedAt = r.required(C.admitted_at, parseDateTime);
      const dischargedAt = r.optional(C.discharged_at, parseDateTime);
      const acute = r.required(C.admission_type, parseAcute);
      const diagnosis = r.required(C.primary_diagnosis, parseDiagnosis);
      const psychiatric = r.optional(C.sector, parsePsychiatric);
      const municipality = r.required(C.municipality_code, parseMunicipality);
      const age = r.required(C.age, parseAge);
      const sex = r.optional(C.sex, parseSex);
      const education = r.optional(C.education, parseEducation);
      const costDkk = r.optional(C.cost_dkk, parseNonNegativeNumber);
      const cofinancingDkk = r.optional(C.cofinancing_dkk, parseNonNegativeNumber);
      const ready = r.optional(C.ready_for_discharge_at, parseDateTime);
      const died = r.optional(C.discharge_status, parseDied);

      if (id !== null) {
        const first = ids.seenBefore(id, r.line);
        if (first !== undefined) {
          r.problem('unique-error', C.admission_id, id, `duplicate admission_id ${quote(id)} (first on line ${first}); each admission must appear once`);
        }
      }
      // Cross-field rules (SPEC §2.2): admitted_at ≤ discharged_at, and
      // admitted_at ≤ ready_for_discharge_at ≤ discharged_at.
      if (admittedAt !== null && dischargedAt !== null && dischargedAt < admittedAt) {
        r.problem(
          'constraint-error',
          C.discharged_at,
          r.text(C.discharged_at),
          `${quote(r.text(C.discharged_at)!)} is before admitted_at ${formatWallTime(admittedAt)} (expected discharged_at ≥ admitted_at)`,
        );
      }
      if (ready !== null && admittedAt !== null && ready < admittedAt) {
        r.problem(
          'constraint-error',
          C.ready_for_discharge_at,
          r.text(C.ready_for_discharge_at),
          `${quote(r.text(C.ready_for_discharge_at)!)} is before admitted_at ${formatWallTime(admittedAt)} (expected admitted_at ≤ ready_for_discharge_at ≤ discharged_at)`,
        );
      } else if (ready !== null && dischargedAt !== null && ready > dischargedAt) {
        r.problem(
          'constraint-error',
          C.ready_for_discharge_at,
          r.text(C.ready_for_discharge_at),
          `${quote(r.text(C.ready_for_discharge_at)!)} is after discharged_at ${formatWallTime(dischargedAt)} (expected admitted_at ≤ ready_for_discharge_at ≤ discharged_at)`,
        );
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        patientId: patientId!,
        admittedAt: admittedAt!,
        dischargedAt,
        acute: acute!,
        diagnosis: diagnosis!,
        // A missing sector is somatic, a missing discharge status alive (SPEC §2.2).
        psychiatric: psychiatric ?? false,
        municipality: municipality!,
        age: age!,
        sex,
        education,
        costDkk,
        cofinancingDkk,
        readyForDischargeAt: ready,
        died: died ?? false,
      };
    };
  },
};
