// Zone geometry validation: structure, WGS84 bounds, closed rings, no self-intersections or
// crossing rings, holes inside their shell, and sane vertex counts and areas. Every problem is
// reported with the path of the position and a sentence naming the polygon, ring and place.
// Every step is near-linear in parts, holes and vertices (issue 20): crossings are searched in an
// R-tree over the edge boxes, nesting only compares rings whose boxes overlap (an R-tree over the
// ring boxes), and point-in-ring / point-on-ring against a large ring use an R-tree over its
// edges. Parts, holes per polygon and vertices are capped (GeometryLimits).
import turfArea from '@turf/area';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { contact, inRing, onRing, onSegment, orient } from './geometry-predicates.ts';

export interface GeometryIssue {
  path: string;
  message: string;
}

export interface GeometryLimits {
  maxVertices: number;
  maxAreaKm2: number;
  minAreaKm2: number;
  /** Polygons of a MultiPolygon. */
  maxParts: number;
  /** Holes (inner rings) of each polygon. */
  maxHolesPerPolygon: number;
}

export const DEFAULT_GEOMETRY_LIMITS: GeometryLimits = {
  maxVertices: 100_000,
  maxAreaKm2: 2_000_000,
  minAreaKm2: 0.0001,
  maxParts: 10_000,
  maxHolesPerPolygon: 10_000,
};

const MAX_ISSUES = 20;

/**
 * Pairs of edges whose boxes overlap that the crossing check compares at most. Real zones give a
 * few per edge (a 100,000-vertex circle about 300,000 in all; measured: 4,000 comb vertices 3.2 M); only edges packed together on
 * purpose (e.g. a comb of long parallel diagonal teeth) come near, and would cost time quadratic
 * in the vertices. Past it the geometry is refused as too intricate to check.
 */
export const MAX_EDGE_PAIRS = 2_000_000;

export type ValidationResult =
  { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; issues: GeometryIssue[] };

export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return turfArea(geometry) / 1e6;
}

export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polygons)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x! < x0) x0 = x!;
        if (x! > x1) x1 = x!;
        if (y! < y0) y0 = y!;
        if (y! > y1) y1 = y!;
      }
  return [x0, y0, x1, y1];
}

const fmt = (x: number, y: number) => `${+x.toFixed(6)}, ${+y.toFixed(6)}`;

interface RingRef {
  polygon: number;
  ring: number;
  path: string;
  label: string;
  positions: Position[];
}

function ringLabel(multi: boolean, polygon: number, ring: number): string {
  const r = `ring ${ring} (${ring === 0 ? 'outer' : 'hole'})`;
  return multi ? `polygon ${polygon}, ${r}` : r;
}

