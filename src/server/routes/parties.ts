// /api/v1/parties: the actors bound by or observing agreements.
import { partiesResponse, partyResponse } from '../../api/parties.ts';
import { createParty } from '../../app/agreements.ts';
import type { AppContext } from '../../app/context.ts';
import { ADD_PARTIES, READ_PUBLISHED } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { partySchema } from '../../domain/schemas.ts';
import { partyToJson } from '../../domain/resource-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function partyRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/parties',
    tag: 'parties',
    summary: 'List parties',
    response: { status: 200, description: '{ items: Party[] }', schema: partiesResponse },
    handler: async () => ({ items: (await ctx.store.listParties()).map(partyToJson) }),
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/parties/:id',
    tag: 'parties',
    summary: 'One party',
    response: { status: 200, description: 'Party', schema: partyResponse },
    handler: async ({ params }) => {
      const party = await ctx.store.getParty(params.id!);
      if (!party) throw new AppError('not_found', `party ${params.id} does not exist`);
      return partyToJson(party);
    },
  });
  r.add({
    method: 'POST',
    access: { roles: ADD_PARTIES },
    url: '/api/v1/parties',
    tag: 'parties',
    summary: 'Create a party',
    body: partySchema,
    response: {
      status: 201,
      description: 'The created party',
      schema: partyResponse,
    },
    handler: async ({ body, actor }) => partyToJson(await createParty(ctx, body, actor)),
  });
}
