// The HTTP contract of /api/v1/agreements: agreements, their recorded versions (with zones as
// GeoJSON, or as a summary list in agreement listings) and the summaries of imports and recordings.
import { z } from 'zod';
import { ZONE_KINDS } from '../domain/zone-kinds.ts';
import { isoTime, itemsOf } from './common.ts';
import { zoneCollection } from './zones.ts';

/** A half-open span of time [from, until); `until` null = open-ended. */
export const timeSpan = z.strictObject({ from: isoTime, until: isoTime.nullable() });

const versionFields = {
  id: z.string(),
  agreement_id: z.string(),
  seq: z.number().int().positive(),
  label: z.string(),
  valid_from: isoTime,
  valid_until: isoTime.nullable(),
  signed_by: z.array(z.string()),
  terms: z.string().nullable(),
  content_hash: z.string(),
  recorded_at: isoTime,
  proposal_id: z.string().nullable(),
  /** When this version is the one in force (domain/version-in-force.ts), in time order. */
  effective_windows: z.array(timeSpan),
  /** The parts of its own window in which a later version is in force instead. */
  superseded_windows: z.array(timeSpan),
};

/** A version as listed with its agreement: its zones named, without geometry. */
export const versionSummary = z.strictObject({
  ...versionFields,
  zones: z.array(
    z.strictObject({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      kind: z.enum(ZONE_KINDS),
      area_km2: z.number().nonnegative(),
    }),
  ),
});

/** A version with its zones as a GeoJSON FeatureCollection. */
export const versionResponse = z.strictObject({ ...versionFields, zones: zoneCollection });
export const versionsResponse = itemsOf(versionResponse);

export const agreementResponse = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  parties: z.array(z.string()),
  created_at: isoTime,
  versions: z.array(versionSummary).optional(),
});
export const agreementsResponse = itemsOf(agreementResponse);

/** What re-evaluating an agreement did to its stored violations. */
export const syncResult = z.strictObject({
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  /** Unreviewed rows the engine no longer gives: deleted. */
  removed: z.number().int().nonnegative(),
  /** Reviewed rows the engine no longer gives: kept, marked superseded. */
  superseded: z.number().int().nonnegative(),
  /** Superseded rows the engine gives again: back to under_review. */
  restored: z.number().int().nonnegative(),
});

export const recordVersionResponse = z.strictObject({
  version: versionResponse,
  violations: syncResult,
});

const addedUnchanged = z.strictObject({
  added: z.array(z.string()),
  unchanged: z.array(z.string()),
});

export const agreementImportResponse = z.strictObject({
  agreement: z.strictObject({ id: z.string(), status: z.enum(['added', 'unchanged']) }),
  parties: addedUnchanged,
  versions: addedUnchanged,
  violations: syncResult,
  warnings: z.array(z.string()),
});
