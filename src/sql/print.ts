// Prints a plan (src/sql/plan.ts) in one dialect (src/sql/dialects). The walk over the nodes is
// shared; every piece of syntax that differs between engines — quoting, types, literals, time
// arithmetic, VALUES, substrings — is asked of the dialect, which writes it from the node
// itself (SPEC §15: generated from the plan, not translated from another dialect's text).

import { formatDay } from '../calc/time.js';
import type { Expr, FromItem, Literal, Named, Plan, Relation, SqlType } from './plan.js';

export const DIALECTS = ['duckdb', 'postgres', 'spark', 'tsql'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier. */
  quote(id: string): string;
  type(t: SqlType): string;
  /** A DATE literal of YYYY-MM-DD. */
  date(iso: string): string;
  /** A timestamp `hours` later, as timestamp arithmetic (never day-truncating). */
  addHours(ts: string, hours: number): string;
  /** A date `days` later. */
  addDays(date: string, days: number): string;
  /** Whole days from one date to another. */
  daysBetween(from: string, to: string): string;
  /** Midnight of a timestamp's date, as a timestamp. */
  dayStart(ts: string): string;
  /** Text from character `start` (1-based) to the end. */
  rest(text: string, start: number): string;
  /** The FROM item of generated rows with their column names. */
  values(rows: readonly string[], alias: string, columns: readonly string[]): string;
  /** Comment lines at the top of the script (e.g. how to run it). */
  readonly preamble: readonly string[];
  /** Writes `AS MATERIALIZED` on a step read more than once, so the engine computes it once
   *  (DuckDB inlines a CTE at every reference unless told; PostgreSQL ≥ 12 also accepts it). */
  readonly materialize: boolean;
}

export function printPlan(plan: Plan, d: Dialect): string {
  const p = new Printer(plan, d);
  return p.script();
}

/** How many times each step is read (FROM or JOIN) by the plan's steps and its result. */
function readCounts(plan: Plan): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const walk = (r: Relation): void => {
    if (r.kind === 'select') {
      bump(r.from.relation);
      for (const j of r.joins ?? []) bump(j.relation);
    } else if (r.kind === 'unionAll') r.parts.forEach(walk);
  };
  for (const step of plan.steps) walk(step.relation);
  bump(plan.result.relation);
  return counts;
}

class Printer {
  constructor(
    private readonly plan: Plan,
    private readonly d: Dialect,
  ) {}

  script(): string {
    const lines: string[] = [];
    for (const h of [...this.plan.header, ...this.d.preamble]) lines.push(`-- ${h}`);
    lines.push('WITH');
    const reads = readCounts(this.plan);
    this.plan.steps.forEach((step, i) => {
      lines.push(...this.step(step, i === this.plan.steps.length - 1, this.d.materialize && (reads.get(step.name) ?? 0) > 1));
    });
    const { relation, columns, orderBy } = this.plan.result;
    lines.push(`SELECT ${columns.map((c) => this.d.quote(c)).join(', ')}`);
    lines.push(`FROM ${this.d.quote(relation)}`);
    lines.push(`ORDER BY ${orderBy.map((c) => this.d.quote(c)).join(', ')};`);
    return lines.join('\n') + '\n';
  }

  private step(step: Named, last: boolean, materialized: boolean): string[] {
    const out = [`-- ${step.why}`, `${this.d.quote(step.name)} AS ${materialized ? 'MATERIALIZED ' : ''}(`];
    out.push(...this.relation(step.relation).map((l) => '  ' + l));
    out.push(last ? ')' : '),');
    return out;
  }

  private relation(r: Relation): string[] {
    const d = this.d;
    switch (r.kind) {
      case 'source': {
        const table = this.plan.tables[r.extract] ?? r.extract;
        return [
          'SELECT',
          ...r.columns.map((c, i) => `  ${c.read.k === 'cast' && c.read.type === c.type ? this.expr(c.read) : this.castTo(this.expr(c.read), c.type)} AS ${d.quote(c.name)}${i + 1 < r.columns.length ? ',' : ''}`),
          `FROM ${table}`,
          ...(r.where ? [`WHERE ${this.expr(r.where)}`] : []),
        ];
      }
      case 'values': {
        const rows = r.rows.map((row) => `(${row.map((v) => this.literal(v)).join(', ')})`);
        const names = r.columns.map((c) => c.name);
        return [
          `SELECT ${r.columns.map((c) => `${this.castTo(`${d.quote('v')}.${d.quote(c.name)}`, c.type)} AS ${d.quote(c.name)}`).join(', ')}`,
          `FROM ${d.values(rows, 'v', names)}`,
        ];
      }
      case 'select': {
        const out = [`SELECT${r.distinct ? ' DISTINCT' : ''}`];
        r.select.forEach(([name, e], i) => out.push(`  ${this.expr(e)} AS ${d.quote(name)}${i + 1 < r.select.length ? ',' : ''}`));
        out.push(`FROM ${this.from(r.from)}`);
        for (const j of r.joins ?? []) out.push(`${j.kind === 'left' ? 'LEFT JOIN' : 'JOIN'} ${this.from(j)} ON ${this.expr(j.on)}`);
        if (r.where) out.push(`WHERE ${this.expr(r.where)}`);
        if (r.groupBy && r.groupBy.length > 0) out.push(`GROUP BY ${r.groupBy.map((e) => this.expr(e)).join(', ')}`);
        if (r.having) out.push(`HAVING ${this.expr(r.having)}`);
        return out;
      }
      case 'unionAll':
        return r.parts.flatMap((part, i) => (i === 0 ? this.relation(part) : ['UNION ALL', ...this.relation(part)]));
    }
  }

