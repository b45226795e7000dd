// Turns the units an indicator reports (Tally.add / Tally.note) into sums per period and
// group. A unit is added to every requested period that contains its date, and to the total
// row plus the one combination group of the breakdown (SPEC §1.3: no per-dimension subtotals).

import type { DayNumber } from '../calc/time.js';
import { ageBand, clusterOf, type Dimension, type Group, UNKNOWN } from '../calc/groups.js';
import type { Period } from '../calc/periods.js';
import type { Tally, UnitAttributes } from '../indicators/types.js';

export interface Cell {
  group: Group;
  numerator: number;
  denominator: number;
  /** Units added (even with numerator 0): "the group has events". */
  units: number;
  notes: Map<string, number>;
}

/** cells[periodIndex] : groupKey → Cell; the total row has key "". */
export type CellsByPeriod = Map<string, Cell>[];

const KEY_SEPARATOR = '\u0001';

/** The value of one breakdown dimension for a unit (missing → `unknown`). */
export function dimensionValue(dim: Dimension, who: UnitAttributes): string {
  switch (dim) {
    case 'municipality':
      return who.municipality ?? UNKNOWN;
    case 'cluster':
      return clusterOf(who.municipality);
    case 'education':
      return who.education ?? UNKNOWN;
    case 'sex':
      return who.sex ?? UNKNOWN;
    case 'age_band':
      return ageBand(who.age);
    case 'patient_type':
      return who.patientType ?? UNKNOWN;
    case 'sender':
      return who.sender ?? UNKNOWN;
    case 'offer':
      return who.offer ?? UNKNOWN;
  }
}

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

/** A Tally that sums into cells; `periods` are the periods to compute, in any order. */
export class CellTally implements Tally {
  readonly cells: CellsByPeriod;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly first: DayNumber;
  private readonly last: DayNumber;

  constructor(
    periods: readonly Period[],
    private readonly dims: readonly Dimension[],
  ) {
    this.cells = periods.map(() => new Map());
    this.from = Int32Array.from(periods.map((p) => p.from));
    this.to = Int32Array.from(periods.map((p) => p.to));
    this.first = Math.min(...periods.map((p) => p.from));
    this.last = Math.max(...periods.map((p) => p.to));
  }

  private cellsFor(periodIndex: number, who: UnitAttributes | null): Cell[] {
    const map = this.cells[periodIndex];
    let total = map.get('');
    if (!total) {
      total = { group: {}, numerator: 0, denominator: 0, units: 0, notes: new Map() };
      map.set('', total);
    }
    if (this.dims.length === 0 || who === null) return [total];
    const { key, group } = groupOf(this.dims, who);
    // The key of a breakdown group never equals "" because it has ≥ 1 value.
    const k = KEY_SEPARATOR + key;
    let cell = map.get(k);
    if (!cell) {
      cell = { group, numerator: 0, denominator: 0, units: 0, notes: new Map() };
      map.set(k, cell);
    }
    return [total, cell];
  }

  add(day: DayNumber, who: UnitAttributes, numerator: number, denominator = 0): void {
    if (day < this.first || day > this.last) return;
    for (let i = 0; i < this.from.length; i++) {
      if (day < this.from[i] || day > this.to[i]) continue;
      for (const c of this.cellsFor(i, who)) {
        c.numerator += numerator;
        c.denominator += denominator;
        c.units += 1;
      }
    }
  }

  note(day: DayNumber, who: UnitAttributes, label: string): void {
    if (day < this.first || day > this.last) return;
    for (let i = 0; i < this.from.length; i++) {
      if (day < this.from[i] || day > this.to[i]) continue;
      for (const c of this.cellsFor(i, who)) c.notes.set(label, (c.notes.get(label) ?? 0) + 1);
    }
  }
}

/** Population sums per group for one year, grouped like the numerator. */
export function populationCells(
  rows: Iterable<{ municipality: string; age: number; sex: 'F' | 'M'; education: UnitAttributes['education']; population: number }>,
  dims: readonly Dimension[],
): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const bump = (k: string, group: Group, n: number) => {
    const c = out.get(k);
    if (c) c.numerator += n;
    else out.set(k, { group, numerator: n, denominator: 0, units: 1, notes: new Map() });
  };
  for (const r of rows) {
    bump('', {}, r.population);
    if (dims.length > 0) {
      const { key, group } = groupOf(dims, r);
      bump(KEY_SEPARATOR + key, group, r.population);
    }
  }
  return out;
}
