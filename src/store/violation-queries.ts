// Violation rows: synchronising the derived rows of a scope with the engine's result, and listing
// them joined with what a reader needs (incident, zone, version).
import type { Kysely } from 'kysely';
import type { ViolationFilter, ViolationRecord } from '../domain/types.ts';
import type { BulkWriter } from './kysely-store.ts';
import { chunks, whereIncident } from './query-filters.ts';
import { violationFromRow } from './row-mappers.ts';
import type { SyncResult, ViolationScope } from './store.ts';
import type { Database, ViolationsTable } from './tables.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- update and delete builders alike
type WhereKey<Q> = { where: (...args: any[]) => Q };

const violationKey = (r: { incident_id: string; agreement_id: string; zone_key: string }) =>
  `${r.incident_id}\u0000${r.agreement_id}\u0000${r.zone_key}`;

type DerivedRow = Omit<
  ViolationsTable,
  'status' | 'intent' | 'attributions' | 'status_note' | 'reviewed_by' | 'reviewed_at'
>;

function violationRow(r: ViolationRecord, now: number): DerivedRow {
  return {
    incident_id: r.incidentId,
    agreement_id: r.agreementId,
    zone_key: r.zoneKey,
    zone_id: r.zoneId,
    version_id: r.versionId,
    certainty: r.certainty,
    detected_at: now,
    updated_at: now,
  };
}

/** Makes the rows in `scope` equal to `rows`: adds, changes, removes; keeps detection times. */
export async function syncViolationRows(
  db: Kysely<Database>,
  bulk: BulkWriter,
  scope: ViolationScope,
  rows: readonly ViolationRecord[],
  now: number,
  reason: string,
): Promise<SyncResult> {
  const existing = new Map<string, ViolationsTable>();
  const scopeQuery = () => db.selectFrom('violations').selectAll();
  const found =
    'agreementId' in scope
      ? await scopeQuery().where('agreement_id', '=', scope.agreementId).execute()
      : (
          await Promise.all(
            chunks(scope.incidentIds, 500).map((part) =>
              scopeQuery().where('incident_id', 'in', part).execute(),
            ),
          )
        ).flat();
  for (const r of found) existing.set(violationKey(r), r);
  const result: SyncResult = { added: 0, changed: 0, removed: 0, superseded: 0, restored: 0 };
  const where = <Q extends WhereKey<Q>>(q: Q, r: ViolationsTable) =>
    q
      .where('incident_id', '=', r.incident_id)
      .where('agreement_id', '=', r.agreement_id)
      .where('zone_key', '=', r.zone_key);
  const toInsert: ViolationRecord[] = [];
  for (const rec of rows) {
    const row = violationRow(rec, now);
    const key = violationKey(row);
    const old = existing.get(key);
    existing.delete(key);
    if (!old) {
      toInsert.push(rec);
      result.added++;
    } else if (old.status === 'superseded') {
      // Matched again: a person decides afresh; the earlier decision stays in the review history.
      await where(db.updateTable('violations'), old)
        .set({
          certainty: row.certainty,
          version_id: row.version_id,
          zone_id: row.zone_id,
          status: 'under_review',
          status_note: `matched again: ${reason}`,
          updated_at: now,
        })
        .execute();
      result.restored++;
    } else if (
      old.certainty !== row.certainty ||
      old.version_id !== row.version_id ||
      old.zone_id !== row.zone_id
    ) {
      await where(db.updateTable('violations'), old)
        .set({
          certainty: row.certainty,
          version_id: row.version_id,
          zone_id: row.zone_id,
          updated_at: now,
        })
        .execute();
      result.changed++;
    }
  }
  for (const gone of existing.values()) {
    if (gone.status === 'flagged') {
      await where(db.deleteFrom('violations'), gone).execute();
      result.removed++;
    } else if (gone.status !== 'superseded') {
      // A reviewed decision is never destroyed: it stays, marked superseded, with the reason.
      await where(db.updateTable('violations'), gone)
        .set({ status: 'superseded', status_note: `no longer matched: ${reason}`, updated_at: now })
        .execute();
      result.superseded++;
    }
  }
  if (toInsert.length > 0) await bulk.insertViolations(db, toInsert, now);
  return result;
}

/** The columns a Violation is read from (violationFromRow), over joinedViolations. */
export const VIOLATION_JOIN_COLUMNS = [
  'v.incident_id',
  'v.agreement_id',
  'v.zone_key',
  'v.zone_id',
  'v.version_id',
  'v.certainty',
  'v.detected_at',
  'v.status',
  'v.intent',
  'v.attributions',
  'v.status_note',
  'v.reviewed_by',
  'v.reviewed_at',
  'i.actor1',
  'i.external_id',
  'ver.label',
  'z.name as zone_name',
  'z.kind as zone_kind',
  'i.event_type',
  'i.sub_event_type',
  'i.occurred_from',
  'i.occurred_until',
  'i.lon',
  'i.lat',
  'i.uncertainty_m',
  'i.fatalities',
] as const;

/** Violations (alias v) with their incident (i), zone (z) and version (ver). */
export function joinedViolations(db: Kysely<Database>) {
  return db
    .selectFrom('violations as v')
    .innerJoin('incidents as i', 'i.id', 'v.incident_id')
    .innerJoin('zones as z', 'z.id', 'v.zone_id')
    .innerJoin('versions as ver', 'ver.id', 'v.version_id');
}

/**
 * Violation rows (alias `v`) by agreement, zone (id or key), certainty and statuses; without
 * statuses, all but superseded (unless `anyStatus`, for reading one violation by its key).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- select and subquery builders alike
export function whereViolation<Q extends { where: (...args: any[]) => Q }>(
  q: Q,
  f: Pick<ViolationFilter, 'agreementId' | 'zone' | 'certainty' | 'statuses'>,
  anyStatus = false,
): Q {
  let out = q;
  if (f.agreementId !== undefined) out = out.where('v.agreement_id', '=', f.agreementId);
  if (f.zone !== undefined) {
    const zone = f.zone;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    out = out.where((eb: any) => eb.or([eb('v.zone_id', '=', zone), eb('v.zone_key', '=', zone)]));
  }
  if (f.certainty !== undefined) out = out.where('v.certainty', '=', f.certainty);
  if (f.statuses !== undefined) out = out.where('v.status', 'in', f.statuses);
  else if (!anyStatus) out = out.where('v.status', '!=', 'superseded');
  return out;
}

export async function listViolationRows(db: Kysely<Database>, filter: ViolationFilter) {
  if (filter.statuses?.length === 0) return { items: [], total: 0 };
  let q = whereViolation(joinedViolations(db), filter, filter.key !== undefined);
  if (filter.incidentId) q = q.where('v.incident_id', '=', filter.incidentId);
  if (filter.key)
    q = q
      .where('v.incident_id', '=', filter.key.incidentId)
      .where('v.agreement_id', '=', filter.key.agreementId)
      .where('v.zone_key', '=', filter.key.zoneKey);
  q = whereIncident(q, filter, 'i');
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(VIOLATION_JOIN_COLUMNS)
    .orderBy('i.occurred_from', 'desc')
    .orderBy('v.incident_id')
    .orderBy('v.agreement_id')
    .orderBy('v.zone_key')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return { items: rows.map(violationFromRow), total: Number(total.n) };
}
