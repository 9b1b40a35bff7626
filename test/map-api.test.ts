// The map endpoints (base map, clustered incidents) and the serving of the built web app, end to
// end through fastify's request injection against a real SQLite file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../src/app/incidents.ts';
import { reviewViolation } from '../src/app/reviews.ts';
import { putSource } from '../src/app/sources.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/domain/roles.ts';
import { incidentInputSchema, sourceSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { violationIdOf } from '../src/domain/violation-id.ts';
import { tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;
let violationId: string;

const SYRIA = '35,32,43,38';
const near = (lon: number, lat: number, d = 0.001) => `${lon - d},${lat - d},${lon + d},${lat + d}`;

const incident = (over: Record<string, unknown>) =>
  createIncident(env.ctx, SYSTEM_ACTOR, parseInput(incidentInputSchema, airStrike(over)));

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx, { webRoot: join(env.dir, 'no-web-app') });
  await app.ready();
  await putSource(
    env.ctx,
    SYSTEM_ACTOR,
    parseInput(sourceSchema, {
      name: 'Syrian Observatory for Human Rights',
      aliases: ['SOHR'],
      kind: 'monitoring_ngo',
      reliability: 'B',
    }),
  );
  // AIR-1 (36.5, 33.5) lies inside the test-coh area while v1 is in force: a certain violation.
  ({ headers, violationId } = await setupScenario(env.ctx));
  await incident({ external_id: 'AIR-2', lon: 36.6, lat: 33.6, fatalities: 2, source: 'SOHR' });
  await incident({ external_id: 'OUT-1', lon: 38.5, lat: 35.5, fatalities: 1, source: 'SANA' });
});

afterAll(async () => {
  await app.close();
  await env.close();
});

type Props = Record<string, unknown>;
interface MapReply {
  type: string;
  total: number;
  features: { geometry: { coordinates: number[] }; properties: Props }[];
}

async function map(query: string, caller: Caller | 'anonymous' = 'analyst') {
  const r = await app.inject({
    method: 'GET',
    url: `/api/v1/map/incidents?${query}`,
    headers: caller === 'anonymous' ? {} : headers[caller],
  });
  return { status: r.statusCode, body: JSON.parse(r.body) as MapReply & { error?: Props } };
}

const pointOf = async (
  externalId: string,
  lon: number,
  lat: number,
  caller: Caller = 'analyst',
) => {
  const { body } = await map(`bbox=${near(lon, lat)}&zoom=16`, caller);
  return body.features.find((f) => f.properties.external_id === externalId)?.properties;
};

describe('GET /api/v1/map/basemap', () => {
  it('is served without sign-in: the countries and Syria’s 14 governorates', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/map/basemap' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=86400');
    const body = JSON.parse(r.body) as {
      countries: { type: string; features: { properties: { name: string } }[] };
      syria_admin1: { features: { properties: { name_en: string; pcode: string } }[] };
      attribution: string;
    };
    expect(body.countries.type).toBe('FeatureCollection');
    expect(body.countries.features.length).toBeGreaterThan(150);
    expect(body.countries.features.map((f) => f.properties.name)).toContain('Syria');
    expect(body.syria_admin1.features).toHaveLength(14);
    expect(body.syria_admin1.features.map((f) => f.properties.pcode).sort()[0]).toBe('SY01');
    expect(body.syria_admin1.features.map((f) => f.properties.name_en)).toContain('Aleppo');
    expect(body.attribution).toMatch(/OCHA/);
    expect(body.attribution).toMatch(/Natural Earth/);
  });
});

