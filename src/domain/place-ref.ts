// The shape every place lookup answers with (src/places/place-resolver.ts) and news claims carry:
// a point inside the place and a radius that covers it. Plain data, so the domain's claim types,
// the place layer and the web can all name it.

/** Where a place was found: an OCHA unit or neighbourhood, a world city, a country. */
export type PlaceSource = 'ocha' | 'world_city' | 'country';

/** A geocoded place: a point inside it and a radius (m) that covers it. */
export interface PlaceRef {
  /** As the article names it: `Aleppo`, `Geneva`. */
  name: string;
  /** As the gazetteer names it: `Aleppo city`, `Genève`. */
  gazetteer_name: string;
  lon: number;
  lat: number;
  radius_m: number;
  source: PlaceSource;
  /** OCHA p-code (Syria); a city's ISO 3166-1 alpha-2 country; a country's ISO 3166-1 numeric code. */
  code: string | null;
}
