// The report's appendix — every incident (with its sources and their grades) and every violation
// the figures count, and the notices and proposals they refer to — and the period's map layer.
import type { ReportSourceRow } from './report-rows.ts';
import { mostSevere, type CertaintyLevel } from '../../domain/certainty.ts';
import type { Source } from '../../domain/report.ts';
import { violationIdOf } from '../../domain/violation-id.ts';
import type { AgreementVersion, Zone } from '../../domain/types.ts';
import type { CountedIncident, CountedViolation } from './counted-incidents.ts';
import type { ReportPeriods } from './report-period.ts';
import type {
  AppendixIncident,
  AppendixNotice,
  AppendixProposal,
  AppendixSource,
  AppendixViolation,
  MapIncident,
  MapZone,
  ReportRows,
} from './report-types.ts';
import { inForceDuring } from './zone-figures.ts';

function sourceOf(r: ReportSourceRow, s: Source | undefined): AppendixSource {
  return {
    reportId: r.id,
    sourceId: r.sourceId,
    name: s?.name ?? r.source,
    kind: s?.kind ?? null,
    affiliation: s?.affiliation ?? null,
    reliability: s?.reliability ?? null,
    credibility: r.credibility,
    grade: `${s?.reliability ?? 'F'}${r.credibility ?? 6}`,
    reference: r.reference,
    killed: r.killed,
  };
}

export function appendixIncidents(
  incidents: readonly CountedIncident[],
  periods: ReportPeriods,
  reportsOf: (incidentId: string) => readonly ReportSourceRow[],
  sources: ReadonlyMap<string, Source>,
): AppendixIncident[] {
  return incidents.map((i) => ({
    id: i.row.id,
    externalId: i.row.externalId,
    eventType: i.row.eventType,
    subEventType: i.row.subEventType,
    occurredFrom: i.row.occurredFrom,
    occurredUntil: i.row.occurredUntil,
    timePrecision: i.row.timePrecision,
    reportDate: periods.days[i.day]!.date,
    lon: i.row.lon,
    lat: i.row.lat,
    uncertaintyM: i.row.uncertaintyM,
    area: i.area,
    location: i.row.location,
    actor1: i.row.actor1,
    actor2: i.row.actor2,
    killed: i.casualties.killed,
    injured: i.casualties.injured,
    civiliansKilled: i.casualties.civiliansKilled,
    corroborated: i.row.assessment.corroborated,
    mergedFrom: i.mergedFrom,
    sources: reportsOf(i.row.id).map((r) => sourceOf(r, sources.get(r.sourceId))),
    violationIds: i.violations.map((v) => v.id),
  }));
}

export function appendixViolations(
  violations: readonly CountedViolation[],
  versions: readonly AgreementVersion[],
): AppendixViolation[] {
  const zones = new Map<string, Zone>();
  const labels = new Map<string, string>();
  for (const v of versions) {
    labels.set(v.id, v.label);
    for (const z of v.zones) zones.set(z.id, z);
  }
  return violations.map(({ id, row }) => {
    const z = zones.get(row.zoneId);
    return {
      id,
      incidentId: row.incidentId,
      agreementId: row.agreementId,
      zoneKey: row.zoneKey,
      zoneName: z?.name ?? row.zoneKey,
      zoneKind: z?.kind ?? null,
      versionId: row.versionId,
      versionLabel: labels.get(row.versionId) ?? null,
      certainty: row.certainty,
      status: row.status,
      intent: row.intent,
      attributions: row.attributions,
    };
  });
}

/** The notices and proposals that some figure refers to. */
export function appendixRecords(
  rows: ReportRows,
  noticeIds: ReadonlySet<string>,
  proposalIds: ReadonlySet<string>,
): { notices: AppendixNotice[]; proposals: AppendixProposal[] } {
  return {
    notices: rows.notices
      .filter((n) => noticeIds.has(n.id))
      .sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1))
      .map((n) => ({
        id: n.id,
        violationId: violationIdOf(n),
        partyId: n.partyId,
        status: n.status,
        sentAt: n.sentAt,
        answeredAt: n.answeredAt,
      })),
    proposals: rows.proposals
      .filter((p) => proposalIds.has(p.id))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((p) => ({
        id: p.id,
        agreementId: p.agreementId,
        label: p.label,
        status: p.status,
        digest: p.digest,
      })),
  };
}

/** The period's incidents as map points, and every zone (excluded areas too) in force in it. */
export function periodMap(
  incidents: readonly CountedIncident[],
  current: number,
  versions: readonly AgreementVersion[],
  periods: ReportPeriods,
): { incidents: MapIncident[]; zones: MapZone[] } {
  const points: MapIncident[] = [];
  for (const i of incidents) {
    if (i.day !== current) continue;
    const live = i.violations.filter((v) => v.row.status !== 'dismissed');
    points.push({
      id: i.row.id,
      lon: i.row.lon,
      lat: i.row.lat,
      uncertaintyM: i.row.uncertaintyM,
      eventType: i.row.eventType,
      subEventType: i.row.subEventType,
      occurredFrom: i.row.occurredFrom,
      killedBest: i.casualties.killed.best,
      violation: live.reduce<CertaintyLevel>((m, v) => mostSevere(m, v.row.certainty), 'none'),
    });
  }
  const inForce = inForceDuring(versions, periods.current);
  const zones = versions
    .filter((v) => inForce.has(v))
    .sort((a, b) =>
      a.agreementId < b.agreementId ? -1 : a.agreementId > b.agreementId ? 1 : a.seq - b.seq,
    ) // prettier-ignore
    .flatMap((v) =>
      v.zones.map((z) => ({
        zoneId: z.id,
        versionId: v.id,
        versionLabel: v.label,
        agreementId: v.agreementId,
        key: z.key,
        name: z.name,
        kind: z.kind,
        geometry: z.geometry,
        bbox: z.bbox,
      })),
    );
  return { incidents: points, zones };
}
