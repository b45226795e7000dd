// `--counts` (SPEC §15): cells counted elsewhere — by the script of `triple-aim sql`, in the
// database where the data live — given to the engine instead of the extracts. They enter at
// the seam where a count's tally becomes results (src/engine/run.ts, countingDrafts): the cells
// are the ones CellTally (aggregate.ts) would have built, so every later step (values,
// intervals, baselines, status, suppression, standardisation, equity, comparison) is the same
// code on the same numbers. Pure.
//
// A run may ask for cells the file holds only in parts (report's clusters from its
// municipalities, evaluate's arm windows from the months of its groups, SPEC §9, §10). They
// are summed from the file's cells, which is exact because CellTally is additive: every
// `Tally.add` and `Tally.note` is one unit on one day, so it falls in exactly one month of a
// window and in exactly one group of a breakdown (a missing value is the group `unknown`), and
// a cell holds sums (numerator, denominator, units, notes, education cells, events per
// ESP2013 band) and a maximum (the follow-up end). The one thing not additive is the persons
// of an ESP2013 band by their number of events (Dobson's variance, SPEC §8.1): a person with
// events in two groups or two months is one person with their sum of events in the whole, two
// persons in the parts. A run that standardises therefore takes its cells as the file has
// them or not at all (`lacks` says so before the run).

import { clusterOf, UNKNOWN, type Dimension, type Group } from '../calc/groups.js';
import { parsePeriodArgument, type Period } from '../calc/periods.js';
import type { DayNumber } from '../calc/time.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import { extractFileName } from '../extracts/declarations.js';
import type { CountsFile, CountsRow } from '../extracts/counts.js';
import type { ExtractInfo, ExtractName, LoadedData } from '../extracts/records.js';
import { DEFAULT_PROFILE, findProfile } from '../indicators/profiles.js';
import type { CountingIndicator, DeclaredReason } from '../indicators/types.js';
import { cellKey, newCell, type Cell, type CellsByPeriod, type TallyOptions } from './aggregate.js';

/** A test of a group's dimension values: evaluate's arm (SPEC §9) over the cells of counts,
 *  as `unitFilter` is over units. `reads` names the dimensions it needs. */
export interface GroupFilter {
  reads: readonly Dimension[];
  test: (value: (dimension: Dimension) => string) => boolean;
}

/** What a run asks of the counts (SPEC §15): its periods, its breakdown, evaluate's arm, and
 *  whether it keeps ESP2013 persons (standardisation). */
export interface CountsRequest {
  periods: readonly Period[];
  by: readonly Dimension[];
  filter?: GroupFilter;
  strata?: boolean;
  /** The run pools over the dimensions an indicator always breaks down by (RunOptions.pooled). */
  pooled?: boolean;
}

export interface GivenCounts {
  /** Whether these counts hold the indicator's cells (--counts: every indicator, a missing one
   *  is reported not computed; --engine duckdb: those compiled to SQL, the others are counted
   *  by the TypeScript engine in the same run). */
  covers(indicator: string): boolean;
  /** Why the indicator cannot be computed from the counts (null: it can). */
  missing(indicator: CountingIndicator, data: LoadedData): DeclaredReason | null;
  /** The data end of an extract (SPEC §13.2): --data-end, else what the script returned. From
   *  contacts.csv the admissions are its stays (SPEC §14.2): contacts' data end is theirs. */
  dataEnd(source: ExtractName, override: DayNumber | undefined): DayNumber | null;
  /** The extract that was counted for a source (contacts for the admissions of contacts.csv). */
  countedExtract(source: ExtractName): ExtractName;
  /** The counted extracts' first and last event dates (SPEC §1.3) as the loader's infos give
   *  them, for the data range of report and evaluate (src/engine/data-range.ts); null when the
   *  file does not have them for every extract it counted (an older script's file). */
  eventDays(): { extract: ExtractName; eventDays: { first: DayNumber; last: DayNumber } | null }[] | null;
  /** Why the file cannot give a run's cells exactly (English, for a usage error), or null. */
  lacks(request: CountsRequest): string | null;
  /** Puts the indicator's cells of the periods into `cells` (as CellTally keeps them), only
   *  the groups `filter` takes when given. */
  fill(indicator: string, periods: readonly Period[], dims: readonly Dimension[], options: TallyOptions, cells: CellsByPeriod, filter?: GroupFilter): void;
}

