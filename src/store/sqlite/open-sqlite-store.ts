// The embedded default: one SQLite file in WAL mode, migrated on open. Bulk inserts use cached
// prepared statements on the same connection (always inside a Kysely transaction, so they are
// part of it); everything else goes through Kysely.
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from '../migrations.ts';
import { KyselyStore, type BulkWriter } from '../kysely-store.ts';
import type { Store } from '../store.ts';
import { INCIDENT_COLUMNS, type Database, type ViolationsTable } from '../tables.ts';

const VIOLATION_COLUMNS = [
  'incident_id',
  'agreement_id',
  'zone_key',
  'zone_id',
  'version_id',
  'certainty',
  'detected_at',
  'updated_at',
] as const satisfies readonly (keyof ViolationsTable)[];

const staticMigrations: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

function sqliteBulkWriter(sqlite: SQLite.Database): BulkWriter {
  const insertIncident = sqlite.prepare(
    `INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${INCIDENT_COLUMNS.map((c) => '@' + c).join(', ')})`,
  );
  const insertViolation = sqlite.prepare(
    `INSERT INTO violations (${VIOLATION_COLUMNS.join(', ')}) VALUES (${VIOLATION_COLUMNS.map((c) => '@' + c).join(', ')})`,
  );
  return {
    async insertIncidents(_db, rows) {
      for (const r of rows) insertIncident.run(r);
    },
    async insertViolations(_db, rows) {
      for (const r of rows) insertViolation.run(r);
    },
  };
}

export async function openSqliteStore(path: string): Promise<Store> {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({
    db,
    provider: staticMigrations,
  }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`could not migrate ${path} (migration ${failed}): ${String(error)}`);
  }
  return new KyselyStore(db, sqliteBulkWriter(sqlite), () => db.destroy());
}
