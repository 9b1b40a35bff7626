// `truceline backup` under write load, and `truceline restore`: the backup is one consistent
// moment (every incident acknowledged before it started is in it, none written after it ended),
// its audit chain verifies, a restore gives the same rows, and a tampered backup is refused with
// nothing replaced.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../src/app/backup.ts';
import { verifyAuditChain } from '../src/app/desk.ts';
import { createIncident } from '../src/app/incidents.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { incidentInputSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { openStore } from '../src/store/open-store.ts';
import { ROOT, tempContext } from './helpers.ts';

/** The CLI as a child process, without blocking this process's event loop (the writer runs on). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/truceline.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let env: Awaited<ReturnType<typeof tempContext>>;
beforeAll(async () => {
  env = await tempContext();
});
afterAll(async () => {
  await env.close();
});

type Result = { counts: Record<string, number>; audit: { ok: boolean; entries: number } };

describe('backup and restore', () => {
  const backup = () => join(env.dir, 'cell.backup');
  let made: Result = { counts: {}, audit: { ok: false, entries: 0 } };

  it('takes a consistent, verified backup while incidents keep being written', async () => {
    let acked = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await createIncident(
          env.ctx,
          SYSTEM_ACTOR,
          parseInput(incidentInputSchema, {
            external_id: `LOAD-${acked}`,
            event_type: 'Explosions/Remote violence',
            sub_event_type: 'Shelling/artillery/missile attack',
            occurred_at: '2018-02-17T09:00:00Z',
            lon: 36.5 + (acked % 100) / 1000,
            lat: 33.5,
          }),
        );
        acked++;
        // SQLite answers synchronously: let the child's output and exit be read between writes.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (acked < 20) await new Promise((r) => setImmediate(r));
    const before = acked;
    const r = await cli(['backup', '--db', env.path, '--out', backup(), '--json']);
    const after = acked;
    writing = false;
    await writer;
    expect(r.code, r.stderr).toBe(0);
    expect(after, 'incidents were written while the backup ran').toBeGreaterThan(before);
    const result = JSON.parse(r.stdout) as Result;
    made = result;
    expect(result.audit.ok).toBe(true);
    // One moment: everything acknowledged before the backup began, nothing after it ended.
    expect(result.counts.incidents).toBeGreaterThanOrEqual(before);
    expect(result.counts.incidents).toBeLessThanOrEqual(after);
    // Each incident is journalled with it: the copy's chain has one entry per incident at least.
    expect(result.audit.entries).toBeGreaterThanOrEqual(result.counts.incidents!);
    // An existing file is not replaced without --force.
    await expect(backupDatabase(env.ctx.store, backup(), {})).rejects.toThrow(/--force/);
  });

  it('restores the backup: the same rows, a chain that verifies', async () => {
    const target = join(env.dir, 'restored.db');
    const r = await cli(['restore', backup(), '--db', target, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Result).counts).toEqual(made.counts);
    const store = await openStore(target);
    try {
      expect(await store.tableCounts()).toEqual(made.counts);
      expect((await verifyAuditChain(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a backup whose audit chain was edited, and replaces nothing', async () => {
    const tampered = join(env.dir, 'tampered.backup');
    copyFileSync(backup(), tampered);
    const db = new Database(tampered);
    db.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 3`).run();
    db.close();
    const target = join(env.dir, 'never.db');
    const r = await cli(['restore', tampered, '--db', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/audit chain does not verify \(entry #3/);
    expect(existsSync(target)).toBe(false);
  });
});
