// Disk-vs-zone relation and distance to a zone's boundary, on the grid built by
// polygon-grid.ts. Most disks are decided from the 2-bit cell states alone (cache-resident);
// edge lists, the expensive memory reads, are only touched when the disk's rim passes through
// BOUNDARY cells and nothing cheaper settles the answer.
//
// Metric: a local equirectangular projection centred on the query point, in "degrees of
// latitude" (x scaled by kx = cos(lat)); see polygon-index.ts for its accuracy.
import { METRES_PER_DEGREE, lonScale } from './distance.ts';
import {
  CELL_PAD,
  RECORD_HEADER,
  boundaryBelow,
  cellOf,
  type PolygonGrid,
} from './polygon-grid.ts';

export const NONE = 0;
export const OVERLAPS = 1;
export const INSIDE = 2;
export type Relation = 0 | 1 | 2;

export interface PointTester {
  containsPoint(lon: number, lat: number): boolean;
}

const HAS_OUTSIDE = 1;
const HAS_INSIDE = 2;
const HAS_BOUNDARY = 4;
/** Safety margin (degrees) between "certainly" and "possibly" reaching a cell. */
const MARGIN = 4 * CELL_PAD;

/** OR of HAS_* flags over cells c0..c1 of one row (empty when c1 < c0). */
function rangeFlags(states: Uint32Array, g: number, row: number, c0: number, c1: number): number {
  let flags = 0;
  const end = row * g + c1;
  for (let i = row * g + c0; i <= end;) {
    const w = i >>> 4;
    const last = Math.min(end, (w << 4) + 15);
    const lo = (i & 15) << 1;
    const hi = ((last & 15) << 1) + 1;
    const mask = (hi === 31 ? -1 : (1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
    const bits = states[w << 1]! & mask;
    const high = (bits >>> 1) & 0x55555555; // one bit per BOUNDARY cell
    const low = bits & 0x55555555;
    if (high !== 0) flags |= HAS_BOUNDARY;
    if ((low & ~high) !== 0) flags |= HAS_INSIDE;
    if ((mask & 0x55555555 & ~low & ~high) !== 0) flags |= HAS_OUTSIDE;
    i = last + 1;
  }
  return flags;
}

/** Relation of the closed disk of radiusM metres around (lon, lat) to the zone. */
export function relateDiskOnGrid(
  grid: PolygonGrid,
  index: PointTester,
  lon: number,
  lat: number,
  radiusM: number,
): Relation {
  if (!(radiusM > 0)) return index.containsPoint(lon, lat) ? INSIDE : NONE;
  if (grid.edgeCount === 0) return NONE; // no boundary, no zone
  const { minX, minY, maxX, maxY, g, sx, sy, ch, states } = grid;
  const kx = lonScale(lat);
  const rr = radiusM / METRES_PER_DEGREE;
  const margin = MARGIN + 1e-12 * rr;
  const rOut = rr + margin;
  const rIn = rr - margin;
  // Bbox level: the disk misses the bbox (NONE) or swallows it whole (OVERLAPS). NaN input
  // fails the first test.
  const nx = Math.max(minX - lon, 0, lon - maxX) * kx;
  const ny = Math.max(minY - lat, 0, lat - maxY);
  if (!(nx * nx + ny * ny <= rOut * rOut)) return NONE;
  const fx = Math.max(lon - minX, maxX - lon) * kx;
  const fy = Math.max(lat - minY, maxY - lat);
  if (fx * fx + fy * fy <= rIn * rIn) return OVERLAPS;
  // A boundary point strictly inside the disk settles OVERLAPS for any centre: the bbox's
  // extreme vertices are four free candidates (this decides most large disks).
  const ext = grid.extremes;
  for (let k = 0; k < 8; k += 2) {
    const dx = (ext[k]! - lon) * kx;
    const dy = ext[k + 1]! - lat;
    if (dx * dx + dy * dy < rIn * rIn) return OVERLAPS;
  }

  // Cell level, first over the disk's box: uniformly OUTSIDE cells mean NONE, uniformly INSIDE
  // cells (with the box inside the bbox) mean INSIDE. Most disks stop here.
  const r0 = cellOf(lat - rOut - CELL_PAD, minY, sy, g);
  const r1 = cellOf(lat + rOut + CELL_PAD, minY, sy, g);
  const dLon = rr / kx;
  const covered = lon - dLon >= minX && lon + dLon <= maxX && lat - rr >= minY && lat + rr <= maxY;
  {
    const c0 = cellOf(lon - rOut / kx - CELL_PAD, minX, sx, g);
    const c1 = cellOf(lon + rOut / kx + CELL_PAD, minX, sx, g);
    let box = 0;
    for (let r = r0; r <= r1 && (box & (box - 1)) === 0; r++)
      box |= rangeFlags(states, g, r, c0, c1);
    if (box === HAS_OUTSIDE) return NONE;
    if (box === HAS_INSIDE && covered) return INSIDE;
  }
  // Then row by row along the disk's chords: P = cells the disk may touch, C = cells it
  // certainly touches, F = cells wholly inside it. A BOUNDARY cell in F holds boundary points
  // inside the disk, and C holding both INSIDE and OUTSIDE cells means the disk has points on
  // both sides: OVERLAPS either way, whatever the centre.
  let p = 0;
  let c = 0;
  let f = 0;
  const invKx = 1 / kx;
  const mx = margin * invKx + CELL_PAD;
  // From the centre's row outwards: the rows where the disk is widest decide soonest.
  const rc = cellOf(lat, minY, sy, g);
  for (let step = 0; step <= r1 - r0; step++) {
    const r = step <= r1 - rc ? rc + step : r1 - step;
    const y0 = minY + r * ch;
    const dyNear = Math.max(y0 - lat, 0, lat - y0 - ch);
    if (dyNear > rOut) continue;
    // Chord half-widths (degrees of longitude) nearest to and farthest from the centre's
    // latitude within this row; the margin turns them into "may touch" / "certainly" bounds.
    const hNear = dyNear < rr ? Math.sqrt(rr * rr - dyNear * dyNear) * invKx : 0;
    p |= rangeFlags(
      states,
      g,
      r,
      cellOf(lon - hNear - mx, minX, sx, g),
      cellOf(lon + hNear + mx, minX, sx, g),
    );
    const hIn = hNear - mx;
    if (dyNear > rIn || hIn < 0 || lon + hIn < minX || lon - hIn > maxX) continue;
    c |= rangeFlags(states, g, r, cellOf(lon - hIn, minX, sx, g), cellOf(lon + hIn, minX, sx, g));
    const dyFar = Math.max(lat - y0, y0 + ch - lat);
    if (dyFar < rIn) {
      const hFar = Math.sqrt(rIn * rIn - dyFar * dyFar) * invKx - mx;
      const first = Math.max(0, Math.ceil((lon - hFar - minX) * sx));
      const last = Math.min(g - 1, Math.floor((lon + hFar - minX) * sx) - 1);
      f |= rangeFlags(states, g, r, first, last);
    }
    if (
      (f & HAS_BOUNDARY) !== 0 ||
      (c & (HAS_INSIDE | HAS_OUTSIDE)) === (HAS_INSIDE | HAS_OUTSIDE)
    ) {
      return OVERLAPS;
    }
  }
  // Every cell the disk may touch is OUTSIDE (or it only touches the bbox's empty margin).
  if ((p & (HAS_INSIDE | HAS_BOUNDARY)) === 0) return NONE;
  // The disk's extreme points lie on its box: it can only be INSIDE if the box is in the bbox.
  if ((p & (HAS_OUTSIDE | HAS_BOUNDARY)) === 0 && covered) return INSIDE;
  const isIn = index.containsPoint(lon, lat);
  if (isIn ? (c & HAS_OUTSIDE) !== 0 || !covered : (c & HAS_INSIDE) !== 0) return OVERLAPS;
  if ((p & HAS_BOUNDARY) === 0) return isIn ? INSIDE : NONE;
  // Exact: the nearest edge among the BOUNDARY cells the disk may touch (edges listed nowhere
  // there are farther than r), or among all edges when that is the cheaper read.
  const r2 = rr * rr;
  const d2 = minDist2Near(grid, lon, lat, kx, rOut, r0, r1, r2);
  if (isIn) return d2 < r2 ? OVERLAPS : INSIDE;
  return d2 <= r2 ? OVERLAPS : NONE;
}

/** Minimum distance in metres from the point to any ring edge (Infinity for an empty zone). */
export function distanceToBoundaryOnGrid(grid: PolygonGrid, lon: number, lat: number): number {
  const { minX, minY, maxX, maxY, g, sy, ch } = grid;
  if (grid.edgeCount === 0) return Infinity;
  const kx = lonScale(lat);
  // Grow a disk until the nearest edge found lies within it: edges listed in no cell the disk
  // may touch are farther than its radius, so that edge is the global nearest. Once the disk
  // holds the whole bbox every edge is a candidate, so the loop ends.
  const nx = Math.max(minX - lon, 0, lon - maxX) * kx;
  const ny = Math.max(minY - lat, 0, lat - maxY);
  for (let radius = Math.max(Math.sqrt(nx * nx + ny * ny) + ch, 1e-9); ; radius *= 2) {
    const r0 = cellOf(lat - radius - CELL_PAD, minY, sy, g);
    const r1 = cellOf(lat + radius + CELL_PAD, minY, sy, g);
    const d2 = minDist2Near(grid, lon, lat, kx, radius, r0, r1, -1);
    if (d2 <= radius * radius) return Math.sqrt(d2) * METRES_PER_DEGREE;
  }
}

/** Squared distance (degrees of latitude, x scaled by kx) from the point to the edge at k. */
function edgeDist2(e: Float64Array, k: number, lon: number, lat: number, kx: number): number {
  const ax = (e[k]! - lon) * kx;
  const ay = e[k + 1]! - lat;
  const bx = (e[k + 2]! - lon) * kx;
  const by = e[k + 3]! - lat;
  const dx = bx - ax;
  const dy = by - ay;
  const t = -(ax * dx + ay * dy);
  if (t <= 0) return ax * ax + ay * ay;
  const l2 = dx * dx + dy * dy;
  if (t >= l2) return bx * bx + by * by;
  const cr = ax * by - ay * bx;
  return (cr * cr) / l2;
}

/** Min squared distance over all edges; stops early once one is strictly below `stopBelow`. */
function minDist2All(v: Float64Array, lon: number, lat: number, kx: number, stopBelow: number) {
  let best = Infinity;
  // Pseudo-edges touching a NaN ring separator give NaN and never compare below `best`.
  for (let k = 0; k + 3 < v.length; k += 2) {
    const d2 = edgeDist2(v, k, lon, lat, kx);
    if (d2 < best) {
      best = d2;
      if (best < stopBelow) return best;
    }
  }
  return best;
}

/**
 * Min squared distance to the edges of the BOUNDARY cells that a disk of `radius` around the
 * point may touch (rows r0..r1), with early exit below `stopBelow`. Falls back to all edges
 * when there are many such cells (a cell costs a couple of dependent reads, about as much as a
 * dozen sequential edges); callers only rely on the result covering the edges near the disk.
 */
function minDist2Near(
  grid: PolygonGrid,
  lon: number,
  lat: number,
  kx: number,
  radius: number,
  r0: number,
  r1: number,
  stopBelow: number,
): number {
  const { minX, minY, g, sx, ch, states, refs, verts, records } = grid;
  const budget = grid.edgeCount / 16;
  let cellsSeen = 0;
  let best = Infinity;
  for (let r = r0; r <= r1; r++) {
    const y0 = minY + r * ch;
    const dy = Math.max(y0 - lat, 0, lat - y0 - ch);
    if (dy > radius) continue;
    const hx = Math.sqrt(radius * radius - dy * dy) / kx;
    let i = r * g + cellOf(lon - hx - CELL_PAD, minX, sx, g);
    const last = r * g + cellOf(lon + hx + CELL_PAD, minX, sx, g);
    let rank =
      states[((i >>> 4) << 1) | 1]! + boundaryBelow(states[(i >>> 4) << 1]!, (i & 15) << 1);
    for (; i <= last; i++) {
      if (((states[(i >>> 4) << 1]! >>> ((i & 15) << 1)) & 2) === 0) continue;
      if (++cellsSeen > budget) return Math.min(best, minDist2All(verts, lon, lat, kx, stopBelow));
      const ref = refs[rank++]!;
      const n = ref & 3;
      let e = verts;
      let k = (ref >>> 2) * 2;
      let stride = 2;
      let end = k + n * 2;
      if (n === 0) {
        e = records;
        const rec = ref >>> 2;
        k = rec + RECORD_HEADER;
        stride = 4;
        end = k + 4 * records[rec]!;
      }
      for (; k < end; k += stride) {
        const d2 = edgeDist2(e, k, lon, lat, kx);
        if (d2 < best) {
          best = d2;
          if (best < stopBelow) return best;
        }
      }
    }
  }
  return best;
}
