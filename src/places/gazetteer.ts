// Gazetteer of Syrian places (OCHA admin units, Aleppo neighbourhoods, a few named areas): place
// names → a point inside the place and a radius that covers it. Built by scripts/build-gazetteer.ts;
// load() is the one read of data/gazetteer/syria.json. Matching is by normalised name.
import { readFileSync } from 'node:fs';

export type GazetteerLevel = 'adm1' | 'adm2' | 'adm3' | 'neighbourhood' | 'area';
type AdminLevel = 'adm1' | 'adm2' | 'adm3';
export type MatchedField = 'location' | 'admin3' | 'admin2' | 'admin1';

/** One place as stored in data/gazetteer/syria.json. */
export interface GazetteerEntry {
  /** OCHA p-code; `AREA-…` for the hand-made areas (Eastern Ghouta, Aleppo city). */
  pcode: string;
  level: GazetteerLevel;
  name_en: string;
  name_ar: string;
  alt_names: string[];
  parent_pcodes: Partial<Record<AdminLevel, string>>;
  parent_names: Partial<Record<AdminLevel, string>>;
  /** Areas only: the OCHA units (sub-districts or neighbourhoods) the area is made of. */
  member_pcodes?: string[];
  /** A point inside the place (inside one of its members for an area). */
  lon: number;
  lat: number;
  /** The largest distance from the point to any vertex of the place, rounded up to 100 m. */
  radius_m: number;
  area_km2: number;
}

export interface GazetteerFile {
  attribution: string;
  entries: GazetteerEntry[];
}

export interface PlaceQuery {
  admin1?: string | null;
  admin2?: string | null;
  admin3?: string | null;
  location?: string | null;
}

export interface GeocodeResult {
  lon: number;
  lat: number;
  radiusM: number;
  level: GazetteerLevel;
  pcode: string;
  matched: MatchedField;
  name: string;
}

export type LookupOutcome =
  | { status: 'found'; result: GeocodeResult }
  | { status: 'not_found'; result: null }
  /** The most specific name given fits several places, even within the parents given. */
  | { status: 'ambiguous'; result: null; field: MatchedField; candidates: GazetteerEntry[] }
  /** An admin name is known, but none of its places lies in the (known) coarser admin given. */
  | {
      status: 'conflict';
      result: null;
      field: MatchedField;
      outside: MatchedField;
      candidates: GazetteerEntry[];
    };

const ARTICLES = new Set(
  'al el il ul ar er as es ash esh ad ed adh at et ath eth az ez an en'.split(' '),
);
const PREFIXES = new Set(['markaz', 'مركز', 'محافظه', 'مدينه', 'منطقه', 'ناحيه', 'حي']);
const SUFFIXES = new Set(
  (
    'governorate governate province muhafazah district subdistrict nahiya city town village ' +
    'area neighbourhood neighborhood'
  ).split(' '),
);

/**
 * The key names are matched on: lower case without diacritics, Arabic tashkeel or tatweel (alef,
 * yeh and teh marbuta forms unified); apostrophes dropped; hyphens and other punctuation as single
 * spaces; the articles al-/ar-/as-/el-/… (and Arabic ال) dropped; "markaz"/مركز in front and
 * "governorate", "district", "sub-district", "city", … behind dropped. `Ma'arrat an-Nu'man` and
 * `Maarrat al Numan` both give `maarrat numan`.
 */
export function normalisePlaceName(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0640/g, '')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0649\u06cc]/g, '\u064a')
    .replace(/\u0671/g, '\u0627')
    .replace(/['’‘`´ʼʻʾʿ]/g, '')
    .replace(/\bsub[\s_-]*district\b/g, 'subdistrict');
  let words = s
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (/^\u0627\u0644\p{L}{2}/u.test(w) ? w.slice(2) : w));
  while (words.length > 1 && PREFIXES.has(words[0]!)) words.shift();
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  words = words.filter((w, i) => i === words.length - 1 || !ARTICLES.has(w));
  return words.join(' ');
}

/** A normalised name's consonant skeleton: `jisr shughour` and `jisr shughur` → `jsr shgr`. */
export function placeSkeleton(key: string): string {
  return key
    .split(' ')
    .map((w) =>
      w
        .replace(/(?:eh|ah|a|e)$/, '')
        .replace(/ou|oo/g, 'u')
        .replace(/ee/g, 'i')
        .replace(/gh/g, 'g')
        .replace(/kh/g, 'k')
        .replace(/q/g, 'k')
        .replace(/dh/g, 'd')
        .replace(/ph/g, 'f')
        .replace(/[aeiouyw]/g, '')
        .replace(/(.)\1+/g, '$1'),
    )
    .filter(Boolean)
    .join(' ');
}

