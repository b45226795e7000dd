// readmission-30d compiled from a readmission declaration (src/indicators/readmission-rules.ts:
// RM_READMISSION, NATIONAL_READMISSION; SPEC §3.2 no. 1, §14.3), as src/indicators/readmission.ts
// counts it: the units, the window in hours (timestamp arithmetic), and the ORDERED rules of the
// index and of the readmission — each rule a CASE branch in the declared order, its note the
// declared message. Nothing here names a profile.
//
// Units (SPEC §14.3): from contacts.csv, `stays` — every somatic stay (the `stays` relation of
// src/sql/contacts.ts), or for `admissions` the somatic stays of ≥ 12 h or ongoing (which the
// TypeScript engine re-chains into episodes: two stays are more than 4 h apart, so each is one);
// from admissions.csv the §3.1 episodes of the somatic admissions, chained here (src/sql/chain.ts)
// with the diagnoses of every admission: first = the first admission's, last = the last-ending
// one's, all = any admission's primary diagnosis.
//
// Per unit, in (start, id) order within the patient (units of one patient never start at the
// same instant: chaining joins such rows): the index rule that excludes it (first applying, or
// −1), the readmission rule that rejects it (likewise), the start of the first later unit no
// rule rejects, and the next unit's start and rule (the note on a return that is not one).

import { SECONDS_PER_HOUR } from '../calc/time.js';
import { CodeList } from '../domain/diagnoses.js';
import { MESSAGES, type Message } from '../domain/messages.js';
import { ADMISSION_MINIMUM_SECONDS } from '../facts/stays.js';
import type { ExclusionRule, ReadmissionDefinition } from '../indicators/readmission-rules.js';
import {
  addHours,
  and,
  bin,
  col,
  dateOf,
  eq,
  flag,
  isNull,
  lit,
  max,
  notNull,
  not,
  ONE,
  or,
  when,
  ZERO,
  type Expr,
  type Named,
  type Relation,
} from './plan.js';

const c = (name: string, from?: string) => col(name, from);

/** The distinct code lists of a declaration's diagnosis rules, named l0, l1, … in rule order. */
export function readmissionLists(definition: ReadmissionDefinition): {
  names: string[];
  /** The lists some rule reads on every diagnosis (from contacts: secondary ones included). */
  anyNames: string[];
  nameOf: (rule: ExclusionRule) => string;
  relation: Relation;
} {
  const keys: string[] = [];
  const codes: (readonly string[])[] = [];
  for (const rule of [...definition.index, ...definition.readmission]) {
    if (rule.test !== 'diagnosis') continue;
    const key = rule.codes.join(',');
    if (!keys.includes(key)) {
      keys.push(key);
      codes.push(rule.codes);
    }
  }
  const names = keys.map((_, i) => `l${i}`);
  const anyNames = [
    ...new Set(
      [...definition.index, ...definition.readmission].flatMap((r) => (r.test === 'diagnosis' && r.reads === 'all' ? [names[keys.indexOf(r.codes.join(','))]] : [])),
    ),
  ];
  return {
    names,
    anyNames,
    nameOf: (rule) => (rule.test === 'diagnosis' ? names[keys.indexOf(rule.codes.join(','))] : ''),
    relation: {
      kind: 'values',
      columns: [
        { name: 'list', type: 'text' },
        { name: 'prefix', type: 'text' },
        { name: 'prefix_length', type: 'integer' },
      ],
      rows: codes.flatMap((list, i) => new CodeList(list).expanded().map((prefix) => [names[i], prefix, prefix.length] as const)),
    },
  };
}

/** A declared message's key in src/domain/messages.ts (what a note cell names). */
function noteKeyOf(note: Message): string {
  const entry = Object.entries(MESSAGES).find(([, m]) => m === note);
  if (!entry) throw new Error('a readmission rule’s note is not a declared message');
  return entry[0];
}

/** The unit columns the rules and the counting read. */
const PERSON = ['municipality', 'age', 'sex', 'education'] as const;

/** The steps from the hospital rows to `readmission_next` (one row per unit, with its rules
 *  and what follows it). `hospital`: which extract the admissions came from. */
