// Public JSON shapes of a source of the registry and of a report shown next to its source
// (snake_case, ISO times), shared by the API, the CLI and the web.
import type { Report, Source } from './report.ts';

export function sourceToJson(s: Source) {
  return {
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    kind: s.kind,
    reliability: s.reliability,
    affiliation: s.affiliation,
    notes: s.notes,
    auto: s.auto,
    created_at: new Date(s.createdAt).toISOString(),
  };
}

/** A report as shown with an incident: its source and both Admiralty grades (e.g. `B2`). */
export function reportToJson(r: Report, source: Source | undefined) {
  return {
    id: r.id,
    source_id: r.sourceId,
    source_name: source?.name ?? r.source,
    as_named: r.source,
    source_kind: source?.kind ?? null,
    reliability: source?.reliability ?? null,
    credibility: r.credibility,
    grade: `${source?.reliability ?? 'F'}${r.credibility ?? 6}`,
    reference: r.reference,
    received_at: r.receivedAt === null ? null : new Date(r.receivedAt).toISOString(),
    text: r.text,
    killed: r.killed,
    injured: r.injured,
    civilians_killed: r.civiliansKilled,
    combatants_killed: r.combatantsKilled,
    origin: r.origin,
  };
}