/** The dimensions a breakdown `by` gives values of: its own, and the cluster of a municipality. */
export function derivable(by: readonly Dimension[]): Set<Dimension> {
  const out = new Set(by);
  if (out.has('municipality')) out.add('cluster');
  return out;
}

/** A dimension's value in a group of the file: its own, or (cluster) its municipality's
 *  cluster, as dimensionValue (src/calc/groups.ts) gives it for a unit; undefined if neither. */
function valueIn(group: Group, dim: Dimension): string | undefined {
  const own = group[dim];
  if (own !== undefined) return own;
  if (dim === 'cluster' && group.municipality !== undefined) return clusterOf(group.municipality === UNKNOWN ? null : group.municipality);
  return undefined;
}

/** Periods as `triple-aim sql --period` writes them: each run of consecutive periods of one
 *  kind as a range A..B (years, then quarters, months, windows). */
export function periodRanges(periods: readonly Period[]): string[] {
  const order = ['year', 'quarter', 'month', 'window'];
  const sorted = [...periods].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.from - b.from);
  const out: string[] = [];
  let start: Period | null = null;
  let last: Period | null = null;
  const flush = () => {
    if (start && last) out.push(start.id === last.id ? start.id : `${start.id}..${last.id}`);
  };
  for (const p of sorted) {
    if (last && p.kind === last.kind && p.kind !== 'window' && p.from === last.to + 1) {
      last = p;
      continue;
    }
    flush();
    start = last = p;
  }
  flush();
  return out;
}

const sameDimensions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((d) => b.includes(d));

