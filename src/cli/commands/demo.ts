// `truceline demo`: load the demo scenario into a database (serve does it on an empty one).
import type { Command } from 'commander';
import { describeAccounts, loadDemo } from '../../demo/load-demo.ts';
import { withContext } from '../context.ts';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demo scenario (the Geneva truce story); safe to run twice')
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .action(async (opts: { db?: string }) => {
      const s = await withContext(opts.db, loadDemo);
      process.stdout.write(
        `demo: agreements ${s.agreements.join(', ')}; incidents ${s.incidents.added} added, ${s.incidents.unchanged} unchanged; ${s.incidents.violations} violations found\n` +
          (s.accounts.length
            ? `demo accounts (shown once):\n${describeAccounts(s.accounts)}\n`
            : ''),
      );
    });
}
