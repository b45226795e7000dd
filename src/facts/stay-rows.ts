// Stays read as rows of admissions.csv (SPEC §14.2): from contacts.csv, every admission
// indicator reads the ADMISSIONS (stays of ≥ 12 h, or ongoing) as admissions.csv rows —
// admitted_at = start, discharged_at = end, admission_type = priority, primary_diagnosis =
// first_diagnosis — and preventable-admissions-65 and acute-short-admissions read EVERY stay
// the same way. So the indicators of §3 run unchanged on either extract. Re-chaining these
// rows into §3.1 episodes gives back the stays: two stays of one patient and sector are more
// than 4 h apart (or the first is ongoing and takes everything after it in), so no two rows
// join.
//
// The table shares the contacts' diagnosis dictionary and patient keys (codes and keys are
// the contacts'); a stay's cost is the sum of its contacts' costs (missing when all of them
// are: a missing amount counts as 0, and a stay without any is counted as missing in the
// notes, like an admission without one); its ready time the latest of its contacts'.

import { OPEN } from '../calc/episodes.js';
import { admissionColumns, type AdmissionColumns, type AdmissionTable } from '../extracts/records.js';
import { Table, type ColumnsOf } from '../extracts/table.js';
import type { StayTable } from './stays.js';

export interface StayRows {
  /** One admissions.csv row per selected stay, in stay order. */
  table: AdmissionTable;
  /** stay[i]: the stay of row i (its first contact is the row's id, SPEC §14.4). */
  stay: Uint32Array;
}

/** The stays for which `keep(s)` holds, as admissions.csv rows. */
export function stayRows(stays: StayTable, keep: (s: number) => boolean): StayRows {
  const contacts = stays.contacts;
  const c = contacts.columns;
  const selected: number[] = [];
  for (let s = 0; s < stays.count; s++) if (keep(s)) selected.push(s);
  const m = selected.length;
  const types: AdmissionColumns = { ...admissionColumns(), patientId: contacts.types.patientId, diagnosis: contacts.types.diagnosis };
  const col = {} as Record<string, ReturnType<(typeof types)[keyof typeof types]['create']>>;
  for (const name of Object.keys(types) as (keyof AdmissionColumns)[]) col[name] = types[name].create(m);
  const out = col as unknown as { -readonly [K in keyof AdmissionColumns]: ColumnsOf<AdmissionColumns>[K] };
  const stayOf = new Uint32Array(m);
  const { order, start, first, last, admittedAt, dischargedAt, psychiatric } = stays;
  for (let i = 0; i < m; i++) {
    const s = selected[i];
    stayOf[i] = s;
    const f = first[s];
    out.line[i] = c.line[f];
    out.patientId[i] = c.patientId[f];
    out.admittedAt[i] = admittedAt[s];
    const open = dischargedAt[s] === OPEN;
    out.dischargedAt[i] = open ? NaN : dischargedAt[s];
    out.acute[i] = c.acute[f];
    out.diagnosis[i] = c.diagnosis[f];
    out.psychiatric[i] = psychiatric[s];
    out.municipality[i] = c.municipality[f];
    out.age[i] = c.age[f];
    out.sex[i] = c.sex[f];
    out.education[i] = c.education[f];
    // An ongoing stay has no end status (SPEC §14.2): not died.
    out.died[i] = open ? 0 : c.died[last[s]];
    let cost = NaN;
    let cofinancing = NaN;
    let ready = NaN;
    for (let p = start[s]; p < start[s + 1]; p++) {
      const j = order[p];
      const a = c.costDkk[j];
      if (a === a) cost = cost === cost ? cost + a : a;
      const b = c.cofinancingDkk[j];
      if (b === b) cofinancing = cofinancing === cofinancing ? cofinancing + b : b;
      const r = c.readyForDischargeAt[j];
      if (r === r && !(r <= ready)) ready = r;
    }
    out.costDkk[i] = cost;
    out.cofinancingDkk[i] = cofinancing;
    out.readyForDischargeAt[i] = ready;
  }
  return { table: new Table(types, out as ColumnsOf<AdmissionColumns>, m), stay: stayOf };
}
