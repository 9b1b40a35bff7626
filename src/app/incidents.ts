// Incidents: recording one, a batch or a whole import, idempotently by external id, with their
// violations matched in the same transaction (a crash never leaves an incident unevaluated).
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../domain/errors.ts';
import { incidentContentHash, incidentDraftFromInput, sha256Hex } from '../domain/incident.ts';
import type { IncidentInput } from '../domain/schemas.ts';
import type { Incident, IncidentDraft, Violation } from '../domain/types.ts';
import type { AppContext } from './context.ts';
import type { Store } from '../store/store.ts';
import { violationIdOf } from '../domain/violation-id.ts';
import { matchIncidents } from './context.ts';
import type { Actor } from '../domain/roles.ts';
import { reportDraftsOf, type Report, type ReportDraft } from '../domain/report.ts';
import { buildReports, reportsOfRow, SourceResolver } from './reports.ts';
import type { ViolationRecord } from '../domain/types.ts';
import { incidentToJson } from '../domain/resource-output.ts';
import { audit, event, ITEMISE_LIMIT, publish, type Change } from './journal.ts';
import type { ImportRow } from '../ingest/import-row.ts';

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
  actor: Actor,
  drafts: { row: number; draft: IncidentDraft; hash?: string; reports?: ReportDraft[] }[],
  summary: IncidentImportSummary,
): Promise<Incident[]> {
  return ctx.store.transaction(async (tx) => {
    const engine = await ctx.currentEngine(tx);
    const now = ctx.config.now();
    const resolver = await SourceResolver.load(tx, now);
    const rowReports = drafts.map((d) => reportsOfRow(d.draft, d.reports));
    await resolver.resolve(
      tx,
      rowReports.flatMap((rs) => rs.map((r) => r.source)),
    );
    const newReports: Report[] = [];
    const keys = await tx.findIncidentKeys(
      drafts.flatMap((d) => (d.draft.externalId !== null ? [d.draft.externalId] : [])),
    );
    const added: Incident[] = [];
    const changed: Incident[] = [];
    const before = new Map<string, Incident>();
    const seenInChunk = new Map<string, string>();
    for (const [i, { row, draft, hash: known, reports: given }] of drafts.entries()) {
      // Reports given apart from the record (UCDP low/high, API bodies) are part of its content.
      const base = known ?? incidentContentHash(draft);
      const hash = given?.length ? sha256Hex(base + JSON.stringify(given)) : base;
      const drafted = rowReports[i]!;
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
          const kept = (await tx.listReports([existing.id])).filter((r) => r.origin === 'added');
          const { reports, assessment } = buildReports(
            resolver,
            existing.id,
            drafted,
            kept,
            'record',
            now,
          );
          await tx.deleteReports([existing.id], 'record');
          newReports.push(...reports);
          const incident: Incident = {
            ...draft,
            id: existing.id,
            contentHash: hash,
            createdAt: old?.createdAt ?? now,
            updatedAt: now,
            assessment,
            mergedInto: old?.mergedInto ?? null,
          };
          await tx.updateIncident(incident);
          if (old) before.set(old.id, old);
          changed.push(incident);
          summary.updated++;
          continue;
        }
      }
      const id = uuidv7();
      const { reports, assessment } = buildReports(resolver, id, drafted, [], 'record', now);
      newReports.push(...reports);
      added.push({
        ...draft,
        id,
        contentHash: hash,
        createdAt: now,
        updatedAt: now,
        assessment,
        mergedInto: null,
      });
      summary.added++;
    }
    await tx.insertIncidents(added);
    await tx.insertReports(newReports);
    const addedRows = matchIncidents(engine, added);
    await tx.insertViolations(addedRows, now);
    // A duplicate merged into another counts through its survivor: it gives no violations.
    const changedRows = matchIncidents(
      engine,
      changed.filter((c) => c.mergedInto === null),
    );
    if (changed.length > 0)
      await tx.syncViolations(
        { incidentIds: changed.map((c) => c.id) },
        changedRows,
        now,
        'the incident was changed',
      );
    summary.violations += addedRows.length + changedRows.length;
    await journalIncidents(tx, actor, now, { added, changed, before }, [
      ...addedRows,
      ...changedRows,
    ]);
    return [...added, ...changed];
  });
}

/**
 * Audit and feed for written incidents: one entry and event each for small writes; for bulk
 * chunks one entry listing id, external id and content hash of every incident written (which
 * commits to their content), and one summary event.
 */
