// /api/v1/incidents: record incidents one at a time, in batches, or as an ACLED CSV / GeoJSON import.
import {
  BATCH_MAX,
  batchBody,
  createdIncidentResponse,
  fileImportResponse,
  importQuery,
  importSummaryResponse,
  incidentDetailResponse,
  incidentsPage,
  incidentsQuery,
  incidentWithReportsResponse,
  updatedIncidentResponse,
} from '../../api/incidents.ts';
import { Readable } from 'node:stream';
import type { AppContext } from '../../app/context.ts';
import {
  createIncident,
  importIncidentRows,
  importRowsFromInputs,
  updateIncident,
} from '../../app/incidents.ts';
import { addReport } from '../../app/reports.ts';
import { LOG_INCIDENTS, READ_PUBLISHED, visibleViolationStatuses } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { incidentInputSchema, reportInputSchema } from '../../domain/schemas.ts';
import { reportToJson } from '../../domain/source-output.ts';
import { readIncidentStream } from '../../ingest/read-incidents.ts';
import { incidentToJson } from '../../domain/resource-output.ts';
import { violationToJson } from '../../domain/violation-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

export { BATCH_MAX };
const IMPORT_LIMIT = 256 * 1024 * 1024;

async function reportsJson(ctx: AppContext, incidentId: string) {
  const sources = new Map((await ctx.store.listSources()).map((x) => [x.id, x]));
  return (await ctx.store.listReports([incidentId])).map((r) =>
    reportToJson(r, sources.get(r.sourceId)),
  );
}

/** Each listed incident's sources with their grades (`B2`), read in one query per page. */
async function sourceGrades(ctx: AppContext, incidentIds: readonly string[]) {
  const sources = new Map((await ctx.store.listSources()).map((x) => [x.id, x]));
  const out = new Map<string, { source_id: string; name: string; grade: string }[]>();
  for (const r of await ctx.store.listReports(incidentIds)) {
    const j = reportToJson(r, sources.get(r.sourceId));
    const list = out.get(r.incidentId) ?? [];
    list.push({ source_id: j.source_id, name: j.source_name, grade: j.grade });
    out.set(r.incidentId, list);
  }
  return out;
}

export function incidentRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/incidents',
    tag: 'incidents',
    summary:
      'List incidents (newest first) with time, bbox and event-type filters, each with its graded sources',
    query: incidentsQuery,
    response: {
      status: 200,
      description: '{ items: Incident[], total, limit, offset }',
      schema: incidentsPage,
    },
    handler: async ({ query }) => {
      const { items, total } = await ctx.store.listIncidents({
        from: query.from,
        until: query.until,
        bbox: query.bbox,
        eventType: query.event_type,
        limit: query.limit,
        offset: query.offset,
      });
      const grades = await sourceGrades(
        ctx,
        items.map((i) => i.id),
      );
      return {
        items: items.map((i) => ({ ...incidentToJson(i), sources: grades.get(i.id) ?? [] })),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/incidents/:id',
    tag: 'incidents',
    summary: 'One incident (by id or external id) with its reports (graded sources) and violations',
    response: {
      status: 200,
      description: 'Incident with reports[] and violations[]',
      schema: incidentDetailResponse,
    },
    handler: async ({ params, actor }) => {
      const incident = await ctx.store.getIncident(params.id!);
      if (!incident) throw new AppError('not_found', `incident ${params.id} does not exist`);
      const { items } = await ctx.store.listViolations({
        incidentId: incident.id,
        limit: 1000,
        statuses: visibleViolationStatuses(actor),
      });
      return {
        ...incidentToJson(incident),
        reports: await reportsJson(ctx, incident.id),
        violations: items.map(violationToJson),
      };
    },
  });
  r.add({
    method: 'POST',
    access: { roles: LOG_INCIDENTS },
    url: '/api/v1/incidents/:id/reports',
    tag: 'incidents',
    summary:
      "Add a source's report to an incident; its casualties and corroboration are recombined",
    body: reportInputSchema,
    response: {
      status: 201,
      description: 'Incident with reports[]',
      schema: incidentWithReportsResponse,
    },
    handler: async ({ params, body, actor }) => {
      const incident = await addReport(ctx, actor, params.id!, body);
      return { ...incidentToJson(incident), reports: await reportsJson(ctx, incident.id) };
    },
  });
  r.add({
    method: 'POST',
    access: { roles: LOG_INCIDENTS },
    url: '/api/v1/incidents',
    tag: 'incidents',
    summary:
      'Record one incident; returns it with the violations it gives (idempotent by external_id)',
    body: incidentInputSchema,
    response: {
      status: 201,
      description: 'Incident with status and violations[] (200 when unchanged or updated)',
      schema: createdIncidentResponse,
    },
    handler: async ({ body, reply, actor }) => {
      const { incident, status, violations } = await createIncident(ctx, actor, body);
      if (status !== 'added') void reply.status(200);
      return { ...incidentToJson(incident), status, violations: violations.map(violationToJson) };
    },
  });
  r.add({
    method: 'PUT',
    access: { roles: LOG_INCIDENTS },
    url: '/api/v1/incidents/:id',
    tag: 'incidents',
    summary: 'Replace an incident’s content; its violations are re-evaluated',
    body: incidentInputSchema,
    response: {
      status: 200,
      description: 'Incident with violations[]',
      schema: updatedIncidentResponse,
    },
    handler: async ({ body, params, actor }) => {
      const { incident, violations } = await updateIncident(ctx, actor, params.id!, body);
      return { ...incidentToJson(incident), violations: violations.map(violationToJson) };
    },
  });
  r.add({
    method: 'POST',
    access: { roles: LOG_INCIDENTS },
    url: '/api/v1/incidents/batch',
    tag: 'incidents',
    summary: `Record up to ${BATCH_MAX} incidents at once: all are valid and land, or none does`,
    body: batchBody,
    bodyLimit: 32 * 1024 * 1024,
    response: {
      status: 200,
      description: 'Summary: read, added, updated, unchanged, rejected, violations',
      schema: importSummaryResponse,
    },
    handler: async ({ body, actor }) =>
      importIncidentRows(ctx, actor, importRowsFromInputs(body.items, ctx)),
  });
  for (const url of ['/api/v1/imports', '/api/v1/incidents/import'])
    r.add({
      method: 'POST',
      access: { roles: LOG_INCIDENTS },
      url,
      tag: 'incidents',
      summary:
        'Import an ACLED, UCDP GED or HXL CSV, or a GeoJSON FeatureCollection (format detected, or ?format=); bad rows are reported, good rows land',
      bodyTypes: ['text/csv', 'application/geo+json', 'application/json'],
      bodyLimit: IMPORT_LIMIT,
      query: importQuery,
      response: {
        status: 200,
        description:
          'Summary: format, read, added, updated, unchanged, rejected[{row, field, message}], violations',
        schema: fileImportResponse,
      },
      handler: async ({ req, actor, query }) => {
        // CSV and GeoJSON bodies arrive as streams; a JSON body (already parsed) is re-read.
        const body =
          req.body &&
          typeof (req.body as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function'
            ? (req.body as AsyncIterable<Buffer>)
            : Readable.from([JSON.stringify(req.body ?? '')]);
        const { format, rows } = await readIncidentStream(
          body as AsyncIterable<string | Buffer>,
          ctx.config.geoPrecisionRadii,
          query.format,
        );
        return { format, ...(await importIncidentRows(ctx, actor, rows)) };
      },
    });
}
