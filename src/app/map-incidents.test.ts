// The map's clustering and its index cache, without a database.
import { describe, expect, it } from 'vitest';
import type { MapPoint } from '../store/store.ts';
import {
  buildMapIndex,
  DEFAULT_WINDOW_MS,
  MapIndexCache,
  mapWindow,
  queryMapIndex,
  type MapIndex,
} from './map-incidents.ts';

const point = (id: string, lon: number, lat: number, over: Partial<MapPoint> = {}): MapPoint => ({
  id,
  externalId: id.toUpperCase(),
  eventType: 'Battles',
  subEventType: 'Armed clash',
  occurredFrom: Date.parse('2018-02-17T09:00:00Z'),
  occurredUntil: Date.parse('2018-02-17T10:00:00Z'),
  lon,
  lat,
  fatalities: 1,
  uncertaintyM: 2000,
  violation: null,
  reviewStatus: null,
  ...over,
});

const DAMASCUS: MapPoint[] = [
  point('a', 36.3, 33.5, { violation: 'possible', reviewStatus: 'flagged', fatalities: 4 }),
  point('b', 36.31, 33.51, { fatalities: null }),
  point('c', 36.29, 33.49, { violation: 'certain', reviewStatus: 'confirmed' }),
];

describe('buildMapIndex / queryMapIndex', () => {
  it('sums fatalities and keeps the most severe violation in a cluster', () => {
    const fc = queryMapIndex(buildMapIndex(DAMASCUS), [35, 32, 43, 38], 5);
    expect(fc.total).toBe(3);
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toEqual({
      cluster: true,
      cluster_id: expect.any(Number),
      point_count: 3,
      fatalities: 5,
      violation: 'certain',
    });
  });

  it('gives single incidents their own properties and coordinates at street zoom', () => {
    const fc = queryMapIndex(buildMapIndex(DAMASCUS), [36.299, 33.499, 36.301, 33.501], 16);
    expect(fc.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [36.3, 33.5] },
        properties: {
          id: 'a',
          external_id: 'A',
          event_type: 'Battles',
          sub_event_type: 'Armed clash',
          occurred_from: '2018-02-17T09:00:00.000Z',
          occurred_until: '2018-02-17T10:00:00.000Z',
          fatalities: 4,
          uncertainty_m: 2000,
          violation: 'possible',
          review_status: 'flagged',
        },
      },
    ]);
  });
});

describe('mapWindow', () => {
  it('defaults to the 30 days up to now, rounded up to the minute', () => {
    const now = Date.parse('2018-02-18T12:00:30.500Z');
    const w = mapWindow({}, now);
    expect(new Date(w.until).toISOString()).toBe('2018-02-18T12:01:00.000Z');
    expect(w.until - w.from).toBe(DEFAULT_WINDOW_MS);
    expect(mapWindow({ until: 1_000 }, now).from).toBe(1_000 - DEFAULT_WINDOW_MS);
  });
});

describe('MapIndexCache', () => {
  const built = (): Promise<MapIndex> => Promise.resolve(buildMapIndex([]));

  it('builds once per key and head; a new head drops every entry', async () => {
    const cache = new MapIndexCache(2);
    let builds = 0;
    const build = () => (builds++, built());
    const first = cache.get(1, 'k', build);
    expect(cache.get(1, 'k', build)).toBe(first);
    expect(builds).toBe(1);
    cache.get(2, 'k', build);
    expect(builds).toBe(2);
    cache.get(1, 'k', build); // an older head is answered, not cached
    cache.get(2, 'k', build);
    expect(builds).toBe(3);
  });

  it('evicts the least recently used entry', () => {
    const cache = new MapIndexCache(2);
    let builds = 0;
    const build = () => (builds++, built());
    cache.get(1, 'a', build);
    cache.get(1, 'b', build);
    cache.get(1, 'a', build); // a is now the most recent
    cache.get(1, 'c', build); // evicts b
    cache.get(1, 'a', build);
    expect(builds).toBe(3);
    cache.get(1, 'b', build);
    expect(builds).toBe(4);
  });

  it('forgets a failed build', async () => {
    const cache = new MapIndexCache();
    await expect(cache.get(1, 'k', () => Promise.reject(new Error('db')))).rejects.toThrow('db');
    await expect(cache.get(1, 'k', built)).resolves.toMatchObject({ total: 0 });
  });
});
