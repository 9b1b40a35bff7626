// Accounts: users with Argon2id password hashes, sessions and API tokens (only their SHA-256 is
// stored), the first admin with a one-time password, and resolving a token to the acting user.
import { randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { v7 as uuidv7 } from 'uuid';
import { isPartyBound } from '../domain/access.ts';
import type { z } from 'zod';
import type { newUserSchema } from '../api/auth.ts';
import type { AuthToken, TokenKind, User } from '../domain/accountability-types.ts';
import { AppError } from '../domain/errors.ts';
import { sha256Hex } from '../domain/incident.ts';
import type { Actor } from '../domain/roles.ts';
import type { AppContext } from './context.ts';
import { audit } from './journal.ts';

export const SESSION_TTL_MS = 12 * 3600_000;
/** A hash verified when the user does not exist, so a wrong name costs as long as a wrong password. */
let dummyHash: Promise<string> | null = null;

export function generateSecret(bytes = 15): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password); // Argon2id, m=19 MiB, t=2, p=1 (OWASP's recommended minimum)
}

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.username, role: user.role, partyId: user.partyId };
}

export function userToJson(u: User) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    party_id: u.partyId,
    must_change_password: u.mustChangePassword,
    created_at: new Date(u.createdAt).toISOString(),
    disabled: u.disabledAt !== null,
  };
}

/** A new account: the validated body of POST /api/v1/users (the CLI may also force a change). */
export type NewUser = z.output<typeof newUserSchema> & {
  must_change_password?: boolean | undefined;
};

/** Creates a user; without a password one is generated and returned (shown once, never stored). */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: NewUser,
): Promise<{ user: User; password: string }> {
  const password = input.password ?? generateSecret();
  const passwordHash = await hashPassword(password);
  const user = await ctx.store.transaction(async (tx) => {
    if (await tx.getUserByUsername(input.username))
      throw new AppError('conflict', `user ${input.username} already exists`, 'username');
    const partyId = input.party_id ?? null;
    if (isPartyBound(input) && partyId === null)
      throw new AppError(
        'validation_failed',
        'a liaison is bound to exactly one party',
        'party_id',
      );
    if (!isPartyBound(input) && partyId !== null)
      throw new AppError('validation_failed', 'only liaisons are bound to a party', 'party_id');
    if (partyId !== null && !(await tx.getParty(partyId)))
      throw new AppError('unknown_reference', `party ${partyId} does not exist`, 'party_id');
    const now = ctx.config.now();
    const u: User = {
      id: uuidv7(),
      username: input.username,
      displayName: input.display_name ?? input.username,
      role: input.role,
      partyId,
      passwordHash,
      mustChangePassword: input.must_change_password ?? input.password === undefined,
      createdAt: now,
      disabledAt: null,
    };
    await tx.insertUser(u);
    await audit(tx, actor, now, [
      { action: 'user.create', entity: 'user', entityId: u.id, after: userToJson(u) },
    ]);
    return u;
  });
  return { user, password };
}

/** On a database without users: an `admin` with a printed one-time password. */
export async function ensureFirstAdmin(
  ctx: AppContext,
  actor: Actor,
): Promise<{ username: string; password: string } | null> {
  if ((await ctx.store.countUsers()) > 0) return null;
  const { user, password } = await createUser(ctx, actor, {
    username: 'admin',
    role: 'admin',
    display_name: 'First administrator',
  });
  return { username: user.username, password };
}

async function issueToken(
  ctx: AppContext,
  user: User,
  kind: TokenKind,
  label: string | null,
  ttlMs: number | null,
): Promise<{ token: string; record: AuthToken }> {
  const token = `${kind === 'session' ? 'tls' : 'tla'}_${generateSecret(32)}`;
  const now = ctx.config.now();
  const record: AuthToken = {
    id: uuidv7(),
    tokenHash: sha256Hex(token),
    userId: user.id,
    kind,
    label,
    createdAt: now,
    expiresAt: ttlMs === null ? null : now + ttlMs,
    revokedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insertToken(record);
    if (kind === 'api')
      await audit(tx, actorOf(user), now, [
        {
          action: 'token.create',
          entity: 'user',
          entityId: user.id,
          after: { token_id: record.id, label, expires_at: record.expiresAt },
        },
      ]);
  });
  return { token, record };
}

