// `truceline audit verify`: recompute the audit log's hash chain and name the first entry that
// does not match.
import type { Command } from 'commander';
import { verifyAuditChain } from '../../app/desk.ts';
import { withContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { progressBar } from '../progress.ts';

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('recompute the chain; exit 1 and name the first bad entry if it was edited or cut')
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const result = await withContext(opts.db, async (ctx) => {
        const head = await ctx.store.auditHead();
        const bar = progressBar('verifying', head?.seq ?? 0, 'entries');
        try {
          return await verifyAuditChain(ctx.store, (n) => bar.update(n));
        } finally {
          bar.stop();
        }
      });
      if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (result.ok)
        process.stdout.write(
          `audit chain intact: ${result.entries} entries; head ${result.head ? `#${result.head.seq} ${result.head.hash}` : '(empty)'}\n`,
        );
      else
        process.stdout.write(
          `audit chain BROKEN at entry #${result.firstBreak!.seq}: ${result.firstBreak!.reason} (${result.entries} entries read)\n`,
        );
      if (!result.ok) process.exitCode = EXIT.error;
    });
}
