// `truceline agreements import FILE.json`: record an agreement document signed outside the system.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { importAgreementDocument, type AgreementImportSummary } from '../../app/agreements.ts';
import { AppError } from '../../domain/errors.ts';
import { agreementDocumentSchema } from '../../domain/schemas.ts';
import { parseInput } from '../../domain/validate.ts';
import { parseJsonText } from '../../domain/input-safety.ts';
import { cliActor, withContext } from '../context.ts';

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'validation_failed',
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(e)}`,
      'FILE',
    );
  }
  // Nested deeper than MAX_JSON_DEPTH, or not JSON: refused before JSON.parse.
  return parseJsonText(text, file, 'FILE');
}

function describe(s: AgreementImportSummary): string {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
  return [
    `agreement ${s.agreement.id}: ${s.agreement.status}`,
    `parties: added ${list(s.parties.added)}; unchanged ${list(s.parties.unchanged)}`,
    `versions: added ${list(s.versions.added)}; unchanged ${list(s.versions.unchanged)}`,
    `violations: ${s.violations.added} added, ${s.violations.changed} changed, ${s.violations.removed} removed, ${s.violations.superseded} superseded`,
    ...s.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

export function agreementsCommand(program: Command): void {
  const agreements = program
    .command('agreements')
    .description('agreements and their signed versions');
  agreements
    .command('import')
    .description('import an agreement document (idempotent; a recorded version is never rewritten)')
    .argument('<file>', 'agreement document (JSON)')
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { db?: string; json?: boolean }) => {
      const doc = parseInput(agreementDocumentSchema, await readJsonFile(file));
      const summary = await withContext(opts.db, (ctx) =>
        importAgreementDocument(ctx, doc, cliActor()),
      );
      process.stdout.write(
        opts.json ? JSON.stringify(summary, null, 2) + '\n' : describe(summary) + '\n',
      );
    });
}
