// Engine benchmark: 1,000,000 incidents against 5,000 star zones spread over 200 agreements with
// validity windows (the load of docs/performance.md), compared in the same run with the naive
// baseline — Turf booleanPointInPolygon against every zone — on a sample. Prints ratios.
// Run: npm run bench  (or: node --import tsx bench/engine.bench.ts)
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { batchOf, type IncidentLike } from '../src/engine/incident-batch.ts';
import { ViolationEngine, type EngineVersionInput } from '../src/engine/violation-engine.ts';
import { haversineM } from '../src/geo/distance.ts';
import { makeStarLoad, mulberry32 } from './star-load.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2018, 0, 1);
const AGREEMENTS = 200;

const { polygons, points } = makeStarLoad();
const rand = mulberry32(7);

// 200 agreements, each with one 45-day version starting on one of the first 30 days of 2018.
const versions: EngineVersionInput[] = Array.from({ length: AGREEMENTS }, (_, a) => ({
  versionId: `ver-${a}`,
  agreementId: `agr-${a}`,
  seq: 1,
  label: 'v1',
  validFrom: T0 + (a % 30) * DAY,
  validUntil: T0 + ((a % 30) + 45) * DAY,
  zones: polygons
    .map((geometry, z) => ({ geometry, z }))
    .filter(({ z }) => z % AGREEMENTS === a)
    .map(({ geometry, z }) => ({
      zoneId: `z${z}`,
      key: `z${z}`,
      name: `zone ${z}`,
      kind: 'ceasefire_area' as const,
      geometry,
    })),
}));

const incidents: IncidentLike[] = Array.from(points.lon, (lon, i) => ({
  lon,
  lat: points.lat[i]!,
  uncertaintyM: 0,
  occurredFrom: T0 + rand() * 60 * DAY,
  occurredUntil: 0,
  eventType: 'Explosions/Remote violence' as const,
  subEventType: 'Shelling/artillery/missile attack',
}));
for (const inc of incidents) inc.occurredUntil = inc.occurredFrom;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

const t = performance.now();
const engine = ViolationEngine.compile(versions);
console.log(`compile 5,000 zones / ${AGREEMENTS} agreements: ${fmt(performance.now() - t)} ms`);

function runEngine(list: IncidentLike[]): { perSecond: number; matches: number } {
  const batch = batchOf(list);
  let matches = 0;
  const start = performance.now();
  engine.match(batch, () => matches++);
  return { perSecond: list.length / ((performance.now() - start) / 1000), matches };
}

function windowOk(v: EngineVersionInput, at: number) {
  return at >= v.validFrom && at < (v.validUntil ?? Infinity);
}

/** Naive baseline: every zone of every version, Turf point-in-polygon, on a sample of points. */
function runNaivePoints(sample: IncidentLike[]): number {
  const start = performance.now();
  let hits = 0;
  for (const inc of sample) {
    const p = point([inc.lon, inc.lat]);
    for (const v of versions) {
      if (!windowOk(v, inc.occurredFrom)) continue;
      for (const z of v.zones) if (booleanPointInPolygon(p, z.geometry)) hits++;
    }
  }
  void hits;
  return sample.length / ((performance.now() - start) / 1000);
}

/** Naive disk baseline: point-in-polygon plus the distance to every edge, for every zone. */
function runNaiveDisks(sample: IncidentLike[]): number {
  const start = performance.now();
  let hits = 0;
  const minEdgeDistance = (g: Polygon | MultiPolygon, lon: number, lat: number) => {
    let best = Infinity;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const ring of rings)
      for (const [x, y] of ring) best = Math.min(best, haversineM(lon, lat, x!, y!));
    return best;
  };
  for (const inc of sample) {
    const p = point([inc.lon, inc.lat]);
    for (const v of versions) {
      if (!windowOk(v, inc.occurredFrom)) continue;
      for (const z of v.zones)
        if (
          booleanPointInPolygon(p, z.geometry) ||
          minEdgeDistance(z.geometry, inc.lon, inc.lat) <= inc.uncertaintyM
        )
          hits++;
    }
  }
  void hits;
  return sample.length / ((performance.now() - start) / 1000);
}

runEngine(incidents.slice(0, 100_000)); // warm-up
const pointsRun = runEngine(incidents);
const naivePoints = runNaivePoints(incidents.slice(0, 300));
console.log(
  `points: engine ${fmt(pointsRun.perSecond)} incidents/s (${fmt(pointsRun.matches)} violations) | naive Turf ${fmt(naivePoints)} incidents/s | ratio ${fmt(pointsRun.perSecond / naivePoints)}×`,
);

// ACLED precision mix: 70 % geo_precision 1 (2 km), 25 % 2 (10 km), 5 % 3 (50 km).
const disks = incidents.map((inc) => {
  const u = rand();
  return { ...inc, uncertaintyM: u < 0.7 ? 2_000 : u < 0.95 ? 10_000 : 50_000 };
});
const disksRun = runEngine(disks);
const naiveDisks = runNaiveDisks(disks.slice(0, 100));
console.log(
  `disks (ACLED precision mix): engine ${fmt(disksRun.perSecond)} incidents/s (${fmt(disksRun.matches)} violations) | naive ${fmt(naiveDisks)} incidents/s | ratio ${fmt(disksRun.perSecond / naiveDisks)}×`,
);
