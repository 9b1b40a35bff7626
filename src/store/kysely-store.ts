// The Store written once over Kysely. Dialect-specific pieces (opening, pragmas, the bulk-insert
// fast path) are passed in by src/store/sqlite (and later src/store/postgres). The query layers it
// inherits: intake (sources, reports) ← accountability ← news review.
import type { Kysely, Transaction } from 'kysely';
import type {
  Agreement,
  AgreementVersion,
  Incident,
  IncidentFilter,
  Party,
  Violation,
  ViolationFilter,
  ViolationRecord,
} from '../domain/types.ts';
import type {
  ExportFilter,
  IncidentKeyRow,
  MapPointFilter,
  Store,
  SyncResult,
  ViolationScope,
  ZoneFilter,
} from './store.ts';
import { COUNTED_TABLES, type Database } from './tables.ts';
import { versionsInForce } from '../domain/version-in-force.ts';
import type { Report } from '../domain/report.ts';
import { chunks, notMerged, whereIncident } from './query-filters.ts';
import { NewsQueries } from './news-queries.ts';
import { listViolationRows, syncViolationRows } from './violation-queries.ts';
import { scanIncidentsForExport, scanViolationsForExport } from './export-queries.ts';
import { mapPointRows } from './map-queries.ts';
import { reportRowSet } from './report-queries.ts';
import {
  agreementFromRow,
  incidentFromRow,
  incidentToRow,
  partyFromRow,
  partyToRow,
  versionFromRow,
  versionToRow,
  zoneFromRow,
  zoneToRow,
} from './row-mappers.ts';

/**
 * What a dialect supplies beyond Kysely: the hot paths of an import, which it may do faster, and an
 * online backup.
 */
export interface BulkWriter {
  /** A consistent copy of the whole database into a new file, while other connections write. */
  backupTo(db: Kysely<Database>, path: string): Promise<void>;
  findIncidentKeys(
    db: Kysely<Database>,
    externalIds: readonly string[],
  ): Promise<Map<string, IncidentKeyRow>>;
  /** Only ever called inside a transaction. */
  insertIncidents(db: Kysely<Database>, incidents: readonly Incident[]): Promise<void>;
  insertViolations(
    db: Kysely<Database>,
    rows: readonly ViolationRecord[],
    now: number,
  ): Promise<void>;
  insertReports(db: Kysely<Database>, reports: readonly Report[]): Promise<void>;
}

