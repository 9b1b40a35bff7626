// Builds data/gazetteer/syria.json (see data/gazetteer/README.md) from the UN OCHA COD-AB layers:
//
//   npx tsx scripts/build-gazetteer.ts [geo-dir]
//
// geo-dir defaults to $TRUCELINE_GEO_DIR or ../shared/geo (beside the repository) and must hold
// syria-adm1-ocha-2020.geojson, syria-adm2-ocha-2016.geojson, syria-adm3-ocha-2016.geojson and
// aleppo-neighbourhoods-ocha-2016.geojson. One entry per unit: names, parents, a point inside the
// polygon (its centroid when that lies inside, else a pole of inaccessibility), the radius from that
// point that covers every vertex, and the area; no polygons. Byte-for-byte deterministic.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfArea from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { haversineM, lonScale, METRES_PER_DEGREE } from '../src/geo/distance.ts';
import {
  normalisePlaceName,
  type GazetteerEntry,
  type GazetteerFile,
  type GazetteerLevel,
} from '../src/places/gazetteer.ts';

interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'data', 'gazetteer');
const geoDir = resolve(
  process.argv[2] ??
    process.env.TRUCELINE_GEO_DIR ??
    fileURLToPath(new URL('../../shared/geo', import.meta.url)),
);

const ATTRIBUTION =
  'UN OCHA Syria Common Operational Datasets (COD-AB): admin 1 (2020), admin 2 and 3 and Aleppo neighbourhoods (2016); CC BY-IGO';

function loadFeatures(file: string): SourceFeature[] {
  return (JSON.parse(readFileSync(join(geoDir, file), 'utf8')) as { features: SourceFeature[] })
    .features;
}

// ---------------------------------------------------------------------------------------------
// Geometry: a local equirectangular projection (metres) per polygon is accurate enough here.

type XY = [number, number];
type Ring = XY[];

const partsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

function projector(lat0: number) {
  const kx = METRES_PER_DEGREE * lonScale(lat0);
  return {
    to: (p: Position): XY => [p[0]! * kx, p[1]! * METRES_PER_DEGREE],
    from: (q: XY): [number, number] => [q[0] / kx, q[1] / METRES_PER_DEGREE],
  };
}

/** Signed area (> 0 counter-clockwise) and area-weighted centroid of a closed ring. */
function ringMoments(r: Ring): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const [x0, y0] = r[i]!;
    const [x1, y1] = r[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return { a: a / 2, cx: a === 0 ? 0 : cx / (3 * a), cy: a === 0 ? 0 : cy / (3 * a) };
}

/** Area (m², holes subtracted) and centroid of polygons given as projected rings. */
function moments(polys: Ring[][]): { area: number; c: XY } {
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const rings of polys)
    rings.forEach((r, i) => {
      const m = ringMoments(r);
      const w = (i === 0 ? 1 : -1) * Math.abs(m.a);
      area += w;
      sx += m.cx * w;
      sy += m.cy * w;
    });
  return { area, c: [sx / area, sy / area] };
}

