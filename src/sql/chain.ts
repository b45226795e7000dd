// Chaining rows into units with window functions (SPEC §3.1 episodes, §14.2 stays): the rows
// of one partition (a patient, or a patient and sector), in (start, id) order, form a chain
// while each starts no later than 4 hours after the latest end so far (or overlaps it); a row
// without an end keeps the chain open for every later row. One unit per chain, with the
// columns of its first row, of its last-ending row (latest end; an open row latest; ties the
// later in (start, id)), and aggregates over all its rows. src/facts/stays.ts and
// src/calc/episodes.ts are the TypeScript reference; this writes the same rule as a plan.
//
// The order's tie-breaker is the `id` column: the TypeScript engine breaks ties of the start
// by file order, which a table does not have (README "sql": give ids in file order where
// starts tie). Ties matter only for which row is "first" or "last-ending" among rows starting
// (or ending) at the same instant: two such rows always land in the same unit.

import { TRANSFER_GAP_SECONDS } from '../calc/episodes.js';
import { SECONDS_PER_HOUR } from '../calc/time.js';
import { addHours, and, bin, col, eq, flag, isNull, NULL, ONE, when, ZERO, type Expr, type Named, type Order } from './plan.js';

export interface ChainSpec {
  /** The unit relation's name; the helper steps are named after it. */
  name: string;
  /** Why (comment of the unit step, citing the SPEC). */
  why: string;
  /** The rows to chain (already filtered). */
  from: string;
  /** Every column of `from` the chain passes on (besides partition, id, start and end). */
  partition: readonly string[];
  id: string;
  start: string;
  /** NULL: the row is ongoing (open). */
  end: string;
  /** Columns of the first row, kept under their names (the id becomes `unit_id`). */
  first: readonly string[];
  /** Columns of the last-ending row, as `last_<name>`. */
  last: readonly string[];
  /** MAX over the unit's rows, as `any_<name>` (flags). */
  any: readonly string[];
  /** SUM over the unit's rows, under their names (NULL when every row's is NULL). */
  sum: readonly string[];
  /** MAX over the unit's rows, under their names (the latest of timestamps). */
  latest: readonly string[];
}

/** The steps that chain `spec.from` into `spec.name`: one row per unit with the partition
 *  columns, `unit_id`, `admitted_at` (start), `discharged_at` (the latest end; NULL while
 *  open), `open` (1/0) and the columns the spec asks for. */
