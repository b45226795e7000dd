// The vocabulary of the domain (SPEC §2.1–§2.5): every enumerated value list, declared once,
// with its canonical values in the order the SPEC lists them (the order of breakdown groups,
// SPEC §4.1) and the spellings accepted for each (aliases, matched case-insensitively).
//
// Everything else derives from these declarations: the value types (`ValueOf<typeof OFFER>`),
// the cell parsers (src/extracts/fields.ts `parserOf`), the order of groups
// (src/calc/groups.ts) and the texts of the catalogue. Adding a value (a new offer) is one
// edit here.

export interface ValueEntry<V extends string> {
  readonly value: V;
  /** Other accepted spellings, e.g. the Danish words and registry codes. */
  readonly aliases?: readonly string[];
}

export interface ValueList<V extends string> {
  /** What one value is, for messages: "a sex", "an offer". */
  readonly what: string;
  /** Canonical values in the SPEC's order. */
  readonly values: readonly V[];
  readonly entries: readonly ValueEntry<V>[];
}

export type ValueOf<L> = L extends ValueList<infer V> ? V : never;

export function valueList<const V extends string>(what: string, entries: readonly ValueEntry<V>[]): ValueList<V> {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.value)) throw new Error(`duplicate value ${e.value} in ${what}`);
    seen.add(e.value);
  }
  return { what, values: entries.map((e) => e.value), entries };
}

/** The values of `list` named in `keep`, in the list's order, with their aliases. */
export function subList<V extends string, const K extends V>(list: ValueList<V>, what: string, keep: readonly K[]): ValueList<K> {
  return valueList(
    what,
    list.entries.filter((e): e is ValueEntry<K> => (keep as readonly string[]).includes(e.value)),
  );
}

// ---------------------------------------------------------------------------------------
// Persons (SPEC §2.1)

/** The three aims of the Triple Aim, in report order (SPEC §4.1). Declared here, not only as the
 *  contracts' zod enum, so that a run does not load zod (start-up time, SPEC §12). */
export const AIMS = ['population_health', 'quality', 'cost'] as const;
export type Aim = (typeof AIMS)[number];

export const SEX = valueList('a sex', [
  { value: 'F', aliases: ['K', 'kvinde', 'female'] },
  { value: 'M', aliases: ['mand', 'male'] },
]);
export type Sex = ValueOf<typeof SEX>;

/** The agreement's equity theme compares "lavt", "mellem-" and "højt uddannede". */
export const EDUCATION = valueList('an education level', [
  { value: 'short', aliases: ['kort', 'low'] },
  { value: 'medium', aliases: ['mellem', 'mellemlang'] },
  { value: 'long', aliases: ['lang', 'high'] },
]);
export type Education = ValueOf<typeof EDUCATION>;

// ---------------------------------------------------------------------------------------
// Admissions (SPEC §2.2)

/** LPR codes 1 = acute, 2 = planned. */
export const ADMISSION_TYPE = valueList('an admission type', [
  { value: 'acute', aliases: ['akut', '1'] },
  { value: 'planned', aliases: ['planlagt', '2'] },
]);
export type AdmissionType = ValueOf<typeof ADMISSION_TYPE>;

export const SECTOR = valueList('a sector', [
  { value: 'somatic', aliases: ['somatik'] },
  { value: 'psychiatric', aliases: ['psykiatri'] },
]);
export type Sector = ValueOf<typeof SECTOR>;

export const DISCHARGE_STATUS = valueList('a discharge status', [
  { value: 'alive' },
  { value: 'died', aliases: ['død', 'doed'] },
]);
export type DischargeStatus = ValueOf<typeof DISCHARGE_STATUS>;

// ---------------------------------------------------------------------------------------
// LPR3 contacts (SPEC §14.1)

/** LPR3 contact types (kontakttype): ALCA00 fysisk fremmøde, ALCA10 udekontakt, ALCA20 virtuel. */
export const CONTACT_TYPE = valueList('a contact type', [
  { value: 'physical', aliases: ['ALCA00', 'fysisk'] },
  { value: 'home', aliases: ['ALCA10', 'ude', 'udekontakt', 'hjemme'] },
  { value: 'virtual', aliases: ['ALCA20', 'virtuel'] },
]);
export type ContactType = ValueOf<typeof CONTACT_TYPE>;

/** LPR3 priority (prioritet): ATA1 akut, ATA3 planlagt; any other value is an error (SPEC §14.1). */
export const PRIORITY = valueList('a priority', [
  { value: 'acute', aliases: ['akut', 'ATA1'] },
  { value: 'planned', aliases: ['planlagt', 'ATA3'] },
]);
export type Priority = ValueOf<typeof PRIORITY>;

/** The kind of unit a contact is at (enhedstype); a hospice contact marks its stay (SPEC §14.2). */
export const UNIT_TYPE = valueList('a unit type', [
  { value: 'hospital', aliases: ['sygehus'] },
  { value: 'hospice' },
]);
export type UnitType = ValueOf<typeof UNIT_TYPE>;

