// Kernel benchmark: the star load (bench/star-load.ts) through flatbush candidate search and
// three point-in-polygon tests (PolygonIndex, Turf, plain ray casting), plus a disk pass.
// Run: node --import tsx bench/kernel.bench.ts [pointCount]
// The match count over the full load must be 3,980,458; it validates the load generator and
// the kernel at once.
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { degreesForMetres } from '../src/geo/distance.ts';
import { INSIDE, NONE, OVERLAPS, PolygonIndex } from '../src/geo/polygon-index.ts';
import { EXPECTED_MATCHES, POINT_COUNT, makeStarLoad, mulberry32 } from './star-load.ts';

const TURF_SAMPLE = 2_000;
const pointCount = Number(process.argv[2] ?? POINT_COUNT);

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function ms(t0: number): number {
  return performance.now() - t0;
}

function rayCast(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

let t0 = performance.now();
const { polygons, points } = makeStarLoad(undefined, pointCount);
const n = points.lon.length;
console.log(
  `load: ${fmt(polygons.length)} star polygons, ${fmt(n)} points in ${ms(t0).toFixed(0)} ms`,
);

t0 = performance.now();
const indexes = polygons.map((p) => PolygonIndex.from(p));
const buildMs = ms(t0);
const edges = indexes.reduce((s, ix) => s + ix.edgeCount, 0);
console.log(
  `PolygonIndex build: ${buildMs.toFixed(0)} ms for ${fmt(indexes.length)} polygons ` +
    `(${fmt(edges)} edges, ${((buildMs * 1000) / indexes.length).toFixed(1)} µs each)`,
);

const tree = new Flatbush(indexes.length);
for (const ix of indexes) tree.add(ix.minX, ix.minY, ix.maxX, ix.maxY);
tree.finish();

// One loop per method (no shared callback) so each call site stays monomorphic and inlined;
// flatbush's result array is the only per-point allocation.
function report(name: string, count: number, startMs: number, matches: number): number {
  const rate = count / (ms(startMs) / 1000);
  console.log(`${name.padEnd(28)} ${fmt(rate).padStart(12)} points/s  ${fmt(matches)} matches`);
  return rate;
}

function runIndex(count: number): { rate: number; matches: number } {
  const { lon, lat } = points;
  let matches = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    const cands = tree.search(x, y, x, y);
    for (let k = 0; k < cands.length; k++) if (indexes[cands[k]!]!.containsPoint(x, y)) matches++;
  }
  return { rate: report('PolygonIndex.containsPoint', count, start, matches), matches };
}

function runTurf(count: number): { rate: number; matches: number } {
  const { lon, lat } = points;
  let matches = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    const cands = tree.search(x, y, x, y);
    for (let k = 0; k < cands.length; k++) {
      if (booleanPointInPolygon([x, y], polygons[cands[k]!]!)) matches++;
    }
  }
  return { rate: report(`Turf (${fmt(count)} pts)`, count, start, matches), matches };
}

function runRay(count: number): { rate: number; matches: number } {
  const { lon, lat } = points;
  let matches = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    const cands = tree.search(x, y, x, y);
    for (let k = 0; k < cands.length; k++) {
      if (rayCast(polygons[cands[k]!]!.coordinates[0]!, x, y)) matches++;
    }
  }
  return { rate: report('plain ray casting', count, start, matches), matches };
}

function runSearchOnly(count: number): number {
  const { lon, lat } = points;
  let candidates = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    candidates += tree.search(x, y, x, y).length;
  }
  const rate = count / (ms(start) / 1000);
  console.log(
    `${'flatbush search alone'.padEnd(28)} ${fmt(rate).padStart(12)} points/s  ` +
      `${(candidates / count).toFixed(2)} bbox candidates/point`,
  );
  return rate;
}

// Warm up the JIT on a slice before timing.
runIndex(Math.min(n, 50_000));
console.log('--- timed ---');
const turf = runTurf(Math.min(n, TURF_SAMPLE));
const ray = runRay(n);
runSearchOnly(n);
const fast = runIndex(n);
console.log(
  `containsPoint vs Turf: ${(fast.rate / turf.rate).toFixed(0)}×, ` +
    `vs plain ray casting: ${(fast.rate / ray.rate).toFixed(1)}×`,
);
if (fast.matches !== ray.matches) {
  console.log(`MISMATCH: containsPoint ${fast.matches} vs ray casting ${ray.matches}`);
  process.exitCode = 1;
}
if (n === POINT_COUNT) {
  const ok = fast.matches === EXPECTED_MATCHES;
  console.log(
    `match count ${fmt(fast.matches)} ${ok ? '==' : '!='} expected ${fmt(EXPECTED_MATCHES)}`,
  );
  if (!ok) process.exitCode = 1;
}

// Disk pass: precision mix 2 km / 10 km / 50 km in proportion 70/25/5, drawn deterministically.
const rand = mulberry32(7);
const radius = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const u = rand();
  radius[i] = u < 0.7 ? 2_000 : u < 0.95 ? 10_000 : 50_000;
}
function runDisks(count: number): void {
  const { lon, lat } = points;
  const counts = [0, 0, 0];
  let candidates = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    const r = radius[i]!;
    const { dLon, dLat } = degreesForMetres(y, r);
    const cands = tree.search(x - dLon, y - dLat, x + dLon, y + dLat);
    candidates += cands.length;
    for (let k = 0; k < cands.length; k++) counts[indexes[cands[k]!]!.relateDisk(x, y, r)]!++;
  }
  const rate = count / (ms(start) / 1000);
  console.log(
    `${'PolygonIndex.relateDisk'.padEnd(28)} ${fmt(rate).padStart(12)} points/s  ` +
      `${(candidates / count).toFixed(1)} candidates/point: INSIDE ${fmt(counts[INSIDE]!)}, ` +
      `OVERLAPS ${fmt(counts[OVERLAPS]!)}, NONE ${fmt(counts[NONE]!)}`,
  );
}
runDisks(Math.min(n, 50_000));
runDisks(n);
