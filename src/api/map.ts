// The HTTP contract of /api/v1/map: the offline base map, the OCHA boundary layers the zone editor
// snaps to, and a map view's incidents as clusters and single points.
import { CERTAINTIES } from '../domain/certainty.ts';
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { VIOLATION_STATUSES } from '../domain/violation-review.ts';
import { BOUNDARY_LAYERS } from '../domain/boundary-layers.ts';
import { anyGeometry, areaGeometry, feature, isoTime, pointGeometry } from './common.ts';

export const basemapResponse = z.strictObject({
  countries: z.strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(feature(anyGeometry, z.strictObject({ name: z.string() }))),
  }),
  syria_admin1: z.strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(
      feature(anyGeometry, z.strictObject({ name_en: z.string(), pcode: z.string() })),
    ),
  }),
  attribution: z.string(),
});

export const boundaryProperties = z.strictObject({
  name_en: z.string(),
  /** Neighbourhoods only. */
  name_ar: z.string().optional(),
  pcode: z.string(),
});

export const boundaryLayerResponse = z.strictObject({
  type: z.literal('FeatureCollection'),
  layer: z.enum(BOUNDARY_LAYERS),
  attribution: z.string(),
  features: z.array(feature(areaGeometry, boundaryProperties)),
});

/** The most severe violation of an incident (or of a cluster's incidents) the caller may see. */
/** The most severe violation of a map point or cluster (ordered in domain/certainty.ts). */
export const mapViolation = z.enum(CERTAINTIES);

export const clusterProperties = z.strictObject({
  cluster: z.literal(true),
  cluster_id: z.number().int(),
  point_count: z.number().int().positive(),
  fatalities: z.number().nonnegative(),
  violation: mapViolation,
});

export const incidentPointProperties = z.strictObject({
  id: z.string(),
  external_id: z.string().nullable(),
  event_type: z.enum(EVENT_TYPES),
  sub_event_type: z.string().nullable(),
  occurred_from: isoTime,
  occurred_until: isoTime,
  fatalities: z.number().nullable(),
  uncertainty_m: z.number().nonnegative(),
  violation: mapViolation,
  /** The review status of that violation; null without one. */
  review_status: z.enum(VIOLATION_STATUSES).nullable(),
});

export const mapIncidentFeature = feature(
  pointGeometry,
  z.union([clusterProperties, incidentPointProperties]),
);

export const mapIncidentsResponse = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(mapIncidentFeature),
  /** Incidents of the window and filters, the whole map over. */
  total: z.number().int().nonnegative(),
});
