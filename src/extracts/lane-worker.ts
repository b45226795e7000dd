// Entry of the loading worker thread (lanes.ts): loads its files one after another with the
// same code as the main thread (load.ts loadOne), splitting each in this thread, and posts
// each file's report and table (its columns moved to the main thread, not copied).

import { parentPort, workerData } from 'node:worker_threads';
import type { FromLane, LaneJob } from './lanes.js';
import { loadOne } from './load.js';
import { exportTable, type ColumnTypes, type Table } from './table.js';

if (parentPort === null) throw new Error('lane-worker.js runs only as a worker thread of the loader');
const port = parentPort;
const job = workerData as LaneJob;
const post = (m: FromLane, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  for (const [index, source] of job.sources.entries()) {
    const { report, loaded } = await loadOne(source, {
      ...job.options,
      onProgress: (extract, rows, bytes) => post({ type: 'progress', extract, rows, bytes }),
    });
    if (loaded && 'table' in loaded) {
      const { transfer, buffers } = exportTable(loaded.table as Table<ColumnTypes>);
      post({ type: 'loaded', index, report, info: loaded.info, table: transfer, records: null }, buffers);
    } else {
      post({ type: 'loaded', index, report, info: loaded?.info ?? null, table: null, records: (loaded?.records as unknown[]) ?? null });
    }
  }
} catch (err) {
  post({ type: 'failed', message: (err as Error).message, stack: (err as Error).stack });
}
