/**
 * One-off generator for the demo scenario in data/demo/ (see data/demo/README.md).
 *
 *   npx tsx scripts/build-demo-data.ts [geo-dir]
 *
 * geo-dir defaults to $TRUCELINE_GEO_DIR or ../shared/geo (beside the repository) and must hold the UN OCHA COD-AB
 * files (syria-adm1-ocha-2020.geojson, syria-adm3-ocha-2016.geojson,
 * aleppo-neighbourhoods-ocha-2016.geojson). No dependencies beyond Node; the output is
 * byte-for-byte deterministic for the same input files.
 *
 * Unions of adjacent OCHA polygons are computed exactly on micro-degree integers by cancelling
 * the edges two neighbours share (the OCHA layers are topologically consistent: shared borders
 * use identical vertices) and re-stitching what is left into rings. Every output geometry is
 * checked for closed rings, self-intersections and touching rings before it is written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Pos = [number, number];
type Ring = Pos[];
type PolygonCoords = Ring[];
interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoords | PolygonCoords[];
}
interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: Geometry;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const outDir = join(repoRoot, 'data', 'demo');
const geoDir =
  process.argv[2] ??
  process.env.TRUCELINE_GEO_DIR ??
  fileURLToPath(new URL('../../shared/geo', import.meta.url));

const OCHA_2016 = 'UN OCHA Syria COD-AB 2016 (CC BY-IGO)';
const OCHA_2020 = 'UN OCHA Syria COD-AB 2020 (CC BY-IGO)';

function loadFeatures(file: string): SourceFeature[] {
  const fc = JSON.parse(readFileSync(join(geoDir, file), 'utf8')) as { features: SourceFeature[] };
  return fc.features;
}

// ---------------------------------------------------------------------------------------------
// Integer (micro-degree) geometry

type IPos = [number, number];
type IRing = IPos[];

const SCALE = 1e6;

function polygonsOf(g: Geometry): PolygonCoords[] {
  return g.type === 'Polygon'
    ? [g.coordinates as PolygonCoords]
    : (g.coordinates as PolygonCoords[]);
}

/** Round to micro-degrees, drop repeated points, close the ring. */
function toIntRing(r: Ring): IRing {
  const out: IRing = [];
  for (const p of r) {
    const q: IPos = [Math.round(p[0] * SCALE), Math.round(p[1] * SCALE)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

/** Twice the signed area (shoelace), in micro-degree^2; > 0 means counter-clockwise. */
function signedArea2(r: IRing): number {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return s;
}

function orient(a: IPos, b: IPos, c: IPos): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: IPos, b: IPos, p: IPos): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function segmentsMeet(a: IPos, b: IPos, c: IPos, d: IPos): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/**
 * Throws unless the rings are simple and pairwise disjoint (no crossing, no touching, no
 * collinear overlap); consecutive segments of one ring may only share their common vertex.
 */
function assertSimple(label: string, rings: IRing[]): void {
  interface Seg {
    ring: number;
    i: number;
    n: number;
    a: IPos;
    b: IPos;
  }
  const segs: Seg[] = [];
  rings.forEach((r, ring) => {
    if (r.length < 4) throw new Error(`${label}: ring ${ring} has fewer than 4 positions`);
    for (let i = 0; i < r.length - 1; i++)
      segs.push({ ring, i, n: r.length - 1, a: r[i]!, b: r[i + 1]! });
  });
  const cell = 2000;
  const grid = new Map<string, number[]>();
  segs.forEach((s, si) => {
    const x0 = Math.floor(Math.min(s.a[0], s.b[0]) / cell);
    const x1 = Math.floor(Math.max(s.a[0], s.b[0]) / cell);
    const y0 = Math.floor(Math.min(s.a[1], s.b[1]) / cell);
    const y1 = Math.floor(Math.max(s.a[1], s.b[1]) / cell);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const k = `${x},${y}`;
        const bucket = grid.get(k);
        if (bucket) bucket.push(si);
        else grid.set(k, [si]);
      }
  });
  const seen = new Set<string>();
  for (const bucket of grid.values())
    for (let i = 0; i < bucket.length; i++)
      for (let j = i + 1; j < bucket.length; j++) {
        const p = Math.min(bucket[i]!, bucket[j]!);
        const q = Math.max(bucket[i]!, bucket[j]!);
        const key = `${p}_${q}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = segs[p]!;
        const t = segs[q]!;
        if (!segmentsMeet(s.a, s.b, t.a, t.b)) continue;
        if (s.ring === t.ring) {
          const d = Math.abs(s.i - t.i);
          if (d === 1 || d === s.n - 1) {
            // Neighbours share a vertex; that is fine unless they fold back onto each other.
            const [first, shared, other] = d === 1 ? [s.a, s.b, t.b] : [t.a, s.a, s.b];
            const collinear = orient(first, shared, other) === 0;
            const backtrack =
              (other[0] - shared[0]) * (first[0] - shared[0]) +
                (other[1] - shared[1]) * (first[1] - shared[1]) >
              0;
            if (!(collinear && backtrack)) continue;
          }
        }
        throw new Error(
          `${label}: segments meet: ring ${s.ring} #${s.i} (${s.a} ${s.b}) and ring ${t.ring} #${t.i} (${t.a} ${t.b})`,
        );
      }
}

