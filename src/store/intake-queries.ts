// Sources and reports over Kysely: the source registry with its names and aliases, the reports of
// incidents, and the figures combined from them. KyselyStore inherits these.
import type { Kysely } from 'kysely';
import type { IncidentAssessment, Merge, Report, Source } from '../domain/report.ts';
import { chunks } from './query-filters.ts';
import { assessmentColumns, countFromColumns, numOrNull } from './row-mappers.ts';
import type { Database, ReportsTable, SourcesTable } from './tables.ts';

export const sourceNameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

function sourceFromRow(r: SourcesTable): Source {
  return {
    id: r.id,
    name: r.name,
    aliases: JSON.parse(r.aliases) as string[],
    kind: r.kind as Source['kind'],
    reliability: r.reliability as Source['reliability'],
    affiliation: r.affiliation,
    notes: r.notes,
    auto: Number(r.auto) === 1,
    createdAt: Number(r.created_at),
  };
}

function sourceToRow(s: Source): SourcesTable {
  return {
    id: s.id,
    name: s.name,
    aliases: JSON.stringify(s.aliases),
    kind: s.kind,
    reliability: s.reliability,
    affiliation: s.affiliation,
    notes: s.notes,
    auto: s.auto ? 1 : 0,
    created_at: s.createdAt,
  };
}

export function reportToRow(r: Report): ReportsTable {
  return {
    id: r.id,
    incident_id: r.incidentId,
    source_id: r.sourceId,
    source_name: r.source,
    reference: r.reference,
    received_at: r.receivedAt,
    text: r.text,
    credibility: r.credibility,
    killed_low: r.killed.low,
    killed_best: r.killed.best,
    killed_high: r.killed.high,
    injured_low: r.injured.low,
    injured_best: r.injured.best,
    injured_high: r.injured.high,
    civilians_killed: r.civiliansKilled,
    combatants_killed: r.combatantsKilled,
    origin: r.origin,
    created_at: r.createdAt,
  };
}

/** A report's values in REPORT_COLUMNS order, for positional bulk inserts. */
export function reportRowValues(r: Report): unknown[] {
  return [
    r.id, r.incidentId, r.sourceId, r.source, r.reference, r.receivedAt, r.text, r.credibility,
    r.killed.low, r.killed.best, r.killed.high, r.injured.low, r.injured.best, r.injured.high,
    r.civiliansKilled, r.combatantsKilled, r.origin, r.createdAt,
  ]; // prettier-ignore
}

function reportFromRow(r: ReportsTable): Report {
  return {
    id: r.id,
    incidentId: r.incident_id,
    sourceId: r.source_id,
    source: r.source_name,
    reference: r.reference,
    receivedAt: numOrNull(r.received_at),
    text: r.text,
    credibility: numOrNull(r.credibility) as Report['credibility'],
    killed: countFromColumns(r.killed_low, r.killed_best, r.killed_high),
    injured: countFromColumns(r.injured_low, r.injured_best, r.injured_high),
    civiliansKilled: numOrNull(r.civilians_killed),
    combatantsKilled: numOrNull(r.combatants_killed),
    origin: r.origin as Report['origin'],
    createdAt: Number(r.created_at),
  };
}

export abstract class IntakeQueries {
  constructor(protected readonly db: Kysely<Database>) {}

  async listSources(): Promise<Source[]> {
    return (await this.db.selectFrom('sources').selectAll().orderBy('id').execute()).map(
      sourceFromRow,
    );
  }

  async getSource(id: string): Promise<Source | undefined> {
    const r = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && sourceFromRow(r);
  }

  /** Inserts or replaces a source and its names (name and aliases). */
  async putSource(s: Source): Promise<void> {
    const { id, ...rest } = sourceToRow(s);
    const existing = await this.getSource(id);
    if (existing) await this.db.updateTable('sources').set(rest).where('id', '=', id).execute();
    else
      await this.db
        .insertInto('sources')
        .values({ id, ...rest })
        .execute();
    await this.db.deleteFrom('source_names').where('source_id', '=', id).execute();
    const keys = [...new Set([s.name, ...s.aliases].map(sourceNameKey))];
    await this.db
      .insertInto('source_names')
      .values(keys.map((name_key) => ({ name_key, source_id: id })))
      .execute();
  }

