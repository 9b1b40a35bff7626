// Routes are declared once, with their zod schemas and who may call them: the declaration
// registers the fastify route, checks the caller, validates at the edge, and feeds the OpenAPI
// document and the permission-matrix test.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { actorOf } from '../app/accounts.ts';
import type { AppContext } from '../app/context.ts';
import { isPartyBound, mayActFor, type ANYONE } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { parseInput } from '../domain/validate.ts';
import { sessionOf, type Session } from './auth.ts';
import { checkResponse } from './response-check.ts';

interface HandlerArgs<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  req: FastifyRequest;
  reply: FastifyReply;
  /** The caller; for anonymous routes a `public` stand-in. */
  actor: Actor;
  session: Session | undefined;
}

export interface Access {
  /**
   * Roles that may call the route, or 'anonymous' for routes that need no sign-in: one of the
   * capabilities of the access policy (src/domain/access.ts).
   */
  roles: readonly Role[] | typeof ANYONE;
  /**
   * For routes that act for one party: which party this request acts for, read from the URL or
   * the raw body before validation. A liaison may act only for their own party (403 otherwise);
   * other allowed roles are not restricted by it.
   */
  party?: (args: { body: unknown; params: Record<string, string> }) => Promise<string | null>;
  /** Callable while the account still has a one-time password (sign out, change password). */
  beforePasswordChange?: boolean;
}

export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  /** Request content types other than JSON (e.g. text/csv for imports). */
  bodyTypes?: string[];
  /**
   * The 2xx response: its schema (from src/api/) for JSON, its content types otherwise (a route
   * with several, e.g. JSON or CSV, gives both; the schema is the JSON one).
   */
  response: { status: number; description: string; schema?: z.ZodType; contentTypes?: string[] };
  bodyLimit?: number;
  rateLimit?: { max: number; timeWindowMs: number; key: (req: FastifyRequest) => string };
  handler: (
    args: HandlerArgs<
      B extends z.ZodType ? z.output<B> : unknown,
      Q extends z.ZodType ? z.output<Q> : Record<string, string>
    >,
  ) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds specs of every shape
export type AnyRouteSpec = RouteSpec<any, any>;

export const ANONYMOUS: Actor = {
  id: 'anonymous',
  name: 'anonymous',
  role: 'public',
  partyId: null,
};

export class RouteRegistry {
  readonly routes: AnyRouteSpec[] = [];

  add<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
    spec: RouteSpec<B, Q>,
  ): void {
    this.routes.push(spec);
  }

  /** `checkResponses`: validate every JSON response against its schema (test servers). */
  mount(app: FastifyInstance, ctx: AppContext, { checkResponses = false } = {}): void {
    for (const spec of this.routes) {
      const route = `${spec.method} ${spec.url}`;
      app.route({
        method: spec.method,
        url: spec.url,
        ...(spec.bodyLimit !== undefined && { bodyLimit: spec.bodyLimit }),
        ...(spec.rateLimit && {
          config: {
            rateLimit: {
              max: spec.rateLimit.max,
              timeWindow: spec.rateLimit.timeWindowMs,
              keyGenerator: spec.rateLimit.key,
            },
          },
        }),
        handler: async (req, reply) => {
          const session = await sessionOf(ctx, req);
          const actor = session ? actorOf(session.user) : ANONYMOUS;
          const { access } = spec;
          // Who before what: a refused caller learns nothing about the validity of the input.
          if (access.roles !== 'anonymous') {
            if (!session) throw new AppError('unauthenticated', 'sign in first');
            if (session.user.mustChangePassword && !access.beforePasswordChange)
              throw new AppError(
                'password_change_required',
                'this account has a one-time password; change it with POST /api/v1/auth/password',
              );
            if (!access.roles.includes(actor.role))
              throw new AppError(
                'forbidden',
                `${actor.role} may not ${spec.summary.toLowerCase()} (allowed: ${access.roles.join(', ')})`,
              );
          }
          const params = req.params as Record<string, string>;
          if (access.party && isPartyBound(actor)) {
            const party = await access.party({ body: req.body, params });
            if (!mayActFor(actor, party))
              throw new AppError(
                'forbidden',
                `a liaison acts only for their own party (${actor.partyId})${party ? `, not ${party}` : ''}`,
              );
          }
          const body = spec.body ? parseInput(spec.body, req.body) : req.body;
          const query = spec.query ? parseInput(spec.query, req.query) : req.query;
          void reply.status(spec.response.status);
          const out = await spec.handler({ body, query, params, req, reply, actor, session });
          if (checkResponses && spec.response.schema)
            checkResponse(route, spec.response.schema, req, reply, out);
          return out;
        },
      });
    }
  }
}
