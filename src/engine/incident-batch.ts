// Incidents as struct-of-arrays: what the matching loop reads, with no objects on the hot path.
import { AIR_STRIKE, type EventType } from '../domain/event-types.ts';
import type { ZoneKind } from '../domain/zone-kinds.ts';

/** Bit set on an incident when zones of that rule family prohibit it. */
export const RULE_HOSTILITIES = 1;
export const RULE_AIR = 2;

export function ruleBitForKind(kind: ZoneKind): number {
  switch (kind) {
    case 'ceasefire_area':
    case 'safe_zone':
    case 'corridor':
      return RULE_HOSTILITIES;
    case 'no_fly_zone':
      return RULE_AIR;
    case 'excluded_area':
      return 0;
  }
}

/** The rule families an incident of this type falls under (mirrors domain `prohibits`). */
export function ruleMaskFor(eventType: EventType, subEventType: string | null): number {
  let mask = 0;
  if (
    eventType === 'Battles' ||
    eventType === 'Explosions/Remote violence' ||
    eventType === 'Violence against civilians'
  )
    mask |= RULE_HOSTILITIES;
  if (eventType === 'Explosions/Remote violence' && subEventType === AIR_STRIKE) mask |= RULE_AIR;
  return mask;
}

export interface IncidentBatch {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  radiusM: Float64Array;
  from: Float64Array;
  until: Float64Array;
  ruleMask: Uint8Array;
}

export interface IncidentLike {
  lon: number;
  lat: number;
  uncertaintyM: number;
  occurredFrom: number;
  occurredUntil: number;
  eventType: EventType;
  subEventType: string | null;
}

export function batchOf(incidents: readonly IncidentLike[]): IncidentBatch {
  const n = incidents.length;
  const batch: IncidentBatch = {
    count: n,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    radiusM: new Float64Array(n),
    from: new Float64Array(n),
    until: new Float64Array(n),
    ruleMask: new Uint8Array(n),
  };
  incidents.forEach((inc, i) => {
    batch.lon[i] = inc.lon;
    batch.lat[i] = inc.lat;
    batch.radiusM[i] = inc.uncertaintyM;
    batch.from[i] = inc.occurredFrom;
    batch.until[i] = inc.occurredUntil;
    batch.ruleMask[i] = ruleMaskFor(inc.eventType, inc.subEventType);
  });
  return batch;
}
