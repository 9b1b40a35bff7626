// Reports of incidents: what each intake row says per source, resolving source names against the
// registry (an unknown name is registered, graded F until someone reviews it), and the incident's
// combined figures.
import { v7 as uuidv7 } from 'uuid';
import {
  assess,
  reportDraft,
  reportDraftsOf,
  sourceIdFor,
  splitSourceList,
  type GradedReport,
  type IncidentAssessment,
  type Report,
  type ReportDraft,
  type Source,
} from '../domain/report.ts';
import type { Incident, IncidentDraft } from '../domain/types.ts';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import type { ReportInput } from '../domain/schemas.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';
import { sourceNameKey } from '../store/intake-queries.ts';
import type { Store } from '../store/store.ts';

/**
 * The reports a row carries: those the reader gave, else one per source named in `source`, each
 * vouching for the coded fatalities (ACLED codes the most conservative figure: low = best).
 */
export function reportsOfRow(draft: IncidentDraft, given?: readonly ReportDraft[]): ReportDraft[] {
  if (given && given.length > 0) return [...given];
  const killed =
    draft.fatalities === null
      ? { low: null, best: null, high: null }
      : { low: draft.fatalities, best: draft.fatalities, high: null };
  return splitSourceList(draft.source).map((name) => reportDraft(name, { killed }));
}

/** Resolves source names to registry entries within one transaction, registering unknown ones. */
export class SourceResolver {
  private readonly byKey = new Map<string, Source>();

  private constructor(
    private readonly byId: Map<string, Source>,
    private readonly now: number,
  ) {}

  static async load(tx: Store, now: number): Promise<SourceResolver> {
    return new SourceResolver(new Map((await tx.listSources()).map((s) => [s.id, s])), now);
  }

  source(id: string): Source | undefined {
    return this.byId.get(id);
  }

  /** A name resolved earlier by `resolve`. */
  sourceOfName(name: string): Source {
    const s = this.byKey.get(sourceNameKey(name));
    if (!s) throw new Error(`source name ${name} was not resolved`);
    return s;
  }

  /** Resolves names (once each); unknown names become new sources graded F. */
  async resolve(tx: Store, names: readonly string[]): Promise<void> {
    const keys = [...new Set(names.map(sourceNameKey))].filter((k) => !this.byKey.has(k));
    if (keys.length === 0) return;
    const found = await tx.resolveSourceNames(keys);
    for (const key of keys) {
      let id = found.get(key);
      if (id === undefined) {
        const name = names.find((n) => sourceNameKey(n) === key) ?? key;
        id = sourceIdFor(name);
        for (let i = 2; this.byId.has(id); i++) id = `${sourceIdFor(name)}-${i}`;
        const created: Source = {
          id,
          name,
          aliases: [],
          kind: 'other',
          reliability: 'F',
          affiliation: null,
          notes: 'registered automatically from an import; grade it',
          auto: true,
          createdAt: this.now,
        };
        await tx.putSource(created);
        this.byId.set(id, created);
      }
      this.byKey.set(key, this.byId.get(id)!);
    }
  }
}

export function graded(
  report: ReportDraft & { sourceId: string },
  source: Source | undefined,
): GradedReport {
  return {
    sourceId: report.sourceId,
    affiliation: source?.affiliation ?? null,
    reliability: source?.reliability ?? null,
    credibility: report.credibility,
    killed: report.killed,
    injured: report.injured,
    civiliansKilled: report.civiliansKilled,
    combatantsKilled: report.combatantsKilled,
  };
}

/** The stored reports of one incident (names resolved beforehand) and its combined figures. */
export function buildReports(
  resolver: SourceResolver,
  incidentId: string,
  drafts: readonly ReportDraft[],
  keep: readonly Report[],
  origin: Report['origin'],
  now: number,
): { reports: Report[]; assessment: IncidentAssessment } {
  // The same account named twice (`SOHR; Syrian Observatory`) is one report.
  const seen = new Set<string>();
  const reports: Report[] = [];
  for (const d of drafts) {
    const sourceId = resolver.sourceOfName(d.source).id;
    if (drafts.length > 1) {
      const { source: _named, ...account } = d;
      const key = `${sourceId}\u0000${JSON.stringify(account)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    reports.push({ ...d, id: uuidv7(), incidentId, sourceId, origin, createdAt: now });
  }
  const all = [...keep, ...reports];
  return { reports, assessment: assess(all.map((r) => graded(r, resolver.source(r.sourceId)))) };
}

/** Adds one source's account to an incident (kept when the incident's record changes). */
export async function addReport(
  ctx: AppContext,
  actor: Actor,
  idOrExternalId: string,
  input: ReportInput,
): Promise<Incident> {
  return (await addReportTo(ctx, actor, idOrExternalId, input)).incident;
}

/** addReport, also giving the stored report. */
export async function addReportTo(
  ctx: AppContext,
  actor: Actor,
  idOrExternalId: string,
  input: ReportInput,
): Promise<{ incident: Incident; report: Report }> {
  return ctx.store.transaction(async (tx) => {
    const incident = await tx.getIncident(idOrExternalId);
    if (!incident) throw new AppError('not_found', `incident ${idOrExternalId} does not exist`);
    const now = ctx.config.now();
    const resolver = await SourceResolver.load(tx, now);
    const drafts = reportDraftsOf([input]) ?? [];
    await resolver.resolve(
      tx,
      drafts.map((d) => d.source),
    );
    const existing = await tx.listReports([incident.id]);
    const { reports, assessment } = buildReports(
      resolver,
      incident.id,
      drafts,
      existing,
      'added',
      now,
    );
    await tx.insertReports(reports);
    await tx.setAssessment(incident.id, assessment);
    await audit(tx, actor, now, [
      {
        action: 'report.add',
        entity: 'incident',
        entityId: incident.id,
        before: { assessment: incident.assessment },
        after: { report: { ...reports[0], text: reports[0]?.text ?? null }, assessment },
      },
    ]);
    await publish(tx, now, [
      event('incident.updated', 'public', { id: incident.id, reports: existing.length + 1 }),
    ]);
    return { incident: { ...incident, assessment }, report: reports[0]! };
  });
}
