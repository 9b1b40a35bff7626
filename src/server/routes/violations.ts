// /api/v1/violations: the derived violations, always current, filtered and paged; JSON or CSV.
import { violationsPage } from '../../api/violations.ts';
import { ANY_SIGNED_IN } from '../access.ts';
import type { AppContext } from '../../app/context.ts';
import { visibleStatuses } from '../../app/reviews.ts';
import { violationsToCsv, violationToJson } from '../../ingest/violation-output.ts';
import { pagingQuery, violationFilterQuery } from '../query-schemas.ts';
import type { RouteRegistry } from '../route-registry.ts';

export const violationQuery = violationFilterQuery.extend(pagingQuery);

export function violationRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: ANY_SIGNED_IN },
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
      const statuses = visibleStatuses(actor, query.status);
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
        return violationsToCsv(items);
      }
      return { items: items.map(violationToJson), total, limit: query.limit, offset: query.offset };
    },
  });
}
