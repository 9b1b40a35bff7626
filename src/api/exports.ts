// The HTTP contract of the GeoJSON downloads under /api/v1/exports: incidents as the GeoJSON
// import reads them back, violations as points with the API's violation properties.
import { z } from 'zod';
import { incidentAssessmentFields, incidentReportedFields } from './incidents.ts';
import { violationFilterQuery } from '../domain/query-schemas.ts';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { feature, featureCollection, isoDay, isoTime, pointGeometry } from './common.ts';
import { violationResponse } from './violations.ts';

/** An incident's time: a day at ACLED precision, an instant, or a span. */
const incidentTime = {
  occurred_on: isoDay.optional(),
  time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  occurred_at: isoTime.optional(),
  occurred_from: isoTime.optional(),
  occurred_until: isoTime.optional(),
};

export const incidentExportFeature = feature(
  pointGeometry,
  z.strictObject({
    external_id: z.string(),
    event_type: z.enum(EVENT_TYPES),
    sub_event_type: z.string().nullable(),
    ...incidentTime,
    uncertainty_m: z.number().nonnegative(),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    ...incidentReportedFields,
    ...incidentAssessmentFields,
  }),
).extend({ id: z.string() });
export const incidentExportCollection = featureCollection(incidentExportFeature);

export const violationExportFeature = feature(
  pointGeometry,
  violationResponse.omit({ lon: true, lat: true }),
).extend({ id: z.string() });
export const violationExportCollection = featureCollection(violationExportFeature);

/** The downloads' filters: the violation filters without a format (the route names it). */
export const exportQuery = violationFilterQuery.omit({ format: true });
