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

/**
 * Whether an incident of this type breaks the rule of a zone of this kind.
 * Protests, riots and strategic developments are never violations; an excluded area
 * prohibits nothing (it carves area out of its version instead).
 */
export function prohibits(
  kind: ZoneKind,
  eventType: EventType,
  subEventType: string | null,
): boolean {
  switch (kind) {
    case 'ceasefire_area':
    case 'safe_zone':
    case 'corridor':
      return HOSTILITIES.has(eventType);
    case 'no_fly_zone':
      return eventType === 'Explosions/Remote violence' && subEventType === AIR_STRIKE;
    case 'excluded_area':
      return false;
  }
}
