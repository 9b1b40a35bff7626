// Build step of PolygonIndex: lays a G×G grid over a zone's bbox and classifies every cell once
// (INSIDE / OUTSIDE / BOUNDARY), so most point and disk queries never look at an edge. The
// layout is shaped by memory, not arithmetic: with thousands of zones queried in random order,
// the cost of a point test is its cache and TLB misses, so a query reads one tiny state word
// and, in BOUNDARY cells only, one 64-byte slot holding that cell's edges.
import type { MultiPolygon, Polygon } from 'geojson';
import {
  Pairs,
  clearOfLines,
  collectEdges,
  pickAnchor,
  putOriented,
  rowParity,
} from './grid-build.ts';

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
// cell's slot index is its rank among BOUNDARY cells (the second word plus a popcount).
export const CELL_OUTSIDE = 0;
export const CELL_INSIDE = 1;
export const CELL_BOUNDARY = 2;

// `slots`: 8 numbers per BOUNDARY cell. Usually its one or two edges, x0,y0,x1,y1 each, oriented
// with the cell centre on their left; an unused second edge is NaN (every test on it is false).
// Cells with more edges, or whose centre is too close to an edge line, hold [Infinity, offset]
// pointing at a general record in `records`: [n, parity, ax, ay, n oriented edges], where the
// anchor (ax, ay) replaces the centre and parity -1 means "use exact ray casting over the row".
export const SLOT = 8;
export const RECORD_HEADER = 4;

/** Summed-area table entries count inside cells + boundary cells·SAT_BOUNDARY (g² < 2^15). */
export const SAT_BOUNDARY = 1 << 15;

/**
 * Grid resolution from the edge count: 32 for a 50-edge zone, capped at 128 (10k-edge admin
 * boundaries). Finer grids send fewer queries to BOUNDARY cells, whose slots are the expensive
 * misses, and states cost only 2 bits per cell.
 */