  private from(f: FromItem): string {
    return `${this.d.quote(f.relation)} AS ${this.d.quote(f.alias)}`;
  }

  private castTo(e: string, type: SqlType): string {
    return `CAST(${e} AS ${this.d.type(type)})`;
  }

  private literal(v: Literal, type?: SqlType): string {
    if (v === null) return type ? this.castTo('NULL', type) : 'NULL';
    if (typeof v === 'number') return type === 'decimal' ? this.castTo(String(v), 'decimal') : String(v);
    if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
    return this.d.date(formatDay(v.day));
  }

  expr(e: Expr): string {
    const d = this.d;
    const x = (y: Expr) => this.expr(y);
    switch (e.k) {
      case 'col':
        return e.from !== undefined ? `${d.quote(e.from)}.${d.quote(e.name)}` : d.quote(e.name);
      case 'lit':
        return this.literal(e.value, e.type);
      case 'bin':
        return `(${x(e.l)} ${e.op} ${x(e.r)})`;
      case 'and':
      case 'or':
        return e.args.length === 1 ? x(e.args[0]) : `(${e.args.map(x).join(e.k === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${x(e.e)})`;
      case 'isNull':
        return `(${x(e.e)} IS ${e.negate ? 'NOT ' : ''}NULL)`;
      case 'in':
        return `(${x(e.e)} IN (${e.values.map((v) => this.literal(v)).join(', ')}))`;
      case 'case':
        return `CASE ${e.whens.map(([w, t]) => `WHEN ${x(w)} THEN ${x(t)}`).join(' ')} ELSE ${x(e.otherwise)} END`;
      case 'coalesce':
        return `COALESCE(${e.args.map(x).join(', ')})`;
      case 'addHours':
        return d.addHours(x(e.ts), e.hours);
      case 'dateOf':
        return `CAST(${x(e.ts)} AS ${d.type('date')})`;
      case 'dayStart':
        return d.dayStart(x(e.ts));
      case 'addDays':
        return d.addDays(x(e.date), e.days);
      case 'daysBetween':
        return d.daysBetween(x(e.from), x(e.to));
      case 'prefix':
        return `SUBSTRING(${x(e.e)}, 1, ${x(e.length)})`;
      case 'upper':
        return `UPPER(${x(e.e)})`;
      case 'lower':
        return `LOWER(${x(e.e)})`;
      case 'trim':
        return `TRIM(${x(e.e)})`;
      case 'replace':
        return `REPLACE(${x(e.e)}, ${this.literal(e.from)}, ${this.literal(e.to)})`;
      case 'switch':
        return `CASE ${x(e.e)} ${e.cases.map(([v, t]) => `WHEN ${this.literal(v)} THEN ${x(t)}`).join(' ')} ELSE ${x(e.otherwise)} END`;
      case 'remove':
        return `REPLACE(${x(e.e)}, '${e.from.replace(/'/g, "''")}', '')`;
      case 'replace':
        return `REPLACE(${x(e.e)}, '${e.from.replace(/'/g, "''")}', '${e.to.replace(/'/g, "''")}')`;
      case 'rest':
        return d.rest(x(e.e), e.start);
      case 'concat':
        return `CONCAT(${e.args.map(x).join(', ')})`;
      case 'cast':
        return this.castTo(x(e.e), e.type);
      case 'right':
        return `RIGHT(${x(e.e)}, ${e.length})`;
      case 'like':
        return `(${x(e.e)} LIKE ${x(e.pattern)})`;
      case 'agg':
        return `${e.fn}(${e.e === null ? '*' : x(e.e)})`;
      case 'window': {
        const over: string[] = [];
        if (e.partition.length > 0) over.push(`PARTITION BY ${e.partition.map(x).join(', ')}`);
        if (e.order.length > 0) over.push(`ORDER BY ${e.order.map((o) => `${x(o.e)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
        if (e.frame === 'before') over.push('ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING');
        if (e.frame === 'upToHere') over.push('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
        if (e.frame === 'after') over.push('ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING');
        return `${e.fn}(${e.arg === null ? '' : x(e.arg)}) OVER (${over.join(' ')})`;
      }
    }
  }
}
