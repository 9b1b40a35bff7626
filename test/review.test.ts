// The violation desk through HTTP: review steps with notes, attribution with evidence (and the
// rule-based suggestions), intent, notices to the attributed party's liaisons and their answers,
// superseding on re-evaluation (never deleting a reviewed decision), and the shift handover.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;
let vid: string;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  const s = await setupScenario(env.ctx);
  headers = s.headers;
  vid = encodeURIComponent(s.violationId);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: headers[as], ...(payload !== undefined && { payload: payload as object }) }); // prettier-ignore
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: { body: string }): any => JSON.parse(r.body);
const review = (as: Caller, id: string, payload: unknown) =>
  call(as, 'POST', `/api/v1/violations/${id}/review`, payload);

describe('violation review', () => {
  it('suggests attributions by explicit rules, with their evidence', async () => {
    const d = body(await call('analyst', 'GET', `/api/v1/violations/${vid}`));
    expect(d.violation.status).toBe('flagged');
    expect(d.suggestions.map((s: { rule: string; party_id: string; kind: string }) => [s.rule, s.party_id, s.kind])).toEqual([
      ['source-actor', 'GOV', 'reported'],
      ['sole-air-capability', 'GOV', 'inferred'],
    ]);
  }); // prettier-ignore

  it('keeps unreviewed violations inside the cell', async () => {
    expect((await call('liaison-gov', 'GET', `/api/v1/violations/${vid}`)).statusCode).toBe(404);
    expect(body(await call('public', 'GET', '/api/v1/violations')).total).toBe(0);
    expect(body(await call('monitor', 'GET', '/api/v1/violations')).total).toBe(1);
    expect(body(await call('public', 'GET', '/api/v1/violations?status=flagged')).total).toBe(0);
    expect(body(await call('public', 'GET', '/api/v1/incidents/AIR-1')).violations).toEqual([]);
    expect(body(await call('analyst', 'GET', '/api/v1/incidents/AIR-1')).violations).toHaveLength(
      1,
    );
  });

  it('moves step by step, each step by the right role and with a note', async () => {
    const skip = await review('analyst', vid, { to: 'confirmed', note: 'obvious', intent: 'deliberate' });
    expect(skip.statusCode).toBe(409);
    expect(body(skip).error.code).toBe('invalid_transition');
    expect((await review('monitor', vid, { to: 'under_review' })).statusCode).toBe(400); // no note
    const triage = await review('monitor', vid, { to: 'under_review', note: 'two reports, checking' });
    expect(triage.statusCode).toBe(200);
    expect(body(triage).violation.status).toBe('under_review');
    const byMonitor = await review('monitor', vid, { to: 'confirmed', note: 'sure', intent: 'deliberate' });
    expect(byMonitor.statusCode).toBe(403);
    const noIntent = await review('analyst', vid, { to: 'confirmed', note: 'verified' });
    expect(body(noIntent).error.message).toMatch(/intent/);
    const noEvidence = await review('analyst', vid, {
      to: 'confirmed', note: 'verified', intent: 'deliberate',
      attributions: [{ party_id: 'GOV', kind: 'assessed', evidence: [] }],
    });
    expect(body(noEvidence).error.message).toMatch(/evidence/);
  }); // prettier-ignore

  it('confirms with attribution and intent, and sends a notice to the attributed party', async () => {
    const r = await review('analyst', vid, {
      to: 'confirmed',
      note: 'Verified against two independent reports.',
      intent: 'deliberate',
      attributions: [
        {
          party_id: 'GOV',
          kind: 'inferred',
          evidence: [
            { kind: 'incident', ref: 'AIR-1' },
            { kind: 'rule', ref: 'sole-air-capability', note: 'only GOV flies' },
          ],
        },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(body(r).violation).toMatchObject({
      status: 'confirmed',
      intent: 'deliberate',
      attributed_to: 'GOV',
      reviewed_by: 'analyst',
    });
    expect(body(r).notices).toHaveLength(1);
    const history = body(await call('analyst', 'GET', `/api/v1/violations/${vid}`)).reviews;
    expect(history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'flagged→under_review',
      'under_review→confirmed',
    ]);
    // Confirmed: now shared with the parties and the public, without the cell's review notes.
    const shared = body(await call('liaison-opp', 'GET', `/api/v1/violations/${vid}`));
    expect(shared.violation.status).toBe('confirmed');
    expect(shared.reviews).toEqual([]);
    expect(body(await call('public', 'GET', '/api/v1/violations')).total).toBe(1);
  });

  it('the attributed party’s liaison sees and answers the notice; others cannot', async () => {
    const gov = body(await call('liaison-gov', 'GET', '/api/v1/notices')).items;
    expect(gov).toHaveLength(1);
    expect(gov[0]).toMatchObject({ party_id: 'GOV', status: 'sent' });
    expect(body(await call('liaison-opp', 'GET', '/api/v1/notices')).items).toEqual([]);
    const path = `/api/v1/notices/${gov[0].id}/answer`;
    expect((await call('liaison-opp', 'POST', path, { answer: 'not ours' })).statusCode).toBe(403);
    const a = await call('liaison-gov', 'POST', path, { answer: 'Our aircraft were not operating there that morning.' });
    expect(a.statusCode).toBe(200);
    expect(body(a)).toMatchObject({ status: 'answered', answered_by: 'liaison-gov' });
    expect(body(await call('analyst', 'GET', '/api/v1/notices?status=answered')).items).toHaveLength(1);
  }); // prettier-ignore

  it('re-evaluation supersedes a reviewed violation with the reason instead of deleting it', async () => {
    const moved = await call('analyst', 'PUT', '/api/v1/incidents/AIR-1', airStrike({ lon: 38.5 }));
    expect(body(moved).violations).toEqual([]);
    expect(body(await call('analyst', 'GET', '/api/v1/violations')).total).toBe(0);
    const kept = body(await call('analyst', 'GET', '/api/v1/violations?status=superseded')).items;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      status: 'superseded',
      intent: 'deliberate',
      status_note: 'no longer matched: the incident was changed',
    });
    expect((await review('analyst', vid, { to: 'under_review', note: 'again?' })).statusCode).toBe(409);
    // Matched again: back to under_review for a person to decide afresh; the history stays.
    await call('analyst', 'PUT', '/api/v1/incidents/AIR-1', airStrike());
    const d = body(await call('analyst', 'GET', `/api/v1/violations/${vid}`));
    expect(d.violation.status).toBe('under_review');
    expect(d.violation.status_note).toMatch(/^matched again/);
    expect(d.reviews).toHaveLength(2);
  }); // prettier-ignore
});

