// The HTTP API end to end, through fastify's request injection, against a real SQLite file.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/domain/errors.ts';
import {
  ACLED_HEADER,
  acledRow,
  agreementDoc,
  PARTIES,
  square,
  versionV1,
  versionV2,
} from './fixtures.ts';
import { signedIn, tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let as: Record<'mediator' | 'analyst', { authorization: string }>;

beforeAll(async () => {
  env = await tempContext();
  // No built web app here, whatever dist/web holds: `/` is the status page (test/map-api.test.ts
  // serves a fake build).
  app = testServer(env.ctx, { webRoot: join(env.dir, 'no-web-app') });
  await app.ready();
  as = {
    mediator: await signedIn(env.ctx, 'mediator'),
    analyst: await signedIn(env.ctx, 'analyst'),
  };
});

/** Requests as the role whose work it is: incidents by an analyst, agreements by a mediator. */
const inject = (opts: {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
}) => {
  const writesAgreements = opts.method !== 'GET' && !opts.url.startsWith('/api/v1/incidents');
  return app.inject({
    ...opts,
    headers: { ...(writesAgreements ? as.mediator : as.analyst), ...opts.headers },
  });
};
afterAll(async () => {
  await app.close();
  await env.close();
});

const get = (url: string) => inject({ method: 'GET', url });
const post = (url: string, payload: unknown) =>
  inject({ method: 'POST', url, payload: payload as object });
const json = <T = Record<string, unknown>>(r: { body: string }) => JSON.parse(r.body) as T;
type ErrorReply = { error: { code: string; message: string; field?: string } };

const shelling = (over: Record<string, unknown> = {}) => ({
  external_id: 'INC-1',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Shelling/artillery/missile attack',
  occurred_at: '2018-02-17T09:00:00Z',
  lon: 36.3,
  lat: 33.5,
  source: 'SOHR',
  ...over,
});

async function snapshot() {
  return {
    parties: (await env.ctx.store.listParties()).length,
    agreements: (await env.ctx.store.listAgreements()).length,
    versions: (await env.ctx.store.listVersions()).length,
    incidents: await env.ctx.store.countIncidents(),
    violations: (await env.ctx.store.listViolations({ limit: 10_000 })).total,
  };
}

describe('service endpoints', () => {
  it('answers health and a plain home page', async () => {
    expect(json(await get('/api/health'))).toEqual({ status: 'ok' });
    const home = await get('/');
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('Truceline');
    expect(home.body).toContain('The web app is not built: run <code>npm run build:web</code>');
  });

  it('serves an OpenAPI document that lists every route', async () => {
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await get('/api/v1/openapi.json'),
    );
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/api/v1/parties', 'post'],
      ['/api/v1/agreements/import', 'post'],
      ['/api/v1/agreements/{id}/versions', 'post'],
      ['/api/v1/zones', 'get'],
      ['/api/v1/incidents', 'post'],
      ['/api/v1/incidents/batch', 'post'],
      ['/api/v1/incidents/import', 'post'],
      ['/api/v1/violations', 'get'],
    ] as const)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('answers an unknown route with the error shape', async () => {
    const r = await get('/api/v1/nothing');
    expect(r.statusCode).toBe(404);
    expect(json<ErrorReply>(r).error.code).toBe('not_found');
  });
});

