// One meaning of "in force" (DESIGN.md §3) seen from outside: an amendment (v2) that overlaps v1's
// window and drops one of its zones. The zones at an instant, the violations, the versions with
// their effective windows, the proposal diff — and a database written under the old rule, whose
// violations are recomputed when it is opened after the upgrade.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { createIncident } from '../src/app/incidents.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { agreementDocumentSchema, incidentInputSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { buildServer } from '../src/server/build-server.ts';
import { PARTIES, square } from './fixtures.ts';
import { runCli, signedIn, tempContext } from './helpers.ts';

const zone = (id: string, kind: string, x0: number, x1: number) => ({
  type: 'Feature',
  id,
  properties: { name: id, kind },
  geometry: square(x0, 33, x1, 34),
});
// v1: two safe zones for four days; v2 (an amendment from day 2, for four days) keeps only west.
const V1 = {
  label: 'v1',
  valid_from: '2018-03-01T00:00:00Z',
  valid_until: '2018-03-05T00:00:00Z',
  signed_by: ['GOV', 'OPP'],
  terms: 'Two safe zones.',
  zones: {
    type: 'FeatureCollection',
    features: [zone('west', 'safe_zone', 36, 36.4), zone('east', 'safe_zone', 36.6, 37)],
  },
};
const V2 = {
  ...V1,
  label: 'v2',
  valid_from: '2018-03-03T00:00:00Z',
  valid_until: '2018-03-07T00:00:00Z',
  terms: 'The western zone only.',
  zones: { type: 'FeatureCollection', features: [zone('west', 'safe_zone', 36, 36.4)] },
};
const doc = { id: 'amended', title: 'Amended truce', parties: PARTIES, versions: [V1, V2] };

const strike = (externalId: string, at: string, lon: number) =>
  parseInput(incidentInputSchema, {
    external_id: externalId,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
    occurred_at: at,
    lon,
    lat: 33.5,
  });

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: { authorization: string };

beforeAll(async () => {
  env = await tempContext(() => Date.parse('2018-03-04T00:00:00Z'));
  await importAgreementDocument(env.ctx, parseInput(agreementDocumentSchema, doc), SYSTEM_ACTOR);
  // East zone: day 1 (v1 in force) and day 4 (v2 in force, which dropped it; v1's window runs on).
  await createIncident(env.ctx, SYSTEM_ACTOR, strike('EAST-1', '2018-03-01T12:00:00Z', 36.8));
  await createIncident(env.ctx, SYSTEM_ACTOR, strike('EAST-4', '2018-03-04T12:00:00Z', 36.8));
  // West zone on day 4: judged on v2.
  await createIncident(env.ctx, SYSTEM_ACTOR, strike('WEST-4', '2018-03-04T12:00:00Z', 36.2));
  app = buildServer(env.ctx, { webRoot: join(env.dir, 'no-web-app') });
  await app.ready();
  headers = await signedIn(env.ctx, 'analyst');
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const get = async <T>(url: string) => {
  const r = await app.inject({ method: 'GET', url, headers });
  expect(r.statusCode, r.body).toBe(200);
  return JSON.parse(r.body) as T;
};
type Zones = { features: { properties: { key: string; version_label: string } }[] };

describe('the version in force at an instant is the latest signed one whose window contains it', () => {
  it('GET /zones?at= gives one zone per key, from the version in force', async () => {
    const at = async (iso: string) =>
      (await get<Zones>(`/api/v1/zones?at=${iso}`)).features
        .map((f) => `${f.properties.key}@${f.properties.version_label}`)
        .sort();
    expect(await at('2018-03-02T00:00:00Z')).toEqual(['east@v1', 'west@v1']);
    expect(await at('2018-03-03T00:00:00Z')).toEqual(['west@v2']); // v2's valid_from
    expect(await at('2018-03-04T12:00:00Z')).toEqual(['west@v2']); // inside the overlap
    expect(await at('2018-03-07T00:00:00Z')).toEqual([]);
  });

  it('a zone the amendment drops is not violated after its valid_from', async () => {
    type Row = { incident_ref: string; zone_key: string; version_label: string };
    const { items } = await get<{ items: Row[] }>('/api/v1/violations?status=all');
    expect(items.map((v) => `${v.incident_ref}:${v.zone_key}@${v.version_label}`).sort()).toEqual([
      'EAST-1:east@v1',
      'WEST-4:west@v2',
    ]);
  });

  it('each version lists its effective and superseded windows', async () => {
    type Span = { from: string; until: string | null };
    type V = { label: string; effective_windows: Span[]; superseded_windows: Span[] };
    const { items } = await get<{ items: V[] }>('/api/v1/agreements/amended/versions');
    expect(items.map((v) => [v.label, v.effective_windows, v.superseded_windows])).toEqual([
      [
        'v1',
        [{ from: '2018-03-01T00:00:00.000Z', until: '2018-03-03T00:00:00.000Z' }],
        [{ from: '2018-03-03T00:00:00.000Z', until: '2018-03-05T00:00:00.000Z' }],
      ],
      ['v2', [{ from: '2018-03-03T00:00:00.000Z', until: '2018-03-07T00:00:00.000Z' }], []],
    ]);
  });
});

describe('upgrading a database written under the earlier rule', () => {
  it('recomputes its violations once, on open, and journals it', async () => {
    // Make the file look as an older Truceline left it: the upgrade task's migration not yet run,
    // and the violation the old rule gave (EAST-4 against v1's east zone during the overlap).
    const db = new Database(env.path);
    const ids = db
      .prepare(
        `SELECT i.id AS incident, z.id AS zone, z.version_id AS version FROM incidents i, zones z
         WHERE i.external_id = 'EAST-4' AND z.zone_key = 'east'`,
      )
      .get() as { incident: string; zone: string; version: string };
    db.prepare(
      `INSERT INTO violations (incident_id, agreement_id, zone_key, zone_id, version_id, certainty, detected_at, updated_at, status, attributions)
       VALUES (?, 'amended', 'east', ?, ?, 'certain', 1, 1, 'flagged', '[]')`,
    ).run(ids.incident, ids.zone, ids.version);
    db.exec(
      `DROP TABLE upgrade_tasks; DELETE FROM kysely_migration WHERE name = '0005_upgrade_tasks'`,
    );
    db.close();

    const first = runCli(['violations', '--db', env.path, '--format', 'json', '--status', 'all']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(
      /upgrade: .*effective window.* 1 agreement\(s\) re-evaluated: 0 violation\(s\) added, 0 changed, 1 removed/,
    );
    const refs = (JSON.parse(first.stdout) as { incident_ref: string }[]).map(
      (v) => v.incident_ref,
    );
    expect(refs.sort()).toEqual(['EAST-1', 'WEST-4']);

    const again = runCli(['violations', '--db', env.path, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/upgrade:/); // done once
    // Journalled: the re-evaluation is in the audit log, and the chain still verifies.
    const verify = await get<{ ok: boolean }>('/api/v1/audit/verify');
    expect(verify.ok).toBe(true);
    type Entry = { action: string; after: { because?: string; removed?: number } };
    const { items } = await get<{ items: Entry[] }>('/api/v1/audit?limit=5');
    expect(items.find((e) => e.action === 'violations.reevaluate')?.after).toMatchObject({
      because: expect.stringMatching(/^upgrade: /),
      removed: 1,
    });
  });
});
