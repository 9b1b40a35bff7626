// The HTTP contract of /api/v1/sources: the source registry with Admiralty reliability grades.
import { z } from 'zod';
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../domain/report.ts';
import { isoTime, itemsOf } from './common.ts';

export const sourceResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITY_GRADES),
  affiliation: z.string().nullable(),
  notes: z.string().nullable(),
  /** Registered by an import that named an unknown source (grade F until reviewed). */
  auto: z.boolean(),
  created_at: isoTime,
});
export const sourcesResponse = itemsOf(sourceResponse);

export const putSourceResponse = z.strictObject({
  source: sourceResponse,
  status: z.enum(['added', 'changed', 'unchanged']),
});
