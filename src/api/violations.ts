// The HTTP contract of /api/v1/violations and /api/v1/notices: the derived violations, one
// violation with its review history, the review step, and the notices sent to parties.
import { pagingQuery, violationFilterQuery } from '../domain/query-schemas.ts';
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { ID_PATTERN } from '../domain/schemas.ts';
import {
  ATTRIBUTION_KINDS,
  INTENTS,
  REVIEW_TARGETS,
  VIOLATION_STATUSES,
} from '../domain/violation-review.ts';
import { ZONE_KINDS } from '../domain/zone-kinds.ts';
import { isoTime, itemsOf, pageOf } from './common.ts';

export const EVIDENCE_KINDS = ['incident', 'report', 'url', 'rule', 'document'] as const;

export const evidence = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  ref: z.string(),
  note: z.string().optional(),
});

export const violationResponse = z.strictObject({
  /** `incident:agreement:zone key`. */
  id: z.string(),
  status: z.enum(VIOLATION_STATUSES),
  intent: z.enum(INTENTS).nullable(),
  attributions: z.array(
    z.strictObject({
      party_id: z.string(),
      kind: z.enum(ATTRIBUTION_KINDS),
      evidence: z.array(evidence),
      note: z.string().nullable(),
    }),
  ),
  /** The attributed parties, `; `-separated (empty when none). */
  attributed_to: z.string(),
  status_note: z.string().nullable(),
  reviewed_by: z.string().nullable(),
  reviewed_at: isoTime.nullable(),
  incident_ref: z.string(),
  incident_id: z.string(),
  agreement_id: z.string(),
  version_label: z.string(),
  version_id: z.string(),
  zone_id: z.string(),
  zone_key: z.string(),
  zone_name: z.string(),
  zone_kind: z.enum(ZONE_KINDS),
  certainty: z.enum(['certain', 'possible']),
  event_type: z.enum(EVENT_TYPES),
  sub_event_type: z.string().nullable(),
  occurred_from: isoTime,
  occurred_until: isoTime,
  lon: z.number(),
  lat: z.number(),
  uncertainty_m: z.number().nonnegative(),
  fatalities: z.number().nullable(),
  detected_at: isoTime,
});
export const violationsPage = pageOf(violationResponse);

export const noticeResponse = z.strictObject({
  id: z.string(),
  violation_id: z.string(),
  party_id: z.string(),
  status: z.enum(['sent', 'answered']),
  message: z.string(),
  sent_at: isoTime,
  sent_by: z.string(),
  answer: z.string().nullable(),
  answered_at: isoTime.nullable(),
  answered_by: z.string().nullable(),
});
export const noticesResponse = itemsOf(noticeResponse);

/** One step of a violation's review. Its attributions are written as stored (camelCase keys). */
export const reviewResponse = z.strictObject({
  id: z.string(),
  from: z.enum(VIOLATION_STATUSES),
  to: z.enum(VIOLATION_STATUSES),
  note: z.string(),
  intent: z.enum(INTENTS).nullable(),
  attributions: z.array(
    z.strictObject({
      partyId: z.string(),
      kind: z.enum(ATTRIBUTION_KINDS),
      evidence: z.array(evidence),
      note: z.string().nullable(),
    }),
  ),
  by: z.string(),
  at: isoTime,
});

export const attributionSuggestion = z.strictObject({
  party_id: z.string(),
  kind: z.enum(ATTRIBUTION_KINDS),
  rule: z.enum(['source-actor', 'sole-air-capability']),
  explanation: z.string(),
  evidence: z.array(evidence),
});

export const violationDetailResponse = z.strictObject({
  violation: violationResponse,
  reviews: z.array(reviewResponse),
  notices: z.array(noticeResponse),
  suggestions: z.array(attributionSuggestion),
});

export const reviewBody = z.object({
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
              kind: z.enum(EVIDENCE_KINDS),
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

export const reviewStepResponse = z.strictObject({
  violation: violationResponse,
  /** Notices sent by this step (a confirmation notifies the attributed parties). */
  notices: z.array(noticeResponse),
});

export const noticesQuery = z.object({ status: z.enum(['sent', 'answered']).optional() });
export const answerNoticeBody = z.object({ answer: z.string().trim().min(3).max(20_000) });

/** GET /api/v1/violations: the filters the CLI shares, and a page. */
export const violationQuery = violationFilterQuery.extend(pagingQuery);
