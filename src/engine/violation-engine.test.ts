import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { EventType } from '../domain/event-types.ts';
import type { ZoneKind } from '../domain/zone-kinds.ts';
import { batchOf, type IncidentLike } from './incident-batch.ts';
import { ViolationEngine, type EngineVersionInput } from './violation-engine.ts';

const DAY = 86_400_000;
const T = (iso: string) => Date.parse(iso);
const box = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
/** 1°×1° square at lon 36–37, lat 33–34 with a hole at 36.4–36.6 × 33.4–33.6. */
const SQUARE_WITH_HOLE: Polygon = {
  type: 'Polygon',
  coordinates: [box(36, 33, 37, 34), box(36.4, 33.4, 36.6, 33.6).reverse()],
};
const EXCLUDED: Polygon = { type: 'Polygon', coordinates: [box(36.7, 33.7, 36.9, 33.9)] };

function version(
  label: string,
  from: string,
  until: string | null,
  zones: { key: string; kind: ZoneKind; geometry: Polygon }[],
  agreementId = 'coh',
): EngineVersionInput {
  return {
    versionId: `${agreementId}-${label}`,
    agreementId,
    seq: Number(label.replace(/\D/g, '')) || 1,
    label,
    validFrom: T(from),
    validUntil: until === null ? null : T(until),
    zones: zones.map((z) => ({ zoneId: `${agreementId}-${label}-${z.key}`, name: z.key, ...z })),
  };
}

