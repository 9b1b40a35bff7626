// Keyset-paged scans for exports: incidents (by id) and violations (by their key), filtered like the
// violation list, one page in memory at a time however large the table.
import type { Kysely } from 'kysely';
import type { Incident, Violation } from '../domain/types.ts';
import { notMerged, whereIncident } from './query-filters.ts';
import { incidentFromRow, violationFromRow } from './row-mappers.ts';
import type { ExportFilter } from './store.ts';
import type { Database } from './tables.ts';
import { joinedViolations, VIOLATION_JOIN_COLUMNS, whereViolation } from './violation-queries.ts';

/** Whether the filter asks about violations (then incidents are those with a matching one). */
function filtersViolations(f: ExportFilter): boolean {
  return (
    f.agreementId !== undefined ||
    f.zone !== undefined ||
    f.certainty !== undefined ||
    f.statuses !== undefined
  );
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
  return whereIncident(whereViolation(joinedViolations(db), f), f, 'i');
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
    const rows = await q
      .select(VIOLATION_JOIN_COLUMNS)
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
