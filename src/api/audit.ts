// The HTTP contract of /api/v1/audit: the hash-chained audit log and its verification.
import { z } from 'zod';
import { isoTime } from './common.ts';

export const auditQuery = z.object({
  entity: z.string().max(40).optional(),
  entity_id: z.string().max(300).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const chainHead = z.strictObject({ seq: z.number().int().positive(), hash: z.string() }).nullable();

export const auditEntryResponse = z.strictObject({
  seq: z.number().int().positive(),
  at: isoTime,
  actor: z.string(),
  actor_role: z.string().nullable(),
  actor_party: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string(),
  /** The entity's recorded state before and after the change (free-form JSON, null when none). */
  before: z.json(),
  after: z.json(),
  prev_hash: z.string(),
  hash: z.string(),
});

export const auditResponse = z.strictObject({
  items: z.array(auditEntryResponse),
  head: chainHead,
});

export const auditVerifyResponse = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  head: chainHead,
  first_break: z.strictObject({ seq: z.number().int(), reason: z.string() }).nullable(),
});
