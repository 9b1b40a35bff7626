// The desk: one violation with its review history, the review step, notices and their answers,
// shifts and handovers.
import {
  handoverBody,
  shiftResponse,
  shiftsQuery,
  shiftsResponse,
  startShiftBody,
} from '../../api/desk.ts';
import {
  answerNoticeBody,
  noticeResponse,
  noticesQuery,
  noticesResponse,
  reviewBody,
  reviewStepResponse,
  violationDetailResponse,
} from '../../api/violations.ts';
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
import { violationIdOf } from '../../domain/violation-id.ts';
import { violationToJson } from '../../domain/violation-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

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
    response: {
      status: 200,
      description: '{ violation, reviews, notices, suggestions }',
      schema: violationDetailResponse,
    },
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
    response: { status: 200, description: '{ violation, notices }', schema: reviewStepResponse },
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
    query: noticesQuery,
    response: { status: 200, description: '{ items: Notice[] }', schema: noticesResponse },
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
    body: answerNoticeBody,
    response: { status: 200, description: 'Notice', schema: noticeResponse },
    handler: async ({ params, body, actor }) =>
      noticeToJson(await answerNotice(ctx, actor, params.id!, body.answer)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/shifts',
    tag: 'desk',
    summary: 'List shifts, newest first, with their handovers',
    access: { roles: KEEP_SHIFTS },
    query: shiftsQuery,
    response: { status: 200, description: '{ items: Shift[] }', schema: shiftsResponse },
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
    body: startShiftBody,
    response: { status: 201, description: 'Shift', schema: shiftResponse },
    handler: async ({ body, actor }) =>
      shiftToJson(await startShift(ctx, actor, body.notes ?? null)),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/shifts/:id/handover',
    tag: 'desk',
    summary: 'Hand over a shift: notes, open items, and the queue as it stands',
    access: { roles: KEEP_SHIFTS },
    body: handoverBody,
    response: { status: 200, description: 'Shift', schema: shiftResponse },
    handler: async ({ params, body, actor }) => {
      if (!params.id) throw new AppError('not_found', 'no shift');
      return shiftToJson(await handOver(ctx, actor, params.id, body));
    },
  });
}
