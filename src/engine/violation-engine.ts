// The violation engine: matches incidents (disks in space, spans in time) against the zones of
// every recorded agreement version, each over its effective window only (the spans in which it is
// the version in force: domain/version-in-force.ts), with the rules of DESIGN.md §3.
// Pure: it is given versions and incidents and says which (incident, agreement, zone) pairs violate.
import type { MultiPolygon, Polygon } from 'geojson';
import { degreesForMetres } from '../geo/distance.ts';
import { INSIDE, NONE, OVERLAPS, PolygonIndex } from '../geo/polygon-index.ts';
import { relateTime, WITHIN } from '../domain/time-window.ts';
import type { ZoneKind } from '../domain/zone-kinds.ts';
import { effectiveWindows } from '../domain/version-in-force.ts';
import { BucketGrid } from './bucket-grid.ts';
import { ruleBitForKind, type IncidentBatch } from './incident-batch.ts';

export interface EngineZoneInput {
  zoneId: string;
  key: string;
  name: string;
  kind: ZoneKind;
  geometry: Polygon | MultiPolygon;
}

export interface EngineVersionInput {
  versionId: string;
  agreementId: string;
  /** Order of signing within the agreement: a later version replaces an earlier one. */
  seq: number;
  label: string;
  validFrom: number;
  validUntil: number | null;
  zones: readonly EngineZoneInput[];
}

/**
 * A zone of one version over one span of that version's effective window (a zone whose version is
 * in force in several separate spans is compiled once per span, sharing its polygon index).
 * Excluded areas are kept apart.
 */
export interface CompiledZone {
  index: number;
  zoneId: string;
  key: string;
  name: string;
  kind: ZoneKind;
  versionId: string;
  versionLabel: string;
  agreementId: string;
  /** Index of (agreementId, key): one violation per incident and zone key. */
  keyIndex: number;
  /** The span [from, until) of the version's effective window this entry covers. */
  from: number;
  until: number;
}

export const POSSIBLE = 1;
export const CERTAIN = 2;
export type CertaintyCode = 1 | 2;

export type MatchSink = (incident: number, zone: CompiledZone, certainty: CertaintyCode) => void;

/** Below this many incidents, sorting them by bucket costs more than the cache misses it saves. */
const SORT_THRESHOLD = 4096;

export class ViolationEngine {
  readonly zones: CompiledZone[] = [];
  private readonly polygons: PolygonIndex[] = [];
  private readonly rule: Uint8Array;
  private readonly from: Float64Array;
  private readonly until: Float64Array;
  private readonly keyIndex: Uint32Array;
  /** Zone boxes, interleaved minX, minY, maxX, maxY: the cheapest test goes first. */
  private readonly boxes: Float64Array;
  /** Excluded-area polygons of each zone's version (shared array per version). */
  private readonly excluded: (PolygonIndex[] | null)[] = [];
  private readonly grid: BucketGrid;
  private readonly stamp: Uint32Array;
  private stampValue = 0;
  /**
   * Per-incident scratch, one slot per zone key hit: the entry reported (the earliest span the
   * incident touches) and how much of the incident's time is covered by spans whose zone wholly
   * contains its disk (an instant counts 1). Effective spans of one key never overlap, so the
   * violation is certain exactly when that cover is the incident's whole duration.
   */
  private hitZone = new Int32Array(64);
  private hitCover = new Float64Array(64);
  private hits = 0;

