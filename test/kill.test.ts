// A killed import (SIGKILL mid-way) leaves the database consistent — whole chunks, each with its
// reports, violations and audit entry — and running the import again completes it without
// duplicates.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { agreementDocumentSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { ACLED_HEADER, acledRow, agreementDoc } from './fixtures.ts';
import { ROOT, runCli, tempContext } from './helpers.ts';

const ROWS = 60_000; // three transactions of 25,000 rows and a last one of 10,000
let env: Awaited<ReturnType<typeof tempContext>>;
let csv: string;

beforeAll(async () => {
  env = await tempContext();
  await importAgreementDocument(env.ctx, parseInput(agreementDocumentSchema, agreementDoc()), SYSTEM_ACTOR);
  await env.ctx.close();
  const lines = [ACLED_HEADER];
  for (let i = 0; i < ROWS; i++)
    lines.push(acledRow({ id: `K${i}`, date: '2018-02-17', lat: 33 + (i % 200) / 100, lon: 36 + (i % 300) / 100 }));
  csv = join(env.dir, 'big.csv');
  writeFileSync(csv, lines.join('\n') + '\n');
}); // prettier-ignore
afterAll(async () => env.close());

function count(sql: string): number {
  const db = new SQLite(env.path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a killed import', () => {
  it('leaves whole chunks behind, and re-running completes the job without duplicates', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/truceline.js'), 'incidents', 'import', csv, '--db', env.path], { cwd: ROOT }); // prettier-ignore
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it as soon as the first transaction is visible: a later one is then under way.
    for (;;) {
      const n = (() => {
        try {
          return count('SELECT count(*) FROM incidents');
        } catch {
          return 0;
        }
      })();
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const db = new SQLite(env.path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const kept = count('SELECT count(*) FROM incidents');
    expect(kept % 25_000).toBe(0);
    expect(kept).toBeLessThan(ROWS);
    // Each kept incident came with its reports (SOHR and SANA), and no violation points nowhere.
    expect(count('SELECT count(*) FROM reports')).toBe(2 * kept);
    expect(count('SELECT count(*) FROM violations WHERE incident_id NOT IN (SELECT id FROM incidents)')).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'incidents.import'")).toBe(kept / 25_000);
    const verify = runCli(['audit', 'verify', '--db', env.path]);
    expect(verify.code, verify.stdout).toBe(0);

    const again = runCli(['incidents', 'import', csv, '--db', env.path, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const s = JSON.parse(again.stdout);
    expect([s.added, s.unchanged]).toEqual([ROWS - kept, kept]);
    expect(count('SELECT count(*) FROM incidents')).toBe(ROWS);
    expect(count('SELECT count(DISTINCT external_id) FROM incidents')).toBe(ROWS);
    expect(count('SELECT count(*) FROM reports')).toBe(2 * ROWS);
  }, 240_000); // prettier-ignore
});
