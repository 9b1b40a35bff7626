// The map diff of a proposal: the offline base map (as on the Map screen) with the version in force
// and the proposal overlaid: added zones green, removed red and dashed, changed amber (new outline
// solid, old outline dashed), unchanged grey. `window.__truceline` lets browser tests query it.
import * as maplibregl from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildStyle } from '../map/baseStyle.ts';
import { bboxOf, type BBox } from '../map/geo.ts';
import { useOverlayMap } from '../map/useOverlayMap.ts';
import type { ProposalDetail, VersionWithZones } from '../types.ts';

export type ZoneChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export const DIFF_COLOURS: Record<ZoneChangeKind, string> = {
  added: '#1b8a3a',
  removed: '#c62828',
  changed: '#d98a00',
  unchanged: '#8a8a8a',
};

const DIFF_SOURCE = 'proposal-diff';
export const DIFF_FILL_LAYER = 'proposal-diff-fill';
export const DIFF_SOLID_LAYER = 'proposal-diff-line-solid';
export const DIFF_DASHED_LAYER = 'proposal-diff-line-dashed';
export const DIFF_LAYERS = [DIFF_FILL_LAYER, DIFF_SOLID_LAYER, DIFF_DASHED_LAYER];

type DiffFeature = Feature<
  Polygon | MultiPolygon,
  { key: string; name: string; change: ZoneChangeKind; side: 'before' | 'after' }
>;

/** The diff as features: one per proposed zone (after) and one per removed or changed old zone. */
export function diffFeatures(
  proposal: ProposalDetail,
  base: VersionWithZones | null,
): FeatureCollection<Polygon | MultiPolygon> {
  const { added, removed, changed } = proposal.diff.zones;
  const addedKeys = new Set(added.map((z) => z.key));
  const removedKeys = new Set(removed.map((z) => z.key));
  const changedKeys = new Set(changed.map((z) => z.key));
  const features: DiffFeature[] = [];
  for (const f of proposal.content.zones.features) {
    const key = String(f.id ?? f.properties.name);
    const change: ZoneChangeKind = addedKeys.has(key)
      ? 'added'
      : changedKeys.has(key)
        ? 'changed'
        : 'unchanged';
    features.push({
      type: 'Feature',
      properties: { key, name: f.properties.name, change, side: 'after' },
      geometry: f.geometry,
    });
  }
  for (const f of base?.zones.features ?? []) {
    const key = f.properties.key;
    const change = removedKeys.has(key) ? 'removed' : changedKeys.has(key) ? 'changed' : null;
    if (!change) continue;
    features.push({
      type: 'Feature',
      properties: { key, name: f.properties.name, change, side: 'before' },
      geometry: f.geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

const colourBy = [
  'match',
  ['get', 'change'],
  'added',
  DIFF_COLOURS.added,
  'removed',
  DIFF_COLOURS.removed,
  'changed',
  DIFF_COLOURS.changed,
  DIFF_COLOURS.unchanged,
] as unknown as string;

function diffLayers(): maplibregl.LayerSpecification[] {
  // Old outlines (removed zones, and changed zones before the change) are dashed; the rest solid.
  const dashed = [
    'any',
    ['==', ['get', 'change'], 'removed'],
    ['all', ['==', ['get', 'change'], 'changed'], ['==', ['get', 'side'], 'before']],
  ] as maplibregl.FilterSpecification;
  return [
    {
      id: DIFF_FILL_LAYER,
      type: 'fill',
      source: DIFF_SOURCE,
      filter: ['==', ['get', 'side'], 'after'],
      paint: { 'fill-color': colourBy, 'fill-opacity': 0.22 },
    },
    {
      id: DIFF_SOLID_LAYER,
      type: 'line',
      source: DIFF_SOURCE,
      filter: ['!', dashed] as maplibregl.FilterSpecification,
      paint: { 'line-color': colourBy, 'line-width': 2.5 },
    },
    {
      id: DIFF_DASHED_LAYER,
      type: 'line',
      source: DIFF_SOURCE,
      filter: dashed,
      paint: { 'line-color': colourBy, 'line-width': 2.5, 'line-dasharray': [3, 2] },
    },
  ];
}

export function ProposalMap(props: { features: FeatureCollection<Polygon | MultiPolygon> }) {
  const container = useRef<HTMLDivElement>(null);
  const bounds = useMemo((): BBox | null => {
    if (props.features.features.length === 0) return null;
    const b = bboxOf(props.features.features.map((f) => f.geometry.coordinates));
    return b[0] <= b[2] ? b : null;
  }, [props.features]);

  const map = useOverlayMap(container, {
    style: () => {
      const style = buildStyle({ tileUrl: '' });
      style.sources[DIFF_SOURCE] = {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      };
      style.layers.push(...diffLayers());
      return style;
    },
    layers: { zones: DIFF_LAYERS, incidents: [] },
  });

  useEffect(() => {
    if (!map) return;
    void map.getSource<maplibregl.GeoJSONSource>(DIFF_SOURCE)?.setData(props.features);
    if (bounds) map.fitBounds(bounds, { padding: 40, maxZoom: 12, duration: 0 });
  }, [map, props.features, bounds]);

  return (
    <div
      ref={container}
      className="proposal-map"
      data-testid="proposal-map"
      role="region"
      aria-label="Map of the zones the proposal adds, removes or changes against the version in force"
    />
  );
}
