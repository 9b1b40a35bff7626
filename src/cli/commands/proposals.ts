// `truceline proposals export|verify`: a proposal with its signatures as a bundle, and checking
// every signature in a bundle offline (no server, no database needed for a bundle file).
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { proposalBundle } from '../../app/proposals.ts';
import {
  proposalBundleSchema,
  verifyBundle,
  type ProposalBundle,
} from '../../domain/proposal-bundle.ts';
import { parseInput } from '../../domain/validate.ts';
import { withContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { readJsonFile } from './agreements.ts';

const DB_HELP = 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)';

export function proposalsCommand(program: Command): void {
  const proposals = program.command('proposals').description('proposals and their signatures');
  proposals
    .command('export')
    .description('write a proposal with its signatures and public keys as a bundle (JSON)')
    .argument('<proposal-id>')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, opts: { out?: string; db?: string }) => {
      const bundle = await withContext(opts.db, (ctx) => proposalBundle(ctx, id));
      const text = JSON.stringify(bundle, null, 2) + '\n';
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
  proposals
    .command('verify')
    .description(
      're-verify every signature of a proposal offline: from a bundle file, or by id from the database',
    )
    .argument('<bundle-file-or-id>')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (arg: string, opts: { db?: string; json?: boolean }) => {
      const bundle: ProposalBundle = existsSync(arg)
        ? parseInput(proposalBundleSchema, await readJsonFile(arg), arg)
        : await withContext(opts.db, (ctx) => proposalBundle(ctx, arg));
      const check = verifyBundle(bundle);
      if (opts.json) process.stdout.write(JSON.stringify(check, null, 2) + '\n');
      else {
        const lines = [
          `proposal ${bundle.proposal_id} (${bundle.agreement_id})`,
          `digest ${bundle.digest}: ${check.digestOk ? 'matches the content' : 'DOES NOT match the content'}`,
          ...check.problems.map((p) => `problem: ${p}`),
          ...check.signatures.map(
            (s) =>
              `${s.ok ? 'valid  ' : 'INVALID'} ${s.partyId} key ${s.keyFingerprint.slice(0, 16)}…${s.reason ? ` — ${s.reason}` : ''}`,
          ),
          check.missing.length
            ? `not signed (validly) yet: ${check.missing.join(', ')}`
            : 'every required party has signed',
        ];
        process.stdout.write(lines.join('\n') + '\n');
      }
      if (!check.ok) process.exitCode = EXIT.error;
    });
}
