// The audit chain: every change leaves an entry (who, for which party, what, before/after) in the
// same transaction; editing or deleting a row behind the system's back is caught by
// `truceline audit verify` and GET /api/v1/audit/verify, which name the first bad entry.
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntryHash } from '../src/domain/audit-chain.ts';
import { runCli, tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;

beforeEach(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  ({ headers } = await setupScenario(env.ctx));
});
afterEach(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: headers[as], ...(payload !== undefined && { payload: payload as object }) }); // prettier-ignore
const body = (r: { body: string }) => JSON.parse(r.body);

function tamper(sql: string): void {
  const db = new SQLite(env.path);
  db.exec(sql);
  db.close();
}

describe('audit log', () => {
  it('records who changed what, for which party, with before and after', async () => {
    const put = await call('analyst', 'PUT', '/api/v1/incidents/AIR-1', airStrike({ fatalities: 5 }));
    expect(put.statusCode).toBe(200);
    const r = await call('admin', 'GET', '/api/v1/audit?entity=incident&limit=5');
    const [latest] = body(r).items;
    expect(latest).toMatchObject({
      actor: 'analyst',
      actor_role: 'analyst',
      action: 'incident.update',
      before: { fatalities: 3 },
      after: { fatalities: 5 },
    });
    await call('liaison-gov', 'POST', '/api/v1/parties/GOV/keys', {
      public_key: Buffer.alloc(32, 1).toString('base64'),
    });
    const [key] = body(await call('admin', 'GET', '/api/v1/audit?limit=1')).items;
    expect(key).toMatchObject({ actor: 'liaison-gov', actor_party: 'GOV', action: 'key.register' });
    // No secret ever enters the log.
    const all = JSON.stringify(body(await call('admin', 'GET', '/api/v1/audit?limit=1000')));
    expect(all).not.toMatch(/argon2|tla_|tls_|correct horse/);
  }); // prettier-ignore

  it('a refused or invalid change adds no entry', async () => {
    const head = body(await call('admin', 'GET', '/api/v1/audit?limit=1')).head;
    await call('analyst', 'PUT', '/api/v1/incidents/AIR-1', airStrike({ lat: 200 }));
    await call('public', 'POST', '/api/v1/incidents', airStrike({ external_id: 'X' }));
    expect(body(await call('admin', 'GET', '/api/v1/audit?limit=1')).head).toEqual(head);
  });

  it('verifies an intact chain through the API and the CLI', async () => {
    const r = body(await call('public', 'GET', '/api/v1/audit/verify'));
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThan(5);
    expect(r.first_break).toBeNull();
    const cli = runCli(['audit', 'verify', '--db', env.path]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`audit chain intact: ${r.entries} entries`);
  });

  it('catches a row edited with raw SQL and names it', async () => {
    tamper(`UPDATE audit_log SET after = replace(after, '"fatalities":3', '"fatalities":0') WHERE action = 'incident.create'`); // prettier-ignore
    const seq = new SQLite(env.path, { readonly: true })
      .prepare("SELECT seq FROM audit_log WHERE action = 'incident.create'")
      .pluck()
      .get() as number;
    const r = body(await call('analyst', 'GET', '/api/v1/audit/verify'));
    expect(r.ok).toBe(false);
    expect(r.first_break).toEqual({ seq, reason: expect.stringContaining('edited') });
    const cli = runCli(['audit', 'verify', '--db', env.path]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at entry #${seq}`);
  });

  it('catches a deleted row', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 3');
    const r = body(await call('analyst', 'GET', '/api/v1/audit/verify'));
    expect(r.first_break).toEqual({ seq: 4, reason: expect.stringContaining('missing') });
    expect(runCli(['audit', 'verify', '--db', env.path]).stdout).toContain('BROKEN at entry #4');
  });

  it('catches an edit whose own hash was recomputed: the next entry no longer links', async () => {
    const db = new SQLite(env.path);
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const forged = { ...JSON.parse(row.after), title: 'Something else' };
    const hash = auditEntryHash(row.prev_hash, {
      seq: 2,
      at: Number(row.at),
      actor: row.actor,
      actorRole: row.actor_role,
      actorParty: row.actor_party,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before === null ? null : JSON.parse(row.before),
      after: forged,
    });
    db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = 2').run(JSON.stringify(forged), hash);
    db.close();
    const r = body(await call('analyst', 'GET', '/api/v1/audit/verify'));
    expect(r.first_break).toEqual({ seq: 3, reason: expect.stringContaining('does not link') });
  }); // prettier-ignore
});