describe('parties and agreements', () => {
  it('creates a party and refuses a duplicate or a malformed one, changing nothing', async () => {
    expect((await post('/api/v1/parties', PARTIES[0])).statusCode).toBe(201);
    const before = await snapshot();
    const dup = await post('/api/v1/parties', PARTIES[0]);
    expect(dup.statusCode).toBe(409);
    expect(json<ErrorReply>(dup).error).toMatchObject({ code: 'conflict', field: 'id' });
    const bad = await post('/api/v1/parties', { id: 'bad id!', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorReply>(bad).error).toMatchObject({ code: 'validation_failed', field: 'id' });
    expect(await snapshot()).toEqual(before);
    expect(json<{ capabilities: string[] }>(await get('/api/v1/parties/GOV')).capabilities).toEqual(
      ['air', 'artillery'],
    );
  });

  it('rejects invalid JSON with a 400', async () => {
    const r = await inject({
      method: 'POST',
      url: '/api/v1/parties',
      payload: '{"id":',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(json<ErrorReply>(r).error.code).toBe('validation_failed');
  });

  it('rejects a self-intersecting zone, naming the ring, and writes nothing', async () => {
    const before = await snapshot();
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [36, 33],
          [37, 34],
          [37, 33],
          [36, 34],
          [36, 33],
        ],
      ],
    };
    const doc = agreementDoc([
      {
        ...versionV1,
        zones: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { name: 'Bow', kind: 'safe_zone' }, geometry: bowtie },
          ],
        },
      },
    ]);
    const r = await post('/api/v1/agreements/import', doc);
    expect(r.statusCode).toBe(400);
    const err = json<ErrorReply>(r).error;
    expect(err.code).toBe('invalid_geometry');
    expect(err.field).toMatch(/^versions\[0\]\.zones\.features\[0\]\.geometry/);
    expect(err.message).toMatch(/ring/);
    expect(await snapshot()).toEqual(before);
  });

  it('names the field of a bad validity window', async () => {
    const r = await post(
      '/api/v1/agreements/import',
      agreementDoc([{ ...versionV1, valid_until: '2018-02-15T00:00:00Z' }]),
    );
    expect(r.statusCode).toBe(400);
    expect(json<ErrorReply>(r).error.field).toBe('versions[0].valid_until');
  });

  it('imports an agreement document once; re-importing changes nothing', async () => {
    const first = json<{ agreement: { status: string }; versions: { added: string[] } }>(
      await post('/api/v1/agreements/import', agreementDoc()),
    );
    expect(first.agreement.status).toBe('added');
    expect(first.versions.added).toEqual(['v1']);
    const before = await snapshot();
    const again = json<{
      agreement: { status: string };
      versions: { unchanged: string[]; added: string[] };
    }>(await post('/api/v1/agreements/import', agreementDoc()));
    expect(again.agreement.status).toBe('unchanged');
    expect(again.versions).toMatchObject({ added: [], unchanged: ['v1'] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to rewrite a recorded version, and writes nothing', async () => {
    const before = await snapshot();
    const changed = agreementDoc([
      { ...versionV1, valid_until: '2018-02-19T00:00:00Z' },
      versionV2,
    ]);
    const r = await post('/api/v1/agreements/import', changed);
    expect(r.statusCode).toBe(409);
    expect(json<ErrorReply>(r).error).toMatchObject({ code: 'conflict', field: 'versions[0]' });
    expect(await snapshot()).toEqual(before);
  });

  it('creates an agreement whose parties exist, and reads it back with its versions', async () => {
    const unknown = await post('/api/v1/agreements', {
      id: 'other',
      title: 'Other',
      parties: ['NOBODY'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(json<ErrorReply>(unknown).error).toMatchObject({
      code: 'unknown_reference',
      field: 'parties[0]',
    });
    expect(
      (await post('/api/v1/agreements', { id: 'other', title: 'Other', parties: ['GOV'] }))
        .statusCode,
    ).toBe(201);
    const listed = json<{ items: { id: string; versions: { label: string }[] }[] }>(
      await get('/api/v1/agreements'),
    );
    expect(listed.items.map((a) => a.id)).toEqual(['other', 'test-coh']);
    const one = json<{ parties: string[]; versions: { label: string; valid_until: string }[] }>(
      await get('/api/v1/agreements/test-coh'),
    );
    expect(one.parties).toEqual(['GOV', 'OPP']);
    expect(one.versions).toMatchObject([{ label: 'v1', valid_until: '2018-02-18T00:00:00.000Z' }]);
    const v1 = json<{
      zones: { features: { id: string; properties: { key: string; area_km2: number } }[] };
    }>(await get('/api/v1/agreements/test-coh/versions/v1'));
    expect(v1.zones.features.map((f) => f.properties.key)).toEqual(['area', 'carve']);
    expect(v1.zones.features[0]!.properties.area_km2).toBeGreaterThan(10_000);
    const zone = json<{ properties: { name: string; version_label: string } }>(
      await get(`/api/v1/zones/${v1.zones.features[0]!.id}`),
    );
    expect(zone.properties).toMatchObject({ name: 'Test area', version_label: 'v1' });
    expect((await get('/api/v1/agreements/test-coh/versions/v9')).statusCode).toBe(404);
    expect((await get('/api/v1/agreements/nope')).statusCode).toBe(404);
  });

  it('serves zones as GeoJSON, filtered by the instant they are in force', async () => {
    const at17 = json<{ features: { properties: { key: string; kind: string } }[] }>(
      await get('/api/v1/zones?at=2018-02-17T00:00:00Z'),
    );
    expect(at17.features.map((f) => f.properties.key).sort()).toEqual(['area', 'carve']);
    const at19 = json<{ features: unknown[] }>(await get('/api/v1/zones?at=2018-02-19T00:00:00Z'));
    expect(at19.features).toHaveLength(0);
    expect((await get('/api/v1/zones?kind=volcano')).statusCode).toBe(400);
  });

  it('validates a geometry without saving it', async () => {
    const ok = json<{ valid: boolean; area_km2: number }>(
      await post('/api/v1/zones/validate', { geometry: square(36, 33, 36.1, 33.1) }),
    );
    expect(ok.valid).toBe(true);
    expect(ok.area_km2).toBeGreaterThan(90);
    const bad = json<{ valid: boolean; issues: { path: string }[] }>(
      await post('/api/v1/zones/validate', {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [36, 33],
              [37, 33],
              [36, 33],
            ],
          ],
        },
      }),
    );
    expect(bad.valid).toBe(false);
    expect(bad.issues.length).toBeGreaterThan(0);
  });
});

