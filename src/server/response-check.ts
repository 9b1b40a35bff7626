// Checks a route's JSON response against its declared schema (src/api/), in servers built with
// `checkResponses` (every test server; never production, where it would cost a serialisation per
// request). A body off its schema is a bug in the server, so it fails loudly: a 500 `internal`
// whose message and log line name the route and each zod issue's path.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { fieldPath } from '../domain/validate.ts';

/** Whether the reply carries JSON: its declared content type, or fastify's default for objects. */
function isJsonReply(reply: FastifyReply, body: unknown): boolean {
  const declared = reply.getHeader('content-type');
  if (declared === undefined) return typeof body === 'object' && !Buffer.isBuffer(body);
  return /[/+]json\b/.test(String(declared));
}

/** The body as the client receives it: serialised and read back (a string body is already JSON). */
function onTheWire(body: unknown): unknown {
  if (body === undefined) return undefined;
  return JSON.parse(typeof body === 'string' ? body : JSON.stringify(body)) as unknown;
}

export function checkResponse(
  route: string,
  schema: z.ZodType,
  req: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
): void {
  if (reply.sent || !isJsonReply(reply, body)) return;
  const result = schema.safeParse(onTheWire(body));
  if (result.success) return;
  const issues = result.error.issues
    .slice(0, 10)
    .map((i) => `${fieldPath(i.path) || '(body)'}: ${i.message}`);
  const message = `the response of ${route} does not match its schema: ${issues.join('; ')}`;
  req.log.error({ route, issues }, message);
  // A server built without a logger (most tests) still says why it answered 500.
  if (!req.log.level || req.log.level === 'silent') console.error(message);
  throw new AppError('internal', message);
}
