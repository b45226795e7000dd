// Direct age standardisation (SPEC §8.1): the European Standard Population 2013 and the
// directly standardised rate with Dobson's interval, as PHEindicatormethods computes it
// (R/DSR.R: dsr_inner and calculate_dsr, including its adjustment for non-independent events;
// Dobson et al., Stat Med 1991;10:457-62; Byar's limits from R/utils.R).

import { byarInterval, zOf, type ConfidenceLevel, type Interval } from '../calc/statistics.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';

/** One ESP2013 age band: ages `from` … `to` inclusive; `to` null for the open band 90+. */
export interface AgeBand {
  label: string;
  from: number;
  to: number | null;
}

/** The 19 bands of ESP2013 (SPEC §8.1): 0–4, 5–9, …, 85–89, 90+. */
export const ESP2013_BANDS: readonly AgeBand[] = Array.from({ length: 19 }, (_, i) =>
  i === 18 ? { label: '90+', from: 90, to: null } : { label: `${5 * i}-${5 * i + 4}`, from: 5 * i, to: 5 * i + 4 },
);

/** The ESP2013 weights of the 19 bands, in band order (SPEC §8.1; PHEindicatormethods `esp2013`). */
export const ESP2013_WEIGHTS: readonly number[] = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
];

/** The highest age an extract accepts (SPEC §2.1); the open band 90+ ends there. */
const MAX_AGE = 125;

