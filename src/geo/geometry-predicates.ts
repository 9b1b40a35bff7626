// Predicates behind validate-geometry.ts: how two segments meet (not at all, touching at a
// point, properly crossing, or overlapping along a collinear stretch) and where, and on which
// side of a ring a point lies. Plain floating point: validation runs once per upload, and exact
// ties (shared vertices, collinear stretches) come out exact for real coordinates.
import type { Position } from 'geojson';

export type Contact = 'none' | 'touch' | 'cross' | 'overlap';

export const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

export const onSegment = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
  Math.min(ax, bx) <= px &&
  px <= Math.max(ax, bx) &&
  Math.min(ay, by) <= py &&
  py <= Math.max(ay, by);

/** How segments p1p2 and p3p4 meet, and where. */
export function contact(
  x1: number, y1: number, x2: number, y2: number,
  x3: number, y3: number, x4: number, y4: number,
): { kind: Contact; x: number; y: number } {
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return { kind: 'cross', x: x1 + t * (x2 - x1), y: y1 + t * (y2 - y1) };
  }
  if (d1 === 0 && d2 === 0) {
    // Collinear: compare the projections on the longer axis.
    const useX = Math.abs(x2 - x1) >= Math.abs(y2 - y1);
    const a0 = useX ? Math.min(x1, x2) : Math.min(y1, y2);
    const a1 = useX ? Math.max(x1, x2) : Math.max(y1, y2);
    const b0 = useX ? Math.min(x3, x4) : Math.min(y3, y4);
    const b1 = useX ? Math.max(x3, x4) : Math.max(y3, y4);
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo > hi) return { kind: 'none', x: 0, y: 0 };
    const mid = (lo + hi) / 2;
    const t = useX ? (x2 === x1 ? 0 : (mid - x1) / (x2 - x1)) : y2 === y1 ? 0 : (mid - y1) / (y2 - y1);
    return { kind: lo < hi ? 'overlap' : 'touch', x: x1 + t * (x2 - x1), y: y1 + t * (y2 - y1) };
  }
  if (d1 === 0 && onSegment(x3, y3, x4, y4, x1, y1)) return { kind: 'touch', x: x1, y: y1 };
  if (d2 === 0 && onSegment(x3, y3, x4, y4, x2, y2)) return { kind: 'touch', x: x2, y: y2 };
  if (d3 === 0 && onSegment(x1, y1, x2, y2, x3, y3)) return { kind: 'touch', x: x3, y: y3 };
  if (d4 === 0 && onSegment(x1, y1, x2, y2, x4, y4)) return { kind: 'touch', x: x4, y: y4 };
  return { kind: 'none', x: 0, y: 0 };
} // prettier-ignore

/** Even-odd ray casting against one ring (for hole-in-shell checks; boundary points excluded by the caller). */
export function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function onRing(x: number, y: number, ring: Position[]): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    if (orient(x1, y1, x2, y2, x, y) === 0 && onSegment(x1, y1, x2, y2, x, y)) return true;
  }
  return false;
}

/** A vertex of `inner` that is not on `outer`, to test which side of `outer` the ring lies. */
export function probe(inner: Position[], outer: Position[]): [number, number] | null {
  for (const p of inner) if (!onRing(p[0]!, p[1]!, outer)) return [p[0]!, p[1]!];
  return null;
}
