// Keyset-paged scans for exports: incidents (by id) and violations (by their key), filtered like the
// violation list, one page in memory at a time however large the table.
import type { Kysely } from 'kysely';
import type { Incident, Violation } from '../domain/types.ts';
import { notMerged, whereIncident } from './query-filters.ts';
import { incidentFromRow, violationFromRow } from './row-mappers.ts';
import type { ExportFilter } from './store.ts';
import type { Database } from './tables.ts';

type ViolationScope = Pick<ExportFilter, 'agreementId' | 'zone' | 'certainty' | 'statuses'>;

/** Whether the filter asks about violations (then incidents are those with a matching one). */
function filtersViolations(f: ExportFilter): boolean {
  return (
    f.agreementId !== undefined ||
    f.zone !== undefined ||
    f.certainty !== undefined ||
    f.statuses !== undefined
  );
}

/** Violation rows (alias `v`) matching the filter; default statuses: all but superseded. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- select and subquery builders alike
function whereViolation<Q extends { where: (...args: any[]) => Q }>(q: Q, f: ViolationScope): Q {
  let out = q;
  if (f.agreementId !== undefined) out = out.where('v.agreement_id', '=', f.agreementId);
  if (f.zone !== undefined) {
    const zone = f.zone;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    out = out.where((eb: any) => eb.or([eb('v.zone_id', '=', zone), eb('v.zone_key', '=', zone)]));
  }
  if (f.certainty !== undefined) out = out.where('v.certainty', '=', f.certainty);
  if (f.statuses !== undefined) out = out.where('v.status', 'in', f.statuses);
  else out = out.where('v.status', '!=', 'superseded');
  return out;
}

function incidentQuery(db: Kysely<Database>, f: ExportFilter) {
  // Duplicates merged into another are left out, as in every incident list: they count (and
  // would come back on re-import) through their survivor.
  let q = whereIncident(notMerged(db.selectFrom('incidents as i'), 'i'), f, 'i');
  if (filtersViolations(f))
    q = q.where((eb) =>
      eb.exists(
        whereViolation(
          eb
            .selectFrom('violations as v')
            .select(eb.lit(1).as('one'))
            .whereRef('v.incident_id', '=', 'i.id'),
          f,
        ),
      ),
    );
  return q;
}

/** Incidents in id order, `pageSize` at a time. */
export async function* scanIncidentsForExport(
  db: Kysely<Database>,
  f: ExportFilter,
  pageSize: number,
): AsyncGenerator<Incident[]> {
  if (f.statuses?.length === 0) return;
  let after = '';
  for (;;) {
    const rows = await incidentQuery(db, f)
      .selectAll('i')
      .where('i.id', '>', after)
      .orderBy('i.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map(incidentFromRow);
    if (rows.length < pageSize) return;
  }
}

function violationQuery(db: Kysely<Database>, f: ExportFilter) {
  const q = db
    .selectFrom('violations as v')
    .innerJoin('incidents as i', 'i.id', 'v.incident_id')
    .innerJoin('zones as z', 'z.id', 'v.zone_id')
    .innerJoin('versions as ver', 'ver.id', 'v.version_id');
  return whereIncident(whereViolation(q, f), f, 'i');
}

/** Violations in key order (incident, agreement, zone key), `pageSize` at a time. */
export async function* scanViolationsForExport(
  db: Kysely<Database>,
  f: ExportFilter,
  pageSize: number,
): AsyncGenerator<Violation[]> {
  if (f.statuses?.length === 0) return;
  let after: [string, string, string] | null = null;
  for (;;) {
    let q = violationQuery(db, f);
    if (after) {
      const [a, b, c] = after;
      q = q.where((eb) =>
        eb(eb.refTuple('v.incident_id', 'v.agreement_id', 'v.zone_key'), '>', eb.tuple(a, b, c)),
      );
    }
    // The columns listViolationRows selects (src/store/violation-queries.ts): the same Violation.
    const rows = await q
      .select([
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
      ])
      .orderBy('v.incident_id')
      .orderBy('v.agreement_id')
      .orderBy('v.zone_key')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = [last.incident_id, last.agreement_id, last.zone_key];
    yield rows.map(violationFromRow);
    if (rows.length < pageSize) return;
  }
}
