// contacts.csv in SQL (SPEC §14.1, §14.2, §15): the contacts table read with its canonical
// columns, the stays chained from the physical contacts, and the rows the admission
// indicators read — the ADMISSIONS (stays of ≥ 12 h, or ongoing) as admissions.csv's rows
// (`admissions_read`, so every step compiled for admissions.csv runs unchanged on them, as
// src/facts/stay-rows.ts does in TypeScript), and EVERY somatic stay for
// preventable-admissions-65 and acute-short-admissions (`every_stay`).
//
// The enumerations are mapped from the declarations the TypeScript reader uses
// (src/domain/vocabulary.ts: CONTACT_TYPE, PRIORITY, SECTOR, UNIT_TYPE, DISCHARGE_STATUS, SEX,
// EDUCATION): each value with its aliases, compared in lower case, written as IN lists.
//
// Secondary diagnoses (SPEC §14.1: codes separated by any run of `|` and spaces, each
// normalised as §2.2) are not split into rows: each distinct list text becomes one delimited
// text — upper case, dots removed, every space a `|`, a `|` at both ends, and `|D` + letter
// replaced by `|` + letter (the SKS D of parseDiagnosis) — and a code list's prefix P matches
// when that text is LIKE `%|P%`. Each element then starts right after a `|`, empty elements
// match nothing, and the prefix test is the one of src/domain/diagnoses.ts's CodeList.has. It
// is exact for every list the TypeScript reader accepts (each element a valid code), needs no
// dialect's split function, and is computed once per distinct list, not per contact.

import { ADMISSION_MINIMUM_SECONDS } from '../facts/stays.js';
import { SECONDS_PER_HOUR } from '../calc/time.js';
import type { EnumeratedReads } from './vocabulary.js';
import { chainSteps } from './chain.js';
import { normalisedDiagnosis, sharedHospitalColumns } from './compile.js';
import {
  addHours,
  and,
  bin,
  col,
  concat,
  dateOf,
  eq,
  flag,
  inList,
  lit,
  max,
  ONE,
  or,
  text,
  when,
  ZERO,
  type ColumnDecl,
  type Expr,
  type Named,
  type Relation,
} from './plan.js';

const c = (name: string, from?: string) => col(name, from);


const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A secondary-diagnosis list as one `|`-delimited text of normalised codes (see the header). */
export function delimitedCodes(raw: Expr): Expr {
  let t: Expr = { k: 'upper', e: { k: 'coalesce', args: [text(raw), lit('')] } };
  t = { k: 'remove', e: t, from: '.' };
  t = { k: 'replace', e: t, from: ' ', to: '|' };
  t = concat(lit('|'), t, lit('|'));
  for (const letter of LETTERS) t = { k: 'replace', e: t, from: `|D${letter}`, to: `|${letter}` };
  return t;
}

/** The canonical columns of contacts.csv (SPEC §14.1), read from the table. Enumerations are
 *  read with every spelling the reader accepts (src/sql/vocabulary.ts, from the declared
 *  parsers); a row the reader would reject is left out and counted as `invalid=contacts.COLUMN`. */
export function contactsSource(reads: EnumeratedReads): Relation {
  const raw = (name: string) => c(name);
  const ts = (name: string): Expr => ({ k: 'cast', e: raw(name), type: 'timestamp' });
  const columns: (ColumnDecl & { read: Expr })[] = [
    { name: 'contact_id', type: 'text', read: text(raw('contact_id')) },
    { name: 'patient_id', type: 'text', read: text(raw('patient_id')) },
    { name: 'start_at', type: 'timestamp', read: ts('start_at') },
    { name: 'end_at', type: 'timestamp', read: ts('end_at') },
    { name: 'physical', type: 'integer', read: flag(eq(reads.value('contact_type'), lit('physical'))) },
    { name: 'acute', type: 'integer', read: reads.value('priority') },
    { name: 'diagnosis', type: 'text', read: normalisedDiagnosis(text(raw('action_diagnosis'))) },
    // The list as written (none: empty), matched once per distinct text (secondary_flags).
    { name: 'secondary_diagnoses', type: 'text', read: { k: 'coalesce', args: [text(raw('secondary_diagnoses')), lit('')] } },
    // Missing sector: somatic; missing unit type: hospital; missing end status: alive.
    { name: 'psychiatric', type: 'integer', read: reads.value('sector') },
    { name: 'hospice', type: 'integer', read: reads.value('unit_type') },
    ...sharedHospitalColumns(reads),
    { name: 'died', type: 'integer', read: reads.value('end_status') },
  ];
  return { kind: 'source', extract: 'contacts', columns, where: reads.accepted() };
}

/** Code lists a stay is tested against, as flag columns: `<list>` on a contact's action
 *  diagnosis, `<list>_any` on its action or any secondary diagnosis. */
export interface ContactLists {
  /** The VALUES step with (list, prefix, prefix_length) rows. */
  relation: string;
  names: readonly string[];
  /** The lists read on every diagnosis (secondary ones included): only these are matched
   *  against the secondary lists (the costly step), and get an `_any` column. */
  anyNames: readonly string[];
}