describe('shift handover', () => {
  it('records notes, open items and the queue as it stood', async () => {
    await call('analyst', 'POST', '/api/v1/incidents', airStrike({ external_id: 'AIR-3', lon: 36.2 }));
    const shift = body(await call('monitor', 'POST', '/api/v1/shifts', { notes: 'night desk' }));
    const r = await call('monitor', 'POST', `/api/v1/shifts/${shift.id}/handover`, {
      notes: 'Quiet night apart from Duma.',
      open_items: [{ ref: 'AIR-3', note: 'waiting for a second source' }],
      handed_to: 'analyst',
    });
    expect(r.statusCode).toBe(200);
    expect(body(r).handover).toMatchObject({
      notes: 'Quiet night apart from Duma.',
      open_items: [{ ref: 'AIR-3', note: 'waiting for a second source' }],
      queue: { flagged: 1, under_review: 1 },
    });
    expect(body(r).handover.queue.violation_ids).toHaveLength(2);
    const twice = await call('monitor', 'POST', `/api/v1/shifts/${shift.id}/handover`, { notes: 'x' });
    expect(twice.statusCode).toBe(409);
    expect(body(await call('analyst', 'GET', '/api/v1/shifts')).items[0].handed_to).toBe('analyst');
    expect((await call('liaison-gov', 'GET', '/api/v1/shifts')).statusCode).toBe(403);
  }); // prettier-ignore
});
