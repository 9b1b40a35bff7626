// The permission matrix: every API route × every role (and a liaison for its own and for another
// party). Each refusal must be a 401/403 that leaves every table exactly as it was; each allowed
// call must get past the access check (it may still fail validation, which is not a refusal).
import { hash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewViolation } from '../src/app/reviews.ts';
import { createProposal, registerPartyKey } from '../src/app/proposals.ts';
import { startShift } from '../src/app/desk.ts';
import { proposalInputSchema } from '../src/domain/proposal.ts';
import { SYSTEM_ACTOR, type Actor, type Role } from '../src/domain/roles.ts';
import { generateKeyPair } from '../src/domain/signing.ts';
import { parseInput } from '../src/domain/validate.ts';
import { buildRegistry } from '../src/server/build-server.ts';
import type { AnyRouteSpec } from '../src/server/route-registry.ts';
import { tempContext, testServer } from './helpers.ts';
import { freshHeader, proposalInput, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let raw: SQLite.Database;
let routes: AnyRouteSpec[];
const ids: Record<string, string> = {};

const USERNAMES: Record<Caller, string> = {
  admin: 'admin',
  mediator: 'mediator',
  analyst: 'analyst',
  monitor: 'monitor',
  public: 'public',
  liaison: 'liaison-gov',
  'liaison-gov': 'liaison-gov',
  'liaison-opp': 'liaison-opp',
};

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  await app.ready();
  const s = await setupScenario(env.ctx);
  const analyst: Actor = { id: 'x', name: 'analyst', role: 'analyst', partyId: null };
  const mediator: Actor = { id: 'y', name: 'mediator', role: 'mediator', partyId: null };
  ids.violation = s.violationId;
  await reviewViolation(env.ctx, analyst, s.violationId, { to: 'under_review', note: 'look' });
  const { notices } = await reviewViolation(env.ctx, analyst, s.violationId, {
    to: 'confirmed',
    note: 'seen by two monitors',
    intent: 'deliberate',
    attributions: ['GOV', 'OPP'].map((partyId) => ({
      partyId,
      kind: 'assessed' as const,
      evidence: [{ kind: 'incident' as const, ref: 'AIR-1' }],
      note: null,
    })),
  });
  ids.noticeGov = notices.find((n) => n.partyId === 'GOV')!.id;
  ids.noticeOpp = notices.find((n) => n.partyId === 'OPP')!.id;
  const key = await registerPartyKey(env.ctx, SYSTEM_ACTOR, 'GOV', {
    public_key: generateKeyPair().publicKeyPem,
  });
  ids.fingerprint = key.fingerprint;
  const p = await createProposal(
    env.ctx,
    mediator,
    'test-coh',
    parseInput(proposalInputSchema, proposalInput()),
  );
  ids.proposal = p.id;
  ids.shift = (await startShift(env.ctx, analyst, null)).id;
  routes = buildRegistry(env.ctx, new AbortController().signal).routes;
  raw = new SQLite(env.path, { readonly: true });
});

afterAll(async () => {
  raw.close();
  await app.close();
  await env.close();
});

