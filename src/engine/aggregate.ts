// Turns the units an indicator reports (Tally.add / Tally.note) into sums per period and
// group. A unit is added to every requested period that contains its date, and to the total
// row plus the one combination group of the breakdown (SPEC §1.3: no per-dimension subtotals).
//
// Two analyses need more than a cell's sums, and the tally keeps it only when asked:
// - equity (SPEC §8.2): each cell's units split by education (short/medium/long), so a gap
//   can be computed within every group and period;
// - direct standardisation (SPEC §8.1): each cell's events per ESP2013 age band, and per
//   person (the patient key) within the band, for the variance of non-independent events.
//
// Cost: monitor asks for 48 months at once, so a unit finds its periods through a day → period
// table when the periods do not overlap (months, quarters or years of one kind), instead of
// testing every period; overlapping periods (a year and its quarters) are tested one by one.

import type { Said } from '../domain/messages.js';
import { dimensionValue, UNKNOWN, type Dimension, type Group } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import type { DayNumber } from '../calc/time.js';
import { esp2013BandOf } from '../analysis/standardisation.js';
import type { Education } from '../domain/vocabulary.js';
import type { Tally, UnitAttributes } from '../indicators/types.js';

/** Sums of the units of one education level within a cell. */
export interface Sums {
  numerator: number;
  denominator: number;
  units: number;
}

/** Events of one ESP2013 age band within a cell, and per person (SPEC §8.1). */
export interface BandEvents {
  events: number;
  /** Patient key → events of that person in this band (units without a person are not kept). */
  persons: Map<number, number>;
}

export interface Cell extends Sums {
  group: Group;
  /** Counted notes by their declared label (SPEC §3.1, §13.6). */
  notes: Map<Said, number>;
  /** The latest follow-up end of the cell's units (SPEC §13.2, a `per_unit` follow-up);
   *  −Infinity when no unit gave one. */
  followUpEnd: number;
  /** With `byEducation`: the cell's units per education level (unknown left out). */
  education?: Map<Education, Sums>;
  /** With `strata`: events per ESP2013 band (index 0–18), created on first use. */
  strata?: (BandEvents | undefined)[];
}

/** cells[periodIndex] : groupKey → Cell; the total row has key "". */
export type CellsByPeriod = Map<string, Cell>[];

const KEY_SEPARATOR = '\u0001';

export function groupOf(dims: readonly Dimension[], who: UnitAttributes): { key: string; group: Group } {
  const group: Group = {};
  const values: string[] = [];
  for (const d of dims) {
    const v = dimensionValue(d, who);
    group[d] = v;
    values.push(v);
  }
  return { key: values.join(KEY_SEPARATOR), group };
}

/** What a tally keeps beyond each cell's sums, and which units it counts. */
export interface TallyOptions {
  /** Only units for which this holds are counted or noted (evaluate: the region, one arm). */
  unitFilter?: (who: UnitAttributes) => boolean;
  /** Keep each cell's units per education level (SPEC §8.2). */
  byEducation?: boolean;
  /** Keep each cell's events per ESP2013 band and person (SPEC §8.1). */
  strata?: boolean;
}

/** The key of a group's cell in `CellsByPeriod` ("" for the total row), as CellTally makes it. */
export function cellKey(dims: readonly Dimension[], group: Group): string {
  return Object.keys(group).length === 0 ? '' : KEY_SEPARATOR + dims.map((d) => group[d] ?? UNKNOWN).join(KEY_SEPARATOR);
}

export function newCell(group: Group, options: TallyOptions): Cell {
  const cell: Cell = { group, numerator: 0, denominator: 0, units: 0, notes: new Map(), followUpEnd: -Infinity };
  if (options.byEducation) cell.education = new Map();
  if (options.strata) cell.strata = [];
  return cell;
}

/** Which periods contain a day: a table for non-overlapping periods, else a scan. */
class PeriodLookup {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  readonly first: DayNumber;
  readonly last: DayNumber;
  /** day − first → period index, or −1; null when the periods overlap. */
  private readonly table: Int32Array | null;
  /** The indices found by the last `find`, `count` of them. */
  readonly found: Int32Array;
  count = 0;

  constructor(periods: readonly Period[]) {
    this.from = Int32Array.from(periods.map((p) => p.from));
    this.to = Int32Array.from(periods.map((p) => p.to));
    this.found = new Int32Array(periods.length);
    this.first = Math.min(...periods.map((p) => p.from));
    this.last = Math.max(...periods.map((p) => p.to));
    const order = periods.map((_, i) => i).sort((a, b) => this.from[a] - this.from[b]);
    const disjoint = order.every((p, k) => k === 0 || this.from[p] > this.to[order[k - 1]]);
    // A table of at most a few hundred thousand days (monitor's default range is capped at 30 years).
    if (disjoint && this.last - this.first < 1_000_000) {
      this.table = new Int32Array(this.last - this.first + 1).fill(-1);
      periods.forEach((p, i) => this.table!.fill(i, p.from - this.first, p.to - this.first + 1));
    } else this.table = null;
  }

  /** Finds the periods containing `day`: `found[0 … count)`; returns the count. */
  find(day: DayNumber): number {
    let n = 0;
    if (day >= this.first && day <= this.last) {
      if (this.table !== null) {
        const i = this.table[day - this.first];
        if (i >= 0) this.found[n++] = i;
      } else {
        for (let i = 0; i < this.from.length; i++) if (day >= this.from[i] && day <= this.to[i]) this.found[n++] = i;
      }
    }
    this.count = n;
    return n;
  }
}

/** One level of the group index per breakdown dimension: a unit's values lead to its group's
 *  key and cells without building the key string. */
