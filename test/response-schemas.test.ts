// Response schemas cannot lie: a test server checks every JSON response against its route's
// schema and answers 500 when one is off it; the OpenAPI document gives every JSON route's
// response schema; the GeoJSON downloads (streamed, so not checked by the registry) match theirs.
import { Writable } from 'node:stream';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incidentExportCollection, violationExportCollection } from '../src/api/exports.ts';
import { buildRegistry } from '../src/server/build-server.ts';
import { handleError } from '../src/server/errors.ts';
import { RouteRegistry } from '../src/server/route-registry.ts';
import { tempContext, testServer } from './helpers.ts';
import { proposalInput, setupScenario, AGREEMENT, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
beforeAll(async () => {
  env = await tempContext();
});
afterAll(async () => env.close());

describe('response checking', () => {
  const lie = z.strictObject({
    items: z.array(z.strictObject({ id: z.string(), status: z.enum(['open', 'closed']) })),
  });

  /** A server with one route answering `body`, its responses checked or not. */
  function serverAnswering(body: unknown, checkResponses: boolean, log: string[]) {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        log.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    app.setErrorHandler(handleError);
    void app.register(cookie);
    const registry = new RouteRegistry();
    registry.add({
      method: 'GET',
      url: '/api/v1/things/:id',
      tag: 'test',
      summary: 'Show a thing',
      access: { roles: 'anonymous' },
      response: { status: 200, description: '{ items }', schema: lie },
      handler: async () => body,
    });
    void app.register(async (scope) => registry.mount(scope, env.ctx, { checkResponses }));
    return app;
  }

  it('answers 500 internal, naming the route and the field, when a body is off its schema', async () => {
    const log: string[] = [];
    const app = serverAnswering({ items: [{ id: 'a', status: 'open' }, { id: 'b', status: 'lost' }] }, true, log); // prettier-ignore
    const res = await app.inject({ url: '/api/v1/things/1' });
    expect(res.statusCode).toBe(500);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('internal');
    expect(error.message).toContain('GET /api/v1/things/:id');
    expect(error.message).toContain('items[1].status');
    const line = log.find((l) => l.includes('does not match its schema'));
    expect(line).toContain('GET /api/v1/things/:id');
    expect(line).toContain('items[1].status');
  });

  it('catches a field the schema does not declare', async () => {
    const app = serverAnswering({ items: [{ id: 'a', status: 'open', secret: 'x' }] }, true, []);
    const res = await app.inject({ url: '/api/v1/things/1' });
    expect(res.statusCode).toBe(500);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('items[0]');
  });

  it('lets a body on its schema through, and checks nothing when built without the flag', async () => {
    const good = { items: [{ id: 'a', status: 'open' }] };
    expect((await serverAnswering(good, true, []).inject({ url: '/api/v1/things/1' })).json()).toEqual(good); // prettier-ignore
    const off = { items: [{ id: 'a', status: 'lost' }] };
    const res = await serverAnswering(off, false, []).inject({ url: '/api/v1/things/1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(off);
  });
});

describe('the OpenAPI document', () => {
  it('gives a response schema for every JSON route in the registry', async () => {
    const app = testServer(env.ctx);
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema?: unknown }> }> }>>; // prettier-ignore
    }>();
    const routes = buildRegistry(env.ctx, new AbortController().signal).routes;
    const json = routes.filter((r) =>
      (r.response.contentTypes ?? ['application/json']).some((t) => t.includes('json')),
    );
    const missing = json.flatMap((r) =>
      (r.response.contentTypes ?? ['application/json'])
        .filter((t) => t.includes('json'))
        .filter((t) => {
          const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
          const op = doc.paths[path]?.[r.method.toLowerCase()];
          return !op?.responses[String(r.response.status)]?.content[t]?.schema;
        })
        .map((t) => `${r.method} ${r.url} (${t})`),
    );
    expect(missing).toEqual([]);
    // Every route but the CSV and HXL downloads and the event stream answers JSON.
    expect(json.length).toBeGreaterThanOrEqual(routes.length - 4);
    await app.close();
  });
});

describe('routes the other suites do not reach', () => {
  let app: FastifyInstance;
  let headers: Record<Caller, { authorization: string }>;
  beforeAll(async () => {
    app = testServer(env.ctx);
    ({ headers } = await setupScenario(env.ctx));
  });
  afterAll(async () => app.close());

  it('streams GeoJSON downloads that match their schemas', async () => {
    for (const [file, schema] of [
      ['incidents.geojson', incidentExportCollection],
      ['violations.geojson', violationExportCollection],
    ] as const) {
      const res = await app.inject({ url: `/api/v1/exports/${file}`, headers: headers.analyst });
      expect(res.statusCode).toBe(200);
      const parsed = schema.safeParse(res.json());
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.features.length).toBeGreaterThan(0);
    }
  });

  it('creates a user and withdraws a proposal within their schemas', async () => {
    const user = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: headers.admin,
      payload: { username: 'new-monitor', role: 'monitor' },
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json<{ password: string }>().password).toBeTypeOf('string');
    const proposal = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${AGREEMENT}/proposals`,
      headers: headers.mediator,
      payload: proposalInput({ label: 'v9' }),
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${proposal.json<{ id: string }>().id}/withdraw`,
      headers: headers.mediator,
      payload: { reason: 'superseded by talks' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ status: string }>().status).toBe('withdrawn');
  });
});
