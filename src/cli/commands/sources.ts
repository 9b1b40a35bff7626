// `truceline sources import|list`: the source registry (data/sources.json is a starting point).
import type { Command } from 'commander';
import { importSources } from '../../app/sources.ts';
import { sourceToJson } from '../../domain/source-output.ts';
import { sourceRegistrySchema } from '../../domain/schemas.ts';
import { parseInput } from '../../domain/validate.ts';
import { cliActor, withContext } from '../context.ts';
import { readJsonFile } from './agreements.ts';

const DB_HELP = 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)';

export function sourcesCommand(program: Command): void {
  const sources = program.command('sources').description('the source registry and its grades');
  sources
    .command('import')
    .description('add or update sources from a registry file ({ "sources": [...] }); idempotent')
    .argument('<file>', 'registry JSON, e.g. data/sources.json')
    .option('--db <path>', DB_HELP)
    .action(async (file: string, opts: { db?: string }) => {
      const doc = parseInput(sourceRegistrySchema, await readJsonFile(file), file);
      const s = await withContext(opts.db, (ctx) => importSources(ctx, cliActor(), doc.sources));
      process.stdout.write(
        `sources: ${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged\n`,
      );
    });
  sources
    .command('list')
    .description('list sources with their kind and reliability grade')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const list = await withContext(opts.db, (ctx) => ctx.store.listSources());
      if (opts.json) process.stdout.write(JSON.stringify(list.map(sourceToJson), null, 2) + '\n');
      else
        for (const s of list)
          process.stdout.write(
            `${s.id}\t${s.reliability}\t${s.kind}\t${s.name}${s.aliases.length ? ` (${s.aliases.join(', ')})` : ''}${s.auto ? '\tauto' : ''}\n`,
          );
    });
}
