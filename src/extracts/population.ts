// population.csv — inhabitants by year, municipality, age, sex and education, for rates and
// per-capita figures (SPEC §2.6).

import {
  parseAge,
  parseEducation,
  parseMunicipality,
  parseNonNegativeInteger,
  parseSex,
  parseYear,
} from './fields.js';
import type { PopulationRow } from './records.js';
import { COMMON_ALIASES, defineColumns, type ExtractSchema } from './schema.js';

const COLUMNS = defineColumns([
  { name: 'year', required: true },
  { name: 'municipality_code', aliases: COMMON_ALIASES.municipality_code, required: true },
  { name: 'age', aliases: COMMON_ALIASES.age, required: true },
  { name: 'sex', aliases: COMMON_ALIASES.sex, required: true },
  { name: 'education', aliases: COMMON_ALIASES.education },
  { name: 'population', required: true },
]);
const C = COLUMNS.at;

export const populationSchema: ExtractSchema<PopulationRow> = {
  extract: 'population',
  fileName: 'population.csv',
  columns: COLUMNS.list,
  rowParser({ unique: keys }) {
    return (r) => {
      const year = r.required(C.year, parseYear);
      const municipality = r.required(C.municipality_code, parseMunicipality);
      const age = r.required(C.age, parseAge);
      const sex = r.required(C.sex, parseSex);
      const education = r.optional(C.education, parseEducation);
      const population = r.required(C.population, parseNonNegativeInteger);

      if (!r.rejected) {
        // Unique on (year, municipality_code, age, sex, education) after normalisation, so
        // "0751"/"751" and "K"/"F" meet; a missing education is a value of its own.
        const key = `${year}|${municipality}|${age}|${sex}|${education ?? ''}`;
        const first = keys.seenBefore(key, r.line);
        if (first !== undefined) {
          r.problem(
            'unique-error',
            null,
            null,
            `duplicate population cell: year ${year}, municipality ${municipality}, age ${age}, sex ${sex}, education ${education ?? '(missing)'} already on line ${first}; (year, municipality_code, age, sex, education) must be unique`,
          );
        }
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        year: year!,
        municipality: municipality!,
        age: age!,
        sex: sex!,
        education,
        population: population!,
      };
    };
  },
};
