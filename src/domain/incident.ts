// Normalising an incident input into the one shape the engine and store use.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventType } from './event-types.ts';
import { DEFAULT_GEO_PRECISION_RADII_M, type GeoPrecisionRadii } from './geo-precision.ts';
import type { IncidentInput } from './schemas.ts';
import { parseIsoDay, spanForDayPrecision } from './time-window.ts';
import type { IncidentDraft } from './types.ts';
import { parseSubEventType } from './event-types.ts';

export function incidentDraftFromInput(
  input: IncidentInput,
  radii: GeoPrecisionRadii = DEFAULT_GEO_PRECISION_RADII_M,
): IncidentDraft {
  let from: number;
  let until: number;
  let timePrecision: 1 | 2 | 3 | null = null;
  if (input.occurred_at) {
    from = until = Date.parse(input.occurred_at);
  } else if (input.occurred_from && input.occurred_until) {
    from = Date.parse(input.occurred_from);
    until = Date.parse(input.occurred_until);
  } else {
    timePrecision = input.time_precision ?? 1;
    const span = spanForDayPrecision(parseIsoDay(input.occurred_on ?? '') ?? NaN, timePrecision);
    from = span.from;
    until = span.until;
  }
  const geoPrecision = input.geo_precision ?? null;
  const uncertaintyM = input.uncertainty_m ?? (geoPrecision !== null ? radii[geoPrecision] : 0);
  const eventType = input.event_type as EventType;
  return {
    externalId: input.external_id ?? null,
    eventType,
    subEventType: input.sub_event_type
      ? (parseSubEventType(eventType, input.sub_event_type) ?? null)
      : null,
    occurredFrom: from,
    occurredUntil: until,
    timePrecision,
    lon: input.lon,
    lat: input.lat,
    uncertaintyM,
    geoPrecision,
    actor1: input.actor1 ?? null,
    actor2: input.actor2 ?? null,
    fatalities: input.fatalities ?? null,
    source: input.source ?? null,
    notes: input.notes ?? null,
    country: input.country ?? null,
    admin1: input.admin1 ?? null,
    admin2: input.admin2 ?? null,
    admin3: input.admin3 ?? null,
    location: input.location ?? null,
    attributes: {},
  };
}

/** What re-import compares: the same content hashes the same, whatever the key order. */
export function incidentContentHash(draft: IncidentDraft): string {
  return sha256Hex(canonicalize(draft) ?? '');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
