// ACLED's event taxonomy (the reference DESIGN.md names): event types and their sub-event types.
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SUB_EVENT_TYPES: Record<EventType, readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

export const AIR_STRIKE = 'Air/drone strike';

/** Small integer codes so the engine can keep event types in typed arrays. */
export function eventTypeCode(type: EventType): number {
  return EVENT_TYPES.indexOf(type);
}

/** Case-insensitive lookup that tolerates the spacing variants found in real exports. */
export function parseEventType(value: string): EventType | undefined {
  const norm = value
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/');
  return EVENT_TYPES.find((t) => t.toLowerCase() === norm);
}

export function parseSubEventType(type: EventType, value: string): string | undefined {
  const norm = value
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/');
  return SUB_EVENT_TYPES[type].find((s) => s.toLowerCase() === norm);
}