/** The steps from contacts.csv to `stays`, `admissions_read` and `every_stay`. `lists`: the code
 *  lists the stays carry flags of (the readmission rules'), or none. */
export function contactSteps(lists: ContactLists | null, reads: EnumeratedReads): Named[] {
  const names = lists?.names ?? [];
  const anyNames = lists?.anyNames ?? [];
  const steps: Named[] = [
    { name: 'contacts_read', why: 'SPEC §14.1, §15: contacts.csv with its canonical columns and types, its enumerations mapped from the declared vocabulary.', relation: contactsSource(reads) },
  ];
  const physical = 'physical_contacts';
  if (lists && names.length > 0) {
    steps.push(
      {
        name: 'action_codes',
        why: 'Each distinct action diagnosis of a physical contact once.',
        relation: { kind: 'select', distinct: true, from: { relation: 'contacts_read', alias: 'r' }, select: [['diagnosis', c('diagnosis')]], where: eq(c('physical'), ONE) },
      },
      {
        name: 'action_flags',
        why: 'SPEC §3.3, §14.3: which code lists each distinct action diagnosis is on (prefix match).',
        relation: {
          kind: 'select',
          from: { relation: 'action_codes', alias: 'd' },
          joins: [{ kind: 'left', relation: lists.relation, alias: 'l', on: eq({ k: 'prefix', e: c('diagnosis', 'd'), length: c('prefix_length', 'l') }, c('prefix', 'l')) }],
          select: [['diagnosis', c('diagnosis', 'd')], ...names.map((n) => [n, max(flag(eq(c('list', 'l'), lit(n))))] as [string, Expr])],
          groupBy: [c('diagnosis', 'd')],
        },
      },
    );
    // Secondary diagnoses only where a rule reads every diagnosis (SPEC §14.3: national).
    if (anyNames.length > 0) {
      steps.push(
      {
        name: 'secondary_lists',
        why: 'Each distinct secondary-diagnosis list of a physical contact once, as a delimited text of normalised codes.',
        relation: {
          kind: 'select',
          distinct: true,
          from: { relation: 'contacts_read', alias: 'r' },
          select: [
            ['secondary_diagnoses', c('secondary_diagnoses')],
            ['codes', delimitedCodes(c('secondary_diagnoses'))],
          ],
          where: eq(c('physical'), ONE),
        },
      },
      {
        name: 'secondary_flags',
        why: 'SPEC §14.1–§14.3: which code lists any code of each distinct secondary-diagnosis list is on (a prefix after a delimiter).',
        relation: {
          kind: 'select',
          from: { relation: 'secondary_lists', alias: 'd' },
          joins: [
            {
              kind: 'left',
              relation: lists.relation,
              alias: 'l',
              on: and(inList(c('list', 'l'), anyNames), { k: 'like', e: c('codes', 'd'), pattern: concat(lit('%|'), c('prefix', 'l'), lit('%')) }),
            },
          ],
          select: [['secondary_diagnoses', c('secondary_diagnoses', 'd')], ...anyNames.map((n) => [n, max(flag(eq(c('list', 'l'), lit(n))))] as [string, Expr])],
          groupBy: [c('secondary_diagnoses', 'd')],
        },
      },
      );
    }
    steps.push({
      name: 'physical_contacts',
      why: 'SPEC §14.1: only physical contacts form stays; each with its code-list flags.',
      relation: {
        kind: 'select',
        from: { relation: 'contacts_read', alias: 'r' },
        joins: [
          { kind: 'inner', relation: 'action_flags', alias: 'a', on: eq(c('diagnosis', 'r'), c('diagnosis', 'a')) },
          ...(anyNames.length > 0
            ? [{ kind: 'inner' as const, relation: 'secondary_flags', alias: 's', on: eq(c('secondary_diagnoses', 'r'), c('secondary_diagnoses', 's')) }]
            : []),
        ],
        select: [
          ...CONTACT_COLUMNS.map((n) => [n, c(n, 'r')] as [string, Expr]),
          ...names.map((n) => [n, c(n, 'a')] as [string, Expr]),
          ...anyNames.map((n) => [`${n}_any`, flag(or(eq(c(n, 'a'), ONE), eq(c(n, 's'), ONE)))] as [string, Expr]),
        ],
        where: eq(c('physical', 'r'), ONE),
      },
    });
  } else {
    steps.push({
      name: 'physical_contacts',
      why: 'SPEC §14.1: only physical contacts form stays.',
      relation: { kind: 'select', from: { relation: 'contacts_read', alias: 'r' }, select: CONTACT_COLUMNS.map((n) => [n, c(n)] as [string, Expr]), where: eq(c('physical'), ONE) },
    });
  }
  steps.push(
    ...chainSteps({
      name: 'stays',
      why:
        'SPEC §14.2: a stay per chain of a patient’s physical contacts of one sector: id, start, priority and person of its first contact; ' +
        'end status and last diagnosis of its last-ending one; hospice when any contact is; costs summed; the latest ready time.',
      from: physical,
      partition: ['patient_id', 'psychiatric'],
      id: 'contact_id',
      start: 'start_at',
      end: 'end_at',
      first: ['acute', 'diagnosis', 'municipality', 'age', 'sex', 'education', ...names],
      last: ['died', 'diagnosis', ...names],
      any: ['hospice', ...anyNames.map((n) => `${n}_any`)],
      sum: ['cost_dkk', 'cofinancing_dkk'],
      latest: ['ready_at'],
    }),
  );
  const admission = or(eq(c('open'), ONE), bin(c('discharged_at'), '>=', addHours(c('admitted_at'), ADMISSION_MINIMUM_SECONDS / SECONDS_PER_HOUR)));
  steps.push(
    {
      name: 'admissions_read',
      why:
        'SPEC §14.2: from contacts.csv the admissions (stays of at least 12 hours, or ongoing) are the rows of admissions.csv: ' +
        'admitted_at = start, discharged_at = end, admission_type = priority, primary_diagnosis = first diagnosis; an ongoing stay has no end status.',
      relation: {
        kind: 'select',
        from: { relation: 'stays', alias: 's' },
        select: admissionRowColumns(),
        where: admission,
      },
    },
    {
      name: 'every_stay',
      why: 'SPEC §14.2: preventable-admissions-65 and acute-short-admissions read every somatic stay, of any length.',
      relation: {
        kind: 'select',
        from: { relation: 'stays', alias: 's' },
        select: [...admissionRowColumns(), ['preventable', { k: 'coalesce', args: [c('preventable', 'p'), ZERO] }]],
        joins: [{ kind: 'left', relation: 'stay_preventable', alias: 'p', on: eq(c('diagnosis', 's'), c('diagnosis', 'p')) }],
        where: eq(c('psychiatric', 's'), ZERO),
      },
    },
  );
  // every_stay's flag input, placed before it.
  steps.splice(steps.length - 1, 0, {
    name: 'stay_preventable',
    why: 'SPEC §3.3: whether a stay’s first diagnosis is on the list of preventable admissions (code_lists).',
    relation: {
      kind: 'select',
      from: { relation: 'stays', alias: 's' },
      joins: [{ kind: 'inner', relation: 'code_lists', alias: 'l', on: and(eq(c('list', 'l'), lit('preventable')), eq({ k: 'prefix', e: c('diagnosis', 's'), length: c('prefix_length', 'l') }, c('prefix', 'l'))) }],
      select: [['diagnosis', c('diagnosis', 's')], ['preventable', max(ONE)]],
      groupBy: [c('diagnosis', 's')],
    },
  });
  return steps;
}

