// Loading extracts on two cores (SPEC §12: all indicators over 1,000,000 admissions, 200,000
// referrals, 100,000 smoking courses and 500,000 LUP answers in under 6 s on 2 cores). The
// files of a run are independent until they are computed on, so when there are several large
// ones a worker thread loads some of them whole — splitting, reading rows into tables,
// checking them — while this thread loads the others. Every file is loaded by the same code
// (load.ts loadOne) either way; its report and table come back to this thread (the table's
// columns moved, not copied) and everything is put together in the order the files were
// given, notices included. A single large file is read in this thread alone (csv/read.ts: a
// pipeline that split it in a worker was measured and removed, issue 22 item 5).

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileReport, LoadOptions, ReadOptions } from './load.js';
import type { ExtractInfo, ExtractName } from './records.js';
import { COLUMNAR_EXTRACTS } from './records.js';
import type { TableTransfer } from './table.js';

/** Stored bytes the worker's lane must hold at least: a thread costs about 0.1 s to start and
 *  warm up, which loading a few megabytes in parallel does not win back. */
export const LANE_MIN_BYTES = 8 * 1024 * 1024;

export interface LaneSource {
  extract: ExtractName;
  path: string;
}

/**
 * Which sources the worker's lane loads (their indices), or null for one lane. The largest
 * table extract stays in this thread and the other table extracts go to the worker when
 * they hold LANE_MIN_BYTES together; the small extracts (population, measurements,
 * baselines) and standard input stay here.
 */
export function planLanes(sources: readonly LaneSource[], sizes: readonly (number | null)[]): number[] | null {
  const large = sources
    .map((_, i) => ({ i, size: sizes[i] }))
    .filter(({ i, size }) => size !== null && (COLUMNAR_EXTRACTS as readonly string[]).includes(sources[i].extract));
  if (large.length < 2) return null;
  large.sort((a, b) => b.size! - a.size! || a.i - b.i);
  const rest = large.slice(1);
  const restBytes = rest.reduce((sum, s) => sum + s.size!, 0);
  if (restBytes < LANE_MIN_BYTES) return null;
  return rest.map((s) => s.i).sort((a, b) => a - b);
}

/** Stored size of each source (null for standard input or when it cannot be read: loading
 *  will report why). */
export async function storedSizes(sources: readonly LaneSource[]): Promise<(number | null)[]> {
  return Promise.all(
    sources.map((s) =>
      s.path === '-'
        ? null
        : stat(s.path).then(
            (st) => (st.isFile() ? st.size : null),
            () => null,
          ),
    ),
  );
}

/** What the worker is given: its sources and the options that can cross threads. */
export interface LaneJob {
  sources: LaneSource[];
  options: Omit<LoadOptions, 'onNotice' | 'onProgress'>;
}

/** One file loaded in the worker, or its progress. */
export type FromLane =
  | { type: 'progress'; extract: ExtractName; rows: number; bytes: number }
  | { type: 'loaded'; index: number; report: FileReport; info: ExtractInfo | null; table: TableTransfer | null; records: unknown[] | null }
  | { type: 'failed'; message: string; stack?: string };

const LANE_ENTRY = './lane-worker.js';
let laneUrl: URL | null | undefined;

/** The built worker entry next to this module, or null when there is none (run from the
 *  TypeScript sources, as under vitest: then everything is loaded in one lane). */
export function laneWorkerFile(): URL | null {
  if (laneUrl === undefined) {
    const url = new URL(LANE_ENTRY, import.meta.url);
    laneUrl = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  }
  return laneUrl;
}

/** Runs the worker's lane: calls `loaded` for each of its files as it is done; resolves when
 *  all are, rejects (an internal error) when the worker fails. */
export function runLane(
  job: LaneJob,
  onLoaded: (m: Extract<FromLane, { type: 'loaded' }>) => void,
  onProgress: ReadOptions['onProgress'],
): Promise<void> {
  const url = laneWorkerFile()!;
  return new Promise<void>((resolve, reject) => {
    let remaining = job.sources.length;
    let settled = false;
    const worker = new Worker(url, { workerData: job });
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: FromLane) => {
      if (settled) return;
      if (m.type === 'progress') onProgress?.(m.extract, m.rows, m.bytes);
      else if (m.type === 'failed') fail(Object.assign(new Error(m.message), { stack: m.stack }));
      else {
        try {
          onLoaded(m);
        } catch (err) {
          fail(err as Error);
          return;
        }
        if (--remaining === 0) {
          settled = true;
          void worker.terminate();
          resolve();
        }
      }
    });
    worker.on('error', (err) => fail(new Error(`the loading thread failed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => fail(new Error(`the loading thread stopped unexpectedly (exit code ${code})`)));
  });
}
