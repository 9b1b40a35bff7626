// Kernel benchmark: the star load (bench/star-load.ts) through flatbush candidate search and
// three point-in-polygon tests (PolygonIndex, Turf on a sample, plain ray casting), plus a disk
// pass with PolygonIndex.relateDisk.
// Run: node --import tsx bench/kernel.bench.ts [pointCount]
// The match count over the full load must be 3,980,458: it checks the load generator and the
// kernel at once. Timings on shared VMs are noisy (±30 %); compare lines of the same run.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { degreesForMetres } from '../src/geo/distance.ts';
import { INSIDE, NONE, OVERLAPS, PolygonIndex } from '../src/geo/polygon-index.ts';
import { EXPECTED_MATCHES, POINT_COUNT, makeStarLoad, mulberry32 } from './star-load.ts';

const TURF_SAMPLE = 2_000;
const pointCount = Number(process.argv[2] ?? POINT_COUNT);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const since = (t0: number) => performance.now() - t0;

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
  `load: ${fmt(polygons.length)} star polygons, ${fmt(n)} points in ${fmt(since(t0))} ms`,
);

t0 = performance.now();
const indexes = polygons.map((p) => PolygonIndex.from(p));
const buildMs = since(t0);
const edges = indexes.reduce((s, ix) => s + ix.edgeCount, 0);
console.log(
  `PolygonIndex build: ${fmt(buildMs)} ms for ${fmt(indexes.length)} polygons ` +
    `(${fmt(edges)} edges, ${((buildMs * 1000) / indexes.length).toFixed(1)} µs each, ` +
    `grid ${indexes[0]!.gridSize}×${indexes[0]!.gridSize})`,
);

const tree = new Flatbush(indexes.length);
for (const ix of indexes) tree.add(ix.minX, ix.minY, ix.maxX, ix.maxY);
tree.finish();

// Visiting order: as generated (random), or sorted by a 0.05° grid cell (spatially coherent,
// as an engine could batch incidents) to show how much of the cost is cache misses.
const randomOrder = Uint32Array.from({ length: n }, (_, i) => i);
const cellKey = (i: number) => Math.floor(points.lat[i]! / 0.05) * 1e4 + points.lon[i]! / 0.05;
const sortedOrder = randomOrder.slice().sort((a, b) => cellKey(a) - cellKey(b));

type Test = 'index' | 'turf' | 'ray';
interface Run {
  perSecond: number;
  matches: number;
  candidates: number;
}

// One loop per method (no shared callback), so every call site stays monomorphic and inlined.
function run(test: Test, order: Uint32Array, count: number): Run {
  const { lon, lat } = points;
  let matches = 0;
  let candidates = 0;
  const start = performance.now();
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    const x = lon[i]!;
    const y = lat[i]!;
    const cands = tree.search(x, y, x, y);
    candidates += cands.length;
    if (test === 'index') {
      for (let k = 0; k < cands.length; k++) if (indexes[cands[k]!]!.containsPoint(x, y)) matches++;
    } else if (test === 'turf') {
      for (let k = 0; k < cands.length; k++) {
        if (booleanPointInPolygon([x, y], polygons[cands[k]!]!)) matches++;
      }
    } else {
      for (let k = 0; k < cands.length; k++) {
        if (rayCast(polygons[cands[k]!]!.coordinates[0]!, x, y)) matches++;
      }
    }
  }
  return { perSecond: count / (since(start) / 1000), matches, candidates };
}

/** Points per second of the flatbush search alone, and candidates per point. */
function searchOnly(order: Uint32Array): { perSecond: number; perPoint: number } {
  const { lon, lat } = points;
  let candidates = 0;
  const start = performance.now();
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    candidates += tree.search(lon[i]!, lat[i]!, lon[i]!, lat[i]!).length;
  }
  return { perSecond: n / (since(start) / 1000), perPoint: candidates / n };
}

// Warm every path up before timing.
for (const test of ['index', 'turf', 'ray'] as const) run(test, randomOrder, Math.min(n, 2_000));
run('index', randomOrder, Math.min(n, 50_000));

const search = searchOnly(randomOrder);
const searchSorted = searchOnly(sortedOrder);
/** Nanoseconds per candidate test, with the flatbush search time (same order) taken out. */
const perTest = (r: Run, count: number, searchRate = search.perSecond) =>
  ((1e9 / r.perSecond - 1e9 / searchRate) * count) / r.candidates;
function line(name: string, r: Run, count: number, searchRate = search.perSecond): void {
  console.log(
    `${name.padEnd(34)} ${fmt(r.perSecond).padStart(11)} points/s  ` +
      `${perTest(r, count, searchRate).toFixed(0).padStart(5)} ns/test  ${fmt(r.matches)} matches`,
  );
}

console.log(
  `${'flatbush search alone'.padEnd(34)} ${fmt(search.perSecond).padStart(11)} points/s  ` +
    `(${fmt(searchSorted.perSecond)} in spatial order), ` +
    `${search.perPoint.toFixed(2)} bbox candidates/point`,
);
const turfN = Math.min(n, TURF_SAMPLE);
const turf = run('turf', randomOrder, turfN);
line(`Turf booleanPointInPolygon (${fmt(turfN)})`, turf, turfN);
const ray = run('ray', randomOrder, n);
line('plain ray casting', ray, n);
const fast = run('index', randomOrder, n);
line('PolygonIndex.containsPoint', fast, n);
const fastSorted = run('index', sortedOrder, n);
line('  same, points in spatial order', fastSorted, n, searchSorted.perSecond);
console.log(
  `containsPoint vs Turf: ${(fast.perSecond / turf.perSecond).toFixed(1)}× points/s, ` +
    `${(perTest(turf, turfN) / perTest(fast, n)).toFixed(1)}× per test; ` +
    `vs plain ray casting: ${(fast.perSecond / ray.perSecond).toFixed(1)}×`,
);
if (fast.matches !== ray.matches || fastSorted.matches !== fast.matches) {
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

// Disk pass: location precision 2 km / 10 km / 50 km in proportion 70/25/5, drawn
// deterministically; candidates are the zones whose bbox meets the disk's box.
const rand = mulberry32(7);
const radius = Float64Array.from({ length: n }, () => {
  const u = rand();
  return u < 0.7 ? 2_000 : u < 0.95 ? 10_000 : 50_000;
});

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
  const rate = count / (since(start) / 1000);
  console.log(
    `${'PolygonIndex.relateDisk (2/10/50 km)'.padEnd(34)} ${fmt(rate).padStart(11)} points/s  ` +
      `${(candidates / count).toFixed(1)} candidates/point: INSIDE ${fmt(counts[INSIDE]!)}, ` +
      `OVERLAPS ${fmt(counts[OVERLAPS]!)}, NONE ${fmt(counts[NONE]!)}`,
  );
}
const silent = console.log;
console.log = () => {};
runDisks(Math.min(n, 50_000)); // warm-up
console.log = silent;
runDisks(n);
