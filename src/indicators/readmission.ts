// readmission-30d counted from a declaration (readmission-rules.ts; SPEC §3.2 no. 1, §14.3,
// §14.4): the units (the admissions' §3.1 episodes, or every somatic stay), the window, and the
// ordered exclusion rules of the index and of the readmission. Nothing here names a profile:
// the profiles differ only in the declaration they hand in.
//
// Units of one patient and sector are consecutive and ordered by start, and each starts more
// than 4 h after the previous one's end (that is what chaining makes of them), so every later
// unit starts after an index's end, and the first qualifying later unit is the earliest one:
// a backward sweep finds it for every unit at once, O(1) per index whatever the history.

import { OPEN, type EpisodeColumns } from '../calc/episodes.js';
import { dayOf, SECONDS_PER_HOUR, type DayNumber } from '../calc/time.js';
import { CodeList } from '../domain/diagnoses.js';
import { say, type Said } from '../domain/messages.js';
import { personOf, type AdmissionTable, type ContactTable, type LoadedData } from '../extracts/records.js';
import type { DerivedFacts } from '../facts/index.js';
import { ADMISSION_MINIMUM_SECONDS } from '../facts/stays.js';
import type { ExclusionRule, ReadmissionDefinition } from './readmission-rules.js';
import type { CountContext, Tally, UnitAttributes } from './types.js';

/** The facts a readmission count reads: the episodes, or the stays of contacts.csv. */
export type ReadmissionFacts = 'episodes' | 'stays';
export const READMISSION_FACTS: readonly ReadmissionFacts[] = ['episodes', 'stays'];

/** What the rules read of a unit's rows (admissions or contacts). */
interface UnitRows {
  table: AdmissionTable | ContactTable;
  acute: Uint8Array;
  died: Uint8Array;
  diagnosis: Int32Array;
  diagnosisTexts: readonly string[];
  /** Contacts only: any contact in a hospice unit; its secondary diagnoses (a list code). */
  hospice: Uint8Array | null;
  secondary: Int32Array | null;
  secondaryTexts: readonly string[] | null;
}

interface Units {
  columns: EpisodeColumns;
  /** Per unit, 1 = psychiatric (stays); null: every unit is somatic (episodes). */
  psychiatric: Uint8Array | null;
  rows: UnitRows;
}

/** The units a definition counts, from the run's facts. */
function unitsOf(definition: ReadmissionDefinition, facts: Pick<DerivedFacts, ReadmissionFacts>): Units {
  const stays = definition.units === 'stays' ? facts.stays : null;
  if (stays) {
    const c = stays.contacts.columns;
    return {
      columns: stays,
      psychiatric: stays.psychiatric,
      rows: {
        table: stays.contacts,
        acute: c.acute,
        died: c.died,
        diagnosis: c.diagnosis,
        diagnosisTexts: stays.contacts.types.diagnosis.values,
        hospice: c.hospice,
        secondary: c.secondaryDiagnoses,
        secondaryTexts: stays.contacts.types.secondaryDiagnoses.values,
      },
    };
  }
  // From admissions.csv (or the admissions of contacts.csv) the §3.1 episodes are the units;
  // their diagnoses are the primary diagnoses of their admissions (SPEC §14.3).
  const episodes = facts.episodes;
  const table = episodes.admissions as unknown as AdmissionTable;
  const c = table.columns;
  return {
    columns: episodes,
    psychiatric: null,
    rows: { table, acute: c.acute, died: c.died, diagnosis: c.diagnosis, diagnosisTexts: table.types.diagnosis.values, hospice: null, secondary: null, secondaryTexts: null },
  };
}

/** A rule made ready for a set of units: its code list tested once per distinct code. */
interface Test {
  rule: ExclusionRule;
  /** The rule's note, said once per count rather than once per unit (a hot loop). */
  said: Said;
  applies: (e: number) => boolean;
}

function testsOf(rules: readonly ExclusionRule[], units: Units): Test[] {
  return rules.map((rule): Test => ({ ...testOf(rule, units), said: say(rule.note) }));
}