const V1 = version('v1', '2018-02-16T00:00:00Z', '2018-02-18T00:00:00Z', [
  { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
  { key: 'carve-out', kind: 'excluded_area', geometry: EXCLUDED },
]);
const V2 = version('v2', '2018-02-16T00:00:00Z', '2018-02-20T00:00:00Z', [
  { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
  { key: 'carve-out', kind: 'excluded_area', geometry: EXCLUDED },
]);

function incident(
  p: Partial<IncidentLike> & { at?: string; span?: [string, string] },
): IncidentLike {
  const from = p.span ? T(p.span[0]) : T(p.at ?? '2018-02-17T12:00:00Z');
  const until = p.span ? T(p.span[1]) : from;
  return {
    lon: p.lon ?? 36.2,
    lat: p.lat ?? 33.5,
    uncertaintyM: p.uncertaintyM ?? 0,
    occurredFrom: p.occurredFrom ?? from,
    occurredUntil: p.occurredUntil ?? until,
    eventType: p.eventType ?? 'Explosions/Remote violence',
    subEventType:
      p.subEventType === undefined ? 'Shelling/artillery/missile attack' : p.subEventType,
  };
}

function run(versions: EngineVersionInput[], incidents: IncidentLike[]) {
  const engine = ViolationEngine.compile(versions);
  const out: { i: number; agreement: string; zone: string; version: string; certainty: string }[] =
    [];
  engine.match(batchOf(incidents), (i, z, c) =>
    out.push({
      i,
      agreement: z.agreementId,
      zone: z.key,
      version: z.versionLabel,
      certainty: c === 2 ? 'certain' : 'possible',
    }),
  );
  return out.sort(
    (a, b) => a.i - b.i || a.agreement.localeCompare(b.agreement) || a.zone.localeCompare(b.zone),
  );
}

const one = (
  inc: Partial<IncidentLike> & { at?: string; span?: [string, string] },
  versions = [V1],
) => {
  const r = run(versions, [incident(inc)]);
  return r.length === 0 ? 'none' : r.map((x) => `${x.certainty}@${x.version}`).join(',');
};

describe('space: zones are closed sets with holes', () => {
  it('a point inside is certain, outside is nothing', () => {
    expect(one({ lon: 36.2, lat: 33.5 })).toBe('certain@v1');
    expect(one({ lon: 35.9999999, lat: 33.5 })).toBe('none');
    expect(one({ lon: 37.0000001, lat: 33.5 })).toBe('none');
  });
  it('a point on an edge or a vertex is inside', () => {
    expect(one({ lon: 36, lat: 33.5 })).toBe('certain@v1');
    expect(one({ lon: 36.5, lat: 34 })).toBe('certain@v1');
    expect(one({ lon: 36, lat: 33 })).toBe('certain@v1');
    expect(one({ lon: 37, lat: 34 })).toBe('certain@v1');
  });
  it('a point in a hole is outside; on the hole edge it is inside', () => {
    expect(one({ lon: 36.5, lat: 33.5 })).toBe('none');
    expect(one({ lon: 36.4, lat: 33.5 })).toBe('certain@v1');
    expect(one({ lon: 36.5, lat: 33.6 })).toBe('certain@v1');
  });
});

describe('space: uncertainty disks', () => {
  // 33.05° is 0.05° (≈ 5.56 km) north of the southern edge at 33°.
  it('a disk wholly inside is certain; one that crosses the edge is possible', () => {
    expect(one({ lon: 36.2, lat: 33.05, uncertaintyM: 5_400 })).toBe('certain@v1');
    expect(one({ lon: 36.2, lat: 33.05, uncertaintyM: 5_700 })).toBe('possible@v1');
  });
  it('a disk outside that reaches the zone is possible; one that does not is nothing', () => {
    expect(one({ lon: 36.2, lat: 32.95, uncertaintyM: 5_700 })).toBe('possible@v1');
    expect(one({ lon: 36.2, lat: 32.95, uncertaintyM: 5_400 })).toBe('none');
  });
  it('a disk that reaches into a hole is possible', () => {
    // 36.35 is 0.05° of longitude (≈ 4.6 km at 33.5°N) west of the hole.
    expect(one({ lon: 36.35, lat: 33.5, uncertaintyM: 4_000 })).toBe('certain@v1');
    expect(one({ lon: 36.35, lat: 33.5, uncertaintyM: 5_000 })).toBe('possible@v1');
  });
  it('a disk centred in a hole that reaches the zone is possible', () => {
    expect(one({ lon: 36.5, lat: 33.5, uncertaintyM: 12_000 })).toBe('possible@v1');
    expect(one({ lon: 36.5, lat: 33.5, uncertaintyM: 5_000 })).toBe('none');
  });
  it('a disk that covers the whole zone is possible', () => {
    expect(one({ lon: 36.5, lat: 33.5, uncertaintyM: 500_000 })).toBe('possible@v1');
  });
});

describe('time: half-open validity windows', () => {
  it('an instant at valid_from is inside; at valid_until it is outside', () => {
    expect(one({ at: '2018-02-16T00:00:00Z' })).toBe('certain@v1');
    expect(one({ at: '2018-02-15T23:59:59.999Z' })).toBe('none');
    expect(one({ at: '2018-02-17T23:59:59.999Z' })).toBe('certain@v1');
    expect(one({ at: '2018-02-18T00:00:00Z' })).toBe('none');
  });
  it('an interval wholly inside is certain; one that straddles an end is possible', () => {
    expect(one({ span: ['2018-02-16T00:00:00Z', '2018-02-18T00:00:00Z'] })).toBe('certain@v1');
    expect(one({ span: ['2018-02-17T00:00:00Z', '2018-02-19T00:00:00Z'] })).toBe('possible@v1');
    expect(one({ span: ['2018-02-15T00:00:00Z', '2018-02-16T00:00:01Z'] })).toBe('possible@v1');
  });
  it('an interval that ends at valid_from or starts at valid_until does not overlap', () => {
    expect(one({ span: ['2018-02-15T00:00:00Z', '2018-02-16T00:00:00Z'] })).toBe('none');
    expect(one({ span: ['2018-02-18T00:00:00Z', '2018-02-19T00:00:00Z'] })).toBe('none');
  });
  it('an open-ended version covers any later instant', () => {
    const open = version('v1', '2018-02-19T00:00:00Z', null, [
      { key: 'area', kind: 'safe_zone', geometry: SQUARE_WITH_HOLE },
    ]);
    expect(one({ at: '2030-01-01T00:00:00Z' }, [open])).toBe('certain@v1');
    expect(one({ at: '2018-02-18T23:59:59Z' }, [open])).toBe('none');
  });
  it('space and time certainty combine: inside in space, straddling in time → possible', () => {
    expect(
      one({ uncertaintyM: 1000, span: ['2018-02-17T00:00:00Z', '2018-02-19T00:00:00Z'] }),
    ).toBe('possible@v1');
  });
});

describe('versions: each judged over its effective window only (the version in force)', () => {
  // The 48-hour extension: v2 starts where v1 ends, same zone.
  const EXT = version('v2', '2018-02-18T00:00:00Z', '2018-02-20T00:00:00Z', [
    { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
  ]);
  it('an amendment that overlaps v1 takes over at its valid_from', () => {
    expect(one({ at: '2018-02-17T10:00:00Z' }, [V1, V2])).toBe('certain@v2');
    expect(one({ at: '2018-02-19T10:00:00Z' }, [V1, V2])).toBe('certain@v2');
    expect(one({ at: '2018-02-20T00:00:00Z' }, [V1, V2])).toBe('none');
  });
  it('the 48-hour extension (no overlap) behaves as two windows end to end', () => {
    expect(one({ at: '2018-02-17T23:59:59Z' }, [V1, EXT])).toBe('certain@v1');
    expect(one({ at: '2018-02-18T00:00:00Z' }, [V1, EXT])).toBe('certain@v2');
    expect(one({ at: '2018-02-20T00:00:00Z' }, [V1, EXT])).toBe('none');
  });
  it('a zone that v2 removes stops being protected at v2’s valid_from', () => {
    const other: Polygon = { type: 'Polygon', coordinates: [box(38, 33, 39, 34)] };
    const drops = version('v2', '2018-02-17T00:00:00Z', '2018-02-20T00:00:00Z', [
      { key: 'elsewhere', kind: 'ceasefire_area', geometry: other },
    ]);
    expect(one({ at: '2018-02-16T12:00:00Z' }, [V1, drops])).toBe('certain@v1');
    expect(one({ at: '2018-02-17T00:00:00Z' }, [V1, drops])).toBe('none');
    expect(one({ at: '2018-02-17T12:00:00Z' }, [V1, drops])).toBe('none'); // v1's window still runs
    // An interval from v1's time into v2's touches v1's zone only in part of its time.
    expect(one({ span: ['2018-02-16T12:00:00Z', '2018-02-17T12:00:00Z'] }, [V1, drops])).toBe(
      'possible@v1',
    );
  });
  it('a zone that v2 redraws is judged on v2’s geometry inside v2’s window', () => {
    // v2 shrinks the area to its western half (lon 36–36.3): 36.5, 33.8 is out from v2 on.
    const redrawn = version('v2', '2018-02-17T00:00:00Z', '2018-02-20T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: { type: 'Polygon', coordinates: [box(36, 33, 36.3, 34)] } },
    ]); // prettier-ignore
    expect(one({ lon: 36.5, lat: 33.8, at: '2018-02-16T12:00:00Z' }, [V1, redrawn])).toBe(
      'certain@v1',
    );
    expect(one({ lon: 36.5, lat: 33.8, at: '2018-02-17T12:00:00Z' }, [V1, redrawn])).toBe('none');
    expect(one({ lon: 36.2, lat: 33.8, at: '2018-02-17T12:00:00Z' }, [V1, redrawn])).toBe(
      'certain@v2',
    );
  });
  it('an interval across the change is certain only if inside the zone in force at every instant', () => {
    const span: [string, string] = ['2018-02-17T12:00:00Z', '2018-02-18T12:00:00Z'];
    // Same zone in both versions: wholly inside throughout, so certain (v1 is in force first).
    expect(one({ span }, [V1, EXT])).toBe('certain@v1');
    // Inside v1's zone, outside v2's redrawn one: possible.
    const redrawn = version('v2', '2018-02-18T00:00:00Z', '2018-02-20T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: { type: 'Polygon', coordinates: [box(36, 33, 36.3, 34)] } },
    ]); // prettier-ignore
    expect(one({ lon: 36.5, lat: 33.8, span }, [V1, redrawn])).toBe('possible@v1');
    // Running past the last version's end: possible.
    expect(one({ span: ['2018-02-19T12:00:00Z', '2018-02-20T12:00:00Z'] }, [V1, EXT])).toBe(
      'possible@v2',
    );
    // A gap between two versions: possible, though inside both zones.
    const later = version('v2', '2018-02-18T06:00:00Z', '2018-02-20T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
    ]);
    expect(one({ span }, [V1, later])).toBe('possible@v1');
  });
  it('a carve-out of v1 does not apply while v2 is in force', () => {
    const plain = version('v2', '2018-02-17T00:00:00Z', '2018-02-20T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
    ]);
    expect(one({ lon: 36.8, lat: 33.8, at: '2018-02-16T12:00:00Z' }, [V1, plain])).toBe('none');
    expect(one({ lon: 36.8, lat: 33.8, at: '2018-02-17T12:00:00Z' }, [V1, plain])).toBe(
      'certain@v2',
    );
    // Carved out for part of its time, inside for the rest: possible.
    expect(
      one({ lon: 36.8, lat: 33.8, span: ['2018-02-16T12:00:00Z', '2018-02-17T12:00:00Z'] }, [V1, plain]),
    ).toBe('possible@v2'); // prettier-ignore
  });
  it('a version superseded before it started is never in force', () => {
    const early = version('v1', '2018-02-17T00:00:00Z', '2018-02-18T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
    ]);
    const wider = version('v2', '2018-02-16T00:00:00Z', '2018-02-19T00:00:00Z', [
      { key: 'area', kind: 'no_fly_zone', geometry: SQUARE_WITH_HOLE },
    ]);
    // Shelling is prohibited by v1's ceasefire area only; v2 (a no-fly zone) is in force.
    expect(one({ at: '2018-02-17T12:00:00Z' }, [early, wider])).toBe('none');
  });
  it('two agreements over the same place give two violations', () => {
    const other = version(
      'v1',
      '2018-02-01T00:00:00Z',
      null,
      [{ key: 'sz', kind: 'safe_zone', geometry: SQUARE_WITH_HOLE }],
      'other',
    );
    const r = run([V1, other], [incident({})]);
    expect(r.map((x) => `${x.agreement}/${x.zone}`)).toEqual(['coh/area', 'other/sz']);
  });
});

