// The `truceline` command line. Every command has --help; errors end with a message and exit code.
import { Command, CommanderError } from 'commander';
import { agreementsCommand } from './commands/agreements.ts';
import { demoCommand } from './commands/demo.ts';
import { incidentsCommand } from './commands/incidents.ts';
import { serveCommand } from './commands/serve.ts';
import { violationsCommand } from './commands/violations.ts';
import { reportCommand } from './commands/report.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand } from './commands/backup.ts';
import { exportCommand } from './commands/export.ts';
import { keysCommand } from './commands/keys.ts';
import { proposalsCommand } from './commands/proposals.ts';
import { signCommand } from './commands/sign.ts';
import { usersCommand } from './commands/users.ts';
import { sourcesCommand } from './commands/sources.ts';
import { extractCommand } from './commands/extract.ts';
import { articlesCommand } from './commands/articles.ts';
import { EXIT, reportError } from './errors.ts';

const program = new Command('truceline')
  .description('Truceline: agreements, safe zones, incidents and the violations derived from them')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

serveCommand(program);
agreementsCommand(program);
incidentsCommand(program);
violationsCommand(program);
exportCommand(program);
demoCommand(program);
usersCommand(program);
sourcesCommand(program);
extractCommand(program);
articlesCommand(program);
keysCommand(program);
proposalsCommand(program);
signCommand(program);
auditCommand(program);
backupCommand(program);
reportCommand(program);
program.commands.forEach((c) => c.exitOverride());
for (const c of program.commands) c.commands.forEach((s) => s.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = reportError(e);
  }
}
