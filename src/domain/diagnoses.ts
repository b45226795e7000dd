// Diagnosis code lists of the admission indicators. Codes are matched against the normalised
// primary diagnosis (SPEC §2.2: upper case, no dots or spaces, SKS "D" removed), so "DJ18.9"
// has already become "J189" when it gets here. Every rule is a prefix match: a range such as
// J12–J18 stands for the 3-character prefixes J12, J13, …, J18, and N39.0 for the prefix N390.
//
// The §3.3 list is versioned on its own (PREVENTABLE_DIAGNOSIS_LIST_VERSION); a change to it
// must also change the tool's DEFINITION_VERSION (src/version.ts), which goes into every report.

/**
 * A set of code prefixes built from entries like "J12–J18" (en dash or hyphen), "N39.0" or a
 * single chapter letter "S". Matching walks the code's characters once and looks each prefix
 * length of the list up as a number, so it allocates nothing (it runs once or twice per
 * episode on a million admissions).
 */
export class CodeList {
  readonly entries: readonly string[];
  private readonly prefixes: ReadonlySet<string>;
  /** Prefixes encoded by prefixKey. */
  private readonly keys: ReadonlySet<number>;
  /** The distinct prefix lengths, ascending. */
  private readonly lengths: readonly number[];

  constructor(entries: readonly string[]) {
    this.entries = entries;
    this.prefixes = new Set(entries.flatMap(expandEntry));
    this.keys = new Set([...this.prefixes].map((p) => prefixKey(p, p.length)));
    this.lengths = [...new Set([...this.prefixes].map((p) => p.length))].sort((a, b) => a - b);
  }

  /** Whether the normalised code starts with one of the list's prefixes. */
  has(code: string): boolean {
    const lengths = this.lengths;
    let key = 0;
    let next = 0;
    for (let i = 0; i < code.length && next < lengths.length; i++) {
      const v = charValue(code.charCodeAt(i));
      if (v < 0) return false;
      key = key * 37 + v;
      if (i + 1 === lengths[next]) {
        if (this.keys.has(key)) return true;
        next++;
      }
    }
    return false;
  }

  /** The expanded prefixes, sorted (for tests and documentation). */
  expanded(): string[] {
    return [...this.prefixes].sort();
  }
}

/** 0–9 → 1–10, A–Z → 11–36, anything else −1 (never on a list). */
function charValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 65 && c <= 90) return c - 54;
  return -1;
}

/** The first `length` characters of a code as a base-37 number (prefixes are at most 8 long). */
function prefixKey(code: string, length: number): number {
  let key = 0;
  for (let i = 0; i < length; i++) key = key * 37 + charValue(code.charCodeAt(i));
  return key;
}

/** "J12–J18" → J12 … J18; "N39.0" → N390; "S" → S. Throws on a malformed entry (a bug). */
function expandEntry(entry: string): string[] {
  const text = entry.toUpperCase().replace(/[.\s]/g, '');
  const range = /^([A-Z])(\d{1,7})[-–]([A-Z])(\d{1,7})$/.exec(text);
  if (range) {
    const [, letterFrom, from, letterTo, to] = range;
    if (letterFrom !== letterTo || from.length !== to.length || Number(from) > Number(to)) {
      throw new Error(`bad code range ${entry}`);
    }
    const out: string[] = [];
    for (let n = Number(from); n <= Number(to); n++) out.push(letterFrom + String(n).padStart(from.length, '0'));
    return out;
  }
  if (/^[A-Z][0-9A-Z]{0,7}$/.test(text)) return [text];
  throw new Error(`bad code list entry ${entry}`);
}

// ---------------------------------------------------------------------------------------
// SPEC §3.3 — preventable admissions among the elderly (the nine condition groups of the
// national indicator "forebyggelige akutte sygehusophold blandt ældre", eSundhed).

export const PREVENTABLE_DIAGNOSIS_LIST_VERSION = 'esundhed-forebyggelige-65.1';

export interface DiagnosisGroup {
  nameEn: string;
  nameDa: string;
  /** Entries as printed in SPEC §3.3. */
  codes: readonly string[];
  /** An explanation printed after the codes, if any. */
  remark?: string;
}

export const PREVENTABLE_DIAGNOSIS_GROUPS: readonly DiagnosisGroup[] = [
  { nameEn: 'Lower respiratory infection', nameDa: 'nedre luftvejssygdom', codes: ['J12–J18', 'J20–J22'] },
  { nameEn: 'Cystitis and urinary tract infection', nameDa: 'blærebetændelse', codes: ['N30', 'N39.0'] },
  { nameEn: 'Gastroenteritis', nameDa: 'gastroenteritis', codes: ['A00–A09'] },
  { nameEn: 'Dehydration', nameDa: 'dehydrering', codes: ['E86'] },
  { nameEn: 'Constipation', nameDa: 'forstoppelse', codes: ['K59.0'] },
  { nameEn: 'Nutritional anaemia', nameDa: 'ernæringsbetinget anæmi', codes: ['D50–D53'] },
  {
    nameEn: 'Social and care-related circumstances',
    nameDa: 'sociale og plejemæssige forhold',
    codes: ['Z59', 'Z74', 'Z75'],
  },
  { nameEn: 'Pressure ulcer', nameDa: 'tryksår', codes: ['L89'] },
  {
    nameEn: 'Fall fractures',
    nameDa: 'brud',
    codes: ['S32', 'S42', 'S52', 'S72'],
    remark: 'lumbar spine and pelvis, shoulder and upper arm, forearm, femur',
  },
];

export const PREVENTABLE_DIAGNOSES = new CodeList(PREVENTABLE_DIAGNOSIS_GROUPS.flatMap((g) => g.codes));

/** SPEC §3.3: whether a normalised primary diagnosis is on the preventable-admissions list. */
export function isPreventableDiagnosis(code: string): boolean {
  return PREVENTABLE_DIAGNOSES.has(code);
}

/** The §3.3 list as printed by `triple-aim indicators preventable-admissions-65`. */
export function preventableDiagnosisReference(): string {
  const lines = [
    `Diagnosis list (SPEC §3.3), version ${PREVENTABLE_DIAGNOSIS_LIST_VERSION}:`,
    'the normalised primary diagnosis starts with one of these codes; a range such as J12–J18',
    'means every code starting with J12, J13, …, J18, and N39.0 means codes starting N390.',
    '',
  ];
  for (const g of PREVENTABLE_DIAGNOSIS_GROUPS) {
    const codes = g.codes.map((c) => (c.includes('.') ? `${c} (${c.replace('.', '')})` : c)).join(', ');
    lines.push(`- ${g.nameEn} (${g.nameDa}): ${codes}${g.remark ? ` — ${g.remark}` : ''}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// SPEC §3.2 no. 1 — readmissions (national criteria).

/** Index episodes are not cancer: C00–C99, D00–D09. */
export const CANCER_DIAGNOSES = new CodeList(['C00–C99', 'D00–D09']);
/** Nor Z76.3, a healthy person accompanying a sick person. */
export const ACCOMPANYING_PERSON_DIAGNOSES = new CodeList(['Z76.3']);
/** A readmission is not a birth, O80–O84 … */
export const BIRTH_DIAGNOSES = new CodeList(['O80–O84']);
/** … nor an injury, poisoning or external cause: chapters S, T, V, W, X, Y. */
export const INJURY_DIAGNOSES = new CodeList(['S', 'T', 'V', 'W', 'X', 'Y']);
