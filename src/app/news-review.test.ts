// The news review queue with hand-built extractions (no extractor): drafting, accepting a claim as
// an incident, a report or an agreement note, rejecting, and refusing what must be refused
// without changing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExtraction } from '../../test/news-fixtures.ts';
import { tempContext } from '../../test/helpers.ts';
import { setupScenario } from '../../test/scenario.ts';
import { AppError } from '../domain/errors.ts';
import { acceptClaimSchema, rejectClaimSchema } from '../domain/news-review.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { parseInput } from '../domain/validate.ts';
import { sourceNameKey } from '../store/intake-queries.ts';
import { verifyAuditChain } from './desk.ts';
import {
  acceptClaim,
  draftArticle,
  getArticle,
  listAgreementNotes,
  listArticles,
  rejectClaim,
} from './news-review.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let articleId: string;
const as = (role: Role): Actor => ({ id: `u-${role}`, name: role, role, partyId: null });
const accept = (role: Role, idx: number, body: unknown, id = articleId) =>
  acceptClaim(env.ctx, as(role), id, idx, parseInput(acceptClaimSchema, body));

/** Rejects with an AppError of this code (and field); returns it. */
async function refused(p: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (field !== undefined) expect((e as AppError).field).toBe(field);
  return e as AppError;
}

/** Everything a refused call must leave as it was. */
async function state() {
  const s = env.ctx.store;
  return JSON.stringify([
    await s.countIncidents(),
    await s.auditHead(),
    await s.feedHead(),
    await s.listArticleClaims(articleId),
    await s.listAgreementNotes('test-coh'),
    await s.listSources(),
  ]);
}

beforeAll(async () => {
  env = await tempContext();
  await setupScenario(env.ctx);
  const publisher = { publisher: 'BBC News', reference: 'https://example.org/aleppo-strikes' };
  const draft = await draftArticle(env.ctx, as('analyst'), { text: 'raw page', ...publisher }, sampleExtraction()); // prettier-ignore
  articleId = draft.article.id;
});
afterAll(() => env.close());

describe('drafting', () => {
  it('stores the article with every claim pending, listed newest first with counts', async () => {
    const { article, claims } = await getArticle(env.ctx.store, articleId);
    expect(article).toMatchObject({ published: '2018-03-04', publisher: 'BBC News', agency: 'Press Association', createdBy: 'analyst' }); // prettier-ignore
    expect(article.text).toBe(sampleExtraction().text);
    expect(claims.map((c) => [c.idx, c.kind, c.status])).toEqual([
      [0, 'casualties', 'pending'],
      [1, 'truce_extension', 'pending'],
      [2, 'violation_count', 'pending'],
      [3, 'casualties', 'pending'],
    ]);
    const { items, total } = await listArticles(env.ctx, { limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(items[0]?.claims).toEqual({ pending: 4, accepted: 0, rejected: 0 });
    await refused(getArticle(env.ctx.store, 'nope'), 'not_found');
  });
});

describe('accepting a claim as an incident', () => {
  it('names the missing field when the claim has no place, and changes nothing', async () => {
    const before = await state();
    const e = await refused(accept('monitor', 3, { as: 'incident' }), 'validation_failed', 'incident.lon'); // prettier-ignore
    expect(e.message).toMatch(/^incident\.lon: /);
    await refused(accept('monitor', 1, { as: 'incident' }), 'validation_failed', 'as');
    await refused(accept('mediator', 0, { as: 'incident' }), 'forbidden', 'as');
    await refused(accept('monitor', 9, { as: 'incident' }), 'not_found');
    await refused(accept('monitor', 0, { as: 'incident' }, 'nope'), 'not_found');
    expect(await state()).toBe(before);
  });

  it('creates the incident with its report, registering the source', async () => {
    const r = await accept('monitor', 0, { as: 'incident', note: 'matches our field report' });
    const incident = await env.ctx.store.getIncident(r.incident!.id);
    expect(incident).toMatchObject({
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      occurredFrom: Date.parse('2018-03-01T00:00:00Z'),
      occurredUntil: Date.parse('2018-03-04T00:00:00Z'),
      lon: 37.1343,
      lat: 36.2021,
      uncertaintyM: 15_000,
      fatalities: 40,
      location: 'Aleppo',
      source: 'Syrian Observatory for Human Rights',
    });
    expect(incident?.notes).toMatch(/^More than 40 people have been killed/);
    const [report, ...more] = await env.ctx.store.listReports([r.incident!.id]);
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      source: 'Syrian Observatory for Human Rights',
      reference: 'https://example.org/aleppo-strikes',
      text: incident?.notes,
      killed: { low: 40, best: null, high: null },
    });
    const known = await env.ctx.store.resolveSourceNames([sourceNameKey('Syrian Observatory for Human Rights')]); // prettier-ignore
    expect([...known.values()]).toEqual([report!.sourceId]);
    expect(r.claim).toMatchObject({
      status: 'accepted',
      decidedBy: 'monitor',
      decisionNote: 'matches our field report',
      outcomeKind: 'incident',
      outcomeId: r.incident!.id,
    });
    const [entry] = await env.ctx.store.listAudit({ entityId: articleId, limit: 1 });
    expect(entry).toMatchObject({ action: 'claim.accept', after: { idx: 0, status: 'accepted' } });
  });

  it('refuses a claim that is no longer pending', async () => {
    const before = await state();
    await refused(accept('analyst', 0, { as: 'incident' }), 'invalid_transition');
    await refused(rejectClaim(env.ctx, as('analyst'), articleId, 0, { note: 'x' }), 'invalid_transition'); // prettier-ignore
    expect(await state()).toBe(before);
  });

  it("takes the reviewer's place and time, and the incident gives its violations", async () => {
    const r = await accept('analyst', 3, {
      as: 'incident',
      incident: { lon: 36.5, lat: 33.5, occurred_on: '2018-02-17', actor1: 'Government' },
    });
    expect(r.incident).toMatchObject({
      subEventType: 'Shelling/artillery/missile attack',
      uncertaintyM: 0,
      timePrecision: 1,
      actor1: 'Government',
      fatalities: null,
    });
    expect(r.violations?.map((v) => v.agreementId)).toEqual(['test-coh']);
    const [report] = await env.ctx.store.listReports([r.incident!.id]);
    expect(report).toMatchObject({ source: 'residents', injured: { best: 2 } });
  });
});

