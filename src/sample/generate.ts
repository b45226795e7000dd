// `triple-aim sample`: a consistent synthetic set of all seven extracts (SPEC §1.1, §2), for
// trying the tool and for the benchmark (SPEC §5). The same seed and scale always give
// byte-identical files: all randomness comes from the seeded generator in ./random.ts.
//
// Each extract is a generator of rows (pure: no files, no clock); this module only streams
// them to disk, one extract after the other, so memory stays flat at any scale. The passes
// run in order because later ones use what earlier ones found: referrals reuse the
// admission patients, and baselines.csv carries the 2015 count of prevention referrals.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StandardExtractName } from '../extracts/records.js';
import { ADMISSION_COLUMNS, admissionRows, type AdmissionStats } from './admissions.js';
import { CONTACT_COLUMNS, contactRows, type ContactStats } from './contacts.js';
import { CsvWriter } from './csv-writer.js';
import { LUP_COLUMNS, lupRows } from './lup.js';
import { BASELINE_COLUMNS, baselineRows, MEASUREMENT_COLUMNS, measurementRows } from './measurements.js';
import { POPULATION_COLUMNS, populationRows } from './population.js';
import { REFERRAL_COLUMNS, referralRows, type ReferralStats } from './referrals.js';
import { SMOKING_COLUMNS, smokingRows } from './smoking.js';

export interface SampleOptions {
  /** Any integer; default 1. */
  seed: number;
  /** Multiplies the row counts of the event extracts; default 1. */
  scale: number;
  /** Write the hospital data as LPR3 contacts.csv (SPEC §14.1) in place of admissions.csv:
   *  a --data folder may hold one of them, never both. Default false. */
  contacts?: boolean;
}

/**
 * Rows at scale 1. Scale 200 gives the benchmark's sizes (SPEC §5): 1,000,000 admissions,
 * 200,000 referrals, 100,000 smoking courses, 500,000 LUP answers; with --contacts
 * 1,000,000 contacts (≈ 400,000 stays, SPEC §16) in place of the admissions. Population, measurements
 * and baselines keep their rows; the population's numbers grow with the scale (the
 * inhabitants the admissions come from, ./population.ts).
 */
export const ROWS_AT_SCALE_1 = {
  admissions: 5000,
  contacts: 5000,
  referrals: 1000,
  smoking: 500,
  lup: 2500,
} as const;

export type ScaledExtract = keyof typeof ROWS_AT_SCALE_1;

export function rowTargets(scale: number): Record<ScaledExtract, number> {
  return {
    admissions: Math.round(ROWS_AT_SCALE_1.admissions * scale),
    contacts: Math.round(ROWS_AT_SCALE_1.contacts * scale),
    referrals: Math.round(ROWS_AT_SCALE_1.referrals * scale),
    smoking: Math.round(ROWS_AT_SCALE_1.smoking * scale),
    lup: Math.round(ROWS_AT_SCALE_1.lup * scale),
  };
}

/** Every header of the sample, by extract: the canonical column names of SPEC §2. */
export const SAMPLE_COLUMNS: Record<StandardExtractName, readonly string[]> = {
  admissions: ADMISSION_COLUMNS,
  contacts: CONTACT_COLUMNS,
  referrals: REFERRAL_COLUMNS,
  smoking: SMOKING_COLUMNS,
  lup: LUP_COLUMNS,
  population: POPULATION_COLUMNS,
  measurements: MEASUREMENT_COLUMNS,
  baselines: BASELINE_COLUMNS,
};

export interface SampleFile {
  extract: StandardExtractName;
  path: string;
  rows: number;
}

async function writeExtract(dir: string, extract: StandardExtractName, rows: Iterable<string[]>): Promise<SampleFile> {
  const path = join(dir, `${extract}.csv`);
  const writer = new CsvWriter(path, SAMPLE_COLUMNS[extract]);
  try {
    for (const row of rows) {
      const pending = writer.row(row);
      if (pending) await pending;
    }
    await writer.close();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return { extract, path, rows: writer.rows };
}

/** Writes admissions.csv (or contacts.csv) … baselines.csv into `dir` (created if needed). */
export async function writeSample(
  dir: string,
  options: SampleOptions,
  onFile: (file: SampleFile) => void = () => undefined,
): Promise<SampleFile[]> {
  const { seed, scale } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  await mkdir(dir, { recursive: true });
  const targets = rowTargets(scale);
  const files: SampleFile[] = [];
  const done = (file: SampleFile) => {
    files.push(file);
    onFile(file);
  };

  const admissions: AdmissionStats | ContactStats = { rows: 0, patients: 0 };
  if (options.contacts) done(await writeExtract(dir, 'contacts', contactRows(seed, targets.contacts, admissions)));
  else done(await writeExtract(dir, 'admissions', admissionRows(seed, targets.admissions, admissions)));
  const referrals: ReferralStats = { rows: 0, prevention2015: 0 };
  done(await writeExtract(dir, 'referrals', referralRows(seed, targets.referrals, admissions.patients, referrals)));
  done(await writeExtract(dir, 'smoking', smokingRows(seed, targets.smoking)));
  done(await writeExtract(dir, 'lup', lupRows(seed, targets.lup)));
  done(await writeExtract(dir, 'population', populationRows(seed, scale)));
  done(await writeExtract(dir, 'measurements', measurementRows()));
  done(await writeExtract(dir, 'baselines', baselineRows(referrals.prevention2015)));
  return files;
}
