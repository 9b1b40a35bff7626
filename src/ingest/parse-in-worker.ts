// The main-thread side of the parse worker: an async iterable of import rows fed by the worker,
// with back-pressure (the worker waits while 16 batches are unread).
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import type { ImportRow } from './import-row.ts';
import type { ParseWorkerData, ParseWorkerMessage } from './parse-worker.ts';

export function parseAcledInWorker(
  path: string,
  radii: GeoPrecisionRadii,
): { rows: AsyncIterable<ImportRow>; bytesRead: () => number } {
  let bytes = 0;
  async function* rows(): AsyncGenerator<ImportRow> {
    const data: ParseWorkerData = { path, radii };
    const worker = new Worker(new URL('./parse-worker-entry.js', import.meta.url), {
      workerData: data,
    });
    const queue: ParseWorkerMessage[] = [];
    let notify: (() => void) | null = null;
    let failure: Error | null = null;
    worker.on('message', (m: ParseWorkerMessage) => {
      queue.push(m);
      notify?.();
    });
    worker.on('error', (e) => {
      failure = e;
      notify?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !failure) failure = new Error(`the CSV parser stopped (exit code ${code})`);
      notify?.();
    });
    try {
      for (;;) {
        if (queue.length === 0) {
          if (failure) throw failure;
          await new Promise<void>((r) => (notify = r));
          notify = null;
          continue;
        }
        const m = queue.shift()!;
        if (m.type === 'error') throw new AppError(m.code as ErrorCode, m.message, m.field);
        bytes = m.bytes;
        if (m.type === 'done') return;
        worker.postMessage('more');
        yield* m.rows;
      }
    } finally {
      await worker.terminate();
    }
  }
  return { rows: rows(), bytesRead: () => bytes };
}
