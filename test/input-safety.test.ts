// Issue 20, points 3 and 4: every JSON body and query passes one rule before its schema —
// well-formed Unicode in every string and key, and nesting no deeper than MAX_JSON_DEPTH.
import type { FastifyInstance } from 'fastify';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../src/domain/input-safety.ts';
import { reviewViolation } from '../src/app/reviews.ts';
import type { Actor, Role } from '../src/domain/roles.ts';
import { buildRegistry } from '../src/server/build-server.ts';
import type { AnyRouteSpec } from '../src/server/route-registry.ts';
import { agreementDoc, versionV1 } from './fixtures.ts';
import { runCli, tempContext, testServer } from './helpers.ts';
import { setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let routes: AnyRouteSpec[];
let headers: Record<Caller, { authorization: string }>;
let violation: string;
let notice: string;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  await app.ready();
  const s = await setupScenario(env.ctx);
  headers = s.headers;
  violation = s.violationId;
  // A notice to GOV, for the one route only a liaison may call (answering a notice).
  const analyst: Actor = { id: 'x', name: 'analyst', role: 'analyst', partyId: null };
  await reviewViolation(env.ctx, analyst, violation, { to: 'under_review', note: 'look' });
  const { notices } = await reviewViolation(env.ctx, analyst, violation, {
    to: 'confirmed',
    note: 'seen by two monitors',
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
  notice = notices.find((n) => n.partyId === 'GOV')!.id;
  routes = buildRegistry(env.ctx, new AbortController().signal).routes;
});

afterAll(async () => {
  await app.close();
  await env.close();
});

const PREFERENCE: Role[] = ['admin', 'mediator', 'analyst', 'monitor', 'public', 'liaison'];

/** A caller the route lets through (a liaison acts for GOV), or none for anonymous routes. */
function callerFor(spec: AnyRouteSpec): Record<string, string> {
  if (spec.access.roles === 'anonymous') return {};
  const roles = spec.access.roles;
  const role = PREFERENCE.find((r) => roles.includes(r))!;
  return headers[role === 'liaison' ? 'liaison-gov' : role];
}

function urlOf(spec: AnyRouteSpec): string {
  return spec.url
    .replace('/violations/:id', `/violations/${encodeURIComponent(violation)}`)
    .replace('/parties/:id', '/parties/GOV')
    .replace('/notices/:id', `/notices/${notice}`)
    .replace('/agreements/:id', '/agreements/test-coh')
    .replace(/:[a-z]+/g, '00000000-0000-7000-8000-000000000000');
}

// Written as JSON text: a `\ud800` escape is how a lone surrogate arrives over the wire.
const LONE = '{"notes":"x\\ud800y","party_id":"GOV"}';

describe('a lone UTF-16 surrogate', () => {
  it('is a 400 naming the field on every write route that takes a JSON body', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && r.body);
    expect(writes.length).toBeGreaterThan(20);
    for (const spec of writes) {
      const r = await app.inject({
        method: spec.method,
        url: urlOf(spec),
        headers: { ...callerFor(spec), 'content-type': 'application/json' },
        payload: LONE,
      });
      const label = `${spec.method} ${spec.url} → ${r.statusCode} ${r.body.slice(0, 200)}`;
      expect(r.statusCode, label).toBe(400);
      const { error } = JSON.parse(r.body) as { error: { code: string; field: string } };
      expect(error.code, label).toBe('validation_failed');
      expect(error.field, label).toBe('notes');
    }
  });

  it('in an object key is named by the object holding it', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { ...headers.monitor, 'content-type': 'application/json' },
      payload: '{"reports":[{"x\\udc00":1}]}',
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(JSON.parse(r.body).error).toMatchObject({
      code: 'validation_failed',
      field: 'reports[0]',
    });
  });

  it('cannot arrive in a query string (invalid UTF-8 percent-escapes are not a 500)', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/incidents?from=x%ED%A0%80y&event_type=%ED%A0%80',
      headers: headers.analyst,
    });
    expect(r.statusCode, r.body).toBe(400);
  });

  it('in a GeoJSON import feature rejects that row, naming the property', async () => {
    const fc =
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"G1","geometry":{"type":"Point","coordinates":[36.5,33.5]},"properties":{"event_date":"2018-02-18","notes":"x\\ud800y"}}]}';
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents/import',
      headers: { ...headers.monitor, 'content-type': 'application/geo+json' },
      payload: fc,
    });
    expect(r.statusCode, r.body).toBeLessThan(500);
    expect(r.body).toContain('features[0].properties.notes');
  });
});

const deep = (n: number) => `{"notes":${'['.repeat(n)}${']'.repeat(n)}}`;

describe('deeply nested JSON', () => {
  it(`is a 400 naming the limit (${MAX_JSON_DEPTH}) on any JSON route, before parsing`, async () => {
    for (const [url, role] of [
      ['/api/v1/incidents', 'monitor'],
      ['/api/v1/agreements/import', 'admin'],
      ['/api/v1/auth/login', null],
      ['/api/v1/violations/' + 'x/review', 'analyst'],
    ] as const) {
      const r = await app.inject({
        method: 'POST',
        url,
        headers: { ...(role ? headers[role] : {}), 'content-type': 'application/json' },
        payload: deep(20_000),
      });
      expect(r.statusCode, `${url} ${r.body.slice(0, 200)}`).toBe(400);
      expect(JSON.parse(r.body).error.code).toBe('validation_failed');
      expect(JSON.parse(r.body).error.message).toContain(String(MAX_JSON_DEPTH));
    }
  });

  it('in a GeoJSON import feature rejects that row', async () => {
    const props = `{"event_date":"2018-02-18","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const fc = `{"type":"FeatureCollection","features":[{"type":"Feature","id":"G2","geometry":{"type":"Point","coordinates":[36.5,33.5]},"properties":${props}}]}`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents/import',
      headers: { ...headers.monitor, 'content-type': 'application/geo+json' },
      payload: fc,
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
    expect(r.body).toContain(`limit is ${MAX_JSON_DEPTH}`);
  });

  it('lets a real agreement document through: MultiPolygon zones in a FeatureCollection', async () => {
    const v = structuredClone(versionV1) as {
      label: string;
      zones: { features: { geometry: { type: string; coordinates: unknown } }[] };
    };
    v.label = 'v-multi';
    for (const f of v.zones.features)
      f.geometry = { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] };
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements/import',
      headers: headers.admin,
      payload: { ...agreementDoc([v]), id: 'multi-coh' },
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(300);
  });

  it('in a file given to `truceline agreements import` is refused naming the limit', () => {
    const path = join(env.dir, 'deep.json');
    writeFileSync(path, deep(20_000));
    const r = runCli(['agreements', 'import', path, '--db', env.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`limit is ${MAX_JSON_DEPTH}`);
  });
});