function testOf(rule: ExclusionRule, units: Units): Omit<Test, 'said'> {
  const { first, last, admittedAt, dischargedAt, order, start } = units.columns;
  const r = units.rows;
  switch (rule.test) {
    case 'planned':
      return { rule, applies: (e) => r.acute[first[e]] !== 1 };
    case 'under-12-hours':
      // An ongoing unit is an admission (SPEC §14.2).
      return { rule, applies: (e) => dischargedAt[e] !== OPEN && dischargedAt[e] - admittedAt[e] < ADMISSION_MINIMUM_SECONDS };
    case 'died':
      return { rule, applies: (e) => dischargedAt[e] !== OPEN && r.died[last[e]] === 1 };
    case 'hospice': {
      const hospice = r.hospice;
      if (hospice === null) return { rule, applies: () => false }; // admissions.csv has no unit type
      return {
        rule,
        applies: (e) => {
          for (let p = start[e]; p < start[e + 1]; p++) if (hospice[order[p]] === 1) return true;
          return false;
        },
      };
    }
    case 'diagnosis': {
      const list = new CodeList(rule.codes);
      const byCode = Uint8Array.from(r.diagnosisTexts, (dx) => (list.has(dx) ? 1 : 0));
      const dx = r.diagnosis;
      if (rule.reads === 'first') return { rule, applies: (e) => byCode[dx[first[e]]] === 1 };
      // An ongoing unit has no last diagnosis (SPEC §14.2).
      if (rule.reads === 'last') return { rule, applies: (e) => dischargedAt[e] !== OPEN && byCode[dx[last[e]]] === 1 };
      const secondary = r.secondary;
      const bySecondary =
        r.secondaryTexts === null ? null : Uint8Array.from(r.secondaryTexts, (l) => (l.split('|').some((code) => code !== '' && list.has(code)) ? 1 : 0));
      return {
        rule,
        applies: (e) => {
          for (let p = start[e]; p < start[e + 1]; p++) {
            const j = order[p];
            if (byCode[dx[j]] === 1) return true;
            if (bySecondary !== null && bySecondary[secondary![j]] === 1) return true;
          }
          return false;
        },
      };
    }
  }
}

/** The index of the first test that applies to unit e, or −1. */
function firstApplying(tests: readonly Test[], e: number): number {
  for (let k = 0; k < tests.length; k++) if (tests[k].applies(e)) return k;
  return -1;
}

/** The count of readmission-30d under a definition (SPEC §3.2 no. 1, §14.3); with an audit,
 *  also its rows (SPEC §14.4). */
export function countReadmissionsBy(definition: ReadmissionDefinition) {
  const window = definition.windowHours * SECONDS_PER_HOUR;
  return (_data: LoadedData, tally: Tally, ctx: CountContext<ReadmissionFacts>): void => {
    const units = unitsOf(definition, ctx.facts);
    const { count: n, patient, first, admittedAt, dischargedAt } = units.columns;
    const psychiatric = units.psychiatric;
    const rows = units.rows;
    const indexTests = testsOf(definition.index, units);
    const readmissionTests = testsOf(definition.readmission, units);
    const sameChain = (a: number, b: number) => patient[a] === patient[b] && (psychiatric === null || psychiatric[a] === psychiatric[b]);
    const somatic = (e: number) => psychiatric === null || psychiatric[e] === 0;

    // rejected[e]: the first readmission rule that rejects unit e (−1: e qualifies; 127 for a
    // psychiatric unit, which is never a candidate).
    // firstReadmission[e]: the first qualifying unit at or after e in e's chain (−1: none).
    const rejected = new Int8Array(n);
    const firstReadmission = new Int32Array(n);
    let next = -1;
    for (let e = n - 1; e >= 0; e--) {
      if (e + 1 < n && !sameChain(e, e + 1)) next = -1;
      rejected[e] = somatic(e) ? firstApplying(readmissionTests, e) : 127;
      if (rejected[e] === -1) next = e;
      firstReadmission[e] = next;
    }

    const audit = ctx.audit;
    const unitOf = (row: number): UnitAttributes => {
      const who: UnitAttributes = personOf(rows.table, row);
      who.patient = rows.table.columns.patientId[row];
      return who;
    };
    for (let e = 0; e < n; e++) {
      // Index candidates: somatic units discharged in the period; an open one never is.
      if (!somatic(e) || dischargedAt[e] === OPEN) continue;
      const end = dischargedAt[e];
      const day: DayNumber = dayOf(end);
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const index = unitOf(first[e]);
      const excludedBy = firstApplying(indexTests, e);
      if (excludedBy >= 0) {
        const rule = indexTests[excludedBy].rule;
        tally.note(day, index, indexTests[excludedBy].said);
        audit?.unit(day, rows.table, first[e], 'excluded', rule.name);
        continue;
      }
      const windowEnd = end + window;
      const hasNext = e + 1 < n && sameChain(e, e + 1);
      const candidate = hasNext ? firstReadmission[e + 1] : -1;
      const readmitted = candidate >= 0 && admittedAt[candidate] > end && admittedAt[candidate] <= windowEnd;
      tally.add(day, index, readmitted ? 1 : 0, 1);
      if (!readmitted && hasNext && admittedAt[e + 1] <= windowEnd && rejected[e + 1] >= 0) {
        // The patient came back within the window, but not as a readmission: say why (the
        // first return's first rule).
        tally.note(day, index, readmissionTests[rejected[e + 1]].said);
      }
      if (audit) {
        audit.unit(day, rows.table, first[e], 'index');
        // The units in the window before the first readmission, each with its first rule.
        for (let q = e + 1; q < n && sameChain(e, q) && admittedAt[q] <= windowEnd; q++) {
          if (admittedAt[q] <= end) continue;
          if (rejected[q] === -1) {
            audit.unit(day, rows.table, first[q], 'readmission');
            break;
          }
          audit.unit(day, rows.table, first[q], 'excluded', readmissionTests[rejected[q]].rule.name);
        }
      }
    }
  };
}
