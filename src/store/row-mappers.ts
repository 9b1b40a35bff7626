// Row ↔ domain mapping: the only place that knows how records are laid out in tables.
import type { EventType } from '../domain/event-types.ts';
import type {
  Agreement,
  AgreementVersion,
  Certainty,
  Incident,
  Party,
  Violation,
  Zone,
} from '../domain/types.ts';
import type { ZoneKind } from '../domain/zone-kinds.ts';
import type { CasualtyCount, IncidentAssessment } from '../domain/report.ts';
import type { Attribution, Intent, ViolationStatus } from '../domain/violation-review.ts';
import type {
  AgreementsTable,
  IncidentsTable,
  PartiesTable,
  VersionsTable,
  ZonesTable,
} from './tables.ts';

const num = (v: number | bigint | string): number => Number(v);
/** A nullable numeric column (SQLite and PostgreSQL may hand back bigint or string). */
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);

type Column = number | bigint | string | null;
/** A low / best / high casualty count from its three columns (`killed_low`, …). */
export const countFromColumns = (low: Column, best: Column, high: Column): CasualtyCount => ({
  low: numOrNull(low),
  best: numOrNull(best),
  high: numOrNull(high),
});

export function partyFromRow(r: PartiesTable): Party {
  return {
    id: r.id,
    name: r.name,
    capabilities: JSON.parse(r.capabilities) as string[],
    createdAt: num(r.created_at),
  };
}

export function partyToRow(p: Party): PartiesTable {
  return {
    id: p.id,
    name: p.name,
    capabilities: JSON.stringify(p.capabilities),
    created_at: p.createdAt,
  };
}

export function agreementFromRow(r: AgreementsTable, partyIds: string[]): Agreement {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    partyIds,
    createdAt: num(r.created_at),
  };
}

export function zoneFromRow(r: ZonesTable): Zone {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    versionId: r.version_id,
    key: r.zone_key,
    name: r.name,
    kind: r.kind as ZoneKind,
    geometry: JSON.parse(r.geometry) as Zone['geometry'],
    bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
    areaKm2: r.area_km2,
    properties: JSON.parse(r.properties) as Record<string, unknown>,
  };
}

export function zoneToRow(z: Zone): ZonesTable {
  return {
    id: z.id,
    version_id: z.versionId,
    agreement_id: z.agreementId,
    zone_key: z.key,
    name: z.name,
    kind: z.kind,
    geometry: JSON.stringify(z.geometry),
    properties: JSON.stringify(z.properties),
    min_lon: z.bbox[0],
    min_lat: z.bbox[1],
    max_lon: z.bbox[2],
    max_lat: z.bbox[3],
    area_km2: z.areaKm2,
  };
}

export function versionFromRow(r: VersionsTable, zones: Zone[]): AgreementVersion {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    seq: num(r.seq),
    label: r.label,
    validFrom: num(r.valid_from),
    validUntil: numOrNull(r.valid_until),
    signedBy: JSON.parse(r.signed_by) as string[],
    terms: r.terms,
    contentHash: r.content_hash,
    recordedAt: num(r.recorded_at),
    proposalId: r.proposal_id,
    zones,
  };
}

export function versionToRow(v: AgreementVersion): VersionsTable {
  return {
    id: v.id,
    agreement_id: v.agreementId,
    seq: v.seq,
    label: v.label,
    valid_from: v.validFrom,
    valid_until: v.validUntil,
    signed_by: JSON.stringify(v.signedBy),
    terms: v.terms,
    content_hash: v.contentHash,
    recorded_at: v.recordedAt,
    proposal_id: v.proposalId,
  };
}

/** The columns every reading of an incident starts with (full incidents, map points, report rows). */
export type IncidentCoreRow = Pick<
  IncidentsTable,
  | 'id'
  | 'external_id'
  | 'event_type'
  | 'sub_event_type'
  | 'occurred_from'
  | 'occurred_until'
  | 'lon'
  | 'lat'
>;

export function incidentCoreFromRow(r: IncidentCoreRow) {
  return {
    id: r.id,
    externalId: r.external_id,
    eventType: r.event_type as EventType,
    subEventType: r.sub_event_type,
    occurredFrom: num(r.occurred_from),
    occurredUntil: num(r.occurred_until),
    lon: r.lon,
    lat: r.lat,
  };
}

export function incidentFromRow(r: IncidentsTable): Incident {
  return {
    ...incidentCoreFromRow(r),
    timePrecision: numOrNull(r.time_precision) as Incident['timePrecision'],
    uncertaintyM: r.uncertainty_m,
    geoPrecision: numOrNull(r.geo_precision) as Incident['geoPrecision'],
    actor1: r.actor1,
    actor2: r.actor2,
    fatalities: numOrNull(r.fatalities),
    source: r.source,
    notes: r.notes,
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    admin3: r.admin3,
    location: r.location,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    contentHash: r.content_hash,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
    assessment: assessmentFromRow(r),
    mergedInto: r.merged_into ?? null,
  };
}

