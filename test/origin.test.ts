// Cross-site request forgery and response headers (issue 20, point 8): a state-changing request
// with the session cookie must come from this server's own pages (Origin, else Referer); bearer
// tokens are exempt; helmet's headers and the Content-Security-Policy on the app, the API and the
// daily report.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/app/accounts.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { REPORT_CSP } from '../src/server/security-headers.ts';
import { ACLED_HEADER, acledRow } from './fixtures.ts';
import { signedIn, tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let cookie: string;
let bearer: { authorization: string };
const HOST = 'truceline.example:8080';
const PREFETCH = `window.__x = 1;`;

beforeAll(async () => {
  env = await tempContext();
  // A built web app with an inline script, as Vite leaves web/index.html's prefetch.
  const webRoot = join(env.dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), `<!doctype html><html><head><script>${PREFETCH}</script></head><body><script type="module" src="/assets/main.js"></script></body></html>`); // prettier-ignore
  app = testServer(env.ctx, { webRoot });
  await createUser(env.ctx, SYSTEM_ACTOR, { username: 'mo', role: 'monitor', password: 'a long and secret passphrase' }); // prettier-ignore
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: HOST }, payload: { username: 'mo', password: 'a long and secret passphrase' } }); // prettier-ignore
  expect(r.statusCode, r.body).toBe(200);
  cookie = String(r.headers['set-cookie']).split(';')[0]!;
  bearer = await signedIn(env.ctx, 'monitor', null, 'mo');
});
afterAll(async () => {
  await app.close();
  rmSync(join(env.dir, 'web'), { recursive: true, force: true });
  await env.close();
});

const csv = [ACLED_HEADER, acledRow({ id: 'CSRF1', date: '2018-02-17', lat: 33.5, lon: 36.5 })].join('\n'); // prettier-ignore
const importCsv = (headers: Record<string, string>, type = 'text/plain') =>
  app.inject({ method: 'POST', url: '/api/v1/incidents/import', payload: csv, headers: { host: HOST, 'content-type': type, ...headers } }); // prettier-ignore
const exists = async () =>
  (await app.inject({ method: 'GET', url: '/api/v1/incidents/CSRF1', headers: bearer })).statusCode;

describe('cross-site requests', () => {
  it('refuses a cookie POST from a foreign Origin, before reading the body: nothing is written', async () => {
    const r = await importCsv({ cookie, origin: 'http://evil.example' });
    expect(r.statusCode).toBe(403);
    const error = JSON.parse(r.body).error;
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/cross-site request refused: Origin http:\/\/evil\.example/);
    expect(await exists()).toBe(404);
    // Same host name, another port, is another origin.
    expect((await importCsv({ cookie, origin: 'http://truceline.example:9999' })).statusCode).toBe(403);
    expect((await importCsv({ cookie, origin: 'null' })).statusCode).toBe(403);
    expect(await exists()).toBe(404);
  }); // prettier-ignore

  it('refuses a cookie POST without Origin whose Referer is foreign, or that has neither', async () => {
    expect((await importCsv({ cookie, referer: 'https://evil.example/page' })).statusCode).toBe(403);
    const neither = await importCsv({ cookie });
    expect(neither.statusCode).toBe(403);
    expect(JSON.parse(neither.body).error.message).toMatch(/Origin or Referer/);
    expect(await exists()).toBe(404);
  }); // prettier-ignore

  it('accepts a cookie POST from its own origin (Origin, or Referer without Origin)', async () => {
    const r = await importCsv({ cookie, origin: `http://${HOST}` }, 'text/csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(await exists()).toBe(200);
    const me = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { host: HOST, cookie: 'other=1', referer: `https://${HOST}/desk` } }); // prettier-ignore
    expect(me.statusCode).toBe(401); // past the origin check: no session in that cookie
  }); // prettier-ignore

  it('exempts bearer tokens, whatever their Origin; reads are never refused', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/incidents/import', payload: csv.replace('CSRF1', 'CSRF2'), headers: { ...bearer, host: HOST, origin: 'http://evil.example', 'content-type': 'text/csv' } }); // prettier-ignore
    expect(r.statusCode, r.body).toBe(200);
    const read = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { host: HOST, cookie, origin: 'http://evil.example' } }); // prettier-ignore
    expect(read.statusCode).toBe(200);
  }); // prettier-ignore

  it('refuses a sign-in posted from another site (login CSRF); scripts without Origin sign in', async () => {
    const login = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: HOST, ...headers }, payload: { username: 'mo', password: 'a long and secret passphrase' } }); // prettier-ignore
    expect((await login({ origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await login({})).statusCode).toBe(200);
    expect((await login({ origin: `http://${HOST}` })).statusCode).toBe(200);
  }); // prettier-ignore
});

describe('response headers', () => {
  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: { host: HOST, ...bearer } });

  it('the app page: a CSP allowing its own scripts and the hashed inline prefetch, never framed', async () => {
    const r = await get('/');
    expect(r.statusCode).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(PREFETCH).digest('base64')}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('same-origin');
  });

  it('an API response', async () => {
    const r = await get('/api/v1/parties');
    expect(r.statusCode).toBe(200);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['referrer-policy']).toBe('same-origin');
  });

  it('the HTML daily report: no script, nothing fetched, framed by this origin only', async () => {
    const analyst = await signedIn(env.ctx, 'analyst');
    const r = await app.inject({ method: 'GET', url: '/api/v1/reports/daily?format=html&date=2018-02-18', headers: { host: HOST, ...analyst } }); // prettier-ignore
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-security-policy']).toBe(REPORT_CSP);
    expect(REPORT_CSP).toMatch(/default-src 'none'/);
    expect(REPORT_CSP).not.toMatch(/script-src/);
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).not.toMatch(/<script/i);
  });
});
