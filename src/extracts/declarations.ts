// The declaration of every extract (SPEC §2.2–§2.7): its standard file name, columns with
// aliases, row parser and event dates, one file per extract.

import { admissionsSchema } from './admissions.js';
import { contactsSchema } from './contacts.js';
import { annotationsSchema } from './annotations.js';
import { baselinesSchema } from './baselines.js';
import { lupSchema } from './lup.js';
import { measurementsSchema } from './measurements.js';
import { populationSchema } from './population.js';
import type { ExtractName, RecordsByExtract } from './records.js';
import { referralsSchema } from './referrals.js';
import type { ExtractSchema } from './schema.js';
import { smokingSchema } from './smoking.js';

export const SCHEMAS: { readonly [K in ExtractName]: ExtractSchema<RecordsByExtract[K]> } = {
  admissions: admissionsSchema,
  contacts: contactsSchema,
  referrals: referralsSchema,
  smoking: smokingSchema,
  lup: lupSchema,
  population: populationSchema,
  measurements: measurementsSchema,
  baselines: baselinesSchema,
  annotations: annotationsSchema,
};

/** The standard file name of an extract in a --data folder ("admissions.csv"). */
export function extractFileName(extract: ExtractName): string {
  return SCHEMAS[extract].fileName;
}