/** The levels each field is matched against; the location tries its tiers in order. */
const ADMIN_FIELDS = [
  ['admin1', 'adm1'],
  ['admin2', 'adm2'],
  ['admin3', 'adm3'],
] as const;
/**
 * A location names a neighbourhood, sub-district or area (one tier: a name shared by an Aleppo
 * neighbourhood and a sub-district elsewhere is ambiguous), or failing that a governorate or a
 * district (a governorate first: "Rural Damascus" is also the name of its centre district).
 */
const LOCATION_TIERS: GazetteerLevel[][] = [['neighbourhood', 'adm3', 'area'], ['adm1'], ['adm2']];

const LEVEL_WORD: Record<GazetteerLevel, string> = {
  adm1: 'governorate',
  adm2: 'district',
  adm3: 'sub-district',
  neighbourhood: 'Aleppo neighbourhood',
  area: 'area',
};

/** `Suran (sub-district SY050101 in Hama, Hama)`: for messages that list candidates. */
export function describeEntry(e: GazetteerEntry): string {
  const parents = [e.parent_names.adm3, e.parent_names.adm2, e.parent_names.adm1].filter(Boolean);
  const where = parents.length > 0 ? ` in ${parents.join(', ')}` : '';
  return `${e.name_en} (${LEVEL_WORD[e.level]} ${e.pcode}${where})`;
}

const cache = new Map<string, Gazetteer>();

