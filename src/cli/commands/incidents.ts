// `truceline incidents import FILE`: ACLED CSV or GeoJSON, detected from the content; streamed,
// idempotent by external id, with a progress bar and a summary naming every rejected row.
import { stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { importIncidentRows, type IncidentImportSummary } from '../../app/incidents.ts';
import type { AppContext } from '../../app/context.ts';
import {
  INCIDENT_FORMATS,
  readIncidentFile,
  type IncidentFormat,
} from '../../ingest/read-incidents.ts';
import { z } from 'zod';
import { parseFlags } from '../flags.ts';
import { addIncidentExportCommand } from './export.ts';
import { cliActor, withContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { progressBar } from '../progress.ts';

const SHOWN_REJECTS = 20;

function describe(file: string, format: string, s: IncidentImportSummary): string {
  const lines = [
    `${file} (${format}): ${s.read} rows read, ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected.length} rejected; ${s.violations} violations found`,
  ];
  for (const r of s.rejected.slice(0, SHOWN_REJECTS))
    lines.push(`  row ${r.row}: ${r.field}: ${r.message}`);
  if (s.rejected.length > SHOWN_REJECTS)
    lines.push(`  … and ${s.rejected.length - SHOWN_REJECTS} more`);
  return lines.join('\n');
}

/** Imports a file with a progress bar on a terminal; bench/ingest.bench.ts times exactly this. */
export async function importIncidentFile(
  ctx: AppContext,
  file: string,
  format?: IncidentFormat,
): Promise<IncidentImportSummary & { format: IncidentFormat }> {
  const size = (await stat(file).catch(() => ({ size: 0 }))).size;
  const read = await readIncidentFile(file, ctx.config.geoPrecisionRadii, format);
  const { rows, bytesRead } = read;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const bar = progressBar('importing', mb(size), 'MB');
  try {
    const s = await importIncidentRows(ctx, cliActor(), rows, ({ read }) =>
      bar.update(mb(bytesRead() || size), `${read.toLocaleString('en-US')} rows`),
    );
    return { format: read.format, ...s };
  } finally {
    bar.stop();
  }
}

const importFlags = z.object({
  db: z.string().optional(),
  rejects: z.string().optional(),
  json: z.boolean().optional(),
  format: z
    .enum(INCIDENT_FORMATS, { message: `must be one of ${INCIDENT_FORMATS.join(', ')}` })
    .optional(),
});

export function incidentsCommand(program: Command): void {
  const incidents = program.command('incidents').description('incident log');
  incidents
    .command('import')
    .description(
      'import incidents from ACLED CSV, UCDP GED CSV, HXL-tagged CSV or GeoJSON (format detected from the content)',
    )
    .argument('<file>', 'the file')
    .option('--format <format>', `force the format: ${INCIDENT_FORMATS.join(', ')}`)
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .option('--rejects <file>', 'write rejected rows (row, field, message) to this CSV file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const opts = parseFlags(importFlags, raw);
      const summary = await withContext(opts.db, (ctx) =>
        importIncidentFile(ctx, file, opts.format),
      );
      if (opts.rejects)
        await writeFile(
          opts.rejects,
          stringify(
            summary.rejected.map((r) => [r.row, r.field, r.message]),
            { header: true, columns: ['row', 'field', 'message'] },
          ),
        );
      process.stdout.write(
        opts.json
          ? JSON.stringify(summary, null, 2) + '\n'
          : describe(file, summary.format, summary) + '\n',
      );
      if (summary.rejected.length > 0) process.exitCode = EXIT.partial;
    });
  addIncidentExportCommand(incidents);
}
