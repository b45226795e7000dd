// The readmission definitions of the profiles (SPEC §3.2 no. 1, §14.3, §14.4), as data: which
// units are counted, the window, and the ORDERED exclusion rules of the index and of the
// readmission, each a named rule with what it reads. The count (readmission.ts), the notes,
// the audit, `indicators --profile` and `definitions diff` all read these declarations; a third
// profile is one more declaration.

import { MESSAGES, type Message } from '../domain/messages.js';

/** The rule names of SPEC §14.4 (the audit writes them). */
export type RuleName =
  | 'under-12-hours'
  | 'died'
  | 'hospice'
  | 'cancer'
  | 'z76-3'
  | 'psychiatric-last-diagnosis'
  | 'planned'
  | 'psychiatric-diagnosis'
  | 'birth'
  | 'injury';

/** Which of a unit's diagnoses a rule reads: the first contact's action diagnosis (from
 *  admissions.csv: the first admission's primary diagnosis), the last-ending contact's, or
 *  every action and secondary diagnosis of the unit (SPEC §14.2). */
export type DiagnosisRead = 'first' | 'last' | 'all';

export type ExclusionRule =
  /** planned: not acute (the first contact's priority); under-12-hours: not an admission
   *  (SPEC §14.2: a discharged unit of end − start < 12 h); died: the last-ending contact's end
   *  status; hospice: any contact in a hospice unit. */
  | { readonly name: RuleName; readonly test: 'planned' | 'under-12-hours' | 'died' | 'hospice'; readonly note: Message }
  /** A diagnosis on the code list (three-character prefixes and ranges as SPEC §3.3). */
  | { readonly name: RuleName; readonly test: 'diagnosis'; readonly reads: DiagnosisRead; readonly codes: readonly string[]; readonly note: Message };

export interface ReadmissionDefinition {
  /** `admissions`: the §3.1 episodes of the admissions (from contacts.csv, of the stays of
   *  ≥ 12 h); `stays`: every somatic stay of any length (from admissions.csv, the episodes). */
  readonly units: 'admissions' | 'stays';
  /** A readmission starts after the index end and at most this many hours after it. */
  readonly windowHours: number;
  /** The first rule that applies excludes an index candidate (and names it in the audit). */
  readonly index: readonly ExclusionRule[];
  /** The first rule that applies rejects a readmission candidate. */
  readonly readmission: readonly ExclusionRule[];
}

const CANCER = ['C00–C99', 'D00–D09'];
const Z763 = ['Z76.3'];
const BIRTH = ['O80–O84'];

/** SPEC §3.2 no. 1 (rm-2015-2018): episodes; cancer and Z76.3 on the primary (first)
 *  diagnosis, died from the last-ending admission; a readmission is acute, not a birth and not
 *  in chapters S–Y by its primary diagnosis. */
export const RM_READMISSION: ReadmissionDefinition = {
  units: 'admissions',
  windowHours: 30 * 24,
  index: [
    { name: 'died', test: 'died', note: MESSAGES.indexExcludedDied },
    { name: 'cancer', test: 'diagnosis', reads: 'first', codes: CANCER, note: MESSAGES.indexExcludedCancer },
    { name: 'z76-3', test: 'diagnosis', reads: 'first', codes: Z763, note: MESSAGES.indexExcludedZ763 },
  ],
  readmission: [
    { name: 'planned', test: 'planned', note: MESSAGES.returnNotCountedPlanned },
    { name: 'birth', test: 'diagnosis', reads: 'first', codes: BIRTH, note: MESSAGES.returnNotCountedBirth },
    { name: 'injury', test: 'diagnosis', reads: 'first', codes: ['S', 'T', 'V', 'W', 'X', 'Y'], note: MESSAGES.returnNotCountedInjury },
  ],
};