export function chainSteps(spec: ChainSpec): Named[] {
  const c = (n: string, from?: string) => col(n, from);
  const partition = spec.partition.map((n) => c(n));
  const order: Order[] = [{ e: c(spec.start) }, { e: c(spec.id) }];
  const open = flag(isNull(c(spec.end)));
  const rowColumns = [...new Set([...spec.partition, spec.id, spec.start, spec.end, ...spec.first, ...spec.last, ...spec.any, ...spec.sum, ...spec.latest])];
  const keep = (names: readonly string[], from?: string) => names.map((n) => [n, c(n, from)] as const);
  const gaps = `${spec.name}_gaps`;
  const starts = `${spec.name}_starts`;
  const chained = `${spec.name}_chained`;
  const ranked = `${spec.name}_ranked`;
  const unit = [...spec.partition.map((n) => c(n)), c('chain_no')];
  return [
    {
      name: gaps,
      why: 'The latest end of the rows before each row of its partition, in (start, id) order; whether one of them is open.',
      relation: {
        kind: 'select',
        from: { relation: spec.from, alias: 'r' },
        select: [
          ...keep(rowColumns),
          ['seq', { k: 'window', fn: 'ROW_NUMBER', arg: null, partition, order, frame: null }],
          ['end_before', { k: 'window', fn: 'MAX', arg: c(spec.end), partition, order, frame: 'before' }],
          ['open_before', { k: 'window', fn: 'MAX', arg: open, partition, order, frame: 'before' }],
        ],
      },
    },
    {
      name: starts,
      why: 'A row starts a new unit when it is its partition’s first, or starts more than 4 hours after the latest end so far and no earlier row is open (timestamp arithmetic: 4 h 00 joins).',
      relation: {
        kind: 'select',
        from: { relation: gaps, alias: 'g' },
        select: [
          ...keep(rowColumns),
          [
            'starts',
            when(
              [
                [eq(c('seq'), ONE), ONE],
                [eq(c('open_before'), ONE), ZERO],
                [bin(c(spec.start), '>', addHours(c('end_before'), TRANSFER_GAP_SECONDS / SECONDS_PER_HOUR)), ONE],
              ],
              ZERO,
            ),
          ],
        ],
      },
    },
    {
      name: chained,
      why: 'The unit number: the running count of starts in (start, id) order.',
      relation: {
        kind: 'select',
        from: { relation: starts, alias: 's' },
        select: [...keep(rowColumns), ['chain_no', { k: 'window', fn: 'SUM', arg: c('starts'), partition, order, frame: 'upToHere' }]],
      },
    },
    {
      name: ranked,
      why: 'Each unit’s first row, its last-ending row (an open one latest; ties the later in (start, id)), and its aggregates.',
      relation: {
        kind: 'select',
        from: { relation: chained, alias: 'h' },
        select: [
          ...keep([...rowColumns, 'chain_no']),
          ['first_rank', { k: 'window', fn: 'ROW_NUMBER', arg: null, partition: unit, order, frame: null }],
          [
            'last_rank',
            {
              k: 'window',
              fn: 'ROW_NUMBER',
              arg: null,
              partition: unit,
              order: [{ e: open, desc: true }, { e: c(spec.end), desc: true }, { e: c(spec.start), desc: true }, { e: c(spec.id), desc: true }],
              frame: null,
            },
          ],
          ['unit_open', { k: 'window', fn: 'MAX', arg: open, partition: unit, order: [], frame: 'partition' }],
          ['unit_end', { k: 'window', fn: 'MAX', arg: c(spec.end), partition: unit, order: [], frame: 'partition' }],
          ...spec.any.map((n) => [`any_${n}`, { k: 'window', fn: 'MAX', arg: c(n), partition: unit, order: [], frame: 'partition' }] as [string, Expr]),
          ...spec.sum.map((n) => [`sum_${n}`, { k: 'window', fn: 'SUM', arg: c(n), partition: unit, order: [], frame: 'partition' }] as [string, Expr]),
          ...spec.latest.map((n) => [`latest_${n}`, { k: 'window', fn: 'MAX', arg: c(n), partition: unit, order: [], frame: 'partition' }] as [string, Expr]),
        ],
      },
    },
    {
      name: spec.name,
      why: spec.why,
      relation: {
        kind: 'select',
        from: { relation: ranked, alias: 'f' },
        joins: [
          {
            kind: 'inner',
            relation: ranked,
            alias: 'l',
            on: and(...spec.partition.map((n) => eq(c(n, 'f'), c(n, 'l'))), eq(c('chain_no', 'f'), c('chain_no', 'l')), eq(c('last_rank', 'l'), ONE)),
          },
        ],
        select: [
          ...keep(spec.partition, 'f'),
          ['unit_id', c(spec.id, 'f')],
          ['admitted_at', c(spec.start, 'f')],
          ['discharged_at', when([[eq(c('unit_open', 'f'), ONE), NULL]], c('unit_end', 'f'))],
          ['open', c('unit_open', 'f')],
          ...keep(spec.first.filter((n) => !spec.partition.includes(n)), 'f'),
          ...spec.last.map((n) => [`last_${n}`, c(n, 'l')] as [string, Expr]),
          ...spec.any.map((n) => [`any_${n}`, c(`any_${n}`, 'f')] as [string, Expr]),
          ...spec.sum.map((n) => [n, c(`sum_${n}`, 'f')] as [string, Expr]),
          ...spec.latest.map((n) => [n, c(`latest_${n}`, 'f')] as [string, Expr]),
        ],
        where: eq(c('first_rank', 'f'), ONE),
      },
    },
  ];
}
