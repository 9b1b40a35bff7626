// Prints the permission table for docs/PERMISSIONS.md from the declared routes.
import { AppContext } from '../src/app/context.ts';
import { buildRegistry } from '../src/server/build-server.ts';
import { permissionsTable } from '../src/server/permissions-doc.ts';
import type { Store } from '../src/store/store.ts';

// Declaring routes touches no storage: a stand-in store is enough.
const ctx = new AppContext({} as Store);
process.stdout.write(
  permissionsTable(buildRegistry(ctx, new AbortController().signal).routes) + '\n',
);
