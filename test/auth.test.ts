// Accounts through HTTP and the CLI: sign-in with a session cookie, bearer tokens, rate-limited
// login, the one-time password of a first admin, sign-out, expiry, and no secret in the log.
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser, ensureFirstAdmin } from '../src/app/accounts.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { runCli, signedIn, tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let clock = Date.parse('2018-02-18T12:00:00Z');
let log = '';

beforeAll(async () => {
  env = await tempContext(() => clock);
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => (log += d.toString()));
  app = testServer(env.ctx, { logger: true, logStream: stream });
  await createUser(env.ctx, SYSTEM_ACTOR, {
    username: 'mona',
    role: 'monitor',
    password: 'a long and secret passphrase',
  });
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: { body: string }): any => JSON.parse(r.body);

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie that signs the browser in', async () => {
    const r = await login('mona', 'a long and secret passphrase');
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/truceline_session=tls_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(body(me)).toMatchObject({ username: 'mona', role: 'monitor', party_id: null });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login('mona', 'not the passphrase', '10.0.0.2');
    const nobody = await login('nobody', 'whatever it is', '10.0.0.2');
    expect([wrong.statusCode, nobody.statusCode]).toEqual([401, 401]);
    expect(body(wrong)).toEqual(body(nobody));
  });

  it('limits attempts per address and username, with a 429 that names the problem', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login('mona', `guess ${i}`, '10.0.0.3')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const limited = await login('mona', 'a long and secret passphrase', '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(body(limited).error.code).toBe('rate_limited');
    // Another address is not locked out by the attacker, nor is another user at that address.
    expect((await login('mona', 'a long and secret passphrase', '10.0.0.4')).statusCode).toBe(200);
    expect((await login('someone-else', 'x', '10.0.0.3')).statusCode).toBe(401);
  }); // prettier-ignore

  it('signs out: the session no longer works', async () => {
    const { token } = body(await login('mona', 'a long and secret passphrase', '10.0.0.5'));
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(401);
  }); // prettier-ignore

  it('API tokens work as bearer tokens until they expire', async () => {
    const { token: session } = body(await login('mona', 'a long and secret passphrase', '10.0.0.6'));
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${session}` },
      payload: { label: 'script', expires_in_days: 1 },
    });
    expect(created.statusCode).toBe(201);
    const auth = { authorization: `Bearer ${body(created).token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/parties', headers: auth })).statusCode).toBe(200);
    clock += 2 * 86_400_000;
    expect((await app.inject({ method: 'GET', url: '/api/v1/parties', headers: auth })).statusCode).toBe(401);
    clock -= 2 * 86_400_000;
  }); // prettier-ignore

  it('never writes a password or a token to the log', () => {
    expect(log).toContain('/api/v1/auth/login');
    expect(log).not.toContain('a long and secret passphrase');
    expect(log).not.toMatch(/tl[sa]_[A-Za-z0-9_-]{20}/);
  });
});

describe('the first administrator', () => {
  it('gets a printed one-time password that must be changed before anything else', async () => {
    const fresh = await tempContext(() => clock);
    const server = testServer(fresh.ctx);
    try {
      const first = await ensureFirstAdmin(fresh.ctx, SYSTEM_ACTOR);
      expect(first?.username).toBe('admin');
      expect(await ensureFirstAdmin(fresh.ctx, SYSTEM_ACTOR)).toBeNull();
      const r = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: first!.password } }); // prettier-ignore
      const auth = { authorization: `Bearer ${body(r).token}` };
      expect(body(r).user.must_change_password).toBe(true);
      const blocked = await server.inject({ method: 'GET', url: '/api/v1/users', headers: auth });
      expect(blocked.statusCode).toBe(403);
      expect(body(blocked).error.code).toBe('password_change_required');
      const weak = await server.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth, payload: { current_password: first!.password, new_password: 'short' } }); // prettier-ignore
      expect(body(weak).error.field).toBe('new_password');
      const changed = await server.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth, payload: { current_password: first!.password, new_password: 'a much better passphrase' } }); // prettier-ignore
      expect(changed.statusCode).toBe(200);
      expect(
        (await server.inject({ method: 'GET', url: '/api/v1/users', headers: auth })).statusCode,
      ).toBe(200);
      const old = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: first!.password } }); // prettier-ignore
      expect(old.statusCode).toBe(401);
    } finally {
      await server.close();
      await fresh.close();
    }
  });
});