export function gridSizeFor(edgeCount: number): number {
  return Math.max(
    4,
    Math.min(128, Math.round(Number(process.env.GF ?? 4.6) * Math.sqrt(edgeCount))),
  );
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
  states: Uint32Array;
  slots: Float64Array;
  records: Float64Array;
  /** (g+1)² summed-area table of inside + boundary·SAT_BOUNDARY, for disk range checks. */
  sat: Uint32Array;
  /** All edges as x0,y0,x1,y1 with y0 <= y1. */
  edges: Float64Array;
  /** CSR per row: copied edges (4 numbers each) whose padded y-range meets the row. */
  rowOff: Uint32Array;
  rowEdges: Float64Array;
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

// Every point query reads its zone's state words, so those words for thousands of zones should
// sit in few memory pages: allocated one by one they end up scattered between the zones' larger
// arrays, and on random access each lookup then costs a TLB miss (measured ~2× slower on the
// star bench). Small state arrays are therefore carved out of shared 64 KiB slabs. A slab is
// freed once no index using it is alive; the worst case (one survivor per slab after heavy
// churn) keeps 64 KiB per surviving zone.
const SLAB_WORDS = 1 << 14;
let slab = new Uint32Array(SLAB_WORDS);
let slabUsed = 0;

function allocStates(words: number): Uint32Array {
  if (words > SLAB_WORDS >>> 4) return new Uint32Array(words);
  if (slabUsed + words > SLAB_WORDS) {
    slab = new Uint32Array(SLAB_WORDS);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + words);
  slabUsed += words;
  return view;
}

export function buildPolygonGrid(geometry: Polygon | MultiPolygon): PolygonGrid {
  const edges = collectEdges(geometry);
  const edgeCount = edges.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < edges.length; k += 4) {
    minX = Math.min(minX, edges[k]!, edges[k + 2]!);
    maxX = Math.max(maxX, edges[k]!, edges[k + 2]!);
    minY = Math.min(minY, edges[k + 1]!);
    maxY = Math.max(maxY, edges[k + 3]!);
  }
  const g = edgeCount === 0 ? 1 : gridSizeFor(edgeCount);
  // A flat bbox (no area) maps every point to cell 0 on that axis instead of dividing by zero.
  const sx = maxX > minX ? g / (maxX - minX) : 0;
  const sy = maxY > minY ? g / (maxY - minY) : 0;
  const cw = edgeCount === 0 ? 0 : (maxX - minX) / g;
  const ch = edgeCount === 0 ? 0 : (maxY - minY) / g;

  // Bucket every edge into the rows and cells its padded extent touches.
  const rowPairs = new Pairs();
  const cellPairs = new Pairs();
  for (let e = 0; e < edgeCount; e++) {
    const k = e * 4;
    const x0 = edges[k]!;
    const y0 = edges[k + 1]!;
    const x1 = edges[k + 2]!;
    const y1 = edges[k + 3]!;
    const r0 = cellOf(y0 - CELL_PAD, minY, sy, g);
    const r1 = cellOf(y1 + CELL_PAD, minY, sy, g);
    for (let r = r0; r <= r1; r++) {
      rowPairs.push(r, e);
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
      for (let c = c0; c <= c1; c++) cellPairs.push(r * g + c, e);
    }
  }
  const rows = rowPairs.toCsr(g);
  const rowEdges = new Float64Array(rows.ids.length * 4);
  for (let i = 0; i < rows.ids.length; i++) {
    rowEdges.set(edges.subarray(rows.ids[i]! * 4, rows.ids[i]! * 4 + 4), i * 4);
  }
  const cells = cellPairs.toCsr(g * g);
  let boundaryCells = 0;
  for (let i = 0; i < g * g; i++) if (cells.off[i + 1]! > cells.off[i]!) boundaryCells++;

  const words = (g * g + 15) >>> 4;
  const states = allocStates(2 * words);
  const slots = new Float64Array(SLOT * boundaryCells).fill(NaN);
  const records: number[] = [];
  let rank = 0;
  const xs: number[] = [];
  for (let r = 0; r < g; r++) {
    const rowFrom = rows.off[r]!;
    const rowTo = rows.off[r + 1]!;
    // Scanline at the row centre: a non-boundary cell is more than CELL_PAD from every edge,
    // so the parity at its centre holds for the whole cell.
    const yc = minY + (r + 0.5) * ch;
    xs.length = 0;
    for (let k = rowFrom * 4; k < rowTo * 4; k += 4) {
      const ey0 = rowEdges[k + 1]!;
      const ey1 = rowEdges[k + 3]!;
      if (yc >= ey0 && yc < ey1) {
        const ex0 = rowEdges[k]!;
        xs.push(ex0 + ((yc - ey0) * (rowEdges[k + 2]! - ex0)) / (ey1 - ey0));
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
      if (to === from) {
        while (j < xs.length && xs[j]! <= xc) j++;
        code = (xs.length - j) % 2 === 1 ? CELL_INSIDE : CELL_OUTSIDE;
      } else if (to - from <= 2 && clearOfLines(edges, cells.ids, from, to, xc, yc, ANCHOR_CLEAR)) {
        code = CELL_BOUNDARY + rowParity(rowEdges, rowFrom, rowTo, xc, yc);
        for (let e = from; e < to; e++) {
          putOriented(slots, rank * SLOT + (e - from) * 4, edges, cells.ids[e]! * 4, xc, yc);
        }
        rank++;
      } else {
        code = CELL_BOUNDARY;
        slots[rank * SLOT] = Infinity;
        slots[rank * SLOT + 1] = records.length;
        rank++;
        const anchor = pickAnchor(
          edges,
          cells.ids,
          from,
          to,
          c * cw + minX,
          r * ch + minY,
          cw,
          ch,
          ANCHOR_CLEAR,
        );
        const [ax, ay] = anchor ?? [xc, yc];
        records.push(to - from, anchor ? rowParity(rowEdges, rowFrom, rowTo, ax, ay) : -1, ax, ay);
        for (let e = from; e < to; e++) {
          putOriented(records, records.length, edges, cells.ids[e]! * 4, ax, ay);
        }
      }
      states[2 * (i >>> 4)]! |= code << ((i & 15) << 1);
    }
  }
  // Rank base per word: BOUNDARY cells in all earlier words.
  for (let w = 0, before = 0; w < words; w++) {
    states[2 * w + 1] = before;
    const word = states[2 * w]!;
    before += boundaryBelow(word, 30) + ((word >>> 31) & 1);
  }

  const w = g + 1;
  const sat = new Uint32Array(w * w);
  for (let r = 0; r < g; r++) {
    let rowSum = 0;
    for (let c = 0; c < g; c++) {
      const i = r * g + c;
      const code = (states[2 * (i >>> 4)]! >>> ((i & 15) << 1)) & 3;
      rowSum += code >= CELL_BOUNDARY ? SAT_BOUNDARY : code;
      sat[(r + 1) * w + c + 1] = sat[r * w + c + 1]! + rowSum;
    }
  }

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
    states,
    slots,
    records: Float64Array.from(records),
    sat,
    edges,
    rowOff: rows.off,
    rowEdges,
  };
}