function inRing(r: Ring, [x, y]: XY): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length - 1; j = i++) {
    const [xi, yi] = r[i]!;
    const [xj, yj] = r[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygons = (polys: Ring[][], p: XY) =>
  polys.some((rings) => inRing(rings[0]!, p) && !rings.slice(1).some((h) => inRing(h, p)));

function segmentDistance([x, y]: XY, [ax, ay]: XY, [bx, by]: XY): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Distance to the nearest edge: positive inside the polygons, negative outside. */
function signedDistance(polys: Ring[][], p: XY): number {
  let d = Infinity;
  for (const rings of polys)
    for (const r of rings)
      for (let i = 0; i < r.length - 1; i++) d = Math.min(d, segmentDistance(p, r[i]!, r[i + 1]!));
  return inPolygons(polys, p) ? d : -d;
}

const QUADRANTS = [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const; // prettier-ignore

/** Pole of inaccessibility of one polygon (the polylabel quadtree search), to `precision` m. */
function poleOfInaccessibility(rings: Ring[], precision: number): XY {
  const polys = [rings];
  const xs = rings[0]!.map((p) => p[0]);
  const ys = rings[0]!.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  interface Cell {
    x: number;
    y: number;
    h: number;
    d: number;
    max: number;
  }
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(polys, [x, y]);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  const size = Math.min(x1 - x0, y1 - y0);
  for (let x = x0; x < x1; x += size)
    for (let y = y0; y < y1; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  const c = moments(polys).c;
  let best = cell(c[0], c[1], 0);
  while (queue.length > 0) {
    queue.sort((a, b) => a.max - b.max || b.x - a.x || b.y - a.y);
    const q = queue.pop()!;
    if (q.d > best.d) best = q;
    if (q.max - best.d <= precision) continue;
    const h = q.h / 2;
    for (const [dx, dy] of QUADRANTS) queue.push(cell(q.x + dx * h, q.y + dy * h, h));
  }
  return [best.x, best.y];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** Rounded lon/lat of a point at least `margin` m inside the geometries: centroid, else a pole. */
function interiorPoint(geometries: (Polygon | MultiPolygon)[]): {
  lon: number;
  lat: number;
  how: string;
} {
  const all = geometries.flatMap(partsOf);
  const lat0 = (Math.min(...all.flatMap((p) => p[0]!.map((q) => q[1]!))) +
    Math.max(...all.flatMap((p) => p[0]!.map((q) => q[1]!)))) / 2; // prettier-ignore
  const proj = projector(lat0);
  const polys = all.map((rings) => rings.map((r) => r.map(proj.to)));
  const margin = 25;
  const ok = (lonlat: [number, number]) => signedDistance(polys, proj.to(lonlat)) >= margin;
  const c = proj.from(moments(polys).c);
  const centroid: [number, number] = [round5(c[0]), round5(c[1])];
  if (ok(centroid)) return { lon: centroid[0], lat: centroid[1], how: 'centroid' };
  const largest = polys.reduce((a, b) => (moments([b]).area > moments([a]).area ? b : a));
  const pole = proj.from(poleOfInaccessibility(largest, 10));
  const p: [number, number] = [round5(pole[0]), round5(pole[1])];
  if (!ok(p)) throw new Error(`no interior point found near ${p.join(' ')}`);
  return { lon: p[0], lat: p[1], how: 'pole' };
}

/** Largest distance from the point to any vertex, rounded up to 100 m. */
function coverRadius(lon: number, lat: number, geometries: (Polygon | MultiPolygon)[]): number {
  let r = 0;
  for (const g of geometries)
    for (const rings of partsOf(g))
      for (const ring of rings)
        for (const p of ring) r = Math.max(r, haversineM(lon, lat, p[0]!, p[1]!));
  return Math.ceil(r / 100) * 100;
}

const areaKm2 = (geometries: (Polygon | MultiPolygon)[]) =>
  Math.round(geometries.reduce((s, g) => s + turfArea(g), 0) / 1e3) / 1e3;

// ---------------------------------------------------------------------------------------------
// Hand-made aliases: spellings seen in news, ACLED and UCDP (GADM names) for the OCHA units.
// Each row: the p-codes it applies to (a governorate, its centre district and centre
// sub-district share the city's name), then the names. Aliases that normalise to a name the unit
// already has are dropped; one that would make two units of a level share a name fails the build.

const ALIASES: [string[], string[]][] = [
  [['SY01', 'SY0100', 'SY010000'], ['Dimashq', 'Damascus city', 'Damas']],
  [['SY02'], ['Halab']],
  [['SY03'], ['Rif Dimashq', 'Reef Damascus', 'Rif Damascus', 'Reef Dimashq', 'Damascus countryside', 'Damascus Rural', 'Rural Damascus governorate']],
  [['SY0301'], ['Markaz Rif Dimashq']],
  [['SY04', 'SY0401', 'SY040100'], ['Hims']],
  [['SY05', 'SY0501', 'SY050100'], ['Hamah', 'Hamat']],
  [['SY06', 'SY0600', 'SY060000'], ['Latakia', 'Latakiya', 'Lattakiya', 'Al-Ladhiqiyah', 'Ladhiqiyah']],
  [['SY07', 'SY0700', 'SY070000'], ['Idlib', 'Edlib']],
  [['SY08', 'SY0800', 'SY080000'], ['Hasakah', 'Hasakeh', 'Hassakeh', 'Hasaka', 'Hassake']],
  [['SY09', 'SY0901', 'SY090100'], ['Deir ez-Zor', 'Deir Ezzor', 'Deir Ezzour', 'Deir al-Zour', 'Deir al-Zor', 'Deir el-Zor', 'Dayr az-Zawr', 'Der Ezzor']],
  [['SY10', 'SY1000', 'SY100000'], ['Tartus', 'Tartouss', 'Tortosa']],
  [['SY11', 'SY1101', 'SY110100'], ['Raqqa', 'Raqqah', 'Rakka', 'Ar-Raqqah']],
  [['SY12', 'SY1200', 'SY120000'], ['Daraa', 'Deraa', "Dera'a", "Dara'a", 'Deraa city']],
  [['SY13', 'SY1300', 'SY130000'], ['Sweida', 'Suwayda', "As-Suwayda'", 'Suweida', 'Sweyda', 'Soueida']],
  [['SY14', 'SY1400', 'SY140000'], ['Al-Qunaytirah', 'Qunaitra', 'Kuneitra']],
  [['SY0200', 'SY020000'], ["Jabal Sam'an", 'Jabal Seman', 'Jebel Semaan']],
  [['SY0203', 'SY020300'], ['Efrin', 'Afreen']],
  [['SY0204', 'SY020400'], ['Azaz', "I'zaz"]],
  [['SY0205', 'SY020500'], ['Manbij', 'Mambij', 'Membij']],
  [['SY0206', 'SY020600'], ['Kobani', 'Kobane', "'Ayn al 'Arab"]],
  [['SY0208', 'SY020800'], ['Jarabulus']],
  [['SY0302', 'SY030200'], ['Douma']],
  [['SY030201'], ['Harasta', 'Harista']],
  [['SY0307', 'SY030700'], ['Zabadani']],
  [['SY0309', 'SY030900'], ['Daraya']],
  [['SY0405', 'SY040500'], ['Palmyra', 'Tadmur']],
  [['SY0402', 'SY040200'], ['Qusair']],
  [['SY0503', 'SY050300'], ['Salamiyah', 'Salamieh', 'Salamiyeh']],
  [['SY0702', 'SY070200'], ['Maarrat al-Numan', "Ma'arat al-Nu'man", 'Maaret al-Numan', 'Maarat al-Numan', 'Maarrat al-Nouman', "Ma'arrat an-Nu'man"]],
  [['SY0704', 'SY070400'], ['Jisr al-Shughur', 'Jisr ash-Shughur', 'Jisr al-Shugur', 'Jisr al-Shoghour']],
  [['SY070201'], ['Khan Shaykhun', 'Khan Sheikhoun', 'Khan Sheikhun']],
  [['SY070003'], ['Saraqeb']],
  [['SY070203'], ['Kafr Nabl', 'Kafranbel']],
  [['SY020001'], ['Al-Atarib', 'Atarib']],
  [['SY020203'], ["Al-Ra'i", 'Al-Rai']],
  [['SY0802', 'SY080200'], ['Qamishli', 'Qamishlo', 'Al-Qamishli']],
  [['SY0804', 'SY080400'], ['Ras al-Ayn', 'Ras al-Ain', 'Serekaniye']],
  [['SY080006'], ['Al-Hol']],
  [['SY1102', 'SY110200'], ['Tal Abyad', 'Tell Abyad']],
  [['SY1103', 'SY110300'], ['Tabqa', 'Al-Tabqa']],
  [['SY0902', 'SY090200'], ['Albu Kamal', 'Al-Bukamal', 'Bukamal']],
  [['SY0903', 'SY090300'], ['Mayadeen']],
  [['SY120001'], ['Bosra', 'Busra al-Sham', 'Bosra al-Sham']],
]; // prettier-ignore

/** Named areas: a point and radius covering OCHA units; `pcode` is Truceline's, not OCHA's. */
const AREAS: { pcode: string; name_en: string; name_ar: string; alt_names: string[]; members: 'neighbourhoods' | string[] }[] = [
  {
    pcode: 'AREA-ALEPPO-CITY',
    name_en: 'Aleppo city',
    name_ar: 'مدينة حلب',
    alt_names: ['Aleppo', 'Halab', 'حلب'],
    members: 'neighbourhoods',
  },
  {
    // The opposition-held enclave of 2013–2018: Duma, Harasta, Arbin, Kafr Batna (Saqba,
    // Hamouriyah, Ein Tarma), Maliha and Nashabiyeh sub-districts.
    pcode: 'AREA-EASTERN-GHOUTA',
    name_en: 'Eastern Ghouta',
    name_ar: 'الغوطة الشرقية',
    alt_names: ['East Ghouta', 'Eastern Ghuta', 'al-Ghouta al-Sharqiya', 'Ghouta al-Sharqiyah'],
    members: ['SY030200', 'SY030201', 'SY030106', 'SY030105', 'SY030104', 'SY030204'],
  },
]; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// Entries

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const usable = (v: unknown) => (text(v) && text(v) !== '<Null>' ? text(v) : undefined);

interface Unit {
  entry: GazetteerEntry;
  geometry: Polygon | MultiPolygon;
}

const units = new Map<string, Unit>();
const aliasOnly = new Set<string>(); // `${pcode}|${key}` added by ALIASES (for the collision check)

function addNames(e: GazetteerEntry, names: (string | undefined)[], fromAlias = false): void {
  const keys = new Set([e.name_en, e.name_ar, ...e.alt_names].map(normalisePlaceName));
  for (const n of names) {
    if (!n) continue;
    const key = normalisePlaceName(n);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    e.alt_names.push(n);
    if (fromAlias) aliasOnly.add(`${e.pcode}|${key}`);
  }
}

function addUnit(
  level: GazetteerLevel,
  f: SourceFeature,
  pcode: string,
  nameEn: string,
  nameAr: string,
  alternatives: unknown[],
  parents: Partial<Record<'adm1' | 'adm2' | 'adm3', string>>,
): void {
  const { lon, lat, how } = interiorPoint([f.geometry]);
  if (how !== 'centroid') console.log(`${pcode} ${nameEn}: centroid outside, pole used`);
  const parentNames: Partial<Record<'adm1' | 'adm2' | 'adm3', string>> = {};
  for (const k of ['adm1', 'adm2', 'adm3'] as const) {
    const p = parents[k];
    if (p === undefined) continue;
    const parent = units.get(p);
    if (!parent) throw new Error(`${pcode}: no parent ${p}`);
    parentNames[k] = parent.entry.name_en;
  }
  const entry: GazetteerEntry = {
    pcode,
    level,
    name_en: nameEn,
    name_ar: nameAr,
    alt_names: [],
    parent_pcodes: parents,
    parent_names: parentNames,
    lon,
    lat,
    radius_m: coverRadius(lon, lat, [f.geometry]),
    area_km2: areaKm2([f.geometry]),
  };
  addNames(entry, alternatives.map(usable));
  units.set(pcode, { entry, geometry: f.geometry });
}

for (const f of loadFeatures('syria-adm1-ocha-2020.geojson')) {
  const p = f.properties;
  addUnit('adm1', f, text(p.ADM1_PCODE), text(p.ADM1_EN), text(p.ADM1_AR),
    [p.province_name, p.adm1_ref_name, p.adm1_name, p.Name], {}); // prettier-ignore
}
for (const f of loadFeatures('syria-adm2-ocha-2016.geojson')) {
  const p = f.properties;
  addUnit('adm2', f, text(p.PCODE), text(p.NAME_EN), text(p.NAME_AR), [p.NAM_EN_REF],
    { adm1: text(p.ADM1_PCODE) }); // prettier-ignore
}
for (const f of loadFeatures('syria-adm3-ocha-2016.geojson')) {
  const p = f.properties;
  addUnit('adm3', f, text(p.PCODE), text(p.NAME_EN), text(p.NAME_AR), [p.NAM_EN_REF, p.NAM_AR_REF],
    { adm1: text(p.ADM1_PCODE), adm2: text(p.ADM2_PCODE) }); // prettier-ignore
}
const hoods = loadFeatures('aleppo-neighbourhoods-ocha-2016.geojson');
for (const f of hoods) {
  const p = f.properties;
  addUnit('neighbourhood', f, text(p.PCODE), text(p.NAME_EN), text(p.NAME_AR),
    [p.NAM_EN_REF, p.NAM_AR_REF],
    { adm1: text(p.ADM1_PCODE), adm2: text(p.ADM2_PCODE), adm3: text(p.ADM3_PCODE) }); // prettier-ignore
}

for (const [pcodes, names] of ALIASES)
  for (const pcode of pcodes) {
    const u = units.get(pcode);
    if (!u) throw new Error(`alias for unknown p-code ${pcode}`);
    addNames(u.entry, names, true);
  }

const areas: GazetteerEntry[] = AREAS.map((a) => {
  const members =
    a.members === 'neighbourhoods' ? hoods.map((f) => text(f.properties.PCODE)) : a.members;
  const parts = members.map((m) => {
    const u = units.get(m);
    if (!u) throw new Error(`${a.pcode}: no member ${m}`);
    return u;
  });
  const geometries = parts.map((u) => u.geometry);
  const { lon, lat, how } = interiorPoint(geometries);
  if (how !== 'centroid') console.log(`${a.pcode}: centroid outside, pole used`);
  const parents: Partial<Record<'adm1' | 'adm2' | 'adm3', string>> = {};
  const parentNames: typeof parents = {};
  for (const k of ['adm1', 'adm2', 'adm3'] as const) {
    const own = (u: Unit) => (u.entry.level === k ? u.entry.pcode : u.entry.parent_pcodes[k]);
    const first = own(parts[0]!);
    if (first === undefined || !parts.every((u) => own(u) === first)) continue;
    parents[k] = first;
    parentNames[k] = units.get(first)!.entry.name_en;
  }
  const entry: GazetteerEntry = {
    pcode: a.pcode,
    level: 'area',
    name_en: a.name_en,
    name_ar: a.name_ar,
    alt_names: [],
    parent_pcodes: parents,
    parent_names: parentNames,
    member_pcodes: [...members].sort(),
    lon,
    lat,
    radius_m: coverRadius(lon, lat, geometries),
    area_km2: areaKm2(geometries),
  };
  addNames(entry, a.alt_names, true);
  return entry;
});

const LEVEL_ORDER: GazetteerLevel[] = ['adm1', 'adm2', 'adm3', 'neighbourhood', 'area'];
const entries = [...[...units.values()].map((u) => u.entry), ...areas].sort(
  (a, b) =>
    LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
    (a.pcode < b.pcode ? -1 : a.pcode > b.pcode ? 1 : 0),
);

// Names shared by two places that a lookup field cannot tell apart: from OCHA itself they are
// reported (the lookup asks for a parent), from an alias they are a mistake.
const GROUP: Record<GazetteerLevel, string> = {
  adm1: 'adm1', adm2: 'adm2', adm3: 'place', area: 'place', neighbourhood: 'place',
}; // prettier-ignore
const seen = new Map<string, GazetteerEntry[]>();
for (const e of entries)
  for (const n of [e.name_en, e.name_ar, ...e.alt_names]) {
    const key = `${GROUP[e.level]}|${normalisePlaceName(n)}`;
    const list = seen.get(key) ?? [];
    if (!list.includes(e)) list.push(e);
    seen.set(key, list);
  }
for (const [key, list] of [...seen].sort()) {
  if (list.length < 2) continue;
  const name = key.slice(key.indexOf('|') + 1);
  const what = `${key}: ${list.map((e) => `${e.pcode} ${e.name_en}`).join(', ')}`;
  if (list.some((e) => aliasOnly.has(`${e.pcode}|${name}`)))
    throw new Error(`an alias makes a name ambiguous: ${what}`);
  console.log(`shared name (OCHA) ${what}`);
}

// ---------------------------------------------------------------------------------------------
// Output: one entry per line, keys in a fixed order.

function serialise(e: GazetteerEntry): string {
  const ordered = {
    pcode: e.pcode,
    level: e.level,
    name_en: e.name_en,
    name_ar: e.name_ar,
    alt_names: e.alt_names,
    parent_pcodes: e.parent_pcodes,
    parent_names: e.parent_names,
    ...(e.member_pcodes && { member_pcodes: e.member_pcodes }),
    lon: e.lon,
    lat: e.lat,
    radius_m: e.radius_m,
    area_km2: e.area_km2,
  };
  return JSON.stringify(ordered);
}

const file: GazetteerFile = { attribution: ATTRIBUTION, entries };
const out =
  `{\n  "attribution": ${JSON.stringify(file.attribution)},\n` +
  `  "generated_by": "scripts/build-gazetteer.ts",\n  "entries": [\n` +
  entries.map((e) => `    ${serialise(e)}`).join(',\n') +
  '\n  ]\n}\n';
mkdirSync(outDir, { recursive: true });
const path = join(outDir, 'syria.json');
writeFileSync(path, out);
const count = (l: GazetteerLevel) => entries.filter((e) => e.level === l).length;
console.log(
  `${path}: ${entries.length} entries (${LEVEL_ORDER.map((l) => `${count(l)} ${l}`).join(', ')}), ${Buffer.byteLength(out)} bytes`,
);
