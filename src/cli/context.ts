// Opening the database for a command: --db, else TRUCELINE_DB, else ./truceline.db.
import { resolve } from 'node:path';
import { AppContext } from '../app/context.ts';
import { openStore } from '../store/open-store.ts';

export const DEFAULT_DB = 'truceline.db';

export function dbPath(flag: string | undefined): string {
  return resolve(flag ?? process.env.TRUCELINE_DB ?? DEFAULT_DB);
}

export async function withContext<T>(
  db: string | undefined,
  fn: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const ctx = new AppContext(await openStore(dbPath(db)));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
