// Synthetic population.csv (SPEC §2.6): every region municipality (SPEC §2.8) × year 2015–2017
// × single year of age 0–100 × sex × education. Sizes follow the real region (~1.3 million
// inhabitants; Aarhus ~335,000, Samsø ~3,700). Education is recorded from age 25 (short,
// medium, long); younger people have one row without education — the group `unknown` — which
// matches admissions, where patients under 25 have no education either.
// The table does not grow with --scale: it is the region, whatever the number of events.

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

export function* populationRows(seed: number): Generator<string[]> {
  const random = new Random(deriveSeed(seed, SALT_POPULATION));
  let weightSum = 0;
  for (let age = 0; age <= MAX_AGE; age++) weightSum += populationAgeWeight(age);
  const municipalities = [...MUNICIPALITIES].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const year of YEARS) {
    for (const m of municipalities) {
      const total = m.inhabitants * Math.pow(1 + m.growth, year - REFERENCE_YEAR);
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
            const population = Math.max(0, Math.round(size * Math.exp(0.03 * random.normal())));
            yield [String(year), m.code, String(age), sex, education, String(population)];
          }
        }
      }
    }
  }
}
