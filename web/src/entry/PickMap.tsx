// The map of the entry form: the offline base map with the zones in force at the incident's time,
// and the picked point with its uncertainty disk. A click (or Enter on the focused map, which picks
// its centre) sets the point. `window.__truceline` lets browser tests project coordinates on it.
import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { buildStyle, EMPTY } from '../map/baseStyle.ts';
import { bboxOf, diskPolygon } from '../map/geo.ts';
import { useOverlayMap } from '../map/useOverlayMap.ts';
import { ZONE_FILL_LAYERS, ZONE_SOURCE } from '../map/zoneStyle.ts';

const PICK_SOURCE = 'entry-pick';
export const PICK_POINT_LAYER = 'entry-pick-point';

function pickLayers(): maplibregl.LayerSpecification[] {
  const disk: maplibregl.FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
  return [
    {
      id: 'entry-pick-disk',
      type: 'fill',
      source: PICK_SOURCE,
      filter: disk,
      paint: { 'fill-color': '#c62828', 'fill-opacity': 0.15 },
    },
    {
      id: 'entry-pick-disk-line',
      type: 'line',
      source: PICK_SOURCE,
      filter: disk,
      paint: { 'line-color': '#7a1010', 'line-width': 1.5, 'line-dasharray': [2, 1] },
    },
    {
      id: PICK_POINT_LAYER,
      type: 'circle',
      source: PICK_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 6,
        'circle-color': '#c62828',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** The point and its disk as features (nothing before a point is picked). */
function pickFeatures(point: [number, number] | null, radiusM: number): FeatureCollection {
  if (!point) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: [
      ...(radiusM > 0 ? [diskPolygon(point, radiusM)] : []),
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } },
    ],
  };
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

export interface PickMapProps {
  point: [number, number] | null;
  radiusM: number;
  zones: FeatureCollection;
  /** Where to move the view (a point filled in from a claim); a new object moves it again. */
  focus: { center: [number, number]; radiusM: number } | null;
  onPick: (lon: number, lat: number) => void;
}

export function PickMap(props: PickMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const map = useOverlayMap(container, {
    style: () => {
      const style = buildStyle({ tileUrl: '' });
      style.sources[PICK_SOURCE] = { type: 'geojson', data: EMPTY };
      style.layers.push(...pickLayers());
      return style;
    },
    layers: { zones: ZONE_FILL_LAYERS, incidents: [PICK_POINT_LAYER] },
    attribution: true,
    setup: (m) => {
      m.getCanvas().style.cursor = 'crosshair';
      m.on('click', (e) => latest.current.onPick(round(e.lngLat.lng), round(e.lngLat.lat)));
    },
  });

  useEffect(() => {
    void map?.getSource<maplibregl.GeoJSONSource>(ZONE_SOURCE)?.setData(props.zones);
  }, [map, props.zones]);
  const [lon, lat] = props.point ?? [NaN, NaN];
  useEffect(() => {
    const point: [number, number] | null = Number.isFinite(lon) ? [lon, lat] : null;
    void map
      ?.getSource<maplibregl.GeoJSONSource>(PICK_SOURCE)
      ?.setData(pickFeatures(point, props.radiusM));
  }, [map, lon, lat, props.radiusM]);
  useEffect(() => {
    if (!map || !props.focus) return;
    const { center, radiusM } = props.focus;
    const [w, s, e, n] = bboxOf(diskPolygon(center, Math.max(radiusM, 1000)).geometry.coordinates);
    map.fitBounds([w, s, e, n], { padding: 30, maxZoom: 14, duration: 0 });
  }, [map, props.focus]);

  return (
    <div
      ref={container}
      className="pick-map"
      data-testid="pick-map"
      role="region"
      aria-label="Map: click to set the incident's point, or focus it, move with the arrow keys and press Enter to pick the centre"
      aria-describedby="pick-map-help"
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !map) return;
        e.preventDefault();
        const c = map.getCenter();
        props.onPick(round(c.lng), round(c.lat));
      }}
    />
  );
}