export function givenCounts(file: CountsFile, name: string): GivenCounts {
  const indicators = new Set(file.rows.map((r) => r.indicator));
  const filePeriods = file.periods.map((id) => parsePeriodArgument(id)[0]);
  // Rows by indicator, then period: a run reads each indicator's rows once per period.
  const rowsOf = new Map<string, Map<string, CountsRow[]>>();
  for (const row of file.rows) {
    let periods = rowsOf.get(row.indicator);
    if (!periods) rowsOf.set(row.indicator, (periods = new Map()));
    const list = periods.get(row.period);
    if (list) list.push(row);
    else periods.set(row.period, [row]);
  }
  // An indicator's group rows name the file's dimensions that the indicator carries (the
  // reader checked): its finest level.
  // The definitions of the profile the script counted (its split indicators are in no other).
  const catalogue = (findProfile(file.profile ?? DEFAULT_PROFILE.id) ?? DEFAULT_PROFILE).catalogue;
  const finest = new Map<string, Dimension[]>();
  for (const id of indicators) {
    const definition = catalogue.find((i) => i.id === id);
    finest.set(id, definition?.kind === 'counting' ? file.by.filter((d) => definition.dimensions.includes(d)) : []);
  }

  /** The file's periods that make up `p` exactly, longest first (calendar periods nest, so the
   *  longest that fits never blocks a tiling); null when they do not. */
  const tiles = (p: Period): Period[] | null => {
    const out: Period[] = [];
    let day = p.from;
    while (day <= p.to) {
      let best: Period | undefined;
      for (const f of filePeriods) if (f.from === day && f.to <= p.to && (!best || f.to > best.to)) best = f;
      if (!best) return null;
      out.push(best);
      day = best.to + 1;
    }
    return out;
  };

  return {
    covers: () => true,
    missing(indicator, data) {
      if (indicator.sources.includes('population') && !data.population) {
        return { code: 'source-not-loaded', message: say(MESSAGES.sourceNotLoaded, { files: extractFileName('population') }) };
      }
      if (!indicators.has(indicator.id)) return { code: 'source-not-loaded', message: say(MESSAGES.notInCounts, { file: name }) };
      return null;
    },
    dataEnd(source, override) {
      return override ?? file.dataEnd.get(this.countedExtract(source) as never) ?? null;
    },
    countedExtract(source) {
      return source === 'admissions' && !file.dataEnd.has('admissions') && file.dataEnd.has('contacts') ? 'contacts' : source;
    },
    eventDays() {
      const out: { extract: ExtractName; eventDays: { first: DayNumber; last: DayNumber } | null }[] = [];
      for (const extract of file.dataEnd.keys()) {
        const range = file.eventDays.get(extract);
        // A table with a data end has events: without their range the file is an older script's.
        if (range?.first === undefined || range.last === undefined) return null;
        out.push({ extract, eventDays: { first: range.first, last: range.last } });
      }
      return out;
    },
    lacks({ periods, by, filter, strata, pooled }) {
      const absent = periods.filter((p) => tiles(p) === null);
      if (absent.length > 0) {
        return `it has no counts for ${periodRanges(absent).join(', ')}, nor the periods that make ${absent.length === 1 ? 'it' : 'them'} up (it has ${periodRanges(filePeriods).join(', ') || 'none'})`;
      }
      const have = derivable(file.by);
      const wanted = [...new Set([...by, ...(filter?.reads ?? [])])];
      const without = wanted.filter((d) => !have.has(d));
      if (without.length > 0) return `it is not broken down by ${without.join(', ')} (its breakdown: ${file.by.join(', ') || 'none'})`;
      // Per indicator, the cells a run makes of it (src/engine/run.ts: the breakdown it carries,
      // and the one it always has unless pooled, LUP's patient type) from the ones it has.
      for (const id of indicators) {
        const definition = catalogue.find((i) => i.id === id);
        // An indicator without an arm's dimensions is not evaluated (SPEC §9): nothing to check.
        if (definition?.kind !== 'counting' || filter?.reads.some((d) => !definition.dimensions.includes(d))) continue;
        const own = derivable(finest.get(id)!);
        const needs = [...by.filter((d) => definition.dimensions.includes(d)), ...(pooled ? [] : (definition.alwaysBy ?? [])), ...(filter?.reads ?? [])];
        const missing = [...new Set(needs.filter((d) => !own.has(d)))];
        if (missing.length > 0) return `it has no cells of ${id} by ${missing.join(', ')}`;
      }
      if (strata) {
        // Persons per band are not additive (see the head of this file): the cells as counted.
        if (by.length > 0 && !sameDimensions(by, file.by)) {
          return `standardisation reads each cell's persons per age band, which do not add up across groups: it needs the breakdown ${by.join(', ')} itself (the file's: ${file.by.join(', ') || 'none'})`;
        }
        const split = periods.filter((p) => tiles(p)!.length > 1);
        if (split.length > 0) {
          return `standardisation reads each cell's persons per age band, which do not add up across periods: it needs ${split.map((p) => p.id).join(', ')} as counted, not ${tiles(split[0])!.map((t) => t.id).join(', ')}`;
        }
      }
      return null;
    },
    fill(indicator, periods, dims, options, cells, filter) {
      const byPeriod = rowsOf.get(indicator);
      if (!byPeriod) return;
      // As CellTally: each period's total row, and the groups of the breakdown. The total row
      // is the file's own (summed over the periods that make up the one asked for) unless a
      // filter picks groups; the groups are the file's own when they are its breakdown, else
      // its finest cells summed into them.
      const level = finest.get(indicator) ?? [];
      const own = !filter && sameDimensions(dims, level);
      const needed = [...dims, ...(filter?.reads ?? [])];
      if (needed.some((d) => !level.includes(d) && !(d === 'cluster' && level.includes('municipality')))) {
        throw new Error(`counts of ${indicator}: no cells by ${needed.join(', ')} in ${name} (breakdown ${level.join(', ') || 'none'})`);
      }
      periods.forEach((p, i) => {
        const parts = tiles(p);
        if (parts === null) throw new Error(`counts of ${indicator}: ${name} has no periods that make up ${p.id}`);
        if (options.strata && (parts.length > 1 || filter || (dims.length > 0 && !own))) {
          throw new Error(`counts of ${indicator}: persons per band do not add up across periods or groups`);
        }
        // Persons of a band are only counted by their number of events (Dobson's variance reads
        // the frequencies); each gets a key of its own.
        let person = 0;
        const cellOf = (group: Group): Cell => {
          const key = cellKey(dims, group);
          let cell = cells[i].get(key);
          if (!cell) {
            cell = newCell(group, options);
            cells[i].set(key, cell);
          }
          return cell;
        };
        for (const part of parts) {
          for (const row of byPeriod.get(part.id) ?? []) {
            const total = Object.keys(row.group).length === 0;
            const targets: Cell[] = [];
            if (total) {
              if (!filter) targets.push(cellOf({}));
            } else {
              const value = (d: Dimension) => valueIn(row.group, d)!;
              if (filter && !filter.test(value)) continue;
              if (filter) targets.push(cellOf({}));
              if (dims.length > 0) {
                const group: Group = {};
                for (const d of dims) group[d] = value(d);
                targets.push(cellOf(group));
              }
            }
            for (const cell of targets) addRow(cell, row);
          }
        }
        function addRow(cell: Cell, row: CountsRow): void {
          const c = row.cell;
          switch (c.kind) {
            case 'result':
              cell.numerator += row.numerator;
              cell.denominator += row.denominator;
              cell.units += row.units;
              break;
            case 'note': {
              // The reader checked that every parameter of the message is given.
              const label = (say as (m: unknown, p: Record<string, string>) => Said)(MESSAGES[c.key], c.params);
              cell.notes.set(label, (cell.notes.get(label) ?? 0) + row.numerator);
              break;
            }
            case 'followUpEnd':
              if (c.day > cell.followUpEnd) cell.followUpEnd = c.day;
              break;
            case 'education':
              if (cell.education) {
                const s = cell.education.get(c.level);
                if (s) {
                  s.numerator += row.numerator;
                  s.denominator += row.denominator;
                  s.units += row.units;
                } else cell.education.set(c.level, { numerator: row.numerator, denominator: row.denominator, units: row.units });
              }
              break;
            case 'band':
              if (cell.strata) (cell.strata[c.band] ??= { events: 0, persons: new Map() }).events += row.numerator;
              break;
            case 'persons':
              if (cell.strata) {
                const band = (cell.strata[c.band] ??= { events: 0, persons: new Map() });
                for (let k = 0; k < row.numerator; k++) band.persons.set(person++, c.events);
              }
              break;
          }
        }
      });
    },
  };
}

