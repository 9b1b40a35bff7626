// The zone editor's model against the real server: zones loaded from a version as the API serves
// them go back out in a proposal with their keys and properties, so the server's diff calls an
// untouched zone unchanged and an edited one changed (never removed and re-added); and the pure
// pieces — where a problem is placed, the next label, new keys, snapping.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { agreementDocumentSchema } from '../src/domain/schemas.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { parseInput } from '../src/domain/validate.ts';
import type { ProposalDetail, VersionWithZones } from '../web/src/types.ts';
import type { BoundaryCollection } from '../web/src/editor/editorTypes.ts';
import { issuePosition } from '../web/src/editor/issues.ts';
import { SnapIndex } from '../web/src/editor/snap.ts';
import {
  nextLabel,
  newZoneKey,
  toProposalZones,
  zonesFromVersion,
} from '../web/src/editor/zones.ts';
import { signedIn, tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let mediator: { authorization: string };

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  await app.ready();
  const file = new URL('../data/demo/agreements/aleppo-safe-zones.json', import.meta.url);
  const doc = parseInput(agreementDocumentSchema, JSON.parse(await readFile(file, 'utf8')));
  await importAgreementDocument(env.ctx, doc, SYSTEM_ACTOR);
  mediator = await signedIn(env.ctx, 'mediator');
});

afterAll(async () => {
  await app.close();
  await env.close();
});

describe('zones loaded from a version and put out again', () => {
  it('keep their keys: untouched ones are unchanged, edited ones changed, new ones added', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/agreements/aleppo-safe-zones/versions',
      headers: mediator,
    });
    const version = (JSON.parse(r.body) as { items: VersionWithZones[] }).items[0]!;
    const zones = zonesFromVersion(version.zones.features);
    expect(zones.map((z) => z.key).sort()).toEqual([
      'corridor-al-bab-road',
      'nfz-east-aleppo',
      'sz-bustan-al-qaser',
      'sz-hanano',
      'sz-karm-al-jazmati',
      'sz-shaar',
    ]);
    // The served extras (agreement, version, area) are not the zone's own properties.
    const shaar = zones.find((z) => z.key === 'sz-shaar')!;
    expect(Object.keys(shaar.extras).sort()).toEqual(['pcodes', 'source']);
    const edited = zones.map((z) => (z.key === 'sz-shaar' ? { ...z, name: "Sha'aar" } : z));
    const hanano = zones.find((z) => z.key === 'sz-hanano')!;
    const added = { ...hanano, key: newZoneKey('Hanano east', new Set()), name: 'Hanano east' };
    const put = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements/aleppo-safe-zones/proposals',
      headers: mediator,
      payload: {
        label: nextLabel([version.label]),
        valid_from: '2018-03-01T00:00:00Z',
        valid_until: null,
        required_signatories: ['SYR-GOV', 'RUS'],
        supersedes: null,
        zones: { type: 'FeatureCollection', features: toProposalZones([...edited, added]) },
      },
    });
    expect(put.statusCode, put.body).toBe(201);
    const p = JSON.parse(put.body) as ProposalDetail;
    expect(p.label).toBe('v2');
    expect(p.diff.zones.added.map((z) => z.key)).toEqual([added.key]);
    expect(p.diff.zones.removed).toEqual([]);
    expect(p.diff.zones.changed.map((z) => [z.key, z.changes])).toEqual([['sz-shaar', ['name']]]);
    expect(p.diff.zones.unchanged.sort()).toEqual(
      zones
        .map((z) => z.key)
        .filter((k) => k !== 'sz-shaar')
        .sort(),
    );
  });
});

describe('issuePosition', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [37, 36],
        [37.2, 36],
        [37.2, 36.2],
        [37, 36.2],
        [37, 36],
      ],
    ],
  };
  it('takes the crossing point a message names', () => {
    const at = issuePosition(square, {
      path: 'coordinates[0][0]',
      message:
        'ring 0 (outer): edge 0→1 crosses edge 2→3 at 37.158118, 36.216732 (the ring intersects itself)',
    });
    expect(at).toEqual([37.158118, 36.216732]);
  });
  it('else the vertex a path points to, in a MultiPolygon too', () => {
    expect(issuePosition(square, { path: 'coordinates[0][2]', message: 'x' })).toEqual([
      37.2, 36.2,
    ]);
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [square.coordinates, square.coordinates],
    };
    expect(issuePosition(multi, { path: 'coordinates[1][0][3]', message: 'x' })).toEqual([
      37, 36.2,
    ]);
    expect(issuePosition(multi, { path: 'coordinates[1]', message: 'x' })).toEqual([37, 36]);
  });
  it('else the middle of the zone; nothing for a problem with no place', () => {
    const at = issuePosition(square, { path: 'coordinates', message: 'the area is too small' });
    expect(at![0]).toBeCloseTo(37.1, 9);
    expect(at![1]).toBeCloseTo(36.1, 9);
    expect(issuePosition(square, { path: 'type', message: 'not a polygon' })).toBeNull();
  });
});

describe('labels and keys', () => {
  it('gives the next free vN label', () => {
    expect(nextLabel([])).toBe('v1');
    expect(nextLabel(['v1', 'v2', 'v3'])).toBe('v4');
    expect(nextLabel(['initial', 'V7'])).toBe('v8');
  });
  it('makes new keys from the name that the server accepts and that do not repeat', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const key = newZoneKey("Ash-Sheikh Maqsoud (north) — Sha'aar", taken);
      expect(key).toMatch(/^ash-sheikh-maqsoud-north-sha-aar-[a-z0-9]{4}$/);
      expect(taken.has(key)).toBe(false);
      taken.add(key);
    }
    expect(newZoneKey('حلب', new Set())).toMatch(/^zone-[a-z0-9]{4}$/);
  });
});

describe('SnapIndex', () => {
  const layer: BoundaryCollection = {
    type: 'FeatureCollection',
    layer: 'aleppo_neighbourhoods',
    attribution: '',
    features: [
      {
        type: 'Feature',
        properties: { name_en: 'A', pcode: 'N1' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    ],
  };
  // 100 px to a degree, y down.
  const project = (lng: number, lat: number) => ({ x: lng * 100, y: -lat * 100 });
  const unproject = (x: number, y: number) => ({ lng: x / 100, lat: -y / 100 });
  const index = new SnapIndex(layer);

  it('snaps to a vertex within reach, before a line', () => {
    expect(index.snap(104, -3, project, unproject)).toEqual([1, 0]);
  });
  it('else to the nearest point of a line', () => {
    expect(index.snap(50, -4, project, unproject)).toEqual([0.5, 0]);
  });
  it('and not at all beyond reach', () => {
    expect(index.snap(50, -50, project, unproject)).toBeUndefined();
  });
});
