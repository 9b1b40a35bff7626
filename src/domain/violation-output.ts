// The public shape of a violation (API JSON, CLI JSON and CSV share it; the CSV writer is
// src/ingest/violation-csv.ts).
import { toIso } from './time-window.ts';
import type { Certainty, Violation } from './types.ts';
import { violationIdOf } from './violation-id.ts';

export interface ViolationJson {
  id: string;
  status: string;
  intent: string | null;
  attributions: { party_id: string; kind: string; evidence: unknown[]; note: string | null }[];
  attributed_to: string;
  status_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  incident_ref: string;
  incident_id: string;
  agreement_id: string;
  version_label: string;
  version_id: string;
  zone_id: string;
  zone_key: string;
  zone_name: string;
  zone_kind: string;
  certainty: Certainty;
  event_type: string;
  sub_event_type: string | null;
  occurred_from: string;
  occurred_until: string;
  lon: number;
  lat: number;
  uncertainty_m: number;
  fatalities: number | null;
  detected_at: string;
}

export function violationToJson(v: Violation): ViolationJson {
  return {
    id: violationIdOf(v),
    status: v.status,
    intent: v.intent,
    attributions: v.attributions.map((a) => ({
      party_id: a.partyId,
      kind: a.kind,
      evidence: a.evidence,
      note: a.note,
    })),
    attributed_to: [...new Set(v.attributions.map((a) => a.partyId))].join('; '),
    status_note: v.statusNote,
    reviewed_by: v.reviewedBy,
    reviewed_at: v.reviewedAt === null ? null : toIso(v.reviewedAt),
    incident_ref: v.incidentRef,
    incident_id: v.incidentId,
    agreement_id: v.agreementId,
    version_label: v.versionLabel,
    version_id: v.versionId,
    zone_id: v.zoneId,
    zone_key: v.zoneKey,
    zone_name: v.zoneName,
    zone_kind: v.zoneKind,
    certainty: v.certainty,
    event_type: v.eventType,
    sub_event_type: v.subEventType,
    occurred_from: toIso(v.occurredFrom),
    occurred_until: toIso(v.occurredUntil),
    lon: v.lon,
    lat: v.lat,
    uncertainty_m: v.uncertaintyM,
    fatalities: v.fatalities,
    detected_at: toIso(v.detectedAt),
  };
}
