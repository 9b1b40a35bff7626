// The OpenAPI 3.1 document, generated from the route declarations and their zod schemas (request
// and response, src/api/), so the document and the validation can never disagree.
import { z } from 'zod';
import { errorResponse } from '../api/common.ts';
import type { AnyRouteSpec } from './route-registry.ts';

/**
 * The JSON Schema of a zod schema, without the per-schema `$schema` line: of what the server
 * accepts (`input`, before defaults and transforms) or of what it sends (`output`).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

export function buildOpenApi(routes: readonly AnyRouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [...r.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.query) {
      const qs = jsonSchema(r.query) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(qs.properties ?? {}))
        parameters.push({
          name,
          in: 'query',
          required: qs.required?.includes(name) ?? false,
          schema,
        });
    }
    const content: Record<string, unknown> = {};
    if (r.body) content['application/json'] = { schema: jsonSchema(r.body) };
    for (const t of r.bodyTypes ?? []) content[t] = { schema: { type: 'string' } };
    const okTypes = r.response.contentTypes ?? ['application/json'];
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      description:
        r.access.roles === 'anonymous'
          ? 'No sign-in needed.'
          : `Roles: ${r.access.roles.join(', ')}${r.access.party ? ' (a liaison only for their own party)' : ''}.`,
      'x-roles': r.access.roles,
      ...(r.access.roles !== 'anonymous' && {
        security: [{ bearer: [] }, { session: [] }],
      }),
      tags: [r.tag],
      ...(parameters.length > 0 && { parameters }),
      ...(Object.keys(content).length > 0 && { requestBody: { required: true, content } }),
      responses: {
        [String(r.response.status)]: {
          description: r.response.description,
          content: Object.fromEntries(
            okTypes.map((t) => [
              t,
              r.response.schema && t.includes('json')
                ? { schema: jsonSchema(r.response.schema, 'output') }
                : {},
            ]),
          ),
        },
        '4XX': {
          description:
            'Bad input, unknown resource, not signed in (401) or not allowed (403); nothing was changed',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truceline API',
      version,
      description:
        'Agreements, zones, incidents and the violations derived from them. Times are ISO 8601 UTC; geometry is GeoJSON WGS84 (lon, lat).',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorResponse, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (truceline users token)',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'truceline_session' },
      },
    },
  };
}