function ringContainsPoint(r: IRing, p: IPos): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length - 1; j = i++) {
    const a = r[i]!;
    const b = r[j]!;
    if (
      a[1] > p[1] !== b[1] > p[1] &&
      p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]
    )
      inside = !inside;
  }
  return inside;
}

/**
 * Union of edge-adjacent polygons whose shared borders use identical vertices. Rings with an
 * area below minAreaM2 (slivers between inconsistent neighbours) are dropped; the count is
 * reported in `dropped`.
 */
function dissolve(
  label: string,
  features: SourceFeature[],
  minAreaM2: number,
): { polygons: IRing[][]; dropped: number } {
  const edges = new Map<string, number>();
  const add = (a: string, b: string): void => {
    const reverse = `${b}|${a}`;
    const rc = edges.get(reverse);
    if (rc) {
      if (rc > 1) edges.set(reverse, rc - 1);
      else edges.delete(reverse);
      return;
    }
    const k = `${a}|${b}`;
    edges.set(k, (edges.get(k) ?? 0) + 1);
  };
  for (const f of features)
    for (const poly of polygonsOf(f.geometry))
      poly.forEach((raw, i) => {
        let r = toIntRing(raw);
        if ((i === 0) !== signedArea2(r) > 0) r = r.slice().reverse();
        for (let j = 0; j < r.length - 1; j++) add(r[j]!.join(','), r[j + 1]!.join(','));
      });
  const out = new Map<string, string[]>();
  for (const k of [...edges.keys()].sort()) {
    const [a, b] = k.split('|') as [string, string];
    for (let n = edges.get(k)!; n > 0; n--) {
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    }
  }
  const parse = (s: string): IPos => s.split(',').map(Number) as IPos;
  // At a pinch vertex (a hole touching its shell at a point) leave along the first outgoing edge
  // met turning counter-clockwise from the way we came in, so the two rings come apart (the
  // other choice would make one self-touching ring). assertSimple() checks the outcome.
  const takeNext = (prev: string, cur: string): string | undefined => {
    const list = out.get(cur);
    if (!list || list.length === 0) return undefined;
    if (list.length === 1) return list.shift();
    const c = parse(cur);
    const p = parse(prev);
    const back = Math.atan2(p[1] - c[1], p[0] - c[0]);
    let best = 0;
    let bestTurn = Infinity;
    list.forEach((cand, i) => {
      const q = parse(cand);
      let turn = back - Math.atan2(q[1] - c[1], q[0] - c[0]);
      while (turn <= 0) turn += 2 * Math.PI;
      while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
      if (-turn < bestTurn) {
        bestTurn = -turn;
        best = i;
      }
    });
    return list.splice(best, 1)[0];
  };
  const rings: IRing[] = [];
  for (const start of [...out.keys()].sort()) {
    while (out.get(start)?.length) {
      const ring: string[] = [start];
      let cur = out.get(start)!.shift()!;
      ring.push(cur);
      while (cur !== start) {
        const next = takeNext(ring[ring.length - 2]!, cur);
        if (next === undefined) throw new Error(`${label}: open chain at ${cur}`);
        ring.push(next);
        cur = next;
      }
      rings.push(ring.map(parse));
    }
  }
  // micro-degree^2 -> m^2 at the latitude of the data (good enough for a sliver threshold)
  const lat = rings[0]![0]![1] / SCALE;
  const m2PerUnit2 = 0.111195 * 0.111195 * Math.cos((lat * Math.PI) / 180);
  let dropped = 0;
  const kept = rings.filter((r) => {
    const keep = (Math.abs(signedArea2(r)) / 2) * m2PerUnit2 >= minAreaM2;
    if (!keep) dropped++;
    return keep;
  });
  const shells = kept.filter((r) => signedArea2(r) > 0);
  const holes = kept.filter((r) => signedArea2(r) < 0);
  shells.sort((a, b) => signedArea2(b) - signedArea2(a));
  const polygons: IRing[][] = shells.map((s) => [s]);
  for (const h of holes) {
    const owner = polygons.filter((p) => ringContainsPoint(p[0]!, h[0]!));
    if (owner.length !== 1) throw new Error(`${label}: hole without a unique shell`);
    owner[0]!.push(h);
  }
  assertSimple(label, polygons.flat());
  return { polygons, dropped };
}

