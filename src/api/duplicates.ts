// The HTTP contract of duplicate detection: scored candidates with their reasons, merges of a
// duplicate into its survivor, and their undoing.
import { bboxQuery, isoQuery } from '../domain/query-schemas.ts';
import { z } from 'zod';
import { isoTime, itemsOf } from './common.ts';
import { incidentResponse } from './incidents.ts';

export const candidateResponse = z.strictObject({
  /** 0 … 1. */
  score: z.number(),
  reasons: z.array(z.string()),
  incident: incidentResponse,
  candidate: incidentResponse,
});
export const candidatesResponse = itemsOf(candidateResponse);
export const candidatePairsResponse = z.strictObject({
  items: z.array(candidateResponse),
  /** Incidents of the window that were compared. */
  scanned: z.number().int().nonnegative(),
  /** The window held more incidents than are compared at once. */
  truncated: z.boolean(),
});

export const mergeResponse = z.strictObject({
  id: z.string(),
  survivor_id: z.string(),
  merged_id: z.string(),
  report_ids: z.array(z.string()),
  score: z.number().nullable(),
  note: z.string(),
  merged_by: z.string(),
  merged_at: isoTime,
  undone_by: z.string().nullable(),
  undone_at: isoTime.nullable(),
});
export const mergesResponse = itemsOf(mergeResponse);

export const maxDistanceQuery = z.coerce
  .number()
  .min(0, 'must be 0 or more metres')
  .max(200_000, 'must be at most 200000 metres')
  .default(10_000);

export const candidatesQuery = z.object({
  max_distance_m: maxDistanceQuery,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const mergeBody = z.object({
  into: z.string().min(1, 'name the incident that survives').max(128),
  note: z.string().trim().min(3, 'say why they are the same event').max(5000),
});

/** GET /api/v1/duplicates: candidate pairs among a window's incidents. */
export const candidatePairsQuery = z.object({
  from: isoQuery.optional(),
  until: isoQuery.optional(),
  bbox: bboxQuery.optional(),
  max_distance_m: maxDistanceQuery,
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
