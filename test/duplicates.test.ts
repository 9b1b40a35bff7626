// Duplicates through HTTP: candidates with a score and reasons, the window queue, merging (every
// report kept, the duplicate's violations superseded, counted once) and undoing a merge.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  ({ headers } = await setupScenario(env.ctx));
  const post = (over: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/incidents', headers: headers.analyst, payload: airStrike(over) }); // prettier-ignore
  await post({
    external_id: 'D-1',
    source: 'SOHR',
    fatalities: 3,
    occurred_at: '2018-02-17T11:00:00Z',
  });
  await post({ external_id: 'D-2', source: 'SANA', fatalities: 4, lon: 36.51, occurred_at: '2018-02-17T11:00:00Z', actor1: null }); // prettier-ignore
  await post({ external_id: 'D-3', event_type: 'Protests', sub_event_type: 'Peaceful protest', occurred_at: '2018-02-17T11:00:00Z' }); // prettier-ignore
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: headers[as], ...(payload !== undefined && { payload: payload as object }) }); // prettier-ignore
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: { body: string }): any => JSON.parse(r.body);
const ids = (items: { candidate: { external_id: string } }[]) =>
  items.map((c) => c.candidate.external_id);

describe('duplicate candidates', () => {
  it('lists candidates of an incident with a score and the reasons for it', async () => {
    const r = body(await call('monitor', 'GET', '/api/v1/incidents/D-1/duplicates'));
    expect(ids(r.items)).toContain('D-2');
    expect(ids(r.items)).not.toContain('D-3');
    const d2 = r.items.find((c: { candidate: { external_id: string } }) => c.candidate.external_id === 'D-2');
    expect(d2.score).toBeGreaterThan(0.8);
    expect(d2.reasons.join('; ')).toMatch(/same event type.*same sub-event type.*times coincide.*places .* apart.*similar fatalities/);
    const far = body(await call('monitor', 'GET', '/api/v1/incidents/D-1/duplicates?max_distance_m=0'));
    expect(ids(far.items)).not.toContain('D-2'); // 0.9 km apart, exact points, no slack
  }); // prettier-ignore

  it('finds the pairs of a window, best first', async () => {
    const r = body(await call('analyst', 'GET', '/api/v1/duplicates?from=2018-02-17T00:00:00Z&until=2018-02-18T00:00:00Z'));
    const pair = r.items.map((c: { incident: { external_id: string }; candidate: { external_id: string } }) => [c.incident.external_id, c.candidate.external_id].sort().join('+'));
    expect(pair[0]).toBe('D-1+D-2');
    expect(r.truncated).toBe(false);
    expect((await call('liaison-gov', 'GET', '/api/v1/duplicates')).statusCode).toBe(403);
  }); // prettier-ignore
});

describe('merging', () => {
  let mergeId = '';
  let d2Violation = '';

  it('merges a duplicate: its reports move, its reviewed violations are superseded, it counts once', async () => {
    const before = body(await call('analyst', 'GET', '/api/v1/incidents/D-2'));
    d2Violation = encodeURIComponent(before.violations[0].id);
    await call('analyst', 'POST', `/api/v1/violations/${d2Violation}/review`, { to: 'under_review', note: 'checking' });
    const total = body(await call('analyst', 'GET', '/api/v1/incidents?limit=1')).total;
    const r = await call('analyst', 'POST', '/api/v1/incidents/D-2/merge', { into: 'D-1', note: 'same strike, two sources' });
    expect(r.statusCode).toBe(201);
    mergeId = body(r).id;
    expect(body(r).report_ids).toHaveLength(1);
    const d1 = body(await call('analyst', 'GET', '/api/v1/incidents/D-1'));
    expect(d1.reports.map((x: { source_id: string }) => x.source_id).sort()).toEqual(['sana', 'sohr']);
    expect(d1.report_count).toBe(2);
    const d2 = body(await call('analyst', 'GET', '/api/v1/incidents/D-2'));
    expect(d2.merged_into).toBe(d1.id);
    expect(d2.violations).toEqual([]);
    expect(body(await call('analyst', 'GET', '/api/v1/incidents?limit=1')).total).toBe(total - 1);
    const kept = body(await call('analyst', 'GET', '/api/v1/violations?status=superseded')).items;
    expect(kept.map((v: { incident_ref: string; status_note: string }) => [v.incident_ref, v.status_note])).toEqual([
      ['D-2', 'no longer matched: merged into D-1 as a duplicate'],
    ]);
  }); // prettier-ignore

  it('refuses merging into itself, twice, or editing a merged incident; a re-import changes nothing', async () => {
    expect((await call('analyst', 'POST', '/api/v1/incidents/D-1/merge', { into: 'D-1', note: 'same one' })).statusCode).toBe(400);
    const again = await call('analyst', 'POST', '/api/v1/incidents/D-2/merge', { into: 'D-1', note: 'once more' });
    expect(body(again).error.code).toBe('invalid_transition');
    expect((await call('analyst', 'PUT', '/api/v1/incidents/D-2', airStrike({ external_id: 'D-2' }))).statusCode).toBe(409);
    const reimport = await call('analyst', 'POST', '/api/v1/incidents', airStrike({ external_id: 'D-2', source: 'SANA', fatalities: 4, lon: 36.51, occurred_at: '2018-02-17T11:00:00Z', actor1: null }));
    expect(body(reimport).status).toBe('unchanged');
    expect((await call('monitor', 'POST', '/api/v1/incidents/D-2/merge', { into: 'D-1', note: 'monitor' })).statusCode).toBe(403);
  }); // prettier-ignore

  it('undoes a merge: the reports move back and the duplicate’s violation returns for review', async () => {
    const r = await call('analyst', 'POST', `/api/v1/merges/${mergeId}/undo`);
    expect(r.statusCode).toBe(200);
    expect(body(r).undone_by).toBe('analyst');
    const d1 = body(await call('analyst', 'GET', '/api/v1/incidents/D-1'));
    expect(d1.reports.map((x: { source_id: string }) => x.source_id)).toEqual(['sohr']);
    const d2 = body(await call('analyst', 'GET', '/api/v1/incidents/D-2'));
    expect(d2.merged_into).toBeNull();
    expect(d2.reports.map((x: { source_id: string }) => x.source_id)).toEqual(['sana']);
    expect(d2.violations[0].status).toBe('under_review');
    expect((await call('analyst', 'POST', `/api/v1/merges/${mergeId}/undo`)).statusCode).toBe(409);
    const history = body(await call('analyst', 'GET', '/api/v1/incidents/D-2/merges')).items;
    expect(history).toHaveLength(1);
    const audit = body(await call('analyst', 'GET', '/api/v1/audit?entity=incident&limit=5')).items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['incident.merge', 'incident.unmerge']));
  }); // prettier-ignore
});
