// Zone geometry validation off the event loop (issue 20): a geometry of more than 5,000 positions
// is validated on a worker thread under a time budget (5 s, worker start included); past the
// budget the worker is stopped and the geometry refused, naming `coordinates`. Smaller ones are
// validated in place (a worker's start costs more than their check).
import { Worker } from 'node:worker_threads';
import type { MultiPolygon, Polygon } from 'geojson';
import { validateZoneGeometry, type ValidationResult } from '../geo/validate-geometry.ts';
import type { GeometryWorkerMessage } from './geometry-worker.ts';

export const GEOMETRY_WORKER_ABOVE_POSITIONS = 5_000;
export const GEOMETRY_BUDGET_MS = 5_000;

/** Positions in a Polygon's or MultiPolygon's coordinates, counted without validating them. */
function positionCount(geometry: unknown): number {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null) return 0;
  const depth = g.type === 'Polygon' ? 1 : g.type === 'MultiPolygon' ? 2 : -1;
  let n = 0;
  const walk = (v: unknown, d: number): void => {
    if (!Array.isArray(v)) return;
    if (d === 0) n += v.length;
    else for (const x of v) walk(x, d - 1);
  };
  if (depth > 0) walk(g.coordinates, depth);
  return n;
}

export async function checkZoneGeometry(
  geometry: unknown,
  {
    offThreadAbove = GEOMETRY_WORKER_ABOVE_POSITIONS,
    budgetMs = GEOMETRY_BUDGET_MS,
  }: { offThreadAbove?: number; budgetMs?: number } = {},
): Promise<ValidationResult> {
  if (positionCount(geometry) <= offThreadAbove) return validateZoneGeometry(geometry);
  const worker = new Worker(new URL('./geometry-worker-entry.js', import.meta.url), {
    workerData: { geometry },
  });
  try {
    return await new Promise<ValidationResult>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          resolve({
            ok: false,
            issues: [
              {
                path: 'coordinates',
                message: `the zone could not be checked within the limit of ${budgetMs / 1000} s — simplify it`,
              },
            ],
          }),
        budgetMs,
      );
      worker.once('message', (m: GeometryWorkerMessage) => {
        clearTimeout(timer);
        resolve(m.ok ? { ok: true, geometry: geometry as Polygon | MultiPolygon } : m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the geometry check stopped (exit code ${code})`));
      });
    });
  } finally {
    await worker.terminate();
  }
}
