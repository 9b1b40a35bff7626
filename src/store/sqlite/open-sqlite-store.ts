// The embedded default: one SQLite file in WAL mode, migrated on open. Bulk inserts use cached
// prepared statements on the same connection (always inside a Kysely transaction, so they are
// part of it); everything else goes through Kysely.
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  sql,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { migrations } from '../migrations.ts';
import { KyselyStore, type BulkWriter } from '../kysely-store.ts';
import type { IncidentKeyRow, Store } from '../store.ts';
import { incidentRowValues } from '../row-mappers.ts';
import {
  INCIDENT_COLUMNS,
  REPORT_COLUMNS,
  type Database,
  type ViolationsTable,
} from '../tables.ts';
import { reportRowValues } from '../intake-queries.ts';

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
  // Positional parameters: binding by name costs a property lookup per column per row.
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const insertIncident = sqlite.prepare(
    `INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${placeholders(INCIDENT_COLUMNS.length)})`,
  );
  const insertViolation = sqlite.prepare(
    `INSERT INTO violations (${VIOLATION_COLUMNS.join(', ')}) VALUES (${placeholders(VIOLATION_COLUMNS.length)})`,
  );
  const insertReport = sqlite.prepare(
    `INSERT INTO reports (${REPORT_COLUMNS.join(', ')}) VALUES (${placeholders(REPORT_COLUMNS.length)})`,
  );
  // One indexed lookup per key: cheaper than compiling and preparing an IN (…500…) query each time.
  const findKey = sqlite.prepare('SELECT id, content_hash FROM incidents WHERE external_id = ?');
  return {
    async backupTo(db, path) {
      // VACUUM INTO copies one read transaction's snapshot (WAL readers never block writers), so
      // the copy is consistent whatever the server writes meanwhile, and compact.
      await sql`VACUUM INTO ${path}`.execute(db);
    },
    async findIncidentKeys(_db, externalIds) {
      const map = new Map<string, IncidentKeyRow>();
      for (const externalId of externalIds) {
        const r = findKey.get(externalId) as { id: string; content_hash: string } | undefined;
        if (r) map.set(externalId, { id: r.id, externalId, contentHash: r.content_hash });
      }
      return map;
    },
    async insertIncidents(_db, incidents) {
      for (const i of incidents) insertIncident.run(incidentRowValues(i));
    },
    async insertReports(_db, reports) {
      for (const r of reports) insertReport.run(reportRowValues(r));
    },
    async insertViolations(_db, rows, now) {
      for (const r of rows)
        insertViolation.run(
          r.incidentId,
          r.agreementId,
          r.zoneKey,
          r.zoneId,
          r.versionId,
          r.certainty,
          now,
          now,
        );
    },
  };
}

export async function openSqliteStore(path: string): Promise<Store> {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 64 MB page cache and checkpoints every ~16 MB of WAL: bulk imports touch many index pages.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 4000');
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
