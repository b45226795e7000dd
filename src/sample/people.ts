// The synthetic population: the region's 19 municipalities with realistic sizes (SPEC §2.8;
// the region has ~1.3 million inhabitants, Aarhus ~335,000, Samsø ~3,700), how ages, sexes
// and education are spread, and the people who appear in the extracts.
//
// A person is a pure function of (seed, index, profile): any extract can name person k again
// and get the same municipality, sex, birth date and education without anything being kept
// in memory — that is how referrals share patient ids with admissions at any scale.

import { dayNumber, type DayNumber } from '../calc/time.js';
import type { Education, Sex } from '../domain/vocabulary.js';
import { deriveSeed, Random, Weighted } from './random.js';

/** Inhabitants on 1 January 2016 (rounded, after Statistics Denmark's FOLK1A) and yearly growth. */
export const MUNICIPALITIES: ReadonlyArray<{ code: string; name: string; inhabitants: number; growth: number }> = [
  { code: '751', name: 'Aarhus', inhabitants: 335_000, growth: 0.015 },
  { code: '741', name: 'Samsø', inhabitants: 3_750, growth: -0.008 },
  { code: '657', name: 'Herning', inhabitants: 88_000, growth: 0.006 },
  { code: '661', name: 'Holstebro', inhabitants: 58_000, growth: 0.003 },
  { code: '756', name: 'Ikast-Brande', inhabitants: 41_000, growth: 0.004 },
  { code: '665', name: 'Lemvig', inhabitants: 20_000, growth: -0.006 },
  { code: '760', name: 'Ringkøbing-Skjern', inhabitants: 57_000, growth: -0.002 },
  { code: '671', name: 'Struer', inhabitants: 21_500, growth: -0.004 },
  { code: '740', name: 'Silkeborg', inhabitants: 91_000, growth: 0.008 },
  { code: '779', name: 'Skive', inhabitants: 46_000, growth: -0.002 },
  { code: '791', name: 'Viborg', inhabitants: 96_000, growth: 0.004 },
  { code: '710', name: 'Favrskov', inhabitants: 48_000, growth: 0.006 },
  { code: '707', name: 'Norddjurs', inhabitants: 37_500, growth: -0.003 },
  { code: '730', name: 'Randers', inhabitants: 97_000, growth: 0.005 },
  { code: '706', name: 'Syddjurs', inhabitants: 42_000, growth: 0.004 },
  { code: '766', name: 'Hedensted', inhabitants: 46_000, growth: 0.004 },
  { code: '615', name: 'Horsens', inhabitants: 88_000, growth: 0.012 },
  { code: '727', name: 'Odder', inhabitants: 22_500, growth: 0.005 },
  { code: '746', name: 'Skanderborg', inhabitants: 60_000, growth: 0.011 },
];

/** A few municipalities of other regions: patients treated in the region while living elsewhere. */
const OUTSIDE_REGION_CODES = ['101', '461', '851', '621'] as const;

/** Age distribution of the whole population, relative weight per single year of age 0–100. */
export function populationAgeWeight(age: number): number {
  if (age < 20) return 1.15;
  if (age < 30) return 1.3;
  if (age < 65) return 1.25;
  if (age < 75) return 1.15;
  return 1.15 * Math.exp(-(age - 75) / 8);
}

/** Share of men at a given age: about half, fewer among the very old. */
export function maleShare(age: number): number {
  if (age < 60) return 0.505;
  return Math.max(0.3, 0.505 - (age - 60) * 0.006);
}

/**
 * Education attained (short/medium/long, SPEC §2.1) is recorded from age 25; younger people
 * have none (they form the education group `unknown`). Older generations have shorter
 * education, which is what makes the equity breakdowns differ.
 */
export const EDUCATION_FROM_AGE = 25;

export function educationShares(age: number): Record<Education, number> {
  if (age < 45) return { short: 0.2, medium: 0.45, long: 0.35 };
  if (age < 65) return { short: 0.3, medium: 0.45, long: 0.25 };
  return { short: 0.5, medium: 0.36, long: 0.14 };
}

