import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateZoneGeometry } from './validate-geometry.ts';

const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const sq = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function issues(g: unknown) {
  const r = validateZoneGeometry(g);
  return r.ok ? [] : r.issues;
}

describe('validateZoneGeometry', () => {
  it('accepts a square, a square with a hole and a MultiPolygon', () => {
    expect(validateZoneGeometry(poly(sq(36, 33, 37, 34))).ok).toBe(true);
    expect(validateZoneGeometry(poly(sq(36, 33, 37, 34), sq(36.4, 33.4, 36.6, 33.6))).ok).toBe(
      true,
    );
    expect(
      validateZoneGeometry({
        type: 'MultiPolygon',
        coordinates: [[sq(36, 33, 36.5, 33.5)], [sq(37, 33, 37.5, 33.5)]],
      }).ok,
    ).toBe(true);
  });

  it('accepts a hole touching its shell at one vertex and parts touching at a point', () => {
    expect(
      validateZoneGeometry(
        poly(sq(36, 33, 37, 34), [
          [36, 33.5],
          [36.5, 33.4],
          [36.5, 33.6],
          [36, 33.5],
        ]),
      ).ok,
    ).toBe(true);
    expect(
      validateZoneGeometry({
        type: 'MultiPolygon',
        coordinates: [[sq(36, 33, 36.5, 33.5)], [sq(36.5, 33.5, 37, 34)]],
      }).ok,
    ).toBe(true);
  });

  it('rejects what is not a polygon', () => {
    expect(issues({ type: 'Point', coordinates: [36, 33] })[0]).toMatchObject({ path: 'type' });
    expect(issues(null)[0]).toMatchObject({ path: 'type' });
    expect(issues({ type: 'Polygon', coordinates: [] })[0]).toMatchObject({ path: 'coordinates' });
  });

  it('names a malformed or out-of-range position', () => {
    expect(
      issues(
        poly([
          [36, 33],
          [37, 'x'],
          [37, 34],
          [36, 33],
        ] as never),
      )[0],
    ).toMatchObject({ path: 'coordinates[0][1]' });
    const [lon] = issues(
      poly([
        [36, 33],
        [200, 33],
        [37, 34],
        [36, 33],
      ]),
    );
    expect(lon).toMatchObject({ path: 'coordinates[0][1]' });
    expect(lon!.message).toMatch(/outside WGS84/);
  });

  it('rejects a ring with fewer than four positions', () => {
    const [i] = issues(
      poly([
        [36, 33],
        [37, 33],
        [36, 33],
      ]),
    );
    expect(i!.path).toBe('coordinates[0]');
    expect(i!.message).toMatch(/3 positions; a ring needs at least 4/);
  });

  it('rejects an unclosed ring, saying where it starts and ends', () => {
    const [i] = issues(
      poly([
        [36, 33],
        [37, 33],
        [37, 34],
        [36, 34],
      ]),
    );
    expect(i!.path).toBe('coordinates[0][3]');
    expect(i!.message).toMatch(
      /ring 0 \(outer\) is not closed: it starts at 36, 33 and ends at 36, 34/,
    );
  });

  it('rejects a bow-tie, naming the edges and the crossing point', () => {
    const [i] = issues(
      poly([
        [36, 33],
        [37, 34],
        [37, 33],
        [36, 34],
        [36, 33],
      ]),
    );
    expect(i!.path).toBe('coordinates[0][0]');
    expect(i!.message).toBe(
      'ring 0 (outer): edge 0→1 crosses edge 2→3 at 36.5, 33.5 (the ring intersects itself)',
    );
  });

  it('rejects a ring that touches itself and a spike that folds back', () => {
    expect(
      issues(
        poly([
          [36, 33],
          [37, 33],
          [36.5, 33.5],
          [37, 34],
          [36, 34],
          [36.5, 33.5],
          [36, 33],
        ]),
      )[0]!.message,
    ).toMatch(/touches/);
    expect(
      issues(
        poly([
          [36, 33],
          [37, 33],
          [37, 34],
          [37, 33.5],
          [36, 34],
          [36, 33],
        ]),
      )[0]!.message,
    ).toMatch(/spike|runs along/);
  });

  it('rejects a hole outside its shell and a hole crossing its shell', () => {
    const [out] = issues(poly(sq(36, 33, 37, 34), sq(38, 33, 38.5, 33.5)));
    expect(out).toMatchObject({ path: 'coordinates[1]' });
    expect(out!.message).toMatch(/ring 1 \(hole\) lies outside its outer ring/);
    const [cross] = issues(poly(sq(36, 33, 37, 34), sq(36.8, 33.4, 37.2, 33.6)));
    expect(cross!.message).toMatch(/ring 0 \(outer\): edge 1→2 crosses ring 1 \(hole\)/);
  });

  it('rejects MultiPolygon parts that overlap, naming the polygon', () => {
    const r = issues({
      type: 'MultiPolygon',
      coordinates: [[sq(36, 33, 37, 34)], [sq(36.2, 33.2, 36.4, 33.4)]],
    });
    expect(r[0]!.message).toMatch(/polygon 1 lies inside polygon 0/);
    const crossing = issues({
      type: 'MultiPolygon',
      coordinates: [[sq(36, 33, 37, 34)], [sq(36.5, 33.5, 37.5, 34.5)]],
    });
    expect(crossing[0]!.message).toMatch(
      /^polygon 0, ring 0 \(outer\): edge .* crosses polygon 1, ring 0 \(outer\)/,
    );
  });

  it('reports every crossing, not just the first', () => {
    const zigzag = [
      [36, 33],
      [37, 33.5],
      [36, 34],
      [37, 34],
      [36, 33.5],
      [37, 33],
      [36, 33],
    ];
    expect(issues(poly(zigzag)).length).toBeGreaterThan(1);
  });

  it('enforces the vertex and area limits', () => {
    const big = Array.from({ length: 100_002 }, (_, k) => [
      36 + Math.cos((2 * Math.PI * k) / 100_001),
      33 + Math.sin((2 * Math.PI * k) / 100_001),
    ]);
    big[big.length - 1] = big[0]!;
    expect(issues(poly(big))[0]!.message).toMatch(/limit is 100000/);
    expect(issues(poly(sq(36, 33, 36.00001, 33.00001)))[0]!.message).toMatch(/below the minimum/);
    expect(issues(poly(sq(-170, -80, 170, 80)))[0]!.message).toMatch(/above the limit/);
  });

  it('accepts the real OCHA neighbourhood zones of the demo', () => {
    const demo = JSON.parse(
      readFileSync(
        new URL('../../data/demo/agreements/aleppo-safe-zones.json', import.meta.url),
        'utf8',
      ),
    ) as {
      versions: { zones: { features: { geometry: unknown }[] } }[];
    };
    for (const f of demo.versions[0]!.zones.features)
      expect(validateZoneGeometry(f.geometry).ok).toBe(true);
  });
});