const CONTACT_COLUMNS = [
  'contact_id', 'patient_id', 'start_at', 'end_at', 'acute', 'diagnosis', 'psychiatric', 'hospice', 'municipality', 'age', 'sex', 'education',
  'cost_dkk', 'cofinancing_dkk', 'ready_at', 'died',
] as const;

/** A stay as a row of admissions_read (the columns of compile.ts's admissionsSource). */
function admissionRowColumns(): [string, Expr][] {
  const s = (n: string) => c(n, 's');
  return [
    ['admission_id', s('unit_id')],
    ['patient_id', s('patient_id')],
    ['admitted_at', s('admitted_at')],
    ['discharged_at', s('discharged_at')],
    ['acute', s('acute')],
    ['diagnosis', s('diagnosis')],
    ['psychiatric', s('psychiatric')],
    ['municipality', s('municipality')],
    ['age', s('age')],
    ['sex', s('sex')],
    ['education', s('education')],
    ['cost_dkk', s('cost_dkk')],
    ['cofinancing_dkk', s('cofinancing_dkk')],
    ['ready_at', s('ready_at')],
    // An ongoing stay has no end status (SPEC §14.2): not died.
    ['died', when([[eq(s('open'), ONE), ZERO]], s('last_died'))],
  ];
}

/** From contacts.csv the episodes of the admissions are the somatic admission stays themselves
 *  (two stays of one patient and sector are more than 4 h apart, or the first is ongoing and
 *  took in everything after it), so they are not chained again: what discharges-outside-
 *  daytime reads of an episode, straight from admissions_read. */
export function stayEpisodeSteps(): Named[] {
  return [
    {
      name: 'episode_returns',
      why: 'SPEC §14.2, §3.1: the somatic admissions of contacts.csv, each its own episode (its discharge, status and person).',
      relation: {
        kind: 'select',
        from: { relation: 'admissions_read', alias: 'a' },
        select: ['patient_id', 'admitted_at', 'discharged_at', 'acute', 'died', 'municipality', 'age', 'sex', 'education'].map((n) => [n, c(n)] as [string, Expr]),
        where: eq(c('psychiatric'), ZERO),
      },
    },
  ];
}

/** SPEC §14.1: the home and virtual contacts of the periods, for the note every admission
 *  indicator computed from contacts.csv gives (by the contact's start date and person). */
export function notPhysicalContacts(): { from: string; where: Expr; firstDay: Expr } {
  return { from: 'contacts_read', where: eq(c('physical'), ZERO), firstDay: dateOf(c('start_at')) };
}
