// `truceline users add|list|token|reset|disable`: accounts, managed on the host that holds the database.
import type { Command } from 'commander';
import { z } from 'zod';
import {
  createApiToken,
  createUser,
  disableUser,
  resetPassword,
  userToJson,
} from '../../app/accounts.ts';
import { AppError } from '../../domain/errors.ts';
import { newUserSchema } from '../../api/auth.ts';
import { cliActor, withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';

const DB_HELP = 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)';

export function usersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('accounts: add, list, API tokens, reset, disable');
  users
    .command('add')
    .description('add a user; prints a generated one-time password (changed at first sign-in)')
    .argument('<username>', 'lower-case login name')
    .requiredOption('--role <role>', 'admin, mediator, analyst, monitor, liaison or public')
    .option('--party <id>', 'the party a liaison acts for (liaisons only)')
    .option('--display-name <name>', 'name shown in the app and the audit log')
    .option('--db <path>', DB_HELP)
    .action(async (username: string, raw: Record<string, unknown>) => {
      const input = parseFlags(newUserSchema.omit({ password: true }), {
        username,
        role: raw.role,
        party_id: raw.party ?? null,
        display_name: raw.displayName,
      });
      const { user, password } = await withContext(raw.db as string | undefined, (ctx) =>
        createUser(ctx, cliActor(), input),
      );
      process.stdout.write(
        `user ${user.username} (${user.role}${user.partyId ? ` for ${user.partyId}` : ''}) created\none-time password: ${password}\n`,
      );
    });
  users
    .command('list')
    .description('list users')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const list = await withContext(opts.db, (ctx) => ctx.store.listUsers());
      if (opts.json) process.stdout.write(JSON.stringify(list.map(userToJson), null, 2) + '\n');
      else
        for (const u of list)
          process.stdout.write(
            `${u.username}\t${u.role}${u.partyId ? `\t${u.partyId}` : ''}${u.disabledAt ? '\tdisabled' : ''}\n`,
          );
    });
  users
    .command('token')
    .description('create an API token for a user (printed once; use as Authorization: Bearer …)')
    .argument('<username>')
    .option('--label <text>', 'what the token is for')
    .option('--days <n>', 'days until it expires (0 = never)', '90')
    .option('--db <path>', DB_HELP)
    .action(async (username: string, raw: Record<string, unknown>) => {
      const flags = parseFlags(
        z.object({
          days: z.coerce.number().int().min(0, 'must be 0 or more').max(3650),
          label: z.string().max(100).optional(),
        }),
        raw,
      );
      const token = await withContext(raw.db as string | undefined, async (ctx) => {
        const user = await ctx.store.getUserByUsername(username);
        if (!user) throw new AppError('not_found', `user ${username} does not exist`, 'username');
        return (await createApiToken(ctx, user, flags.label ?? null, flags.days || null)).token;
      });
      process.stdout.write(`${token}\n`);
    });
  users
    .command('reset')
    .description(
      'give a user a new one-time password (printed once); ends all their sessions and API tokens',
    )
    .argument('<username>')
    .option('--db <path>', DB_HELP)
    .action(async (username: string, opts: { db?: string }) => {
      const password = await withContext(opts.db, (ctx) =>
        resetPassword(ctx, cliActor(), username),
      );
      process.stdout.write(`one-time password for ${username}: ${password}\n`);
    });
  users
    .command('disable')
    .description('disable a user: sign-in is refused and all their sessions and API tokens end')
    .argument('<username>')
    .option('--db <path>', DB_HELP)
    .action(async (username: string, opts: { db?: string }) => {
      await withContext(opts.db, (ctx) => disableUser(ctx, cliActor(), { username }));
      process.stdout.write(`user ${username} disabled; all their sessions and API tokens ended\n`);
    });
}
