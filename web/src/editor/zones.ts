// The zones being edited: where they came from, their stable keys, and the proposal's
// FeatureCollection. A zone keeps the key (and the extra properties) it has in the version it was
// loaded from, so the proposal's diff shows it unchanged or changed — never removed and re-added.
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { ZoneFeature, ZoneKind } from '../types.ts';
import type { ProposalZone } from './editorTypes.ts';

export type ZoneOrigin = 'version' | 'proposal' | 'drawn' | 'neighbourhood';

export interface EditorZone {
  /** The feature id in the proposal (zoneKeyOf on the server); never changes. */
  key: string;
  name: string;
  kind: ZoneKind;
  /** Properties other than name and kind, kept as loaded (sources, P-codes). */
  extras: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
  origin: ZoneOrigin;
  /** False when the outline cannot be edited on the map (holes); it is kept as it is. */
  editable: boolean;
}

/** What the API adds to a zone's own properties when it serves a version. */
const SERVED = new Set([
  'name',
  'kind',
  'key',
  'agreement_id',
  'version_id',
  'version_label',
  'valid_from',
  'valid_until',
  'area_km2',
  'zone_id',
]);

export const partsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

export const hasHoles = (g: Polygon | MultiPolygon) => partsOf(g).some((p) => p.length > 1);

export function geometryOf(parts: Position[][][]): Polygon | MultiPolygon {
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

export function zonesFromVersion(features: readonly ZoneFeature[]): EditorZone[] {
  return features.map((f) => {
    const extras = Object.fromEntries(Object.entries(f.properties).filter(([k]) => !SERVED.has(k)));
    return {
      key: f.properties.key,
      name: f.properties.name,
      kind: f.properties.kind,
      extras,
      geometry: f.geometry,
      origin: 'version',
      editable: !hasHoles(f.geometry),
    };
  });
}

export function zonesFromProposal(
  features: readonly {
    id?: string | number;
    properties: Record<string, unknown> & { name: string; kind: string };
    geometry: Polygon | MultiPolygon;
  }[],
): EditorZone[] {
  return features.map((f) => {
    const { name, kind, ...extras } = f.properties;
    return {
      key: String(f.id ?? name),
      name,
      kind: kind as ZoneKind,
      extras,
      geometry: f.geometry,
      origin: 'proposal',
      editable: !hasHoles(f.geometry),
    };
  });
}

/** A new key: the name as a slug and a random tail, so keys are never reused within an agreement. */
export function newZoneKey(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'zone';
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(4));
    const tail = Array.from(bytes, (b) => (b % 36).toString(36)).join('');
    const key = `${slug}-${tail}`;
    if (!taken.has(key)) return key;
  }
}

export function toProposalZones(zones: readonly EditorZone[]): ProposalZone[] {
  return zones.map((z) => ({
    type: 'Feature',
    id: z.key,
    properties: { ...z.extras, name: z.name.trim(), kind: z.kind },
    geometry: z.geometry,
  }));
}

/** The next free `vN` label after every version and proposal label of the agreement. */
export function nextLabel(labels: readonly string[]): string {
  const n = labels.reduce((max, l) => {
    const m = /^v(\d+)$/i.exec(l);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  const taken = new Set(labels.map((l) => l.toLowerCase()));
  let k = n + 1;
  while (taken.has(`v${k}`)) k++;
  return `v${k}`;
}

export type ZoneAction =
  | { type: 'load'; zones: EditorZone[] }
  | { type: 'add'; zone: EditorZone }
  | { type: 'rename'; key: string; name: string }
  | { type: 'kind'; key: string; kind: ZoneKind }
  | { type: 'remove'; key: string }
  | { type: 'geometry'; key: string; geometry: Polygon | MultiPolygon }
  | { type: 'fixed'; key: string };

export interface ZoneState {
  zones: EditorZone[];
  /** Whether anything was changed since the last load. */
  dirty: boolean;
}

export function zoneReducer(state: ZoneState, action: ZoneAction): ZoneState {
  const edit = (key: string, change: (z: EditorZone) => EditorZone): ZoneState => ({
    zones: state.zones.map((z) => (z.key === key ? change(z) : z)),
    dirty: true,
  });
  switch (action.type) {
    case 'load':
      return { zones: action.zones, dirty: false };
    case 'add':
      return { zones: [...state.zones, action.zone], dirty: true };
    case 'rename':
      return edit(action.key, (z) => ({ ...z, name: action.name }));
    case 'kind':
      return edit(action.key, (z) => ({ ...z, kind: action.kind }));
    case 'remove':
      return { zones: state.zones.filter((z) => z.key !== action.key), dirty: true };
    case 'geometry':
      return edit(action.key, (z) => ({ ...z, geometry: action.geometry }));
    case 'fixed':
      // The map could not take the outline: it is kept as it is, not editable.
      return {
        ...state,
        zones: state.zones.map((z) => (z.key === action.key ? { ...z, editable: false } : z)),
      };
  }
}

/** Zones as plain GeoJSON (name and kind) for the map's own layers. */
export function asFeatures(zones: readonly EditorZone[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      properties: { name: z.name, kind: z.kind },
      geometry: z.geometry,
    })),
  };
}