/** SPEC §14.3 (national, Sundhedsdatastyrelsen 2020–2023): every somatic stay; the 12-hour
 *  rule first; cancer, Z76.3 (and for a readmission F) among all diagnoses; F on the index's
 *  last diagnosis; hospice; the national injury list (V, W, T36–T50 and T80–T89 are
 *  readmissions). O83 is in the birth range: the regional source's list without it is taken
 *  as a slip (SPEC §14.3). */
export const NATIONAL_READMISSION: ReadmissionDefinition = {
  units: 'stays',
  windowHours: 720,
  index: [
    { name: 'under-12-hours', test: 'under-12-hours', note: MESSAGES.indexExcludedUnder12Hours },
    { name: 'died', test: 'died', note: MESSAGES.indexExcludedDiedStay },
    { name: 'hospice', test: 'hospice', note: MESSAGES.indexExcludedHospice },
    { name: 'cancer', test: 'diagnosis', reads: 'all', codes: CANCER, note: MESSAGES.indexExcludedCancerAny },
    { name: 'z76-3', test: 'diagnosis', reads: 'all', codes: Z763, note: MESSAGES.indexExcludedZ763Any },
    { name: 'psychiatric-last-diagnosis', test: 'diagnosis', reads: 'last', codes: ['F'], note: MESSAGES.indexExcludedPsychiatricLast },
  ],
  readmission: [
    { name: 'planned', test: 'planned', note: MESSAGES.returnNotCountedPlannedStay },
    { name: 'under-12-hours', test: 'under-12-hours', note: MESSAGES.returnNotCountedUnder12Hours },
    { name: 'hospice', test: 'hospice', note: MESSAGES.returnNotCountedHospice },
    { name: 'cancer', test: 'diagnosis', reads: 'all', codes: CANCER, note: MESSAGES.returnNotCountedCancer },
    { name: 'z76-3', test: 'diagnosis', reads: 'all', codes: Z763, note: MESSAGES.returnNotCountedZ763 },
    { name: 'psychiatric-diagnosis', test: 'diagnosis', reads: 'all', codes: ['F'], note: MESSAGES.returnNotCountedPsychiatric },
    { name: 'birth', test: 'diagnosis', reads: 'first', codes: BIRTH, note: MESSAGES.returnNotCountedBirthStay },
    {
      name: 'injury',
      test: 'diagnosis',
      reads: 'first',
      codes: ['S', 'T00–T35', 'T51–T79', 'T90–T98', 'X', 'Y'],
      note: MESSAGES.returnNotCountedInjuryNational,
    },
  ],
};

/** A rule in words, for `indicators` and `definitions diff` (generated, never kept by hand). */
export function describeRule(rule: ExclusionRule): string {
  switch (rule.test) {
    case 'planned':
      return 'planned (not acute)';
    case 'under-12-hours':
      return 'under 12 hours (not an admission)';
    case 'died':
      return 'died (end status of the last-ending contact)';
    case 'hospice':
      return 'hospice (any contact in a hospice unit)';
    case 'diagnosis': {
      const where = rule.reads === 'first' ? 'first diagnosis' : rule.reads === 'last' ? 'last diagnosis' : 'any diagnosis';
      return `${where} in ${rule.codes.join(', ')}`;
    }
  }
}

/** The same in Danish. */
export function describeRuleDa(rule: ExclusionRule): string {
  switch (rule.test) {
    case 'planned':
      return 'planlagt (ikke akut)';
    case 'under-12-hours':
      return 'under 12 timer (ikke en indlæggelse)';
    case 'died':
      return 'død (afslutningsmåde for den kontakt, der slutter sidst)';
    case 'hospice':
      return 'hospice (en kontakt på et hospice)';
    case 'diagnosis': {
      const where = rule.reads === 'first' ? 'første diagnose' : rule.reads === 'last' ? 'sidste diagnose' : 'en diagnose';
      return `${where} i ${rule.codes.join(', ')}`;
    }
  }
}
