// Duplicates: candidates (scored, with reasons) for one incident or across a window; merging a
// duplicate into its survivor; undoing a merge.
import {
  candidatePairsQuery,
  candidatePairsResponse,
  candidatesQuery,
  candidatesResponse,
  mergeBody,
  mergeResponse,
  mergesResponse,
} from '../../api/duplicates.ts';
import type { AppContext } from '../../app/context.ts';
import {
  candidatePairs,
  candidatesFor,
  mergeIncidents,
  undoMerge,
  type Candidate,
} from '../../app/duplicates.ts';
import { FIND_DUPLICATES, MERGE_INCIDENTS } from '../../domain/access.ts';
import type { Merge } from '../../domain/report.ts';
import { incidentToJson } from '../../domain/resource-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

function candidateToJson(c: Candidate) {
  return {
    score: c.score,
    reasons: c.reasons,
    incident: incidentToJson(c.incident),
    candidate: incidentToJson(c.other),
  };
}

export function mergeToJson(m: Merge) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: m.id,
    survivor_id: m.survivorId,
    merged_id: m.mergedId,
    report_ids: m.reportIds,
    score: m.score,
    note: m.note,
    merged_by: m.mergedBy,
    merged_at: iso(m.mergedAt),
    undone_by: m.undoneBy,
    undone_at: iso(m.undoneAt),
  };
}

export function duplicateRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/incidents/:id/duplicates',
    tag: 'duplicates',
    summary: 'Candidate duplicates of one incident, best first, with score and reasons',
    access: { roles: FIND_DUPLICATES },
    query: candidatesQuery,
    response: { status: 200, description: '{ items: Candidate[] }', schema: candidatesResponse },
    handler: async ({ params, query }) => ({
      items: (
        await candidatesFor(ctx, params.id!, { maxDistanceM: query.max_distance_m }, query.limit)
      ).map(candidateToJson),
    }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/duplicates',
    tag: 'duplicates',
    summary: 'Candidate duplicate pairs among the incidents of a window, best first',
    access: { roles: FIND_DUPLICATES },
    query: candidatePairsQuery,
    response: {
      status: 200,
      description: '{ items: Candidate[], scanned, truncated }',
      schema: candidatePairsResponse,
    },
    handler: async ({ query }) => {
      const r = await candidatePairs(
        ctx,
        {
          ...(query.from !== undefined && { from: query.from }),
          ...(query.until !== undefined && { until: query.until }),
          ...(query.bbox && { bbox: query.bbox }),
        },
        { maxDistanceM: query.max_distance_m },
        { incidents: 50_000, pairs: query.limit },
      );
      return { items: r.pairs.map(candidateToJson), scanned: r.scanned, truncated: r.truncated };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/incidents/:id/merge',
    tag: 'duplicates',
    summary: 'Merge this incident (a duplicate) into another; every report moves, nothing is lost',
    access: { roles: MERGE_INCIDENTS },
    body: mergeBody,
    response: { status: 201, description: 'Merge', schema: mergeResponse },
    handler: async ({ params, body, actor }) =>
      mergeToJson(await mergeIncidents(ctx, actor, params.id!, body.into, body.note)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/incidents/:id/merges',
    tag: 'duplicates',
    summary: 'The merges an incident took part in (as survivor or duplicate)',
    access: { roles: FIND_DUPLICATES },
    response: { status: 200, description: '{ items: Merge[] }', schema: mergesResponse },
    handler: async ({ params }) => {
      const i = await ctx.store.getIncident(params.id!);
      return {
        items: i ? (await ctx.store.listMerges({ incidentId: i.id })).map(mergeToJson) : [],
      };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/merges/:id/undo',
    tag: 'duplicates',
    summary: 'Undo a merge: the reports move back and the duplicate counts again',
    access: { roles: MERGE_INCIDENTS },
    response: { status: 200, description: 'Merge', schema: mergeResponse },
    handler: async ({ params, actor }) => mergeToJson(await undoMerge(ctx, actor, params.id!)),
  });
}