export class KyselyStore extends NewsQueries implements Store {
  constructor(
    db: Kysely<Database>,
    private readonly bulk: BulkWriter,
    private readonly onClose: () => Promise<void>,
    private readonly inTransaction = false,
  ) {
    super(db);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db
      .transaction()
      .execute((trx: Transaction<Database>) =>
        fn(new KyselyStore(trx, this.bulk, this.onClose, true)),
      );
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  private requireTransaction(what: string): void {
    if (!this.inTransaction) throw new Error(`${what} must run inside Store.transaction`);
  }

  // ── parties ───────────────────────────────────────────────────────────────
  async getParty(id: string): Promise<Party | undefined> {
    const row = await this.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && partyFromRow(row);
  }

  async listParties(): Promise<Party[]> {
    const rows = await this.db.selectFrom('parties').selectAll().orderBy('id').execute();
    return rows.map(partyFromRow);
  }

  async insertParty(party: Party): Promise<void> {
    await this.db.insertInto('parties').values(partyToRow(party)).execute();
  }

  async updateParty(party: Party): Promise<void> {
    const { id, ...rest } = partyToRow(party);
    await this.db.updateTable('parties').set(rest).where('id', '=', id).execute();
  }

  // ── agreements ────────────────────────────────────────────────────────────
  private async partyIdsByAgreement(ids?: string[]): Promise<Map<string, string[]>> {
    let q = this.db.selectFrom('agreement_parties').selectAll().orderBy('party_id');
    if (ids) q = q.where('agreement_id', 'in', ids);
    const map = new Map<string, string[]>();
    for (const r of await q.execute()) {
      const list = map.get(r.agreement_id) ?? [];
      list.push(r.party_id);
      map.set(r.agreement_id, list);
    }
    return map;
  }

  async getAgreement(id: string): Promise<Agreement | undefined> {
    const row = await this.db
      .selectFrom('agreements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const parties = await this.partyIdsByAgreement([id]);
    return agreementFromRow(row, parties.get(id) ?? []);
  }

  async listAgreements(): Promise<Agreement[]> {
    const rows = await this.db.selectFrom('agreements').selectAll().orderBy('id').execute();
    const parties = await this.partyIdsByAgreement();
    return rows.map((r) => agreementFromRow(r, parties.get(r.id) ?? []));
  }

  async insertAgreement(a: Agreement): Promise<void> {
    await this.db
      .insertInto('agreements')
      .values({ id: a.id, title: a.title, description: a.description, created_at: a.createdAt })
      .execute();
    await this.addAgreementParties(a.id, a.partyIds);
  }

  async addAgreementParties(agreementId: string, partyIds: readonly string[]): Promise<void> {
    if (partyIds.length === 0) return;
    await this.db
      .insertInto('agreement_parties')
      .values(partyIds.map((party_id) => ({ agreement_id: agreementId, party_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // ── versions and zones ────────────────────────────────────────────────────
  async listVersions(agreementId?: string): Promise<AgreementVersion[]> {
    let vq = this.db.selectFrom('versions').selectAll().orderBy('agreement_id').orderBy('seq');
    let zq = this.db.selectFrom('zones').selectAll().orderBy('zone_key');
    if (agreementId) {
      vq = vq.where('agreement_id', '=', agreementId);
      zq = zq.where('agreement_id', '=', agreementId);
    }
    const zonesByVersion = new Map<string, ReturnType<typeof zoneFromRow>[]>();
    for (const z of await zq.execute()) {
      const list = zonesByVersion.get(z.version_id) ?? [];
      list.push(zoneFromRow(z));
      zonesByVersion.set(z.version_id, list);
    }
    return (await vq.execute()).map((v) => versionFromRow(v, zonesByVersion.get(v.id) ?? []));
  }

  async insertVersion(version: AgreementVersion): Promise<void> {
    this.requireTransaction('insertVersion');
    await this.db.insertInto('versions').values(versionToRow(version)).execute();
    for (const part of chunks(version.zones.map(zoneToRow), 50))
      await this.db.insertInto('zones').values(part).execute();
  }

  async versionsStamp(): Promise<string> {
    const r = await this.db
      .selectFrom('versions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('recorded_at').as('last')])
      .executeTakeFirstOrThrow();
    return `${Number(r.n)}:${Number(r.last ?? 0)}`;
  }

  async backupTo(path: string): Promise<void> {
    if (this.inTransaction) throw new Error('backupTo cannot run inside a transaction');
    await this.bulk.backupTo(this.db, path);
  }

  async tableCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const r = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(r.n);
    }
    return out;
  }

  async pendingUpgradeTasks() {
    return this.db
      .selectFrom('upgrade_tasks')
      .select(['name', 'reason'])
      .orderBy('created_at')
      .orderBy('name')
      .execute();
  }

  async completeUpgradeTask(name: string): Promise<void> {
    this.requireTransaction('completeUpgradeTask');
    await this.db.deleteFrom('upgrade_tasks').where('name', '=', name).execute();
  }

  async listZones(filter: ZoneFilter) {
    let q = this.db
      .selectFrom('zones')
      .innerJoin('versions', 'versions.id', 'zones.version_id')
      .selectAll('zones')
      .orderBy('zones.agreement_id')
      .orderBy('versions.seq')
      .orderBy('zones.zone_key');
    if (filter.agreementId) q = q.where('zones.agreement_id', '=', filter.agreementId);
    if (filter.versionId) q = q.where('zones.version_id', '=', filter.versionId);
    if (filter.kind) q = q.where('zones.kind', '=', filter.kind);
    if (filter.at !== undefined) {
      // One version per agreement: the one in force then (domain/version-in-force.ts).
      let vq = this.db
        .selectFrom('versions')
        .select(['id', 'agreement_id', 'seq', 'valid_from', 'valid_until'])
        .where('valid_from', '<=', filter.at)
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', filter.at!)]));
      if (filter.agreementId) vq = vq.where('agreement_id', '=', filter.agreementId);
      const inForce = versionsInForce(
        (await vq.execute()).map((v) => ({
          id: v.id,
          agreementId: v.agreement_id,
          seq: Number(v.seq),
          validFrom: Number(v.valid_from),
          validUntil: v.valid_until === null ? null : Number(v.valid_until),
        })),
        filter.at,
      );
      if (inForce.length === 0) return [];
      q = q.where(
        'zones.version_id',
        'in',
        inForce.map((v) => v.id),
      );
    }
    return (await q.execute()).map(zoneFromRow);
  }

  async getZone(id: string) {
    const row = await this.db
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && zoneFromRow(row);
  }

  // ── incidents ─────────────────────────────────────────────────────────────
  async getIncident(idOrExternalId: string): Promise<Incident | undefined> {
    const row = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrExternalId), eb('external_id', '=', idOrExternalId)]))
      .executeTakeFirst();
    return row && incidentFromRow(row);
  }

  async findIncidentKeys(externalIds: readonly string[]): Promise<Map<string, IncidentKeyRow>> {
    return this.bulk.findIncidentKeys(this.db, externalIds);
  }

  async insertIncidents(incidents: readonly Incident[]): Promise<void> {
    this.requireTransaction('insertIncidents');
    if (incidents.length > 0) await this.bulk.insertIncidents(this.db, incidents);
  }

  async updateIncident(incident: Incident): Promise<void> {
    const { id, created_at: _created, ...rest } = incidentToRow(incident);
    await this.db.updateTable('incidents').set(rest).where('id', '=', id).execute();
  }

  async listIncidents(filter: IncidentFilter) {
    let q = notMerged(this.db.selectFrom('incidents'));
    if (filter.eventType) q = q.where('event_type', '=', filter.eventType);
    q = whereIncident(q, filter);
    const total = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('occurred_from', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return { items: rows.map(incidentFromRow), total: Number(total.n) };
  }

  async *scanIncidents(
    filter: { bbox?: [number, number, number, number]; from?: number; until?: number },
    pageSize: number,
  ): AsyncIterable<Incident[]> {
    let after = '';
    for (;;) {
      let q = notMerged(this.db.selectFrom('incidents').selectAll().where('id', '>', after));
      q = whereIncident(q, filter);
      const rows = await q.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield rows.map(incidentFromRow);
      if (rows.length < pageSize) return;
    }
  }

  scanIncidentsForExport(filter: ExportFilter, pageSize: number): AsyncIterable<Incident[]> {
    return scanIncidentsForExport(this.db, filter, pageSize);
  }

  async maxUncertaintyM(): Promise<number> {
    const r = await this.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.max('uncertainty_m').as('m'))
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  async countIncidents(): Promise<number> {
    const r = await this.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  mapPoints(filter: MapPointFilter) {
    return mapPointRows(this.db, filter);
  }

  reportRows(range: { from: number; until: number }) {
    return reportRowSet(this.db, range);
  }

  async insertReports(reports: readonly Report[]): Promise<void> {
    this.requireTransaction('insertReports');
    if (reports.length > 0) await this.bulk.insertReports(this.db, reports);
  }

  // ── violations ────────────────────────────────────────────────────────────
  async insertViolations(rows: readonly ViolationRecord[], now: number): Promise<void> {
    this.requireTransaction('insertViolations');
    if (rows.length > 0) await this.bulk.insertViolations(this.db, rows, now);
  }

  async syncViolations(
    scope: ViolationScope,
    rows: readonly ViolationRecord[],
    now: number,
    reason: string,
  ): Promise<SyncResult> {
    this.requireTransaction('syncViolations');
    return syncViolationRows(this.db, this.bulk, scope, rows, now, reason);
  }

  async listViolations(filter: ViolationFilter) {
    return listViolationRows(this.db, filter);
  }

  scanViolationsForExport(filter: ExportFilter, pageSize: number): AsyncIterable<Violation[]> {
    return scanViolationsForExport(this.db, filter, pageSize);
  }
}
