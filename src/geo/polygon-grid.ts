// Build step of PolygonIndex: lays a G×G grid over a zone's bbox and classifies every cell once
// (INSIDE / OUTSIDE / BOUNDARY), so most point and disk queries never look at an edge. The
// layout is shaped by memory, not arithmetic: with thousands of zones queried in random order a
// point test costs its cache, TLB and page misses, so everything is small and slab-allocated.
// A query reads one 2-bit cell state; only in BOUNDARY cells does it read that cell's reference
// and the two or three ring vertices it points at.
import type { MultiPolygon, Polygon } from 'geojson';
import { Pairs, clearOfLines, collectVertices, pickAnchor, rayParity } from './grid-build.ts';
import { doubles, hotWords, words as wordSlab } from './slab.ts';

/**
 * On-edge tolerance in degrees (~10 µm). Points this close to an edge count as on it, so a point
 * computed on a diagonal edge in floating point still lands inside the closed zone.
 */
export const EDGE_EPS = 1e-10;

/**
 * Padding used when marking BOUNDARY cells. It exceeds the largest distance at which the on-edge
 * test can fire (EDGE_EPS·√2 near an edge's end) plus rounding in the cell arithmetic; then every
 * point the exact test could treat specially lies in a BOUNDARY cell, and every other cell is
 * uniformly inside or outside.
 */
export const CELL_PAD = 4 * EDGE_EPS;

/**
 * Below this distance (degrees) from an edge's line, or of an edge end from the anchor→point
 * segment, the cell test defers to exact ray casting. 1e-9° is ~10⁵ times the rounding error of
 * the orientation products, so the signs the fast path relies on are never noise. Anchors are
 * kept 10× farther than that from every edge line of their cell.
 */
export const NEAR_TOL = 1e-9;
const ANCHOR_CLEAR = 10 * NEAR_TOL;

// `states`: 2 bits per cell, 16 cells per pair of words [state bits, BOUNDARY cells before this
// word]. Codes: 0 OUTSIDE, 1 INSIDE, 2/3 BOUNDARY with parity 0/1 at the cell centre. A BOUNDARY
// cell's rank among BOUNDARY cells (the second word plus a popcount) indexes `refs`.
export const CELL_OUTSIDE = 0;
export const CELL_INSIDE = 1;
export const CELL_BOUNDARY = 2;

// `refs`, one word per BOUNDARY cell: (v << 2) | n with n = 1 or 2 means the cell's edges are
// the n consecutive edges starting at vertex v of `verts` (and the cell centre is a safe
// anchor). n = 0 means (offset << 2) into `records`: [n, parity, ax, ay, then n edges as
// x0,y0,x1,y1], for cells with more or non-consecutive edges or a centre too close to an edge
// line; there (ax, ay) is the anchor, and parity -1 means "use exact ray casting over the row".
export const RECORD_HEADER = 4;

/**
 * Grid resolution from the edge count: 32 for a 50-edge zone, capped at 128 (10k-edge admin
 * boundaries). Finer grids send fewer queries to BOUNDARY cells, the expensive ones, and cost
 * little: 2 bits per cell plus a word per BOUNDARY cell.
 */
export function gridSizeFor(edgeCount: number): number {
  return Math.max(4, Math.min(128, Math.round(4.6 * Math.sqrt(edgeCount))));
}

export interface PolygonGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Cells per side; cells per degree (0 when the bbox is flat on that axis); cell size. */
  g: number;
  sx: number;
  sy: number;
  cw: number;
  ch: number;
  edgeCount: number;
  /** Vertices attaining minX, maxX, minY and maxY (x, y each): known boundary points. */
  extremes: Float64Array;
  states: Uint32Array;
  refs: Uint32Array;
  /** Ring vertices x, y; closed rings separated by a NaN vertex (see grid-build.ts). */
  verts: Float64Array;
  records: Float64Array;
  /** CSR per row: edges (by first vertex) whose padded y-range meets the row. */
  rowOff: Uint32Array;
  rowIds: Uint32Array;
}