/** The index (0 … 18) of the ESP2013 band of an age in whole years. */
export function esp2013BandOf(age: number): number {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age ${age} must be a whole number of years ≥ 0`);
  return Math.min(Math.floor(age / 5), 18);
}

/**
 * The bands an indicator's population filter keeps (SPEC §8.1: "an indicator's population
 * filter keeps only its bands"): every band with at least one age the filter accepts, e.g.
 * the six bands 65–69 … 90+ for `age >= 65`. Meant for filters that cut at band edges.
 */
export function esp2013BandsKeptBy(keepsAge: (age: number) => boolean): number[] {
  const kept: number[] = [];
  ESP2013_BANDS.forEach((band, index) => {
    for (let age = band.from; age <= (band.to ?? MAX_AGE); age++) {
      if (keepsAge(age)) {
        kept.push(index);
        return;
      }
    }
  });
  return kept;
}

/**
 * Weights from an observed population (`--standardize population:YYYY`, SPEC §8.1): the
 * inhabitants of each ESP2013 band, summed over the rows given (the caller passes every row
 * of year YYYY, whatever its municipality). Returns 19 weights in band order.
 */
export function populationWeights(rows: Iterable<{ age: number; population: number }>): number[] {
  const weights = new Array<number>(ESP2013_BANDS.length).fill(0);
  for (const row of rows) weights[esp2013BandOf(row.age)] += row.population;
  return weights;
}

/** Persons with exactly `events` events in a stratum (p_{f,s} with f = events, SPEC §8.1). */
export interface EventFrequency {
  events: number;
  persons: number;
}

/** One age stratum of one result: x_s, n_s and w_s of SPEC §8.1. */
export interface Stratum {
  /** The band's label, for notes ("90+"). */
  label?: string;
  /** w_s: the standard population of the band. */
  weight: number;
  /** x_s: the events of the stratum. */
  events: number;
  /** n_s: the inhabitants of the stratum in the group, period start year. */
  population: number;
  /**
   * For non-independent events, the persons by their number of events in this stratum
   * (Σ f·persons must equal `events`); v_s = Σ f²·persons. Omitted: independent events, v_s = x_s.
   */
  frequencies?: readonly EventFrequency[];
}

/** The frequency table of a stratum from each person's number of events there, e.g. [2, 1, 1]. */
export function frequenciesOf(eventsPerPerson: Iterable<number>): EventFrequency[] {
  const persons = new Map<number, number>();
  for (const f of eventsPerPerson) if (f > 0) persons.set(f, (persons.get(f) ?? 0) + 1);
  return [...persons].sort(([a], [b]) => a - b).map(([events, count]) => ({ events, persons: count }));
}

export interface StandardisedRate {
  /** DSR = R × multiplier; null when it cannot be given (see notes). */
  value: number | null;
  /** Dobson's interval at the requested level (95 % by default); null with the value. */
  interval: Interval | null;
  /** O = Σ x_s. */
  totalCount: number;
  /** Declared texts (SPEC §13.6). */
  notes: Said[];
}

export interface StandardisationOptions {
  /** Per how many people the rate is given: 1000 in this tool (SPEC §8.1), 100000 in PHE's default. */
  multiplier?: number;
  level?: ConfidenceLevel;
  /** How a count of events is written in a note (SPEC §13.7: `<5` for a small count); as is by default. */
  count?: (events: number) => string;
}

/** The note of SPEC §8.1 for a standardised rate withheld because O < 10. */
export const NOTE_TOTAL_COUNT_BELOW_10 = say(MESSAGES.standardizedTotalBelow10);

/**
 * The directly standardised rate of one result over the strata given (only the indicator's
 * bands; Σw is over those bands alone, SPEC §8.1):
 *   R = Σ w_s x_s / n_s ÷ Σ w_s,  DSR = R × multiplier;
 *   O = Σ x_s,  V = Σ w_s² v_s / n_s² ÷ (Σ w_s)²  (v_s = x_s, or Σ_f f² p_{f,s});
 *   limits = (R + √(V/O) × (B_O − O)) × multiplier with B_O Byar's limits for O
 * (PHEindicatormethods R/DSR.R dsr_inner; the non-independent variance is calculate_dsr's
 * `custom_vardsr` = Σ_f f² · vardsr_f). A stratum with n_s = 0 contributes 0 when x_s = 0
 * and makes the rate null when x_s > 0; the rate is null when O < 10 (PHE: "dsr NA for
 * total count < 10").
 */
export function directlyStandardisedRate(strata: readonly Stratum[], options: StandardisationOptions = {}): StandardisedRate {
  const multiplier = options.multiplier ?? 1000;
  const z = zOf(options.level ?? '95');
  const count = options.count ?? String;
  let totalWeight = 0;
  let weightedRate = 0;
  let weightedVariance = 0;
  let totalCount = 0;
  const notes: Said[] = [];
  for (const s of strata) {
    checkStratum(s);
    totalWeight += s.weight;
    totalCount += s.events;
    if (s.population === 0) {
      if (s.events > 0) {
        notes.push(say(MESSAGES.standardizedNoInhabitants, { events: count(s.events), band: s.label ?? '?' }));
      }
      continue;
    }
    const v = s.frequencies ? s.frequencies.reduce((sum, p) => sum + p.events * p.events * p.persons, 0) : s.events;
    weightedRate += (s.weight * s.events) / s.population;
    weightedVariance += (s.weight * s.weight * v) / (s.population * s.population);
  }
  const withheld = (): StandardisedRate => ({ value: null, interval: null, totalCount, notes });
  if (notes.length > 0) return withheld();
  if (totalCount < 10) {
    notes.push(NOTE_TOTAL_COUNT_BELOW_10);
    return withheld();
  }
  if (!(totalWeight > 0)) {
    notes.push(say(MESSAGES.standardizedNoWeights));
    return withheld();
  }
  const rate = weightedRate / totalWeight;
  const variance = weightedVariance / (totalWeight * totalWeight);
  const [byarLower, byarUpper] = byarInterval(totalCount, z);
  const scale = Math.sqrt(variance / totalCount);
  return {
    value: rate * multiplier,
    interval: [(rate + scale * (byarLower - totalCount)) * multiplier, (rate + scale * (byarUpper - totalCount)) * multiplier],
    totalCount,
    notes,
  };
}

function checkStratum(s: Stratum): void {
  const label = s.label ?? '?';
  if (!(s.weight >= 0)) throw new RangeError(`age band ${label}: weight ${s.weight} must be ≥ 0`);
  if (!(s.events >= 0)) throw new RangeError(`age band ${label}: events ${s.events} must be ≥ 0`);
  if (!(s.population >= 0)) throw new RangeError(`age band ${label}: population ${s.population} must be ≥ 0`);
  if (s.frequencies) {
    const events = s.frequencies.reduce((sum, p) => sum + p.events * p.persons, 0);
    if (events !== s.events) {
      throw new RangeError(`age band ${label}: the persons by number of events add up to ${events} events, not ${s.events}`);
    }
  }
}
