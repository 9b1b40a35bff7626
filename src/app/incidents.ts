// Incidents: recording one, a batch or a whole import, idempotently by external id, with their
// violations matched in the same transaction (a crash never leaves an incident unevaluated).
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../domain/errors.ts';
import { incidentContentHash, incidentDraftFromInput } from '../domain/incident.ts';
import type { IncidentInput } from '../domain/schemas.ts';
import type { Incident, IncidentDraft, Violation } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import { matchIncidents } from './context.ts';

/** One row of an import: a normalised draft, or why the row was rejected. */
export type ImportRow =
  | {
      row: number;
      draft: IncidentDraft;
      /** content hash, when the reader computed it */ hash?: string;
    }
  | { row: number; error: { field: string; message: string } };

export interface RejectedRow {
  row: number;
  field: string;
  message: string;
}

export interface IncidentImportSummary {
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  violations: number;
}

export interface ImportProgress {
  (done: { read: number }): void;
}

const CHUNK = 25_000;
const PROGRESS_EVERY = 2_000;

function emptySummary(): IncidentImportSummary {
  return { read: 0, added: 0, updated: 0, unchanged: 0, rejected: [], violations: 0 };
}

/**
 * Writes one chunk of drafts in one transaction: new incidents are added, ones whose content
 * changed are updated and re-matched, identical ones are left alone.
 */
async function writeChunk(
  ctx: AppContext,
  drafts: { row: number; draft: IncidentDraft; hash?: string }[],
  summary: IncidentImportSummary,
): Promise<Incident[]> {
  return ctx.store.transaction(async (tx) => {
    const engine = await ctx.currentEngine(tx);
    const now = ctx.config.now();
    const keys = await tx.findIncidentKeys(
      drafts.flatMap((d) => (d.draft.externalId !== null ? [d.draft.externalId] : [])),
    );
    const added: Incident[] = [];
    const changed: Incident[] = [];
    const seenInChunk = new Map<string, string>();
    for (const { row, draft, hash: known } of drafts) {
      const hash = known ?? incidentContentHash(draft);
      const ext = draft.externalId;
      if (ext !== null) {
        const earlier = seenInChunk.get(ext);
        if (earlier !== undefined) {
          if (earlier === hash) summary.unchanged++;
          else
            summary.rejected.push({
              row,
              field: 'external_id',
              message: `external id ${ext} appears twice in this input with different content`,
            });
          continue;
        }
        seenInChunk.set(ext, hash);
        const existing = keys.get(ext);
        if (existing) {
          if (existing.contentHash === hash) {
            summary.unchanged++;
            continue;
          }
          const old = await tx.getIncident(existing.id);
          const incident: Incident = {
            ...draft,
            id: existing.id,
            contentHash: hash,
            createdAt: old?.createdAt ?? now,
            updatedAt: now,
          };
          await tx.updateIncident(incident);
          changed.push(incident);
          summary.updated++;
          continue;
        }
      }
      added.push({ ...draft, id: uuidv7(), contentHash: hash, createdAt: now, updatedAt: now });
      summary.added++;
    }
    await tx.insertIncidents(added);
    const addedRows = matchIncidents(engine, added);
    await tx.insertViolations(addedRows, now);
    const changedRows = matchIncidents(engine, changed);
    if (changed.length > 0)
      await tx.syncViolations({ incidentIds: changed.map((c) => c.id) }, changedRows, now);
    summary.violations += addedRows.length + changedRows.length;
    return [...added, ...changed];
  });
}

/**
 * Imports rows in chunks of 25,000, each in its own transaction: a killed import leaves whole
 * chunks behind and re-running it completes the job (idempotent by external id).
 */
export async function importIncidentRows(
  ctx: AppContext,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  onProgress?: ImportProgress,
): Promise<IncidentImportSummary> {
  const summary = emptySummary();
  let pending: { row: number; draft: IncidentDraft; hash?: string }[] = [];
  for await (const r of rows) {
    summary.read++;
    if ('error' in r) summary.rejected.push({ row: r.row, ...r.error });
    else pending.push(r);
    if (pending.length >= CHUNK) {
      await writeChunk(ctx, pending, summary);
      pending = [];
    }
    if (summary.read % PROGRESS_EVERY === 0) onProgress?.({ read: summary.read });
  }
  if (pending.length > 0) await writeChunk(ctx, pending, summary);
  onProgress?.({ read: summary.read });
  return summary;
}

export async function createIncident(
  ctx: AppContext,
  input: IncidentInput,
): Promise<{
  incident: Incident;
  status: 'added' | 'updated' | 'unchanged';
  violations: Violation[];
}> {
  const draft = incidentDraftFromInput(input, ctx.config.geoPrecisionRadii);
  const summary = emptySummary();
  summary.read = 1;
  const written = await writeChunk(ctx, [{ row: 1, draft }], summary);
  const incident =
    written[0] ??
    (draft.externalId !== null ? await ctx.store.getIncident(draft.externalId) : undefined);
  if (!incident) throw new AppError('internal', 'the incident was not stored');
  const status = summary.added ? 'added' : summary.updated ? 'updated' : 'unchanged';
  const { items } = await ctx.store.listViolations({ incidentId: incident.id, limit: 1000 });
  return { incident, status, violations: items };
}

/** Replaces an incident's content (its id and external id stay) and re-matches it. */
export async function updateIncident(
  ctx: AppContext,
  idOrExternalId: string,
  input: IncidentInput,
): Promise<{ incident: Incident; violations: Violation[] }> {
  const incident = await ctx.store.transaction(async (tx) => {
    const engine = await ctx.currentEngine(tx);
    const old = await tx.getIncident(idOrExternalId);
    if (!old) throw new AppError('not_found', `incident ${idOrExternalId} does not exist`);
    const draft = incidentDraftFromInput(input, ctx.config.geoPrecisionRadii);
    if (draft.externalId !== null && draft.externalId !== old.externalId)
      throw new AppError('validation_failed', 'external_id cannot be changed', 'external_id');
    const now = ctx.config.now();
    const next: Incident = {
      ...draft,
      externalId: old.externalId,
      id: old.id,
      contentHash: incidentContentHash({ ...draft, externalId: old.externalId }),
      createdAt: old.createdAt,
      updatedAt: now,
    };
    await tx.updateIncident(next);
    await tx.syncViolations({ incidentIds: [next.id] }, matchIncidents(engine, [next]), now);
    return next;
  });
  const { items } = await ctx.store.listViolations({ incidentId: incident.id, limit: 1000 });
  return { incident, violations: items };
}

export function importRowsFromInputs(
  inputs: readonly IncidentInput[],
  ctx: AppContext,
): ImportRow[] {
  return inputs.map((input, i) => ({
    row: i + 1,
    draft: incidentDraftFromInput(input, ctx.config.geoPrecisionRadii),
  }));
}