/** A digest of every row of every table: equal digests mean nothing changed. */
function snapshot(): string {
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  const h = [];
  for (const { name } of tables)
    h.push(name, JSON.stringify(raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
  return hash('sha256', h.join('\n'));
}

const SIGNATURE = 'A'.repeat(86) + '==';

/** A request for the route acting for `party` (own or other) where the route acts for a party. */
function requestFor(spec: AnyRouteSpec, party: 'GOV' | 'OPP') {
  const url = spec.url
    .replace('/parties/:id', `/parties/${party}`)
    .replace('/agreements/:id', '/agreements/test-coh')
    .replace('/proposals/:id', `/proposals/${ids.proposal}`)
    .replace('/violations/:id', `/violations/${encodeURIComponent(ids.violation!)}`)
    .replace('/notices/:id', `/notices/${party === 'GOV' ? ids.noticeGov : ids.noticeOpp}`)
    .replace('/shifts/:id', `/shifts/${ids.shift}`)
    .replace(':fingerprint', ids.fingerprint!)
    .replace(':label', 'v1')
    .replace(':layer', 'aleppo_neighbourhoods');
  const bodies: Record<string, unknown> = {
    'POST /api/v1/proposals/:id/signatures': { party_id: party, signature: SIGNATURE },
    'POST /api/v1/proposals/:id/refusals': { party_id: party, reason: 'we do not agree' },
    'POST /api/v1/auth/password': { current_password: 'wrong', new_password: 'x'.repeat(12) },
  };
  const body = bodies[`${spec.method} ${spec.url}`] ?? {};
  return { method: spec.method, url, payload: spec.method === 'GET' ? undefined : body };
}

const CALLERS: (Caller | 'anonymous')[] = [
  'anonymous',
  'admin',
  'mediator',
  'analyst',
  'monitor',
  'public',
  'liaison-gov',
];

describe('permission matrix', () => {
  it('declares who may call every route', () => {
    expect(routes.length).toBeGreaterThan(35);
    for (const r of routes) expect(r.access.roles, `${r.method} ${r.url}`).toBeDefined();
  });

  it('refuses with 401/403 and changes nothing; lets allowed callers through', async () => {
    const seen: string[] = [];
    for (const spec of routes) {
      if (spec.url === '/api/v1/stream') continue; // a stream never ends: test/stream.test.ts
      for (const caller of CALLERS) {
        for (const party of spec.access.party ? (['GOV', 'OPP'] as const) : (['GOV'] as const)) {
          const role = (caller === 'liaison-gov' ? 'liaison' : caller) as Role | 'anonymous';
          const allowed =
            spec.access.roles === 'anonymous' ||
            (role !== 'anonymous' &&
              spec.access.roles.includes(role) &&
              !(role === 'liaison' && spec.access.party && party !== 'GOV'));
          const req = requestFor(spec, party);
          const headers =
            caller === 'anonymous' ? {} : await freshHeader(env.ctx, USERNAMES[caller]);
          const before = snapshot();
          const r = await app.inject({
            method: req.method,
            url: req.url,
            headers,
            ...(req.payload !== undefined && { payload: req.payload as object }),
          });
          const label = `${caller} ${req.method} ${spec.url}${spec.access.party ? ` for ${party}` : ''} → ${r.statusCode} ${r.body.slice(0, 160)}`;
          seen.push(label);
          if (allowed) {
            if (spec.url !== '/api/v1/auth/login')
              expect([401, 403], label).not.toContain(r.statusCode);
          } else {
            expect(r.statusCode, label).toBe(caller === 'anonymous' ? 401 : 403);
            expect(JSON.parse(r.body).error.code, label).toBe(
              caller === 'anonymous' ? 'unauthenticated' : 'forbidden',
            );
            expect(snapshot(), `${label} changed the database`).toBe(before);
          }
        }
      }
    }
    expect(seen.length).toBeGreaterThan(250);
  });

  it('a liaison can never edit incidents, other parties or the audit', () => {
    const liaisonWrites = routes.filter(
      (r) =>
        r.method !== 'GET' && r.access.roles !== 'anonymous' && r.access.roles.includes('liaison'),
    );
    for (const r of liaisonWrites) {
      expect(r.url, 'liaison may write incidents').not.toMatch(/incidents/);
      expect(r.url, 'liaison may write the audit').not.toMatch(/audit/);
      if (r.url.startsWith('/api/v1/parties/'))
        expect(
          r.access.party,
          `${r.url} must be restricted to the liaison's own party`,
        ).toBeDefined();
    }
    expect(routes.some((r) => r.url.includes('/audit') && r.method !== 'GET')).toBe(false);
  });
});

describe('docs/PERMISSIONS.md', () => {
  it('shows the matrix exactly as the routes declare it', async () => {
    const { readFile } = await import('node:fs/promises');
    const { permissionsTable } = await import('../src/server/permissions-doc.ts');
    const doc = await readFile(new URL('../docs/PERMISSIONS.md', import.meta.url), 'utf8');
    expect(doc, 'run npm run docs:permissions and paste the table').toContain(
      permissionsTable(routes),
    );
  });
});