// ---------------------------------------------------------------------------------------
// Referrals (SPEC §2.3) and smoking-cessation courses (§2.4)

export const SENDER = valueList('a sender', [
  { value: 'gp', aliases: ['almen_praksis', 'egen_læge'] },
  { value: 'hospital', aliases: ['sygehus'] },
  { value: 'psychiatry', aliases: ['psykiatri'] },
  { value: 'self', aliases: ['borger'] },
  { value: 'other', aliases: ['andet'] },
]);
export type Sender = ValueOf<typeof SENDER>;

/** smoking.csv `referral_source`: the senders without psychiatry (SPEC §2.4). */
export const REFERRAL_SOURCE = subList(SENDER, 'a referral source', ['gp', 'hospital', 'self', 'other']);
export type ReferralSource = ValueOf<typeof REFERRAL_SOURCE>;

export const OFFER = valueList('an offer', [
  { value: 'smoking_cessation', aliases: ['rygestop'] },
  { value: 'alcohol', aliases: ['alkohol'] },
  { value: 'weight', aliases: ['overvægt'] },
  { value: 'physical_activity', aliases: ['motion'] },
  { value: 'diet', aliases: ['kost'] },
  { value: 'chronic_disease', aliases: ['kronisk_sygdom'] },
  { value: 'mental_health', aliases: ['mental_sundhed'] },
  { value: 'rehabilitation', aliases: ['genoptræning'] },
  { value: 'vulnerable_pregnancy', aliases: ['sårbar_gravid'] },
  { value: 'other', aliases: ['andet'] },
]);
export type Offer = ValueOf<typeof OFFER>;

/** The kommunale forebyggelsestilbud (the KRAM factors and patient education, SPEC §2.3). */
export const PREVENTION_OFFER = subList(OFFER, 'a prevention offer', [
  'smoking_cessation',
  'alcohol',
  'weight',
  'physical_activity',
  'diet',
  'chronic_disease',
  'mental_health',
]);

/** Senders whose prevention referrals count (SPEC §3.2 no. 8: general practice and hospitals). */
export const PREVENTION_SENDER = subList(SENDER, 'a prevention sender', ['gp', 'hospital', 'psychiatry']);

export const FOLLOWUP = valueList('a 6-month follow-up', [
  { value: 'smoke_free', aliases: ['røgfri'] },
  { value: 'smoking', aliases: ['ryger'] },
  { value: 'lost', aliases: ['ikke_opnået', 'not_reached'] },
]);
export type Followup = ValueOf<typeof FOLLOWUP>;

// ---------------------------------------------------------------------------------------
// LUP (SPEC §2.5)

export const PATIENT_TYPE = valueList('a patient type', [
  { value: 'inpatient', aliases: ['indlagt'] },
  { value: 'outpatient', aliases: ['ambulant'] },
]);
export type PatientType = ValueOf<typeof PATIENT_TYPE>;

/** The class of a LUP answer (SPEC §2.5): positive, negative (valid, not positive) or excluded. */
export const ANSWER_CLASS = valueList('a LUP answer class', [{ value: 'positive' }, { value: 'negative' }, { value: 'excluded' }]);
export type AnswerClass = ValueOf<typeof ANSWER_CLASS>;

/**
 * The LUP answer scale (SPEC §2.5), as text or code: positive = 5, 4, Ja; negative = 3, 2, 1,
 * Nej; excluded = Ved ikke, Ikke relevant, 9, 0 (an empty answer is excluded too: the row
 * reader gives null for it). The spellings are the accepted texts; the class is what counts.
 */
export const LUP_ANSWER_SCALE: readonly { readonly spellings: readonly [string, ...string[]]; readonly answerClass: AnswerClass }[] = [
  { spellings: ['I meget høj grad', '5'], answerClass: 'positive' },
  { spellings: ['I høj grad', '4'], answerClass: 'positive' },
  { spellings: ['I nogen grad', '3'], answerClass: 'negative' },
  { spellings: ['I ringe grad', '2'], answerClass: 'negative' },
  { spellings: ['Slet ikke', '1'], answerClass: 'negative' },
  { spellings: ['Ja'], answerClass: 'positive' },
  { spellings: ['Nej'], answerClass: 'negative' },
  { spellings: ['Ved ikke', '9'], answerClass: 'excluded' },
  { spellings: ['Ikke relevant', '0'], answerClass: 'excluded' },
];

/** "a, b or c": values as the catalogue's prose lists them. */
export function listWords(values: readonly string[], conjunction = 'or'): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}

/** The values of `list` not in `sub`, in the list's order. */
export function valuesOutside<V extends string>(list: ValueList<V>, sub: ValueList<string>): V[] {
  return list.values.filter((v) => !sub.values.includes(v));
}
