// The HTTP contract of /api/v1/extract and /api/v1/articles: what the news extractor finds in a
// text (places, people, claims; src/ingest/news/article-types.ts is its TypeScript side), drafted
// articles with each claim's review state, and what accepting or rejecting a claim gives.
import { pagingQuery } from '../domain/query-schemas.ts';
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { CLAIM_OUTCOMES, CLAIM_STATUSES } from '../domain/news-review.ts';
import { countRange, isoDay, isoTime, itemsOf, pageOf } from './common.ts';
import { incidentResponse } from './incidents.ts';
import { violationResponse } from './violations.ts';

export const CLAIM_KINDS = [
  'casualties',
  'incident',
  'truce_extension',
  'truce_exclusion',
  'violation_count',
  'proposal',
  'agreement_status',
] as const;

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const spans = z.array(z.strictObject(span));

export const placeRef = z.strictObject({
  name: z.string(),
  gazetteer_name: z.string(),
  lon: z.number(),
  lat: z.number(),
  radius_m: z.number().nonnegative(),
  source: z.enum(['ocha', 'world_city', 'country']),
  code: z.string().nullable(),
});
/** Days [from, until), YYYY-MM-DD, and the words they were read from. */
const period = z.strictObject({ from: isoDay, until: isoDay, expression: z.string() });

const claimBase = {
  ...span,
  quote: z.string(),
  confidence: z.number(),
  source: z.string().nullable(),
};

export const claimSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...claimBase,
    kind: z.literal('casualties'),
    measure: z.enum(['killed', 'injured']),
    count: countRange,
    who: z.array(z.string()),
    place: placeRef.nullable(),
    period: period.nullable(),
    cause: z.array(z.string()),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('incident'),
    event_type: z.enum(EVENT_TYPES),
    sub_event_type: z.string().nullable(),
    place: placeRef.nullable(),
    period: period.nullable(),
    fatalities: z.number().nullable(),
    actor: z.string().nullable(),
    target: z.string().nullable(),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('truce_extension'),
    area: z.string(),
    places: z.array(placeRef),
    duration_hours: z.number().nullable(),
    /** A new end date, when the article gives one instead of a duration. */
    new_end: z.string().nullable(),
    announced_by: z.string().nullable(),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('truce_exclusion'),
    place: placeRef.nullable(),
    group: z.string().nullable(),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('violation_count'),
    count: z.number(),
    period: period.nullable(),
    by_area: z.array(
      z.strictObject({ area: z.string(), place: placeRef.nullable(), count: z.number() }),
    ),
    counted_by: z.string().nullable(),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('proposal'),
    summary: z.string(),
    addressees: z.string().nullable(),
    status: z.enum(['under_discussion', 'sent_for_signoff', 'accepted', 'rejected']),
  }),
  z.strictObject({
    ...claimBase,
    kind: z.literal('agreement_status'),
    status: z.enum(['agreed', 'in_force', 'holding', 'violated', 'collapsed', 'announced']),
    agreement: z.string(),
    period: period.nullable(),
  }),
]);

const removedLine = z.strictObject({
  text: z.string(),
  reason: z.enum([
    'header',
    'dateline',
    'title',
    'promoted',
    'newsletter',
    'navigation',
    'share',
    'advertisement',
    'repeated',
    'credit',
    'wire_tag',
  ]),
});
const entityMention = z.strictObject({
  name: z.string(),
  role: z.string().nullable(),
  mentions: spans,
});
/** What the extractor finds besides the text and the claims (stored with a drafted article). */
const extractionFields = {
  removed: z.array(removedLine),
  places: z.array(placeRef.extend({ aliases: z.array(z.string()), mentions: spans })),
  people: z.array(entityMention),
  organizations: z.array(entityMention),
  warnings: z.array(z.string()),
};

export const extractedArticleResponse = z.strictObject({
  title: z.string().nullable(),
  /** YYYY-MM-DD */
  published: z.string().nullable(),
  agency: z.string().nullable(),
  text: z.string(),
  ...extractionFields,
  claims: z.array(claimSchema),
});

export const claimResponse = z.strictObject({
  article_id: z.string(),
  idx: z.number().int().nonnegative(),
  kind: z.enum(CLAIM_KINDS),
  status: z.enum(CLAIM_STATUSES),
  decided_by: z.string().nullable(),
  decided_at: isoTime.nullable(),
  decision_note: z.string().nullable(),
  outcome: z.strictObject({ kind: z.enum(CLAIM_OUTCOMES), id: z.string().nullable() }).nullable(),
  claim: claimSchema,
});

const articleHead = {
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  agency: z.string().nullable(),
  reference: z.string().nullable(),
  publisher: z.string().nullable(),
  created_by: z.string(),
  created_at: isoTime,
};

export const articleResponse = z.strictObject({
  ...articleHead,
  text: z.string(),
  ...extractionFields,
  claims: z.array(claimResponse),
});

export const articleSummaryResponse = z.strictObject({
  ...articleHead,
  /** How many claims are pending, accepted, rejected. */
  claims: z.strictObject({
    pending: z.number().int().nonnegative(),
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
  }),
});
export const articlesPage = pageOf(articleSummaryResponse);

export const agreementNoteResponse = z.strictObject({
  id: z.string(),
  agreement_id: z.string(),
  /** The kind of the claim it came from. */
  kind: z.string(),
  body: z.string(),
  quote: z.string().nullable(),
  article_id: z.string(),
  claim_idx: z.number().int().nonnegative(),
  source_name: z.string().nullable(),
  created_by: z.string(),
  created_at: isoTime,
});
export const agreementNotesResponse = itemsOf(agreementNoteResponse);

export const acceptClaimResponse = z.strictObject({
  claim: claimResponse,
  incident: incidentResponse.optional(),
  violations: z.array(violationResponse).optional(),
  agreement_note: agreementNoteResponse.optional(),
});

/** GET /api/v1/articles: a page. */
export const articlesQuery = z.object(pagingQuery);
