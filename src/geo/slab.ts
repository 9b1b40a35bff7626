// Slab allocation for the typed arrays of PolygonIndex. Thousands of zones each needing a few
// small typed arrays is the worst case for V8: every ArrayBuffer is a separate external
// allocation (GC accounting, fresh pages: ~15 µs per page fault on our VMs), and the arrays of
// one zone end up scattered among everyone else's. Carving views out of shared slabs makes
// building faster and keeps the per-query state words of all zones within a few hundred pages.
//
// A slab's memory is released when no view into it is alive, so after heavy churn (zones
// rebuilt one by one) a single surviving zone can pin one slab; that bounded waste is the price.

type Typed = Float64Array | Uint32Array;

class Slab<T extends Typed> {
  private slab: T;
  private used = 0;

  constructor(
    private readonly make: (length: number) => T,
    private readonly size: number,
  ) {
    this.slab = make(size);
  }

  /** A zero-filled array of `length`, carved from the current slab when small. */
  alloc(length: number): T {
    if (length > this.size >>> 3) return this.make(length);
    if (this.used + length > this.size) {
      this.slab = this.make(this.size);
      this.used = 0;
    }
    this.used += length;
    return this.slab.subarray(this.used - length, this.used) as T;
  }
}

/** Per-query state words: kept apart so that all zones' states stay densely packed. */
export const hotWords = new Slab((n) => new Uint32Array(n), 1 << 14);
/** Other index words (cell references, row lists). */
export const words = new Slab((n) => new Uint32Array(n), 1 << 15);
/** Vertices and records. */
export const doubles = new Slab((n) => new Float64Array(n), 1 << 16);