export function readmissionSteps(definition: ReadmissionDefinition, hospital: 'admissions' | 'contacts'): Named[] {
  const lists = readmissionLists(definition);
  const steps: Named[] = [];
  // From contacts.csv with units `admissions`, the TypeScript engine reads the stays as
  // admissions.csv rows, whose only diagnosis is the first contact's: every read is that one.
  const rowsOnly = hospital === 'contacts' && definition.units === 'admissions';
  const flagsOf = (read: 'first' | 'last' | 'all', name: string, u: string): Expr =>
    read === 'first' || rowsOnly ? c(name, u) : read === 'last' ? c(`last_${name}`, u) : c(hospital === 'contacts' ? `any_${name}_any` : `any_${name}`, u);
  let from: string;
  if (hospital === 'contacts') {
    from = 'stays';
  } else {
    // From admissions.csv: the episodes compile.ts chains (its `ranked` admissions and
    // `episodes`), with the flags of their first, last-ending and every admission.
    // The first admission of an episode is its chain start (`starts` = 1: the chain order is
    // (admitted_at, id)); the last-ending one has `last_rank` = 1.
    const flagged = (n: string, marker: 'starts' | 'last_rank' | null): Expr => max(marker === null ? c(n, 'f') : when([[eq(c(marker, 'r'), ONE), c(n, 'f')]], ZERO));
    steps.push(
      {
        name: 'readmission_codes',
        why: 'SPEC §3.2 no. 1, §14.3: which of the readmission rules’ code lists each distinct primary diagnosis is on.',
        relation: {
          kind: 'select',
          from: { relation: 'diagnosis_codes', alias: 'd' },
          joins: [{ kind: 'left', relation: 'readmission_lists', alias: 'l', on: eq({ k: 'prefix', e: c('diagnosis', 'd'), length: c('prefix_length', 'l') }, c('prefix', 'l')) }],
          select: [['diagnosis', c('diagnosis', 'd')], ...lists.names.map((n) => [n, max(flag(eq(c('list', 'l'), lit(n))))] as [string, Expr])],
          groupBy: [c('diagnosis', 'd')],
        },
      },
      {
        name: 'readmission_episode_flags',
        why: 'SPEC §3.1, §14.3: an episode’s diagnoses are the primary diagnoses of its admissions: the first’s, the last-ending one’s, any.',
        relation: {
          kind: 'select',
          from: { relation: 'ranked', alias: 'r' },
          joins: [{ kind: 'inner', relation: 'readmission_codes', alias: 'f', on: eq(c('diagnosis', 'r'), c('diagnosis', 'f')) }],
          select: [
            ['patient_id', c('patient_id', 'r')],
            ['episode_no', c('episode_no', 'r')],
            ...lists.names.flatMap((n) => [
              [n, flagged(n, 'starts')] as [string, Expr],
              [`last_${n}`, flagged(n, 'last_rank')] as [string, Expr],
              [`any_${n}`, flagged(n, null)] as [string, Expr],
            ]),
          ],
          groupBy: [c('patient_id', 'r'), c('episode_no', 'r')],
        },
      },
      {
        name: 'readmission_episodes',
        why: 'SPEC §3.1, §14.3: the episodes with their diagnoses’ flags.',
        relation: {
          kind: 'select',
          from: { relation: 'episodes', alias: 'e' },
          joins: [
            { kind: 'inner', relation: 'readmission_episode_flags', alias: 'g', on: and(eq(c('patient_id', 'e'), c('patient_id', 'g')), eq(c('episode_no', 'e'), c('episode_no', 'g'))) },
          ],
          select: [
            ['patient_id', c('patient_id', 'e')],
            // Episodes of a patient never start at the same instant: the number orders them.
            ['unit_id', c('episode_no', 'e')],
            ['admitted_at', c('admitted_at', 'e')],
            ['discharged_at', c('discharged_at', 'e')],
            ['open', flag(isNull(c('discharged_at', 'e')))],
            ['acute', c('acute', 'e')],
            ['last_died', c('died', 'e')],
            ...PERSON.map((n) => [n, c(n, 'e')] as [string, Expr]),
            ...lists.names.flatMap((n) => [n, `last_${n}`, `any_${n}`].map((m) => [m, c(m, 'g')] as [string, Expr])),
          ],
        },
      },
    );
    from = 'readmission_episodes';
  }

  const isAdmission = or(eq(c('open'), ONE), bin(c('discharged_at'), '>=', addHours(c('admitted_at'), ADMISSION_MINIMUM_SECONDS / SECONDS_PER_HOUR)));
  const testOf = (rule: ExclusionRule): Expr => {
    switch (rule.test) {
      case 'planned':
        return eq(c('acute'), ZERO);
      case 'under-12-hours':
        return and(eq(c('open'), ZERO), not(isAdmission));
      case 'died':
        return eq(c('died'), ONE);
      case 'hospice':
        return eq(c('hospice'), ONE);
      case 'diagnosis':
        return eq(c(`${lists.nameOf(rule)}_${rule.reads}`), ONE);
    }
  };
  const ruleIndex = (rules: readonly ExclusionRule[]): Expr =>
    when(
      rules.map((r, k) => [testOf(r), lit(k)] as const),
      lit(-1),
    );
  // The columns every rule reads, one per (list, read) pair the declaration uses.
  const reads = [...definition.index, ...definition.readmission].filter((r) => r.test === 'diagnosis');
  const flagColumns = [...new Set(reads.map((r) => `${lists.nameOf(r)}_${r.reads}`))];
  steps.push({
    name: 'readmission_units',
    why:
      definition.units === 'stays' && hospital === 'contacts'
        ? 'SPEC §14.3: the units are every somatic stay.'
        : hospital === 'contacts'
          ? 'SPEC §3.2 no. 1, §14.2: the units are the somatic admissions (stays of at least 12 hours, or ongoing).'
          : 'SPEC §3.2 no. 1, §14.3: the units are the episodes.',
    relation: {
      kind: 'select',
      from: { relation: from, alias: 'u' },
      select: [
        ['patient_id', c('patient_id', 'u')],
        ['unit_id', c('unit_id', 'u')],
        ['admitted_at', c('admitted_at', 'u')],
        ['discharged_at', c('discharged_at', 'u')],
        ['open', c('open', 'u')],
        ['acute', c('acute', 'u')],
        // An ongoing unit has no end status and no last diagnosis (SPEC §14.2).
        ['died', when([[eq(c('open', 'u'), ONE), ZERO]], c('last_died', 'u'))],
        ['hospice', hospital === 'contacts' ? c('any_hospice', 'u') : ZERO],
        ...flagColumns.map((name) => {
          const [list, read] = name.split('_') as [string, 'first' | 'last' | 'all'];
          const v = flagsOf(read, list, 'u');
          return [name, read === 'last' ? when([[eq(c('open', 'u'), ONE), ZERO]], v) : v] as [string, Expr];
        }),
        ...PERSON.map((n) => [n, c(n, 'u')] as [string, Expr]),
      ],
      where:
        hospital === 'contacts'
          ? definition.units === 'stays'
            ? eq(c('psychiatric', 'u'), ZERO)
            : and(eq(c('psychiatric', 'u'), ZERO), or(eq(c('open', 'u'), ONE), bin(c('discharged_at', 'u'), '>=', addHours(c('admitted_at', 'u'), ADMISSION_MINIMUM_SECONDS / SECONDS_PER_HOUR))))
          : undefined,
    },
  });
  steps.push({
    name: 'readmission_rules',
    why: 'SPEC §3.2 no. 1, §14.3, §14.4: the first index rule that excludes each unit and the first readmission rule that rejects it, in the declared order (−1: none).',
    relation: {
      kind: 'select',
      from: { relation: 'readmission_units', alias: 'u' },
      select: [
        ...['patient_id', 'unit_id', 'admitted_at', 'discharged_at', ...PERSON].map((n) => [n, c(n)] as [string, Expr]),
        ['index_rule', ruleIndex(definition.index)],
        ['return_rule', ruleIndex(definition.readmission)],
      ],
    },
  });
  const byPatient = [c('patient_id')];
  const order = [{ e: c('admitted_at') }, { e: c('unit_id') }];
  steps.push({
    name: 'readmission_next',
    why: 'SPEC §3.2 no. 1: the first later unit of the patient that no readmission rule rejects, and the next later unit (for the note on a return that is not one).',
    relation: {
      kind: 'select',
      from: { relation: 'readmission_rules', alias: 'r' },
      select: [
        ...['patient_id', 'admitted_at', 'discharged_at', 'index_rule', ...PERSON].map((n) => [n, c(n)] as [string, Expr]),
        [
          'next_readmission_at',
          { k: 'window', fn: 'MIN', arg: when([[eq(c('return_rule'), lit(-1)), c('admitted_at')]]), partition: byPatient, order, frame: 'after' },
        ],
        ['next_admitted_at', { k: 'window', fn: 'LEAD', arg: c('admitted_at'), partition: byPatient, order, frame: null }],
        ['next_return_rule', { k: 'window', fn: 'LEAD', arg: c('return_rule'), partition: byPatient, order, frame: null }],
      ],
    },
  });
  return steps;
}