/** Structure and coordinate ranges; returns the rings when they are usable for topology. */
function checkStructure(
  geometry: unknown,
  issues: GeometryIssue[],
): { rings: RingRef[]; multi: boolean } | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    issues.push({
      path: 'type',
      message: 'a zone geometry must be a GeoJSON Polygon or MultiPolygon',
    });
    return null;
  }
  const multi = g.type === 'MultiPolygon';
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    issues.push({
      path: 'coordinates',
      message: `coordinates must be a non-empty array of ${multi ? 'polygons' : 'rings'}`,
    });
    return null;
  }
  const polygons = (multi ? g.coordinates : [g.coordinates]) as unknown[];
  const rings: RingRef[] = [];
  polygons.forEach((poly, p) => {
    const polyPath = multi ? `coordinates[${p}]` : 'coordinates';
    if (!Array.isArray(poly) || poly.length === 0) {
      issues.push({ path: polyPath, message: `polygon ${p} must be a non-empty array of rings` });
      return;
    }
    poly.forEach((ring: unknown, r) => {
      const path = `${polyPath}[${r}]`;
      const label = ringLabel(multi, p, r);
      if (!Array.isArray(ring)) {
        issues.push({ path, message: `${label} must be an array of positions` });
        return;
      }
      let ok = true;
      ring.forEach((pos: unknown, k) => {
        if (!ok) return;
        const at = `${path}[${k}]`;
        if (
          !Array.isArray(pos) ||
          pos.length < 2 ||
          !pos.every((c) => typeof c === 'number' && Number.isFinite(c))
        ) {
          issues.push({ path: at, message: `${label}: position ${k} must be [lon, lat] numbers` });
          ok = false;
          return;
        }
        const [x, y] = pos as number[];
        if (x! < -180 || x! > 180 || y! < -90 || y! > 90) {
          issues.push({
            path: at,
            message: `${label}: position ${k} (${x}, ${y}) is outside WGS84 (lon -180…180, lat -90…90)`,
          });
          ok = false;
        }
      });
      if (!ok) return;
      if (ring.length < 4) {
        issues.push({
          path,
          message: `${label} has ${ring.length} positions; a ring needs at least 4 (first = last)`,
        });
        return;
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        issues.push({
          path: `${path}[${ring.length - 1}]`,
          message: `${label} is not closed: it starts at ${fmt(first[0]!, first[1]!)} and ends at ${fmt(last[0]!, last[1]!)}`,
        });
        return;
      }
      rings.push({ polygon: p, ring: r, path, label, positions: ring as Position[] });
    });
  });
  return issues.length > 0 ? null : { rings, multi };
}

interface Edge {
  ring: number;
  /** Index of the edge's first position in its ring. */
  k: number;
  /** Position of the edge within its ring's list of non-degenerate edges. */
  seq: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Crossings within and between rings, found with an R-tree over the edge boxes (fast at 10k+ vertices). */
function checkCrossings(rings: RingRef[], issues: GeometryIssue[]): void {
  const edges: Edge[] = [];
  const ringEdgeCount: number[] = [];
  rings.forEach((ring, ri) => {
    const pos = ring.positions;
    let seq = 0;
    for (let k = 0; k + 1 < pos.length; k++) {
      const [x1, y1] = pos[k] as [number, number];
      const [x2, y2] = pos[k + 1] as [number, number];
      if (x1 === x2 && y1 === y2) continue; // a repeated position adds no edge
      edges.push({ ring: ri, k, seq: seq++, x1, y1, x2, y2 });
    }
    ringEdgeCount.push(seq);
  });
  if (edges.length === 0) return;
  const index = new Flatbush(edges.length);
  for (const e of edges)
    index.add(
      Math.min(e.x1, e.x2),
      Math.min(e.y1, e.y2),
      Math.max(e.x1, e.x2),
      Math.max(e.y1, e.y2),
    );
  index.finish();
  let pairs = 0;
  edges.forEach((a, i) => {
    if (issues.length >= MAX_ISSUES || pairs > MAX_EDGE_PAIRS) return;
    const candidates = index.search(
      Math.min(a.x1, a.x2),
      Math.min(a.y1, a.y2),
      Math.max(a.x1, a.x2),
      Math.max(a.y1, a.y2),
    );
    pairs += candidates.length;
    if (pairs > MAX_EDGE_PAIRS) {
      issues.push({
        path: 'coordinates',
        message: `the zone's edges lie too close together to check (more than ${MAX_EDGE_PAIRS} pairs of edges with overlapping boxes) — simplify it`,
      });
      return;
    }
    for (const j of candidates) {
      if (j <= i || issues.length >= MAX_ISSUES) continue;
      const b = edges[j]!;
      const c = contact(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1, b.x2, b.y2);
      if (c.kind === 'none') continue;
      const sameRing = a.ring === b.ring;
      const n = ringEdgeCount[a.ring]!;
      const adjacent = sameRing && (b.seq - a.seq === 1 || (a.seq === 0 && b.seq === n - 1));
      if (c.kind === 'touch' && (adjacent || !sameRing)) continue; // shared vertex; rings may touch at a point
      const ra = rings[a.ring]!;
      const rb = rings[b.ring]!;
      const pa = ra.positions.length - 1;
      const pb = rb.positions.length - 1;
      const ea = `edge ${a.k}→${(a.k + 1) % pa}`;
      const eb = `edge ${b.k}→${(b.k + 1) % pb}`;
      const what = c.kind === 'cross' ? 'crosses' : c.kind === 'overlap' ? 'runs along' : 'touches';
      const where = `at ${fmt(c.x, c.y)}`;
      issues.push({
        path: `${ra.path}[${a.k}]`,
        message: sameRing
          ? adjacent
            ? `${ra.label}: ${ea} folds back along ${eb} ${where} (a spike)`
            : `${ra.label}: ${ea} ${what} ${eb} ${where} (the ring intersects itself)`
          : `${ra.label}: ${ea} ${what} ${rb.label} ${eb} ${where}`,
      });
    }
  });
}

/** Rings above this many positions get an R-tree over their edges for point queries. */
const SMALL_RING = 32;

/**
 * Point-on-ring and even-odd point-in-ring against one ring, with the arithmetic of
 * `onRing` / `inRing`; a large ring answers from an R-tree over its edges, so each query costs
 * the edges near the point (on) or crossing the ray to its right (in), not the whole ring.
 */
class RingLocator {
  private readonly index: Flatbush | null = null;
  constructor(private readonly ring: Position[]) {
    if (ring.length <= SMALL_RING) return;
    const index = new Flatbush(ring.length - 1);
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x1, y1] = ring[k] as [number, number];
      const [x2, y2] = ring[k + 1] as [number, number];
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
    index.finish();
    this.index = index;
  }

