// Build-time helpers for polygon-grid.ts: vertex flattening, CSR bucketing and the exact parity
// and anchor choices the packed grid relies on. Used once per zone, never per query.
//
// Edges are addressed by vertex index: edge e runs from vertex e to vertex e + 1 of the
// flattened array `verts` (x, y pairs). Rings are stored closed and separated by a NaN vertex,
// so the pseudo-edges into and out of a separator have NaN ends, and every comparison the
// kernels make on them is false: they never count, never cross, are never nearest.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** All rings as closed vertex runs without repeated consecutive vertices, NaN-separated. */
export function collectVertices(geometry: Polygon | MultiPolygon): number[] {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: number[] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      if (ring.length === 0) continue;
      const start = out.length;
      for (const p of ring) {
        const x = p[0]!;
        const y = p[1]!;
        const n = out.length;
        if (n > start && out[n - 2] === x && out[n - 1] === y) continue;
        out.push(x, y);
      }
      // Close the ring if the input did not (an unclosed ring must not leak its parity).
      if (out[start] !== out[out.length - 2] || out[start + 1] !== out[out.length - 1]) {
        out.push(out[start]!, out[start + 1]!);
      }
      out.push(NaN, NaN);
    }
  }
  return out;
}

/**
 * (bucket, edge) pairs turned into CSR lists with one counting sort. Plain arrays on purpose:
 * build-time scratch on the JS heap is far cheaper than many small typed-array allocations.
 */
export class Pairs {
  private readonly bucket: number[] = [];
  private readonly edge: number[] = [];

  push(bucket: number, edge: number): void {
    this.bucket.push(bucket);
    this.edge.push(edge);
  }

  /** Offsets (buckets + 1 entries) and the edge ids grouped by bucket, in insertion order. */
  toCsr(buckets: number): { off: number[]; ids: number[] } {
    const off: number[] = new Array<number>(buckets + 1).fill(0);
    for (const b of this.bucket) off[b + 1]!++;
    for (let b = 0; b < buckets; b++) off[b + 1]! += off[b]!;
    const fill = off.slice(0, buckets);
    const ids: number[] = new Array<number>(this.edge.length).fill(0);
    for (let i = 0; i < this.edge.length; i++) ids[fill[this.bucket[i]!]!++] = this.edge[i]!;
    return { off, ids };
  }
}

/**
 * Ray-cast parity (0/1) of (x, y) over the listed edges: half-open rule min(y) <= y < max(y),
 * and the edge counts when it lies to the right (the same rule as PolygonIndex's exact path).
 */
export function rayParity(
  verts: ArrayLike<number>,
  ids: ArrayLike<number>,
  from: number,
  to: number,
  x: number,
  y: number,
): number {
  let parity = 0;
  for (let i = from; i < to; i++) {
    const k = ids[i]! * 2;
    const x0 = verts[k]!;
    const y0 = verts[k + 1]!;
    const y1 = verts[k + 3]!;
    if (y0 > y !== y1 > y) {
      const cross = (verts[k + 2]! - x0) * (y - y0) - (y1 - y0) * (x - x0);
      if (cross > 0 === y1 > y0) parity ^= 1;
    }
  }
  return parity;
}

/** True when (ax, ay) is farther than `clear` from the line of every listed edge. */
export function clearOfLines(
  verts: ArrayLike<number>,
  ids: ArrayLike<number>,
  from: number,
  to: number,
  ax: number,
  ay: number,
  clear: number,
): boolean {
  for (let i = from; i < to; i++) {
    const k = ids[i]! * 2;
    const dx = verts[k + 2]! - verts[k]!;
    const dy = verts[k + 3]! - verts[k + 1]!;
    const o = dx * (ay - verts[k + 1]!) - dy * (ax - verts[k]!);
    if (o * o <= clear * clear * (dx * dx + dy * dy)) return false;
  }
  return true;
}

// Anchor candidates as fractions of the cell, tried in order until one is clear of every edge.
const ANCHORS = [0.5, 0.5, 0.3, 0.3, 0.7, 0.7, 0.3, 0.7, 0.7, 0.3, 0.5, 0.15, 0.15, 0.5];

/** First candidate anchor in the cell clear of every edge line, or null if none is. */
export function pickAnchor(
  verts: ArrayLike<number>,
  ids: ArrayLike<number>,
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
    if (clearOfLines(verts, ids, from, to, ax, ay, clear)) return [ax, ay];
  }
  return null;
}
