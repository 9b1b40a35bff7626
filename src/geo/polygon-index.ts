// Point-in-zone and disk-vs-zone tests for one safe zone, built once and queried millions of
// times. Zones are CLOSED sets: points on an edge, a vertex or a hole's edge are inside
// (within EDGE_EPS = 1e-10°). Holes are excluded by even-odd parity over all rings.
//
// Distances use a local equirectangular projection centred on the query point (x scaled by
// cos(lat), METRES_PER_DEGREE). Against haversine this is within ~0.1% at 50 km and ~0.02% at
// 10 km for |lat| <= 60° (distance.test.ts pins the bound), far below incident-location
// precision. Longitudes are not wrapped: zones must not cross the antimeridian.
//
// Query methods allocate nothing; they read the typed arrays prepared by polygon-grid.ts.
import type { MultiPolygon, Polygon } from 'geojson';
import { METRES_PER_DEGREE, lonScale } from './distance.ts';
import {
  CELL_INSIDE,
  CELL_OUTSIDE,
  CELL_PAD,
  EDGE_EPS,
  NEAR_TOL,
  RECORD_HEADER,
  SAT_BOUNDARY,
  SLOT,
  boundaryBelow,
  buildPolygonGrid,
  cellOf,
} from './polygon-grid.ts';

export const NONE = 0;
export const OVERLAPS = 1;
export const INSIDE = 2;
export type Relation = 0 | 1 | 2;

const EPS2 = EDGE_EPS * EDGE_EPS;
const TOL2 = NEAR_TOL * NEAR_TOL;

