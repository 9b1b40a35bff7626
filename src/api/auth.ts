// The HTTP contract of /api/v1/auth and /api/v1/users: sign-in, sessions and API tokens, accounts.
import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { ID_PATTERN } from '../domain/schemas.ts';
import { isoTime, itemsOf } from './common.ts';

export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const loginBody = z.object({
  username: z.string().min(1, 'must not be empty').max(100),
  password: z.string().min(1, 'must not be empty').max(200),
});

export const changePasswordBody = z.object({
  current_password: z.string().max(200),
  new_password: passwordSchema,
});

export const createTokenBody = z.object({
  label: z.string().trim().max(100).optional(),
  expires_in_days: z.number().int().min(1).max(3650).nullable().default(90),
});

export const newUserSchema = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,39}$/, 'must be 2–40 lower-case letters, digits or _ . -'),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  party_id: z.string().regex(ID_PATTERN, 'must be a party id').nullable().optional(),
  display_name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema.optional(),
});

export const userResponse = z.strictObject({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: z.enum(ROLES),
  party_id: z.string().nullable(),
  must_change_password: z.boolean(),
  created_at: isoTime,
  disabled: z.boolean(),
});
export const usersResponse = itemsOf(userResponse);

export const loginResponse = z.strictObject({
  user: userResponse,
  token: z.string(),
  expires_at: isoTime,
});

export const createTokenResponse = z.strictObject({
  id: z.string(),
  /** Shown once; only its hash is stored. */
  token: z.string(),
  expires_at: isoTime.nullable(),
});

export const createUserResponse = z.strictObject({
  user: userResponse,
  /** The generated one-time password, when none was given. */
  password: z.string().optional(),
});
