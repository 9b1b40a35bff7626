// Who is calling: a bearer token (scripts, the CLI) or the session cookie (the browser). Secrets
// are looked up by hash and never logged.
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, SESSION_TTL_MS } from '../app/accounts.ts';
import type { AppContext } from '../app/context.ts';
import type { AuthToken, User } from '../domain/accountability-types.ts';

export const SESSION_COOKIE = 'truceline_session';

export interface Session {
  user: User;
  token: AuthToken;
}

export function credentialOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return req.cookies[SESSION_COOKIE];
}

export async function sessionOf(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<Session | undefined> {
  const credential = credentialOf(req);
  return credential ? authenticate(ctx, credential) : undefined;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
