// Episodes (indlæggelsesforløb), SPEC §3.1: a patient's somatic admissions sorted by
// admitted_at are chained; an admission that starts no later than 4 hours after the latest
// discharged_at of the chain so far (or overlaps it) joins the chain (a transfer). An
// admission without discharged_at is ongoing: every later admission of the patient joins its
// chain and the episode stays open. Psychiatric admissions never form or join episodes.
//
// Cost (1,000,000 admissions must take well under a second or two; SPEC §12: ten million): the
// admissions come in columns with patients already as integer keys (src/extracts/table.ts); a
// counting sort buckets the admissions by patient, so no string is compared while sorting;
// each patient's few admissions are sorted numerically; one linear sweep chains them.
// Episodes are kept column-wise in typed arrays (no object per episode). Several indicators
// read them: the engine builds them once per run as a derived fact (src/facts) and hands
// them in.

import { SECONDS_PER_HOUR, type WallSeconds } from './time.js';

/** What chaining reads of the admissions (SPEC §3.1), one typed array per field; the
 *  admissions table of src/extracts has these columns. */
export interface StayColumns {
  /** Dense integer key of the patient. */
  readonly patientId: Int32Array;
  readonly admittedAt: Float64Array;
  /** NaN = still admitted. */
  readonly dischargedAt: Float64Array;
  /** 1 = psychiatric. */
  readonly psychiatric: Uint8Array;
  /** Physical line of the row in its file: the tie-break of equal admitted_at ("file order"). */
  readonly line: Float64Array;
}

/** Admissions in columns, and each as a record object (for Episode objects). */
export interface Stays<A> {
  readonly length: number;
  readonly columns: StayColumns;
  row(i: number): A;
}

/** The amounts an episode sums (SPEC §3.1). */
export interface StayAmounts {
  costDkk: number | null;
  cofinancingDkk: number | null;
}

/** SPEC §3.1: a gap of at most 4 hours between stays is a transfer. */
export const TRANSFER_GAP_SECONDS = 4 * SECONDS_PER_HOUR;

/** An episode as a plain object (see EpisodeTable.episode): for tests, debugging and reports. */
export interface Episode<A extends { admittedAt: WallSeconds } = { admittedAt: WallSeconds }> {
  /** Dense integer key of the patient (episodes of one patient are consecutive). */
  patient: number;
  /** The first admission (earliest admitted_at, equal times in file order): the episode's attributes. */
  first: A;
  /** The last-ending admission (latest discharged_at, an ongoing one counting as latest; equal times: the later in (admitted_at, line)). */
  last: A;
  admittedAt: WallSeconds;
  /** null = open episode (one of its admissions has no discharged_at). */
  dischargedAt: WallSeconds | null;
  /** Sums over the episode's admissions; a missing amount counts as 0 (null when the
   *  admissions carry no amounts). */
  costDkk: number;
  cofinancingDkk: number;
  /** The admissions chained, in (admitted_at, line) order. */
  admissions: A[];
}

/**
 * The episodes of one admissions table, column-wise: episode e (0 ≤ e < count) has its
 * columns at position e. Episodes are ordered by patient (in order of first appearance of a
 * somatic admission in the table), then by admitted_at. Attributes that come from the first
 * or last-ending admission are read from the admissions' row `first[e]` / `last[e]`.
 */
export interface EpisodeColumns {
  count: number;
  /** Dense integer patient key per episode. */
  patient: Uint32Array;
  /** Index (into the admissions) of the first admission. */
  first: Uint32Array;
  /** Index of the last-ending admission. */
  last: Uint32Array;
  admittedAt: Float64Array;
  /** Latest discharged_at of the chain; OPEN (+Infinity) for an open episode. */
  dischargedAt: Float64Array;
  /** The episode's admissions are rows `order[p]` for start[e] ≤ p < start[e + 1]. */
  order: Uint32Array;
  start: Uint32Array;
}

export class EpisodeTable<A extends { admittedAt: WallSeconds } = { admittedAt: WallSeconds }> implements EpisodeColumns {
  readonly count: number;
  readonly patient: Uint32Array;
  readonly first: Uint32Array;
  readonly last: Uint32Array;
  readonly admittedAt: Float64Array;
  readonly dischargedAt: Float64Array;
  readonly order: Uint32Array;
  readonly start: Uint32Array;

  constructor(
    readonly admissions: Stays<A>,
    columns: EpisodeColumns,
  ) {
    this.count = columns.count;
    this.patient = columns.patient;
    this.first = columns.first;
    this.last = columns.last;
    this.admittedAt = columns.admittedAt;
    this.dischargedAt = columns.dischargedAt;
    this.order = columns.order;
    this.start = columns.start;
  }

  isOpen(e: number): boolean {
    return this.dischargedAt[e] === OPEN;
  }

  /** Number of admissions chained in episode e. */
  size(e: number): number {
    return this.start[e + 1] - this.start[e];
  }

