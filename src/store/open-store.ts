// Opens the configured store. Today: a SQLite file path (the embedded default).
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location))
    throw new Error(
      'PostgreSQL storage is planned (docs/ARCHITECTURE.md); --db takes a SQLite file path today',
    );
  return openSqliteStore(location);
}