  /** Which source each name (lower-cased key) belongs to; unknown names are absent. */
  async resolveSourceNames(keys: readonly string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const part of chunks([...new Set(keys)], 500)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('source_names')
        .selectAll()
        .where('name_key', 'in', part)
        .execute();
      for (const r of rows) map.set(r.name_key, r.source_id);
    }
    return map;
  }

  async listReports(incidentIds: readonly string[]): Promise<Report[]> {
    const out: Report[] = [];
    for (const part of chunks(incidentIds, 500)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('reports')
        .selectAll()
        .where('incident_id', 'in', part)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      out.push(...rows.map(reportFromRow));
    }
    return out;
  }

  async deleteReports(incidentIds: readonly string[], origin: Report['origin']): Promise<void> {
    for (const part of chunks(incidentIds, 500))
      if (part.length > 0)
        await this.db
          .deleteFrom('reports')
          .where('incident_id', 'in', part)
          .where('origin', '=', origin)
          .execute();
  }

  /** Re-points reports to another incident; returns the ids moved. */
  async moveReports(fromIncidentId: string, toIncidentId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reports')
      .select('id')
      .where('incident_id', '=', fromIncidentId)
      .execute();
    const ids = rows.map((r) => r.id);
    await this.moveReportsById(ids, toIncidentId);
    return ids;
  }

  async moveReportsById(ids: readonly string[], toIncidentId: string): Promise<void> {
    for (const part of chunks(ids, 500))
      if (part.length > 0)
        await this.db
          .updateTable('reports')
          .set({ incident_id: toIncidentId })
          .where('id', 'in', part)
          .execute();
  }

  async insertMerge(m: Merge): Promise<void> {
    await this.db
      .insertInto('merges')
      .values({
        id: m.id,
        survivor_id: m.survivorId,
        merged_id: m.mergedId,
        report_ids: JSON.stringify(m.reportIds),
        score: m.score,
        note: m.note,
        merged_by: m.mergedBy,
        merged_at: m.mergedAt,
        undone_by: m.undoneBy,
        undone_at: m.undoneAt,
      })
      .execute();
  }

  async listMerges(filter: { id?: string; incidentId?: string }): Promise<Merge[]> {
    let q = this.db.selectFrom('merges').selectAll().orderBy('merged_at').orderBy('id');
    if (filter.id) q = q.where('id', '=', filter.id);
    if (filter.incidentId) {
      const id = filter.incidentId;
      q = q.where((eb) => eb.or([eb('survivor_id', '=', id), eb('merged_id', '=', id)]));
    }
    return (await q.execute()).map((r) => ({
      id: r.id,
      survivorId: r.survivor_id,
      mergedId: r.merged_id,
      reportIds: JSON.parse(r.report_ids) as string[],
      score: numOrNull(r.score),
      note: r.note,
      mergedBy: r.merged_by,
      mergedAt: Number(r.merged_at),
      undoneBy: r.undone_by,
      undoneAt: numOrNull(r.undone_at),
    }));
  }

  async markMergeUndone(id: string, by: string, at: number): Promise<void> {
    await this.db
      .updateTable('merges')
      .set({ undone_by: by, undone_at: at })
      .where('id', '=', id)
      .execute();
  }

  async setMergedInto(incidentId: string, survivorId: string | null): Promise<void> {
    await this.db
      .updateTable('incidents')
      .set({ merged_into: survivorId })
      .where('id', '=', incidentId)
      .execute();
  }

  async incidentIdsWithSource(sourceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reports')
      .select('incident_id')
      .distinct()
      .where('source_id', '=', sourceId)
      .execute();
    return rows.map((r) => r.incident_id);
  }

  async setAssessment(incidentId: string, a: IncidentAssessment): Promise<void> {
    await this.db
      .updateTable('incidents')
      .set(assessmentColumns(a))
      .where('id', '=', incidentId)
      .execute();
  }
}
