// The desk: one violation with its review history, the review step, notices and their answers,
// shifts and handovers.
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { handOver, shiftToJson, startShift } from '../../app/desk.ts';
import { answerNotice, listNotices, reviewViolation, violationDetail } from '../../app/reviews.ts';
import {
  ANSWER_NOTICES,
  KEEP_SHIFTS,
  READ_NOTICES,
  READ_PUBLISHED,
  REVIEW_VIOLATIONS,
} from '../../domain/access.ts';
import type { Notice, ViolationReview } from '../../domain/accountability-types.ts';
import { AppError } from '../../domain/errors.ts';
import { ID_PATTERN } from '../../domain/schemas.ts';
import { violationIdOf } from '../../domain/violation-id.ts';
import { ATTRIBUTION_KINDS, INTENTS, REVIEW_TARGETS } from '../../domain/violation-review.ts';
import { violationToJson } from '../../domain/violation-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const reviewBody = z.object({
  to: z.enum(REVIEW_TARGETS, { message: `must be one of ${REVIEW_TARGETS.join(', ')}` }),
  note: z.string().trim().min(3, 'a review step needs a note').max(20_000),
  intent: z.enum(INTENTS, { message: `must be one of ${INTENTS.join(', ')}` }).optional(),
  attributions: z
    .array(
      z.object({
        party_id: z.string().regex(ID_PATTERN, 'must be a party id'),
        kind: z.enum(ATTRIBUTION_KINDS, {
          message: `must be one of ${ATTRIBUTION_KINDS.join(', ')}`,
        }),
        evidence: z
          .array(
            z.object({
              kind: z.enum(['incident', 'report', 'url', 'rule', 'document']),
              ref: z.string().trim().min(1).max(2000),
              note: z.string().trim().max(2000).optional(),
            }),
          )
          .max(50),
        note: z.string().trim().max(5000).nullable().optional(),
      }),
    )
    .max(20)
    .optional(),
});

function reviewToJson(r: ViolationReview) {
  return {
    id: r.id,
    from: r.fromStatus,
    to: r.toStatus,
    note: r.note,
    intent: r.intent,
    attributions: r.attributions,
    by: r.byActor,
    at: iso(r.at),
  };
}

export function noticeToJson(n: Notice) {
  return {
    id: n.id,
    violation_id: violationIdOf(n),
    party_id: n.partyId,
    status: n.status,
    message: n.message,
    sent_at: iso(n.sentAt),
    sent_by: n.sentBy,
    answer: n.answer,
    answered_at: iso(n.answeredAt),
    answered_by: n.answeredBy,
  };
}

export function deskRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/violations/:id',
    tag: 'violations',
    summary: 'Show one violation with its review history, notices and attribution suggestions',
    access: { roles: READ_PUBLISHED },
    response: { status: 200, description: '{ violation, reviews, notices, suggestions }' },
    handler: async ({ params, actor }) => {
      const d = await violationDetail(ctx, actor, params.id!);
      return {
        violation: violationToJson(d.violation),
        reviews: d.reviews.map(reviewToJson),
        notices: d.notices.map(noticeToJson),
        suggestions: d.suggestions.map((s) => ({
          party_id: s.partyId,
          kind: s.kind,
          rule: s.rule,
          explanation: s.explanation,
          evidence: s.evidence,
        })),
      };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/violations/:id/review',
    tag: 'violations',
    summary: 'Take a review step (flagged → under_review → confirmed | dismissed) with a note',
    access: { roles: REVIEW_VIOLATIONS },
    body: reviewBody,
    response: { status: 200, description: '{ violation, notices }' },
    handler: async ({ params, body, actor }) => {
      const { violation, notices } = await reviewViolation(ctx, actor, params.id!, {
        to: body.to,
        note: body.note,
        intent: body.intent,
        attributions: body.attributions?.map((a) => ({
          partyId: a.party_id,
          kind: a.kind,
          evidence: a.evidence,
          note: a.note ?? null,
        })),
      });
      return { violation: violationToJson(violation), notices: notices.map(noticeToJson) };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/notices',
    tag: 'notices',
    summary: 'List violation notices (a liaison sees only their party’s)',
    access: { roles: READ_NOTICES },
    query: z.object({ status: z.enum(['sent', 'answered']).optional() }),
    response: { status: 200, description: '{ items: Notice[] }' },
    handler: async ({ query, actor }) => ({
      items: (await listNotices(ctx, actor, query.status)).map(noticeToJson),
    }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/notices/:id/answer',
    tag: 'notices',
    summary: 'Answer a notice for your party',
    access: {
      roles: ANSWER_NOTICES,
      party: async ({ params }) => (await ctx.store.getNotice(params.id ?? ''))?.partyId ?? null,
    },
    body: z.object({ answer: z.string().trim().min(3).max(20_000) }),
    response: { status: 200, description: 'Notice' },
    handler: async ({ params, body, actor }) =>
      noticeToJson(await answerNotice(ctx, actor, params.id!, body.answer)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/shifts',
    tag: 'desk',
    summary: 'List shifts, newest first, with their handovers',
    access: { roles: KEEP_SHIFTS },
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: { status: 200, description: '{ items: Shift[] }' },
    handler: async ({ query }) => ({
      items: (await ctx.store.listShifts(query.limit)).map(shiftToJson),
    }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/shifts',
    tag: 'desk',
    summary: 'Start a shift',
    access: { roles: KEEP_SHIFTS },
    body: z.object({ notes: z.string().trim().max(20_000).optional() }),
    response: { status: 201, description: 'Shift' },
    handler: async ({ body, actor }) =>
      shiftToJson(await startShift(ctx, actor, body.notes ?? null)),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/shifts/:id/handover',
    tag: 'desk',
    summary: 'Hand over a shift: notes, open items, and the queue as it stands',
    access: { roles: KEEP_SHIFTS },
    body: z.object({
      notes: z.string().trim().min(1, 'must not be empty').max(20_000),
      open_items: z
        .array(
          z.object({ ref: z.string().trim().min(1).max(500), note: z.string().trim().max(5000) }),
        )
        .max(500)
        .default([]),
      handed_to: z.string().max(40).optional(),
    }),
    response: { status: 200, description: 'Shift' },
    handler: async ({ params, body, actor }) => {
      if (!params.id) throw new AppError('not_found', 'no shift');
      return shiftToJson(await handOver(ctx, actor, params.id, body));
    },
  });
}
