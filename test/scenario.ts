// A small sign-off scenario for integration tests: agreement test-coh between GOV and OPP, one
// incident inside its area (one violation), users of every role and a liaison per party.
import { createApiToken } from '../src/app/accounts.ts';
import { importAgreementDocument } from '../src/app/agreements.ts';
import type { AppContext } from '../src/app/context.ts';
import { createIncident } from '../src/app/incidents.ts';
import { SYSTEM_ACTOR, type Role } from '../src/domain/roles.ts';
import { agreementDocumentSchema, incidentInputSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { violationIdOf } from '../src/domain/violation-id.ts';
import { agreementDoc, square, versionV1 } from './fixtures.ts';
import { signedIn } from './helpers.ts';

export const AGREEMENT = 'test-coh';

export const airStrike = (over: Record<string, unknown> = {}) => ({
  external_id: 'AIR-1',
  event_type: 'Explosions/Remote violence' as const,
  sub_event_type: 'Air/drone strike',
  occurred_at: '2018-02-17T09:00:00Z',
  lon: 36.5,
  lat: 33.5,
  actor1: 'Government',
  fatalities: 3,
  ...over,
});

export const proposalInput = (over: Record<string, unknown> = {}) => ({
  label: 'v2',
  terms: 'No hostilities of any kind inside the area, for another 48 hours.',
  valid_from: '2018-02-18T00:00:00Z',
  valid_until: '2018-02-20T00:00:00Z',
  required_signatories: ['GOV', 'OPP'],
  zones: {
    type: 'FeatureCollection',
    features: [
      versionV1.zones.features[0],
      {
        type: 'Feature',
        id: 'school',
        properties: { name: 'School', kind: 'safe_zone' },
        geometry: square(36.4, 33.4, 36.6, 33.6),
      },
    ],
  },
  ...over,
});

export type Caller = Role | 'liaison-gov' | 'liaison-opp';

export async function setupScenario(ctx: AppContext) {
  await importAgreementDocument(
    ctx,
    parseInput(agreementDocumentSchema, agreementDoc()),
    SYSTEM_ACTOR,
  );
  const { incident, violations } = await createIncident(
    ctx,
    SYSTEM_ACTOR,
    parseInput(incidentInputSchema, airStrike()),
  );
  const headers: Record<Caller, { authorization: string }> = {
    admin: await signedIn(ctx, 'admin'),
    mediator: await signedIn(ctx, 'mediator'),
    analyst: await signedIn(ctx, 'analyst'),
    monitor: await signedIn(ctx, 'monitor'),
    public: await signedIn(ctx, 'public'),
    liaison: await signedIn(ctx, 'liaison', 'GOV'),
    'liaison-gov': await signedIn(ctx, 'liaison', 'GOV'),
    'liaison-opp': await signedIn(ctx, 'liaison', 'OPP'),
  };
  return { incident, violationId: violationIdOf(violations[0]!), headers };
}

/** A fresh bearer header for an existing user (e.g. for a request that signs out). */
export async function freshHeader(ctx: AppContext, username: string) {
  const user = await ctx.store.getUserByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  return { authorization: `Bearer ${(await createApiToken(ctx, user, 'test', null)).token}` };
}
