// Who is calling: a bearer token (scripts, the CLI) or the session cookie (the browser). Secrets
// are looked up by hash and never logged.
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, SESSION_TTL_MS } from '../app/accounts.ts';
import { AppError } from '../domain/errors.ts';
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host (with a non-default port) an Origin or Referer URL names; undefined if not a URL. */
function hostOf(url: string): { scheme: string; host: string } | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:'
      ? { scheme: u.protocol, host: u.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE) that is not
 * authenticated by a bearer token must come from this server's own pages. Its Origin (or, without
 * one, its Referer) must name the host the request was sent to (the Host header; X-Forwarded-Host
 * is not trusted). Browsers send Origin on every POST, so a request carrying the session cookie
 * with neither header is refused too; scripts and the CLI send a bearer token (exempt), and a
 * request with no cookie, no Origin and no Referer (curl signing in) passes. 403 `forbidden`.
 */
export function checkSameOrigin(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = origin ?? referer;
  const withCookie = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`).test(req.headers.cookie ?? '');
  if (claimed === undefined) {
    if (!withCookie) return;
    throw new AppError(
      'forbidden',
      'a request with the session cookie must carry an Origin or Referer header of this server; scripts use Authorization: Bearer TOKEN',
    );
  }
  const from = hostOf(claimed);
  const own = from && hostOf(`${from.scheme}//${req.headers.host ?? ''}`);
  if (!from || !own || from.host !== own.host)
    throw new AppError(
      'forbidden',
      `cross-site request refused: ${origin !== undefined ? 'Origin' : 'Referer'} ${from ? `${from.scheme}//${from.host}` : JSON.stringify(claimed)} is not this server (${req.headers.host ?? 'no Host'}); scripts use Authorization: Bearer TOKEN`,
    );
}
