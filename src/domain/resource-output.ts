// Public JSON shapes of parties, agreements, versions, zones and incidents (snake_case, ISO times).
import { toIso } from './time-window.ts';
import type { Agreement, AgreementVersion, Incident, Party, Zone } from './types.ts';
import { effectiveWindows, supersededSpans, type EffectiveSpan } from './version-in-force.ts';

export function partyToJson(p: Party) {
  return { id: p.id, name: p.name, capabilities: p.capabilities, created_at: toIso(p.createdAt) };
}

export function agreementToJson(a: Agreement, versions?: AgreementVersion[]) {
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    parties: a.partyIds,
    created_at: toIso(a.createdAt),
    ...(versions && { versions: versionsToJson(versions, false) }),
  };
}

export function zoneToFeature(z: Zone, version?: AgreementVersion) {
  return {
    type: 'Feature' as const,
    id: z.id,
    properties: {
      ...z.properties,
      name: z.name,
      kind: z.kind,
      key: z.key,
      agreement_id: z.agreementId,
      version_id: z.versionId,
      ...(version && {
        version_label: version.label,
        valid_from: toIso(version.validFrom),
        valid_until: version.validUntil === null ? null : toIso(version.validUntil),
      }),
      area_km2: Math.round(z.areaKm2 * 1000) / 1000,
    },
    bbox: z.bbox,
    geometry: z.geometry,
  };
}

export function versionToJson(v: AgreementVersion, withGeometry = true) {
  return {
    id: v.id,
    agreement_id: v.agreementId,
    seq: v.seq,
    label: v.label,
    valid_from: toIso(v.validFrom),
    valid_until: v.validUntil === null ? null : toIso(v.validUntil),
    signed_by: v.signedBy,
    terms: v.terms,
    content_hash: v.contentHash,
    recorded_at: toIso(v.recordedAt),
    proposal_id: v.proposalId,
    zones: withGeometry
      ? { type: 'FeatureCollection' as const, features: v.zones.map((z) => zoneToFeature(z, v)) }
      : v.zones.map((z) => ({
          id: z.id,
          key: z.key,
          name: z.name,
          kind: z.kind,
          area_km2: z.areaKm2,
        })),
  };
}

const spanToJson = (s: EffectiveSpan) => ({
  from: toIso(s.from),
  until: s.until === null ? null : toIso(s.until),
});

/**
 * Versions of one agreement as the API shows them: each with its effective window (the spans in
 * which it is the version in force) and the spans of its own window in which a later version
 * replaces it (domain/version-in-force.ts).
 */
export function versionsToJson(versions: readonly AgreementVersion[], withGeometry = true) {
  const effective = effectiveWindows(versions);
  return versions.map((v, i) => ({
    ...versionToJson(v, withGeometry),
    effective_windows: effective[i]!.map(spanToJson),
    superseded_windows: supersededSpans(v, effective[i]!).map(spanToJson),
  }));
}

export function incidentToJson(i: Incident) {
  return {
    id: i.id,
    external_id: i.externalId,
    event_type: i.eventType,
    sub_event_type: i.subEventType,
    occurred_from: toIso(i.occurredFrom),
    occurred_until: toIso(i.occurredUntil),
    instant: i.occurredFrom === i.occurredUntil,
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
    attributes: i.attributes,
    casualties: {
      killed: i.assessment.killed,
      injured: i.assessment.injured,
      civilians_killed: i.assessment.civiliansKilled,
      combatants_killed: i.assessment.combatantsKilled,
    },
    corroborated: i.assessment.corroborated,
    report_count: i.assessment.reportCount,
    merged_into: i.mergedInto,
    created_at: toIso(i.createdAt),
    updated_at: toIso(i.updatedAt),
  };
}