/** Cell coordinate along one axis. Queries must use exactly this formula (monotone in v). */
export function cellOf(v: number, min: number, scale: number, g: number): number {
  const c = Math.floor((v - min) * scale);
  return c < 0 ? 0 : c >= g ? g - 1 : c;
}

/** Number of BOUNDARY cells among the cells below bit `shift` of a state word. */
export function boundaryBelow(word: number, shift: number): number {
  // High bit of each 2-bit code marks BOUNDARY; move it down, then a SWAR popcount.
  let x = ((word & ((1 << shift) - 1)) >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function buildPolygonGrid(geometry: Polygon | MultiPolygon): PolygonGrid {
  const verts = collectVertices(geometry);
  const edges: number[] = []; // first vertex of every real edge
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extremes = new Float64Array(8).fill(NaN);
  for (let v = 0; v + 1 < verts.length / 2; v++) {
    const x = verts[2 * v]!;
    const y = verts[2 * v + 1]!;
    if (x !== x) continue; // NaN separator
    if (x < minX) extremes.set([(minX = x), y], 0);
    if (x > maxX) extremes.set([(maxX = x), y], 2);
    if (y < minY) extremes.set([x, (minY = y)], 4);
    if (y > maxY) extremes.set([x, (maxY = y)], 6);
    if (verts[2 * v + 2] === verts[2 * v + 2]) edges.push(v);
  }
  const edgeCount = edges.length;
  if (edgeCount === 0) extremes.fill(NaN); // a lone vertex is no boundary
  const g = edgeCount === 0 ? 1 : gridSizeFor(edgeCount);
  // A flat bbox (no area) maps every point to cell 0 on that axis instead of dividing by zero.
  const sx = maxX > minX ? g / (maxX - minX) : 0;
  const sy = maxY > minY ? g / (maxY - minY) : 0;
  const cw = edgeCount === 0 ? 0 : (maxX - minX) / g;
  const ch = edgeCount === 0 ? 0 : (maxY - minY) / g;

  // Bucket every edge into the rows and cells its padded extent touches.
  const rowPairs = new Pairs();
  const cellPairs = new Pairs();
  for (const v of edges) {
    let x0 = verts[2 * v]!;
    let y0 = verts[2 * v + 1]!;
    let x1 = verts[2 * v + 2]!;
    let y1 = verts[2 * v + 3]!;
    if (y0 > y1) [x0, y0, x1, y1] = [x1, y1, x0, y0];
    const r0 = cellOf(y0 - CELL_PAD, minY, sy, g);
    const r1 = cellOf(y1 + CELL_PAD, minY, sy, g);
    for (let r = r0; r <= r1; r++) {
      rowPairs.push(r, v);
      // Clip the edge to this row's padded band so long edges mark only the cells they pass
      // through. The band is clamped into [y0, y1]: a band reached only through the padding
      // yields the endpoint, not an extrapolation (which explodes for near-horizontal edges).
      let xa = x0;
      let xb = x1;
      if (y1 > y0 && sy > 0) {
        const lo = Math.min(y1, Math.max(y0, minY + r * ch - CELL_PAD));
        const hi = Math.max(y0, Math.min(y1, minY + (r + 1) * ch + CELL_PAD));
        const slope = (x1 - x0) / (y1 - y0);
        xa = x0 + (lo - y0) * slope;
        xb = x0 + (hi - y0) * slope;
      }
      const c0 = cellOf(Math.min(xa, xb) - CELL_PAD, minX, sx, g);
      const c1 = cellOf(Math.max(xa, xb) + CELL_PAD, minX, sx, g);
      for (let c = c0; c <= c1; c++) cellPairs.push(r * g + c, v);
    }
  }
  const rows = rowPairs.toCsr(g);
  const cells = cellPairs.toCsr(g * g);

  const words = (g * g + 15) >>> 4;
  const stateWords: number[] = new Array<number>(2 * words).fill(0);
  const refs: number[] = [];
  const records: number[] = [];
  const xs: number[] = [];
  for (let r = 0; r < g; r++) {
    const rowFrom = rows.off[r]!;
    const rowTo = rows.off[r + 1]!;
    // Scanline at the row centre: a non-boundary cell is more than CELL_PAD from every edge,
    // so the parity at its centre holds for the whole cell.
    const yc = minY + (r + 0.5) * ch;
    xs.length = 0;
    for (let i = rowFrom; i < rowTo; i++) {
      const k = rows.ids[i]! * 2;
      const ey0 = verts[k + 1]!;
      const ey1 = verts[k + 3]!;
      if (ey0 > yc !== ey1 > yc) {
        const ex0 = verts[k]!;
        xs.push(ex0 + ((yc - ey0) * (verts[k + 2]! - ex0)) / (ey1 - ey0));
      }
    }
    xs.sort((a, b) => a - b);
    let j = 0;
    for (let c = 0; c < g; c++) {
      const i = r * g + c;
      const from = cells.off[i]!;
      const to = cells.off[i + 1]!;
      const xc = minX + (c + 0.5) * cw;
      let code: number;
      const n = to - from;
      if (n === 0) {
        while (j < xs.length && xs[j]! <= xc) j++;
        code = (xs.length - j) % 2 === 1 ? CELL_INSIDE : CELL_OUTSIDE;
      } else if (
        (n === 1 || (n === 2 && cells.ids[from + 1] === cells.ids[from]! + 1)) &&
        clearOfLines(verts, cells.ids, from, to, xc, yc, ANCHOR_CLEAR)
      ) {
        code = CELL_BOUNDARY + rayParity(verts, rows.ids, rowFrom, rowTo, xc, yc);
        refs.push(cells.ids[from]! * 4 + n);
      } else {
        code = CELL_BOUNDARY;
        refs.push(records.length * 4);
        const cellX = minX + c * cw;
        const cellY = minY + r * ch;
        const anchor = pickAnchor(verts, cells.ids, from, to, cellX, cellY, cw, ch, ANCHOR_CLEAR);
        const [ax, ay] = anchor ?? [xc, yc];
        const parity = anchor ? rayParity(verts, rows.ids, rowFrom, rowTo, ax, ay) : -1;
        records.push(n, parity, ax, ay);
        for (let e = from; e < to; e++) {
          const k = cells.ids[e]! * 2;
          records.push(verts[k]!, verts[k + 1]!, verts[k + 2]!, verts[k + 3]!);
        }
      }
      stateWords[2 * (i >>> 4)]! |= code << ((i & 15) << 1);
    }
  }
  // Rank base per word: BOUNDARY cells in all earlier words.
  for (let w = 0, before = 0; w < words; w++) {
    stateWords[2 * w + 1] = before;
    const word = stateWords[2 * w]!;
    before += boundaryBelow(word, 30) + ((word >>> 31) & 1);
  }

  // Slab allocations (see slab.ts); the state words go to their own densely packed slab.
  const states = hotWords.alloc(stateWords.length);
  states.set(stateWords);
  const u32 = wordSlab.alloc(refs.length + rows.off.length + rows.ids.length);
  u32.set(refs, 0);
  u32.set(rows.off, refs.length);
  u32.set(rows.ids, refs.length + rows.off.length);
  const f64 = doubles.alloc(verts.length + records.length);
  f64.set(verts, 0);
  f64.set(records, verts.length);

  return {
    minX,
    minY,
    maxX,
    maxY,
    g,
    sx,
    sy,
    cw,
    ch,
    edgeCount,
    extremes,
    states,
    refs: u32.subarray(0, refs.length),
    rowOff: u32.subarray(refs.length, refs.length + rows.off.length),
    rowIds: u32.subarray(refs.length + rows.off.length),
    verts: f64.subarray(0, verts.length),
    records: f64.subarray(verts.length),
  };
}
