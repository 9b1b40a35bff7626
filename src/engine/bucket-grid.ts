// A uniform lon/lat bucket grid over the zones' extent: each bucket lists the zones whose bounding
// box touches it. A lookup is two multiplications and a slice, where an R-tree search costs
// ~1.3 µs per query on our load (see docs/performance.md) — the grid keeps the engine O(1) per point.

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const MAX_BUCKETS = 4_000_000;

export class BucketGrid {
  readonly minX: number;
  readonly minY: number;
  readonly cell: number;
  readonly nx: number;
  readonly ny: number;
  /** CSR: zones of bucket b are ids[offsets[b] .. offsets[b+1]). */
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;

  constructor(boxes: readonly Box[]) {
    if (boxes.length === 0) {
      this.minX = this.minY = 0;
      this.cell = 1;
      this.nx = this.ny = 0;
      this.offsets = new Uint32Array(1);
      this.ids = new Uint32Array(0);
      return;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const sides: number[] = [];
    for (const b of boxes) {
      minX = Math.min(minX, b.minX);
      minY = Math.min(minY, b.minY);
      maxX = Math.max(maxX, b.maxX);
      maxY = Math.max(maxY, b.maxY);
      sides.push(Math.max(b.maxX - b.minX, b.maxY - b.minY));
    }
    sides.sort((a, b) => a - b);
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    // Buckets about a quarter of a typical zone across: few candidate zones per point, and
    // still few buckets per zone (measured in bench/engine.bench.ts: ½ → ¼ gained ~30 %).
    let cell = Math.max((sides[sides.length >> 1] ?? extent) / 4, extent / 4096, 1e-6);
    while (Math.ceil((maxX - minX) / cell + 1) * Math.ceil((maxY - minY) / cell + 1) > MAX_BUCKETS)
      cell *= 1.5;
    this.minX = minX;
    this.minY = minY;
    this.cell = cell;
    this.nx = Math.floor((maxX - minX) / cell) + 1;
    this.ny = Math.floor((maxY - minY) / cell) + 1;
    const counts = new Uint32Array(this.nx * this.ny + 1);
    const visit = (b: Box, fn: (bucket: number) => void) => {
      const x0 = this.colOf(b.minX);
      const x1 = this.colOf(b.maxX);
      const y0 = this.rowOf(b.minY);
      const y1 = this.rowOf(b.maxY);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) fn(y * this.nx + x);
    };
    for (const b of boxes) visit(b, (k) => counts[k + 1]!++);
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    this.offsets = counts;
    this.ids = new Uint32Array(counts[counts.length - 1]!);
    const fill = counts.slice(0, -1);
    boxes.forEach((b, id) => visit(b, (k) => (this.ids[fill[k]!++] = id)));
  }

  colOf(x: number): number {
    const c = Math.floor((x - this.minX) / this.cell);
    return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c;
  }

  rowOf(y: number): number {
    const r = Math.floor((y - this.minY) / this.cell);
    return r < 0 ? 0 : r >= this.ny ? this.ny - 1 : r;
  }

  /** Bucket of a point, or -1 when it is outside the grid. */
  bucketOf(x: number, y: number): number {
    const c = Math.floor((x - this.minX) / this.cell);
    const r = Math.floor((y - this.minY) / this.cell);
    if (c < 0 || r < 0 || c >= this.nx || r >= this.ny) return -1;
    return r * this.nx + c;
  }
}
