// Routes are declared once, with their zod schemas: the declaration registers the fastify route,
// validates at the edge, and feeds the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../domain/validate.ts';

export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  /** Request content types other than JSON (e.g. text/csv for imports). */
  bodyTypes?: string[];
  /** Describes the 2xx response for the OpenAPI document. */
  response: { status: number; description: string; schema?: z.ZodType; contentTypes?: string[] };
  bodyLimit?: number;
  handler: (args: {
    body: B extends z.ZodType ? z.output<B> : unknown;
    query: Q extends z.ZodType ? z.output<Q> : Record<string, string>;
    params: Record<string, string>;
    req: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds specs of every shape
export type AnyRouteSpec = RouteSpec<any, any>;

export class RouteRegistry {
  readonly routes: AnyRouteSpec[] = [];

  add<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
    spec: RouteSpec<B, Q>,
  ): void {
    this.routes.push(spec);
  }

  mount(app: FastifyInstance): void {
    for (const spec of this.routes) {
      app.route({
        method: spec.method,
        url: spec.url,
        ...(spec.bodyLimit !== undefined && { bodyLimit: spec.bodyLimit }),
        handler: async (req, reply) => {
          const body = spec.body ? parseInput(spec.body, req.body) : req.body;
          const query = spec.query ? parseInput(spec.query, req.query) : req.query;
          void reply.status(spec.response.status);
          return spec.handler({
            body,
            query,
            params: req.params as Record<string, string>,
            req,
            reply,
          });
        },
      });
    }
  }
}
