// The storage contract for the news review queue: every Store implementation must round-trip
// articles, claims and agreement notes unchanged, count claim states per article, and decide a
// claim only while it is pending.
import { describe, expect, it } from 'vitest';
import type { AgreementNote, Article, ArticleClaim } from '../domain/news-review.ts';
import type { Store } from './store.ts';

const article = (id: string, createdAt: number): Article => ({
  id,
  title: 'Truce extended around Damascus',
  published: '2018-02-18',
  agency: 'Press Association',
  reference: 'https://example.org/news/1',
  publisher: 'BBC News',
  text: 'Syria’s state news agency said the truce was extended.',
  extraction: {
    removed: [{ text: 'Promoted Links', reason: 'promoted' }],
    places: [],
    warnings: [],
  },
  createdBy: 'analyst',
  createdAt,
});

const claim = (articleId: string, idx: number): ArticleClaim => ({
  articleId,
  idx,
  kind: 'truce_extension',
  claim: { kind: 'truce_extension', area: 'Damascus', duration_hours: 48, places: [], quote: 'q' },
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  outcomeKind: null,
  outcomeId: null,
});

const note: AgreementNote = {
  id: 'n1',
  agreementId: 'agr',
  kind: 'truce_extension',
  body: 'Truce extended by 48 h around Damascus',
  quote: 'q',
  articleId: 'a1',
  claimIdx: 0,
  sourceName: 'SANA',
  createdBy: 'mediator',
  createdAt: 30,
};

export function newsContract(
  name: string,
  open: () => Promise<{ store: Store; close: () => Promise<void> }>,
): void {
  describe(`Store contract (news review): ${name}`, () => {
    it('round-trips articles with their claims, newest first with claim counts', async () => {
      const { store, close } = await open();
      try {
        await store.transaction(async (tx) => {
          await tx.insertArticle(article('a1', 10), [claim('a1', 0), claim('a1', 1)]);
          await tx.insertArticle(article('a2', 20), []);
        });
        expect(await store.getArticle('a1')).toEqual(article('a1', 10));
        expect(await store.getArticle('nope')).toBeUndefined();
        expect(await store.listArticleClaims('a1')).toEqual([claim('a1', 0), claim('a1', 1)]);
        expect(await store.getArticleClaim('a1', 1)).toEqual(claim('a1', 1));
        expect(await store.getArticleClaim('a1', 2)).toBeUndefined();
        const { items, total } = await store.listArticles({ limit: 10, offset: 0 });
        expect(total).toBe(2);
        expect(items.map((a) => [a.id, a.claims])).toEqual([
          ['a2', { pending: 0, accepted: 0, rejected: 0 }],
          ['a1', { pending: 2, accepted: 0, rejected: 0 }],
        ]);
        expect(items[1]).not.toHaveProperty('text');
        const page = await store.listArticles({ limit: 1, offset: 1 });
        expect(page.items.map((a) => a.id)).toEqual(['a1']);
      } finally {
        await close();
      }
    });

    it('decides a claim once, and keeps agreement notes per agreement', async () => {
      const { store, close } = await open();
      try {
        await store.transaction(async (tx) => {
          await tx.insertAgreement({ id: 'agr', title: 'A', description: null, partyIds: [], createdAt: 1 }); // prettier-ignore
          await tx.insertArticle(article('a1', 10), [claim('a1', 0), claim('a1', 1)]);
        });
        const decision = {
          status: 'accepted' as const,
          decidedBy: 'mediator',
          decidedAt: 30,
          decisionNote: 'seen on SANA',
          outcomeKind: 'agreement_note' as const,
          outcomeId: 'n1',
        };
        expect(await store.decideArticleClaim('a1', 0, decision)).toBe(true);
        expect(await store.decideArticleClaim('a1', 0, { ...decision, status: 'rejected' })).toBe(
          false,
        );
        expect(await store.decideArticleClaim('a1', 9, decision)).toBe(false);
        expect(await store.getArticleClaim('a1', 0)).toEqual({ ...claim('a1', 0), ...decision });
        await store.decideArticleClaim('a1', 1, {
          ...decision,
          status: 'rejected',
          outcomeKind: null,
          outcomeId: null,
        });
        const [listed] = (await store.listArticles({ limit: 5, offset: 0 })).items;
        expect(listed?.claims).toEqual({ pending: 0, accepted: 1, rejected: 1 });
        await store.insertAgreementNote(note);
        await store.insertAgreementNote({ ...note, id: 'n2', createdAt: 31, quote: null });
        expect(await store.listAgreementNotes('agr')).toEqual([
          note,
          { ...note, id: 'n2', createdAt: 31, quote: null },
        ]);
        expect(await store.listAgreementNotes('other')).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
