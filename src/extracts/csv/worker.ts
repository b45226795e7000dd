// Entry of the CSV reader's worker thread (SPEC §5): reads one large file with the same code
// as the main thread (readCsvInThisThread) and posts what it finds to the main thread in
// batches (BatchSender). Reading and the protocol live in read.ts and worker-protocol.ts;
// this file only wires them to the thread's port.

import { parentPort, workerData } from 'node:worker_threads';
import { readCsvInThisThread } from './read.js';
import { BatchSender, type ToWorker, type WorkerJob } from './worker-protocol.js';

if (parentPort === null) throw new Error('csv/worker.js runs only as the worker thread of the CSV reader');
const port = parentPort;
const job = workerData as WorkerJob;
const sender = new BatchSender((m, transfer) => port.postMessage(m, transfer), job.batchRows, job.batchesInFlight, job.byteRows);
port.on('message', (m: ToWorker) => sender.receive(m));
sender.done(await readCsvInThisThread(job.path, job, sender));
