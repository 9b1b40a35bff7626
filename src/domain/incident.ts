// Normalising an incident input into the one shape the engine and store use.
import { hash } from 'node:crypto';
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

const HASHED_FIELDS: readonly (keyof IncidentDraft)[] = [
  'externalId', 'eventType', 'subEventType', 'occurredFrom', 'occurredUntil', 'timePrecision',
  'lon', 'lat', 'uncertaintyM', 'geoPrecision', 'actor1', 'actor2', 'fatalities', 'source', 'notes',
  'country', 'admin1', 'admin2', 'admin3', 'location',
]; // prettier-ignore

/**
 * What re-import compares: the same content hashes the same, whatever the key order. Fields go
 * in a fixed order (cheaper than canonicalising the whole object, which showed in ingest profiles);
 * attributes, a free-form map, are canonicalised.
 */
export function incidentContentHash(draft: IncidentDraft): string {
  const values: unknown[] = HASHED_FIELDS.map((f) => draft[f]);
  for (const k of Object.keys(draft.attributes).sort()) values.push(k, draft.attributes[k]);
  return sha256Hex(JSON.stringify(values));
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
