// /api/v1/violations: the derived violations, always current, filtered and paged; JSON or CSV.
import { violationQuery, violationsPage } from '../../api/violations.ts';
import type { AppContext } from '../../app/context.ts';
import { READ_PUBLISHED, visibleViolationStatuses } from '../../domain/access.ts';
import { violationToJson } from '../../domain/violation-output.ts';
import { violationsToCsv } from '../../ingest/violation-csv.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function violationRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/violations',
    tag: 'violations',
    summary:
      'List violations (newest incident first) by agreement, zone (id or key), time range, bbox, certainty, status',
    query: violationQuery,
    response: {
      status: 200,
      description: '{ items: Violation[], total, limit, offset } or CSV with format=csv',
      contentTypes: ['application/json', 'text/csv'],
      schema: violationsPage,
    },
    handler: async ({ query, reply, actor }) => {
      // Outside the cell only confirmed violations are shared.
      const statuses = visibleViolationStatuses(actor, query.status);
      const { items, total } = await ctx.store.listViolations({
        statuses,
        agreementId: query.agreement,
        zone: query.zone,
        certainty: query.certainty,
        from: query.from,
        until: query.until,
        bbox: query.bbox,
        limit: query.limit,
        offset: query.offset,
      });
      if (query.format === 'csv') {
        void reply.header('x-total-count', String(total)).type('text/csv; charset=utf-8');
        return violationsToCsv(items, true, query.raw);
      }
      return { items: items.map(violationToJson), total, limit: query.limit, offset: query.offset };
    },
  });
}
