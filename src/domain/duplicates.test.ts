import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE, haversineM } from '../geo/distance.ts';
import { compareIncidents, DEFAULT_DUPLICATE_OPTIONS } from './duplicates.ts';
import { incident } from './test-incident.ts';
import type { Incident } from './types.ts';

const T = Date.parse('2018-02-17T00:00:00Z');
const H = 3_600_000;
const LAT = 33.5;

/** An incident `m` metres due north of the base place (same longitude). */
const north = (id: string, m: number, over: Partial<Incident> = {}) =>
  incident(id, { lat: LAT + m / METRES_PER_DEGREE, ...over });

/** The parts without type, sub-event and fatalities: only time and place score. */
const bare = (id: string, over: Partial<Incident> = {}) =>
  incident(id, { subEventType: null, fatalities: null, ...over });

describe('compareIncidents: candidates', () => {
  it('never pairs an incident with itself', () => {
    expect(compareIncidents(incident('a'), incident('a'))).toBeNull();
  });
  it('is null for event types that are neither the same nor compatible', () => {
    expect(
      compareIncidents(
        incident('a', { eventType: 'Battles' }),
        incident('b', { eventType: 'Protests' }),
      ),
    ).toBeNull();
    expect(
      compareIncidents(
        incident('a', { eventType: 'Battles' }),
        incident('b', { eventType: 'Violence against civilians' }),
      ),
    ).toBeNull();
  });
  it('gives compatible event types 0.15, in either order', () => {
    const pairs = [
      ['Battles', 'Explosions/Remote violence'],
      ['Explosions/Remote violence', 'Violence against civilians'],
    ] as const;
    for (const [x, y] of pairs) {
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        const m = compareIncidents(bare('a', { eventType: p }), bare('b', { eventType: q }));
        // 0.15 type + 0.25 time + 0.25 place.
        expect(m?.score).toBe(0.65);
        expect(m?.reasons[0]).toBe(`compatible event types (${p} / ${q})`);
      }
    }
  });
  it('is null for spans that only touch ([a, b) and [b, c))', () => {
    const a = incident('a', { occurredFrom: T, occurredUntil: T + H });
    const b = incident('b', { occurredFrom: T + H, occurredUntil: T + 2 * H });
    expect(compareIncidents(a, b)).toBeNull();
    expect(compareIncidents(b, a)).toBeNull();
  });
  it('is null for spans apart, and for different instants', () => {
    expect(
      compareIncidents(
        incident('a', { occurredFrom: T, occurredUntil: T + H }),
        incident('b', { occurredFrom: T + 2 * H, occurredUntil: T + 3 * H }),
      ),
    ).toBeNull();
    expect(
      compareIncidents(incident('a'), incident('b', { occurredFrom: T + 1, occurredUntil: T + 1 })),
    ).toBeNull();
  });
  it('gives an instant inside an interval the full time share', () => {
    const a = bare('a', { occurredFrom: T - H, occurredUntil: T + H });
    const b = bare('b');
    const m = compareIncidents(a, b);
    expect(m?.score).toBe(0.8); // 0.30 type + 0.25 time + 0.25 place
    expect(m?.reasons[1]).toBe('times coincide (2018-02-17 00:00 UTC)');
    expect(compareIncidents(b, a)?.score).toBe(0.8);
  });
  it('gives an instant at the start of an interval the full time share', () => {
    const m = compareIncidents(bare('a', { occurredFrom: T, occurredUntil: T + H }), bare('b'));
    expect(m?.score).toBe(0.8);
  });
  it('scores a partial overlap by the share of the shorter span', () => {
    // a: [0 h, 10 h), b: [5 h, 25 h); shorter = 10 h, shared = 5 h → 0.25 × 0.5.
    const a = bare('a', { occurredFrom: T, occurredUntil: T + 10 * H });
    const b = bare('b', { occurredFrom: T + 5 * H, occurredUntil: T + 25 * H });
    const m = compareIncidents(a, b);
    expect(m?.score).toBe(0.675);
    expect(m?.reasons[1]).toBe('times overlap by 50 % of the shorter span');
    expect(compareIncidents(b, a)?.score).toBe(0.675);
  });
  it('says the times coincide when the shorter span lies within the longer', () => {
    const a = bare('a', { occurredFrom: T, occurredUntil: T + 24 * H });
    const b = bare('b', { occurredFrom: T + 6 * H, occurredUntil: T + 12 * H });
    const m = compareIncidents(a, b);
    expect(m?.score).toBe(0.8);
    expect(m?.reasons[1]).toBe('times coincide (2018-02-17 06:00 – 2018-02-17 12:00 UTC)');
  });
  it('is null beyond the reach (both radii plus the max distance)', () => {
    expect(compareIncidents(incident('a'), north('b', 10_500))).toBeNull();
    expect(
      compareIncidents(
        incident('a', { uncertaintyM: 300 }),
        north('b', 10_500, { uncertaintyM: 150 }),
      ),
    ).toBeNull();
  });
  it('counts both uncertainty radii into the reach', () => {
    const m = compareIncidents(
      bare('a', { uncertaintyM: 2_000 }),
      north('b', 12_000, { uncertaintyM: 1_000, subEventType: null, fatalities: null }),
    );
    expect(m).not.toBeNull();
    // nearness 0.25 × (1 − 12 / 13).
    expect(m?.score).toBeCloseTo(0.55 + 0.25 * (1 - 12 / 13), 3);
    expect(m?.reasons[2]).toBe(
      'places 12.0 km apart (uncertainty 2.0 km and 1.0 km; reach 13.0 km)',
    );
  });
  it('keeps a pair exactly at the reach as a candidate with no nearness points', () => {
    const a = bare('a');
    const b = north('b', 7_000, { subEventType: null, fatalities: null });
    const d = haversineM(a.lon, a.lat, b.lon, b.lat);
    const m = compareIncidents(a, b, { maxDistanceM: d });
    expect(m).not.toBeNull();
    expect(m?.score).toBeCloseTo(0.55, 3);
    expect(compareIncidents(a, b, { maxDistanceM: d - 1 })).toBeNull();
  });
  it('respects the maxDistanceM option', () => {
    const a = bare('a');
    const b = north('b', 16_000, { subEventType: null, fatalities: null });
    expect(compareIncidents(a, b)).toBeNull();
    expect(compareIncidents(a, b, DEFAULT_DUPLICATE_OPTIONS)).toBeNull();
    const m = compareIncidents(a, b, { maxDistanceM: 20_000 });
    expect(m?.score).toBeCloseTo(0.6, 3); // 0.55 + 0.25 × (1 − 16 / 20);
    expect(m?.reasons[2]).toBe('places 16.0 km apart (uncertainty 0 m and 0 m; reach 20.0 km)');
    expect(compareIncidents(incident('a'), north('b', 1_000), { maxDistanceM: 500 })).toBeNull();
  });
  it('defaults to a 10 km max distance', () => {
    expect(DEFAULT_DUPLICATE_OPTIONS.maxDistanceM).toBe(10_000);
    expect(compareIncidents(incident('a'), north('b', 9_900))).not.toBeNull();
    expect(compareIncidents(incident('a'), north('b', 10_100))).toBeNull();
  });
});

