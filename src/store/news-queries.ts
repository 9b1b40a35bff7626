// The news review queue over Kysely: drafted articles, their claims with a review state, and the
// agreement notes made from accepted claims. KyselyStore inherits these.
import type { Kysely } from 'kysely';
import type {
  AgreementNote,
  Article,
  ArticleClaim,
  ArticleSummary,
  ClaimCounts,
  ClaimDecision,
  ClaimOutcome,
  ClaimStatus,
  StoredClaim,
} from '../domain/news-review.ts';
import { AccountabilityQueries } from './accountability-queries.ts';
import { chunks } from './query-filters.ts';
import type { AgreementNotesTable, ArticleClaimsTable, ArticlesTable, Database } from './tables.ts';
import { numOrNull } from './row-mappers.ts';

function articleToRow(a: Article): ArticlesTable {
  return {
    id: a.id,
    title: a.title,
    published: a.published,
    agency: a.agency,
    reference: a.reference,
    publisher: a.publisher,
    text: a.text,
    extraction: JSON.stringify(a.extraction),
    created_by: a.createdBy,
    created_at: a.createdAt,
  };
}

type ArticleHead = Omit<ArticlesTable, 'text' | 'extraction'>;

function headFromRow(r: ArticleHead): Omit<Article, 'text' | 'extraction'> {
  return {
    id: r.id,
    title: r.title,
    published: r.published,
    agency: r.agency,
    reference: r.reference,
    publisher: r.publisher,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
  };
}

function claimToRow(c: ArticleClaim): ArticleClaimsTable {
  return {
    article_id: c.articleId,
    idx: c.idx,
    kind: c.kind,
    claim: JSON.stringify(c.claim),
    status: c.status,
    decided_by: c.decidedBy,
    decided_at: c.decidedAt,
    decision_note: c.decisionNote,
    outcome_kind: c.outcomeKind,
    outcome_id: c.outcomeId,
  };
}

function claimFromRow(r: ArticleClaimsTable): ArticleClaim {
  return {
    articleId: r.article_id,
    idx: Number(r.idx),
    kind: r.kind,
    claim: JSON.parse(r.claim) as StoredClaim,
    status: r.status as ClaimStatus,
    decidedBy: r.decided_by,
    decidedAt: numOrNull(r.decided_at),
    decisionNote: r.decision_note,
    outcomeKind: r.outcome_kind as ClaimOutcome | null,
    outcomeId: r.outcome_id,
  };
}

function noteToRow(n: AgreementNote): AgreementNotesTable {
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
    created_at: n.createdAt,
  };
}

function noteFromRow(r: AgreementNotesTable): AgreementNote {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    kind: r.kind,
    body: r.body,
    quote: r.quote,
    articleId: r.article_id,
    claimIdx: Number(r.claim_idx),
    sourceName: r.source_name,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
  };
}

const HEAD_COLUMNS = [
  'id',
  'title',
  'published',
  'agency',
  'reference',
  'publisher',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof ArticleHead)[];

export abstract class NewsQueries extends AccountabilityQueries {
  constructor(db: Kysely<Database>) {
    super(db);
  }

  async insertArticle(article: Article, claims: readonly ArticleClaim[]): Promise<void> {
    await this.db.insertInto('articles').values(articleToRow(article)).execute();
    for (const part of chunks(claims.map(claimToRow), 100))
      if (part.length > 0) await this.db.insertInto('article_claims').values(part).execute();
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const r = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    const extraction = JSON.parse(r.extraction) as Record<string, unknown>;
    return { ...headFromRow(r), text: r.text, extraction };
  }

  /** Newest first (ids are time-ordered), with how many claims are in each state. */
  async listArticles(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: ArticleSummary[]; total: number }> {
    const total = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('articles')
      .select(HEAD_COLUMNS)
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const counts = new Map<string, ClaimCounts>(
      rows.map((r) => [r.id, { pending: 0, accepted: 0, rejected: 0 }]),
    );
    for (const part of chunks([...counts.keys()], 500)) {
      if (part.length === 0) continue;
      const grouped = await this.db
        .selectFrom('article_claims')
        .select(['article_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('article_id', 'in', part)
        .groupBy(['article_id', 'status'])
        .execute();
      for (const g of grouped) {
        const c = counts.get(g.article_id);
        if (c && g.status in c) c[g.status as ClaimStatus] = Number(g.n);
      }
    }
    return {
      items: rows.map((r) => ({ ...headFromRow(r), claims: counts.get(r.id)! })),
      total: Number(total.n),
    };
  }

  async listArticleClaims(articleId: string): Promise<ArticleClaim[]> {
    const rows = await this.db
      .selectFrom('article_claims')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('idx')
      .execute();
    return rows.map(claimFromRow);
  }

  async getArticleClaim(articleId: string, idx: number): Promise<ArticleClaim | undefined> {
    const r = await this.db
      .selectFrom('article_claims')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('idx', '=', idx)
      .executeTakeFirst();
    return r && claimFromRow(r);
  }

  /** Records a decision on a pending claim; false when the claim is not (or no longer) pending. */
  async decideArticleClaim(articleId: string, idx: number, d: ClaimDecision): Promise<boolean> {
    const r = await this.db
      .updateTable('article_claims')
      .set({
        status: d.status,
        decided_by: d.decidedBy,
        decided_at: d.decidedAt,
        decision_note: d.decisionNote,
        outcome_kind: d.outcomeKind,
        outcome_id: d.outcomeId,
      })
      .where('article_id', '=', articleId)
      .where('idx', '=', idx)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertAgreementNote(note: AgreementNote): Promise<void> {
    await this.db.insertInto('agreement_notes').values(noteToRow(note)).execute();
  }

  async listAgreementNotes(agreementId: string): Promise<AgreementNote[]> {
    const rows = await this.db
      .selectFrom('agreement_notes')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(noteFromRow);
  }
}
