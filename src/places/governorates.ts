// Which Syrian governorate (OCHA admin 1) a point lies in, from the committed base-map layer
// (data/basemap/syria-adm1.json, 14 polygons simplified to ~20 m). Used where an incident names no
// admin1 itself; a point outside every governorate (another country, the sea) has none. The layer
// is read once per process, on first use.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

interface Governorate {
  name: string;
  bbox: [number, number, number, number];
  geometry: Polygon | MultiPolygon;
}

const FILE = new URL('../../data/basemap/syria-adm1.json', import.meta.url);
let loaded: Governorate[] | null = null;

function governorates(): Governorate[] {
  if (loaded) return loaded;
  const fc = JSON.parse(readFileSync(FILE, 'utf8')) as {
    features: { properties: { name_en: string }; geometry: Polygon | MultiPolygon }[];
  };
  loaded = fc.features.map((f) => {
    const bbox: Governorate['bbox'] = [180, 90, -180, -90];
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [x, y] of rings.flat(2) as [number, number][]) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
    return { name: f.properties.name_en, bbox, geometry: f.geometry };
  });
  return loaded;
}

/** The English OCHA name of the governorate containing [lon, lat], or null. */
export function governorateAt(lon: number, lat: number): string | null {
  for (const g of governorates()) {
    const [w, s, e, n] = g.bbox;
    if (lon < w || lon > e || lat < s || lat > n) continue;
    if (booleanPointInPolygon([lon, lat], g.geometry)) return g.name;
  }
  return null;
}