/** The assessment columns an incident row carries (combined from its reports). */
export type AssessmentRow = Pick<
  IncidentsTable,
  | 'killed_low'
  | 'killed_best'
  | 'killed_high'
  | 'injured_low'
  | 'injured_best'
  | 'injured_high'
  | 'civilians_killed'
  | 'combatants_killed'
  | 'corroborated'
  | 'report_count'
>;

export function assessmentFromRow(r: AssessmentRow): IncidentAssessment {
  return {
    killed: countFromColumns(r.killed_low, r.killed_best, r.killed_high),
    injured: countFromColumns(r.injured_low, r.injured_best, r.injured_high),
    civiliansKilled: numOrNull(r.civilians_killed),
    combatantsKilled: numOrNull(r.combatants_killed),
    corroborated: num(r.corroborated) === 1,
    reportCount: num(r.report_count),
  };
}

export function incidentToRow(i: Incident): IncidentsTable {
  return {
    id: i.id,
    external_id: i.externalId,
    event_type: i.eventType,
    sub_event_type: i.subEventType,
    occurred_from: i.occurredFrom,
    occurred_until: i.occurredUntil,
    time_precision: i.timePrecision,
    lon: i.lon,
    lat: i.lat,
    uncertainty_m: i.uncertaintyM,
    geo_precision: i.geoPrecision,
    actor1: i.actor1,
    actor2: i.actor2,
    fatalities: i.fatalities,
    source: i.source,
    notes: i.notes,
    country: i.country,
    admin1: i.admin1,
    admin2: i.admin2,
    admin3: i.admin3,
    location: i.location,
    attributes: JSON.stringify(i.attributes),
    content_hash: i.contentHash,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    ...assessmentColumns(i.assessment),
    merged_into: i.mergedInto,
  };
}

export function assessmentColumns(a: IncidentAssessment) {
  return {
    killed_low: a.killed.low,
    killed_best: a.killed.best,
    killed_high: a.killed.high,
    injured_low: a.injured.low,
    injured_best: a.injured.best,
    injured_high: a.injured.high,
    civilians_killed: a.civiliansKilled,
    combatants_killed: a.combatantsKilled,
    corroborated: a.corroborated ? 1 : 0,
    report_count: a.reportCount,
  };
}

/** The values of an incident row in INCIDENT_COLUMNS order, for positional bulk inserts. */
export function incidentRowValues(i: Incident): unknown[] {
  return [
    i.id, i.externalId, i.eventType, i.subEventType, i.occurredFrom, i.occurredUntil, i.timePrecision,
    i.lon, i.lat, i.uncertaintyM, i.geoPrecision, i.actor1, i.actor2, i.fatalities, i.source, i.notes,
    i.country, i.admin1, i.admin2, i.admin3, i.location, JSON.stringify(i.attributes), i.contentHash,
    i.createdAt, i.updatedAt, ...assessmentValues(i.assessment), i.mergedInto,
  ]; // prettier-ignore
}

function assessmentValues(a: IncidentAssessment): unknown[] {
  return [
    a.killed.low, a.killed.best, a.killed.high, a.injured.low, a.injured.best, a.injured.high,
    a.civiliansKilled, a.combatantsKilled, a.corroborated ? 1 : 0, a.reportCount,
  ]; // prettier-ignore
}

export interface ViolationJoinRow {
  incident_id: string;
  agreement_id: string;
  zone_key: string;
  zone_id: string;
  version_id: string;
  certainty: string;
  detected_at: number;
  external_id: string | null;
  label: string;
  zone_name: string;
  zone_kind: string;
  event_type: string;
  sub_event_type: string | null;
  occurred_from: number;
  occurred_until: number;
  lon: number;
  lat: number;
  uncertainty_m: number;
  fatalities: number | null;
  actor1: string | null;
  status: string;
  intent: string | null;
  attributions: string | null;
  status_note: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
}

export function violationFromRow(r: ViolationJoinRow): Violation {
  return {
    incidentId: r.incident_id,
    incidentRef: r.external_id ?? r.incident_id,
    agreementId: r.agreement_id,
    zoneKey: r.zone_key,
    zoneId: r.zone_id,
    versionId: r.version_id,
    versionLabel: r.label,
    zoneName: r.zone_name,
    zoneKind: r.zone_kind as ZoneKind,
    certainty: r.certainty as Certainty,
    eventType: r.event_type as EventType,
    subEventType: r.sub_event_type,
    occurredFrom: num(r.occurred_from),
    occurredUntil: num(r.occurred_until),
    lon: r.lon,
    lat: r.lat,
    uncertaintyM: r.uncertainty_m,
    fatalities: numOrNull(r.fatalities),
    actor1: r.actor1,
    detectedAt: num(r.detected_at),
    status: r.status as ViolationStatus,
    intent: r.intent as Intent | null,
    attributions: r.attributions ? (JSON.parse(r.attributions) as Attribution[]) : [],
    statusNote: r.status_note,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at === null ? null : num(r.reviewed_at),
  };
}
