// The news review queue: an extracted article is stored with its claims pending, and nothing in it
// counts until a person accepts a claim — as a new incident, as a report on an existing incident,
// or as a note to the mediators on an agreement (which never changes the agreement: that takes a
// signed proposal) — or rejects it with a reason. Each decision, its outcome, the audit entries
// and the feed events land in one transaction.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../domain/errors.ts';
import { sha256Hex } from '../domain/incident.ts';
import { articleDraft } from '../domain/article-draft.ts';
import type {
  AgreementNote,
  Article,
  ArticleClaim,
  ArticleInput,
  ArticleSummary,
  RejectClaimInput,
} from '../domain/news-review.ts';
import type { Actor } from '../domain/roles.ts';
import type { ExtractedArticle } from '../domain/news-extraction.ts';
import { decide, pendingClaim } from './claim-decision.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';

export { acceptClaim, type AcceptResult } from './accept-claim.ts';
export { getArticle } from './claim-decision.ts';

/**
 * Runs the extractor, loaded on first use: its gazetteers and language models take seconds to
 * load, which commands and servers that never extract should not pay for.
 */
export async function extractText(
  text: string,
  options: { published?: string | undefined },
): Promise<ExtractedArticle> {
  const { extractArticle } = await import('../ingest/news/extract-article.ts');
  return extractArticle(text, options.published ? { published: options.published } : {});
}

/**
 * Stores an article with every claim pending review. `extracted` is what extractArticle gave for
 * `input.text`; the cleaned text is stored, and the audit commits to both by their hashes.
 */
export async function draftArticle(
  ctx: AppContext,
  actor: Actor,
  input: ArticleInput,
  extracted: ExtractedArticle,
): Promise<{ article: Article; claims: ArticleClaim[] }> {
  const now = ctx.config.now();
  const { article, claims: stored } = articleDraft(uuidv7(), input, extracted, actor.name, now);
  const { text, claims, title } = extracted;
  await ctx.store.transaction(async (tx) => {
    await tx.insertArticle(article, stored);
    const { text: _text, extraction: _x, ...head } = article;
    await audit(tx, actor, now, [
      {
        action: 'article.draft',
        entity: 'article',
        entityId: article.id,
        after: {
          ...head,
          raw_sha256: sha256Hex(input.text),
          text_sha256: sha256Hex(text),
          claims: claims.map((c) => c.kind),
        },
      },
    ]);
    await publish(tx, now, [
      event('article.drafted', 'staff', { id: article.id, title, claims: claims.length }),
    ]);
  });
  return { article, claims: stored };
}

export async function listArticles(
  ctx: AppContext,
  page: { limit: number; offset: number },
): Promise<{ items: ArticleSummary[]; total: number }> {
  return ctx.store.listArticles(page);
}

/** Rejects a pending claim; the reason is required and kept with it. */
export async function rejectClaim(
  ctx: AppContext,
  actor: Actor,
  articleId: string,
  idx: number,
  input: RejectClaimInput,
): Promise<ArticleClaim> {
  const reason = input.note.trim();
  if (!reason) throw new AppError('validation_failed', 'note: say why the claim is rejected', 'note'); // prettier-ignore
  const { claim } = await pendingClaim(ctx.store, articleId, idx);
  const now = ctx.config.now();
  return ctx.store.transaction((tx) => decide(tx, actor, now, claim, 'rejected', reason, null));
}

/** The notes on an agreement, oldest first. */
export async function listAgreementNotes(
  ctx: AppContext,
  agreementId: string,
): Promise<AgreementNote[]> {
  if (!(await ctx.store.getAgreement(agreementId)))
    throw new AppError('not_found', `agreement ${agreementId} does not exist`);
  return ctx.store.listAgreementNotes(agreementId);
}