describe('compareIncidents: score and reasons', () => {
  it('scores identical incidents 1.0 with all five reasons, in order', () => {
    const m = compareIncidents(incident('a'), incident('b'));
    expect(m).toEqual({
      score: 1,
      reasons: [
        'same event type (Explosions/Remote violence)',
        'same sub-event type (Air/drone strike)',
        'times coincide (2018-02-17 00:00 UTC)',
        'places 0 m apart (uncertainty 0 m and 0 m; reach 10.0 km)',
        'similar fatalities (2 and 2)',
      ],
    });
  });
  it('gives no sub-event points when the sub-event types differ or are missing', () => {
    const other = compareIncidents(
      incident('a'),
      incident('b', { subEventType: 'Shelling/artillery/missile attack' }),
    );
    expect(other?.score).toBe(0.9);
    expect(other?.reasons.some((r) => r.startsWith('same sub-event'))).toBe(false);
    const none = compareIncidents(
      incident('a', { subEventType: null }),
      incident('b', { subEventType: null }),
    );
    expect(none?.score).toBe(0.9);
    expect(none?.reasons).toHaveLength(4);
  });
  it('says when fatalities differ and gives them no points', () => {
    const m = compareIncidents(
      incident('a', { fatalities: 10 }),
      incident('b', { fatalities: 20 }),
    );
    expect(m?.score).toBe(0.9);
    expect(m?.reasons.at(-1)).toBe('fatalities differ (10 and 20)');
  });
  it('counts fatalities within 25 % of the larger, or within 1, as similar', () => {
    const pair = (x: number, y: number) =>
      compareIncidents(incident('a', { fatalities: x }), incident('b', { fatalities: y }))?.score;
    expect(pair(100, 75)).toBe(1);
    expect(pair(75, 100)).toBe(1);
    expect(pair(100, 74)).toBe(0.9);
    expect(pair(0, 1)).toBe(1);
    expect(pair(1, 2)).toBe(1);
    expect(pair(0, 2)).toBe(0.9);
  });
  it('gives no fatalities reason when either side has none', () => {
    const m = compareIncidents(
      incident('a', { fatalities: null }),
      incident('b', { fatalities: 5 }),
    );
    expect(m?.score).toBe(0.9);
    expect(m?.reasons).toHaveLength(4);
    expect(m?.reasons.some((r) => r.includes('fatalities'))).toBe(false);
  });
  it('rounds the score to 3 decimals', () => {
    // Overlap share 1/3: 0.30 + 0.25 / 3 + 0.25 = 0.63333… → 0.633.
    const a = bare('a', { occurredFrom: T, occurredUntil: T + 3 * H });
    const b = bare('b', { occurredFrom: T + 2 * H, occurredUntil: T + 6 * H });
    const m = compareIncidents(a, b);
    expect(m?.score).toBe(0.633);
    expect(m?.reasons[1]).toBe('times overlap by 33 % of the shorter span');
    const near = compareIncidents(
      bare('a'),
      north('b', 1_234, { subEventType: null, fatalities: null }),
    );
    expect(near?.score).toBe(Math.round((0.55 + 0.25 * (1 - 1_234 / 10_000)) * 1000) / 1000);
    expect(String(near?.score).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
  });
  it('is symmetric in its score', () => {
    const a = incident('a', { occurredFrom: T, occurredUntil: T + 10 * H, fatalities: 7 });
    const b = north('b', 3_000, {
      eventType: 'Battles',
      occurredFrom: T + 4 * H,
      occurredUntil: T + 30 * H,
      uncertaintyM: 2_000,
      fatalities: 9,
    });
    expect(compareIncidents(a, b)?.score).toBe(compareIncidents(b, a)?.score);
  });
});
