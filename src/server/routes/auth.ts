// /api/v1/auth: sign in (rate-limited), sign out, who am I, change password, API tokens.
import {
  changePasswordBody,
  createTokenBody,
  createTokenResponse,
  loginBody,
  loginResponse,
  userResponse,
} from '../../api/auth.ts';
import { okResponse } from '../../api/common.ts';
import {
  changePassword,
  createApiToken,
  login,
  revokeToken,
  userToJson,
} from '../../app/accounts.ts';
import type { AppContext } from '../../app/context.ts';
import { ANYONE, OWN_ACCOUNT } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';
import type { RouteRegistry } from '../route-registry.ts';

/** Login attempts per client address and username within a minute. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
/**
 * Failed logins per client address, whatever the user names, within ten minutes: against password
 * spraying (one guess at each of many names). Successful sign-ins do not count, so an office
 * behind one address is not locked out by its own staff.
 */
export const FAILED_LOGINS_PER_ADDRESS = 30;
export const FAILED_LOGINS_WINDOW_MS = 10 * 60_000;

type AddressLimiter = ReturnType<FastifyInstance['createRateLimit']>;
/** One counter per server (tests build many), keyed by address. */
const addressLimiters = new WeakMap<FastifyInstance, AddressLimiter>();

function addressLimiter(app: FastifyInstance): AddressLimiter {
  let limiter = addressLimiters.get(app);
  if (!limiter) {
    limiter = app.createRateLimit({
      max: FAILED_LOGINS_PER_ADDRESS,
      timeWindow: FAILED_LOGINS_WINDOW_MS,
      keyGenerator: (req) => `failed-login|${req.ip}`,
    });
    addressLimiters.set(app, limiter);
  }
  return limiter;
}

/** 429 once an address has used up its failed logins; counts this attempt if it fails. */
async function limitFailuresByAddress<T>(req: FastifyRequest, attempt: () => Promise<T>) {
  const limiter = addressLimiter(req.server);
  const seen = await limiter(req, { increment: false });
  if (!seen.isAllowed && seen.remaining === 0)
    throw new AppError(
      'rate_limited',
      `too many failed sign-ins from this address; try again in ${Math.ceil(seen.ttlInSeconds / 60)} minutes`,
    );
  try {
    return await attempt();
  } catch (e) {
    if (e instanceof AppError && e.code === 'unauthenticated') await limiter(req);
    throw e;
  }
}

export function authRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'POST',
    url: '/api/v1/auth/login',
    tag: 'auth',
    summary: 'Sign in: sets the session cookie and returns a session token',
    access: { roles: ANYONE },
    body: loginBody,
    rateLimit: {
      max: LOGIN_ATTEMPTS_PER_MINUTE,
      timeWindowMs: 60_000,
      key: (req) => {
        const name = (req.body as { username?: unknown } | undefined)?.username;
        return `${req.ip}|${typeof name === 'string' ? name.toLowerCase() : ''}`;
      },
    },
    response: { status: 200, description: '{ user, token, expires_at }', schema: loginResponse },
    handler: async ({ body, req, reply }) => {
      const { token, user, expiresAt } = await limitFailuresByAddress(req, () =>
        login(ctx, body.username, body.password),
      );
      setSessionCookie(req, reply, token);
      return { user: userToJson(user), token, expires_at: new Date(expiresAt).toISOString() };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/auth/logout',
    tag: 'auth',
    summary: 'Sign out: ends this session or revokes this token',
    access: { roles: OWN_ACCOUNT, beforePasswordChange: true },
    response: { status: 200, description: '{ ok: true }', schema: okResponse },
    handler: async ({ session, reply }) => {
      if (session) await revokeToken(ctx, session.token);
      clearSessionCookie(reply);
      return { ok: true };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/auth/me',
    tag: 'auth',
    summary: 'Show the signed-in user',
    access: { roles: OWN_ACCOUNT, beforePasswordChange: true },
    response: { status: 200, description: 'User', schema: userResponse },
    handler: async ({ session }) => userToJson(session!.user),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/auth/password',
    tag: 'auth',
    summary: "Change the signed-in user's password",
    access: { roles: OWN_ACCOUNT, beforePasswordChange: true },
    body: changePasswordBody,
    response: { status: 200, description: '{ ok: true }', schema: okResponse },
    handler: async ({ body, session }) => {
      // Every other session and API token of the user ends; this one stays signed in.
      await changePassword(
        ctx,
        session!.user,
        body.current_password,
        body.new_password,
        session!.token.id,
      );
      return { ok: true };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    tag: 'auth',
    summary: 'Create an API token for the signed-in user (shown once)',
    access: { roles: OWN_ACCOUNT },
    body: createTokenBody,
    response: {
      status: 201,
      description: '{ id, token, expires_at }',
      schema: createTokenResponse,
    },
    handler: async ({ body, session }) => {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const { token, record } = await createApiToken(
        ctx,
        session.user,
        body.label ?? null,
        body.expires_in_days,
      );
      return {
        id: record.id,
        token,
        expires_at: record.expiresAt === null ? null : new Date(record.expiresAt).toISOString(),
      };
    },
  });
}
