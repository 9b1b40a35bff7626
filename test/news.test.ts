// News intake through the HTTP API: extracting a text, drafting an article for review, and the
// review queue — accepting claims as incidents, reports or agreement notes, rejecting them — with
// who may do what. The review steps use a hand-built extraction, so they do not depend on the
// extractor; the routes that extract get a short article of our own.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftArticle } from '../src/app/news-review.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { tempContext, testServer } from './helpers.ts';
import { OWN_ARTICLE, sampleExtraction } from './news-fixtures.ts';
import { setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;
let articleId: string;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  ({ headers } = await setupScenario(env.ctx));
  const draft = await draftArticle(
    env.ctx,
    SYSTEM_ACTOR,
    { text: 'page', publisher: 'BBC News', reference: 'https://example.org/aleppo' },
    sampleExtraction(),
  );
  articleId = draft.article.id;
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: headers[as], ...(payload !== undefined && { payload: payload as object }) }); // prettier-ignore
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: { body: string }): any => JSON.parse(r.body);
const claimUrl = (idx: number | string, step: 'accept' | 'reject', id = articleId) =>
  `/api/v1/articles/${id}/claims/${idx}/${step}`;

describe('input checks (before any extraction)', () => {
  it('names the field of a bad body', async () => {
    const none = await call('analyst', 'POST', '/api/v1/extract', {});
    expect(none.statusCode).toBe(400);
    expect(body(none).error).toMatchObject({ code: 'validation_failed', field: 'text' });
    const blank = await call('analyst', 'POST', '/api/v1/articles', { text: '   ' });
    expect(body(blank).error.field).toBe('text');
    const date = await call('analyst', 'POST', '/api/v1/extract', { text: 'x', published: '4 March 2018' }); // prettier-ignore
    expect(body(date).error.field).toBe('published');
  });

  it('lets only the cell extract, and only reviewers draft', async () => {
    expect((await call('public', 'POST', '/api/v1/extract', { text: OWN_ARTICLE })).statusCode).toBe(403); // prettier-ignore
    expect((await call('liaison', 'GET', '/api/v1/articles')).statusCode).toBe(403);
    expect((await call('admin', 'POST', '/api/v1/articles', { text: OWN_ARTICLE })).statusCode).toBe(403); // prettier-ignore
  });
});