function toGeometry(polygons: IRing[][]): Geometry {
  const conv = (p: IRing[]): PolygonCoords =>
    p.map((r) => r.map(([x, y]) => [x / SCALE, y / SCALE] as Pos));
  if (polygons.length === 1) return { type: 'Polygon', coordinates: conv(polygons[0]!) };
  return { type: 'MultiPolygon', coordinates: polygons.map(conv) };
}

function vertexCount(g: Geometry): number {
  return polygonsOf(g).reduce((n, p) => n + p.reduce((m, r) => m + r.length - 1, 0), 0);
}

/** A band of `widthM` metres around a polyline (mitred joins), counter-clockwise. */
function corridor(line: Pos[], widthM: number): Geometry {
  const lat0 = line.reduce((s, p) => s + p[1], 0) / line.length;
  const mPerDegLat = 111195;
  const mPerDegLon = mPerDegLat * Math.cos((lat0 * Math.PI) / 180);
  const xy = line.map(([lon, lat]) => [lon * mPerDegLon, lat * mPerDegLat] as Pos);
  const half = widthM / 2;
  const normals = xy.slice(1).map((p, i) => {
    const q = xy[i]!;
    const len = Math.hypot(p[0] - q[0], p[1] - q[1]);
    return [-(p[1] - q[1]) / len, (p[0] - q[0]) / len] as Pos;
  });
  const offset = (side: number): Pos[] =>
    xy.map((p, i) => {
      const n0 = normals[Math.max(0, i - 1)]!;
      const n1 = normals[Math.min(normals.length - 1, i)]!;
      const mx = n0[0] + n1[0];
      const my = n0[1] + n1[1];
      const k = half / ((mx * n1[0] + my * n1[1]) / Math.hypot(mx, my)) / Math.hypot(mx, my);
      return [p[0] + side * mx * k, p[1] + side * my * k] as Pos;
    });
  const left = offset(1);
  const right = offset(-1).reverse();
  const ring = [...right, ...left].map(
    ([x, y]) =>
      [Math.round((x / mPerDegLon) * SCALE), Math.round((y / mPerDegLat) * SCALE)] as IPos,
  );
  ring.push([ring[0]![0], ring[0]![1]]);
  if (signedArea2(ring) < 0) ring.reverse();
  assertSimple('corridor', [ring]);
  return toGeometry([[ring]]);
}

// ---------------------------------------------------------------------------------------------
// Source layers

const adm1 = loadFeatures('syria-adm1-ocha-2020.geojson');
const adm3 = loadFeatures('syria-adm3-ocha-2016.geojson');
const hoods = loadFeatures('aleppo-neighbourhoods-ocha-2016.geojson');

function pick(layer: SourceFeature[], field: string, codes: string[]): SourceFeature[] {
  return codes.map((c) => {
    const f = layer.find((x) => x.properties[field] === c);
    if (!f) throw new Error(`no feature with ${field}=${c}`);
    return f;
  });
}

function hoodsByName(names: string[]): SourceFeature[] {
  return pick(hoods, 'NAME_EN', names);
}

function pcodes(fs: SourceFeature[]): string[] {
  return fs.map((f) => String(f.properties.PCODE));
}

function describe(fs: SourceFeature[], field = 'NAME_EN'): string {
  return fs
    .map(
      (f) =>
        `${String(f.properties[field]).trim()} (${String(f.properties.PCODE ?? f.properties.ADM1_PCODE)})`,
    )
    .join(', ');
}

function dissolved(name: string, fs: SourceFeature[]): Geometry {
  const { polygons, dropped } = dissolve(name, fs, 1000);
  if (dropped > 0) slivers.set(name, dropped);
  return toGeometry(polygons);
}

const slivers = new Map<string, number>();

interface ZoneFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

function zone(id: string, properties: Record<string, unknown>, geometry: Geometry): ZoneFeature {
  return { type: 'Feature', id, properties, geometry };
}

// ---------------------------------------------------------------------------------------------
// Agreements

