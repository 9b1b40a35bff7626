import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountabilityContract } from '../accountability-contract.ts';
import { newsContract } from '../news-contract.ts';
import { storeContract } from '../store-contract.ts';
import { openSqliteStore } from './open-sqlite-store.ts';

async function openTemp() {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-store-'));
  const store = await openSqliteStore(join(dir, 'contract.db'));
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

storeContract('SQLite file', openTemp);
accountabilityContract('SQLite file', openTemp);
newsContract('SQLite file', openTemp);
