import { describe, expect, it } from 'vitest';
import {
  EARTH_RADIUS_M,
  METRES_PER_DEGREE,
  degreesForMetres,
  haversineM,
  lonScale,
} from './distance.ts';

const DEG = Math.PI / 180;

/** Destination point at `bearing` (degrees) and `metres` on the sphere (for boxes and errors). */
function destination(lon: number, lat: number, bearing: number, metres: number): [number, number] {
  const d = metres / EARTH_RADIUS_M;
  const p1 = lat * DEG;
  const b = bearing * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 =
    lon * DEG +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 / DEG, p2 / DEG];
}

describe('haversineM', () => {
  it('measures a degree of latitude, a degree of longitude at the equator and half the globe', () => {
    expect(METRES_PER_DEGREE).toBeCloseTo(111_195.08, 1);
    expect(haversineM(36, 33, 36, 34)).toBeCloseTo(METRES_PER_DEGREE, 6);
    expect(haversineM(0, 0, 1, 0)).toBeCloseTo(METRES_PER_DEGREE, 6);
    expect(haversineM(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(haversineM(10, 89.999, 190, 89.999)).toBeCloseTo(2 * 0.001 * METRES_PER_DEGREE, 3);
  });

  it('agrees with the spherical law of cosines (Damascus to Aleppo)', () => {
    const [l1, p1, l2, p2] = [36.2765, 33.5138, 37.1343, 36.2021].map((v) => v * DEG) as [
      number,
      number,
      number,
      number,
    ];
    const cosines =
      EARTH_RADIUS_M *
      Math.acos(Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(l2 - l1));
    expect(haversineM(36.2765, 33.5138, 37.1343, 36.2021)).toBeCloseTo(cosines, 3);
    expect(cosines / 1000).toBeCloseTo(309.0, 0);
  });

  it('is symmetric and zero for identical points', () => {
    expect(haversineM(37.1, 36.2, 37.1, 36.2)).toBe(0);
    expect(haversineM(37.1, 36.2, 38, 35)).toBe(haversineM(38, 35, 37.1, 36.2));
  });
});

describe('degreesForMetres', () => {
  it('gives the latitude half-size exactly and a wider longitude half-size away from the equator', () => {
    const { dLon, dLat } = degreesForMetres(36, 10_000);
    expect(dLat).toBeCloseTo(10_000 / METRES_PER_DEGREE, 12);
    expect(dLon).toBeGreaterThanOrEqual(dLat / Math.cos(36 * DEG));
    expect(dLon).toBeCloseTo(dLat / Math.cos(36 * DEG), 6);
  });

  it('contains the whole spherical disk', () => {
    for (const lat of [0, 36, -60, 80, 89]) {
      for (const metres of [100, 2_000, 50_000, 500_000]) {
        const { dLon, dLat } = degreesForMetres(lat, metres);
        for (let bearing = 0; bearing < 360; bearing += 5) {
          const [x, y] = destination(20, lat, bearing, metres);
          const wrapped = ((x - 20 + 540) % 360) - 180;
          expect(Math.abs(wrapped)).toBeLessThanOrEqual(dLon + 1e-9);
          expect(Math.abs(y - lat)).toBeLessThanOrEqual(dLat + 1e-9);
        }
      }
    }
  });

  it('stays finite near the poles and caps longitude at 360', () => {
    expect(degreesForMetres(90, 1).dLon).toBeLessThanOrEqual(360);
    expect(Number.isFinite(degreesForMetres(-90, 1).dLon)).toBe(true);
    expect(degreesForMetres(89.99, 5_000).dLon).toBe(360); // the disk contains the pole
    expect(degreesForMetres(0, 30_000_000).dLon).toBe(360);
    expect(lonScale(90)).toBeGreaterThan(0);
  });
});

describe('local equirectangular projection (the kernels’ metric)', () => {
  /** Largest relative error of the projected distance against haversine, over bearings and lats. */
  function worstError(metres: number, maxLat: number): number {
    let worst = 0;
    for (let lat = -maxLat; lat <= maxLat; lat += 2) {
      for (let bearing = 0; bearing < 360; bearing += 6) {
        const [x, y] = destination(36, lat, bearing, metres);
        const dx = (x - 36) * lonScale(lat);
        const projected = Math.hypot(dx, y - lat) * METRES_PER_DEGREE;
        worst = Math.max(worst, Math.abs(projected - metres) / metres);
      }
    }
    return worst;
  }

  it('is within the documented bounds: <0.3% at 50 km and <0.06% at 10 km up to 60°', () => {
    expect(worstError(50_000, 60)).toBeLessThan(0.003);
    expect(worstError(10_000, 60)).toBeLessThan(0.0006);
    expect(worstError(50_000, 40)).toBeLessThan(0.0015);
    expect(worstError(2_000, 60)).toBeLessThan(0.00015);
  });
});
