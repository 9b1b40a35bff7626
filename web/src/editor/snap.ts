// Snapping drawn corners to a boundary layer: its segments in an R-tree (Flatbush), searched around
// the pointer; a boundary vertex within reach wins, else the nearest point on a boundary line.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { BoundaryCollection } from './editorTypes.ts';

/** How close (in screen pixels) a corner must come to a boundary to snap to it. */
export const SNAP_PX = 10;

type Project = (lng: number, lat: number) => { x: number; y: number };
type Unproject = (x: number, y: number) => { lng: number; lat: number };

/** Boundary segments in an R-tree, for snapping a pointer to the nearest vertex or line. */
export class SnapIndex {
  private readonly segments: Float64Array;
  private readonly index: Flatbush;

  constructor(fc: BoundaryCollection) {
    const coords: number[] = [];
    for (const f of fc.features) {
      const polygons =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat())
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i] as [number, number];
          const [bx, by] = ring[i + 1] as [number, number];
          coords.push(ax, ay, bx, by);
        }
    }
    this.segments = Float64Array.from(coords);
    const n = this.segments.length / 4;
    this.index = new Flatbush(Math.max(n, 1));
    for (let i = 0; i < n; i++) {
      const [ax, ay, bx, by] = this.segment(i);
      this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    if (n === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  private segment(i: number): [number, number, number, number] {
    const s = this.segments;
    return [s[i * 4]!, s[i * 4 + 1]!, s[i * 4 + 2]!, s[i * 4 + 3]!];
  }

  /**
   * The boundary position a pointer at screen (x, y) snaps to: the nearest boundary vertex within
   * `radius` pixels, else the nearest point on a boundary line within it, else undefined.
   */
  snap(x: number, y: number, project: Project, unproject: Unproject, radius = SNAP_PX) {
    const a = unproject(x - radius, y - radius);
    const b = unproject(x + radius, y + radius);
    const hits = this.index.search(
      Math.min(a.lng, b.lng),
      Math.min(a.lat, b.lat),
      Math.max(a.lng, b.lng),
      Math.max(a.lat, b.lat),
    );
    let vertex: Position | undefined;
    let vertexD = radius;
    let line: Position | undefined;
    let lineD = radius;
    for (const i of hits) {
      const [ax, ay, bx, by] = this.segment(i);
      const pa = project(ax, ay);
      const pb = project(bx, by);
      for (const [p, pos] of [
        [pa, [ax, ay]],
        [pb, [bx, by]],
      ] as const) {
        const d = Math.hypot(p.x - x, p.y - y);
        if (d <= vertexD) [vertex, vertexD] = [[...pos], d];
      }
      const dx = pb.x - pa.x;
      const dy = pb.y - pa.y;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const t = Math.max(0, Math.min(1, ((x - pa.x) * dx + (y - pa.y) * dy) / len2));
      const d = Math.hypot(pa.x + t * dx - x, pa.y + t * dy - y);
      if (d < lineD) {
        // Rounded to 1e-7° (about 1 cm): finer than the drawing's own precision needs.
        const r = (v: number) => Math.round(v * 1e7) / 1e7;
        [line, lineD] = [[r(ax + t * (bx - ax)), r(ay + t * (by - ay))], d];
      }
    }
    return vertex ?? line;
  }
}
