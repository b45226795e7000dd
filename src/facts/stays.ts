// Stays (sygehusophold), SPEC §14.2: a patient's PHYSICAL contacts of one sector, sorted by
// start_at (then file order), are chained: a contact joins the stay when it starts no later
// than 4 hours after the latest end_at of the stay so far, or overlaps it; an ongoing contact
// (no end_at) overlaps everything after it. Home and virtual contacts form no stay and bridge
// no gap (§14.1): they are left out before the chaining, and only counted (for a note).
//
// The chaining is the one of §3.1 episodes (src/calc/episodes.ts), per sector instead of
// somatic only: a counting sort buckets the contacts by patient (no string compared), each
// patient's few contacts are sorted by (sector, start_at, line), one sweep chains them. The
// stays are kept column-wise (no object per stay), with the same column names as an
// EpisodeTable (first, last, admittedAt, dischargedAt, order, start), so whatever walks
// episodes walks stays. A stay's attributes come from its contacts by index: the first
// contact (id, start, priority, age, municipality, sex, education, first diagnosis), the
// last-ending one (end status, last diagnosis; ties as §3.1: the later in (start_at, line)).

import { OPEN, TRANSFER_GAP_SECONDS, type EpisodeColumns } from '../calc/episodes.js';
import { SECONDS_PER_HOUR } from '../calc/time.js';
import { PHYSICAL_CONTACT } from '../extracts/contacts.js';
import type { ContactTable } from '../extracts/records.js';

/** SPEC §14.2: an admission is a stay of at least 12 hours (end − start ≥ 720 minutes), or an
 *  ongoing one. */
export const ADMISSION_MINIMUM_SECONDS = 12 * SECONDS_PER_HOUR;

export interface StayTable extends EpisodeColumns {
  /** The contacts the stays were built from (rows of first, last and order index it). */
  readonly contacts: ContactTable;
  /** 1 = a psychiatric stay. Within a patient, the somatic stays come first, then the
   *  psychiatric ones, each sector ordered by start. */
  readonly psychiatric: Uint8Array;
  /** Home and virtual contacts: no stay, counted in no indicator (SPEC §14.1). Their rows. */
  readonly notPhysical: Uint32Array;
}

/** Whether stay s is an admission (SPEC §14.2): ongoing, or end − start ≥ 12 h. */
export function isAdmission(stays: Pick<EpisodeColumns, 'admittedAt' | 'dischargedAt'>, s: number): boolean {
  const end = stays.dischargedAt[s];
  return end === OPEN || end - stays.admittedAt[s] >= ADMISSION_MINIMUM_SECONDS;
}

/** The stays of a contacts table (which must not change afterwards). */
export function buildStays(contacts: ContactTable): StayTable {
  const n = contacts.length;
  const { patientId, startAt, endAt, psychiatric, contactType, line } = contacts.columns;

  // Pass 1: physical contacts by patient key (dense, in order of first appearance), the end
  // times with OPEN for an ongoing contact; the others only listed.
  let maxKey = -1;
  for (let j = 0; j < n; j++) if (patientId[j] > maxKey) maxKey = patientId[j];
  const keyOf = new Int32Array(maxKey + 1).fill(-1);
  const patientKey = new Int32Array(n);
  const ended = new Float64Array(n);
  let bucketSize = new Uint32Array(1024);
  let patients = 0;
  let physical = 0;
  let others = 0;
  for (let j = 0; j < n; j++) {
    if (contactType[j] !== PHYSICAL_CONTACT) {
      patientKey[j] = -1;
      others++;
      continue;
    }
    let k = keyOf[patientId[j]];
    if (k < 0) {
      k = patients++;
      keyOf[patientId[j]] = k;
      if (k === bucketSize.length) {
        const grown = new Uint32Array(bucketSize.length * 2);
        grown.set(bucketSize);
        bucketSize = grown;
      }
    }
    patientKey[j] = k;
    bucketSize[k]++;
    const e = endAt[j];
    ended[j] = e === e ? e : OPEN; // NaN: ongoing
    physical++;
  }
  const notPhysical = new Uint32Array(others);
  for (let j = 0, o = 0; j < n; j++) if (patientKey[j] < 0) notPhysical[o++] = j;

  // Counting sort by patient (stable: file order within a patient).
  const bucketStart = new Uint32Array(patients + 1);
  for (let k = 0; k < patients; k++) bucketStart[k + 1] = bucketStart[k] + bucketSize[k];
  const fill = bucketStart.slice(0, patients);
  const order = new Uint32Array(physical);
  for (let j = 0; j < n; j++) {
    const k = patientKey[j];
    if (k >= 0) order[fill[k]++] = j;
  }

  // Within a patient: by (sector, start_at, line); insertion sort for the usual few, the
  // built-in sort for long histories.
  const before = (x: number, y: number): number => psychiatric[x] - psychiatric[y] || startAt[x] - startAt[y] || line[x] - line[y];
  for (let k = 0; k < patients; k++) {
    const from = bucketStart[k];
    const to = bucketStart[k + 1];
    if (to - from < 2) continue;
    if (to - from > 32) {
      order.subarray(from, to).sort(before);
      continue;
    }
    for (let p = from + 1; p < to; p++) {
      const v = order[p];
      let q = p - 1;
      while (q >= from && before(order[q], v) > 0) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = v;
    }
  }

  // The sweep: one pass over each patient's sorted contacts; a change of sector ends a stay.
  const sPatient = new Uint32Array(physical);
  const sFirst = new Uint32Array(physical);
  const sLast = new Uint32Array(physical);
  const sStart = new Float64Array(physical);
  const sEnd = new Float64Array(physical);
  const sPsychiatric = new Uint8Array(physical);
  const sMembers = new Uint32Array(physical + 1);
  let count = 0;
  for (let k = 0; k < patients; k++) {
    const to = bucketStart[k + 1];
    let p = bucketStart[k];
    while (p < to) {
      const first = order[p];
      const sector = psychiatric[first];
      let last = first;
      // The latest end so far (the last-ending contact's); OPEN once an ongoing contact is in.
      let stayEnd = ended[first];
      sMembers[count] = p;
      for (p++; p < to; p++) {
        const j = order[p];
        if (psychiatric[j] !== sector) break;
        // Exactly 4 h 00 joins, 4 h 00 min 01 s does not; an overlap joins.
        if (startAt[j] - stayEnd > TRANSFER_GAP_SECONDS) break;
        // Contacts come in (start_at, line) order, so ">=" lets the later one win a tie.
        if (ended[j] >= stayEnd) {
          last = j;
          stayEnd = ended[j];
        }
      }
      sPatient[count] = k;
      sFirst[count] = first;
      sLast[count] = last;
      sStart[count] = startAt[first];
      sEnd[count] = stayEnd;
      sPsychiatric[count] = sector;
      count++;
    }
  }
  sMembers[count] = physical;

  return {
    contacts,
    count,
    patient: sPatient.subarray(0, count),
    first: sFirst.subarray(0, count),
    last: sLast.subarray(0, count),
    admittedAt: sStart.subarray(0, count),
    dischargedAt: sEnd.subarray(0, count),
    psychiatric: sPsychiatric.subarray(0, count),
    order,
    start: sMembers.subarray(0, count + 1),
    notPhysical,
  };
}
