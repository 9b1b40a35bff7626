// Deciding a news claim: finding it pending, and recording the decision with its audit entry and
// feed event inside the transaction that makes its outcome.
import { AppError } from '../domain/errors.ts';
import type { Article, ArticleClaim, ClaimDecision, ClaimOutcome } from '../domain/news-review.ts';
import type { Actor } from '../domain/roles.ts';
import type { Store } from '../store/store.ts';
import { audit, event, publish } from './journal.ts';

/** An article with its claims (not_found when there is none). */
export async function getArticle(
  store: Store,
  id: string,
): Promise<{ article: Article; claims: ArticleClaim[] }> {
  const article = await store.getArticle(id);
  if (!article) throw new AppError('not_found', `article ${id} does not exist`);
  return { article, claims: await store.listArticleClaims(id) };
}

/** The article and one of its claims, which must still be pending. */
export async function pendingClaim(store: Store, articleId: string, idx: number) {
  const { article } = await getArticle(store, articleId);
  const claim = await store.getArticleClaim(articleId, idx);
  if (!claim) throw new AppError('not_found', `article ${articleId} has no claim ${idx}`);
  if (claim.status !== 'pending')
    throw new AppError(
      'invalid_transition',
      `claim ${idx} of article ${articleId} is already ${claim.status}; only a pending claim can be accepted or rejected`,
    );
  return { article, claim };
}

/** Records the decision (only if the claim is still pending) with its audit entry and event. */
export async function decide(
  tx: Store,
  actor: Actor,
  now: number,
  claim: ArticleClaim,
  status: 'accepted' | 'rejected',
  note: string | null,
  outcome: { kind: ClaimOutcome; id: string } | null,
): Promise<ArticleClaim> {
  const decision: ClaimDecision = {
    status,
    decidedBy: actor.name,
    decidedAt: now,
    decisionNote: note || null,
    outcomeKind: outcome?.kind ?? null,
    outcomeId: outcome?.id ?? null,
  };
  const { articleId, idx } = claim;
  if (!(await tx.decideArticleClaim(articleId, idx, decision)))
    throw new AppError('invalid_transition', `claim ${idx} of article ${articleId} was decided meanwhile`); // prettier-ignore
  const after = { idx, kind: claim.kind, status, note: decision.decisionNote, outcome };
  await audit(tx, actor, now, [
    {
      action: status === 'accepted' ? 'claim.accept' : 'claim.reject',
      entity: 'article',
      entityId: articleId,
      before: { idx, kind: claim.kind, status: 'pending' },
      after,
    },
  ]);
  await publish(tx, now, [event(`claim.${status}`, 'staff', { article_id: articleId, ...after })]);
  return { ...claim, ...decision };
}
