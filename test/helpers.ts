// Test helpers: a real SQLite file in a temp folder, an app context on it, and the CLI runner.
import { spawn, spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiToken, createUser } from '../src/app/accounts.ts';
import { SYSTEM_ACTOR, type Role } from '../src/domain/roles.ts';
import type { AppContext } from '../src/app/context.ts';
import { openAppContext } from '../src/app/upgrade-tasks.ts';
import { buildServer, type ServerOptions } from '../src/server/build-server.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempContext(now = () => Date.parse('2018-02-18T12:00:00Z')) {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'test.db');
  const ctx = await openAppContext(path, {
    geoPrecisionRadii: { 1: 2_000, 2: 10_000, 3: 50_000 },
    now,
  });
  return {
    ctx,
    path,
    dir,
    close: async () => {
      await ctx.close();
      cleanup();
    },
  };
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/truceline.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, TZ: 'UTC' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user of this role (a liaison for `partyId`) and a bearer header for an API token of theirs. */
export async function signedIn(
  ctx: AppContext,
  role: Role,
  partyId: string | null = null,
  username = `${role}${partyId ? `-${partyId.toLowerCase()}` : ''}`,
): Promise<{ authorization: string }> {
  const existing = await ctx.store.getUserByUsername(username);
  const user =
    existing ??
    (
      await createUser(ctx, SYSTEM_ACTOR, {
        username,
        role,
        party_id: partyId,
        password: 'correct horse battery staple',
      })
    ).user;
  const { token } = await createApiToken(ctx, user, 'test', null);
  return { authorization: `Bearer ${token}` };
}

/** Like runCli, without blocking the event loop (for a CLI that talks to a server in this process). */
export function runCliAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/truceline.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A server as every test builds it: each JSON response is checked against its route's schema. */
export function testServer(ctx: AppContext, options: ServerOptions = {}): FastifyInstance {
  return buildServer(ctx, { checkResponses: true, ...options });
}