export class PolygonIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly g: number;
  private readonly sx: number;
  private readonly sy: number;
  private readonly cw: number;
  private readonly ch: number;
  private readonly states: Uint32Array;
  private readonly slots: Float64Array;
  private readonly records: Float64Array;
  private readonly sat: Uint32Array;
  private readonly edges: Float64Array;
  private readonly rowOff: Uint32Array;
  private readonly rowEdges: Float64Array;

  private constructor(geometry: Polygon | MultiPolygon) {
    const grid = buildPolygonGrid(geometry);
    this.minX = grid.minX;
    this.minY = grid.minY;
    this.maxX = grid.maxX;
    this.maxY = grid.maxY;
    this.g = grid.g;
    this.sx = grid.sx;
    this.sy = grid.sy;
    this.cw = grid.cw;
    this.ch = grid.ch;
    this.states = grid.states;
    this.slots = grid.slots;
    this.records = grid.records;
    this.sat = grid.sat;
    this.edges = grid.edges;
    this.rowOff = grid.rowOff;
    this.rowEdges = grid.rowEdges;
  }

  static from(geometry: Polygon | MultiPolygon): PolygonIndex {
    return new PolygonIndex(geometry);
  }

  /** Number of non-degenerate edges over all rings. */
  get edgeCount(): number {
    return this.edges.length / 4;
  }

  /** Grid cells per side (diagnostics). */
  get gridSize(): number {
    return this.g;
  }

  /** Closed-set point test. */
  containsPoint(lon: number, lat: number): boolean {
    // Written so that NaN fails every comparison and returns false.
    if (!(
      lon >= this.minX - EDGE_EPS &&
      lon <= this.maxX + EDGE_EPS &&
      lat >= this.minY - EDGE_EPS &&
      lat <= this.maxY + EDGE_EPS
    )) {
      return false;
    }
    const g = this.g;
    const row = cellOf(lat, this.minY, this.sy, g);
    const col = cellOf(lon, this.minX, this.sx, g);
    const i = row * g + col;
    const w = (i >>> 4) << 1;
    const word = this.states[w]!;
    const shift = (i & 15) << 1;
    const code = (word >>> shift) & 3;
    if (code === CELL_INSIDE) return true;
    if (code === CELL_OUTSIDE) return false;
    const slot = (this.states[w + 1]! + boundaryBelow(word, shift)) * SLOT;
    return this.boundaryCellTest(slot, code & 1, lon, lat, row, col);
  }

  /**
   * Point test inside a BOUNDARY cell: the parity at an anchor A (the cell centre), flipped once
   * per cell edge that the segment A→P properly crosses. Every edge that can cross A→P is in the
   * cell's slot because the segment stays within the (padded) cell. Whenever a sign could be
   * ambiguous (P within NEAR_TOL of an edge's line, or an edge end within NEAR_TOL of the
   * segment) it defers to exact ray casting over the row, which also owns the on-edge rule.
   */
  private boundaryCellTest(
    slot: number,
    parity: number,
    lon: number,
    lat: number,
    row: number,
    col: number,
  ): boolean {
    const s = this.slots;
    if (s[slot] === Infinity) return this.recordTest(s[slot + 1]!, lon, lat, row);
    const ax = this.minX + (col + 0.5) * this.cw;
    const ay = this.minY + (row + 0.5) * this.ch;
    const flips = PolygonIndex.crossings(s, slot, slot + SLOT, lon, lat, ax, ay);
    return flips < 0 ? this.rayCastRow(lon, lat, row) : ((parity + flips) & 1) === 1;
  }

  /** As boundaryCellTest, for a general record: [n, parity, ax, ay, n edges]. */
  private recordTest(rec: number, lon: number, lat: number, row: number): boolean {
    const d = this.records;
    const parity = d[rec + 1]!;
    if (parity < 0) return this.rayCastRow(lon, lat, row);
    const start = rec + RECORD_HEADER;
    const flips = PolygonIndex.crossings(
      d,
      start,
      start + 4 * d[rec]!,
      lon,
      lat,
      d[rec + 2]!,
      d[rec + 3]!,
    );
    return flips < 0 ? this.rayCastRow(lon, lat, row) : ((parity + flips) & 1) === 1;
  }

  /**
   * Number of edges in e[from, to) (x0,y0,x1,y1 each, anchor A on their left) that the segment
   * A→P properly crosses, or -1 if a sign is too close to call. NaN edges never count.
   */
  private static crossings(
    e: Float64Array,
    from: number,
    to: number,
    lon: number,
    lat: number,
    ax: number,
    ay: number,
  ): number {
    const px = lon - ax;
    const py = lat - ay;
    const pl2 = px * px + py * py;
    let flips = 0;
    for (let k = from; k < to; k += 4) {
      const x0 = e[k]!;
      const y0 = e[k + 1]!;
      const x1 = e[k + 2]!;
      const y1 = e[k + 3]!;
      const dx = x1 - x0;
      const dy = y1 - y0;
      const o = dx * (lat - y0) - dy * (lon - x0);
      if (o * o <= TOL2 * (dx * dx + dy * dy)) return -1;
      if (o < 0) {
        // A and P on opposite sides of the edge's line: a crossing iff the edge's ends lie on
        // opposite sides of the line A→P.
        const o0 = px * (y0 - ay) - py * (x0 - ax);
        const o1 = px * (y1 - ay) - py * (x1 - ax);
        if (o0 * o0 <= TOL2 * pl2 || o1 * o1 <= TOL2 * pl2) return -1;
        if (o0 > 0 !== o1 > 0) flips++;
      }
    }
    return flips;
  }

  /**
   * Exact test against the edges of one grid row: on-edge check, then crossings of a ray towards
   * +x with the half-open rule y0 <= lat < y1 (so a vertex on the ray counts once).
   */
  private rayCastRow(lon: number, lat: number, row: number): boolean {
    const re = this.rowEdges;
    const end = this.rowOff[row + 1]! * 4;
    let inside = false;
    for (let k = this.rowOff[row]! * 4; k < end; k += 4) {
      const y0 = re[k + 1]!;
      const y1 = re[k + 3]!;
      if (lat < y0 - EDGE_EPS || lat > y1 + EDGE_EPS) continue;
      const x0 = re[k]!;
      const x1 = re[k + 2]!;
      const dx = x1 - x0;
      const dy = y1 - y0;
      // cross > 0: the point is left of the upward edge, i.e. the edge crosses the +x ray.
      const cross = dx * (lat - y0) - dy * (lon - x0);
      if (
        cross * cross <= EPS2 * (dx * dx + dy * dy) &&
        lon >= Math.min(x0, x1) - EDGE_EPS &&
        lon <= Math.max(x0, x1) + EDGE_EPS
      ) {
        return true;
      }
      if (cross > 0 && lat >= y0 && lat < y1) inside = !inside;
    }
    return inside;
  }

  /**
   * Relation of the closed disk of radiusM metres around (lon, lat) to the zone: INSIDE when the
   * disk lies wholly in the zone (point inside, distance to boundary >= r), OVERLAPS when they
   * intersect otherwise (point inside, or distance <= r), NONE when disjoint. radiusM <= 0 (or
   * NaN) is a point test: INSIDE or NONE.
   */
  relateDisk(lon: number, lat: number, radiusM: number): Relation {
    if (!(radiusM > 0)) return this.containsPoint(lon, lat) ? INSIDE : NONE;
    // Box of the disk in the same metric as edgeDist2, so "edge outside the box" really means
    // "edge farther than r".
    const kx = lonScale(lat);
    const dLat = radiusM / METRES_PER_DEGREE;
    const dLon = Math.min(360, dLat / kx);
    const west = lon - dLon;
    const east = lon + dLon;
    const south = lat - dLat;
    const north = lat + dLat;
    const { minX, minY, maxX, maxY, g } = this;
    if (!(
      east >= minX - CELL_PAD &&
      west <= maxX + CELL_PAD &&
      north >= minY - CELL_PAD &&
      south <= maxY + CELL_PAD
    )) {
      return NONE;
    }
    const c0 = cellOf(west - CELL_PAD, minX, this.sx, g);
    const c1 = cellOf(east + CELL_PAD, minX, this.sx, g);
    const r0 = cellOf(south - CELL_PAD, minY, this.sy, g);
    const r1 = cellOf(north + CELL_PAD, minY, this.sy, g);
    const counts = this.rangeCount(c0, c1, r0, r1);
    const boundary = Math.floor(counts / SAT_BOUNDARY);
    // The disk's extreme points lie on its box, so it can only be INSIDE if the box is within
    // the zone's bbox.
    const covered = west >= minX && east <= maxX && south >= minY && north <= maxY;
    if (boundary === 0) {
      // No edge comes near the box: the range is uniformly inside or outside (cells on both
      // sides of the boundary would need a BOUNDARY cell between them).
      if (counts === 0) return NONE;
      if (covered && counts === (c1 - c0 + 1) * (r1 - r0 + 1)) return INSIDE;
    }
    const isIn = this.containsPoint(lon, lat);
    if (isIn && !covered) return OVERLAPS;
    const r2 = dLat * dLat;
    if (!isIn && this.farthestCornerDist2(lon, lat, kx) <= r2) return OVERLAPS;
    // Exact: nearest edge among those listed in the range's BOUNDARY cells (edges not listed
    // there lie outside the box, hence farther than r), or over all edges when that is cheaper
    // (a cell lists about two edges).
    const d2 =
      2 * boundary >= this.edgeCount
        ? this.minDist2All(lon, lat, kx, r2)
        : this.minDist2Cells(lon, lat, kx, c0, c1, r0, r1, r2);
    if (isIn) return d2 < r2 ? OVERLAPS : INSIDE;
    return d2 <= r2 ? OVERLAPS : NONE;
  }

  /** Minimum distance in metres from the point to any ring edge (Infinity for an empty zone). */
  distanceToBoundaryM(lon: number, lat: number): number {
    if (this.edgeCount === 0) return Infinity;
    const { minX, minY, maxX, maxY, g, sx, sy } = this;
    const kx = lonScale(lat);
    // Grow a search box until the nearest edge found lies within it: edges outside the box are
    // farther than its half-size, so that edge is the global nearest.
    const cell = Math.max(sy > 0 ? 1 / sy : 0, sx > 0 ? kx / sx : 0);
    const outside = Math.max(minY - lat, lat - maxY, (minX - lon) * kx, (lon - maxX) * kx, 0);
    let half = Math.max(outside + cell, 1e-9);
    for (;;) {
      const c0 = cellOf(lon - half / kx - CELL_PAD, minX, sx, g);
      const c1 = cellOf(lon + half / kx + CELL_PAD, minX, sx, g);
      const r0 = cellOf(lat - half - CELL_PAD, minY, sy, g);
      const r1 = cellOf(lat + half + CELL_PAD, minY, sy, g);
      const wholeGrid = c0 === 0 && r0 === 0 && c1 === g - 1 && r1 === g - 1;
      const d2 = wholeGrid
        ? this.minDist2All(lon, lat, kx, -1)
        : this.minDist2Cells(lon, lat, kx, c0, c1, r0, r1, -1);
      if (wholeGrid || d2 <= half * half) return Math.sqrt(d2) * METRES_PER_DEGREE;
      half *= 2;
    }
  }

  /** Summed-area value over a cell range: inside count + boundary count·SAT_BOUNDARY. */
  private rangeCount(c0: number, c1: number, r0: number, r1: number): number {
    const s = this.sat;
    const w = this.g + 1;
    const top = (r1 + 1) * w;
    const bottom = r0 * w;
    return s[top + c1 + 1]! - s[bottom + c1 + 1]! - s[top + c0]! + s[bottom + c0]!;
  }

  /** Squared distance to the bbox corner farthest from the point (same metric as edgeDist2). */
  private farthestCornerDist2(lon: number, lat: number, kx: number): number {
    const dx = Math.max(lon - this.minX, this.maxX - lon) * kx;
    const dy = Math.max(lat - this.minY, this.maxY - lat);
    return dx * dx + dy * dy;
  }

  /** Squared distance (degrees of latitude, x scaled by kx) from the point to the edge at k. */
  private static edgeDist2(e: Float64Array, k: number, lon: number, lat: number, kx: number) {
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
  private minDist2All(lon: number, lat: number, kx: number, stopBelow: number): number {
    const e = this.edges;
    let best = Infinity;
    for (let k = 0; k < e.length; k += 4) {
      const d2 = PolygonIndex.edgeDist2(e, k, lon, lat, kx);
      if (d2 < best) {
        best = d2;
        if (best < stopBelow) return best;
      }
    }
    return best;
  }

  /** As minDist2All, over the edges in the records of the BOUNDARY cells of a cell range. */
  private minDist2Cells(
    lon: number,
    lat: number,
    kx: number,
    c0: number,
    c1: number,
    r0: number,
    r1: number,
    stopBelow: number,
  ): number {
    const { g, states, slots, records } = this;
    let best = Infinity;
    for (let r = r0; r <= r1; r++) {
      let i = r * g + c0;
      let rank =
        states[((i >>> 4) << 1) | 1]! + boundaryBelow(states[(i >>> 4) << 1]!, (i & 15) << 1);
      for (const last = r * g + c1; i <= last; i++) {
        if (((states[(i >>> 4) << 1]! >>> ((i & 15) << 1)) & 2) === 0) continue;
        let e: Float64Array = slots;
        let k = rank * SLOT;
        let end = k + SLOT;
        rank++;
        if (slots[k] === Infinity) {
          e = records;
          const rec = slots[k + 1]!;
          k = rec + RECORD_HEADER;
          end = k + 4 * records[rec]!;
        }
        for (; k < end; k += 4) {
          // NaN (unused) edges give NaN, which never compares below `best`.
          const d2 = PolygonIndex.edgeDist2(e, k, lon, lat, kx);
          if (d2 < best) {
            best = d2;
            if (best < stopBelow) return best;
          }
        }
      }
    }
    return best;
  }
}
