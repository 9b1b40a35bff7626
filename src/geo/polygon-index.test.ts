import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE, haversineM, lonScale } from './distance.ts';
import { INSIDE, NONE, OVERLAPS, PolygonIndex } from './polygon-index.ts';

const sq = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
/** Degrees of latitude for a distance in metres. */
const deg = (m: number) => m / METRES_PER_DEGREE;

const square = PolygonIndex.from(poly(sq(36, 33, 37, 34)));
const holed = PolygonIndex.from(poly(sq(36, 33, 37, 34), sq(36.4, 33.4, 36.6, 33.6)));

describe('PolygonIndex.containsPoint: zones are closed sets', () => {
  it('counts points on an edge, on a vertex and on a hole edge as inside', () => {
    expect(square.containsPoint(36.5, 33)).toBe(true);
    expect(square.containsPoint(37, 33.7)).toBe(true);
    expect(square.containsPoint(36, 33)).toBe(true);
    expect(square.containsPoint(37, 34)).toBe(true);
    expect(holed.containsPoint(36.5, 33.4)).toBe(true);
    expect(holed.containsPoint(36.6, 33.55)).toBe(true);
    expect(holed.containsPoint(36.4, 33.6)).toBe(true);
  });

  it('puts points 1e-7° off an edge on the right side, both ways', () => {
    expect(square.containsPoint(36.5, 33 - 1e-7)).toBe(false);
    expect(square.containsPoint(36.5, 33 + 1e-7)).toBe(true);
    expect(square.containsPoint(37 + 1e-7, 33.5)).toBe(false);
    expect(square.containsPoint(37 - 1e-7, 33.5)).toBe(true);
    expect(square.containsPoint(36 - 1e-7, 34 + 1e-7)).toBe(false);
    expect(holed.containsPoint(36.5, 33.4 + 1e-7)).toBe(false); // just inside the hole
    expect(holed.containsPoint(36.5, 33.4 - 1e-7)).toBe(true);
  });

  it('treats points within the 1e-10° tolerance of an edge as on it', () => {
    expect(square.containsPoint(37 + 5e-11, 33.5)).toBe(true);
    expect(square.containsPoint(36.5, 33 - 5e-11)).toBe(true);
    expect(square.containsPoint(36.5, 33 - 1e-9)).toBe(false);
  });

  it('excludes the hole', () => {
    expect(holed.containsPoint(36.5, 33.5)).toBe(false);
    expect(holed.containsPoint(36.45, 33.59)).toBe(false);
    expect(holed.containsPoint(36.2, 33.5)).toBe(true);
  });

  it('finds points computed on a diagonal edge in floating point, where Turf may not', () => {
    const tri = PolygonIndex.from(
      poly([
        [35.1, 32.3],
        [36.7, 33.9],
        [35.2, 34.4],
        [35.1, 32.3],
      ]),
    );
    let turfMisses = 0;
    for (let t = 0.01; t < 1; t += 0.01) {
      const x = 35.1 + t * (36.7 - 35.1);
      const y = 32.3 + t * (33.9 - 32.3);
      expect(tri.containsPoint(x, y)).toBe(true);
      const turfPoly = poly([
        [35.1, 32.3],
        [36.7, 33.9],
        [35.2, 34.4],
        [35.1, 32.3],
      ]);
      if (!booleanPointInPolygon([x, y], turfPoly)) turfMisses++;
    }
    expect(turfMisses).toBeGreaterThan(0); // why the tolerance exists
  });

  it('handles MultiPolygons, unclosed rings, empty and degenerate geometry and NaN', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[sq(36, 33, 36.5, 33.5)], [sq(37, 33, 37.5, 33.5), sq(37.2, 33.2, 37.3, 33.3)]],
    };
    const m = PolygonIndex.from(multi);
    expect([m.containsPoint(36.2, 33.2), m.containsPoint(37.1, 33.1)]).toEqual([true, true]);
    expect([m.containsPoint(36.7, 33.2), m.containsPoint(37.25, 33.25)]).toEqual([false, false]);
    expect([m.minX, m.minY, m.maxX, m.maxY]).toEqual([36, 33, 37.5, 33.5]);

    const open = PolygonIndex.from(
      poly([
        [36, 33],
        [37, 33],
        [37, 34],
        [36, 34],
      ]),
    );
    expect(open.containsPoint(36.5, 33.5)).toBe(true);
    expect(open.containsPoint(35.9, 33.5)).toBe(false);

    const dot = PolygonIndex.from(
      poly([
        [36, 33],
        [36, 33],
        [36, 33],
        [36, 33],
      ]),
    );
    expect([dot.containsPoint(36, 33), dot.relateDisk(36, 33, 10)]).toEqual([false, NONE]);

    const empty = PolygonIndex.from(poly());
    expect(empty.containsPoint(36, 33)).toBe(false);
    expect(empty.relateDisk(36, 33, 1000)).toBe(NONE);
    expect(empty.distanceToBoundaryM(36, 33)).toBe(Infinity);

    const flat = PolygonIndex.from(
      poly([
        [36, 33],
        [36, 34],
        [36, 33.5],
        [36, 33],
      ]),
    );
    expect(flat.containsPoint(36, 33.2)).toBe(true); // on its (only) edges
    expect(flat.containsPoint(36.1, 33.2)).toBe(false);

    expect(square.containsPoint(NaN, 33.5)).toBe(false);
    expect(square.relateDisk(36.5, NaN, 100)).toBe(NONE);
  });

  it('agrees with Turf away from the boundary on a 10,000-vertex circle', () => {
    const n = 10_000;
    const ring: Position[] = [];
    for (let k = 0; k <= n; k++) {
      const a = (2 * Math.PI * (k % n)) / n;
      ring.push([37 + 0.3 * Math.cos(a) * (1 + 0.05 * Math.sin(7 * a)), 36 + 0.3 * Math.sin(a)]);
    }
    const circle = PolygonIndex.from(poly(ring));
    expect(circle.gridSize).toBe(128);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let k = 0; k < 2000; k++) {
      const x = 36.6 + 0.8 * rand();
      const y = 35.6 + 0.8 * rand();
      expect(circle.containsPoint(x, y)).toBe(booleanPointInPolygon([x, y], poly(ring)));
    }
  });
});