describe('GET /api/v1/map/incidents', () => {
  it('needs a sign-in', async () => {
    const r = await map(`bbox=${SYRIA}&zoom=3`, 'anonymous');
    expect(r.status).toBe(401);
    expect(r.body.error?.code).toBe('unauthenticated');
  });

  it('clusters at zoom 3 over Syria, with the fatalities summed and the worst violation', async () => {
    const { status, body } = await map(`bbox=${SYRIA}&zoom=3`);
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.total).toBe(3);
    const cluster = body.features.find((f) => f.properties.cluster === true)!;
    expect(Object.keys(cluster.properties).sort()).toEqual(
      ['cluster', 'cluster_id', 'fatalities', 'point_count', 'violation'].sort(),
    );
    expect(cluster.properties.violation).toBe('certain');
    const counted = body.features.reduce(
      (n, f) => n + ((f.properties.point_count as number | undefined) ?? 1),
      0,
    );
    expect(counted).toBe(3);
    expect(body.features.length).toBeLessThan(3);
  });

  it('shows single incidents at zoom 16, certain inside a zone in force and none outside', async () => {
    const { body } = await map(`bbox=${near(36.5, 33.5)}&zoom=16`);
    expect(body.features).toHaveLength(1);
    const [air] = body.features;
    expect(air!.geometry.coordinates).toEqual([36.5, 33.5]);
    expect(air!.properties).toMatchObject({
      external_id: 'AIR-1',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      occurred_from: '2018-02-17T09:00:00.000Z',
      occurred_until: '2018-02-17T09:00:00.000Z',
      fatalities: 3,
      uncertainty_m: 0,
      violation: 'certain',
      review_status: 'flagged',
    });
    expect(air!.properties.id).toEqual(expect.any(String));
    expect(await pointOf('OUT-1', 38.5, 35.5)).toMatchObject({
      violation: 'none',
      review_status: null,
    });
  });

  it('outside the cell counts only confirmed violations', async () => {
    expect((await pointOf('AIR-2', 36.6, 33.6, 'public'))?.violation).toBe('none');
    expect((await pointOf('AIR-2', 36.6, 33.6, 'liaison'))?.violation).toBe('none');
    expect((await pointOf('AIR-2', 36.6, 33.6, 'monitor'))?.violation).toBe('certain');
    const analyst: Actor = { id: 'a', name: 'analyst', role: 'analyst', partyId: null };
    await reviewViolation(env.ctx, analyst, violationId, { to: 'under_review', note: 'look' });
    await reviewViolation(env.ctx, analyst, violationId, {
      to: 'confirmed',
      note: 'two monitors saw it',
      intent: 'deliberate',
      attributions: [
        {
          partyId: 'GOV',
          kind: 'assessed',
          evidence: [{ kind: 'incident', ref: 'AIR-1' }],
          note: null,
        },
      ],
    });
    // The review moved the feed head: the cached index is rebuilt.
    expect(await pointOf('AIR-1', 36.5, 33.5, 'public')).toMatchObject({
      violation: 'certain',
      review_status: 'confirmed',
    });
    expect((await pointOf('AIR-2', 36.6, 33.6, 'public'))?.violation).toBe('none');
  });

  it('filters by window, event type, agreement, certainty and source grade', async () => {
    const total = async (q: string) => (await map(`bbox=${SYRIA}&zoom=3&${q}`)).body.total;
    expect(await total('from=2018-02-18T00:00:00Z&until=2018-02-19T00:00:00Z')).toBe(0);
    expect(await total('from=2018-02-17T00:00:00Z&until=2018-02-18T00:00:00Z')).toBe(3);
    expect(await total('event_type=Battles')).toBe(0);
    expect(await total('certainty=certain')).toBe(2);
    expect(await total('certainty=possible')).toBe(0);
    expect(await total('min_reliability=B')).toBe(1); // AIR-2 (SOHR, B); OUT-1's SANA is F
    expect(await total('min_reliability=F')).toBe(2); // AIR-1 has no report
    const other = await map(`bbox=${near(36.5, 33.5)}&zoom=16&agreement=other`);
    expect(other.body.features[0]?.properties.violation).toBe('none');
  });

  it('does not colour an incident by a dismissed violation, but says it was dismissed', async () => {
    const air2 = (await env.ctx.store.getIncident('AIR-2'))!;
    const [v] = (await env.ctx.store.listViolations({ incidentId: air2.id })).items;
    const analyst: Actor = { id: 'a', name: 'analyst', role: 'analyst', partyId: null };
    await reviewViolation(env.ctx, analyst, violationIdOf(v!), {
      to: 'dismissed',
      note: 'the strike hit outside the area; the coordinates were wrong',
    });
    expect(await pointOf('AIR-2', 36.6, 33.6)).toMatchObject({
      violation: 'none',
      review_status: 'dismissed',
    });
    expect(await pointOf('AIR-2', 36.6, 33.6, 'public')).toMatchObject({
      violation: 'none',
      review_status: null,
    });
  });

  it('refuses a bad bbox, zoom or window, naming the field', async () => {
    for (const [query, field] of [
      ['zoom=3', 'bbox'],
      ['bbox=1,2,3&zoom=3', 'bbox'],
      ['bbox=40,32,35,38&zoom=3', 'bbox'],
      [`bbox=${SYRIA}`, 'zoom'],
      [`bbox=${SYRIA}&zoom=23`, 'zoom'],
      [`bbox=${SYRIA}&zoom=2.5`, 'zoom'],
      [`bbox=${SYRIA}&zoom=-1`, 'zoom'],
      [`bbox=${SYRIA}&zoom=3&from=2018-02-18T00:00:00Z&until=2018-02-17T00:00:00Z`, 'until'],
      [`bbox=${SYRIA}&zoom=3&min_reliability=G`, 'min_reliability'],
    ]) {
      const r = await map(query!);
      expect(r.status, query).toBe(400);
      expect(r.body.error, query).toMatchObject({ code: 'validation_failed', field });
    }
  });

  it('sees a new incident at once (the cache follows the feed head)', async () => {
    const before = (await map(`bbox=${SYRIA}&zoom=3`)).body.total;
    expect((await map(`bbox=${SYRIA}&zoom=3`)).body.total).toBe(before);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: headers.analyst,
      payload: airStrike({ external_id: 'NEW-1', lon: 37, lat: 35 }),
    });
    expect(r.statusCode).toBe(201);
    expect((await map(`bbox=${SYRIA}&zoom=3`)).body.total).toBe(before + 1);
  });
});

describe('the web app', () => {
  it('serves index.html at / and for app paths, assets immutable, the API’s 404 as JSON', async () => {
    const root = join(env.dir, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Truceline app</title>');
    writeFileSync(join(root, 'assets', 'main-3f2a1b.js'), 'console.log("app")');
    const web = testServer(env.ctx, { webRoot: root });
    await web.ready();
    try {
      for (const url of ['/', '/desk', '/agreements/test-coh?tab=zones']) {
        const r = await web.inject({ method: 'GET', url });
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['content-type'], url).toContain('text/html');
        expect(r.headers['cache-control'], url).toBe('no-cache');
        expect(r.body, url).toContain('Truceline app');
      }
      const asset = await web.inject({ method: 'GET', url: '/assets/main-3f2a1b.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const url of ['/api/v1/nope', '/assets/missing-000000.js']) {
        const r = await web.inject({ method: 'GET', url });
        expect(r.statusCode, url).toBe(404);
        expect(JSON.parse(r.body).error.code, url).toBe('not_found');
      }
      expect(JSON.parse((await web.inject({ method: 'GET', url: '/api/health' })).body)).toEqual({
        status: 'ok',
      });
    } finally {
      await web.close();
    }
  });

  it('keeps the status page at / while the app is not built', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('The web app is not built: run <code>npm run build:web</code>');
    expect((await app.inject({ method: 'GET', url: '/desk' })).statusCode).toBe(404);
  });
});
