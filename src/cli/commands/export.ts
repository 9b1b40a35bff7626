// `truceline export incidents|violations` (and `truceline incidents export`): streams incidents as
// ACLED CSV, GeoJSON or HXL CSV, or violations as CSV or GeoJSON, to a file or stdout, in constant
// memory, with a progress bar on a terminal and a summary line on stderr.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import {
  INCIDENT_EXPORT_FORMATS,
  incidentExports,
  VIOLATION_EXPORT_FORMATS,
  violationExports,
  writeExport,
  type ExportFormat,
} from '../../ingest/export-stream.ts';
import { violationFilterQuery } from '../../domain/query-schemas.ts';
import type { ExportFilter } from '../../store/store.ts';
import { withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { progressBar } from '../progress.ts';

const PAGE = 2000;
const filterFlags = violationFilterQuery.omit({ format: true }).extend({
  db: z.string().optional(),
  out: z.string().min(1).optional(),
});
const incidentFlags = filterFlags.extend({
  format: z
    .enum(INCIDENT_EXPORT_FORMATS, { message: `must be ${INCIDENT_EXPORT_FORMATS.join(', ')}` })
    .default('acled-csv'),
});
const violationFlags = filterFlags.extend({
  format: z
    .enum(VIOLATION_EXPORT_FORMATS, { message: `must be ${VIOLATION_EXPORT_FORMATS.join(', ')}` })
    .default('csv'),
});
type Flags = z.output<typeof filterFlags>;

/** The command line acts with the database in hand: every status is its to ask for. */
function filterOf(f: Flags): ExportFilter {
  return {
    agreementId: f.agreement,
    zone: f.zone,
    certainty: f.certainty,
    from: f.from,
    until: f.until,
    bbox: f.bbox,
    statuses: f.status,
  };
}

function withFilterOptions(cmd: Command, formats: readonly string[], fallback: string): Command {
  return cmd
    .option('--format <format>', `${formats.join(', ')} (default: ${fallback})`)
    .option(
      '--out <file>',
      'write to this file (replaced only when the export is complete); default: stdout',
    )
    .option('--from <iso>', 'incidents overlapping [from, until), e.g. 2018-02-17T00:00:00Z')
    .option('--until <iso>', 'see --from')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'incidents inside this box')
    .option('--agreement <id>', 'only violations of this agreement')
    .option('--zone <id-or-key>', 'only violations of this zone (zone id, or zone key / name)')
    .option('--certainty <certainty>', 'only certain or possible violations')
    .option(
      '--status <list>',
      'violation statuses, comma-separated, or all (default: all but superseded)',
    )
    .option(
      '--raw',
      "CSV: keep cell values verbatim for machine round trips (default: a cell starting with =, +, -, @, tab or CR that is not a number gets a leading ' so spreadsheets do not run it)",
    )
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)');
}

/** Streams to `--out` (through a temporary file renamed at the end) or stdout. */
async function runExport<T>(
  what: 'incidents' | 'violations',
  format: { name: string; spec: ExportFormat<T> },
  out: string | undefined,
  pages: AsyncIterable<T[]>,
  total: () => Promise<number>,
): Promise<void> {
  const started = performance.now();
  const bar = progressBar(`exporting ${what}`, process.stderr.isTTY ? await total() : 0, what);
  const partial = out && `${out}.partial-${process.pid}`;
  const stream = partial ? createWriteStream(partial) : process.stdout;
  let count: number;
  try {
    count = await writeExport(pages, format.spec, stream, (n) => bar.update(n));
    if (partial) {
      stream.end();
      await once(stream, 'close');
      await rename(partial, out);
    }
  } catch (e) {
    if (partial) {
      (stream as ReturnType<typeof createWriteStream>).destroy();
      await rm(partial, { force: true });
    }
    throw e;
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `exported ${count.toLocaleString('en-US')} ${what} as ${format.name} to ${out ?? 'stdout'} in ${seconds.toFixed(1)} s\n`,
  );
}

/**
 * For the progress bar: the exact count when only place and time filter, else the count of the
 * matching violations (at least one per incident; the bar may stop short of the end).
 */
async function incidentTotal(ctx: AppContext, f: ExportFilter): Promise<number> {
  const { from, until, bbox, agreementId, zone, certainty, statuses } = f;
  if (agreementId ?? zone ?? certainty ?? statuses)
    return (await ctx.store.listViolations({ ...f, limit: 1 })).total;
  return (await ctx.store.listIncidents({ from, until, bbox, limit: 1 })).total;
}

async function exportIncidents(raw: Record<string, unknown>): Promise<void> {
  const f = parseFlags(incidentFlags, raw);
  const filter = filterOf(f);
  await withContext(f.db, (ctx: AppContext) =>
    runExport(
      'incidents',
      { name: f.format, spec: incidentExports(f.raw)[f.format] },
      f.out,
      ctx.store.scanIncidentsForExport(filter, PAGE),
      () => incidentTotal(ctx, filter),
    ),
  );
}

async function exportViolations(raw: Record<string, unknown>): Promise<void> {
  const f = parseFlags(violationFlags, raw);
  const filter = filterOf(f);
  await withContext(f.db, (ctx: AppContext) =>
    runExport(
      'violations',
      { name: f.format, spec: violationExports(f.raw)[f.format] },
      f.out,
      ctx.store.scanViolationsForExport(filter, PAGE),
      async () => (await ctx.store.listViolations({ ...filter, limit: 1 })).total,
    ),
  );
}

/** Adds `export` under `parent`: `truceline incidents export`. */
export function addIncidentExportCommand(parent: Command, name = 'export'): void {
  withFilterOptions(
    parent
      .command(name)
      .description(
        'stream incidents as ACLED CSV, GeoJSON or HXL CSV (re-importable) to a file or stdout',
      ),
    INCIDENT_EXPORT_FORMATS,
    'acled-csv',
  ).action(exportIncidents);
}

/** `truceline export incidents|violations`. */
export function exportCommand(program: Command): void {
  const exp = program
    .command('export')
    .description('stream incidents or violations to a file or stdout, in constant memory');
  addIncidentExportCommand(exp, 'incidents');
  withFilterOptions(
    exp
      .command('violations')
      .description('stream violations as CSV or GeoJSON points to a file or stdout'),
    VIOLATION_EXPORT_FORMATS,
    'csv',
  ).action(exportViolations);
}