describe('accepting a claim as an agreement note or a report, and rejecting', () => {
  it('adds a note under the agreement and leaves the agreement alone', async () => {
    const versions = JSON.stringify(await env.ctx.store.listVersions('test-coh'));
    await refused(accept('monitor', 1, { as: 'agreement_note', agreement_id: 'test-coh' }), 'forbidden'); // prettier-ignore
    await refused(accept('mediator', 1, { as: 'agreement_note', agreement_id: 'nope' }), 'unknown_reference', 'agreement_id'); // prettier-ignore
    const r = await accept('mediator', 1, { as: 'agreement_note', agreement_id: 'test-coh' });
    expect(r.note?.body).toBe(
      'Truce extended by 48 h around Damascus and eastern suburbs — announced by Syrian military, per SANA',
    );
    const notes = await listAgreementNotes(env.ctx, 'test-coh');
    expect(notes).toEqual([r.note]);
    expect(notes[0]).toMatchObject({ kind: 'truce_extension', articleId, claimIdx: 1, sourceName: 'SANA' }); // prettier-ignore
    expect(JSON.stringify(await env.ctx.store.listVersions('test-coh'))).toBe(versions);
    await refused(listAgreementNotes(env.ctx, 'nope'), 'not_found');
  });

  it('rejects only with a reason', async () => {
    expect(() => parseInput(rejectClaimSchema, {})).toThrow(/^note: /);
    await refused(rejectClaim(env.ctx, as('analyst'), articleId, 2, { note: '  ' }), 'validation_failed', 'note'); // prettier-ignore
    const claim = await rejectClaim(env.ctx, as('analyst'), articleId, 2, { note: 'no source' });
    expect(claim).toMatchObject({ status: 'rejected', decisionNote: 'no source', outcomeKind: null }); // prettier-ignore
    const { items } = await listArticles(env.ctx, { limit: 10, offset: 0 });
    expect(items[0]?.claims).toEqual({ pending: 0, accepted: 3, rejected: 1 });
  });

  it('adds a claim as a report on an existing incident', async () => {
    const second = await draftArticle(env.ctx, as('monitor'), { text: 'raw' }, sampleExtraction());
    const id = second.article.id;
    await refused(accept('analyst', 0, { as: 'report', incident_id: 'NOPE' }, id), 'unknown_reference', 'incident_id'); // prettier-ignore
    await refused(accept('analyst', 1, { as: 'report', incident_id: 'AIR-1' }, id), 'validation_failed', 'as'); // prettier-ignore
    const r = await accept('analyst', 0, { as: 'report', incident_id: 'AIR-1', report: { credibility: 3 } }, id); // prettier-ignore
    const reports = await env.ctx.store.listReports([r.incident!.id]);
    const added = reports.find((x) => x.id === r.claim.outcomeId);
    expect(added).toMatchObject({ source: 'Syrian Observatory for Human Rights', credibility: 3, origin: 'added', reference: null }); // prettier-ignore
    expect(r.claim.outcomeKind).toBe('report');
  });

  it('keeps the audit chain whole', async () => {
    const check = await verifyAuditChain(env.ctx.store);
    expect(check.ok).toBe(true);
    const actions = (await env.ctx.store.listAudit({ limit: 50 })).map((e) => e.action);
    for (const a of [
      'article.draft',
      'claim.accept',
      'claim.reject',
      'agreement_note.add',
      'incident.create',
      'report.add',
    ])
      // prettier-ignore
      expect(actions).toContain(a);
    const events = (await env.ctx.store.eventsAfter(0, 200)).filter((e) => /^(article|claim|agreement_note)\./.test(e.type)); // prettier-ignore
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.audience))).toEqual(new Set(['staff']));
  });
});
