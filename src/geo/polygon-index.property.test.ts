// Property tests: on random star polygons (some with a hole, some split into a MultiPolygon),
// containsPoint agrees with Turf's booleanPointInPolygon and relateDisk / distanceToBoundaryM
// agree with a brute-force computation over every edge. Points closer to the boundary than the
// on-edge tolerance, and disks whose radius ties the distance, are where the definitions
// legitimately differ (rounding), so those are skipped.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE } from './distance.ts';
import { INSIDE, NONE, OVERLAPS, PolygonIndex, type Relation } from './polygon-index.ts';

interface Star {
  geometry: Polygon | MultiPolygon;
  rings: Position[][];
  bbox: [number, number, number, number];
}

/** Star-shaped ring: vertices at evenly spaced angles, radius r·f with f in [0.3, 1]. */
function starRing(cx: number, cy: number, r: number, factors: number[], scale = 1): Position[] {
  const n = factors.length;
  const ring = factors.map((f, k): Position => {
    const a = (2 * Math.PI * k) / n;
    return [cx + scale * r * f * Math.cos(a), cy + scale * r * f * Math.sin(a)];
  });
  ring.push(ring[0]!);
  return ring;
}

const starArb: fc.Arbitrary<Star> = fc
  .record({
    cx: fc.double({ min: -170, max: 170, noNaN: true }),
    cy: fc.double({ min: -60, max: 60, noNaN: true }),
    r: fc.double({ min: 0.001, max: 1.5, noNaN: true }),
    factors: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), {
      minLength: 3,
      maxLength: 80,
    }),
    shape: fc.constantFrom('plain', 'hole', 'multi'),
  })
  .map(({ cx, cy, r, factors, shape }) => {
    const outer = starRing(cx, cy, r, factors);
    // Every outer vertex is at >= 0.3 r and the hole's at <= 0.25 r: the hole lies inside.
    const hole = starRing(cx, cy, r, factors.slice().reverse(), 0.25);
    const second = starRing(cx + 2.5 * r, cy, r, factors);
    const geometry: Polygon | MultiPolygon =
      shape === 'plain'
        ? { type: 'Polygon', coordinates: [outer] }
        : shape === 'hole'
          ? { type: 'Polygon', coordinates: [outer, hole] }
          : { type: 'MultiPolygon', coordinates: [[outer], [second]] };
    const rings = shape === 'plain' ? [outer] : shape === 'hole' ? [outer, hole] : [outer, second];
    const xs = rings.flat().map((p) => p[0]!);
    const ys = rings.flat().map((p) => p[1]!);
    const bbox: Star['bbox'] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    return { geometry, rings, bbox };
  });

/** Points around the bbox, as fractions of it (some beyond it on every side). */
const pointsArb = fc.array(
  fc.tuple(
    fc.double({ min: -0.3, max: 1.3, noNaN: true }),
    fc.double({ min: -0.3, max: 1.3, noNaN: true }),
  ),
  { minLength: 1, maxLength: 40 },
);

/** Brute force in the kernels' metric: squared distance in degrees of latitude to every edge. */
function bruteDistance(rings: Position[][], lon: number, lat: number): number {
  const kx = Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i]![0]! - lon) * kx;
      const ay = ring[i]![1]! - lat;
      const bx = (ring[i + 1]![0]! - lon) * kx;
      const by = ring[i + 1]![1]! - lat;
      const dx = bx - ax;
      const dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best * METRES_PER_DEGREE;
}

function expected(inside: boolean, distanceM: number, radiusM: number): Relation {
  if (radiusM === 0) return inside ? INSIDE : NONE;
  if (inside) return distanceM >= radiusM ? INSIDE : OVERLAPS;
  return distanceM <= radiusM ? OVERLAPS : NONE;
}

/**
 * Independent closed-set reference for any ring set (even self-crossing ones): on an edge
 * (within 1e-10°) counts as inside, otherwise even-odd parity with the half-open vertex rule.
 */
function bruteInside(rings: Position[][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((lon - ax) * dx + (lat - ay) * dy) / l2));
      if (Math.hypot(ax + t * dx - lon, ay + t * dy - lat) <= 1e-10) return true;
      if (ay > lat !== by > lat && lon < ax + ((lat - ay) * dx) / dy) inside = !inside;
    }
  }
  return inside;
}

/**
 * Lattice polygons: vertices and points on a grid of `unit` degrees, so points sit exactly on
 * edges, vertices, grid-cell borders and extensions of edges. Rings may self-intersect after
 * snapping; the zone is then whatever even-odd parity says, on both sides of the comparison.
 */