  on(x: number, y: number): boolean {
    if (!this.index) return onRing(x, y, this.ring);
    for (const k of this.index.search(x, y, x, y)) {
      const [x1, y1] = this.ring[k] as [number, number];
      const [x2, y2] = this.ring[k + 1] as [number, number];
      if (orient(x1, y1, x2, y2, x, y) === 0 && onSegment(x1, y1, x2, y2, x, y)) return true;
    }
    return false;
  }

  inside(x: number, y: number): boolean {
    if (!this.index) return inRing(x, y, this.ring);
    let inside = false;
    for (const k of this.index.search(x, y, Infinity, y)) {
      // The edge ring[k] → ring[k + 1], as inRing sees it (i = k + 1, j = k).
      const [xj, yj] = this.ring[k] as [number, number];
      const [xi, yi] = this.ring[k + 1] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

function ringBox(ring: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x! < x0) x0 = x!;
    if (x! > x1) x1 = x!;
    if (y! < y0) y0 = y!;
    if (y! > y1) y1 = y!;
  }
  return [x0, y0, x1, y1];
}

/**
 * Holes inside their shell, and (MultiPolygon) no part inside another. A part can only lie inside
 * another whose box overlaps its own, and a point only inside a hole whose box holds it, so both
 * are found in an R-tree over the ring boxes: near-linear in parts and holes.
 */
function checkNesting(rings: RingRef[], multi: boolean, issues: GeometryIssue[]): void {
  const locators: (RingLocator | undefined)[] = [];
  const locate = (i: number) => (locators[i] ??= new RingLocator(rings[i]!.positions));
  /** A vertex of `inner` that is not on ring `outer`, to test which side of it `inner` lies. */
  const probe = (inner: RingRef, outer: number): [number, number] | null => {
    const on = locate(outer);
    for (const p of inner.positions) if (!on.on(p[0]!, p[1]!)) return [p[0]!, p[1]!];
    return null;
  };
  const shellOf = new Map<number, number>();
  rings.forEach((r, i) => {
    if (r.ring === 0 && !shellOf.has(r.polygon)) shellOf.set(r.polygon, i);
  });
  for (const hole of rings) {
    if (hole.ring === 0) continue;
    if (issues.length >= MAX_ISSUES) return;
    const shell = shellOf.get(hole.polygon);
    if (shell === undefined) continue;
    const p = probe(hole, shell);
    if (p && !locate(shell).inside(p[0], p[1]))
      issues.push({
        path: hole.path,
        message: `${hole.label} lies outside its outer ring (near ${fmt(p[0], p[1])})`,
      });
  }
  if (!multi) return;
  const boxes = rings.map((r) => ringBox(r.positions));
  const index = new Flatbush(rings.length);
  for (const [x0, y0, x1, y1] of boxes) index.add(x0, y0, x1, y1);
  index.finish();
  const inHoleOf = (polygon: number, x: number, y: number) =>
    index
      .search(x, y, x, y)
      .some((h) => rings[h]!.polygon === polygon && rings[h]!.ring > 0 && locate(h).inside(x, y));
  rings.forEach((a, ai) => {
    if (a.ring !== 0) return;
    const [x0, y0, x1, y1] = boxes[ai]!;
    const others = index
      .search(x0, y0, x1, y1)
      .filter((bi) => bi !== ai && rings[bi]!.ring === 0)
      .sort((m, n) => m - n); // the order of the parts, as the messages have always come
    for (const bi of others) {
      if (issues.length >= MAX_ISSUES) return;
      const b = rings[bi]!;
      const p = probe(a, bi);
      if (p && locate(bi).inside(p[0], p[1]) && !inHoleOf(b.polygon, p[0], p[1]))
        issues.push({
          path: a.path,
          message: `polygon ${a.polygon} lies inside polygon ${b.polygon}; the parts of a MultiPolygon must not overlap`,
        });
    }
  });
}

/** The first of the parts and holes caps the geometry exceeds (checked before any topology). */
function capIssue(
  g: Polygon | MultiPolygon,
  multi: boolean,
  limits: GeometryLimits,
): GeometryIssue | null {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (multi && polygons.length > limits.maxParts)
    return {
      path: 'coordinates',
      message: `the zone has ${polygons.length} polygons; the limit is ${limits.maxParts} — merge or simplify them`,
    };
  for (let p = 0; p < polygons.length; p++) {
    const holes = polygons[p]!.length - 1;
    if (holes > limits.maxHolesPerPolygon)
      return {
        path: multi ? `coordinates[${p}]` : 'coordinates',
        message: `${multi ? `polygon ${p}` : 'the polygon'} has ${holes} holes; the limit is ${limits.maxHolesPerPolygon} per polygon — simplify it`,
      };
  }
  return null;
}

export function validateZoneGeometry(
  geometry: unknown,
  limits: GeometryLimits = DEFAULT_GEOMETRY_LIMITS,
): ValidationResult {
  const issues: GeometryIssue[] = [];
  const structure = checkStructure(geometry, issues);
  if (!structure) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const { rings, multi } = structure;
  const cap = capIssue(geometry as Polygon | MultiPolygon, multi, limits);
  if (cap) return { ok: false, issues: [cap] };
  const vertices = rings.reduce((n, r) => n + r.positions.length - 1, 0);
  if (vertices > limits.maxVertices)
    return {
      ok: false,
      issues: [
        {
          path: 'coordinates',
          message: `the zone has ${vertices} vertices; the limit is ${limits.maxVertices} — simplify it`,
        },
      ],
    };
  checkCrossings(rings, issues);
  if (issues.length === 0) checkNesting(rings, multi, issues);
  const g = geometry as Polygon | MultiPolygon;
  if (issues.length === 0) {
    const area = areaKm2(g);
    if (area < limits.minAreaKm2)
      issues.push({
        path: 'coordinates',
        message: `the zone's area is ${area.toPrecision(3)} km², below the minimum of ${limits.minAreaKm2} km²`,
      });
    else if (area > limits.maxAreaKm2)
      issues.push({
        path: 'coordinates',
        message: `the zone's area is ${Math.round(area)} km², above the limit of ${limits.maxAreaKm2} km² — is it in lon, lat order?`,
      });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, geometry: g };
}
