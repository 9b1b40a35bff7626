// `truceline keys generate|add|list`: Ed25519 key pairs for parties. The private key never leaves
// the file it is written to; only the public key is registered.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { keyToJson, registerPartyKey, revokePartyKey } from '../../app/proposals.ts';
import { ApiClient } from '../api-client.ts';
import { AppError } from '../../domain/errors.ts';
import { ID_PATTERN } from '../../domain/schemas.ts';
import { generateKeyPair } from '../../domain/signing.ts';
import { cliActor, withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';

const DB_HELP = 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)';
const partyFlag = z.string().regex(ID_PATTERN, 'must be a party id');

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new AppError('validation_failed', `cannot read ${file}`, flag);
  }
}

/** A command talks to a server when one is named (flag or environment), else to the local file. */
const remote = (f: { server?: string | undefined; token?: string | undefined }) =>
  f.server !== undefined || f.token !== undefined || process.env.TRUCELINE_SERVER !== undefined;

export function keysCommand(program: Command): void {
  const keys = program.command('keys').description("parties' Ed25519 signing keys");
  keys
    .command('generate')
    .description('write a new key pair: PARTY.key.pem (private, mode 600) and PARTY.pub.pem')
    .requiredOption('--party <id>', 'the party the key signs for')
    .option('--out <dir>', 'directory to write the files to', '.')
    .option('--force', 'overwrite existing files')
    .action(async (raw: Record<string, unknown>) => {
      const { party, out, force } = parseFlags(
        z.object({ party: partyFlag, out: z.string(), force: z.boolean().default(false) }),
        raw,
      );
      const pair = generateKeyPair();
      const privatePath = join(out, `${party}.key.pem`);
      const publicPath = join(out, `${party}.pub.pem`);
      const flag = force ? 'w' : 'wx';
      try {
        await writeFile(privatePath, pair.privateKeyPem, { mode: 0o600, flag });
        await writeFile(publicPath, pair.publicKeyPem, { flag });
      } catch (e) {
        throw new AppError(
          'conflict',
          (e as NodeJS.ErrnoException).code === 'EEXIST'
            ? `${privatePath} or ${publicPath} exists; use --force to overwrite`
            : `cannot write the key files: ${(e as Error).message}`,
          '--out',
        );
      }
      process.stdout.write(
        `private key: ${privatePath} (keep it secret; it never goes to the server)\npublic key:  ${publicPath}\nfingerprint: ${pair.fingerprint}\n` +
          `register it: truceline keys add --party ${party} --public-key ${publicPath} --server URL --token TOKEN\n` +
          `  (as the party's liaison; or POST /api/v1/parties/${party}/keys; an admin on the server's host can omit --server)\n`,
      );
    });
  keys
    .command('add')
    .description(
      "register a party's public key: in the local database, or on a server with --server/--token (a liaison for their own party)",
    )
    .requiredOption('--party <id>', 'the party')
    .requiredOption('--public-key <file>', 'SPKI PEM file (from keys generate) or raw base64')
    .option('--label <text>', 'e.g. who holds the private key')
    .option('--db <path>', DB_HELP)
    .option('--server <url>', 'register on this server instead (or $TRUCELINE_SERVER)')
    .option('--token <token>', 'API token for --server (or $TRUCELINE_TOKEN)')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(
        z.object({
          party: partyFlag,
          publicKey: z.string(),
          label: z.string().max(100).optional(),
          server: z.string().url('must be a URL').optional(),
          token: z.string().optional(),
        }),
        raw,
      );
      const text = await readText(flags.publicKey, '--public-key');
      const input = { public_key: text, ...(flags.label && { label: flags.label }) };
      const key = remote(flags)
        ? await new ApiClient(flags).request<{ fingerprint: string; party_id: string }>(
            'POST',
            `/api/v1/parties/${encodeURIComponent(flags.party)}/keys`,
            input,
          )
        : keyToJson(
            await withContext(raw.db as string | undefined, (ctx) =>
              registerPartyKey(ctx, cliActor(), flags.party, input),
            ),
          );
      process.stdout.write(`registered ${key.fingerprint} for ${key.party_id}\n`);
    });
  keys
    .command('revoke')
    .description('revoke a party key (signatures it already made stay valid); local or --server')
    .requiredOption('--party <id>', 'the party')
    .requiredOption('--fingerprint <hex>', 'the key to revoke')
    .option('--db <path>', DB_HELP)
    .option('--server <url>', 'revoke on this server instead (or $TRUCELINE_SERVER)')
    .option('--token <token>', 'API token for --server (or $TRUCELINE_TOKEN)')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(
        z.object({
          party: partyFlag,
          fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters'),
          server: z.string().url('must be a URL').optional(),
          token: z.string().optional(),
        }),
        raw,
      );
      const path = `/api/v1/parties/${encodeURIComponent(flags.party)}/keys/${flags.fingerprint}/revoke`;
      if (remote(flags)) await new ApiClient(flags).request('POST', path);
      else
        await withContext(raw.db as string | undefined, (ctx) =>
          revokePartyKey(ctx, cliActor(), flags.party, flags.fingerprint),
        );
      process.stdout.write(`revoked ${flags.fingerprint} of ${flags.party}\n`);
    });
  keys
    .command('list')
    .description('list registered public keys')
    .option('--party <id>', 'only this party')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { party?: string; db?: string; json?: boolean }) => {
      const list = await withContext(opts.db, (ctx) => ctx.store.listPartyKeys(opts.party));
      if (opts.json) process.stdout.write(JSON.stringify(list.map(keyToJson), null, 2) + '\n');
      else
        for (const k of list)
          process.stdout.write(
            `${k.partyId}\t${k.fingerprint}${k.revokedAt ? '\trevoked' : ''}${k.label ? `\t${k.label}` : ''}\n`,
          );
    });
}
