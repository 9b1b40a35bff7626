// ACLED geo_precision → the radius of the disk the incident may lie in (configurable defaults).

export interface GeoPrecisionRadii {
  1: number;
  2: number;
  3: number;
}

/** 1 = the named town (2 km), 2 = near it / its district (10 km), 3 = the wider region (50 km). */
export const DEFAULT_GEO_PRECISION_RADII_M: GeoPrecisionRadii = { 1: 2_000, 2: 10_000, 3: 50_000 };

export function radiusForGeoPrecision(
  precision: 1 | 2 | 3,
  radii: GeoPrecisionRadii = DEFAULT_GEO_PRECISION_RADII_M,
): number {
  return radii[precision];
}