  private constructor(versions: readonly EngineVersionInput[]) {
    const keyIds = new Map<string, number>();
    const from: number[] = [];
    const until: number[] = [];
    const rule: number[] = [];
    const keys: number[] = [];
    const effective = effectiveWindows(versions);
    versions.forEach((v, vi) => {
      const spans = effective[vi]!;
      if (spans.length === 0) return; // superseded before it started: never in force
      const excludedAreas = v.zones
        .filter((z) => z.kind === 'excluded_area')
        .map((z) => PolygonIndex.from(z.geometry));
      const excluded = excludedAreas.length > 0 ? excludedAreas : null;
      for (const z of v.zones) {
        if (z.kind === 'excluded_area') continue;
        const compositeKey = `${v.agreementId}\u0000${z.key}`;
        let keyIndex = keyIds.get(compositeKey);
        if (keyIndex === undefined) keyIds.set(compositeKey, (keyIndex = keyIds.size));
        const polygon = PolygonIndex.from(z.geometry);
        for (const span of spans) {
          const spanUntil = span.until ?? Infinity;
          this.zones.push({
            index: this.zones.length,
            zoneId: z.zoneId,
            key: z.key,
            name: z.name,
            kind: z.kind,
            versionId: v.versionId,
            versionLabel: v.label,
            agreementId: v.agreementId,
            keyIndex,
            from: span.from,
            until: spanUntil,
          });
          this.polygons.push(polygon);
          this.excluded.push(excluded);
          from.push(span.from);
          until.push(spanUntil);
          rule.push(ruleBitForKind(z.kind));
          keys.push(keyIndex);
        }
      }
    });
    this.rule = Uint8Array.from(rule);
    this.from = Float64Array.from(from);
    this.until = Float64Array.from(until);
    this.keyIndex = Uint32Array.from(keys);
    this.boxes = new Float64Array(this.polygons.length * 4);
    this.polygons.forEach((p, i) => this.boxes.set([p.minX, p.minY, p.maxX, p.maxY], i * 4));
    this.grid = new BucketGrid(this.polygons);
    this.stamp = new Uint32Array(this.zones.length);
  }

  /** Every recorded version of every agreement (each is used over its effective window). */
  static compile(versions: readonly EngineVersionInput[]): ViolationEngine {
    return new ViolationEngine(versions);
  }

