// Small geometry helpers for the map: an uncertainty disk as a polygon ring, bounds of zones.
import type { Feature, Polygon, Position } from 'geojson';

const EARTH_RADIUS_M = 6_371_008.8;

/** A circle of `radiusM` metres around [lon, lat] on a sphere, as a closed polygon ring. */
export function diskPolygon(center: Position, radiusM: number, steps = 64): Feature<Polygon> {
  const [lon = 0, lat = 0] = center;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = radiusM / EARTH_RADIUS_M;
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const θ = ((i % steps) / steps) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 =
      λ1 +
      Math.atan2(
        Math.sin(θ) * Math.sin(δ) * Math.cos(φ1),
        Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2),
      );
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export type BBox = [number, number, number, number];

/** The bounding box of any GeoJSON geometry's positions. */
export function bboxOf(coords: unknown, into: BBox = [180, 90, -180, -90]): BBox {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    into[0] = Math.min(into[0], x!);
    into[1] = Math.min(into[1], y!);
    into[2] = Math.max(into[2], x!);
    into[3] = Math.max(into[3], y!);
  } else if (Array.isArray(coords)) for (const c of coords) bboxOf(c, into);
  return into;
}

/** Syria and its neighbours' edges: the view the map opens on. */
export const SYRIA_BOUNDS: BBox = [35.4, 32.2, 42.6, 37.4];
