// /api/v1/users: accounts, managed by admins. A generated password is returned once.
import { createUser, disableUser, userToJson } from '../../app/accounts.ts';
import type { AppContext } from '../../app/context.ts';
import { MANAGE_USERS } from '../../domain/access.ts';
import type { RouteRegistry } from '../route-registry.ts';
import { createUserResponse, newUserSchema, userResponse, usersResponse } from '../../api/auth.ts';

export function userRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'List users',
    access: { roles: MANAGE_USERS },
    response: { status: 200, description: '{ items: User[] }', schema: usersResponse },
    handler: async () => ({ items: (await ctx.store.listUsers()).map(userToJson) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'Create a user (without a password, a one-time password is generated and returned)',
    access: { roles: MANAGE_USERS },
    body: newUserSchema,
    response: { status: 201, description: '{ user, password? }', schema: createUserResponse },
    handler: async ({ body, actor }) => {
      const { user, password } = await createUser(ctx, actor, body);
      return { user: userToJson(user), ...(body.password === undefined && { password }) };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/users/:id/disable',
    tag: 'users',
    summary: 'Disable a user: sign-in is refused and all their sessions and API tokens end',
    access: { roles: MANAGE_USERS },
    response: { status: 200, description: 'User', schema: userResponse },
    handler: async ({ params, actor }) =>
      userToJson(await disableUser(ctx, actor, { id: params.id! })),
  });
}
