// The news review queue (DESIGN.md: nothing extracted counts until a person accepts it): stored
// articles, their claims with a review state, and agreement notes for the mediators; the schemas
// of the bodies that draft an article and accept or reject one of its claims.
import { z } from 'zod';
import { ID_PATTERN, incidentInputSchema, reportInputSchema } from './schemas.ts';

export const CLAIM_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What an accepted claim became. */
export const CLAIM_OUTCOMES = ['incident', 'report', 'agreement_note'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/**
 * One extracted claim as stored: JSON with its `kind`. The extractor's types
 * (src/domain/news-extraction.ts) describe it; storage and the domain keep it opaque.
 */
export interface StoredClaim {
  kind: string;
  [field: string]: unknown;
}

export interface Article {
  id: string;
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  agency: string | null;
  /** URL or other reference of the article. */
  reference: string | null;
  /** The source the person who drafted it named (`BBC News`). */
  publisher: string | null;
  /** The cleaned text; claim and mention offsets index into it. */
  text: string;
  /** The rest of the extraction (removed lines, places, people, organisations, warnings). */
  extraction: Record<string, unknown>;
  createdBy: string;
  createdAt: number;
}

export interface ArticleClaim {
  articleId: string;
  /** Position in the extraction's claims[]. */
  idx: number;
  kind: string;
  claim: StoredClaim;
  status: ClaimStatus;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
  outcomeKind: ClaimOutcome | null;
  outcomeId: string | null;
}

export type ClaimDecision = Pick<
  ArticleClaim,
  'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'outcomeKind' | 'outcomeId'
>;

export type ClaimCounts = Record<ClaimStatus, number>;

/** An article as listed: without its text and extraction, with how many claims are in each state. */
export interface ArticleSummary extends Omit<Article, 'text' | 'extraction'> {
  claims: ClaimCounts;
}

/** Information for the mediators about an agreement; it never changes the agreement itself. */
export interface AgreementNote {
  id: string;
  agreementId: string;
  /** The kind of the claim it came from (`truce_extension`). */
  kind: string;
  body: string;
  quote: string | null;
  articleId: string;
  claimIdx: number;
  sourceName: string | null;
  createdBy: string;
  createdAt: number;
}

// ── input schemas ──

export const ARTICLE_TEXT_MAX = 2_000_000;

const articleText = z
  .string({ message: 'must be the article text' })
  .max(ARTICLE_TEXT_MAX, `must be at most ${ARTICLE_TEXT_MAX.toLocaleString('en-US')} characters`)
  .refine((t) => t.trim().length > 0, 'must not be empty');
const published = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const extractInputSchema = z.object({ text: articleText, published: published.optional() });
export type ExtractInput = z.infer<typeof extractInputSchema>;

export const articleInputSchema = extractInputSchema.extend({
  reference: z.string().trim().max(2000).nullable().optional(),
  publisher: z.string().trim().max(300).nullable().optional(),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

/**
 * Any of a schema's fields, unchecked: the caller's overrides are merged over what the claim
 * gives and the result is validated once with the full schema, so errors name the final field.
 */
function overridesOf(shape: Record<string, unknown>) {
  return z.strictObject(Object.fromEntries(Object.keys(shape).map((k) => [k, z.unknown()])));
}

const decisionNote = z.string().trim().max(2000).optional();

export const acceptClaimSchema = z.discriminatedUnion(
  'as',
  [
    z.object({
      as: z.literal('incident'),
      incident: overridesOf(incidentInputSchema.shape).partial().optional(),
      note: decisionNote,
    }),
    z.object({
      as: z.literal('report'),
      incident_id: z.string().trim().min(1, 'name the incident (id or external id)').max(128),
      report: overridesOf(reportInputSchema.shape).partial().optional(),
      note: decisionNote,
    }),
    z.object({
      as: z.literal('agreement_note'),
      agreement_id: z.string().regex(ID_PATTERN, 'must be an agreement id'),
      text: z.string().trim().min(1, 'must not be empty').max(20_000).optional(),
      note: decisionNote,
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `must be one of ${CLAIM_OUTCOMES.join(', ')}` : undefined,
  },
);
export type AcceptClaimInput = z.infer<typeof acceptClaimSchema>;

export const rejectClaimSchema = z.object({
  note: z
    .string({ message: 'say why the claim is rejected' })
    .trim()
    .min(1, 'say why the claim is rejected')
    .max(2000),
});
export type RejectClaimInput = z.infer<typeof rejectClaimSchema>;
