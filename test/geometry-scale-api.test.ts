// Issue 20 through the HTTP API: a MultiPolygon of 24,000 small separate squares (2.1 MB) no longer
// holds the server — POST /api/v1/zones/validate answers at once with the parts cap, one at the cap
// validates, and the same cap refuses an agreement import naming the geometry's field. Speed is
// measured by bench/validate-geometry.bench.ts, never timed here.
import { squaresMultiPolygon as squares } from '../src/geo/test/scale-shapes.ts';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementDoc, versionV1 } from './fixtures.ts';
import { signedIn, tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let mediator: { authorization: string };

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx, { webRoot: join(env.dir, 'no-web-app') });
  await app.ready();
  mediator = await signedIn(env.ctx, 'mediator');
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const post = (url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload, headers: mediator });

describe('POST /api/v1/zones/validate with many parts', () => {
  it('answers the 24,000-square MultiPolygon with the parts cap', async () => {
    const body = squares(24_000);
    expect(JSON.stringify({ geometry: body }).length).toBeGreaterThan(2_000_000);
    const r = await post('/api/v1/zones/validate', { geometry: body });
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      valid: false,
      issues: [
        {
          path: 'coordinates',
          message: 'the zone has 24000 polygons; the limit is 10000 — merge or simplify them',
        },
      ],
      area_km2: null,
    });
  });

  it('validates a MultiPolygon of 10,000 separate squares (the cap)', async () => {
    const r = await post('/api/v1/zones/validate', { geometry: squares(10_000) });
    expect(r.statusCode).toBe(200);
    const body = JSON.parse(r.body) as { valid: boolean; issues: unknown[]; area_km2: number };
    expect(body.valid).toBe(true);
    expect(body.issues).toEqual([]);
    expect(body.area_km2).toBeGreaterThan(1_000);
  });

  it('refuses an agreement whose zone has 24,000 parts, naming the field', async () => {
    const doc = agreementDoc([
      {
        ...versionV1,
        zones: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'many',
              properties: { name: 'Many', kind: 'safe_zone' },
              geometry: squares(24_000),
            },
          ],
        },
      },
    ]);
    const r = await post('/api/v1/agreements/import', doc);
    expect(r.statusCode).toBe(400);
    const err = (JSON.parse(r.body) as { error: { code: string; field: string; message: string } })
      .error;
    expect(err.code).toBe('invalid_geometry');
    expect(err.field).toBe('versions[0].zones.features[0].geometry.coordinates');
    expect(err.message).toMatch(/24000 polygons; the limit is 10000/);
    expect(await env.ctx.store.listAgreements()).toEqual([]);
  });
});
