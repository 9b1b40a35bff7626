// Incidents as struct-of-arrays: what the matching loop reads, with no objects on the hot path.
import type { EventType } from '../domain/event-types.ts';
import {
  KIND_PROHIBITS,
  ruleFamiliesOf,
  type RuleFamily,
  type ZoneKind,
} from '../domain/zone-kinds.ts';

/** Bit set on an incident when zones of that rule family prohibit it (domain/zone-kinds.ts). */
export const RULE_HOSTILITIES = 1;
export const RULE_AIR = 2;
const BIT: Readonly<Record<RuleFamily, number>> = { hostilities: RULE_HOSTILITIES, air: RULE_AIR };

export function ruleBitForKind(kind: ZoneKind): number {
  const family = KIND_PROHIBITS[kind];
  return family === null ? 0 : BIT[family];
}

const masks = new Map<string, number>();

/** The rule families an incident of this type falls under, as bits (memoised per type). */
export function ruleMaskFor(eventType: EventType, subEventType: string | null): number {
  const key = `${eventType}\u0000${subEventType ?? ''}`;
  let mask = masks.get(key);
  if (mask === undefined) {
    mask = 0;
    for (const f of ruleFamiliesOf(eventType, subEventType)) mask |= BIT[f];
    masks.set(key, mask);
  }
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
