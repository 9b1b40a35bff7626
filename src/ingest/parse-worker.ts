// Runs in a worker thread: reads, parses, validates and hashes an ACLED CSV, and posts the rows in
// batches, so the main thread only writes and matches (the two halves of an import take about
// the same time; see docs/performance.md).
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../domain/errors.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { incidentContentHash } from '../domain/incident.ts';
import type { ImportRow } from './import-row.ts';
import { readAcledCsv } from './acled-csv.ts';

export interface ParseWorkerData {
  path: string;
  radii: GeoPrecisionRadii;
}

export type ParseWorkerMessage =
  | { type: 'rows'; rows: ImportRow[]; bytes: number }
  | { type: 'done'; bytes: number }
  | { type: 'error'; code: string; message: string; field?: string | undefined };

const BATCH = 2_000;
/** Batches posted but not yet taken by the main thread (more than one 25,000-row write chunk, so the
 * worker keeps parsing while the main thread writes); beyond this the worker waits. */
const MAX_IN_FLIGHT = 16;

const port = parentPort!;
const { path, radii } = workerData as ParseWorkerData;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  inFlight--;
  wake?.();
  wake = null;
});

async function post(message: ParseWorkerMessage): Promise<void> {
  port.postMessage(message);
  if (message.type !== 'rows') return;
  inFlight++;
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
}

// utf8: the decoder keeps a character whole when it straddles two chunks.
const stream = createReadStream(path, { encoding: 'utf8' });
try {
  let batch: ImportRow[] = [];
  for await (const row of readAcledCsv(stream, radii)) {
    batch.push('draft' in row ? { ...row, hash: incidentContentHash(row.draft) } : row);
    if (batch.length >= BATCH) {
      await post({ type: 'rows', rows: batch, bytes: stream.bytesRead });
      batch = [];
    }
  }
  if (batch.length > 0) await post({ type: 'rows', rows: batch, bytes: stream.bytesRead });
  await post({ type: 'done', bytes: stream.bytesRead });
} catch (e) {
  const err = e instanceof AppError ? e : new AppError('internal', (e as Error).message);
  await post({ type: 'error', code: err.code, message: err.message, field: err.field });
}
