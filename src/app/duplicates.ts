// Duplicates: candidates for one incident or across a window (scored, with reasons), merging a
// duplicate into the incident that survives it — every report moves to the survivor, nothing is
// deleted, the duplicate's violations are superseded — and undoing a merge.
import { v7 as uuidv7 } from 'uuid';
import {
  compareIncidents,
  DEFAULT_DUPLICATE_OPTIONS,
  type DuplicateOptions,
} from '../domain/duplicates.ts';
import { AppError } from '../domain/errors.ts';
import type { Merge } from '../domain/report.ts';
import type { Actor } from '../domain/roles.ts';
import type { Incident } from '../domain/types.ts';
import { degreesForMetres } from '../geo/distance.ts';
import type { Store } from '../store/store.ts';
import { matchIncidents, type AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';
import { reassess } from './sources.ts';

export interface Candidate {
  incident: Incident;
  other: Incident;
  score: number;
  reasons: string[];
}

/** Incidents whose disks and spans could touch this one's (the box grown by every reach). */
async function neighbours(store: Store, i: Incident, opts: DuplicateOptions): Promise<Incident[]> {
  const reach = i.uncertaintyM + (await store.maxUncertaintyM()) + opts.maxDistanceM;
  const { dLon, dLat } = degreesForMetres(Math.abs(i.lat) + 1, reach);
  const out: Incident[] = [];
  const scan = store.scanIncidents(
    {
      bbox: [i.lon - dLon, i.lat - dLat, i.lon + dLon, i.lat + dLat],
      from: i.occurredFrom,
      until: i.occurredUntil === i.occurredFrom ? i.occurredFrom + 1 : i.occurredUntil,
    },
    2000,
  );
  for await (const page of scan) out.push(...page);
  return out;
}

export async function candidatesFor(
  ctx: AppContext,
  idOrExternalId: string,
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
  limit = 50,
): Promise<Candidate[]> {
  const incident = await ctx.store.getIncident(idOrExternalId);
  if (!incident) throw new AppError('not_found', `incident ${idOrExternalId} does not exist`);
  const out: Candidate[] = [];
  for (const other of await neighbours(ctx.store, incident, opts)) {
    const m = compareIncidents(incident, other, opts);
    if (m) out.push({ incident, other, ...m });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * Candidate pairs among the incidents of a window: incidents are bucketed on a grid as wide as
 * the reach, and each is compared with those of its own and neighbouring cells.
 */
export async function candidatePairs(
  ctx: AppContext,
  window: { from?: number; until?: number; bbox?: [number, number, number, number] },
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
  limits = { incidents: 50_000, pairs: 500 },
): Promise<{ pairs: Candidate[]; scanned: number; truncated: boolean }> {
  const incidents: Incident[] = [];
  for await (const page of ctx.store.scanIncidents(window, 5000)) {
    incidents.push(...page);
    if (incidents.length > limits.incidents) break;
  }
  const truncated = incidents.length > limits.incidents;
  const list = incidents.slice(0, limits.incidents);
  const reach = 2 * (await ctx.store.maxUncertaintyM()) + opts.maxDistanceM;
  const maxLat = Math.max(0, ...list.map((i) => Math.abs(i.lat)));
  const { dLon, dLat } = degreesForMetres(Math.min(maxLat, 85), reach);
  const cell = (i: Incident) => [Math.floor(i.lon / dLon), Math.floor(i.lat / dLat)] as const;
  const grid = new Map<string, Incident[]>();
  for (const i of list) {
    const [x, y] = cell(i);
    const k = `${x},${y}`;
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
  }
  const pairs: Candidate[] = [];
  for (const a of list) {
    const [x, y] = cell(a);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const b of grid.get(`${x + dx},${y + dy}`) ?? []) {
          if (b.id <= a.id) continue;
          const m = compareIncidents(a, b, opts);
          if (m) pairs.push({ incident: a, other: b, ...m });
        }
  }
  pairs.sort((p, q) => q.score - p.score);
  return { pairs: pairs.slice(0, limits.pairs), scanned: list.length, truncated };
}

/** Merges `mergedId` into `survivorId`: reports move, history stays, violations count once. */
export async function mergeIncidents(
  ctx: AppContext,
  actor: Actor,
  mergedRef: string,
  survivorRef: string,
  note: string,
): Promise<Merge> {
  return ctx.store.transaction(async (tx) => {
    const merged = await tx.getIncident(mergedRef);
    const survivor = await tx.getIncident(survivorRef);
    if (!merged) throw new AppError('not_found', `incident ${mergedRef} does not exist`);
    if (!survivor)
      throw new AppError('unknown_reference', `incident ${survivorRef} does not exist`, 'into');
    if (merged.id === survivor.id)
      throw new AppError('validation_failed', 'an incident cannot be merged into itself', 'into');
    for (const i of [merged, survivor])
      if (i.mergedInto !== null)
        throw new AppError(
          'invalid_transition',
          `incident ${i.externalId ?? i.id} is already merged into ${i.mergedInto}`,
          i === merged ? undefined : 'into',
        );
    const now = ctx.config.now();
    const reportIds = await tx.moveReports(merged.id, survivor.id);
    await tx.setMergedInto(merged.id, survivor.id);
    const survivorLabel = survivor.externalId ?? survivor.id;
    await tx.syncViolations(
      { incidentIds: [merged.id] },
      [],
      now,
      `merged into ${survivorLabel} as a duplicate`,
    );
    await reassess(tx, [merged.id, survivor.id], now);
    const m: Merge = {
      id: uuidv7(),
      survivorId: survivor.id,
      mergedId: merged.id,
      reportIds,
      score: compareIncidents(merged, survivor)?.score ?? null,
      note,
      mergedBy: actor.name,
      mergedAt: now,
      undoneBy: null,
      undoneAt: null,
    };
    await tx.insertMerge(m);
    await audit(tx, actor, now, [
      {
        action: 'incident.merge',
        entity: 'incident',
        entityId: merged.id,
        before: { merged_into: null, reports: reportIds.length },
        after: { merged_into: survivor.id, merge_id: m.id, moved_reports: reportIds, note },
      },
    ]);
    await publish(tx, now, [
      event('incident.merged', 'public', { id: merged.id, into: survivor.id, merge_id: m.id }),
    ]);
    return m;
  });
}

export async function undoMerge(ctx: AppContext, actor: Actor, mergeId: string): Promise<Merge> {
  return ctx.store.transaction(async (tx) => {
    const [m] = await tx.listMerges({ id: mergeId });
    if (!m) throw new AppError('not_found', `merge ${mergeId} does not exist`);
    if (m.undoneAt !== null)
      throw new AppError('invalid_transition', `merge ${mergeId} was already undone`);
    const now = ctx.config.now();
    await tx.moveReportsById(m.reportIds, m.mergedId);
    await tx.setMergedInto(m.mergedId, null);
    const restored = await tx.getIncident(m.mergedId);
    if (restored) {
      const engine = await ctx.currentEngine(tx);
      await tx.syncViolations(
        { incidentIds: [restored.id] },
        matchIncidents(engine, [restored]),
        now,
        'the merge was undone',
      );
    }
    await reassess(tx, [m.mergedId, m.survivorId], now);
    await tx.markMergeUndone(m.id, actor.name, now);
    await audit(tx, actor, now, [
      {
        action: 'incident.unmerge',
        entity: 'incident',
        entityId: m.mergedId,
        before: { merged_into: m.survivorId },
        after: { merged_into: null, merge_id: m.id, moved_back: m.reportIds },
      },
    ]);
    await publish(tx, now, [
      event('incident.unmerged', 'public', { id: m.mergedId, merge_id: m.id }),
    ]);
    return { ...m, undoneBy: actor.name, undoneAt: now };
  });
}
