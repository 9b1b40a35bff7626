// The 24/7 desk's records: shifts with their handover (notes, open items and the queue as it
// stood), and the audit chain check.
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { handoverBody } from '../api/desk.ts';
import type { Shift } from '../domain/accountability-types.ts';
import { AuditChainVerifier, type ChainCheck } from '../domain/audit-chain.ts';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { violationIdOf } from '../domain/violation-id.ts';
import type { Store } from '../store/store.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function shiftToJson(s: Shift) {
  return {
    id: s.id,
    started_by: s.startedBy,
    started_at: iso(s.startedAt),
    notes: s.notes,
    handed_over_at: iso(s.handedOverAt),
    handed_over_by: s.handedOverBy,
    handed_to: s.handedTo,
    handover: s.handover && {
      notes: s.handover.notes,
      open_items: s.handover.openItems,
      queue: {
        flagged: s.handover.queue.flagged,
        under_review: s.handover.queue.underReview,
        violation_ids: s.handover.queue.violationIds,
      },
    },
  };
}

export async function startShift(
  ctx: AppContext,
  actor: Actor,
  notes: string | null,
): Promise<Shift> {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.config.now();
    const shift: Shift = {
      id: uuidv7(),
      startedBy: actor.name,
      startedAt: now,
      notes,
      handedOverAt: null,
      handedOverBy: null,
      handedTo: null,
      handover: null,
    };
    await tx.insertShift(shift);
    await audit(tx, actor, now, [
      { action: 'shift.start', entity: 'shift', entityId: shift.id, after: shiftToJson(shift) },
    ]);
    await publish(tx, now, [
      event('shift.started', 'staff', { shift_id: shift.id, by: actor.name }),
    ]);
    return shift;
  });
}

const QUEUE_LIST_LIMIT = 500;

export async function handOver(
  ctx: AppContext,
  actor: Actor,
  shiftId: string,
  input: z.output<typeof handoverBody>,
): Promise<Shift> {
  return ctx.store.transaction(async (tx) => {
    const shift = await tx.getShift(shiftId);
    if (!shift) throw new AppError('not_found', `shift ${shiftId} does not exist`);
    if (shift.handedOverAt !== null)
      throw new AppError('invalid_transition', `shift ${shiftId} was already handed over`);
    if (input.handed_to && !(await tx.getUserByUsername(input.handed_to)))
      throw new AppError(
        'unknown_reference',
        `user ${input.handed_to} does not exist`,
        'handed_to',
      );
    const queue = async (status: 'flagged' | 'under_review') =>
      tx.listViolations({ statuses: [status], limit: QUEUE_LIST_LIMIT });
    const [flagged, review] = [await queue('flagged'), await queue('under_review')];
    const now = ctx.config.now();
    const next: Shift = {
      ...shift,
      handedOverAt: now,
      handedOverBy: actor.name,
      handedTo: input.handed_to ?? null,
      handover: {
        notes: input.notes,
        openItems: input.open_items,
        queue: {
          flagged: flagged.total,
          underReview: review.total,
          violationIds: [...review.items, ...flagged.items].map(violationIdOf),
        },
      },
    };
    await tx.updateShift(next);
    await audit(tx, actor, now, [
      {
        action: 'shift.handover',
        entity: 'shift',
        entityId: shift.id,
        before: shiftToJson(shift),
        after: shiftToJson(next),
      },
    ]);
    await publish(tx, now, [
      event('shift.handover', 'staff', {
        shift_id: shift.id,
        by: actor.name,
        to: next.handedTo,
        open_items: input.open_items.length,
      }),
    ]);
    return next;
  });
}

/** Recomputes the whole chain, page by page, and names the first entry that does not match. */
export async function verifyAuditChain(
  store: Store,
  onProgress?: (checked: number) => void,
): Promise<ChainCheck> {
  const verifier = new AuditChainVerifier();
  let n = 0;
  for await (const page of store.scanAudit(0, 5000)) {
    for (const e of page) verifier.push(e);
    n += page.length;
    onProgress?.(n);
  }
  return verifier.result();
}