const latticeArb = fc
  .record({
    unit: fc.constantFrom(0.125, 0.01, 0.001),
    rings: fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
        minLength: 3,
        maxLength: 12,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    points: fc.array(fc.tuple(fc.integer({ min: -2, max: 14 }), fc.integer({ min: -2, max: 14 })), {
      minLength: 1,
      maxLength: 60,
    }),
  })
  .map(({ unit, rings, points }) => {
    const at = ([i, j]: [number, number]): Position => [36 + i * unit, 33 + j * unit];
    const closed = rings.map((r) => [...r.map(at), at(r[0]!)]);
    return { rings: closed, points: points.map(at) };
  });

describe('PolygonIndex properties', () => {
  it('containsPoint matches a brute-force closed-set test on lattice polygons and points', () => {
    fc.assert(
      fc.property(latticeArb, ({ rings, points }) => {
        const index = PolygonIndex.from({ type: 'Polygon', coordinates: rings });
        for (const [lon, lat] of points as [number, number][]) {
          expect(index.containsPoint(lon, lat)).toBe(bruteInside(rings, lon, lat));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('relateDisk matches brute force on lattice polygons (exact ties skipped)', () => {
    fc.assert(
      fc.property(
        latticeArb,
        fc.constantFrom(0, 50, 300, 1000, 5000, 40_000),
        ({ rings, points }, r) => {
          const index = PolygonIndex.from({ type: 'Polygon', coordinates: rings });
          for (const [lon, lat] of points as [number, number][]) {
            const distance = bruteDistance(rings, lon, lat);
            if (Math.abs(distance - r) < 1e-6 * Math.max(1, r)) continue;
            const want = expected(bruteInside(rings, lon, lat), distance, r);
            expect(index.relateDisk(lon, lat, r)).toBe(want);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('containsPoint agrees with Turf booleanPointInPolygon (boundary included)', () => {
    fc.assert(
      fc.property(starArb, pointsArb, ({ geometry, rings, bbox }, points) => {
        const index = PolygonIndex.from(geometry);
        const [x0, y0, x1, y1] = bbox;
        for (const [u, v] of points) {
          const lon = x0 + u * (x1 - x0);
          const lat = y0 + v * (y1 - y0);
          if (bruteDistance(rings, lon, lat) < 1e-3) continue; // within a millimetre of an edge
          expect(index.containsPoint(lon, lat)).toBe(booleanPointInPolygon([lon, lat], geometry));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('relateDisk and distanceToBoundaryM agree with brute force over every edge', () => {
    const radiusArb = fc.oneof(
      fc.constant(0),
      fc.double({ min: 1, max: 300_000, noNaN: true }),
      fc.constantFrom(2_000, 10_000, 50_000),
    );
    fc.assert(
      fc.property(
        starArb,
        fc.array(
          fc.tuple(
            pointsArb.map((p) => p[0]!),
            radiusArb,
          ),
          { minLength: 1, maxLength: 30 },
        ),
        ({ geometry, rings, bbox }, queries) => {
          const index = PolygonIndex.from(geometry);
          const [x0, y0, x1, y1] = bbox;
          for (const [[u, v], radius] of queries) {
            const lon = x0 + u * (x1 - x0);
            const lat = y0 + v * (y1 - y0);
            const distance = bruteDistance(rings, lon, lat);
            expect(index.distanceToBoundaryM(lon, lat)).toBeCloseTo(distance, 4);
            if (distance < 1e-3 || Math.abs(distance - radius) < 1e-6 * Math.max(1, radius))
              continue;
            const inside = booleanPointInPolygon([lon, lat], geometry);
            expect(index.relateDisk(lon, lat, radius)).toBe(expected(inside, distance, radius));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('relateDisk with radius 0 is containsPoint, and results are stable under repetition', () => {
    fc.assert(
      fc.property(starArb, pointsArb, ({ geometry, bbox }, points) => {
        const index = PolygonIndex.from(geometry);
        const [x0, y0, x1, y1] = bbox;
        for (const [u, v] of points) {
          const lon = x0 + u * (x1 - x0);
          const lat = y0 + v * (y1 - y0);
          const r = index.relateDisk(lon, lat, 0);
          expect(r).toBe(index.containsPoint(lon, lat) ? INSIDE : NONE);
          expect(index.relateDisk(lon, lat, 0)).toBe(r);
          expect([NONE, OVERLAPS, INSIDE]).toContain(index.relateDisk(lon, lat, 1000));
        }
      }),
      { numRuns: 100 },
    );
  });
});
