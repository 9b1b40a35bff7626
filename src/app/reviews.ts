// The violation desk: reviewing a violation step by step with notes, attribution and intent;
// notices to the attributed parties' liaisons and their answers.
import { v7 as uuidv7 } from 'uuid';
import {
  isStaff,
  mayActFor,
  maySeeViolation,
  partyScope,
  violationStatusAudience,
} from '../domain/access.ts';
import type { Notice, ViolationKey } from '../domain/accountability-types.ts';
import { suggestAttributions } from '../domain/attribution-rules.ts';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import type { Violation } from '../domain/types.ts';
import { parseViolationId, violationIdOf } from '../domain/violation-id.ts';
import {
  checkReviewStep,
  type Attribution,
  type Intent,
  type ReviewTarget,
} from '../domain/violation-review.ts';
import type { Store } from '../store/store.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';

export function keyOf(id: string): ViolationKey {
  const key = parseViolationId(id);
  if (!key) throw new AppError('not_found', `violation ${id} does not exist`);
  return key;
}

export async function getViolation(store: Store, actor: Actor, id: string): Promise<Violation> {
  const key = keyOf(id);
  const v = (await store.listViolations({ key, limit: 1 })).items[0];
  if (!v || !maySeeViolation(actor, v.status))
    throw new AppError('not_found', `violation ${id} does not exist`);
  return v;
}

export async function violationDetail(ctx: AppContext, actor: Actor, id: string) {
  const v = await getViolation(ctx.store, actor, id);
  const key = keyOf(id);
  const notices = await ctx.store.listNotices({ key, partyId: partyScope(actor) });
  if (!isStaff(actor)) return { violation: v, reviews: [], notices, suggestions: [] };
  const agreement = await ctx.store.getAgreement(v.agreementId);
  const parties = (await ctx.store.listParties()).filter((p) => agreement?.partyIds.includes(p.id));
  const incident = await ctx.store.getIncident(v.incidentId);
  return {
    violation: v,
    reviews: await ctx.store.listViolationReviews(key),
    notices,
    suggestions: incident ? suggestAttributions(incident, parties) : [],
  };
}

export interface ReviewInput {
  to: ReviewTarget;
  note: string;
  intent?: Intent | undefined;
  attributions?: Attribution[] | undefined;
}

export async function reviewViolation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ReviewInput,
): Promise<{ violation: Violation; notices: Notice[] }> {
  const key = keyOf(id);
  return ctx.store.transaction(async (tx) => {
    const v = (await tx.listViolations({ key, limit: 1 })).items[0];
    if (!v) throw new AppError('not_found', `violation ${id} does not exist`);
    const intent = input.intent ?? (input.to === v.status ? v.intent : null) ?? null;
    const attributions = input.attributions ?? v.attributions;
    const step = checkReviewStep(v.status, input.to, actor.role, { intent, attributions });
    if (!step.ok)
      throw new AppError(step.forbidden ? 'forbidden' : 'invalid_transition', step.reason, 'to');
    for (const [i, a] of attributions.entries())
      if (!(await tx.getParty(a.partyId)))
        throw new AppError(
          'unknown_reference',
          `party ${a.partyId} does not exist`,
          `attributions[${i}].party_id`,
        );
    const now = ctx.config.now();
    const state = {
      status: input.to,
      intent,
      attributions,
      statusNote: input.note,
      reviewedBy: actor.name,
      reviewedAt: now,
    };
    await tx.setViolationReview(key, state);
    await tx.insertViolationReview({
      ...key,
      id: uuidv7(),
      fromStatus: v.status,
      toStatus: input.to,
      note: input.note,
      intent,
      attributions,
      byActor: actor.name,
      at: now,
    });
    await audit(tx, actor, now, [
      {
        action: 'violation.review',
        entity: 'violation',
        entityId: id,
        before: { status: v.status, intent: v.intent, attributions: v.attributions },
        after: { status: input.to, intent, attributions, note: input.note },
      },
    ]);
    const notices: Notice[] = [];
    if (input.to === 'confirmed') {
      const already = await tx.listNotices({ key });
      for (const partyId of new Set(attributions.map((a) => a.partyId))) {
        if (already.some((n) => n.partyId === partyId)) continue;
        notices.push({
          ...key,
          id: uuidv7(),
          partyId,
          status: 'sent',
          message: `Confirmed violation of ${v.agreementId} (${v.zoneName}, ${v.zoneKind}) by incident ${v.incidentRef} on ${new Date(v.occurredFrom).toISOString().slice(0, 10)}, attributed to ${partyId}. Please answer with your account of the incident.`,
          sentAt: now,
          sentBy: actor.name,
          answer: null,
          answeredAt: null,
          answeredBy: null,
        });
      }
      for (const n of notices) await tx.insertNotice(n);
      await audit(
        tx,
        actor,
        now,
        notices.map((n) => ({
          action: 'notice.send',
          entity: 'notice',
          entityId: n.id,
          after: { violation_id: id, party_id: n.partyId, message: n.message },
        })),
      );
    }
    await publish(tx, now, [
      event('violation.status', violationStatusAudience(input.to), {
        id,
        from: v.status,
        to: input.to,
        agreement_id: v.agreementId,
        zone_key: v.zoneKey,
      }),
      ...notices.map((n) =>
        event('notice.sent', 'parties', { notice_id: n.id, violation_id: id }, n.partyId),
      ),
    ]);
    const updated = (await tx.listViolations({ key, limit: 1 })).items[0] ?? v;
    return { violation: updated, notices };
  });
}

export async function listNotices(ctx: AppContext, actor: Actor, status?: Notice['status']) {
  return ctx.store.listNotices({
    ...(status && { status }),
    partyId: partyScope(actor),
  });
}

export async function answerNotice(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  answer: string,
): Promise<Notice> {
  return ctx.store.transaction(async (tx) => {
    const n = await tx.getNotice(noticeId);
    if (!n || !mayActFor(actor, n.partyId))
      throw new AppError('not_found', `notice ${noticeId} does not exist`);
    if (n.status === 'answered')
      throw new AppError('conflict', `notice ${noticeId} is already answered`);
    const now = ctx.config.now();
    const next: Notice = {
      ...n,
      status: 'answered',
      answer,
      answeredAt: now,
      answeredBy: actor.name,
    };
    await tx.updateNotice(next);
    await audit(tx, actor, now, [
      {
        action: 'notice.answer',
        entity: 'notice',
        entityId: n.id,
        before: { status: n.status },
        after: { status: 'answered', answer },
      },
    ]);
    await publish(tx, now, [
      event(
        'notice.answered',
        'parties',
        { notice_id: n.id, violation_id: violationIdOf(n), party_id: n.partyId },
        n.partyId,
      ),
    ]);
    return next;
  });
}
