// Spherical distance helpers shared by the geometry kernels. One Earth radius (the IUGG mean
// radius) everywhere so that boxes, grid lookups and distances agree with each other.

/** IUGG mean Earth radius in metres. */
export const EARTH_RADIUS_M = 6371008.8;

/** Length of one degree of latitude (and of longitude at the equator) on that sphere. */
export const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

/**
 * Smallest cos(latitude) used when scaling longitudes. Without a floor, cos(±90°) is ~6e-17 and
 * a 1 m radius would turn into a box wider than the planet; with it, boxes stay finite and the
 * local projection in polygon-index.ts uses the same factor, so box and distance stay consistent.
 */
export const MIN_COS_LAT = 1e-6;

const DEG = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat points (degrees), haversine formula. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const sinDLat = Math.sin((p2 - p1) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * DEG) / 2);
  const h = sinDLat * sinDLat + Math.cos(p1) * Math.cos(p2) * sinDLon * sinDLon;
  // min() guards against h creeping above 1 through rounding for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** cos(lat) floored at MIN_COS_LAT: the east-west scale of a local equirectangular projection. */
export function lonScale(lat: number): number {
  return Math.max(Math.cos(lat * DEG), MIN_COS_LAT);
}

/**
 * Half-size in degrees of the lon/lat box that contains a disk of `metres` radius centred at
 * latitude `lat`. dLon uses the exact spherical extent asin(sin(d) / cos(lat)), which is never
 * smaller than the local-projection value dLat / cos(lat) used by the kernels, so the box is safe
 * for both metrics. When the disk reaches a pole, or cos(lat) is below MIN_COS_LAT, dLon is 360
 * (the box spans every longitude).
 */
export function degreesForMetres(lat: number, metres: number): { dLon: number; dLat: number } {
  const d = metres / EARTH_RADIUS_M; // angular radius, radians
  const dLat = d / DEG;
  const s = Math.sin(Math.min(d, Math.PI / 2)) / lonScale(lat);
  const dLon = s >= 1 ? 360 : Math.min(360, Math.asin(s) / DEG);
  return { dLon, dLat };
}
