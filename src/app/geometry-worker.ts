// Runs in a worker thread: validates one zone geometry (checkZoneGeometry sends the large ones
// here, so the event loop stays free and a time budget can stop the check). A valid geometry is
// not posted back: the main thread already holds it.
import { parentPort, workerData } from 'node:worker_threads';
import { validateZoneGeometry, type GeometryIssue } from '../geo/validate-geometry.ts';

export type GeometryWorkerMessage = { ok: true } | { ok: false; issues: GeometryIssue[] };

const result = validateZoneGeometry((workerData as { geometry: unknown }).geometry);
parentPort!.postMessage(
  (result.ok ? { ok: true } : { ok: false, issues: result.issues }) satisfies GeometryWorkerMessage,
);
