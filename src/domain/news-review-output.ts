// Public JSON shapes of the news review queue (snake_case, ISO times), shared by the API, the CLI
// and the web, and the stored article turned back into the extraction it came from.
import type { AgreementNote, Article, ArticleClaim, ArticleSummary } from './news-review.ts';
import { toIso } from './time-window.ts';
import type { Incident, Violation } from './types.ts';
import type { Claim, ExtractedArticle } from './news-extraction.ts';
import { incidentToJson } from './resource-output.ts';
import { violationToJson } from './violation-output.ts';

/** A stored claim is the extractor's claim, kept as JSON. */
export function claimOf(c: ArticleClaim): Claim {
  return c.claim as unknown as Claim;
}

export function claimToJson(c: ArticleClaim) {
  return {
    article_id: c.articleId,
    idx: c.idx,
    kind: c.kind,
    status: c.status,
    decided_by: c.decidedBy,
    decided_at: c.decidedAt === null ? null : toIso(c.decidedAt),
    decision_note: c.decisionNote,
    outcome: c.outcomeKind ? { kind: c.outcomeKind, id: c.outcomeId } : null,
    claim: c.claim,
  };
}

export function headToJson(a: Omit<Article, 'text' | 'extraction'>) {
  return {
    id: a.id,
    title: a.title,
    published: a.published,
    agency: a.agency,
    reference: a.reference,
    publisher: a.publisher,
    created_by: a.createdBy,
    created_at: toIso(a.createdAt),
  };
}

export function articleSummaryToJson(a: ArticleSummary) {
  return { ...headToJson(a), claims: a.claims };
}

/** The article with its text, what else was extracted, and each claim with its review state. */
export function articleToJson(a: Article, claims: readonly ArticleClaim[]) {
  return { ...headToJson(a), text: a.text, ...a.extraction, claims: claims.map(claimToJson) };
}

export function agreementNoteToJson(n: AgreementNote) {
  return {
    id: n.id,
    agreement_id: n.agreementId,
    kind: n.kind,
    body: n.body,
    quote: n.quote,
    article_id: n.articleId,
    claim_idx: n.claimIdx,
    source_name: n.sourceName,
    created_by: n.createdBy,
    created_at: toIso(n.createdAt),
  };
}

/** What accepting a claim gave: the decided claim and its incident, violations or note. */
export function acceptResultToJson(r: {
  claim: ArticleClaim;
  incident?: Incident;
  violations?: Violation[];
  note?: AgreementNote;
}) {
  return {
    claim: claimToJson(r.claim),
    ...(r.incident && { incident: incidentToJson(r.incident) }),
    ...(r.violations && { violations: r.violations.map(violationToJson) }),
    ...(r.note && { agreement_note: agreementNoteToJson(r.note) }),
  };
}

/** The extraction a stored article came from (for printing it again). */
export function extractionOf(a: Article, claims: readonly ArticleClaim[]): ExtractedArticle {
  const rest = a.extraction as unknown as Pick<
    ExtractedArticle,
    'removed' | 'places' | 'people' | 'organizations' | 'warnings'
  >;
  return {
    title: a.title,
    published: a.published,
    agency: a.agency,
    text: a.text,
    removed: rest.removed ?? [],
    places: rest.places ?? [],
    people: rest.people ?? [],
    organizations: rest.organizations ?? [],
    warnings: rest.warnings ?? [],
    claims: claims.map(claimOf),
  };
}
