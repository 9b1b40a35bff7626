// Build-time helpers for polygon-grid.ts: edge extraction, CSR bucketing and the exact parity
// and anchor choices that the packed grid relies on. Used once per zone, never per query.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** All non-degenerate ring edges as x0,y0,x1,y1 with y0 <= y1 (ray casting ignores direction). */
export function collectEdges(geometry: Polygon | MultiPolygon): Float64Array {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: number[] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      const n = ring.length;
      // Walk n edges including last→first: closed rings make that one zero-length (skipped),
      // and an unclosed ring gets closed implicitly instead of leaking its parity.
      for (let i = 0; i < n; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % n]!;
        const ax = a[0]!;
        const ay = a[1]!;
        const bx = b[0]!;
        const by = b[1]!;
        if (ax === bx && ay === by) continue;
        if (ay <= by) out.push(ax, ay, bx, by);
        else out.push(bx, by, ax, ay);
      }
    }
  }
  return Float64Array.from(out);
}

/** Growable (bucket, edge) pair list, turned into CSR arrays with one counting sort. */
export class Pairs {
  private bucket = new Uint32Array(256);
  private edge = new Uint32Array(256);
  private length = 0;

  push(bucket: number, edge: number): void {
    if (this.length === this.bucket.length) {
      const b = new Uint32Array(this.length * 2);
      b.set(this.bucket);
      this.bucket = b;
      const e = new Uint32Array(this.length * 2);
      e.set(this.edge);
      this.edge = e;
    }
    this.bucket[this.length] = bucket;
    this.edge[this.length++] = edge;
  }

  /** Offsets (buckets + 1 entries) and the edge ids grouped by bucket, in insertion order. */
  toCsr(buckets: number): { off: Uint32Array; ids: Uint32Array } {
    const off = new Uint32Array(buckets + 1);
    for (let i = 0; i < this.length; i++) off[this.bucket[i]! + 1]!++;
    for (let b = 0; b < buckets; b++) off[b + 1]! += off[b]!;
    const fill = off.slice(0, buckets);
    const ids = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) ids[fill[this.bucket[i]!]!++] = this.edge[i]!;
    return { off, ids };
  }
}

/** Ray-cast parity (0/1) of (x, y) over one row's edges, same rule as PolygonIndex's exact path. */
export function rowParity(
  rowEdges: Float64Array,
  from: number,
  to: number,
  x: number,
  y: number,
): number {
  let parity = 0;
  for (let k = from * 4; k < to * 4; k += 4) {
    const x0 = rowEdges[k]!;
    const y0 = rowEdges[k + 1]!;
    const y1 = rowEdges[k + 3]!;
    if (y >= y0 && y < y1 && (rowEdges[k + 2]! - x0) * (y - y0) - (y1 - y0) * (x - x0) > 0) {
      parity ^= 1;
    }
  }
  return parity;
}

/** True when (ax, ay) is farther than `clear` from the line of every listed edge. */
export function clearOfLines(
  edges: Float64Array,
  ids: Uint32Array,
  from: number,
  to: number,
  ax: number,
  ay: number,
  clear: number,
): boolean {
  for (let i = from; i < to; i++) {
    const k = ids[i]! * 4;
    const dx = edges[k + 2]! - edges[k]!;
    const dy = edges[k + 3]! - edges[k + 1]!;
    const o = dx * (ay - edges[k + 1]!) - dy * (ax - edges[k]!);
    if (o * o <= clear * clear * (dx * dx + dy * dy)) return false;
  }
  return true;
}

// Anchor candidates as fractions of the cell, tried in order until one is clear of every edge.
const ANCHORS = [0.5, 0.5, 0.3, 0.3, 0.7, 0.7, 0.3, 0.7, 0.7, 0.3, 0.5, 0.15, 0.15, 0.5];

/** First candidate anchor in the cell clear of every edge line, or null if none is. */
export function pickAnchor(
  edges: Float64Array,
  ids: Uint32Array,
  from: number,
  to: number,
  cellX: number,
  cellY: number,
  w: number,
  h: number,
  clear: number,
): [number, number] | null {
  for (let a = 0; a < ANCHORS.length; a += 2) {
    const ax = cellX + ANCHORS[a]! * w;
    const ay = cellY + ANCHORS[a + 1]! * h;
    if (clearOfLines(edges, ids, from, to, ax, ay, clear)) return [ax, ay];
  }
  return null;
}

/** Append edge k of `edges` to `out` at `at`, oriented so that (ax, ay) lies on its left. */
export function putOriented(
  out: Float64Array | number[],
  at: number,
  edges: Float64Array,
  k: number,
  ax: number,
  ay: number,
): void {
  const x0 = edges[k]!;
  const y0 = edges[k + 1]!;
  const x1 = edges[k + 2]!;
  const y1 = edges[k + 3]!;
  const left = (x1 - x0) * (ay - y0) - (y1 - y0) * (ax - x0) > 0;
  out[at] = left ? x0 : x1;
  out[at + 1] = left ? y0 : y1;
  out[at + 2] = left ? x1 : x0;
  out[at + 3] = left ? y1 : y0;
}
