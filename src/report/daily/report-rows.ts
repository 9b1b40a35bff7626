// The rows the daily report reads (Store.reportRows gives them in one read transaction): slices of
// incidents, violations and reports with only the columns the report uses. Declared here, by the
// report that needs them; the store implements them.
import type { Report } from '../../domain/report.ts';
import type { Incident, Violation } from '../../domain/types.ts';

/** What the daily report (src/report/daily) needs of an incident: no notes, attributes or hashes. */
export type ReportIncidentRow = Pick<
  Incident,
  | 'id' | 'externalId' | 'eventType' | 'subEventType' | 'occurredFrom' | 'occurredUntil'
  | 'timePrecision' | 'lon' | 'lat' | 'uncertaintyM' | 'actor1' | 'actor2' | 'fatalities'
  | 'admin1' | 'location' | 'assessment'
>; // prettier-ignore
/** A violation as the daily report reads it: its key, zone, version, certainty and review. */
export type ReportViolationRow = Pick<
  Violation,
  | 'incidentId' | 'agreementId' | 'zoneKey' | 'zoneId' | 'versionId' | 'certainty' | 'status'
  | 'intent' | 'attributions' | 'reviewedAt'
>; // prettier-ignore
/** One source's report on an incident, as the daily report's appendix and disputes need it. */
export type ReportSourceRow = Pick<
  Report,
  'id' | 'incidentId' | 'sourceId' | 'source' | 'reference' | 'credibility' | 'killed' | 'civiliansKilled'
>; // prettier-ignore

/**
 * The rows behind a daily report: every incident not merged whose start lies in the range (in
 * start order), the violations of those incidents that are not superseded, and their reports.
 */
export interface ReportRowSet {
  incidents: ReportIncidentRow[];
  violations: ReportViolationRow[];
  reports: ReportSourceRow[];
}