describe('PolygonIndex.relateDisk', () => {
  it('is INSIDE for a 2 km disk 2.1 km from the edge and OVERLAPS at 1.9 km', () => {
    expect(square.relateDisk(36.5, 33 + deg(2100), 2000)).toBe(INSIDE);
    expect(square.relateDisk(36.5, 33 + deg(1900), 2000)).toBe(OVERLAPS);
    // The same against the hole's edge, from the zone side ...
    expect(holed.relateDisk(36.5, 33.4 - deg(2100), 2000)).toBe(INSIDE);
    expect(holed.relateDisk(36.5, 33.4 - deg(1900), 2000)).toBe(OVERLAPS);
    // ... and against an east edge, where the metric scales longitude by cos(lat).
    const dLon = (m: number) => deg(m) / lonScale(33.5);
    expect(square.relateDisk(37 - dLon(2100), 33.5, 2000)).toBe(INSIDE);
    expect(square.relateDisk(37 - dLon(1900), 33.5, 2000)).toBe(OVERLAPS);
  });

  it('is OVERLAPS for an outside disk within r of the edge and NONE beyond', () => {
    expect(square.relateDisk(36.5, 33 - deg(1900), 2000)).toBe(OVERLAPS);
    expect(square.relateDisk(36.5, 33 - deg(2100), 2000)).toBe(NONE);
    expect(holed.relateDisk(36.5, 33.4 + deg(1900), 2000)).toBe(OVERLAPS); // in the hole
    expect(holed.relateDisk(36.5, 33.4 + deg(2100), 2000)).toBe(NONE);
    // Diagonally off a corner: 1.45 km away.
    expect(square.relateDisk(35.99, 32.99, 1500)).toBe(OVERLAPS);
    expect(square.relateDisk(35.99, 32.99, 1400)).toBe(NONE);
  });

  it('is OVERLAPS for a disk covering the whole polygon, from inside or outside', () => {
    const small = PolygonIndex.from(poly(sq(37.15, 36.2, 37.16, 36.21)));
    expect(small.relateDisk(37.155, 36.205, 5000)).toBe(OVERLAPS);
    expect(small.relateDisk(37.17, 36.2, 5000)).toBe(OVERLAPS);
    expect(square.relateDisk(36.5, 33.5, 300_000)).toBe(OVERLAPS);
  });

  it('treats radius 0 (and negative or NaN) as a point test', () => {
    for (const r of [0, -5, NaN]) {
      expect(square.relateDisk(36.5, 33, r)).toBe(INSIDE); // on the edge
      expect(square.relateDisk(36.5, 33 - 1e-7, r)).toBe(NONE);
      expect(holed.relateDisk(36.5, 33.5, r)).toBe(NONE);
      expect(holed.relateDisk(36.2, 33.5, r)).toBe(INSIDE);
    }
  });

  it('is exact when the disk box reaches cells on one side of the boundary only', () => {
    // A thin sliver: the disk's box covers BOUNDARY cells and outside cells but no INSIDE cell.
    const sliver = PolygonIndex.from(
      poly([
        [36, 33],
        [37, 33],
        [37, 33.001],
        [36, 33],
        [36, 33],
      ]),
    );
    expect(sliver.relateDisk(36.9, 33 - deg(50), 60)).toBe(OVERLAPS);
    expect(sliver.relateDisk(36.9, 33 - deg(50), 40)).toBe(NONE);
    expect(sliver.relateDisk(36.9, 33.0005, 10)).toBe(INSIDE);
    expect(sliver.relateDisk(36.9, 33.0005, 100)).toBe(OVERLAPS);
  });
});

describe('PolygonIndex.distanceToBoundaryM', () => {
  it('measures to the nearest edge, hole edges included', () => {
    // 0.5° of longitude at 33.5°N in the local projection.
    expect(square.distanceToBoundaryM(36.5, 33.5)).toBeCloseTo(
      0.5 * METRES_PER_DEGREE * lonScale(33.5),
      3,
    );
    expect(holed.distanceToBoundaryM(36.5, 33.5)).toBeCloseTo(
      0.1 * METRES_PER_DEGREE * lonScale(33.5),
      3,
    );
    expect(square.distanceToBoundaryM(36.5, 33)).toBeCloseTo(0, 6);
    const outside = square.distanceToBoundaryM(36.5, 32.9);
    expect(outside).toBeCloseTo(0.1 * METRES_PER_DEGREE, 3);
    expect(Math.abs(outside - haversineM(36.5, 32.9, 36.5, 33)) / outside).toBeLessThan(1e-9);
  });

  it('finds the nearest edge from far away and near the poles', () => {
    expect(square.distanceToBoundaryM(40, 33.5) / 1000).toBeCloseTo(
      (3 * METRES_PER_DEGREE * lonScale(33.5)) / 1000,
      3,
    );
    const polar = PolygonIndex.from(poly(sq(-10, 89, 10, 89.5)));
    expect(polar.containsPoint(0, 89.2)).toBe(true);
    expect(polar.relateDisk(0, 89.9, 1000)).toBe(NONE);
    expect(polar.relateDisk(0, 89.9, 60_000)).toBe(OVERLAPS);
  });
});