describe('incidents and violations', () => {
  it('records an incident and returns the violation it gives at once', async () => {
    const r = await post('/api/v1/incidents', shelling());
    expect(r.statusCode).toBe(201);
    const body = json<{
      status: string;
      violations: { agreement_id: string; zone_key: string; certainty: string }[];
    }>(r);
    expect(body.status).toBe('added');
    expect(body.violations).toMatchObject([
      { agreement_id: 'test-coh', zone_key: 'area', certainty: 'certain' },
    ]);
  });

  it('is idempotent by external id', async () => {
    const before = await snapshot();
    const r = await post('/api/v1/incidents', shelling());
    expect(r.statusCode).toBe(200);
    expect(json<{ status: string }>(r).status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('names the field of a bad incident and writes nothing', async () => {
    const before = await snapshot();
    for (const [over, field] of [
      [{ lat: 95 }, 'lat'],
      [{ event_type: 'Picnic' }, 'event_type'],
      [{ sub_event_type: 'Armed clash' }, 'sub_event_type'],
      [{ occurred_at: 'yesterday' }, 'occurred_at'],
      [{ uncertainty_m: -5 }, 'uncertainty_m'],
    ] as const) {
      const r = await post('/api/v1/incidents', shelling({ external_id: 'BAD', ...over }));
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(json<ErrorReply>(r).error.field).toBe(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('re-evaluates when an incident changes', async () => {
    const moved = await inject({
      method: 'PUT',
      url: '/api/v1/incidents/INC-1',
      payload: shelling({ lon: 38.5 }),
    });
    expect(moved.statusCode).toBe(200);
    expect(json<{ violations: unknown[] }>(moved).violations).toEqual([]);
    const back = await inject({
      method: 'PUT',
      url: '/api/v1/incidents/INC-1',
      payload: shelling({ uncertainty_m: 10_000, lon: 36.05 }),
    });
    expect(json<{ violations: { certainty: string }[] }>(back).violations).toMatchObject([
      { certainty: 'possible' },
    ]);
  });

  it('re-evaluates when a version is recorded: the extension makes a later incident a violation', async () => {
    await post(
      '/api/v1/incidents',
      shelling({ external_id: 'INC-LATE', occurred_at: '2018-02-19T09:00:00Z' }),
    );
    expect(
      json<{ total: number }>(await get('/api/v1/violations?zone=area&from=2018-02-19T00:00:00Z'))
        .total,
    ).toBe(0);
    const r = await post('/api/v1/agreements/test-coh/versions', versionV2);
    expect(r.statusCode).toBe(201);
    expect(json<{ violations: { added: number } }>(r).violations.added).toBe(1);
    const after = json<{ items: { incident_ref: string; version_label: string }[] }>(
      await get('/api/v1/violations?from=2018-02-19T00:00:00Z'),
    );
    expect(after.items).toMatchObject([{ incident_ref: 'INC-LATE', version_label: 'v2' }]);
    expect((await post('/api/v1/agreements/test-coh/versions', versionV2)).statusCode).toBe(409);
  });

  it('takes a batch atomically: one bad item and nothing lands', async () => {
    const before = await snapshot();
    const bad = await post('/api/v1/incidents/batch', {
      items: [shelling({ external_id: 'B-1' }), shelling({ external_id: 'B-2', lat: 'north' })],
    });
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorReply>(bad).error.field).toBe('items[1].lat');
    expect(await snapshot()).toEqual(before);
    const ok = json<{ added: number; violations: number }>(
      await post('/api/v1/incidents/batch', {
        items: [
          shelling({ external_id: 'B-1' }),
          shelling({
            external_id: 'B-2',
            event_type: 'Protests',
            sub_event_type: 'Peaceful protest',
          }),
        ],
      }),
    );
    expect(ok).toMatchObject({ added: 2, violations: 1 });
  });

  it('imports an ACLED CSV body: good rows land, bad rows are reported by row and column', async () => {
    const csv = [
      ACLED_HEADER,
      acledRow({
        id: 'SYR1',
        date: '17 February 2018',
        lat: 33.5,
        lon: 36.5,
        notes: 'Shelling, then "more" shelling,\nat night.',
      }),
      acledRow({ id: 'SYR2', date: '2018-02-17', lat: 'x', lon: 36.5 }),
      acledRow({ id: 'SYR3', date: '2018-02-31', lat: 33.5, lon: 36.5 }),
    ].join('\n');
    const r = await inject({
      method: 'POST',
      url: '/api/v1/incidents/import',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.statusCode).toBe(200);
    const s = json<{
      format: string;
      read: number;
      added: number;
      rejected: { row: number; field: string }[];
    }>(r);
    expect(s).toMatchObject({ format: 'acled-csv', read: 3, added: 1 });
    expect(s.rejected.map((x) => [x.row, x.field])).toEqual([
      [2, 'latitude'],
      [3, 'event_date'],
    ]);
    const inc = json<{
      notes: string;
      occurred_from: string;
      occurred_until: string;
      uncertainty_m: number;
    }>(await get('/api/v1/incidents/SYR1'));
    expect(inc.notes).toBe('Shelling, then "more" shelling,\nat night.');
    expect([inc.occurred_from, inc.occurred_until, inc.uncertainty_m]).toEqual([
      '2018-02-17T00:00:00.000Z',
      '2018-02-18T00:00:00.000Z',
      2000,
    ]);
  });

  it('refuses a body in an unknown format', async () => {
    const r = await inject({
      method: 'POST',
      url: '/api/v1/incidents/import',
      payload: 'a,b\n1,2',
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.statusCode).toBe(415);
    expect(json<ErrorReply>(r).error.code).toBe('unsupported_format');
  });

  it('filters violations by agreement, zone, certainty, bbox and time; CSV on request', async () => {
    const all = json<{ total: number; items: { certainty: string }[] }>(
      await get('/api/v1/violations?limit=1000'),
    );
    expect(all.total).toBeGreaterThanOrEqual(4);
    const possible = json<{ items: { certainty: string }[] }>(
      await get('/api/v1/violations?certainty=possible'),
    );
    expect(possible.items.every((v) => v.certainty === 'possible')).toBe(true);
    expect(json<{ total: number }>(await get('/api/v1/violations?agreement=nope')).total).toBe(0);
    expect(
      json<{ total: number }>(await get('/api/v1/violations?bbox=36.4,33.4,36.6,33.6')).total,
    ).toBe(1);
    expect(
      json<{ total: number }>(await get('/api/v1/violations?from=2018-02-20T00:00:00Z')).total,
    ).toBe(0);
    const csv = await get('/api/v1/violations?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toMatch(
      /^incident_ref,agreement_id,version_label,zone_name,zone_kind,certainty/,
    );
    const bad = await get('/api/v1/violations?certainty=maybe&bbox=1,2,3');
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorReply>(bad).error.field).toBe('certainty');
  });
});

describe('error table', () => {
  it('documents every error code in docs/ERRORS.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../docs/ERRORS.md', import.meta.url), 'utf8');
    for (const code of Object.keys(ERROR_CODES)) expect(doc, code).toContain(`\`${code}\``);
  });
});