export class Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  readonly attribution: string;
  private readonly byKey = new Map<string, GazetteerEntry[]>();
  private readonly byPcode = new Map<string, GazetteerEntry>();

  constructor(file: GazetteerFile) {
    this.entries = file.entries;
    this.attribution = file.attribution;
    for (const e of file.entries) {
      this.byPcode.set(e.pcode, e);
      for (const name of [e.name_en, e.name_ar, ...e.alt_names]) {
        const key = normalisePlaceName(name);
        if (!key) continue;
        const list = this.byKey.get(key);
        if (!list) this.byKey.set(key, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
  }

  /**
   * The gazetteer at `path` (default: data/gazetteer/syria.json of this checkout), read once per
   * path and cached. Throws when the file is missing or is not a gazetteer.
   */
  static load(path?: string | URL): Gazetteer {
    const url = path ?? new URL('../../data/gazetteer/syria.json', import.meta.url);
    const key = String(url);
    const hit = cache.get(key);
    if (hit) return hit;
    const file = JSON.parse(readFileSync(url, 'utf8')) as GazetteerFile;
    if (!Array.isArray(file?.entries)) throw new Error(`${key} is not a gazetteer (no entries)`);
    const g = new Gazetteer(file);
    cache.set(key, g);
    return g;
  }

  get(pcode: string): GazetteerEntry | undefined {
    return this.byPcode.get(pcode);
  }

  /** Entries whose name, Arabic name or alternative name matches `name`, of the given levels. */
  find(name: string, levels?: readonly GazetteerLevel[]): GazetteerEntry[] {
    const list = this.byKey.get(normalisePlaceName(name)) ?? [];
    return levels ? list.filter((e) => levels.includes(e.level)) : [...list];
  }

  /**
   * For free text, when `find` has nothing: the same name in another transliteration (doubled
   * letters, ou/u, gh/g, kh/k, q/k, a final -eh/-ah, vowels dropped: `Jisr al-Shughour` finds
   * `Jisr al-Shughur`, `Maarat al-Numan` finds `Ma'arrat An Nu'man`), or a one-word name that is
   * the first word of exactly one place (`Ramouseh` → `Ar-Ramouseh Industrial District`). Only a
   * skeleton of 3 or more consonants that points at one place (at one or more levels) counts.
   */
  findFuzzy(name: string, levels?: readonly GazetteerLevel[]): GazetteerEntry[] {
    const exact = this.find(name, levels);
    if (exact.length > 0) return exact;
    const key = normalisePlaceName(name);
    const skeleton = placeSkeleton(key);
    if (skeleton.replace(/ /g, '').length < 3) return [];
    this.bySkeleton ??= this.indexSkeletons();
    // Same first letter and about the same length: "Sweden" is not "Saydnaya".
    let list = (this.bySkeleton.get(skeleton) ?? []).filter((e) =>
      [e.name_en, ...e.alt_names].some((n) => {
        const k = normalisePlaceName(n);
        return k[0] === key[0] && Math.abs(k.length - key.length) <= 3;
      }),
    );
    if (list.length === 0 && !key.includes(' ')) list = this.byFirstWord?.get(key) ?? [];
    if (levels) list = list.filter((e) => levels.includes(e.level));
    // One place, perhaps at several levels (a district and its centre sub-district).
    const smallest = list.reduce<GazetteerEntry | undefined>(
      (a, b) => (a === undefined || b.radius_m < a.radius_m ? b : a),
      undefined,
    );
    return smallest && list.every((e) => this.overlap(e, smallest)) ? list : [];
  }

  private bySkeleton: Map<string, GazetteerEntry[]> | undefined;

  private byFirstWord: Map<string, GazetteerEntry[]> | undefined;

  /** Skeleton → places, and (for one-word lookups) first word of a longer name → places. */
  private indexSkeletons(): Map<string, GazetteerEntry[]> {
    const map = new Map<string, GazetteerEntry[]>();
    this.byFirstWord = new Map();
    for (const [key, entries] of this.byKey) {
      const space = key.indexOf(' ');
      if (space > 0) {
        const first = key.slice(0, space);
        const list = this.byFirstWord.get(first) ?? [];
        for (const e of entries) if (!list.includes(e)) list.push(e);
        this.byFirstWord.set(first, list);
      }
      const sk = placeSkeleton(key);
      const list = map.get(sk) ?? [];
      for (const e of entries) if (!list.includes(e)) list.push(e);
      map.set(sk, list);
    }
    return map;
  }

  /** The place the names point at, or null (unknown, ambiguous or contradictory names). */
  lookup(query: PlaceQuery): GeocodeResult | null {
    return this.lookupVerbose(query).result;
  }

  /**
   * Resolves admin1, admin2, admin3 (each must lie in the coarser ones given; a name the gazetteer
   * does not know is skipped), then the location (a namesake outside the admins given is taken
   * for another place and skipped). The most specific name given that is known decides: several
   * places left → ambiguous. Of the fields that resolve to one place, the smallest place wins
   * (a location naming a whole governorate does not beat the district given beside it).
   */
  lookupVerbose(query: PlaceQuery): LookupOutcome {
    const steps: { field: MatchedField; entries: GazetteerEntry[] }[] = [];
    const fits = (e: GazetteerEntry) =>
      steps.every((s) => s.entries.some((u) => this.overlap(e, u)));
    for (const [field, level] of ADMIN_FIELDS) {
      const name = query[field]?.trim();
      if (!name) continue;
      const raw = this.find(name, [level]);
      if (raw.length === 0) continue;
      const entries = raw.filter(fits);
      if (entries.length === 0) {
        const outside =
          steps.find((s) => !raw.some((e) => s.entries.some((u) => this.overlap(e, u)))) ??
          steps[steps.length - 1]!;
        return { status: 'conflict', result: null, field, outside: outside.field, candidates: raw };
      }
      steps.push({ field, entries });
    }
    const location = query.location?.trim();
    if (location) {
      const found = this.resolveLocation(location, fits);
      if (found) steps.push({ field: 'location', entries: found });
    }
    const top = steps[steps.length - 1];
    if (!top) return { status: 'not_found', result: null };
    if (top.entries.length > 1)
      return { status: 'ambiguous', result: null, field: top.field, candidates: top.entries };
    let best = top;
    for (const s of steps)
      if (s.entries.length === 1 && s.entries[0]!.radius_m < best.entries[0]!.radius_m) best = s;
    const e = best.entries[0]!;
    return {
      status: 'found',
      result: {
        lon: e.lon,
        lat: e.lat,
        radiusM: e.radius_m,
        level: e.level,
        pcode: e.pcode,
        matched: best.field,
        name: e.name_en,
      },
    };
  }

  /**
   * The first location tier with places that fit the admins given. `Aleppo - Sha'aar` (ACLED's
   * city - neighbourhood style) falls back to its parts; the part naming a single smallest place
   * wins.
   */
  private resolveLocation(
    name: string,
    fits: (e: GazetteerEntry) => boolean,
  ): GazetteerEntry[] | undefined {
    const tiered = (n: string) => {
      for (const tier of LOCATION_TIERS) {
        const entries = this.find(n, tier).filter(fits);
        if (entries.length > 0) return entries;
      }
      return undefined;
    };
    const whole = tiered(name);
    if (whole) return whole;
    const parts = name.split(/\s+[-–—]\s+/).filter(Boolean);
    if (parts.length < 2) return undefined;
    const found = parts.map(tiered).filter((r): r is GazetteerEntry[] => r !== undefined);
    const single = found.filter((r) => r.length === 1);
    if (single.length > 0) return single.sort((a, b) => a[0]!.radius_m - b[0]!.radius_m)[0];
    return found[0];
  }

  /** p-codes of the entry and of its parents (an area: of its members and theirs). */
  private chain(e: GazetteerEntry): string[] {
    const { adm1, adm2, adm3 } = e.parent_pcodes;
    return [e.pcode, adm3, adm2, adm1].filter((p): p is string => p !== undefined);
  }

  /** Whether two places can hold the same spot: one contains the other, or they share a member. */
  private overlap(a: GazetteerEntry, b: GazetteerEntry): boolean {
    if (a.member_pcodes) return this.members(a).some((m) => this.overlap(m, b));
    if (b.member_pcodes) return this.members(b).some((m) => this.overlap(a, m));
    return this.chain(a).includes(b.pcode) || this.chain(b).includes(a.pcode);
  }

  private members(e: GazetteerEntry): GazetteerEntry[] {
    return (e.member_pcodes ?? [])
      .map((p) => this.byPcode.get(p))
      .filter((m): m is GazetteerEntry => m !== undefined);
  }
}
