// The input schemas of accounts: a new user (POST /api/v1/users and `truceline users add`) and the
// password rule every password set through the API or the CLI must meet.
import { z } from 'zod';
import { ROLES } from './roles.ts';
import { ID_PATTERN } from './schemas.ts';

export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const newUserSchema = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,39}$/, 'must be 2–40 lower-case letters, digits or _ . -'),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  party_id: z.string().regex(ID_PATTERN, 'must be a party id').nullable().optional(),
  display_name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema.optional(),
});