describe('truceline users', () => {
  it('adds a liaison with a one-time password and issues a working API token', async () => {
    const add = runCli(['users', 'add', 'lia', '--role', 'liaison', '--party', 'NOPE', '--db', env.path]);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/party NOPE does not exist/);
    const bad = runCli(['users', 'add', 'Bad Name', '--role', 'monitor', '--db', env.path]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--username/);
    const ok = runCli(['users', 'add', 'ana', '--role', 'analyst', '--db', env.path]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/one-time password: \S{16,}/);
    const token = runCli(['users', 'token', 'ana', '--label', 'ci', '--db', env.path]);
    expect(token.code, token.stderr).toBe(0);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token.stdout.trim()}` } }); // prettier-ignore
    // A one-time password still to change: the token reaches only /auth/me until then.
    expect(body(me)).toMatchObject({ username: 'ana', role: 'analyst', must_change_password: true });
    expect(runCli(['users', 'list', '--db', env.path]).stdout).toMatch(/^ana\tanalyst$/m);
  }); // prettier-ignore
});

describe('what ends sessions (issue 20)', () => {
  const PASS = 'the first passphrase here';
  const get = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }).then((r) => r.statusCode);
  /** Two browser sessions (cookies) and an API token of a fresh user. */
  async function threeCredentials(username: string, password = PASS) {
    const { user } = await createUser(env.ctx, SYSTEM_ACTOR, {
      username,
      role: 'monitor',
      password,
    });
    const cookieOf = async (ip: string) =>
      String((await login(username, password, ip)).headers['set-cookie']).split(';')[0]!;
    const first = { cookie: await cookieOf('10.0.1.1') };
    const second = { cookie: await cookieOf('10.0.1.2') };
    const { token } = await createApiToken(env.ctx, user, 'script', 90);
    const bearer = { authorization: `Bearer ${token}` };
    expect([await get(first), await get(second), await get(bearer)]).toEqual([200, 200, 200]);
    return { user, first, second, bearer };
  }

  it('a password change ends every other session and token; the changing one stays', async () => {
    const { user, first, second, bearer } = await threeCredentials('pat');
    const changed = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { ...first, origin: 'http://localhost:80' }, payload: { current_password: PASS, new_password: 'the second passphrase' } }); // prettier-ignore
    expect(changed.statusCode, changed.body).toBe(200);
    expect([await get(first), await get(second), await get(bearer)]).toEqual([200, 401, 401]);
    const entries = await env.ctx.store.listAudit({ entityId: user.id, limit: 50 });
    expect(entries.find((e) => e.action === 'user.password')?.after).toEqual({ tokens_revoked: 2 });
  }); // prettier-ignore

  it('a reset on the command line ends all sessions and tokens', async () => {
    const { first, second, bearer } = await threeCredentials('rex');
    const reset = runCli(['users', 'reset', 'rex', '--db', env.path]);
    expect(reset.code, reset.stderr).toBe(0);
    expect([await get(first), await get(second), await get(bearer)]).toEqual([401, 401, 401]);
    expect((await login('rex', PASS, '10.0.1.3')).statusCode).toBe(401);
  });

  it('an admin disabling a user ends all sessions and tokens and refuses sign-in', async () => {
    const { user, first, bearer } = await threeCredentials('dee');
    const admin = await signedIn(env.ctx, 'admin');
    const nobody = await app.inject({ method: 'POST', url: '/api/v1/users/nobody/disable', headers: admin }); // prettier-ignore
    expect(nobody.statusCode).toBe(404);
    const r = await app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/disable`, headers: admin }); // prettier-ignore
    expect(r.statusCode, r.body).toBe(200);
    expect(body(r)).toMatchObject({ username: 'dee', disabled: true });
    expect([await get(first), await get(bearer)]).toEqual([401, 401]);
    expect((await login('dee', PASS, '10.0.1.4')).statusCode).toBe(401);
    const entries = await env.ctx.store.listAudit({ entityId: user.id, limit: 50 });
    expect(entries.find((e) => e.action === 'user.disable')?.after).toMatchObject({ disabled: true, tokens_revoked: 3 });
  }); // prettier-ignore

  it('truceline users disable does the same on the command line', async () => {
    const { first, bearer } = await threeCredentials('eve');
    const r = runCli(['users', 'disable', 'eve', '--db', env.path]);
    expect(r.code, r.stderr).toBe(0);
    expect([await get(first), await get(bearer)]).toEqual([401, 401]);
    expect((await login('eve', PASS, '10.0.1.5')).statusCode).toBe(401);
    expect(runCli(['users', 'list', '--db', env.path]).stdout).toMatch(/^eve\tmonitor\tdisabled$/m);
  }); // prettier-ignore
});

describe('password spraying (issue 20)', () => {
  it('limits failed sign-ins per address across user names; another address is unaffected', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) codes.push((await login(`sprayed-${i}`, 'Summer2018!', '10.0.2.1')).statusCode);
    const first429 = codes.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThan(39);
    expect(codes.slice(0, first429).every((c) => c === 401)).toBe(true);
    expect(codes.slice(first429).every((c) => c === 429)).toBe(true);
    const limited = await login('mona', 'a long and secret passphrase', '10.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(body(limited).error).toMatchObject({ code: 'rate_limited' });
    expect(body(limited).error.message).toMatch(/from this address/);
    expect((await login('mona', 'a long and secret passphrase', '10.0.2.2')).statusCode).toBe(200);
    expect((await login('sprayed-1', 'Summer2018!', '10.0.2.2')).statusCode).toBe(401);
  }); // prettier-ignore

  it('does not count successful sign-ins', async () => {
    const ip = '10.0.3.1';
    for (let i = 0; i < 25; i++) expect((await login(`other-${i}`, 'x', ip)).statusCode).toBe(401);
    for (let i = 0; i < 9; i++) expect((await login('mona', 'a long and secret passphrase', ip)).statusCode).toBe(200);
    for (let i = 25; i < 30; i++) expect((await login(`other-${i}`, 'x', ip)).statusCode).toBe(401);
    expect((await login('other-31', 'x', ip)).statusCode).toBe(429);
  }); // prettier-ignore
});
