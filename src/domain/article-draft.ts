// An extracted article as it is stored for review: the cleaned text and what else was extracted,
// the caller's reference and publisher over the extractor's, and every claim pending. Pure: the
// id, the author and the time are given (src/app/news-review.ts stores it and journals it).
import type { ArticleClaim, ArticleInput, Article, StoredClaim } from './news-review.ts';
import type { ExtractedArticle } from './news-extraction.ts';

export function articleDraft(
  id: string,
  input: ArticleInput,
  extracted: ExtractedArticle,
  createdBy: string,
  now: number,
): { article: Article; claims: ArticleClaim[] } {
  const { text, claims, title, published, agency, ...extraction } = extracted;
  const article: Article = {
    id,
    title,
    published: input.published ?? published,
    agency,
    reference: input.reference ?? null,
    publisher: input.publisher ?? null,
    text,
    extraction: { ...extraction },
    createdBy,
    createdAt: now,
  };
  const stored: ArticleClaim[] = claims.map((c, idx) => ({
    articleId: article.id,
    idx,
    kind: c.kind,
    claim: c as unknown as StoredClaim,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    outcomeKind: null,
    outcomeId: null,
  }));
  return { article, claims: stored };
}
