// Builds the boundary layers in data/basemap/ from the UN OCHA COD-AB files: Syria's governorates
// (syria-adm1.json, the offline base map, GET /api/v1/map/basemap) and districts (syria-adm2.json),
// and Aleppo city's neighbourhoods (aleppo-neighbourhoods.json), which the zone editor draws, snaps
// to and copies as exact zone outlines (GET /api/v1/map/boundaries/:layer):
//
//   npx tsx scripts/build-basemap.ts [geo-dir] [--layer NAME] [--tolerance DEGREES]
//
// geo-dir defaults to $TRUCELINE_GEO_DIR or ../shared/geo (beside the repository), as for
// scripts/build-gazetteer.ts. --layer builds one layer (syria-adm1, syria-adm2,
// aleppo-neighbourhoods) and --tolerance overrides its tolerance. Boundaries are simplified with
// Douglas–Peucker (no simplification library is installed; this is build tooling only),
// topology-preserving: rings are cut into arcs at junctions (vertices with three or more distinct
// neighbours, as TopoJSON does), and an arc two polygons share is simplified once, in one
// direction, so neighbours keep a common border with no gaps or slivers. Every output polygon must
// pass the zone geometry validation (a neighbourhood's outline becomes a zone as it is). Byte-for-byte
// deterministic.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { validateZoneGeometry } from '../src/geo/validate-geometry.ts';

interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

interface LayerSpec {
  /** The output's name in data/basemap/ (without .json), also what --layer selects. */
  name: string;
  source: string;
  /** What one feature is, for the summary line. */
  what: string;
  /** Douglas–Peucker tolerance in degrees (local equirectangular plane). */
  tolerance: number;
  /** Decimals the output coordinates are rounded to. */
  decimals: number;
  attribution: string;
  /**
   * Whether the outlines are copied into zones as they are (then each must pass the zone geometry
   * validation, or the build fails); the admin layers are context and snapping targets only.
   */
  zoneOutlines: boolean;
  /** The kept properties, renamed; `pcode` orders the features. */
  properties: (p: Record<string, unknown>) => { pcode: string } & Record<string, string>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));

const LAYERS: LayerSpec[] = [
  {
    name: 'syria-adm1',
    source: 'syria-adm1-ocha-2020.geojson',
    what: 'governorates',
    // About 20 m: finer than a pixel up to zoom 12, and the file stays near 140 KiB.
    tolerance: 0.0002,
    decimals: 5,
    zoneOutlines: false,
    attribution:
      'UN OCHA Syria Common Operational Datasets (COD-AB), admin 1 (2020); CC BY-IGO — © UN OCHA',
    properties: (p) => ({ name_en: text(p.ADM1_EN), pcode: text(p.ADM1_PCODE) }),
  },
  {
    name: 'syria-adm2',
    source: 'syria-adm2-ocha-2016.geojson',
    what: 'districts',
    // About 25 m: context and snapping targets at district scale, in under 300 KiB.
    tolerance: 0.00025,
    decimals: 5,
    zoneOutlines: false,
    attribution:
      'UN OCHA Syria Common Operational Datasets (COD-AB), admin 2 (2016); CC BY-IGO — © UN OCHA',
    properties: (p) => ({ name_en: text(p.NAME_EN), pcode: text(p.PCODE) }),
  },
  {
    name: 'aleppo-neighbourhoods',
    source: 'aleppo-neighbourhoods-ocha-2016.geojson',
    what: 'neighbourhoods',
    // About 3 m, with the source's own 6 decimals: these outlines become zones' hard lines as they
    // are, so they stay within a street's width of OCHA's.
    tolerance: 0.00003,
    decimals: 6,
    zoneOutlines: true,
    attribution:
      'UN OCHA Syria Common Operational Datasets (COD-AB), Aleppo city neighbourhoods (2016); CC BY-IGO — © UN OCHA',
    properties: (p) => ({
      name_en: text(p.NAME_EN),
      name_ar: text(p.NAME_AR),
      pcode: text(p.PCODE),
    }),
  },
];

const keyOf = (p: Position) => `${p[0]},${p[1]}`;
const partsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
/** Open rings (the closing vertex dropped). */
const ringsOf = (g: Polygon | MultiPolygon) =>
  partsOf(g)
    .flat()
    .map((r) => r.slice(0, -1));
const lexLess = (a: Position, b: Position) => a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!);

/**
 * The vertices where every ring through them is cut into arcs: junctions of three or more
 * distinct neighbours; a ring with fewer than two (an island, an enclave) is cut at its
 * lexicographically first and last vertices, a rule every ring through them sees the same way.
 */
function junctions(features: readonly SourceFeature[]): Set<string> {
  const neighbours = new Map<string, Set<string>>();
  for (const f of features)
    for (const ring of ringsOf(f.geometry))
      ring.forEach((p, i) => {
        const set = neighbours.get(keyOf(p)) ?? new Set<string>();
        set.add(keyOf(ring[(i + ring.length - 1) % ring.length]!));
        set.add(keyOf(ring[(i + 1) % ring.length]!));
        neighbours.set(keyOf(p), set);
      });
  const fixed = new Set([...neighbours].filter(([, n]) => n.size >= 3).map(([k]) => k));
  for (const f of features)
    for (const ring of ringsOf(f.geometry)) {
      if (ring.filter((p) => fixed.has(keyOf(p))).length >= 2) continue;
      let lo = ring[0]!;
      let hi = ring[0]!;
      for (const p of ring) {
        if (lexLess(p, lo)) lo = p;
        if (lexLess(hi, p)) hi = p;
      }
      fixed.add(keyOf(lo)).add(keyOf(hi));
    }
  return fixed;
}

