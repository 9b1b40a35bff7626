// Map benchmark: 100,000 incidents (BENCH_ROWS to change) uniform over Syria's bounding box and
// February 2018, written through the import path (importIncidentRows: bulk inserts, reports,
// matching against the demo agreements) into a temp SQLite file; then, for GET /api/v1/map/incidents,
// the store query, the supercluster index build, a world-zoom and a city-zoom query, a cold and a
// warm request, each against the baseline of JSON.stringify of as many point features (and the
// store query also against a raw prepared SELECT of the same incident columns, without violations).
// Run: npm run bench:map  (or: node --import tsx --expose-gc bench/map.bench.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppContext } from '../src/app/context.ts';
import {
  buildMapIndex,
  MapIndexCache,
  mapIncidents,
  queryMapIndex,
} from '../src/app/map-incidents.ts';
import type { Actor } from '../src/domain/roles.ts';
import { openStore } from '../src/store/open-store.ts';
import { FROM, importMapLoad, loadDemoAgreements, UNTIL } from './map-load.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 5;
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];
/** Aleppo city at zoom 13 (a 1,400 × 1,100 px view). */
const CITY: [number, number, number, number] = [37.05, 36.15, 37.25, 36.25];
/** Syria at zoom 6. */
const COUNTRY: [number, number, number, number] = [35, 32, 43, 38];

const dir = mkdtempSync(join(tmpdir(), 'truceline-map-bench-'));
const DB = join(dir, 'map.db');
const ctx = new AppContext(await openStore(DB));
const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap and typed-array buffers (supercluster keeps its trees in Int32Arrays). */
const heapMb = () => {
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function median(fn: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}
async function medianAsync(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

try {
  await loadDemoAgreements(ctx);
  const t = performance.now();
  const summary = await importMapLoad(ctx, ROWS);
  console.log(`imported ${summary.added.toLocaleString('en-US')} incidents (${summary.violations.toLocaleString('en-US')} violations) in ${((performance.now() - t) / 1000).toFixed(1)} s`); // prettier-ignore

  const filter = { from: FROM, until: UNTIL, statuses: undefined };
  const points = await ctx.store.mapPoints(filter);
  const queryMs = await medianAsync(() => ctx.store.mapPoints(filter));
  const publicMs = await medianAsync(() => ctx.store.mapPoints({ ...filter, statuses: ['confirmed'] })); // prettier-ignore
  const gradedMs = await medianAsync(() => ctx.store.mapPoints({ ...filter, minReliability: 'B' })); // prettier-ignore
  const raw = new SQLite(DB, { readonly: true });
  // Every incident lies in the window: a plain table scan reads the same rows.
  const select = raw.prepare(
    'SELECT id, external_id, event_type, sub_event_type, occurred_from, occurred_until, lon, lat, fatalities, uncertainty_m FROM incidents',
  );
  const sqlBaseline = median(() => select.all());
  raw.close();

  // Baseline: serialising as many point features as the API writes them.
  const asFeatures = queryMapIndex(buildMapIndex(points), WORLD, 17).features;
  const baseline = median(() => JSON.stringify(asFeatures));

  const before = heapMb();
  const kept = buildMapIndex(points);
  const indexMb = heapMb() - before;
  const buildMs = median(() => buildMapIndex(points));
  const world = queryMapIndex(kept, WORLD, 3).features;
  const worldMs = median(() => queryMapIndex(kept, WORLD, 3));
  const country = queryMapIndex(kept, COUNTRY, 6).features;
  const countryMs = median(() => queryMapIndex(kept, COUNTRY, 6));
  const city = queryMapIndex(kept, CITY, 13).features;
  const cityMs = median(() => queryMapIndex(kept, CITY, 13));

  // Whole requests (minus HTTP): cold reads the store and builds; warm finds the index cached.
  const analyst: Actor = { id: 'a', name: 'analyst', role: 'analyst', partyId: null };
  const q = { bbox: WORLD, zoom: 3, from: FROM, until: UNTIL };
  const coldMs = await medianAsync(() => mapIncidents(ctx, new MapIndexCache(), analyst, q));
  const cache = new MapIndexCache();
  await mapIncidents(ctx, cache, analyst, q);
  const warmMs = await medianAsync(() => mapIncidents(ctx, cache, analyst, { ...q, bbox: CITY, zoom: 13 })); // prettier-ignore

  const ratio = (x: number) => `${(x / baseline).toPrecision(2)}× baseline`;
  const inViolation = points.filter((p) => p.violation !== null).length;
  console.log(`${points.length.toLocaleString('en-US')} map points (${inViolation.toLocaleString('en-US')} with a violation); median of ${RUNS} runs`); // prettier-ignore
  console.log(`baseline JSON.stringify of ${asFeatures.length.toLocaleString('en-US')} point features: ${ms(baseline)}`); // prettier-ignore
  console.log(
    `baseline raw SELECT of the same incident columns (table scan, no violations): ${ms(sqlBaseline)}`,
  );
  console.log(`store query (mapPoints, staff): ${ms(queryMs)} | ${ratio(queryMs)}, ${(queryMs / sqlBaseline).toPrecision(2)}× raw SELECT`); // prettier-ignore
  console.log(`store query (public: confirmed only): ${ms(publicMs)} | ${ratio(publicMs)}`);
  console.log(`store query (min_reliability B): ${ms(gradedMs)} | ${ratio(gradedMs)}`);
  console.log(`index build (supercluster, radius 60, maxZoom 16): ${ms(buildMs)} | ${ratio(buildMs)}; heap ${indexMb.toFixed(0)} MB${gc ? '' : ' (run with --expose-gc for an exact figure)'}`); // prettier-ignore
  console.log(`world query (zoom 3): ${world.length} features in ${ms(worldMs)} | ${ratio(worldMs)}`); // prettier-ignore
  console.log(`country query (zoom 6, Syria): ${country.length} features in ${ms(countryMs)} | ${ratio(countryMs)}`); // prettier-ignore
  console.log(`city query (zoom 13, Aleppo): ${city.length} features in ${ms(cityMs)} | ${ratio(cityMs)}`); // prettier-ignore
  console.log(`request, cold (feed head + store + build + world query): ${ms(coldMs)} | ${ratio(coldMs)}`); // prettier-ignore
  console.log(`request, warm (cached index, city query): ${ms(warmMs)} | ${ratio(warmMs)}`);
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