interface GroupNode {
  readonly next: Map<string, GroupNode>;
  /** At the last level: the group's key (as in `cells`) and its cell per period. */
  key?: string;
  cells?: (Cell | undefined)[];
}

/** A Tally that sums into cells; `periods` are the periods to compute, in any order. */
export class CellTally implements Tally {
  readonly cells: CellsByPeriod;
  private readonly periods: PeriodLookup;
  /** The total row's cell of each period, once made. */
  private readonly totals: (Cell | undefined)[];
  private readonly groups: GroupNode = { next: new Map() };

  constructor(
    periods: readonly Period[],
    private readonly dims: readonly Dimension[],
    private readonly options: TallyOptions = {},
  ) {
    this.cells = periods.map(() => new Map());
    this.totals = periods.map(() => undefined);
    this.periods = new PeriodLookup(periods);
  }

  /** The total row's cell of a period. */
  private totalCell(periodIndex: number): Cell {
    let total = this.totals[periodIndex];
    if (!total) {
      total = newCell({}, this.options);
      this.cells[periodIndex].set('', total);
      this.totals[periodIndex] = total;
    }
    return total;
  }

  /** The unit's group cell of a period (with a breakdown). Monitor adds millions of units to
   *  48 months × 19 municipalities: the values (constant strings) are looked up level by
   *  level, so no key string is built and hashed per unit. */
  private groupCell(periodIndex: number, who: UnitAttributes): Cell {
    let node = this.groups;
    for (let d = 0; d < this.dims.length; d++) {
      const v = dimensionValue(this.dims[d], who);
      let next = node.next.get(v);
      if (!next) {
        next = { next: new Map() };
        node.next.set(v, next);
      }
      node = next;
    }
    const cells = (node.cells ??= this.cells.map(() => undefined));
    let cell = cells[periodIndex];
    if (!cell) {
      const { key, group } = groupOf(this.dims, who);
      // The key of a breakdown group never equals "" because it starts with the separator.
      node.key ??= KEY_SEPARATOR + key;
      cell = newCell(group, this.options);
      this.cells[periodIndex].set(node.key, cell);
      cells[periodIndex] = cell;
    }
    return cell;
  }

  add(day: DayNumber, who: UnitAttributes, numerator: number, denominator = 0, followUpEnd = -Infinity): void {
    const n = this.periods.find(day);
    if (n === 0) return;
    if (this.options.unitFilter && !this.options.unitFilter(who)) return;
    const found = this.periods.found;
    for (let k = 0; k < n; k++) {
      const p = found[k];
      this.addTo(this.totalCell(p), who, numerator, denominator, followUpEnd);
      if (this.dims.length > 0) this.addTo(this.groupCell(p, who), who, numerator, denominator, followUpEnd);
    }
  }

  private addTo(c: Cell, who: UnitAttributes, numerator: number, denominator: number, followUpEnd: number): void {
    c.numerator += numerator;
    c.denominator += denominator;
    c.units += 1;
    if (followUpEnd > c.followUpEnd) c.followUpEnd = followUpEnd;
    if (c.education && who.education !== null) addSums(c.education, who.education, numerator, denominator);
    if (c.strata && who.age !== null) addStratum(c.strata, who, numerator);
  }

  note(day: DayNumber, who: UnitAttributes, label: Said): void {
    const n = this.periods.find(day);
    if (n === 0) return;
    if (this.options.unitFilter && !this.options.unitFilter(who)) return;
    const found = this.periods.found;
    for (let k = 0; k < n; k++) {
      const p = found[k];
      const total = this.totalCell(p);
      total.notes.set(label, (total.notes.get(label) ?? 0) + 1);
      if (this.dims.length > 0) {
        const cell = this.groupCell(p, who);
        cell.notes.set(label, (cell.notes.get(label) ?? 0) + 1);
      }
    }
  }
}

function addSums(map: Map<Education, Sums>, education: Education, numerator: number, denominator: number): void {
  const s = map.get(education);
  if (s) {
    s.numerator += numerator;
    s.denominator += denominator;
    s.units += 1;
  } else map.set(education, { numerator, denominator, units: 1 });
}

function addStratum(strata: (BandEvents | undefined)[], who: UnitAttributes, events: number): void {
  const band = esp2013BandOf(who.age!);
  const s = (strata[band] ??= { events: 0, persons: new Map() });
  s.events += events;
  if (who.patient !== undefined && events > 0) s.persons.set(who.patient, (s.persons.get(who.patient) ?? 0) + events);
}

/** A population row as the denominators read it (SPEC §2.6). */
export interface Inhabitants {
  municipality: string;
  age: number;
  sex: 'F' | 'M';
  education: Education | null;
  population: number;
}

/**
 * Population sums per group for one year, grouped like the numerator: the cell's `numerator`
 * is its inhabitants; with `byEducation` also per education level, with `strata` per ESP2013
 * band (`strata[band].events` holds the inhabitants of the band).
 */
export function populationCells(rows: Iterable<Inhabitants>, dims: readonly Dimension[], options: TallyOptions = {}): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const bump = (k: string, group: Group, r: Inhabitants) => {
    let c = out.get(k);
    if (!c) {
      c = newCell(group, options);
      c.units = 1;
      out.set(k, c);
    }
    c.numerator += r.population;
    if (c.education && r.education !== null) addSums(c.education, r.education, r.population, 0);
    if (c.strata) {
      const band = esp2013BandOf(r.age);
      (c.strata[band] ??= { events: 0, persons: new Map() }).events += r.population;
    }
  };
  for (const r of rows) {
    const who: UnitAttributes = r;
    if (options.unitFilter && !options.unitFilter(who)) continue;
    bump('', {}, r);
    if (dims.length > 0) {
      const { key, group } = groupOf(dims, who);
      bump(KEY_SEPARATOR + key, group, r);
    }
  }
  return out;
}
