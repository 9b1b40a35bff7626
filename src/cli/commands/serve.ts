// `truceline serve`: the HTTP API and the built web app (else a status page), with the demo on first start.
import type { Command } from 'commander';
import { configFromEnv } from '../../app/context.ts';
import { openAppContext } from '../../app/upgrade-tasks.ts';
import { ensureFirstAdmin } from '../../app/accounts.ts';
import { describeAccounts, isEmpty, loadDemo } from '../../demo/load-demo.ts';
import { buildServer } from '../../server/build-server.ts';
import { DEFAULT_WEB_ROOT, webAppBuilt } from '../../server/web-app.ts';
import { cliActor, dbPath } from '../context.ts';
import { parseFlags, portFlag } from '../flags.ts';
import { z } from 'zod';

const serveFlags = z.object({
  db: z.string().optional(),
  port: portFlag.default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  demo: z.boolean().default(true),
  log: z.boolean().default(true),
  webRoot: z.string().min(1).optional(),
});

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'start the HTTP API on an embedded SQLite database (loads the demo into an empty one)',
    )
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .option('--port <n>', 'port to listen on (default: $PORT or 8080)', process.env.PORT)
    .option(
      '--host <addr>',
      'address to bind (0.0.0.0 for every interface; put TLS in front before exposing it)',
      '127.0.0.1',
    )
    .option('--demo', 'load the demo scenario when the database is empty (default)')
    .option('--no-demo', 'never load the demo scenario')
    .option('--no-log', 'do not log requests')
    .option(
      '--web-root <dir>',
      'the built web app to serve at / (default: $TRUCELINE_WEB_ROOT or dist/web, made by `npm run build:web`)',
      process.env.TRUCELINE_WEB_ROOT,
    )
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(serveFlags, raw);
      const path = dbPath(flags.db);
      const config = configFromEnv(process.env);
      const ctx = await openAppContext(path, config, (text) => process.stderr.write(text));
      if (flags.demo && (await isEmpty(ctx))) {
        const demo = await loadDemo(ctx);
        process.stderr.write(
          `Loaded the demo scenario: ${demo.agreements.length} agreements, ${demo.incidents.added} incidents, ${demo.incidents.violations} violations.\n` +
            `Demo accounts (shown once; reset with \`truceline users reset NAME\`):\n${describeAccounts(demo.accounts)}\n`,
        );
      }
      const first = await ensureFirstAdmin(ctx, cliActor());
      if (first)
        process.stderr.write(
          `Created the first administrator. Sign in as "${first.username}" with this one-time password, which must be changed at first sign-in:\n  ${first.password}\n`,
        );
      const webRoot = flags.webRoot ?? DEFAULT_WEB_ROOT;
      const app = buildServer(ctx, { logger: flags.log, webRoot });
      const close = async () => {
        await app.close();
        await ctx.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
      await app.listen({ port: flags.port, host: flags.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : flags.port;
      const shown =
        flags.host === '0.0.0.0' || flags.host === '127.0.0.1' ? 'localhost' : flags.host;
      process.stderr.write(`Truceline is serving ${path} on http://${shown}:${port}\n`);
      if (!webAppBuilt(webRoot))
        process.stderr.write(
          `The web app is not built (no ${webRoot}/index.html): run \`npm run build:web\`; / is a status page meanwhile.\n`,
        );
    });
}
