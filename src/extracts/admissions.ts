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
import { ByteCodes } from './byte-row.js';
import { admissionColumns, type AdmissionColumns } from './records.js';
import { COMMON_ALIASES, defineColumns, type ColumnarSchema } from './schema.js';
import { FLAG } from './table.js';

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

export const admissionsSchema: ColumnarSchema<AdmissionColumns> = {
  extract: 'admissions',
  fileName: 'admissions.csv',
  columns: COLUMNS.list,
  keyedBy: 'unique',
  table: admissionColumns,
  // Admission and discharge dates (SPEC §1.3).
  eventDayRange(t) {
    const { admittedAt, dischargedAt } = t.columns;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < t.length; i++) {
      const a = admittedAt[i];
      const d = dischargedAt[i];
      if (a < first) first = a;
      if (a > last) last = a;
      if (d === d && d > last) last = d; // d === d: not NaN (still admitted)
    }
    return first === Infinity ? null : { first: dayOf(first), last: dayOf(last) };
  },
  rowParser({ unique: ids }) {
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
  byteRowParser({ unique: ids }, types) {
    // Coded cells: each distinct text parsed once by the general parser (byte-row.ts).
    const acute = new ByteCodes(parseAcute, FLAG.encode);
    const diagnosis = new ByteCodes(parseDiagnosis, (v: string) => types.diagnosis.encode(v));
    const psychiatric = new ByteCodes(parsePsychiatric, FLAG.encode);
    const sex = new ByteCodes(parseSex, types.sex.encode);
    const education = new ByteCodes(parseEducation, types.education.encode);
    const died = new ByteCodes(parseDied, FLAG.encode);
    const patients = types.patientId.keys;
    return (r, out) => {
      if (!r.requiredId(C.admission_id)) return false;
      const idStart = r.start;
      const idEnd = r.end;
      if (!r.requiredId(C.patient_id)) return false;
      const patientStart = r.start;
      const patientEnd = r.end;
      const admittedAt = r.requiredTime(C.admitted_at);
      const dischargedAt = r.optionalTime(C.discharged_at);
      const isAcute = r.requiredCode(C.admission_type, acute);
      const dx = r.requiredCode(C.primary_diagnosis, diagnosis);
      // A missing sector is somatic, a missing discharge status alive (SPEC §2.2).
      const isPsychiatric = r.optionalCode(C.sector, psychiatric, 0);
      const municipality = r.requiredMunicipality(C.municipality_code);
      const age = r.requiredAge(C.age);
      const sexCode = r.optionalCode(C.sex, sex, 0);
      const educationCode = r.optionalCode(C.education, education, 0);
      const cost = r.optionalAmount(C.cost_dkk);
      const cofinancing = r.optionalAmount(C.cofinancing_dkk);
      const ready = r.optionalTime(C.ready_for_discharge_at);
      const hasDied = r.optionalCode(C.discharge_status, died, 0);
      if (r.failed) return false;
      // The cross-field rules (NaN, a missing time, fails every comparison, as null skips the rule).
      if (dischargedAt < admittedAt || ready < admittedAt || ready > dischargedAt) return false;
      // Last: nothing is registered for a row the general parser reads instead.
      if (ids.seenBeforeBytes(r.bytes, idStart, idEnd, r.line) !== undefined) return false;
      const i = out.length;
      const c = out.columns;
      c.line[i] = r.line;
      c.patientId[i] = patients.intern(r.bytes, patientStart, patientEnd);
      c.admittedAt[i] = admittedAt;
      c.dischargedAt[i] = dischargedAt;
      c.acute[i] = isAcute;
      c.diagnosis[i] = dx;
      c.psychiatric[i] = isPsychiatric;
      c.municipality[i] = municipality;
      c.age[i] = age;
      c.sex[i] = sexCode;
      c.education[i] = educationCode;
      c.costDkk[i] = cost;
      c.cofinancingDkk[i] = cofinancing;
      c.readyForDischargeAt[i] = ready;
      c.died[i] = hasDied;
      return true;
    };
  },
};
