// The dialects of `triple-aim sql --dialect` (SPEC §15), by name.

import type { Dialect, DialectName } from '../print.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { spark } from './spark.js';
import { tsql } from './tsql.js';

export const DIALECT: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, spark, tsql };
