// `truceline keys generate|add|list`: Ed25519 key pairs for parties. The private key never leaves
// the file it is written to; only the public key is registered.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { keyToJson, registerPartyKey } from '../../app/proposals.ts';
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
          `register it: truceline keys add --party ${party} --public-key ${publicPath}  (or POST /api/v1/parties/${party}/keys)\n`,
      );
    });
  keys
    .command('add')
    .description("register a party's public key")
    .requiredOption('--party <id>', 'the party')
    .requiredOption('--public-key <file>', 'SPKI PEM file (from keys generate) or raw base64')
    .option('--label <text>', 'e.g. who holds the private key')
    .option('--db <path>', DB_HELP)
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(
        z.object({
          party: partyFlag,
          publicKey: z.string(),
          label: z.string().max(100).optional(),
        }),
        raw,
      );
      const text = await readText(flags.publicKey, '--public-key');
      const key = await withContext(raw.db as string | undefined, (ctx) =>
        registerPartyKey(ctx, cliActor(), flags.party, { public_key: text, label: flags.label }),
      );
      process.stdout.write(`registered ${key.fingerprint} for ${key.partyId}\n`);
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
