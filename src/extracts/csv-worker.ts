// Entry of the worker thread of csv-reader.ts (SPEC §5): reads one large file with the
// same code as the main thread (readCsvInThisThread) and posts what it finds to the main
// thread in batches (BatchSender). All reading, splitting and the protocol live in
// csv-reader.ts; this file only wires them to the thread's port.

import { parentPort, workerData } from 'node:worker_threads';
import { BatchSender, readCsvInThisThread, type ToWorker, type WorkerJob } from './csv-reader.js';

if (parentPort === null) throw new Error('csv-worker.js runs only as the worker thread of csv-reader.js');
const port = parentPort;
const job = workerData as WorkerJob;
const sender = new BatchSender((m, transfer) => port.postMessage(m, transfer), job.batchRows, job.batchesInFlight);
port.on('message', (m: ToWorker) => sender.receive(m));
sender.done(await readCsvInThisThread(job.path, job, sender));
