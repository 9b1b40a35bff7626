// The map style: an offline base map (countries, Syrian governorates and their names) from
// /api/v1/map/basemap as GeoJSON sources, or optional online tiles (a {z}/{x}/{y} raster template
// or a MapLibre style URL) from the settings; then the zone and incident overlays on top.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { HOVER_SOURCE, INCIDENT_SOURCE, incidentLayers } from './incidentStyle.ts';
import { SELECTED_ZONE_SOURCE, ZONE_SOURCE, zoneLabelLayer, zoneLayers } from './zoneStyle.ts';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
export const COUNTRIES_SOURCE = 'base-countries';
export const ADMIN1_SOURCE = 'base-syria-admin1';

/** The offline base map's colours and line widths (the map style and its preview share them). */
export const BASE = {
  sea: '#c9dfea',
  land: '#f3f0e8',
  landOutline: '#b9b2a3',
  border: '#8d8474',
  borderWidth: 1.2,
  admin1: '#a39b8b',
  admin1Width: 0.8,
  admin1Dash: [3, 2],
};

const geojson = (data: FeatureCollection = EMPTY): SourceSpecification => ({
  type: 'geojson',
  data,
});

const nameOf = [
  'coalesce',
  ['get', 'name'],
  ['get', 'name_en'],
  ['get', 'ADM1_EN'],
  ['get', 'NAME_EN'],
  ['get', 'admin1Name_en'],
  '',
] as unknown as string;

function offlineLayers(withLand: boolean): LayerSpecification[] {
  return [
    ...(withLand
      ? ([
          { id: 'sea', type: 'background', paint: { 'background-color': BASE.sea } },
          {
            id: 'land',
            type: 'fill',
            source: COUNTRIES_SOURCE,
            paint: { 'fill-color': BASE.land, 'fill-outline-color': BASE.landOutline },
          },
        ] as LayerSpecification[])
      : []),
    {
      id: 'country-borders',
      type: 'line',
      source: COUNTRIES_SOURCE,
      paint: { 'line-color': BASE.border, 'line-width': BASE.borderWidth },
    },
    {
      id: 'syria-admin1-lines',
      type: 'line',
      source: ADMIN1_SOURCE,
      paint: {
        'line-color': BASE.admin1,
        'line-width': BASE.admin1Width,
        'line-dasharray': BASE.admin1Dash,
      },
    },
  ];
}

function admin1Labels(): LayerSpecification {
  return {
    id: 'syria-admin1-labels',
    type: 'symbol',
    source: ADMIN1_SOURCE,
    maxzoom: 11,
    layout: {
      'text-field': nameOf,
      'text-font': ['sans-serif'],
      'text-size': 11,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.08,
    },
    paint: { 'text-color': '#7d7565', 'text-halo-color': '#f3f0e8', 'text-halo-width': 1.2 },
  };
}

/** What the settings may hold: nothing (offline), a raster tile template, or a style URL. */
export function tileKind(url: string): 'offline' | 'raster' | 'style' {
  if (!url.trim()) return 'offline';
  return /\{z\}/.test(url) ? 'raster' : 'style';
}

/**
 * The full style. `remote` is a fetched MapLibre style (for a style URL) whose sources and layers go
 * underneath ours; `basemap` the offline GeoJSON (drawn as land only when there are no tiles).
 */
export function buildStyle(opts: {
  tileUrl: string;
  remote?: StyleSpecification | null;
  basemap?: { countries: FeatureCollection; syria_admin1: FeatureCollection } | null;
  attribution?: string;
  /** Text layers start hidden (the caller shows them after the first paint: see textLayers). */
  labelsHidden?: boolean;
}): StyleSpecification {
  const kind = tileKind(opts.tileUrl);
  const base: StyleSpecification = opts.remote ?? { version: 8, sources: {}, layers: [] };
  const sources: Record<string, SourceSpecification> = {
    ...base.sources,
    [COUNTRIES_SOURCE]: {
      ...geojson(opts.basemap?.countries),
      ...(opts.attribution && { attribution: opts.attribution }),
    } as SourceSpecification,
    [ADMIN1_SOURCE]: geojson(opts.basemap?.syria_admin1),
    [ZONE_SOURCE]: {
      ...geojson(),
      attribution: 'Zones: agreements recorded in Truceline (boundaries UN OCHA COD-AB, CC BY-IGO)',
    } as SourceSpecification,
    [SELECTED_ZONE_SOURCE]: geojson(),
    [INCIDENT_SOURCE]: geojson(),
    [HOVER_SOURCE]: geojson(),
  };
  const under: LayerSpecification[] = [...base.layers];
  if (kind === 'raster') {
    sources['online-tiles'] = { type: 'raster', tiles: [opts.tileUrl], tileSize: 256 };
    under.push({ id: 'online-tiles', type: 'raster', source: 'online-tiles' });
  }
  return {
    ...base,
    version: 8,
    sources,
    layers: [
      ...under,
      ...[
        ...offlineLayers(kind === 'offline'),
        ...zoneLayers(),
        ...incidentLayers(),
        admin1Labels(),
        zoneLabelLayer(),
      ].map((l) => (opts.labelsHidden && l.type === 'symbol' ? hide(l) : l)),
    ],
  };
}

/**
 * Our text layers (names, cluster counts, certainty glyphs). Laying out glyphs locally (offline, no
 * glyph server) is the costliest part of a first frame in software WebGL — about half of it — so
 * the map view draws zones and incidents first and shows the text once they are in
 * (docs/performance.md).
 */
export const textLayers = (style: StyleSpecification): string[] =>
  style.layers.filter((l) => l.type === 'symbol' && l.id !== undefined).map((l) => l.id);

const hide = (layer: LayerSpecification): LayerSpecification =>
  ({
    ...layer,
    layout: { ...('layout' in layer ? layer.layout : {}), visibility: 'none' },
  }) as LayerSpecification;
