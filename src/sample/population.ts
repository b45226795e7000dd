// Synthetic population.csv (SPEC §2.6): every region municipality (SPEC §2.8) × year 2015–2017
// × single year of age 0–100 × sex × education. Education is recorded from age 25 (short,
// medium, long); younger people have one row without education — the group `unknown` — which
// matches admissions, where patients under 25 have no education either.
//
// The inhabitants are the people the events come from: the real region's shape (~1.3 million
// inhabitants; Aarhus ~335,000, Samsø ~3,700) scaled to the share of it that the sample's
// admissions stand for, so that rates land near published Danish levels instead of meeting
// a few thousand admissions with the whole region's population (which gave 0.9 preventable
// admissions per 1000 elderly). At scale 1 that share is 1/75: the ~218 preventable
// admissions a year among patients 65+ then meet ~3,600 inhabitants 65+, ≈ 60 per 1000 a year
// — the national level (DI, "Mange indlæggelser kunne være undgået", 2024: 72,000 preventable
// admissions among the elderly in 2023, i.e. ≈ 60 per 1000 of the ~1.2 million Danes aged
// 65+). The share grows with --scale, so every scale gives the same rates. The table's rows do
// not grow with --scale, only its numbers.

import { YEARS } from './calendar.js';
import {
  EDUCATION_FROM_AGE,
  educationShares,
  maleShare,
  MUNICIPALITIES,
  populationAgeWeight,
} from './people.js';
import { deriveSeed, Random } from './random.js';

export const POPULATION_COLUMNS = ['year', 'municipality_code', 'age', 'sex', 'education', 'population'] as const;

const SALT_POPULATION = 505;
export const MAX_AGE = 100;
const REFERENCE_YEAR = 2016;

/** The share of the region the sample's inhabitants are at scale 1 (see above). */
export const REGION_SHARE_AT_SCALE_1 = 1 / 75;

export function* populationRows(seed: number, scale = 1): Generator<string[]> {
  const random = new Random(deriveSeed(seed, SALT_POPULATION));
  const share = REGION_SHARE_AT_SCALE_1 * scale;
  let weightSum = 0;
  for (let age = 0; age <= MAX_AGE; age++) weightSum += populationAgeWeight(age);
  const municipalities = [...MUNICIPALITIES].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const year of YEARS) {
    for (const m of municipalities) {
      const total = share * m.inhabitants * Math.pow(1 + m.growth, year - REFERENCE_YEAR);
      for (let age = 0; age <= MAX_AGE; age++) {
        const atAge = (total * populationAgeWeight(age)) / weightSum;
        const male = maleShare(age);
        for (const sex of ['F', 'M'] as const) {
          const bySex = atAge * (sex === 'M' ? male : 1 - male);
          // A little noise (±3 %) so the table does not look machine-made.
          const cells: Array<[string, number]> =
            age < EDUCATION_FROM_AGE
              ? [['', bySex]]
              : Object.entries(educationShares(age)).map(([education, share]) => [education, bySex * share]);
          for (const [education, size] of cells) {
            // Rounded up with the probability of the fraction, so that the many cells of a
            // fraction of a person add up to the share (plain rounding would lose them).
            const expected = size * Math.exp(0.03 * random.normal());
            const whole = Math.floor(expected);
            const population = whole + (random.chance(expected - whole) ? 1 : 0);
            yield [String(year), m.code, String(age), sex, education, String(population)];
          }
        }
      }
    }
  }
}
