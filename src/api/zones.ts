// The HTTP contract of /api/v1/zones: zones as GeoJSON features (also inside versions) and the
// geometry check the zone editor calls before it saves.
import { isoQuery } from '../domain/query-schemas.ts';
import { z } from 'zod';
import { ZONE_KINDS } from '../domain/zone-kinds.ts';
import { areaGeometry, feature, featureCollection, isoTime } from './common.ts';

/**
 * A zone's properties: the extra properties it was drawn with (free-form), then the server's own.
 * The version's label and window are there whenever the zone is served with its version.
 */
export const zoneProperties = z
  .object({
    name: z.string(),
    kind: z.enum(ZONE_KINDS),
    key: z.string(),
    agreement_id: z.string(),
    version_id: z.string(),
    version_label: z.string().optional(),
    valid_from: isoTime.optional(),
    valid_until: isoTime.nullable().optional(),
    area_km2: z.number().nonnegative(),
  })
  .catchall(z.unknown());

export const zoneFeature = feature(areaGeometry, zoneProperties).extend({ id: z.string() });
export const zoneCollection = featureCollection(zoneFeature);

/** POST /api/v1/zones/validate: any JSON as geometry; the answer says what is wrong with it. */
export const validateGeometryBody = z.object({ geometry: z.unknown() });

export const geometryIssue = z.strictObject({
  /** Where, e.g. `coordinates[0][3]`. */
  path: z.string(),
  message: z.string(),
});

export const geometryCheckResponse = z.strictObject({
  valid: z.boolean(),
  issues: z.array(geometryIssue),
  area_km2: z.number().nonnegative().nullable(),
});

/** GET /api/v1/zones: by agreement, version, kind; `at` keeps the version in force then. */
export const zoneQuery = z.object({
  agreement: z.string().optional(),
  version: z.string().optional(),
  kind: z.enum(ZONE_KINDS, { message: `must be one of ${ZONE_KINDS.join(', ')}` }).optional(),
  at: isoQuery.optional(),
});
