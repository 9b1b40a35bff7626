// /api/v1/exports/…: incidents (ACLED CSV, GeoJSON, HXL CSV) and violations (CSV, GeoJSON) as
// file downloads, streamed page by page at the pace the client reads. Incidents are published
// data; violations, and incidents chosen by their violations, follow the violation list's rule:
// outside the cell only confirmed violations are shared.
import {
  exportQuery,
  incidentExportCollection,
  violationExportCollection,
} from '../../api/exports.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { READ_PUBLISHED, visibleViolationStatuses } from '../../domain/access.ts';
import type { Actor } from '../../domain/roles.ts';
import {
  incidentExports,
  violationExports,
  writeExport,
  type ExportFormat,
  type IncidentExportFormat,
  type ViolationExportFormat,
} from '../../ingest/export-stream.ts';
import type { ExportFilter } from '../../store/store.ts';
import type { RouteRegistry } from '../route-registry.ts';

/** Rows per page read from the store: large enough to amortise the query, small enough to stay flat. */
export const EXPORT_PAGE = 1000;

type ExportQuery = z.output<typeof exportQuery>;

/** The store filter for a caller: statuses cut to what is shared with them. */
export function exportFilterFor(
  actor: Actor,
  q: ExportQuery,
  of: 'incidents' | 'violations',
): ExportFilter {
  const byViolation =
    of === 'violations' ||
    q.agreement !== undefined ||
    q.zone !== undefined ||
    q.certainty !== undefined ||
    q.status !== undefined;
  return {
    agreementId: q.agreement,
    zone: q.zone,
    certainty: q.certainty,
    from: q.from,
    until: q.until,
    bbox: q.bbox,
    // Incidents are public: only when chosen by their violations does the sharing rule apply.
    statuses: byViolation ? visibleViolationStatuses(actor, q.status) : undefined,
  };
}

/**
 * Streams the pages as a download. The first page is read before the response starts, so a
 * failing query still answers with the usual error; a failure after that cuts the transfer
 * (the client sees an incomplete response, never a short file that looks whole).
 */
async function sendExport<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  pages: AsyncIterable<T[]>,
  format: ExportFormat<T>,
  filename: string,
  shutdown: AbortSignal | undefined,
): Promise<void> {
  const it = pages[Symbol.asyncIterator]();
  const first = await it.next();
  reply.hijack();
  const res = reply.raw;
  // A server closing does not wait for a slow reader: the download is cut (until the response
  // has left, even after the last write, so that a reader that stopped reading cannot hold it).
  const cut = () => res.destroy();
  shutdown?.addEventListener('abort', cut, { once: true });
  res.once('close', () => shutdown?.removeEventListener('abort', cut));
  res.writeHead(200, {
    'content-type': format.contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  async function* all() {
    if (!first.done) yield first.value;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  try {
    await writeExport(all(), format, res);
    res.end();
  } catch (e) {
    req.log.warn({ err: e }, `export ${filename} stopped`);
    res.destroy();
  } finally {
    await it.return?.();
  }
}

/** The GeoJSON downloads' schemas (the CSV ones are described by their columns). */
const DOWNLOAD_SCHEMAS: Partial<Record<string, z.ZodType>> = {
  'incidents.geojson': incidentExportCollection,
  'violations.geojson': violationExportCollection,
};

const INCIDENT_ROUTES: [string, IncidentExportFormat, string][] = [
  ['incidents.csv', 'acled-csv', 'ACLED CSV (the 31 ACLED columns)'],
  ['incidents.geojson', 'geojson', 'GeoJSON FeatureCollection'],
  ['incidents.hxl.csv', 'hxl-csv', 'HXL-tagged CSV'],
];
const VIOLATION_ROUTES: [string, ViolationExportFormat, string][] = [
  ['violations.csv', 'csv', 'CSV (the columns of GET /api/v1/violations?format=csv)'],
  ['violations.geojson', 'geojson', 'GeoJSON FeatureCollection of points'],
];

export function exportRoutes(r: RouteRegistry, ctx: AppContext, shutdown?: AbortSignal): void {
  const day = () => new Date(ctx.config.now()).toISOString().slice(0, 10);
  const add = <T>(
    of: 'incidents' | 'violations',
    file: string,
    formatOf: (raw: boolean) => ExportFormat<T>,
    text: { what: string; summary: string; note: string },
    scan: (filter: ExportFilter) => AsyncIterable<T[]>,
  ) => {
    const format = formatOf(false);
    const rawFormat = formatOf(true);
    r.add({
      method: 'GET',
      url: `/api/v1/exports/${file}`,
      tag: 'exports',
      summary: `Export ${of} as ${text.what}, ${text.summary}`,
      access: { roles: READ_PUBLISHED },
      query: exportQuery,
      response: {
        status: 200,
        description: `${text.what}, streamed as a download (${text.note})`,
        contentTypes: [format.contentType.split(';')[0]!],
        schema: DOWNLOAD_SCHEMAS[file],
      },
      handler: async ({ req, reply, actor, query }) => {
        const pages = scan(exportFilterFor(actor, query, of));
        const name = `truceline-${of}-${day()}${format.extension}`;
        // CSV cells are spreadsheet-safe unless raw=true (machine round trips).
        await sendExport(req, reply, pages, query.raw ? rawFormat : format, name, shutdown);
      },
    });
  };
  for (const [file, name, what] of INCIDENT_ROUTES)
    add(
      'incidents',
      file,
      (raw) => incidentExports(raw)[name],
      {
        what,
        summary: 'by time, bbox, or agreement/zone/certainty/status of their violations',
        note: 'incidents in id order',
      },
      (f) => ctx.store.scanIncidentsForExport(f, EXPORT_PAGE),
    );
  for (const [file, name, what] of VIOLATION_ROUTES)
    add(
      'violations',
      file,
      (raw) => violationExports(raw)[name],
      {
        what,
        summary: 'by agreement, zone, certainty, status, time, bbox',
        note: 'outside the cell: confirmed ones only',
      },
      (f) => ctx.store.scanViolationsForExport(f, EXPORT_PAGE),
    );
}