// ── Douglas–Peucker on an arc (endpoints kept), in a local equirectangular plane ──
const KX = Math.cos((35 * Math.PI) / 180);

function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px, py] = [(p[0]! - a[0]!) * KX, p[1]! - a[1]!];
  const [dx, dy] = [(b[0]! - a[0]!) * KX, b[1]! - a[1]!];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  return Math.hypot(px - t * dx, py - t * dy);
}

function douglasPeucker(arc: Position[], tolerance: number): Position[] {
  const keep = new Uint8Array(arc.length);
  keep[0] = keep[arc.length - 1] = 1;
  const stack: [number, number][] = [[0, arc.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(arc[i]!, arc[first]!, arc[last]!);
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return arc.filter((_, i) => keep[i] === 1);
}

/** The same arc gives the same points whichever ring walks it, in whichever direction. */
function simplifyArc(arc: Position[], tolerance: number): Position[] {
  const reversed = lexLess(arc[arc.length - 1]!, arc[0]!);
  const out = douglasPeucker(reversed ? [...arc].reverse() : arc, tolerance);
  return reversed ? out.reverse() : out;
}

function simplifyRing(
  ring: Position[],
  fixed: ReadonlySet<string>,
  tolerance: number,
  decimals: number,
): Position[] {
  const scale = 10 ** decimals;
  const round = (x: number) => Math.round(x * scale) / scale;
  const start = ring.findIndex((p) => fixed.has(keyOf(p)));
  const walk = [...ring.slice(start), ...ring.slice(0, start), ring[start]!];
  const out: Position[] = [walk[0]!];
  let from = 0;
  for (let i = 1; i < walk.length; i++) {
    if (!fixed.has(keyOf(walk[i]!))) continue;
    out.push(...simplifyArc(walk.slice(from, i + 1), tolerance).slice(1));
    from = i;
  }
  const rounded: Position[] = [];
  for (const p of out) {
    const q = [round(p[0]!), round(p[1]!)];
    const prev = rounded[rounded.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) rounded.push(q);
  }
  // A ring that collapsed (a small island) keeps its own vertices, rounded.
  if (rounded.length < 4)
    return ring.map((p) => [round(p[0]!), round(p[1]!)]).concat([rounded[0]!]);
  return rounded;
}

/** Reads, simplifies, checks and writes one layer; returns the summary line. */
function buildLayer(spec: LayerSpec, geoDir: string, outDir: string): string {
  const source = (
    JSON.parse(readFileSync(join(geoDir, spec.source), 'utf8')) as { features: SourceFeature[] }
  ).features
    .map((f) => ({ ...f, kept: spec.properties(f.properties) }))
    .sort((a, b) => a.kept.pcode.localeCompare(b.kept.pcode));
  const fixed = junctions(source);
  let vertices = 0;
  const invalid: string[] = [];
  const out = source.map((f) => {
    const polygons = partsOf(f.geometry).map((rings) =>
      rings.map((r) => simplifyRing(r.slice(0, -1), fixed, spec.tolerance, spec.decimals)),
    );
    vertices += polygons.flat(2).length;
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
    const check = validateZoneGeometry(geometry);
    if (!check.ok) invalid.push(`${f.kept.pcode}: ${check.issues[0]!.message}`);
    return { type: 'Feature', properties: f.kept, geometry };
  });
  if (spec.zoneOutlines && invalid.length > 0)
    throw new Error(
      `${spec.name}: ${invalid.length} simplified polygon(s) are not valid zones; lower the tolerance:\n  ${invalid.join('\n  ')}`,
    );
  const body =
    `{"type":"FeatureCollection","attribution":${JSON.stringify(spec.attribution)},` +
    `"generated_by":"scripts/build-basemap.ts (tolerance ${spec.tolerance}°)","features":[\n` +
    out.map((f) => JSON.stringify(f)).join(',\n') +
    '\n]}\n';
  const file = join(outDir, `${spec.name}.json`);
  writeFileSync(file, body);
  const before = source.reduce((n, f) => n + partsOf(f.geometry).flat(2).length, 0);
  const note = invalid.length > 0 ? ` (${invalid.length} not valid as zones)` : '';
  return `${file}: ${out.length} ${spec.what}${note}, ${vertices} vertices (from ${before}), ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`;
}

function main(argv: string[]): void {
  const args = [...argv];
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const only = option('--layer');
  const tolerance = option('--tolerance');
  const layers = LAYERS.filter((l) => only === undefined || l.name === only);
  if (layers.length === 0)
    throw new Error(`no layer ${only}; the layers are ${LAYERS.map((l) => l.name).join(', ')}`);
  const geoDir = resolve(
    args[0] ??
      process.env.TRUCELINE_GEO_DIR ??
      fileURLToPath(new URL('../../shared/geo', import.meta.url)),
  );
  const outDir = fileURLToPath(new URL('../data/basemap', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const spec of layers) {
    const t = tolerance === undefined ? spec.tolerance : Number(tolerance);
    console.log(buildLayer({ ...spec, tolerance: t }, geoDir, outDir));
  }
}

main(process.argv.slice(2));
