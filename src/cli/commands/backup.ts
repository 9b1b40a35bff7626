// `truceline backup` and `truceline restore`: a verified copy of the whole database, taken while
// the server keeps running, and putting one back (with the server stopped). PostgreSQL, when it
// comes, is backed up with its own tools (pg_dump); see the README.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  backupDatabase,
  restoreDatabase,
  type BackupCheck,
  type BackupStep,
} from '../../app/backup.ts';
import { dbPath, withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { progressBar, type Progress } from '../progress.ts';

const backupFlags = z.object({
  db: z.string().optional(),
  out: z.string().min(1, 'name the backup file'),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
});
const restoreFlags = z.object({
  db: z.string().optional(),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
});

/** Steps on stderr, and a bar while the copy's audit chain is verified (terminals only). */
function stepReporter(): {
  onStep: (s: BackupStep, done?: number, total?: number) => void;
  stop: () => void;
} {
  let bar: Progress | null = null;
  return {
    onStep(step, done, total) {
      if (step === 'verifying' && total !== undefined) {
        bar ??= progressBar('verifying the copy', total, 'audit entries');
        bar.update(done ?? 0);
        return;
      }
      if (process.stderr.isTTY) process.stderr.write(`${step}…\n`);
    },
    stop: () => bar?.stop(),
  };
}

function summary(what: string, path: string, c: BackupCheck): string {
  const rows = Object.entries(c.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return (
    `${what} ${path} (${(c.bytes / 1_048_576).toFixed(1)} MiB): audit chain intact, ${c.audit.entries} entries, head ${c.audit.head ? `#${c.audit.head.seq} ${c.audit.head.hash}` : '(empty)'}\n` +
    `rows: ${rows || 'none'}\n`
  );
}

export function backupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a verified copy of the whole database; safe while the server runs')
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .requiredOption('--out <file>', 'the backup file to write (written whole, then renamed)')
    .option('--force', 'replace --out if it exists')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(backupFlags, raw);
      const out = resolve(flags.out);
      const steps = stepReporter();
      const check = await withContext(flags.db, async (ctx) => {
        try {
          return await backupDatabase(ctx.store, out, { force: flags.force, onStep: steps.onStep });
        } finally {
          steps.stop();
        }
      });
      process.stdout.write(
        flags.json
          ? JSON.stringify({ out, ...check }, null, 2) + '\n'
          : summary('backed up to', out, check),
      );
    });

  program
    .command('restore <file>')
    .description(
      'replace the database with a backup once the backup verifies (stop the server first)',
    )
    .option(
      '--db <path>',
      'SQLite database file to replace (default: $TRUCELINE_DB or ./truceline.db)',
    )
    .option('--force', 'replace a database that exists')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const flags = parseFlags(restoreFlags, raw);
      const target = dbPath(flags.db);
      const steps = stepReporter();
      let check: BackupCheck;
      try {
        check = await restoreDatabase(resolve(file), target, {
          force: flags.force,
          onStep: steps.onStep,
        });
      } finally {
        steps.stop();
      }
      process.stdout.write(
        flags.json
          ? JSON.stringify({ db: target, ...check }, null, 2) + '\n'
          : summary('restored into', target, check),
      );
    });
}
