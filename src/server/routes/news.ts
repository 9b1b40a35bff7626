// /api/v1/extract and /api/v1/articles: news text → places, people and claims; the review queue
// where a person accepts each claim (as an incident, a report or an agreement note) or rejects it.
import {
  acceptClaimResponse,
  agreementNotesResponse,
  articleResponse,
  articlesPage,
  articlesQuery,
  claimResponse,
  extractedArticleResponse,
} from '../../api/news.ts';
import type { AppContext } from '../../app/context.ts';
import {
  acceptClaim,
  draftArticle,
  extractText,
  getArticle,
  listAgreementNotes,
  listArticles,
  rejectClaim,
} from '../../app/news-review.ts';
import {
  acceptResultToJson,
  agreementNoteToJson,
  articleSummaryToJson,
  articleToJson,
  claimToJson,
} from '../../domain/news-review-output.ts';
import { EXTRACT_NEWS, READ_AGREEMENT_NOTES, READ_NEWS, REVIEW_NEWS } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import {
  acceptClaimSchema,
  articleInputSchema,
  extractInputSchema,
  rejectClaimSchema,
} from '../../domain/news-review.ts';
import type { RouteRegistry } from '../route-registry.ts';

/** 2,000,000 characters of text, at up to 4 bytes each in JSON, with room for the rest. */
const ARTICLE_BODY_LIMIT = 9 * 1024 * 1024;

/** The claim index of a URL; anything but a whole number names no claim. */
function claimIndex(articleId: string, idx: string): number {
  if (!/^\d{1,6}$/.test(idx)) throw new AppError('not_found', `article ${articleId} has no claim ${idx}`); // prettier-ignore
  return Number(idx);
}

export function newsRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'POST',
    url: '/api/v1/extract',
    tag: 'news',
    summary: 'Extract places, people, organisations and claims from a news text (stores nothing)',
    access: { roles: EXTRACT_NEWS },
    body: extractInputSchema,
    bodyLimit: ARTICLE_BODY_LIMIT,
    response: { status: 200, description: 'ExtractedArticle', schema: extractedArticleResponse },
    handler: async ({ body }) => extractText(body.text, body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/articles',
    tag: 'news',
    summary: 'Extract a news text and store it for review, every claim pending',
    access: { roles: REVIEW_NEWS },
    body: articleInputSchema,
    bodyLimit: ARTICLE_BODY_LIMIT,
    response: {
      status: 201,
      description: 'Article with claims[] (each with its status)',
      schema: articleResponse,
    },
    handler: async ({ body, actor }) => {
      const extracted = await extractText(body.text, body);
      const { article, claims } = await draftArticle(ctx, actor, body, extracted);
      return articleToJson(article, claims);
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/articles',
    tag: 'news',
    summary: 'List drafted articles (newest first) with how many claims are pending, accepted, rejected', // prettier-ignore
    access: { roles: READ_NEWS },
    query: articlesQuery,
    response: {
      status: 200,
      description: '{ items: ArticleSummary[], total, limit, offset }',
      schema: articlesPage,
    },
    handler: async ({ query }) => {
      const { items, total } = await listArticles(ctx, query);
      return { items: items.map(articleSummaryToJson), total, ...query };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/articles/:id',
    tag: 'news',
    summary: 'One article with its text, places, people and claims with their review state',
    access: { roles: READ_NEWS },
    response: { status: 200, description: 'Article with claims[]', schema: articleResponse },
    handler: async ({ params }) => {
      const { article, claims } = await getArticle(ctx.store, params.id!);
      return articleToJson(article, claims);
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/articles/:id/claims/:idx/accept',
    tag: 'news',
    summary:
      'Accept a pending claim as an incident or a report (monitor, analyst) or as an agreement note (analyst, mediator)', // prettier-ignore
    access: { roles: REVIEW_NEWS },
    body: acceptClaimSchema,
    response: {
      status: 200,
      description: '{ claim, incident?, violations?, agreement_note? }',
      schema: acceptClaimResponse,
    },
    handler: async ({ params, body, actor }) => {
      const idx = claimIndex(params.id!, params.idx!);
      return acceptResultToJson(await acceptClaim(ctx, actor, params.id!, idx, body));
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/articles/:id/claims/:idx/reject',
    tag: 'news',
    summary: 'Reject a pending claim, saying why',
    access: { roles: REVIEW_NEWS },
    body: rejectClaimSchema,
    response: { status: 200, description: 'Claim', schema: claimResponse },
    handler: async ({ params, body, actor }) => {
      const idx = claimIndex(params.id!, params.idx!);
      return claimToJson(await rejectClaim(ctx, actor, params.id!, idx, body));
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/agreements/:id/notes',
    tag: 'news',
    summary: 'List the notes for the mediators on an agreement, from accepted news claims',
    access: { roles: READ_AGREEMENT_NOTES },
    response: {
      status: 200,
      description: '{ items: AgreementNote[] }',
      schema: agreementNotesResponse,
    },
    handler: async ({ params }) => ({
      items: (await listAgreementNotes(ctx, params.id!)).map(agreementNoteToJson),
    }),
  });
}