/** What compile.ts makes a unit relation of (its UnitSpec, without the person columns). */
export interface ReadmissionUnit {
  from: string;
  where: Expr;
  firstDay: Expr;
  numerator: Expr;
  denominator: Expr;
  note?: Expr;
}

/** The units and notes of readmission-30d (src/indicators/readmission.ts's Tally.add and
 *  Tally.note), over readmission_next. */
export function readmissionUnits(definition: ReadmissionDefinition): ReadmissionUnit[] {
  const discharged = notNull(c('discharged_at'));
  const day = dateOf(c('discharged_at'));
  const windowEnd = addHours(c('discharged_at'), definition.windowHours);
  const readmitted = and(notNull(c('next_readmission_at')), bin(c('next_readmission_at'), '>', c('discharged_at')), bin(c('next_readmission_at'), '<=', windowEnd));
  const noteOf = (rule: Expr, rules: readonly ExclusionRule[]): Expr =>
    when(
      rules.map((r, k) => [eq(rule, lit(k)), lit(noteKeyOf(r.note))] as const),
      { k: 'lit', value: null, type: 'text' },
    );
  const kept = eq(c('index_rule'), lit(-1));
  return [
    { from: 'readmission_next', where: and(discharged, kept), firstDay: day, numerator: flag(readmitted), denominator: ONE },
    { from: 'readmission_next', where: and(discharged, not(kept)), firstDay: day, numerator: ZERO, denominator: ZERO, note: noteOf(c('index_rule'), definition.index) },
    // The patient came back within the window, but not as a readmission: the first return's first rule.
    {
      from: 'readmission_next',
      where: and(discharged, kept, not(readmitted), notNull(c('next_admitted_at')), bin(c('next_admitted_at'), '<=', windowEnd), bin(c('next_return_rule'), '>=', ZERO)),
      firstDay: day,
      numerator: ZERO,
      denominator: ZERO,
      note: noteOf(c('next_return_rule'), definition.readmission),
    },
  ];
}

