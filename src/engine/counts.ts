// `--counts` (SPEC §15): cells counted elsewhere — by the script of `triple-aim sql`, in the
// database where the data live — given to the engine instead of the extracts. They enter at
// the seam where a count's tally becomes results (src/engine/run.ts, countingDrafts): the cells
// are the ones CellTally (aggregate.ts) would have built, so every later step (values,
// intervals, baselines, status, suppression, standardisation, equity, comparison) is the same
// code on the same numbers. Pure.

import type { Dimension } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import type { DayNumber } from '../calc/time.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import { extractFileName } from '../extracts/declarations.js';
import type { CountsFile } from '../extracts/counts.js';
import type { ExtractName, LoadedData } from '../extracts/records.js';
import type { CountingIndicator, DeclaredReason } from '../indicators/types.js';
import { cellKey, newCell, type Cell, type CellsByPeriod, type TallyOptions } from './aggregate.js';

export interface GivenCounts {
  /** Why the indicator cannot be computed from the counts (null: it can). */
  missing(indicator: CountingIndicator, data: LoadedData): DeclaredReason | null;
  /** The data end of an extract (SPEC §13.2): --data-end, else what the script returned. */
  dataEnd(source: ExtractName, override: DayNumber | undefined): DayNumber | null;
  /** Puts the indicator's cells of the periods into `cells` (as CellTally keeps them). */
  fill(indicator: string, periods: readonly Period[], dims: readonly Dimension[], options: TallyOptions, cells: CellsByPeriod): void;
}

export function givenCounts(file: CountsFile, name: string): GivenCounts {
  const indicators = new Set(file.rows.map((r) => r.indicator));
  return {
    missing(indicator, data) {
      if (indicator.sources.includes('population') && !data.population) {
        return { code: 'source-not-loaded', message: say(MESSAGES.sourceNotLoaded, { files: extractFileName('population') }) };
      }
      if (!indicators.has(indicator.id)) return { code: 'source-not-loaded', message: say(MESSAGES.notInCounts, { file: name }) };
      return null;
    },
    dataEnd(source, override) {
      return override ?? file.dataEnd.get(source as never) ?? null;
    },
    fill(indicator, periods, dims, options, cells) {
      const periodIndex = new Map(periods.map((p, i) => [p.id, i]));
      // Persons of a band are only counted by their number of events (Dobson's variance reads
      // the frequencies); each gets a key of its own.
      let person = 0;
      for (const row of file.rows) {
        if (row.indicator !== indicator) continue;
        const p = periodIndex.get(row.period);
        if (p === undefined) continue;
        // A row of a breakdown the run does not make — LUP's patient_type rows in a pooled run
        // (SPEC §3.2; report, evaluate) — is not one of its cells: its numbers must not land
        // in the total's cell.
        if (!Object.keys(row.group).every((d) => dims.includes(d as Dimension))) continue;
        const key = cellKey(dims, row.group);
        let cell: Cell | undefined = cells[p].get(key);
        if (!cell) {
          cell = newCell(row.group, options);
          cells[p].set(key, cell);
        }
        const c = row.cell;
        switch (c.kind) {
          case 'result':
            cell.numerator = row.numerator;
            cell.denominator = row.denominator;
            cell.units = row.units;
            break;
          case 'note':
            // The reader checked that every parameter of the message is given.
            cell.notes.set((say as (m: unknown, p: Record<string, string>) => Said)(MESSAGES[c.key], c.params), row.numerator);
            break;
          case 'followUpEnd':
            cell.followUpEnd = c.day;
            break;
          case 'education':
            cell.education?.set(c.level, { numerator: row.numerator, denominator: row.denominator, units: row.units });
            break;
          case 'band':
            if (cell.strata) (cell.strata[c.band] ??= { events: 0, persons: new Map() }).events = row.numerator;
            break;
          case 'persons':
            if (cell.strata) {
              const band = (cell.strata[c.band] ??= { events: 0, persons: new Map() });
              for (let k = 0; k < row.numerator; k++) band.persons.set(person++, c.events);
            }
            break;
        }
      }
    },
  };
}
