// The map's incident layer: clusters and single incidents for a box and a zoom. A supercluster
// index over every incident of a window (after the filters, for one audience) is built once from
// the store and kept in a small LRU; the live feed's head is part of the key, so any change (an
// import, a review, a merge — by this process or the CLI beside it) makes the next request rebuild.
import type { Feature, FeatureCollection, Point } from 'geojson';
import Supercluster from 'supercluster';
import { visibleViolationStatuses } from '../domain/access.ts';
import { certaintyOfRank, certaintyRank } from '../domain/certainty.ts';
import type { EventType } from '../domain/event-types.ts';
import type { Reliability } from '../domain/report.ts';
import type { Actor } from '../domain/roles.ts';
import type { Certainty } from '../domain/types.ts';
import type { MapPoint, MapPointFilter } from '../store/store.ts';
import type { AppContext } from './context.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_MS = 30 * DAY_MS;
const CACHE_ENTRIES = 8;

export interface MapIncidentQuery {
  bbox: [number, number, number, number];
  zoom: number;
  from?: number | undefined;
  until?: number | undefined;
  agreementId?: string | undefined;
  eventType?: EventType | undefined;
  /** Only incidents whose (most severe visible) violation is this one. */
  certainty?: Certainty | undefined;
  minReliability?: Reliability | undefined;
}

interface ClusterSums {
  fatalities: number;
  severity: number;
}

export interface MapIndex {
  index: Supercluster<MapPoint, ClusterSums>;
  /** Incidents in the window after the filters. */
  total: number;
}

/** Builds the clustering index over the map points of one window (exported for the bench). */
export function buildMapIndex(points: readonly MapPoint[]): MapIndex {
  const index = new Supercluster<MapPoint, ClusterSums>({
    radius: 60,
    maxZoom: 16,
    map: (p) => ({ fatalities: p.fatalities ?? 0, severity: certaintyRank(p.violation) }),
    reduce: (acc, p) => {
      acc.fatalities += p.fatalities;
      acc.severity = Math.max(acc.severity, p.severity);
    },
  });
  index.load(
    points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: p,
    })),
  );
  return { index, total: points.length };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The clusters and single incidents of the box at the zoom, as the API returns them. */
export function queryMapIndex(
  { index, total }: MapIndex,
  bbox: [number, number, number, number],
  zoom: number,
): FeatureCollection<Point> & { total: number } {
  const features: Feature<Point>[] = index.getClusters(bbox, zoom).map((f) => {
    const p = f.properties;
    if ('cluster' in p && p.cluster)
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          cluster: true,
          cluster_id: p.cluster_id,
          point_count: p.point_count,
          fatalities: p.fatalities,
          violation: certaintyOfRank(p.severity),
        },
      };
    const i = p as MapPoint;
    return {
      type: 'Feature',
      // The stored coordinates, not supercluster's round trip through Web Mercator.
      geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
      properties: {
        id: i.id,
        external_id: i.externalId,
        event_type: i.eventType,
        sub_event_type: i.subEventType,
        occurred_from: iso(i.occurredFrom),
        occurred_until: iso(i.occurredUntil),
        fatalities: i.fatalities,
        uncertainty_m: i.uncertaintyM,
        violation: i.violation ?? 'none',
        review_status: i.reviewStatus,
      },
    };
  });
  return { type: 'FeatureCollection', features, total };
}

/** Without an explicit window: the 30 days up to now, now rounded up to the minute so it can be cached. */
export function mapWindow(q: Pick<MapIncidentQuery, 'from' | 'until'>, now: number) {
  const until = q.until ?? Math.ceil(now / 60_000) * 60_000;
  return { from: q.from ?? until - DEFAULT_WINDOW_MS, until };
}

/** The indexes of recent requests; all dropped when the feed head moves. */
export class MapIndexCache {
  private readonly entries = new Map<string, Promise<MapIndex>>();
  private head = -1;

  constructor(private readonly size = CACHE_ENTRIES) {}

  get(head: number, key: string, build: () => Promise<MapIndex>): Promise<MapIndex> {
    if (head < this.head) return build(); // a request that read the head before a newer one
    if (head !== this.head) {
      this.entries.clear();
      this.head = head;
    }
    let entry = this.entries.get(key);
    if (entry)
      this.entries.delete(key); // re-inserted below: most recently used last
    else {
      // Concurrent requests for the same key share one build; a failed build is not kept.
      entry = build();
      entry.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

export async function mapIncidents(
  ctx: AppContext,
  cache: MapIndexCache,
  actor: Actor,
  q: MapIncidentQuery,
) {
  // The head is read before the rows: rows newer than the key are only ever rebuilt, never missed.
  const head = await ctx.store.feedHead();
  const filter: MapPointFilter = {
    ...mapWindow(q, ctx.config.now()),
    eventType: q.eventType,
    agreementId: q.agreementId,
    statuses: visibleViolationStatuses(actor),
    minReliability: q.minReliability,
  };
  const key = JSON.stringify([
    filter.from,
    filter.until,
    filter.eventType ?? null,
    filter.agreementId ?? null,
    filter.statuses ?? 'staff',
    filter.minReliability ?? null,
    q.certainty ?? null,
  ]);
  const built = await cache.get(head, key, async () => {
    const points = await ctx.store.mapPoints(filter);
    return buildMapIndex(q.certainty ? points.filter((p) => p.violation === q.certainty) : points);
  });
  return queryMapIndex(built, q.bbox, q.zoom);
}
