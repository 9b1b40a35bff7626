// validateZoneGeometry at scale (issue 20): many parts and many holes validate in near-linear time
// (measured by bench/validate-geometry.bench.ts, never timed here), past the caps they are refused
// naming the field, and the indexed nesting checks answer as the plain ones did on large rings.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GEOMETRY_LIMITS,
  MAX_EDGE_PAIRS,
  validateZoneGeometry,
  type GeometryIssue,
  type GeometryLimits,
} from './validate-geometry.ts';
import {
  holedPolygon as holed,
  square as sq,
  squaresMultiPolygon as squares,
  type Ring,
} from './test/scale-shapes.ts';

function circle(n: number, cx: number, cy: number, r: number): Ring {
  return Array.from({ length: n + 1 }, (_, k) => {
    const a = (2 * Math.PI * (k % n)) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}
const uncapped: GeometryLimits = {
  ...DEFAULT_GEOMETRY_LIMITS,
  maxParts: Infinity,
  maxHolesPerPolygon: Infinity,
};
function issues(g: unknown, limits?: GeometryLimits): GeometryIssue[] {
  const r = validateZoneGeometry(g, limits);
  return r.ok ? [] : r.issues;
}

describe('validateZoneGeometry at scale', () => {
  it('validates a MultiPolygon of 24,000 separate squares (caps lifted) and of 10,000 (the cap)', () => {
    expect(validateZoneGeometry(squares(24_000), uncapped).ok).toBe(true);
    expect(validateZoneGeometry(squares(10_000)).ok).toBe(true);
  });

  it('validates a Polygon with 12,000 holes (caps lifted) and with 10,000 (the cap)', () => {
    expect(validateZoneGeometry(holed(12_000), uncapped).ok).toBe(true);
    expect(validateZoneGeometry(holed(10_000)).ok).toBe(true);
  });

  it('refuses more than 10,000 parts, naming coordinates and the limit', () => {
    expect(issues(squares(24_000))).toEqual([
      {
        path: 'coordinates',
        message: 'the zone has 24000 polygons; the limit is 10000 — merge or simplify them',
      },
    ]);
    expect(issues(squares(10_001))[0]!.message).toMatch(/10001 polygons; the limit is 10000/);
  });

  it('refuses more than 10,000 holes in a polygon, naming the polygon', () => {
    expect(issues(holed(12_000))).toEqual([
      {
        path: 'coordinates',
        message: 'the polygon has 12000 holes; the limit is 10000 per polygon — simplify it',
      },
    ]);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [[sq(30, 30, 1)], holed(10_001).coordinates],
    };
    expect(issues(multi)).toEqual([
      {
        path: 'coordinates[1]',
        message: 'polygon 1 has 10001 holes; the limit is 10000 per polygon — simplify it',
      },
    ]);
  });

  it('still refuses more than 100,000 vertices in all, across parts', () => {
    const many = {
      type: 'MultiPolygon',
      coordinates: [[circle(60_000, 36, 33, 0.5)], [circle(40_001, 38, 33, 0.5)]],
    };
    expect(issues(many)).toEqual([
      {
        path: 'coordinates',
        message: 'the zone has 100001 vertices; the limit is 100000 — simplify it',
      },
    ]);
  });

  it('finds holes outside and parts inside large rings as before', () => {
    const shell = circle(2_000, 36, 33, 0.5);
    expect(
      validateZoneGeometry({ type: 'Polygon', coordinates: [shell, sq(35.9, 32.9, 0.2)] }).ok,
    ).toBe(true);
    const [out] = issues({ type: 'Polygon', coordinates: [shell, sq(36.6, 33, 0.1)] });
    expect(out).toEqual({
      path: 'coordinates[1]',
      message: 'ring 1 (hole) lies outside its outer ring (near 36.6, 33)',
    });
    // A hole that touches the large shell at one of its vertices, probed from the next vertex.
    const touching = [shell[0]!, [36.4, 32.95], [36.4, 33.05], shell[0]!];
    expect(validateZoneGeometry({ type: 'Polygon', coordinates: [shell, touching] }).ok).toBe(true);
    // A part inside a large part, and an island inside a large hole of another part.
    const lake = circle(500, 36, 33, 0.3);
    expect(issues({ type: 'MultiPolygon', coordinates: [[shell], [sq(35.9, 32.9, 0.2)]] })).toEqual(
      [
        {
          path: 'coordinates[1][0]',
          message: 'polygon 1 lies inside polygon 0; the parts of a MultiPolygon must not overlap',
        },
      ],
    );
    expect(
      validateZoneGeometry({
        type: 'MultiPolygon',
        coordinates: [[shell, [...lake].reverse()], [sq(35.9, 32.9, 0.2)]],
      }).ok,
    ).toBe(true);
  });

  it('refuses edges packed so close that checking them would be quadratic', () => {
    // A comb of 4,000 long parallel diagonal teeth: every edge box overlaps nearly every other.
    const ring: Ring = [];
    for (let i = 0; i < 4_000; i++) {
      const x = 36 + i * 1e-4;
      ring.push([x, 33], [x + 1, 34], [x + 1.00005, 34], [x + 0.00005, 33]);
    }
    ring.push([37.4, 32.5], [36, 32.5], ring[0]!);
    expect(issues({ type: 'Polygon', coordinates: [ring] })).toEqual([
      {
        path: 'coordinates',
        message: `the zone's edges lie too close together to check (more than ${MAX_EDGE_PAIRS} pairs of edges with overlapping boxes) — simplify it`,
      },
    ]);
    // 250 teeth (1,000 vertices) are checked, and valid.
    expect(
      validateZoneGeometry({
        type: 'Polygon',
        coordinates: [[...ring.slice(0, 1_000), [36.025, 32.5], [36, 32.5], ring[0]!]],
      }).ok,
    ).toBe(true);
  });

  it('reports at most 20 nesting problems', () => {
    const stray = Array.from({ length: 50 }, (_, i) => sq(40 + i * 0.01, 40, 0.004));
    const found = issues({ type: 'Polygon', coordinates: [sq(36, 33, 1), ...stray] });
    expect(found).toHaveLength(20);
    expect(found[0]!.message).toMatch(/ring 1 \(hole\) lies outside its outer ring/);
  });
});