  /**
   * Calls `sink` once per (incident, agreement, zone key) that is violated: `certain` when at every
   * instant of the incident the version then in force has the zone wholly containing its disk (and
   * no excluded area of that version touching it), else `possible`. The zone reported is that of the
   * version in force at the earliest instant the incident touches.
   */
  match(batch: IncidentBatch, sink: MatchSink): void {
    const order = batch.count >= SORT_THRESHOLD ? this.bucketOrder(batch) : null;
    const n = order ? order.length : batch.count;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k]! : k;
      const mask = batch.ruleMask[i]!;
      if (mask === 0) continue;
      this.hits = 0;
      this.matchOne(batch, i, mask);
      if (this.hits === 0) continue;
      const from = batch.from[i]!;
      const until = batch.until[i]!;
      const need = from === until ? 1 : until - from;
      for (let h = 0; h < this.hits; h++)
        sink(i, this.zones[this.hitZone[h]!]!, this.hitCover[h]! >= need ? CERTAIN : POSSIBLE);
    }
  }

  private matchOne(b: IncidentBatch, i: number, mask: number): void {
    const x = b.lon[i]!;
    const y = b.lat[i]!;
    const r = b.radiusM[i]!;
    const grid = this.grid;
    if (r === 0) {
      const bucket = grid.bucketOf(x, y);
      if (bucket < 0) return;
      const end = grid.offsets[bucket + 1]!;
      const ids = grid.ids;
      const bx = this.boxes;
      const rule = this.rule;
      for (let p = grid.offsets[bucket]!; p < end; p++) {
        const z = ids[p]!;
        // Cheapest rejections inline: rule family, then the zone's box.
        if ((rule[z]! & mask) === 0) continue;
        const o = z * 4;
        if (x < bx[o]! || y < bx[o + 1]! || x > bx[o + 2]! || y > bx[o + 3]!) continue;
        this.test(b, i, z, x, y, 0);
      }
      return;
    }
    const { dLon, dLat } = degreesForMetres(y, r);
    if (grid.nx === 0) return;
    if (x + dLon < grid.minX || y + dLat < grid.minY) return;
    if (x - dLon > grid.minX + grid.nx * grid.cell || y - dLat > grid.minY + grid.ny * grid.cell)
      return;
    const c0 = grid.colOf(x - dLon);
    const c1 = grid.colOf(x + dLon);
    const r0 = grid.rowOf(y - dLat);
    const r1 = grid.rowOf(y + dLat);
    const stamp = ++this.stampValue;
    if (stamp === 0xffffffff) {
      this.stamp.fill(0);
      this.stampValue = 1;
    }
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const bucket = row * grid.nx + col;
        const end = grid.offsets[bucket + 1]!;
        for (let p = grid.offsets[bucket]!; p < end; p++) {
          const z = grid.ids[p]!;
          if (this.stamp[z] === this.stampValue) continue;
          this.stamp[z] = this.stampValue;
          if ((this.rule[z]! & mask) === 0) continue;
          this.test(b, i, z, x, y, r);
        }
      }
    }
  }

  /** Time, space and excluded areas for one candidate zone; records the hit if any. */
  private test(b: IncidentBatch, i: number, z: number, x: number, y: number, r: number): void {
    const from = b.from[i]!;
    const until = b.until[i]!;
    const wFrom = this.from[z]!;
    const wUntil = this.until[z]!;
    // relateTime, inlined on the hot path (time-window.test.ts pins the rule itself).
    const t =
      from === until
        ? from >= wFrom && from < wUntil
          ? WITHIN
          : 0
        : relateTime(from, until, wFrom, wUntil);
    if (t === 0) return;
    const poly = this.polygons[z]!;
    let s = r === 0 ? (poly.containsPoint(x, y) ? INSIDE : NONE) : poly.relateDisk(x, y, r);
    if (s === NONE) return;
    const excluded = this.excluded[z];
    if (excluded) {
      for (const area of excluded) {
        const e = r === 0 ? (area.containsPoint(x, y) ? INSIDE : NONE) : area.relateDisk(x, y, r);
        if (e === INSIDE) return; // carved out of this version
        if (e === OVERLAPS) s = OVERLAPS;
      }
    }
    // The part of the incident's time this span covers with the disk wholly inside (an instant: 1).
    const cover =
      s !== INSIDE ? 0 : from === until ? 1 : Math.min(until, wUntil) - Math.max(from, wFrom);
    const key = this.keyIndex[z]!;
    const hitZone = this.hitZone;
    for (let h = 0; h < this.hits; h++) {
      if (this.keyIndex[hitZone[h]!] !== key) continue;
      this.hitCover[h]! += cover;
      if (wFrom < this.from[hitZone[h]!]!) hitZone[h] = z;
      return;
    }
    if (this.hits === hitZone.length) {
      this.hitZone = new Int32Array(hitZone.length * 2);
      this.hitZone.set(hitZone);
      const hitCover = new Float64Array(hitZone.length * 2);
      hitCover.set(this.hitCover);
      this.hitCover = hitCover;
    }
    this.hitZone[this.hits] = z;
    this.hitCover[this.hits++] = cover;
  }

  /** Incidents ordered by the bucket of their centre (counting sort), so a zone's cells stay hot. */
  private bucketOrder(b: IncidentBatch): Uint32Array {
    const grid = this.grid;
    const nb = grid.nx * grid.ny;
    const bucket = new Int32Array(b.count);
    const counts = new Uint32Array(nb + 2);
    for (let i = 0; i < b.count; i++) {
      // Incidents off the grid keep their place at the end; disks may still reach in.
      const k = grid.bucketOf(b.lon[i]!, b.lat[i]!);
      const slot = k < 0 ? nb : k;
      bucket[i] = slot;
      counts[slot + 1]!++;
    }
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    const order = new Uint32Array(b.count);
    for (let i = 0; i < b.count; i++) order[counts[bucket[i]!]!++] = i;
    return order;
  }
}
