// What every change leaves behind, written in the same transaction as the change itself: entries
// on the hash-chained audit log, and events on the live feed (GET /api/v1/stream).
import type { Audience, FeedEventDraft } from '../domain/accountability-types.ts';
import { auditEntryHash, GENESIS_HASH, type AuditEntry } from '../domain/audit-chain.ts';
import type { Actor } from '../domain/roles.ts';
import type { Store } from '../store/store.ts';

export interface Change {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Above this many items a change is journalled as one summary entry/event rather than one each. */
export const ITEMISE_LIMIT = 100;

/** Appends changes to the audit chain. Must run inside the transaction that makes the changes. */
export async function audit(
  tx: Store,
  actor: Actor,
  at: number,
  changes: readonly Change[],
): Promise<void> {
  if (changes.length === 0) return;
  const head = await tx.auditHead();
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const entries: AuditEntry[] = [];
  for (const c of changes) {
    const content = {
      seq: ++seq,
      at,
      actor: actor.id === 'system' || actor.id.startsWith('cli:') ? actor.id : actor.name,
      actorRole: actor.role,
      actorParty: actor.partyId,
      action: c.action,
      entity: c.entity,
      entityId: c.entityId,
      before: c.before ?? null,
      after: c.after ?? null,
    };
    const hash = auditEntryHash(prev, content);
    entries.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  await tx.insertAuditEntries(entries);
}

/** Appends events to the feed. Must run inside the transaction that makes the changes. */
export async function publish(
  tx: Store,
  at: number,
  events: readonly FeedEventDraft[],
): Promise<void> {
  if (events.length === 0) return;
  let seq = await tx.feedHead();
  await tx.insertEvents(events.map((e) => ({ ...e, seq: ++seq, at })));
}

export function event(
  type: string,
  audience: Audience,
  payload: Record<string, unknown>,
  partyId: string | null = null,
): FeedEventDraft {
  return { type, audience, partyId, payload };
}
