// The HTTP contract of /api/v1/incidents: an incident (its combined casualties, its graded
// reports, its violations), what recording one or many answers, and import summaries.
import { z } from 'zod';
import { bboxQuery, isoQuery, pagingQuery } from '../domain/query-schemas.ts';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../domain/report.ts';
import { incidentInputSchema } from '../domain/schemas.ts';
import { countRange, isoTime } from './common.ts';
import { violationResponse } from './violations.ts';

export const BATCH_MAX = 1000;

const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();

/** What the source reported about an incident: actors, fatalities, source, notes and place names. */
export const incidentReportedFields = {
  actor1: z.string().nullable(),
  actor2: z.string().nullable(),
  fatalities: z.number().nullable(),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  location: z.string().nullable(),
};

/** The incident's casualties and corroboration, combined from its reports. */
export const incidentAssessmentFields = {
  casualties: z.strictObject({
    killed: countRange,
    injured: countRange,
    civilians_killed: z.number().nullable(),
    combatants_killed: z.number().nullable(),
  }),
  corroborated: z.boolean(),
  report_count: z.number().int().nonnegative(),
};

export const incidentResponse = z.strictObject({
  id: z.string(),
  external_id: z.string().nullable(),
  event_type: z.enum(EVENT_TYPES),
  sub_event_type: z.string().nullable(),
  occurred_from: isoTime,
  occurred_until: isoTime,
  /** occurred_from equals occurred_until. */
  instant: z.boolean(),
  time_precision: precision,
  lon: z.number(),
  lat: z.number(),
  uncertainty_m: z.number().nonnegative(),
  geo_precision: precision,
  ...incidentReportedFields,
  /** Columns of the source format that have no field of their own. */
  attributes: z.record(z.string(), z.string()),
  ...incidentAssessmentFields,
  merged_into: z.string().nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});

/** One source's report on an incident, with the source's grade and the report's credibility. */
export const reportResponse = z.strictObject({
  id: z.string(),
  source_id: z.string(),
  source_name: z.string(),
  /** The name as the report gave it. */
  as_named: z.string(),
  source_kind: z.enum(SOURCE_KINDS).nullable(),
  reliability: z.enum(RELIABILITY_GRADES).nullable(),
  credibility: z.number().int().min(1).max(6).nullable(),
  /** Reliability and credibility, e.g. `B2`. */
  grade: z.string(),
  reference: z.string().nullable(),
  received_at: isoTime.nullable(),
  text: z.string().nullable(),
  killed: countRange,
  injured: countRange,
  civilians_killed: z.number().nullable(),
  combatants_killed: z.number().nullable(),
  origin: z.enum(['record', 'added']),
});

export const incidentListItem = incidentResponse.extend({
  sources: z.array(z.strictObject({ source_id: z.string(), name: z.string(), grade: z.string() })),
});
export const incidentsPage = z.strictObject({
  items: z.array(incidentListItem),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});

export const incidentDetailResponse = incidentResponse.extend({
  reports: z.array(reportResponse),
  violations: z.array(violationResponse),
});
export const incidentWithReportsResponse = incidentResponse.extend({
  reports: z.array(reportResponse),
});
export const INCIDENT_SAVE_STATUSES = ['added', 'updated', 'unchanged'] as const;
export const createdIncidentResponse = incidentResponse.extend({
  status: z.enum(INCIDENT_SAVE_STATUSES),
  violations: z.array(violationResponse),
});
export const updatedIncidentResponse = incidentResponse.extend({
  violations: z.array(violationResponse),
});

export const batchBody = z.object({
  items: z
    .array(incidentInputSchema)
    .min(1, 'must hold at least one incident')
    .max(BATCH_MAX, `at most ${BATCH_MAX} incidents per batch`),
});

export const importSummaryResponse = z.strictObject({
  read: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(
    z.strictObject({ row: z.number().int(), field: z.string(), message: z.string() }),
  ),
  /** Violations the landed incidents gave. */
  violations: z.number().int().nonnegative(),
});

/** The formats an import reads (src/ingest/read-incidents.ts; the route passes them on typed). */
export const IMPORT_FORMATS = ['acled-csv', 'ucdp-csv', 'hxl-csv', 'geojson'] as const;

/** POST /api/v1/imports: the format, when it is not to be detected from the body. */
export const importQuery = z.object({
  format: z
    .enum(IMPORT_FORMATS, { message: `must be one of ${IMPORT_FORMATS.join(', ')}` })
    .optional(),
});
export const fileImportResponse = importSummaryResponse.extend({
  format: z.enum(IMPORT_FORMATS),
});

/** GET /api/v1/incidents: a window, a box, an event type, a page. */
export const incidentsQuery = z.object({
  from: isoQuery.optional(),
  until: isoQuery.optional(),
  bbox: bboxQuery.optional(),
  event_type: z.enum(EVENT_TYPES).optional(),
  ...pagingQuery,
});
