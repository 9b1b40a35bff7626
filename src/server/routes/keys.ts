// /api/v1/parties/:id/keys: the Ed25519 public keys a party signs with. Only public keys ever
// reach the server.
import { partyKeyResponse, partyKeysResponse, registerKeyBody } from '../../api/parties.ts';
import type { AppContext } from '../../app/context.ts';
import { keyToJson, registerPartyKey, revokePartyKey } from '../../app/proposals.ts';
import { MANAGE_PARTY_KEYS, READ_PUBLISHED } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import type { RouteRegistry } from '../route-registry.ts';

const ownParty = async ({ params }: { params: Record<string, string> }) => params.id ?? null;

export function keyRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/parties/:id/keys',
    tag: 'keys',
    summary: "List a party's public keys",
    access: { roles: READ_PUBLISHED },
    response: { status: 200, description: '{ items: PartyKey[] }', schema: partyKeysResponse },
    handler: async ({ params }) => {
      if (!(await ctx.store.getParty(params.id!)))
        throw new AppError('not_found', `party ${params.id} does not exist`);
      return { items: (await ctx.store.listPartyKeys(params.id)).map(keyToJson) };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/parties/:id/keys',
    tag: 'keys',
    summary: 'Register a public key for a party',
    access: { roles: MANAGE_PARTY_KEYS, party: ownParty },
    body: registerKeyBody,
    response: { status: 201, description: 'PartyKey', schema: partyKeyResponse },
    handler: async ({ params, body, actor }) =>
      keyToJson(await registerPartyKey(ctx, actor, params.id!, body)),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/parties/:id/keys/:fingerprint/revoke',
    tag: 'keys',
    summary: "Revoke one of a party's keys (signatures made before stay valid)",
    access: { roles: MANAGE_PARTY_KEYS, party: ownParty },
    response: { status: 200, description: 'PartyKey', schema: partyKeyResponse },
    handler: async ({ params, actor }) =>
      keyToJson(await revokePartyKey(ctx, actor, params.id!, params.fingerprint!)),
  });
}