export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; user: User; expiresAt: number }> {
  const user = await ctx.store.getUserByUsername(username);
  dummyHash ??= hashPassword(generateSecret());
  const ok = await argon2Verify(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok || user.disabledAt !== null)
    throw new AppError('unauthenticated', 'wrong username or password');
  const { token, record } = await issueToken(ctx, user, 'session', null, SESSION_TTL_MS);
  return { token, user, expiresAt: record.expiresAt ?? 0 };
}

export async function createApiToken(
  ctx: AppContext,
  user: User,
  label: string | null,
  ttlDays: number | null,
): Promise<{ token: string; record: AuthToken }> {
  return issueToken(ctx, user, 'api', label, ttlDays === null ? null : ttlDays * 86_400_000);
}

/** The user a token belongs to, if the token is live and the user enabled. */
export async function authenticate(
  ctx: AppContext,
  token: string,
): Promise<{ user: User; token: AuthToken } | undefined> {
  // Tokens carry 256 random bits: looking one up by its SHA-256 leaks nothing useful by timing.
  const record = await ctx.store.findToken(sha256Hex(token));
  if (!record || record.revokedAt !== null) return undefined;
  if (record.expiresAt !== null && record.expiresAt <= ctx.config.now()) return undefined;
  const user = await ctx.store.getUserById(record.userId);
  if (!user || user.disabledAt !== null) return undefined;
  return { user, token: record };
}

export async function revokeToken(ctx: AppContext, token: AuthToken): Promise<void> {
  await ctx.store.revokeToken(token.id, ctx.config.now());
}

/**
 * Changes a user's password and ends every other session and API token of theirs: whoever held
 * one with the old password is signed out. `keepTokenId` is the session making the change.
 */
export async function changePassword(
  ctx: AppContext,
  user: User,
  current: string,
  next: string,
  keepTokenId?: string,
): Promise<void> {
  if (!(await argon2Verify(user.passwordHash, current)))
    throw new AppError('validation_failed', 'the current password is wrong', 'current_password');
  if (next === current)
    throw new AppError('validation_failed', 'the new password must differ', 'new_password');
  const updated: User = {
    ...user,
    passwordHash: await hashPassword(next),
    mustChangePassword: false,
  };
  await ctx.store.transaction(async (tx) => {
    const now = ctx.config.now();
    await tx.updateUser(updated);
    const ended = await tx.revokeUserTokens(user.id, now, keepTokenId);
    await audit(tx, actorOf(user), now, [
      {
        action: 'user.password',
        entity: 'user',
        entityId: user.id,
        after: { tokens_revoked: ended },
      },
    ]);
  });
}

/** Sets a new generated one-time password (CLI `users reset`) and ends all the user's sessions and tokens. */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  username: string,
): Promise<string> {
  const user = await ctx.store.getUserByUsername(username);
  if (!user) throw new AppError('not_found', `user ${username} does not exist`, 'username');
  const password = generateSecret();
  const updated: User = {
    ...user,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  };
  await ctx.store.transaction(async (tx) => {
    const now = ctx.config.now();
    await tx.updateUser(updated);
    const ended = await tx.revokeUserTokens(user.id, now);
    await audit(tx, actor, now, [
      {
        action: 'user.password-reset',
        entity: 'user',
        entityId: user.id,
        after: { tokens_revoked: ended },
      },
    ]);
  });
  return password;
}

/**
 * Disables an account (CLI `users disable`, POST /api/v1/users/:id/disable): sign-in is refused
 * and every session and API token of the user ends. Disabling a disabled account changes nothing.
 */
export async function disableUser(
  ctx: AppContext,
  actor: Actor,
  by: { id: string } | { username: string },
): Promise<User> {
  return ctx.store.transaction(async (tx) => {
    const user = 'id' in by ? await tx.getUserById(by.id) : await tx.getUserByUsername(by.username);
    if (!user)
      throw new AppError(
        'not_found',
        `user ${'id' in by ? by.id : by.username} does not exist`,
        'id' in by ? 'id' : 'username',
      );
    if (user.id === actor.id)
      throw new AppError('validation_failed', 'you cannot disable your own account', 'id');
    if (user.disabledAt !== null) return user;
    const now = ctx.config.now();
    const updated: User = { ...user, disabledAt: now };
    await tx.updateUser(updated);
    const ended = await tx.revokeUserTokens(user.id, now);
    await audit(tx, actor, now, [
      {
        action: 'user.disable',
        entity: 'user',
        entityId: user.id,
        before: userToJson(user),
        after: { ...userToJson(updated), tokens_revoked: ended },
      },
    ]);
    return updated;
  });
}
