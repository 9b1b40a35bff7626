// /api/v1/sources: the source registry (names, aliases, kind, Admiralty reliability grade).
import { putSourceResponse, sourceResponse, sourcesResponse } from '../../api/sources.ts';
import type { AppContext } from '../../app/context.ts';
import { putSource } from '../../app/sources.ts';
import { sourceToJson } from '../../domain/source-output.ts';
import { EDIT_SOURCES, READ_PUBLISHED } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { sourceSchema } from '../../domain/schemas.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function sourceRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/sources',
    tag: 'sources',
    summary: 'List the source registry',
    access: { roles: READ_PUBLISHED },
    response: { status: 200, description: '{ items: Source[] }', schema: sourcesResponse },
    handler: async () => ({ items: (await ctx.store.listSources()).map(sourceToJson) }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/sources/:id',
    tag: 'sources',
    summary: 'One source',
    access: { roles: READ_PUBLISHED },
    response: { status: 200, description: 'Source', schema: sourceResponse },
    handler: async ({ params }) => {
      const s = await ctx.store.getSource(params.id!);
      if (!s) throw new AppError('not_found', `source ${params.id} does not exist`);
      return sourceToJson(s);
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/sources',
    tag: 'sources',
    summary: 'Add or change a source (a new grade re-assesses every incident it reported)',
    access: { roles: EDIT_SOURCES },
    body: sourceSchema,
    response: {
      status: 200,
      description: '{ source, status: added | changed | unchanged }',
      schema: putSourceResponse,
    },
    handler: async ({ body, actor }) => {
      const { source, status } = await putSource(ctx, actor, body);
      return { source: sourceToJson(source), status };
    },
  });
}
