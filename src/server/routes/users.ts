// /api/v1/users: accounts, managed by admins. A generated password is returned once.
import { z } from 'zod';
import { createUser, userToJson } from '../../app/accounts.ts';
import type { AppContext } from '../../app/context.ts';
import { MANAGE_USERS } from '../../domain/access.ts';
import { ID_PATTERN } from '../../domain/schemas.ts';
import { ROLES } from '../../domain/roles.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { passwordSchema } from './auth.ts';

export const newUserSchema = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,39}$/, 'must be 2–40 lower-case letters, digits or _ . -'),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  party_id: z.string().regex(ID_PATTERN, 'must be a party id').nullable().optional(),
  display_name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema.optional(),
});

export function userRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'List users',
    access: { roles: MANAGE_USERS },
    response: { status: 200, description: '{ items: User[] }' },
    handler: async () => ({ items: (await ctx.store.listUsers()).map(userToJson) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'Create a user (without a password, a one-time password is generated and returned)',
    access: { roles: MANAGE_USERS },
    body: newUserSchema,
    response: { status: 201, description: '{ user, password? }' },
    handler: async ({ body, actor }) => {
      const { user, password } = await createUser(ctx, actor, body);
      return { user: userToJson(user), ...(body.password === undefined && { password }) };
    },
  });
}