  /** Episode e as an object (allocates; the indicators read the columns instead). */
  episode(e: number): Episode<A> {
    const members: A[] = [];
    let cost = 0;
    let cofinancing = 0;
    for (let p = this.start[e]; p < this.start[e + 1]; p++) {
      const a = this.admissions.row(this.order[p]);
      members.push(a);
      const amounts = a as Partial<StayAmounts>;
      cost += amounts.costDkk ?? 0;
      cofinancing += amounts.cofinancingDkk ?? 0;
    }
    const first = this.admissions.row(this.first[e]);
    const last = this.admissions.row(this.last[e]);
    return {
      patient: this.patient[e],
      first,
      last,
      admittedAt: first.admittedAt,
      dischargedAt: this.isOpen(e) ? null : this.dischargedAt[e],
      costDkk: cost,
      cofinancingDkk: cofinancing,
      admissions: members,
    };
  }

  toArray(): Episode<A>[] {
    const out: Episode<A>[] = [];
    for (let e = 0; e < this.count; e++) out.push(this.episode(e));
    return out;
  }
}

/** The dischargedAt of an open episode: later than any time, so it never ends a chain. */
export const OPEN = Infinity;

/** The episodes of an admissions table (which must not change afterwards). */
export function buildEpisodes<A extends { admittedAt: WallSeconds }>(admissions: Stays<A>): EpisodeTable<A> {
  const n = admissions.length;
  const { patientId, admittedAt: admitted, dischargedAt, psychiatric, line } = admissions.columns;

  // Pass 1, in table order: patient keys renumbered densely in order of their first somatic
  // admission (psychiatric admissions never form episodes), and the discharge times with
  // OPEN for "still admitted".
  let maxKey = -1;
  for (let j = 0; j < n; j++) if (patientId[j] > maxKey) maxKey = patientId[j];
  const keyOf = new Int32Array(maxKey + 1).fill(-1);
  const patientKey = new Int32Array(n);
  const discharged = new Float64Array(n);
  let bucketSize = new Uint32Array(1024);
  let patients = 0;
  let somatic = 0;
  for (let j = 0; j < n; j++) {
    if (psychiatric[j] === 1) {
      patientKey[j] = -1;
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
    const d = dischargedAt[j];
    discharged[j] = d === d ? d : OPEN; // NaN: still admitted
    somatic++;
  }

  // Counting sort by patient (stable: array order within a patient).
  const bucketStart = new Uint32Array(patients + 1);
  for (let k = 0; k < patients; k++) bucketStart[k + 1] = bucketStart[k] + bucketSize[k];
  const fill = bucketStart.slice(0, patients);
  const order = new Uint32Array(somatic);
  for (let j = 0; j < n; j++) {
    const k = patientKey[j];
    if (k >= 0) order[fill[k]++] = j;
  }

  // Within a patient: by (admitted_at, line). Insertion sort for the usual few, already
  // ordered admissions (linear then); the built-in sort for long histories.
  const before = (x: number, y: number): number => admitted[x] - admitted[y] || line[x] - line[y];
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
      const va = admitted[v];
      const vl = line[v];
      let q = p - 1;
      while (q >= from && (admitted[order[q]] > va || (admitted[order[q]] === va && line[order[q]] > vl))) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = v;
    }
  }

  // The sweep: one pass over each patient's sorted admissions.
  const epPatient = new Uint32Array(somatic);
  const epFirst = new Uint32Array(somatic);
  const epLast = new Uint32Array(somatic);
  const epAdmitted = new Float64Array(somatic);
  const epDischarged = new Float64Array(somatic);
  const epStart = new Uint32Array(somatic + 1);
  let count = 0;
  for (let k = 0; k < patients; k++) {
    const to = bucketStart[k + 1];
    let p = bucketStart[k];
    while (p < to) {
      const first = order[p];
      let last = first;
      // The latest discharge so far, which is the last-ending admission's; OPEN (+Infinity)
      // once an ongoing admission is in the chain, so that everything later joins.
      let chainEnd = discharged[first];
      epStart[count] = p;
      for (p++; p < to; p++) {
        const j = order[p];
        // Exactly 4 h 00 joins, 4 h 00 min 01 s does not; a start before the chain end (overlap) joins.
        if (admitted[j] - chainEnd > TRANSFER_GAP_SECONDS) break;
        // Admissions come in (admitted_at, line) order, so ">=" lets the later one win a tie.
        if (discharged[j] >= chainEnd) {
          last = j;
          chainEnd = discharged[j];
        }
      }
      epPatient[count] = k;
      epFirst[count] = first;
      epLast[count] = last;
      epAdmitted[count] = admitted[first];
      epDischarged[count] = chainEnd;
      count++;
    }
  }
  epStart[count] = somatic;

  return new EpisodeTable(admissions, {
    count,
    patient: epPatient.subarray(0, count),
    first: epFirst.subarray(0, count),
    last: epLast.subarray(0, count),
    admittedAt: epAdmitted.subarray(0, count),
    dischargedAt: epDischarged.subarray(0, count),
    order,
    start: epStart.subarray(0, count + 1),
  });
}
