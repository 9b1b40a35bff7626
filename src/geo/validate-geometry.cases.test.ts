// More validateZoneGeometry cases, next to validate-geometry.test.ts: MultiPolygon paths,
// collinear overlaps between rings, several issues at once, the issue cap, timing on large rings,
// and the areaKm2 / bboxOf helpers.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GEOMETRY_LIMITS,
  areaKm2,
  bboxOf,
  validateZoneGeometry,
  type GeometryIssue,
} from './validate-geometry.ts';

type Ring = number[][];
const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: Ring[][]) => ({ type: 'MultiPolygon', coordinates: polygons });

function issues(g: unknown): GeometryIssue[] {
  const r = validateZoneGeometry(g);
  return r.ok ? [] : r.issues;
}

function circle(n: number, cx: number, cy: number, r: number): Ring {
  return Array.from({ length: n + 1 }, (_, k) => {
    const a = (2 * Math.PI * (k % n)) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

describe('validateZoneGeometry, more cases', () => {
  it('exports the documented limits', () => {
    expect(DEFAULT_GEOMETRY_LIMITS).toEqual({
      maxVertices: 100_000,
      maxAreaKm2: 2_000_000,
      minAreaKm2: 0.0001,
      maxParts: 10_000,
      maxHolesPerPolygon: 10_000,
    });
  });

  it('returns the geometry when valid, and accepts a third coordinate', () => {
    const g = poly(sq(36, 33, 37, 34).map(([x, y]) => [x!, y!, 412]));
    const r = validateZoneGeometry(g);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.geometry).toBe(g);
  });

  it('uses MultiPolygon paths and names the polygon in the message', () => {
    const [lat] = issues(
      multi(
        [sq(36, 33, 37, 34)],
        [
          [
            [36, 33],
            [37, 95],
            [37, 34],
            [36, 33],
          ],
        ],
      ),
    );
    expect(lat!.path).toBe('coordinates[1][0][1]');
    expect(lat!.message).toMatch(/^polygon 1, ring 0 \(outer\): position 1 \(37, 95\)/);
    const [nan] = issues(
      poly([
        [36, 33],
        [Number.NaN, 33],
        [37, 34],
        [36, 33],
      ]),
    );
    expect(nan!.path).toBe('coordinates[0][1]');
  });

  it('rejects a hole running along its shell (collinear overlap), with the place', () => {
    const hole = [
      [36, 33.4],
      [36.2, 33.4],
      [36.2, 33.6],
      [36, 33.6],
      [36, 33.4],
    ];
    const found = issues(poly(sq(36, 33, 37, 34), hole));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/runs along .*ring 1 \(hole\)/);
    expect(found[0]!.message).toMatch(/at 36, 33\.5/);
  });

  it('reports the crossing point of a bow-tie inside a MultiPolygon', () => {
    const bowtie = [
      [38, 33],
      [39, 34],
      [39, 33],
      [38, 34],
      [38, 33],
    ];
    const [i] = issues(multi([sq(36, 33, 37, 34)], [bowtie]));
    expect(i!.path).toBe('coordinates[1][0][0]');
    expect(i!.message).toBe(
      'polygon 1, ring 0 (outer): edge 0→1 crosses edge 2→3 at 38.5, 33.5 (the ring intersects itself)',
    );
  });

  it('reports every structural problem at once, up to 20', () => {
    const two = issues(
      multi(
        [
          [
            [36, 33],
            [37, 33],
            [36, 33],
          ],
        ],
        [
          [
            [36, 33],
            [37, 33],
            [37, 34],
            [36, 34],
          ],
        ],
      ),
    );
    expect(two.map((i) => i.path)).toEqual(['coordinates[0][0]', 'coordinates[1][0][3]']);
    // The star polygon {31/15}: every edge crosses many others.
    const star: Ring = Array.from({ length: 32 }, (_, k) => {
      const a = (2 * Math.PI * 15 * (k % 31)) / 31;
      return [37 + 0.1 * Math.cos(a), 36 + 0.1 * Math.sin(a)];
    });
    const many = issues(poly(star));
    expect(many.length).toBe(20);
    expect(new Set(many.map((i) => i.message)).size).toBe(20);
  });

  // Speed on large rings is measured by bench/, never timed here.
  it('validates a 10,000-vertex circle and finds a crossing in one', () => {
    const ring = circle(10_000, 37.1, 36.2, 0.05);
    expect(validateZoneGeometry(poly(ring)).ok).toBe(true);
    const broken = ring.map((p) => [...p]);
    [broken[5000], broken[5001]] = [broken[5001]!, broken[5000]!]; // two vertices swapped
    const found = issues(poly(broken));
    expect(found[0]!.path).toMatch(/^coordinates\[0\]\[\d+\]$/);
    expect(found[0]!.message).toMatch(
      /ring 0 \(outer\): edge \d+→\d+ crosses edge \d+→\d+ at 3\d\.\d+, 3\d\.\d+/,
    );
  });

  it('computes area in km² and the bbox', () => {
    expect(areaKm2(poly(sq(36, 33, 37, 34)) as never)).toBeCloseTo(10_340, -2);
    const holed = poly(sq(36, 33, 37, 34), sq(36.4, 33.4, 36.6, 33.6)) as never;
    expect(areaKm2(holed)).toBeLessThan(areaKm2(poly(sq(36, 33, 37, 34)) as never));
    expect(bboxOf(multi([sq(36, 33, 37, 34)], [sq(38, 32, 39, 33.5)]) as never)).toEqual([
      36, 32, 39, 34,
    ]);
  });
});
