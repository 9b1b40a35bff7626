// The map's incident layer: every incident of a time window with only the columns a map point
// needs, and its visible violations folded into two ranks, in one grouped query (a left join on the
// violations' primary key, which starts with incident_id) — never a query per incident.
import { sql, type Kysely } from 'kysely';
import { RELIABILITY_GRADES } from '../domain/report.ts';
import { certaintyOfRank, certaintyRank } from '../domain/certainty.ts';
import type { ViolationStatus } from '../domain/violation-review.ts';
import { notMerged, whereIncident } from './query-filters.ts';
import { incidentCoreFromRow } from './row-mappers.ts';
import type { MapPoint, MapPointFilter } from './store.ts';
import type { Database } from './tables.ts';

const nullIfNone = <T extends string>(c: T | 'none'): T | null => (c === 'none' ? null : c);

/** Review statuses by how far the review went; a confirmed violation outranks a dismissed one. */
const REVIEW_RANK: (ViolationStatus | null)[] = [
  null,
  'flagged',
  'under_review',
  'dismissed',
  'confirmed',
];

export async function mapPointRows(db: Kysely<Database>, f: MapPointFilter): Promise<MapPoint[]> {
  const statuses = f.statuses;
  let q = db.selectFrom('incidents as i').leftJoin('violations as v', (join) => {
    let on = join.onRef('v.incident_id', '=', 'i.id');
    if (statuses === undefined) on = on.on('v.status', '!=', 'superseded');
    else if (statuses.length === 0) on = on.on(sql<boolean>`1 = 0`);
    else on = on.on('v.status', 'in', statuses);
    if (f.agreementId !== undefined) on = on.on('v.agreement_id', '=', f.agreementId);
    return on;
  });
  q = whereIncident(notMerged(q, 'i'), { from: f.from, until: f.until }, 'i');
  if (f.eventType !== undefined) q = q.where('i.event_type', '=', f.eventType);
  if (f.minReliability !== undefined) {
    const grades = RELIABILITY_GRADES.slice(0, RELIABILITY_GRADES.indexOf(f.minReliability) + 1);
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('reports as r')
          .innerJoin('sources as s', 's.id', 'r.source_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('r.incident_id', '=', 'i.id')
          .where('s.reliability', 'in', grades),
      ),
    );
  }
  const rows = await q
    .select((eb) => [
      'i.id',
      'i.external_id',
      'i.event_type',
      'i.sub_event_type',
      'i.occurred_from',
      'i.occurred_until',
      'i.lon',
      'i.lat',
      'i.fatalities',
      'i.uncertainty_m',
      // A dismissed violation is one the cell judged not to be one: it does not colour the point.
      eb.fn
        .max(
          eb
            .case()
            .when('v.status', '=', 'dismissed')
            .then(certaintyRank('none'))
            .when('v.certainty', '=', 'certain')
            .then(certaintyRank('certain'))
            .when('v.certainty', '=', 'possible')
            .then(certaintyRank('possible'))
            .else(certaintyRank('none'))
            .end(),
        )
        .as('severity'),
      eb.fn
        .max(
          eb
            .case('v.status')
            .when('flagged')
            .then(1)
            .when('under_review')
            .then(2)
            .when('dismissed')
            .then(3)
            .when('confirmed')
            .then(4)
            .else(0)
            .end(),
        )
        .as('review'),
    ])
    .groupBy('i.id')
    .execute();
  return rows.map((r) => ({
    ...incidentCoreFromRow(r),
    fatalities: r.fatalities === null ? null : Number(r.fatalities),
    uncertaintyM: r.uncertainty_m,
    violation: nullIfNone(certaintyOfRank(Number(r.severity ?? 0))),
    reviewStatus: REVIEW_RANK[Number(r.review ?? 0)] ?? null,
  }));
}