/**
 * The counts of `--engine duckdb` (SPEC §15): the script's result set over the extracts DuckDB
 * read (`infos`), for the `covered` indicators. An indicator is missing only for the reasons
 * the TypeScript engine gives (population not loaded, a column the extract lacks), not for
 * having no rows: the script returns no row where there is nothing to count.
 */
export function engineCounts(file: CountsFile, infos: readonly ExtractInfo[], covered: ReadonlySet<string>): GivenCounts {
  const given = givenCounts(file, 'DuckDB');
  return {
    ...given,
    covers: (indicator) => covered.has(indicator),
    missing(indicator, data) {
      if (indicator.sources.includes('population') && !data.population) {
        return { code: 'source-not-loaded', message: say(MESSAGES.sourceNotLoaded, { files: extractFileName('population') }) };
      }
      // What the indicator reads of the extract is its header (ExtractInfo.columns): the
      // declared check sees DuckDB's extract as it would see the loaded one.
      // From contacts.csv the admissions are its stays (SPEC §14.2), read under that file's
      // name, as the TypeScript reader gives them (data.admissions.info is contacts').
      const read: Record<string, { info: ExtractInfo }> = Object.fromEntries(infos.map((info) => [info.extract, { info }]));
      if (read.contacts && !read.admissions) read.admissions = read.contacts;
      return indicator.unavailable?.({ ...data, ...read } as LoadedData) ?? null;
    },
  };
}