const party = {
  SYR_GOV: {
    id: 'SYR-GOV',
    name: 'Government of the Syrian Arab Republic',
    capabilities: ['air', 'artillery', 'ground'],
  },
  RUS: { id: 'RUS', name: 'Russian Federation', capabilities: ['air'] },
  OPP_EG: {
    id: 'OPP-EG',
    name: 'Eastern Ghouta armed opposition',
    capabilities: ['artillery', 'ground'],
  },
  OPP_N: {
    id: 'OPP-N',
    name: 'Northern armed opposition',
    capabilities: ['artillery', 'ground'],
  },
  OPP_ALEPPO: {
    id: 'OPP-ALEPPO',
    name: 'Moderate armed opposition in Aleppo',
    capabilities: ['artillery', 'ground'],
  },
  TUR: { id: 'TUR', name: 'Republic of Turkey (guarantor)', capabilities: ['artillery', 'air'] },
  US: { id: 'US', name: 'United States of America (guarantor)', capabilities: [] as string[] },
  UN: { id: 'UN', name: 'United Nations (observer)', capabilities: [] as string[] },
};

// a. Damascus and eastern suburbs (Damascus city + the eastern Ghouta sub-districts)
const damascusCodes = [
  'SY010000', // Damascus
  'SY030103', // Jaramana
  'SY030104', // Maliha
  'SY030105', // Kafr Batna
  'SY030106', // Arbin
  'SY030200', // Duma
  'SY030201', // Harasta
  'SY030204', // Nashabiyeh
];
const damascusParts = pick(adm3, 'PCODE', damascusCodes);
const damascusZone = zone(
  'damascus-eastern-suburbs',
  {
    name: 'Damascus and eastern suburbs',
    kind: 'ceasefire_area',
    source: `${OCHA_2016}, admin-3 sub-districts dissolved: ${describe(damascusParts)}`,
    pcodes: pcodes(damascusParts),
  },
  dissolved('Damascus and eastern suburbs', damascusParts),
);

const damascus = {
  id: 'damascus-coh',
  title: 'Cessation of hostilities — Damascus and eastern suburbs',
  description:
    'Demo scenario. A 48-hour cessation of hostilities around Damascus and the opposition-held ' +
    'eastern suburbs (eastern Ghouta), extended by a further 48 hours on 18 February 2018 as ' +
    'announced by the state news agency. Dates and signatories are illustrative.',
  parties: [party.SYR_GOV, party.RUS, party.OPP_EG, party.US, party.UN],
  versions: [
    {
      label: 'v1',
      valid_from: '2018-02-16T00:00:00Z',
      valid_until: '2018-02-18T00:00:00Z',
      signed_by: ['SYR-GOV', 'RUS', 'OPP-EG'],
      terms:
        'All parties cease hostilities of any kind (air, artillery and ground operations) inside ' +
        'the ceasefire area for 48 hours.',
      zones: { type: 'FeatureCollection', features: [damascusZone] },
    },
    {
      label: 'v2',
      // The extension takes over where v1 ends (no overlap): each version is the one in force
      // over its own 48 hours.
      valid_from: '2018-02-18T00:00:00Z',
      valid_until: '2018-02-20T00:00:00Z',
      signed_by: ['SYR-GOV', 'RUS', 'OPP-EG'],
      terms:
        'Extension: the cessation of hostilities of v1 is extended for another 48 hours over ' +
        'the same area.',
      zones: { type: 'FeatureCollection', features: [damascusZone] },
    },
  ],
};

// b. Northern Syria, excluding Aleppo city
const northParts = pick(adm1, 'ADM1_PCODE', ['SY02', 'SY07']);
const allHoods = [...hoods].sort((a, b) =>
  String(a.properties.PCODE).localeCompare(String(b.properties.PCODE)),
);
const north = {
  id: 'syria-north-coh',
  title: 'Cessation of hostilities — northern Syria (excluding Aleppo city)',
  description:
    'Demo scenario. A cessation of hostilities over Aleppo and Idleb governorates that carves ' +
    'out Aleppo city, where shelling and air strikes continued. Dates and signatories are ' +
    'illustrative.',
  parties: [party.SYR_GOV, party.RUS, party.OPP_N, party.TUR],
  versions: [
    {
      label: 'v1',
      valid_from: '2018-02-12T00:00:00Z',
      valid_until: '2018-02-26T00:00:00Z',
      signed_by: ['SYR-GOV', 'RUS', 'OPP-N', 'TUR'],
      terms:
        'All parties cease hostilities of any kind in Aleppo and Idleb governorates. Aleppo city ' +
        'is excluded from this cessation of hostilities.',
      zones: {
        type: 'FeatureCollection',
        features: [
          zone(
            'aleppo-idleb-governorates',
            {
              name: 'Aleppo and Idleb governorates',
              kind: 'ceasefire_area',
              source: `${OCHA_2020}, admin-1 governorates dissolved: Aleppo (SY02), Idleb (SY07)`,
              pcodes: ['SY02', 'SY07'],
            },
            dissolved('Aleppo and Idleb governorates', northParts),
          ),
          zone(
            'aleppo-city',
            {
              name: 'Aleppo city',
              kind: 'excluded_area',
              source: `${OCHA_2016}, all 109 Aleppo city neighbourhoods dissolved`,
              pcodes: pcodes(allHoods),
            },
            dissolved('Aleppo city', allHoods),
          ),
        ],
      },
    },
  ],
};

