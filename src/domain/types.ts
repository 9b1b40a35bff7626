// The domain records (DESIGN.md §3) as the rest of the system sees them. Times are epoch ms, UTC.
import type { MultiPolygon, Polygon } from 'geojson';
import type { EventType } from './event-types.ts';
import type { ZoneKind } from './zone-kinds.ts';
import type { IncidentAssessment } from './report.ts';
import type { Attribution, Intent, ViolationStatus } from './violation-review.ts';

export type Certainty = 'certain' | 'possible';

export interface Party {
  id: string;
  name: string;
  capabilities: string[];
  createdAt: number;
}

export interface Agreement {
  id: string;
  title: string;
  description: string | null;
  partyIds: string[];
  createdAt: number;
}

export interface Zone {
  id: string;
  agreementId: string;
  versionId: string;
  /** Stable across versions: the feature id, or the zone name. */
  key: string;
  name: string;
  kind: ZoneKind;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  areaKm2: number;
  properties: Record<string, unknown>;
}

export interface AgreementVersion {
  id: string;
  agreementId: string;
  /** Order of recording within the agreement, from 1. */
  seq: number;
  label: string;
  validFrom: number;
  /** null = open-ended. */
  validUntil: number | null;
  signedBy: string[];
  terms: string | null;
  /** SHA-256 of the canonical JSON of the version's content; re-import compares it. */
  contentHash: string;
  recordedAt: number;
  /** The proposal whose signatures made this version, when it was signed in Truceline. */
  proposalId: string | null;
  zones: Zone[];
}

/** An incident as normalised from any intake path, before it has an id. */
export interface IncidentDraft {
  externalId: string | null;
  eventType: EventType;
  subEventType: string | null;
  /** [occurredFrom, occurredUntil) in ms; an instant has both equal. */
  occurredFrom: number;
  occurredUntil: number;
  timePrecision: 1 | 2 | 3 | null;
  lon: number;
  lat: number;
  /** Radius of the disk the incident lies in; 0 = exact point. */
  uncertaintyM: number;
  geoPrecision: 1 | 2 | 3 | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number | null;
  source: string | null;
  notes: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  /** Columns of the source format that have no field of their own (kept for export). */
  attributes: Record<string, string>;
}

export interface Incident extends IncidentDraft {
  id: string;
  contentHash: string;
  createdAt: number;
  updatedAt: number;
  /** Casualties and corroboration combined from the incident's reports. */
  assessment: IncidentAssessment;
  /** Set when an analyst merged this incident into another (a duplicate); it then counts no more. */
  mergedInto: string | null;
}

/** The stored result of matching: one per (incident, agreement, zone key). */
export interface ViolationRecord {
  incidentId: string;
  agreementId: string;
  zoneKey: string;
  zoneId: string;
  versionId: string;
  certainty: Certainty;
}

/** A violation with what a reader needs to understand it. */
export interface Violation extends ViolationRecord {
  incidentRef: string;
  versionLabel: string;
  zoneName: string;
  zoneKind: ZoneKind;
  eventType: EventType;
  subEventType: string | null;
  occurredFrom: number;
  occurredUntil: number;
  lon: number;
  lat: number;
  uncertaintyM: number;
  fatalities: number | null;
  actor1: string | null;
  detectedAt: number;
  status: ViolationStatus;
  intent: Intent | null;
  attributions: Attribution[];
  statusNote: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
}

export interface ViolationFilter {
  agreementId?: string | undefined;
  /** A zone id or a zone key. */
  zone?: string | undefined;
  certainty?: Certainty | undefined;
  /** Incidents whose time span overlaps [from, until). */
  from?: number | undefined;
  until?: number | undefined;
  bbox?: [number, number, number, number] | undefined;
  incidentId?: string | undefined;
  /** Exactly one violation. */
  key?: { incidentId: string; agreementId: string; zoneKey: string } | undefined;
  /** Default: every status except superseded. */
  statuses?: readonly ViolationStatus[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface IncidentFilter {
  from?: number | undefined;
  until?: number | undefined;
  bbox?: [number, number, number, number] | undefined;
  eventType?: EventType | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}