describe('the review queue', () => {
  it('shows the article with every claim pending, and lists it with counts', async () => {
    const a = body(await call('monitor', 'GET', `/api/v1/articles/${articleId}`));
    expect(a).toMatchObject({ id: articleId, publisher: 'BBC News', published: '2018-03-04' });
    expect(a.claims.map((c: { status: string }) => c.status)).toEqual(['pending', 'pending', 'pending', 'pending']); // prettier-ignore
    expect(a.places.map((p: { name: string }) => p.name)).toContain('Aleppo');
    const list = body(await call('mediator', 'GET', '/api/v1/articles?limit=5'));
    expect(list.items[0]).toMatchObject({ id: articleId, claims: { pending: 4, accepted: 0, rejected: 0 } }); // prettier-ignore
    expect(list.items[0]).not.toHaveProperty('text');
    expect((await call('analyst', 'GET', '/api/v1/articles/nope')).statusCode).toBe(404);
  });

  it('accepts a claim as an incident with its graded report, once', async () => {
    const missing = await call('monitor', 'POST', claimUrl(3, 'accept'), { as: 'incident' });
    expect(missing.statusCode).toBe(400);
    expect(body(missing).error.field).toBe('incident.lon');
    expect(body(await call('monitor', 'POST', claimUrl(0, 'accept'), { as: 'nope' })).error.field).toBe('as'); // prettier-ignore
    expect((await call('mediator', 'POST', claimUrl(0, 'accept'), { as: 'incident' })).statusCode).toBe(403); // prettier-ignore
    const r = await call('monitor', 'POST', claimUrl(0, 'accept'), { as: 'incident' });
    expect(r.statusCode, r.body).toBe(200);
    const { claim, incident } = body(r);
    expect(claim).toMatchObject({ status: 'accepted', outcome: { kind: 'incident', id: incident.id } }); // prettier-ignore
    expect(incident).toMatchObject({ sub_event_type: 'Air/drone strike', fatalities: 40, location: 'Aleppo' }); // prettier-ignore
    const shown = body(await call('analyst', 'GET', `/api/v1/incidents/${incident.id}`));
    expect(shown.reports).toEqual([expect.objectContaining({ source_name: 'Syrian Observatory for Human Rights', reference: 'https://example.org/aleppo', grade: 'F6' })]); // prettier-ignore
    const again = await call('analyst', 'POST', claimUrl(0, 'accept'), { as: 'incident' });
    expect(again.statusCode).toBe(409);
    expect(body(again).error.code).toBe('invalid_transition');
  });

  it('accepts a claim as a note for the mediators on an agreement', async () => {
    const note = { as: 'agreement_note', agreement_id: 'test-coh' };
    expect((await call('monitor', 'POST', claimUrl(1, 'accept'), note)).statusCode).toBe(403);
    const unknown = await call('mediator', 'POST', claimUrl(1, 'accept'), { ...note, agreement_id: 'nope' }); // prettier-ignore
    expect(body(unknown).error).toMatchObject({ code: 'unknown_reference', field: 'agreement_id' });
    const r = await call('mediator', 'POST', claimUrl(1, 'accept'), note);
    expect(r.statusCode, r.body).toBe(200);
    expect(body(r).agreement_note.body).toMatch(/^Truce extended by 48 h around Damascus/);
    const notes = body(await call('analyst', 'GET', '/api/v1/agreements/test-coh/notes'));
    expect(notes.items).toEqual([body(r).agreement_note]);
    expect((await call('analyst', 'GET', '/api/v1/agreements/nope/notes')).statusCode).toBe(404);
  });

  it('rejects a claim only with a reason', async () => {
    const none = await call('analyst', 'POST', claimUrl(2, 'reject'), {});
    expect(body(none).error).toMatchObject({ code: 'validation_failed', field: 'note' });
    expect((await call('analyst', 'POST', claimUrl('x', 'reject'), { note: 'n' })).statusCode).toBe(404); // prettier-ignore
    const r = await call('analyst', 'POST', claimUrl(2, 'reject'), { note: 'no source given' });
    expect(body(r)).toMatchObject({ idx: 2, status: 'rejected', decision_note: 'no source given' });
    const list = body(await call('analyst', 'GET', '/api/v1/articles'));
    expect(list.items[0].claims).toEqual({ pending: 1, accepted: 2, rejected: 1 });
    expect(body(await call('analyst', 'GET', '/api/v1/audit/verify')).ok).toBe(true);
  });
});

describe('extracting (needs the extractor)', () => {
  it('extracts a text without storing it', async () => {
    const r = await call('analyst', 'POST', '/api/v1/extract', { text: OWN_ARTICLE, published: '2018-03-04' }); // prettier-ignore
    expect(r.statusCode, r.body).toBe(200);
    expect(Array.isArray(body(r).claims)).toBe(true);
    expect(body(r).published).toBe('2018-03-04');
    expect(body(await call('analyst', 'GET', '/api/v1/articles')).total).toBe(1);
  });

  it('drafts an article with every claim pending', async () => {
    const r = await call('monitor', 'POST', '/api/v1/articles', {
      text: OWN_ARTICLE,
      publisher: 'Press Association',
      reference: 'https://example.org/own',
    });
    expect(r.statusCode, r.body).toBe(201);
    const a = body(r);
    expect(Array.isArray(a.claims)).toBe(true);
    for (const c of a.claims) expect(c.status).toBe('pending');
    const shown = body(await call('analyst', 'GET', `/api/v1/articles/${a.id}`));
    expect(shown.claims.length).toBe(a.claims.length);
    expect(shown.reference).toBe('https://example.org/own');
  });
});