// c. Aleppo safe zones (US–Russia map)
function hoodZone(id: string, name: string, kind: string, names: string[]): ZoneFeature {
  const fs = hoodsByName(names);
  return zone(
    id,
    {
      name,
      kind,
      source: `${OCHA_2016}, Aleppo neighbourhoods dissolved: ${describe(fs)}`,
      pcodes: pcodes(fs),
    },
    dissolved(name, fs),
  );
}

const noFlyNames = [
  "Sha'aar",
  'Karm Al-Jabal',
  'Hanano',
  'Al-Sakhour',
  'Haydariyeh',
  'Sheikh Kheder',
  'Jabal Badro',
  'Helwaniyeh',
  'Al-Basel',
  "Ma'asaraniyeh Youth Housing",
  'Karm Al-Jazmati',
  'Jouret Awwad',
  'Dahert Awwad',
  'Karm Al-Qaterji',
];

const corridorLine: Pos[] = [
  [37.206, 36.227],
  [37.225, 36.232],
  [37.245, 36.24],
  [37.27, 36.248],
];
const corridorWidthM = 300;

const aleppo = {
  id: 'aleppo-safe-zones',
  title: 'Aleppo safe zones (US–Russia map)',
  description:
    'Demo scenario. A map drawn up by the United States and Russia with hard lines around ' +
    'specific eastern Aleppo neighbourhoods as safe zones. The safe zones are not no-fly zones: ' +
    'a separate, larger no-fly zone is included to show the different rules. Dates and ' +
    'signatories are illustrative.',
  parties: [party.SYR_GOV, party.RUS, party.OPP_ALEPPO, party.US, party.UN],
  versions: [
    {
      label: 'v1',
      valid_from: '2018-02-19T00:00:00Z',
      signed_by: ['SYR-GOV', 'RUS', 'OPP-ALEPPO', 'US'],
      terms:
        'No attacks of any kind into the safe zones or along the humanitarian corridor. No air ' +
        'operations over the no-fly zone. Open-ended.',
      zones: {
        type: 'FeatureCollection',
        features: [
          hoodZone('sz-shaar', "Sha'aar safe zone", 'safe_zone', ["Sha'aar", 'Karm Al-Jabal']),
          hoodZone('sz-hanano', 'Hanano safe zone', 'safe_zone', ['Hanano']),
          hoodZone('sz-karm-al-jazmati', 'Karm Al-Jazmati safe zone', 'safe_zone', [
            'Karm Al-Jazmati',
            'Dahert Awwad',
          ]),
          hoodZone('sz-bustan-al-qaser', 'Bustan Al-Qaser safe zone', 'safe_zone', [
            'Bustan Al-Qaser',
            'Kallaseh',
          ]),
          hoodZone('nfz-east-aleppo', 'Eastern Aleppo no-fly zone', 'no_fly_zone', noFlyNames),
          zone(
            'corridor-al-bab-road',
            {
              name: 'Al-Bab road humanitarian corridor',
              kind: 'corridor',
              source:
                `Hand-drawn for the demo: a ${corridorWidthM} m wide band around a schematic ` +
                `polyline ${JSON.stringify(corridorLine)} running east-north-east out of Hanano; ` +
                'not surveyed',
            },
            corridor(corridorLine, corridorWidthM),
          ),
        ],
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Incidents (fictional; see the oracle table in data/demo/README.md)

interface Incident {
  id: string;
  lon: number;
  lat: number;
  event_type: string;
  sub_event_type: string;
  occurred_at?: string;
  occurred_from?: string;
  occurred_until?: string;
  uncertainty_m?: number;
  actor1: string;
  actor2?: string;
  fatalities: number;
  source: string;
  notes: string;
}

const EXP = 'Explosions/Remote violence';
const AIR = 'Air/drone strike';
const SHELL = 'Shelling/artillery/missile attack';
const SYR = 'Military Forces of Syria (2000-)';
const UNID = 'Unidentified Military Forces';
const OPP = 'Opposition Rebels (Syria)';
const CIV = 'Civilians (Syria)';

function air(id: string, lon: number, lat: number, rest: Partial<Incident>): Incident {
  return {
    id,
    lon,
    lat,
    event_type: EXP,
    sub_event_type: AIR,
    actor1: UNID,
    fatalities: 0,
    source: 'SOHR',
    notes: '',
    ...rest,
  };
}
function shelling(id: string, lon: number, lat: number, rest: Partial<Incident>): Incident {
  return {
    id,
    lon,
    lat,
    event_type: EXP,
    sub_event_type: SHELL,
    actor1: SYR,
    fatalities: 0,
    source: 'SOHR',
    notes: '',
    ...rest,
  };
}

const incidents: Incident[] = [
  // --- Damascus and eastern suburbs (damascus-coh v1 16-18 Feb, v2 18-20 Feb)
  shelling('DEMO-0001', 36.3064, 33.511, {
    occurred_at: '2018-02-16T00:00:00Z',
    uncertainty_m: 300,
    actor1: OPP,
    actor2: CIV,
    fatalities: 1,
    source: 'SANA',
    notes: 'Mortar rounds hit the Old City at the very minute the truce took effect.',
  }),
  air('DEMO-0002', 36.4017, 33.5717, {
    occurred_at: '2018-02-16T11:20:00Z',
    uncertainty_m: 500,
    actor2: CIV,
    fatalities: 4,
    source: 'SOHR; Reuters',
    notes: 'Jets struck a residential block in central Douma on the first day of the truce.',
  }),
  shelling('DEMO-0003', 36.3667, 33.5583, {
    occurred_at: '2018-02-17T08:15:00Z',
    uncertainty_m: 1000,
    actor2: OPP,
    fatalities: 2,
    notes: 'Artillery fire on the western edge of Harasta reported by the monitoring group.',
  }),
  {
    id: 'DEMO-0004',
    lon: 36.3667,
    lat: 33.5417,
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    occurred_at: '2018-02-17T19:40:00Z',
    uncertainty_m: 250,
    actor1: 'Unidentified Armed Group (Syria)',
    actor2: CIV,
    fatalities: 1,
    source: 'Monitor desk',
    notes:
      'Gunmen fired on a bakery queue in Arbin; the field contact could not say who they were.',
  },
  air('DEMO-0005', 36.3764, 33.5136, {
    occurred_at: '2018-02-18T06:00:00Z',
    uncertainty_m: 500,
    fatalities: 3,
    notes:
      'Dawn air strike on Kafr Batna after the first 48 hours had run out but under the extension.',
  }),
  air('DEMO-0006', 36.3917, 33.5239, {
    occurred_at: '2018-02-19T07:30:00Z',
    uncertainty_m: 1000,
    actor2: CIV,
    fatalities: 5,
    source: 'SOHR; AFP',
    notes: 'Air strike on the market area of Hamouriyah during the extension period.',
  }),
  air('DEMO-0007', 36.405, 33.575, {
    occurred_at: '2018-02-20T10:00:00Z',
    uncertainty_m: 500,
    fatalities: 6,
    notes: 'Renewed air strikes on Douma the morning after the extended truce lapsed.',
  }),
  shelling('DEMO-0008', 36.385, 33.53, {
    occurred_at: '2018-02-20T00:00:00Z',
    uncertainty_m: 500,
    source: 'Monitor desk',
    notes: 'Shelling of Saqba logged at exactly midnight UTC, the moment the extension ended.',
  }),
  shelling('DEMO-0009', 36.37, 33.545, {
    occurred_from: '2018-02-19T22:00:00Z',
    occurred_until: '2018-02-20T02:00:00Z',
    uncertainty_m: 500,
    notes:
      'Overnight shelling of Arbin; residents could only say it happened between 22:00 and 02:00.',
  }),
  air('DEMO-0010', 36.37, 33.56, {
    occurred_from: '2018-02-15T20:00:00Z',
    occurred_until: '2018-02-16T04:00:00Z',
    uncertainty_m: 800,
    fatalities: 2,
    notes: 'Night-time air strike on Harasta reported next morning without a precise hour.',
  }),
  air('DEMO-0011', 36.2361, 33.4583, {
    occurred_at: '2018-02-17T13:00:00Z',
    uncertainty_m: 5000,
    source: 'Tass',
    notes:
      'Wire report of an air strike "near Darayya", located only to within about five kilometres.',
  }),
  {
    id: 'DEMO-0012',
    lon: 36.4,
    lat: 33.57,
    event_type: 'Protests',
    sub_event_type: 'Peaceful protest',
    occurred_at: '2018-02-17T11:00:00Z',
    actor1: 'Protesters (Syria)',
    fatalities: 0,
    source: 'Monitor desk',
    notes: 'Residents of Douma gathered to demand the truce be made permanent.',
  },
  {
    id: 'DEMO-0013',
    lon: 36.2765,
    lat: 33.5138,
    event_type: 'Strategic developments',
    sub_event_type: 'Agreement',
    occurred_at: '2018-02-18T12:00:00Z',
    actor1: SYR,
    fatalities: 0,
    source: 'SANA',
    notes: 'State media announced a 48-hour extension of the Damascus-area ceasefire.',
  },
  air('DEMO-0014', 36.08, 33.4394, {
    occurred_at: '2018-02-17T15:00:00Z',
    uncertainty_m: 500,
    notes: 'Air strike near Qatana, well west of the ceasefire area.',
  }),
  // --- Northern Syria (syria-north-coh v1 12-26 Feb, Aleppo city excluded)
  air('DEMO-0015', 36.8006, 35.8625, {
    occurred_at: '2018-02-11T14:00:00Z',
    uncertainty_m: 1000,
    fatalities: 3,
    notes: 'Air strike on Saraqeb the day before the northern truce began.',
  }),
  air('DEMO-0016', 36.83, 36.1386, {
    occurred_at: '2018-02-14T09:45:00Z',
    uncertainty_m: 1000,
    actor2: CIV,
    fatalities: 2,
    notes: 'Air strike on the outskirts of Al-Atarib in western rural Aleppo.',
  }),
  shelling('DEMO-0017', 37.18543, 36.20908, {
    occurred_at: '2018-02-17T16:30:00Z',
    uncertainty_m: 200,
    actor2: CIV,
    fatalities: 7,
    notes:
      "Heavy shelling of the Sha'aar neighbourhood of eastern Aleppo before any safe-zone map existed.",
  }),
  air('DEMO-0018', 37.14327, 36.1907, {
    occurred_at: '2018-02-15T12:10:00Z',
    uncertainty_m: 150,
    actor2: CIV,
    fatalities: 9,
    notes: 'Air strike on Bustan Al-Qaser, one of many in Aleppo city that week.',
  }),
  shelling('DEMO-0019', 36.6717, 35.6483, {
    occurred_at: '2018-02-20T06:30:00Z',
    uncertainty_m: 2000,
    actor2: OPP,
    fatalities: 1,
    notes: "Artillery fire on Ma'arrat al-Nu'man in rural Idleb.",
  }),
  shelling('DEMO-0020', 37.09858, 36.22262, {
    occurred_at: '2018-02-16T21:00:00Z',
    uncertainty_m: 1500,
    actor1: OPP,
    actor2: CIV,
    source: 'SANA',
    notes:
      'Rocket fire on western Aleppo near Az-Zahraa, placed only roughly by the reporting agency.',
  }),
  air('DEMO-0021', 36.7578, 35.1318, {
    occurred_at: '2018-02-18T10:00:00Z',
    uncertainty_m: 1000,
    notes: 'Air strike in Hama city, outside every agreement area.',
  }),
  {
    id: 'DEMO-0022',
    lon: 36.6339,
    lat: 35.9306,
    event_type: 'Riots',
    sub_event_type: 'Mob violence',
    occurred_at: '2018-02-21T12:00:00Z',
    uncertainty_m: 500,
    actor1: 'Rioters (Syria)',
    fatalities: 0,
    source: 'Monitor desk',
    notes: 'A crowd ransacked a relief warehouse in Idleb city during a distribution dispute.',
  },
  air('DEMO-0023', 37.0433, 36.2936, {
    occurred_at: '2018-02-25T23:30:00Z',
    uncertainty_m: 1000,
    fatalities: 2,
    notes: 'Late-night air strike on Anadan, half an hour before the northern truce expired.',
  }),
  // --- Aleppo safe zones (aleppo-safe-zones v1 from 19 Feb, open-ended)
  air('DEMO-0024', 37.18543, 36.20908, {
    occurred_at: '2018-02-20T09:10:00Z',
    uncertainty_m: 100,
    actor2: CIV,
    fatalities: 3,
    notes: "Air strike in the heart of the Sha'aar safe zone on its second day.",
  }),
  air('DEMO-0025', 37.20264, 36.22702, {
    occurred_at: '2018-02-21T13:45:00Z',
    uncertainty_m: 100,
    actor2: CIV,
    fatalities: 2,
    notes: 'Air strike on a school building in Hanano.',
  }),
  air('DEMO-0026', 37.14327, 36.1907, {
    occurred_at: '2018-02-22T08:00:00Z',
    uncertainty_m: 100,
    actor2: CIV,
    fatalities: 4,
    notes: 'Air strike in Bustan Al-Qaser, a safe zone that lies outside the no-fly zone.',
  }),
  shelling('DEMO-0027', 37.19965, 36.19752, {
    occurred_at: '2018-02-22T15:20:00Z',
    uncertainty_m: 250,
    fatalities: 1,
    notes: 'Artillery shells landed in Karm Al-Jazmati.',
  }),
  shelling('DEMO-0028', 37.19236, 36.23671, {
    occurred_at: '2018-02-20T17:00:00Z',
    uncertainty_m: 200,
    source: 'Monitor desk',
    notes: 'Shelling of Haydariyeh, inside the no-fly zone but in no safe zone.',
  }),
  air('DEMO-0029', 37.18439, 36.2231, {
    occurred_at: '2018-02-23T07:50:00Z',
    uncertainty_m: 150,
    fatalities: 1,
    notes: 'Helicopter attack on Sheikh Kheder, inside the no-fly zone but in no safe zone.',
  }),
  air('DEMO-0030', 37.1955, 36.233, {
    occurred_at: '2018-02-21T02:00:00Z',
    uncertainty_m: 10000,
    source: 'Tass',
    notes:
      'Wire report of a night air strike "in eastern Aleppo" with no better location than the district.',
  }),
  shelling('DEMO-0031', 37.1995, 36.225, {
    occurred_from: '2018-02-18T20:00:00Z',
    occurred_until: '2018-02-19T04:00:00Z',
    uncertainty_m: 150,
    fatalities: 1,
    notes: 'Overnight shelling of Hanano around the time the safe-zone map took effect.',
  }),
  {
    id: 'DEMO-0032',
    lon: 37.185,
    lat: 36.2095,
    event_type: 'Protests',
    sub_event_type: 'Peaceful protest',
    occurred_at: '2018-02-23T10:00:00Z',
    uncertainty_m: 100,
    actor1: 'Protesters (Syria)',
    fatalities: 0,
    source: 'Monitor desk',
    notes: "Residents of Sha'aar marched to demand that the safe zone be respected.",
  },
  {
    id: 'DEMO-0033',
    lon: 37.2575,
    lat: 36.244,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    occurred_at: '2018-02-21T10:30:00Z',
    uncertainty_m: 50,
    actor1: SYR,
    actor2: OPP,
    fatalities: 3,
    source: 'SOHR',
    notes: 'Ground forces clashed on the road east of the city, inside the humanitarian corridor.',
  },
  {
    id: 'DEMO-0034',
    lon: 37.14907,
    lat: 36.19396,
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    occurred_at: '2018-02-24T11:00:00Z',
    actor1: 'Unidentified Armed Group (Syria)',
    actor2: CIV,
    fatalities: 2,
    source: 'Monitor desk',
    notes: 'Two aid workers were shot at a checkpoint in Kallaseh.',
  },
  air('DEMO-0035', 37.189887, 36.212765, {
    occurred_at: '2018-02-22T19:00:00Z',
    uncertainty_m: 0,
    notes:
      "Air strike at a surveyed point exactly on the hard line between Sha'aar and Al-Sakhour.",
  }),
];

// ---------------------------------------------------------------------------------------------
// Output

/** Pretty JSON, but with each coordinate ring (or position) on one line. */
function format(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = value.every(
      (v) =>
        typeof v === 'number' ||
        typeof v === 'string' ||
        (Array.isArray(v) && v.every((w) => typeof w === 'number')),
    );
    if (flat) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

mkdirSync(join(outDir, 'agreements'), { recursive: true });
for (const a of [damascus, north, aleppo]) {
  writeFileSync(join(outDir, 'agreements', `${a.id}.json`), format(a) + '\n');
  for (const v of a.versions)
    for (const z of v.zones.features)
      console.log(
        `${a.id} ${v.label} ${z.id} ${String(z.properties.kind)} ${z.geometry.type} vertices=${vertexCount(z.geometry)}`,
      );
}
for (const [name, n] of slivers) console.log(`${name}: dropped ${n} sliver ring(s) < 1000 m2`);
const propertyOrder = [
  'event_type',
  'sub_event_type',
  'occurred_at',
  'occurred_from',
  'occurred_until',
  'uncertainty_m',
  'actor1',
  'actor2',
  'fatalities',
  'source',
  'notes',
] as const;
const incidentFc = {
  type: 'FeatureCollection',
  features: incidents.map((inc) => ({
    type: 'Feature',
    id: inc.id,
    geometry: { type: 'Point', coordinates: [inc.lon, inc.lat] },
    properties: Object.fromEntries(propertyOrder.map((k) => [k, inc[k]])),
  })),
};
writeFileSync(join(outDir, 'incidents.geojson'), format(incidentFc) + '\n');
console.log(`incidents: ${incidents.length}`);
