// Place names in free text → a point and a radius that covers the place: OCHA admin units, Aleppo
// neighbourhoods and named areas of Syria first (data/gazetteer/syria.json), then countries, then
// the world's cities (src/places/world-places.ts).
import type { PlaceRef } from '../domain/place-ref.ts';
import { Gazetteer, type GazetteerEntry, type GazetteerLevel } from './gazetteer.ts';
import { WorldPlaces, type WorldPlace } from './world-places.ts';

/** What the text says the place is: "Aleppo province", "the city of Homs". */
export type PlaceQualifier = 'province' | 'district' | 'city' | 'neighbourhood';

const QUALIFIED_LEVELS: Record<PlaceQualifier, readonly GazetteerLevel[]> = {
  province: ['adm1'],
  district: ['neighbourhood', 'adm3', 'adm2'],
  city: ['area', 'adm3', 'adm2', 'adm1'],
  neighbourhood: ['neighbourhood'],
};

/** A world city named without a qualifier must be this large, so that "Union" is not a town. */
export const UNQUALIFIED_CITY_MIN_POPULATION = 15_000;

export class PlaceResolver {
  constructor(
    private readonly syria: Gazetteer,
    private readonly world: WorldPlaces,
  ) {}

  /** The checkout's gazetteers, read once. */
  static default(): PlaceResolver {
    defaultResolver ??= new PlaceResolver(Gazetteer.load(), WorldPlaces.load());
    return defaultResolver;
  }

  /**
   * The place a name points at, or null. Unqualified Syrian names take the smallest place of that
   * name (news "Aleppo" is the city, "Aleppo province" the governorate).
   */
  resolve(name: string, qualifier?: PlaceQualifier): PlaceRef | null {
    const key = `${qualifier ?? ''}|${name}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const found = this.lookup(name, qualifier);
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /** Resolved names (and misses), so that an article's repeated names cost one lookup each. */
  private readonly cache = new Map<string, PlaceRef | null>();

  /**
   * Exact names first — Syria (OCHA), then countries, then world cities — and only then other
   * spellings (Syrian names by transliteration skeleton, world cities of 100,000+ people likewise),
   * so that "Sweden" is never read as a Syrian town with a similar skeleton.
   */
  private lookup(name: string, qualifier?: PlaceQualifier): PlaceRef | null {
    const clean = name
      .trim()
      .replace(/^the\s+/i, '')
      .replace(/['’]s$/, '');
    if (!clean) return null;
    const levels = qualifier ? QUALIFIED_LEVELS[qualifier] : undefined;
    const exact = this.syria.find(clean, levels);
    if (exact.length > 0) return { ...ochaRef(pick(exact, levels)), name: clean };
    const world = qualifier === 'neighbourhood' ? null : this.worldPlace(clean, qualifier);
    if (world) return world;
    const fuzzy = this.syria.findFuzzy(clean, levels);
    if (fuzzy.length > 0) return { ...ochaRef(pick(fuzzy, levels)), name: clean };
    if (qualifier === 'neighbourhood') return null;
    const city = this.world.citySpelledLike(clean, FUZZY_CITY_MIN_POPULATION);
    return city ? cityRef(clean, city) : null;
  }

  private worldPlace(clean: string, qualifier?: PlaceQualifier): PlaceRef | null {
    const country = qualifier ? null : this.world.country(clean);
    if (country)
      return {
        name: clean,
        gazetteer_name: country.name,
        lon: country.lon,
        lat: country.lat,
        radius_m: country.radiusM,
        source: 'country',
        code: country.country,
      };
    const city = this.world.city(clean, qualifier === 'city' ? 0 : UNQUALIFIED_CITY_MIN_POPULATION);
    return city ? cityRef(clean, city) : null;
  }
}

let defaultResolver: PlaceResolver | undefined;

/** A world city found only by another spelling must be at least this large. */
export const FUZZY_CITY_MIN_POPULATION = 100_000;

function cityRef(name: string, city: WorldPlace): PlaceRef {
  return {
    name,
    gazetteer_name: city.name,
    lon: city.lon,
    lat: city.lat,
    radius_m: city.radiusM,
    source: 'world_city',
    code: city.country,
  };
}

/** By the qualifier's order of levels, else the smallest place. */
function pick(entries: GazetteerEntry[], levels?: readonly GazetteerLevel[]): GazetteerEntry {
  if (levels)
    for (const level of levels) {
      const hit = entries.find((e) => e.level === level);
      if (hit) return hit;
    }
  return entries.reduce((a, b) => (b.radius_m < a.radius_m ? b : a));
}

function ochaRef(e: GazetteerEntry): PlaceRef {
  return {
    name: e.name_en,
    gazetteer_name: e.name_en,
    lon: e.lon,
    lat: e.lat,
    radius_m: e.radius_m,
    source: 'ocha',
    code: e.pcode,
  };
}
