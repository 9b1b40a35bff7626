// checkZoneGeometry: large geometries are validated on a worker thread with the same answers as
// in place, and a check past its time budget is refused naming coordinates (a 1 ms budget, which
// no worker start meets — no wall-clock limit on the test itself).
import { describe, expect, it } from 'vitest';
import { validateZoneGeometry } from '../geo/validate-geometry.ts';
import { checkZoneGeometry } from './geometry-check.ts';
import { square as sq, squaresMultiPolygon as squares } from '../geo/test/scale-shapes.ts';

describe('checkZoneGeometry', () => {
  it('validates a small geometry in place and a large one on a worker, returning it', async () => {
    const small = squares(10);
    expect(await checkZoneGeometry(small)).toEqual({ ok: true, geometry: small });
    const large = squares(2_000);
    const r = await checkZoneGeometry(large);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.geometry).toBe(large);
  });

  it('gives the issues of the in-place check', async () => {
    const g = squares(2_000);
    g.coordinates[1_500] = [
      [
        [38, 33],
        [39, 34],
        [39, 33],
        [38, 34],
        [38, 33],
      ],
    ];
    g.coordinates[7] = [sq(35.071, 30.001, 0.002)]; // overlaps part 6
    const expected = validateZoneGeometry(g);
    expect(expected.ok).toBe(false);
    expect(await checkZoneGeometry(g)).toEqual(expected);
  });

  it('refuses a check past its time budget, naming coordinates', async () => {
    expect(await checkZoneGeometry(squares(2_000), { budgetMs: 1 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'coordinates',
          message: 'the zone could not be checked within the limit of 0.001 s — simplify it',
        },
      ],
    });
  });
});
