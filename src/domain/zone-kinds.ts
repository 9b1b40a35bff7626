// Zone kinds and the rule that says which incidents each kind prohibits (DESIGN.md §3).
import { AIR_STRIKE, type EventType } from './event-types.ts';

export const ZONE_KINDS = [
  'ceasefire_area',
  'safe_zone',
  'no_fly_zone',
  'corridor',
  'excluded_area',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

const HOSTILITIES: ReadonlySet<EventType> = new Set<EventType>([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
]);

/** The families of incidents a zone's rule can prohibit: hostilities of any kind, air operations. */
export type RuleFamily = 'hostilities' | 'air';

/**
 * What each zone kind prohibits (DESIGN.md §3): ceasefire areas, safe zones and corridors every
 * hostility; a no-fly zone air operations only (shelling in it is not a violation of it); an
 * excluded area nothing (it carves area out of its version instead).
 */
export const KIND_PROHIBITS: Readonly<Record<ZoneKind, RuleFamily | null>> = {
  ceasefire_area: 'hostilities',
  safe_zone: 'hostilities',
  corridor: 'hostilities',
  no_fly_zone: 'air',
  excluded_area: null,
};

/**
 * The rule families an incident of this type falls under: Battles, Explosions/Remote violence and
 * Violence against civilians are hostilities; an air/drone strike is also an air operation.
 * Protests, riots and strategic developments fall under none, so they are never violations.
 */
export function ruleFamiliesOf(eventType: EventType, subEventType: string | null): RuleFamily[] {
  const out: RuleFamily[] = [];
  if (HOSTILITIES.has(eventType)) out.push('hostilities');
  if (eventType === 'Explosions/Remote violence' && subEventType === AIR_STRIKE) out.push('air');
  return out;
}

/** Whether an incident of this type breaks the rule of a zone of this kind. */
export function prohibits(
  kind: ZoneKind,
  eventType: EventType,
  subEventType: string | null,
): boolean {
  const family = KIND_PROHIBITS[kind];
  return family !== null && ruleFamiliesOf(eventType, subEventType).includes(family);
}
