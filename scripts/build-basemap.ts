// Builds data/basemap/syria-adm1.json, the offline base map's governorates (served by
// GET /api/v1/map/basemap), from the UN OCHA COD-AB admin 1 layer:
//
//   npx tsx scripts/build-basemap.ts [geo-dir] [--tolerance DEGREES]
//
// geo-dir defaults to $TRUCELINE_GEO_DIR or ../shared/geo (beside the repository), as for
// scripts/build-gazetteer.ts. The boundaries are simplified with Douglas–Peucker (no simplification
// library is installed; this is build tooling only), topology-preserving: rings are cut into arcs
// at junctions (vertices with three or more distinct neighbours, as TopoJSON does), and an arc two
// governorates share is simplified once, in one direction, so neighbours keep a common border with
// no gaps or slivers. Coordinates are rounded to 5 decimals. Byte-for-byte deterministic.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';

interface SourceFeature {
  properties: { ADM1_EN: string; ADM1_PCODE: string };
  geometry: Polygon | MultiPolygon;
}

const args = process.argv.slice(2);
const toleranceAt = args.indexOf('--tolerance');
/** About 20 m: finer than a pixel up to zoom 12, and the file stays near 140 KiB (300 KiB budget). */
const TOLERANCE = toleranceAt >= 0 ? Number(args.splice(toleranceAt, 2)[1]) : 0.0002;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outFile = join(repoRoot, 'data', 'basemap', 'syria-adm1.json');
const geoDir = resolve(
  args[0] ??
    process.env.TRUCELINE_GEO_DIR ??
    fileURLToPath(new URL('../../shared/geo', import.meta.url)),
);
const ATTRIBUTION =
  'UN OCHA Syria Common Operational Datasets (COD-AB), admin 1 (2020); CC BY-IGO — © UN OCHA';

const features = (
  JSON.parse(readFileSync(join(geoDir, 'syria-adm1-ocha-2020.geojson'), 'utf8')) as {
    features: SourceFeature[];
  }
).features.sort((a, b) => a.properties.ADM1_PCODE.localeCompare(b.properties.ADM1_PCODE));

const keyOf = (p: Position) => `${p[0]},${p[1]}`;
const partsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
/** Open rings (the closing vertex dropped). */
const ringsOf = (g: Polygon | MultiPolygon) =>
  partsOf(g)
    .flat()
    .map((r) => r.slice(0, -1));

// ── junctions: a global set of vertices where every ring through them is cut ──
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
// A ring with fewer than two junctions (an island, an enclave) is cut at its lexicographically
// first and last vertices: a rule every ring through those vertices sees the same way.
const lexLess = (a: Position, b: Position) => a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!);
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

const round = (x: number) => Math.round(x * 1e5) / 1e5;

function simplifyRing(ring: Position[], tolerance: number): Position[] {
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

let vertices = 0;
const out = features.map((f) => {
  const polygons = partsOf(f.geometry).map((rings) =>
    rings.map((r) => simplifyRing(r.slice(0, -1), TOLERANCE)),
  );
  vertices += polygons.flat(2).length;
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return {
    type: 'Feature',
    properties: { name_en: f.properties.ADM1_EN, pcode: f.properties.ADM1_PCODE },
    geometry,
  };
});

const text =
  `{"type":"FeatureCollection","attribution":${JSON.stringify(ATTRIBUTION)},` +
  `"generated_by":"scripts/build-basemap.ts (tolerance ${TOLERANCE}°)","features":[\n` +
  out.map((f) => JSON.stringify(f)).join(',\n') +
  '\n]}\n';
mkdirSync(join(repoRoot, 'data', 'basemap'), { recursive: true });
writeFileSync(outFile, text);
console.log(
  `${outFile}: ${out.length} governorates, ${vertices} vertices (from ${features.reduce((n, f) => n + partsOf(f.geometry).flat(2).length, 0)}), ${(text.length / 1024).toFixed(0)} KiB`,
);
