// Deterministic benchmark load: 5,000 jittered star polygons and 1,000,000 uniform points over
// a 10°×10° box in the Levant. Shared by the kernel and engine benches so their numbers compare;
// the exact call order of the PRNG is part of the contract (the match count 3,980,458 pins it).
import type { Polygon } from 'geojson';

export const LOAD_SEED = 42;
export const BOX = { minLon: 35, minLat: 30, maxLon: 45, maxLat: 40 } as const;
export const POLYGON_COUNT = 5_000;
export const POINT_COUNT = 1_000_000;
/** Number of (point, polygon) containment matches for the full default load. */
export const EXPECTED_MATCHES = 3_980_458;

/** mulberry32: tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniform(rand: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * rand();
}

/**
 * Star polygons: radius r ∈ [0.05°, 0.25°), centre uniform in the box shrunk by r, 45–55
 * vertices at evenly spaced angles jittered by ±0.15 of a step, each at r × [0.75, 1.25).
 */
export function makeStarPolygons(count: number, rand: () => number): Polygon[] {
  const out: Polygon[] = [];
  for (let i = 0; i < count; i++) {
    const r = uniform(rand, 0.05, 0.25);
    const cx = uniform(rand, BOX.minLon + r, BOX.maxLon - r);
    const cy = uniform(rand, BOX.minLat + r, BOX.maxLat - r);
    const n = 45 + Math.floor(rand() * 11);
    const step = (2 * Math.PI) / n;
    const ring: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const angle = k * step + uniform(rand, -0.15, 0.15) * step;
      const rr = r * uniform(rand, 0.75, 1.25);
      ring.push([cx + rr * Math.cos(angle), cy + rr * Math.sin(angle)]);
    }
    ring.push([ring[0]![0], ring[0]![1]]);
    out.push({ type: 'Polygon', coordinates: [ring] });
  }
  return out;
}

/** Points uniform in the box, drawn as (lon, lat) pairs. */
export function makePoints(
  count: number,
  rand: () => number,
): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = uniform(rand, BOX.minLon, BOX.maxLon);
    lat[i] = uniform(rand, BOX.minLat, BOX.maxLat);
  }
  return { lon, lat };
}

/** The standard load: polygons first, then points, from one mulberry32(42) stream. */
export function makeStarLoad(
  polygonCount = POLYGON_COUNT,
  pointCount = POINT_COUNT,
): { polygons: Polygon[]; points: { lon: Float64Array; lat: Float64Array } } {
  const rand = mulberry32(LOAD_SEED);
  const polygons = makeStarPolygons(polygonCount, rand);
  const points = makePoints(pointCount, rand);
  return { polygons, points };
}
