// Opening the database for a command: --db, else TRUCELINE_DB, else ./truceline.db.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Actor } from '../domain/roles.ts';
import { configFromEnv, type AppContext } from '../app/context.ts';
import { openAppContext } from '../app/upgrade-tasks.ts';

export const DEFAULT_DB = 'truceline.db';

export function dbPath(flag: string | undefined): string {
  return resolve(flag ?? process.env.TRUCELINE_DB ?? DEFAULT_DB);
}

export async function withContext<T>(
  db: string | undefined,
  fn: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const config = configFromEnv(process.env);
  const ctx = await openAppContext(dbPath(db), config, (text) => process.stderr.write(text));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/**
 * The command line acts with the database file in hand, so with an administrator's reach; the
 * audit log records it as `cli:<os user>`.
 */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep 'unknown'
  }
  return { id: `cli:${name}`, name: `cli:${name}`, role: 'admin', partyId: null };
}