async function journalIncidents(
  tx: Store,
  actor: Actor,
  now: number,
  w: { added: Incident[]; changed: Incident[]; before: Map<string, Incident> },
  violations: ViolationRecord[],
): Promise<void> {
  const count = w.added.length + w.changed.length;
  if (count === 0) return;
  if (count <= ITEMISE_LIMIT) {
    const changes: Change[] = [
      ...w.added.map((i) => ({
        action: 'incident.create',
        entity: 'incident',
        entityId: i.id,
        after: incidentToJson(i),
      })),
      ...w.changed.map((i) => {
        const old = w.before.get(i.id);
        return {
          action: 'incident.update',
          entity: 'incident',
          entityId: i.id,
          before: old ? incidentToJson(old) : null,
          after: incidentToJson(i),
        };
      }),
    ];
    await audit(tx, actor, now, changes);
  } else {
    await audit(tx, actor, now, [
      {
        action: 'incidents.import',
        entity: 'incident',
        entityId: '*',
        after: {
          added: w.added.length,
          updated: w.changed.length,
          // One line per incident, "id<TAB>external id<TAB>content hash": a single string hashes
          // ~7× faster than 25,000 small arrays, which matters for million-row imports.
          incidents: [...w.added, ...w.changed]
            .map((i) => `${i.id}\t${i.externalId ?? ''}\t${i.contentHash}`)
            .join('\n'),
        },
      },
    ]);
  }
  const events =
    count <= ITEMISE_LIMIT
      ? [
          ...w.added.map((i) => event('incident.created', 'public', incidentSummary(i))),
          ...w.changed.map((i) => event('incident.updated', 'public', incidentSummary(i))),
        ]
      : [
          event('incidents.imported', 'public', {
            added: w.added.length,
            updated: w.changed.length,
          }),
        ];
  if (violations.length > 0)
    events.push(
      violations.length <= ITEMISE_LIMIT
        ? event('violations.detected', 'staff', {
            violations: violations.map((v) => ({
              id: violationIdOf(v),
              incident_id: v.incidentId,
              agreement_id: v.agreementId,
              zone_key: v.zoneKey,
              certainty: v.certainty,
            })),
          })
        : event('violations.detected', 'staff', { count: violations.length }),
    );
  await publish(tx, now, events);
}

function incidentSummary(i: Incident) {
  return {
    id: i.id,
    external_id: i.externalId,
    event_type: i.eventType,
    sub_event_type: i.subEventType,
    occurred_from: new Date(i.occurredFrom).toISOString(),
    lon: i.lon,
    lat: i.lat,
    fatalities: i.fatalities,
  };
}

/**
 * Imports rows in chunks of 25,000, each in its own transaction: a killed import leaves whole
 * chunks behind and re-running it completes the job (idempotent by external id).
 */
export async function importIncidentRows(
  ctx: AppContext,
  actor: Actor,
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
      await writeChunk(ctx, actor, pending, summary);
      pending = [];
    }
    if (summary.read % PROGRESS_EVERY === 0) onProgress?.({ read: summary.read });
  }
  if (pending.length > 0) await writeChunk(ctx, actor, pending, summary);
  onProgress?.({ read: summary.read });
  summary.rejected.sort((a, b) => a.row - b.row);
  return summary;
}

export async function createIncident(
  ctx: AppContext,
  actor: Actor,
  input: IncidentInput,
): Promise<{
  incident: Incident;
  status: 'added' | 'updated' | 'unchanged';
  violations: Violation[];
}> {
  const draft = incidentDraftFromInput(input, ctx.config.geoPrecisionRadii);
  const summary = emptySummary();
  summary.read = 1;
  const reports = reportDraftsOf(input.reports);
  const written = await writeChunk(
    ctx,
    actor,
    [{ row: 1, draft, ...(reports && { reports }) }],
    summary,
  );
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
  actor: Actor,
  idOrExternalId: string,
  input: IncidentInput,
): Promise<{ incident: Incident; violations: Violation[] }> {
  const incident = await ctx.store.transaction(async (tx) => {
    const engine = await ctx.currentEngine(tx);
    const old = await tx.getIncident(idOrExternalId);
    if (!old) throw new AppError('not_found', `incident ${idOrExternalId} does not exist`);
    if (old.mergedInto !== null)
      throw new AppError(
        'invalid_transition',
        `incident ${idOrExternalId} was merged into ${old.mergedInto}; edit that one, or undo the merge first`,
      );
    const draft = incidentDraftFromInput(input, ctx.config.geoPrecisionRadii);
    if (draft.externalId !== null && draft.externalId !== old.externalId)
      throw new AppError('validation_failed', 'external_id cannot be changed', 'external_id');
    const now = ctx.config.now();
    const resolver = await SourceResolver.load(tx, now);
    const drafted = reportsOfRow(draft, reportDraftsOf(input.reports));
    await resolver.resolve(
      tx,
      drafted.map((r) => r.source),
    );
    const kept = (await tx.listReports([old.id])).filter((r) => r.origin === 'added');
    const { reports, assessment } = buildReports(resolver, old.id, drafted, kept, 'record', now);
    await tx.deleteReports([old.id], 'record');
    await tx.insertReports(reports);
    const next: Incident = {
      ...draft,
      externalId: old.externalId,
      id: old.id,
      contentHash: incidentContentHash({ ...draft, externalId: old.externalId }),
      createdAt: old.createdAt,
      updatedAt: now,
      assessment,
      mergedInto: null,
    };
    await tx.updateIncident(next);
    const rows = matchIncidents(engine, [next]);
    await tx.syncViolations({ incidentIds: [next.id] }, rows, now, 'the incident was changed');
    await journalIncidents(
      tx,
      actor,
      now,
      { added: [], changed: [next], before: new Map([[old.id, old]]) },
      rows,
    );
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
    reports: reportDraftsOf(input.reports),
  }));
}