const municipalityByInhabitants = new Weighted(MUNICIPALITIES.map((m) => [m.code, m.inhabitants] as const));

/** Who a person is drawn as: hospital patients are older, pregnant women young, … */
export type Profile = 'patient' | 'citizen' | 'pregnant' | 'smoker' | 'child' | 'parent';

/** Ages of hospital patients: skewed old (about 59 % are 65+). */
const patientAges = new Weighted<readonly [number, number]>([
  [[0, 17], 7],
  [[18, 44], 14],
  [[45, 64], 20],
  [[65, 74], 22],
  [[75, 84], 23],
  [[85, 99], 14],
]);
const citizenAges = new Weighted<readonly [number, number]>([
  [[18, 44], 30],
  [[45, 64], 35],
  [[65, 74], 20],
  [[75, 94], 15],
]);
const smokerAges = new Weighted<readonly [number, number]>([
  [[18, 34], 20],
  [[35, 54], 40],
  [[55, 79], 40],
]);

const smokerEducation = new Weighted<Education>([
  ['short', 64],
  ['medium', 26],
  ['long', 10],
]);

/** Ages are drawn as of this day; a person's age on an event date follows from the birth date. */
const REFERENCE_DAY = dayNumber(2016, 7, 1)!;

export interface Person {
  index: number;
  id: string;
  municipality: string;
  sex: Sex;
  born: DayNumber;
  /** null = not recorded (under 25, or missing). */
  education: Education | null;
}

export function personId(index: number): string {
  return 'P' + String(index).padStart(7, '0');
}

const PROFILE_SALT: Record<Profile, number> = {
  patient: 11,
  citizen: 12,
  pregnant: 13,
  smoker: 14,
  child: 15,
  parent: 16,
};

function drawEducation(random: Random, age: number, missing: number): Education | null {
  if (age < EDUCATION_FROM_AGE || random.chance(missing)) return null;
  const s = educationShares(age);
  const x = random.next();
  return x < s.short ? 'short' : x < s.short + s.medium ? 'medium' : 'long';
}

/** Person number `index` as drawn for `profile`, the same every time it is asked for. */
export function personOf(seed: number, index: number, profile: Profile): Person {
  const random = new Random(deriveSeed(seed, PROFILE_SALT[profile], index));
  let municipality = municipalityByInhabitants.draw(random);
  if (profile === 'patient' && random.chance(0.006)) municipality = random.pick(OUTSIDE_REGION_CODES);
  let age: number;
  let sex: Sex;
  switch (profile) {
    case 'patient': {
      const [lo, hi] = patientAges.draw(random);
      age = random.int(lo, hi);
      sex = random.chance(age >= 75 ? 0.58 : 0.5) ? 'F' : 'M';
      break;
    }
    case 'citizen': {
      const [lo, hi] = citizenAges.draw(random);
      age = random.int(lo, hi);
      sex = random.chance(0.53) ? 'F' : 'M';
      break;
    }
    case 'smoker': {
      const [lo, hi] = smokerAges.draw(random);
      age = random.int(lo, hi);
      sex = random.chance(0.55) ? 'F' : 'M';
      break;
    }
    case 'pregnant':
      age = random.int(17, 42);
      sex = 'F';
      break;
    case 'parent':
      age = random.int(20, 45);
      sex = random.chance(0.9) ? 'F' : 'M';
      break;
    case 'child':
      age = random.int(3, 17);
      sex = random.chance(0.5) ? 'F' : 'M';
      break;
  }
  const born = REFERENCE_DAY - age * 365 - Math.floor(age / 4) - random.int(0, 364);
  // Smoking-course participants are mostly short-educated (the seeds report 86 %).
  const education =
    profile === 'smoker'
      ? random.chance(0.03)
        ? null
        : smokerEducation.draw(random)
      : drawEducation(random, age, 0.03);
  return { index, id: personId(index), municipality, sex, born, education };
}

/** Municipality codes of the region, ordered by code (for the population table). */
export function regionMunicipalityCodes(): string[] {
  return MUNICIPALITIES.map((m) => m.code).sort();
}