describe('excluded areas carve their area out of their own version', () => {
  it('an incident wholly inside the excluded area is not a violation', () => {
    expect(one({ lon: 36.8, lat: 33.8 })).toBe('none');
    expect(one({ lon: 36.8, lat: 33.8, uncertaintyM: 2_000 })).toBe('none');
    expect(one({ lon: 36.7, lat: 33.8 })).toBe('none'); // on its edge: inside the closed excluded area
  });
  it('a disk that touches the excluded area is at most possible', () => {
    // 36.65 is ≈ 4.6 km west of the excluded area's edge at 36.7.
    expect(one({ lon: 36.65, lat: 33.8, uncertaintyM: 4_000 })).toBe('certain@v1');
    expect(one({ lon: 36.65, lat: 33.8, uncertaintyM: 5_000 })).toBe('possible@v1');
  });
  it('the carve-out applies only to its own version', () => {
    const plain = version('v3', '2018-02-16T00:00:00Z', '2018-02-18T00:00:00Z', [
      { key: 'area', kind: 'ceasefire_area', geometry: SQUARE_WITH_HOLE },
    ]);
    expect(one({ lon: 36.8, lat: 33.8 }, [V1, plain])).toBe('certain@v3');
  });
});

describe('zone kinds prohibit different event types', () => {
  const kindVersion = (kind: ZoneKind) =>
    version('v1', '2018-02-16T00:00:00Z', '2018-02-18T00:00:00Z', [
      { key: 'z', kind, geometry: SQUARE_WITH_HOLE },
    ]);
  const cases: [EventType, string | null][] = [
    ['Explosions/Remote violence', 'Air/drone strike'],
    ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    ['Battles', 'Armed clash'],
    ['Violence against civilians', 'Attack'],
    ['Protests', 'Peaceful protest'],
    ['Riots', 'Mob violence'],
    ['Strategic developments', 'Looting/property destruction'],
  ];
  const verdicts = (kind: ZoneKind) =>
    cases.map(
      ([eventType, subEventType]) =>
        one({ eventType, subEventType }, [kindVersion(kind)]) !== 'none',
    );
  it('ceasefire areas, safe zones and corridors prohibit battles, explosions and violence against civilians', () => {
    for (const kind of ['ceasefire_area', 'safe_zone', 'corridor'] as const)
      expect(verdicts(kind)).toEqual([true, true, true, true, false, false, false]);
  });
  it('a no-fly zone prohibits air/drone strikes only — not shelling', () => {
    expect(verdicts('no_fly_zone')).toEqual([true, false, false, false, false, false, false]);
  });
  it('an excluded area on its own prohibits nothing', () => {
    expect(verdicts('excluded_area')).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('bulk matching', () => {
  it('matching many incidents at once (spatially sorted) gives the same result as one by one', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const incidents = Array.from({ length: 6000 }, () =>
      incident({
        lon: 35.8 + rand() * 1.4,
        lat: 32.8 + rand() * 1.4,
        uncertaintyM: [0, 2000, 10000][Math.floor(rand() * 3)]!,
        occurredFrom: T('2018-02-15T00:00:00Z') + rand() * 6 * DAY,
      }),
    );
    const bulk = run([V1, V2], incidents);
    const single = incidents.flatMap((inc, i) => run([V1, V2], [inc]).map((x) => ({ ...x, i })));
    expect(bulk.length).toBeGreaterThan(1000);
    expect(bulk).toEqual(single);
  });
});
