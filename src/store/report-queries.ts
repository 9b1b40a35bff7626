// The daily report's rows (src/report/daily): every incident that starts in a range, with its
// violations and its sources' reports — only the columns the figures need, never a query per
// incident. The incidents come from one walk of the start-time index; their violations and reports
// by primary key and incident index, 2,000 incident ids a query (walking the range again in a join
// would read every incident row twice more: measured 2.5× slower). Incidents merged into another
// are left out (they count through their survivor); superseded violations too.
import type { Kysely } from 'kysely';
import type { Credibility } from '../domain/report.ts';
import type { Certainty } from '../domain/types.ts';
import type { Attribution, Intent, ViolationStatus } from '../domain/violation-review.ts';
import { chunks, notMerged } from './query-filters.ts';
import {
  assessmentFromRow,
  countFromColumns,
  incidentCoreFromRow,
  numOrNull,
} from './row-mappers.ts';
import type { ReportRowSet } from '../report/daily/report-rows.ts';
import type { Database } from './tables.ts';

/** Ids per IN list: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const IDS_PER_QUERY = 2000;

// prettier-ignore
const INCIDENT_COLUMNS = [
  'id', 'external_id', 'event_type', 'sub_event_type', 'occurred_from', 'occurred_until',
  'time_precision', 'lon', 'lat', 'uncertainty_m', 'actor1', 'actor2', 'fatalities', 'admin1',
  'location', 'killed_low', 'killed_best', 'killed_high', 'injured_low', 'injured_best',
  'injured_high', 'civilians_killed', 'combatants_killed', 'corroborated', 'report_count',
] as const;
// prettier-ignore
const VIOLATION_COLUMNS = [
  'incident_id', 'agreement_id', 'zone_key', 'zone_id', 'version_id', 'certainty', 'status',
  'intent', 'attributions', 'reviewed_at',
] as const;
// prettier-ignore
const REPORT_COLUMNS = [
  'id', 'incident_id', 'source_id', 'source_name', 'reference', 'credibility', 'killed_low',
  'killed_best', 'killed_high', 'civilians_killed',
] as const;

/** Of these incidents: violations not superseded, and reports, each in key order per query. */
async function ofIncidents(db: Kysely<Database>, ids: string[]) {
  const violations = await db
    .selectFrom('violations')
    .select(VIOLATION_COLUMNS)
    .where('incident_id', 'in', ids)
    .where('status', '!=', 'superseded')
    .orderBy('incident_id')
    .orderBy('agreement_id')
    .orderBy('zone_key')
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(REPORT_COLUMNS)
    .where('incident_id', 'in', ids)
    .orderBy('incident_id')
    .orderBy('id')
    .execute();
  return { violations, reports };
}

export async function reportRowSet(
  db: Kysely<Database>,
  range: { from: number; until: number },
): Promise<ReportRowSet> {
  const incidents = await notMerged(db.selectFrom('incidents'))
    .select(INCIDENT_COLUMNS)
    .where('occurred_from', '>=', range.from)
    .where('occurred_from', '<', range.until)
    .orderBy('occurred_from')
    .orderBy('id')
    .execute();
  const violations: Awaited<ReturnType<typeof ofIncidents>>['violations'] = [];
  const reports: Awaited<ReturnType<typeof ofIncidents>>['reports'] = [];
  const ids = incidents.map((i) => i.id);
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const found = await ofIncidents(db, part);
    for (const v of found.violations) violations.push(v);
    for (const r of found.reports) reports.push(r);
  }
  return {
    incidents: incidents.map((r) => ({
      ...incidentCoreFromRow(r),
      timePrecision: numOrNull(r.time_precision) as 1 | 2 | 3 | null,
      uncertaintyM: r.uncertainty_m,
      actor1: r.actor1,
      actor2: r.actor2,
      fatalities: numOrNull(r.fatalities),
      admin1: r.admin1,
      location: r.location,
      assessment: assessmentFromRow(r),
    })),
    violations: violations.map((r) => ({
      incidentId: r.incident_id,
      agreementId: r.agreement_id,
      zoneKey: r.zone_key,
      zoneId: r.zone_id,
      versionId: r.version_id,
      certainty: r.certainty as Certainty,
      status: r.status as ViolationStatus,
      intent: r.intent as Intent | null,
      attributions: r.attributions ? (JSON.parse(r.attributions) as Attribution[]) : [],
      reviewedAt: numOrNull(r.reviewed_at),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      sourceId: r.source_id,
      source: r.source_name,
      reference: r.reference,
      credibility: numOrNull(r.credibility) as Credibility | null,
      killed: countFromColumns(r.killed_low, r.killed_best, r.killed_high),
      civiliansKilled: numOrNull(r.civilians_killed),
    })),
  };
}
