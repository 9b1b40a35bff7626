// The boundary layer under the zone editor: OCHA's Aleppo neighbourhoods when the view is zoomed
// into the city, Syria's districts otherwise, drawn as thin lines and snapped to (snap.ts); and
// the neighbourhood under a pointer, whose exact outline can become a zone.
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';
import { bboxOf, type BBox } from '../map/geo.ts';
import { editorApi } from './editorApi.ts';
import type { BoundaryCollection, BoundaryLayer } from './editorTypes.ts';
import { SnapIndex } from './snap.ts';

const NEIGHBOURHOOD_SOURCE = 'editor-neighbourhoods';
const DISTRICT_SOURCE = 'editor-districts';
const NEIGHBOURHOOD_FILL = 'editor-neighbourhoods-fill';
const NEIGHBOURHOOD_HOVER = 'editor-neighbourhoods-hover';
const NEIGHBOURHOOD_LINE = 'editor-neighbourhoods-line';
const NEIGHBOURHOOD_LABEL = 'editor-neighbourhoods-label';
const DISTRICT_LINE = 'editor-districts-line';

/** Below this zoom, or away from Aleppo, the districts are the boundary layer. */
const NEIGHBOURHOOD_MIN_ZOOM = 11;

export interface Boundaries {
  neighbourhoods: BoundaryCollection;
  districts: BoundaryCollection;
  neighbourhoodBounds: BBox;
  snap: Record<ShownBoundary, SnapIndex>;
}

export function useBoundaries(): { data: Boundaries | null; error: string | null } {
  const [state, setState] = useState<{ data: Boundaries | null; error: string | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    Promise.all([
      editorApi.boundaries('aleppo_neighbourhoods'),
      editorApi.boundaries('syria_admin2'),
    ])
      .then(([neighbourhoods, districts]) => {
        if (!live) return;
        setState({
          data: {
            neighbourhoods,
            districts,
            neighbourhoodBounds: bboxOf(neighbourhoods.features.map((f) => f.geometry.coordinates)),
            snap: {
              aleppo_neighbourhoods: new SnapIndex(neighbourhoods),
              syria_admin2: new SnapIndex(districts),
            },
          },
          error: null,
        });
      })
      .catch(
        (e: unknown) =>
          live &&
          setState({ data: null, error: `Boundaries could not be loaded: ${errorMessage(e)}` }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The sources and layers, drawn over the base map and under the zones. */
export function boundaryStyle(): {
  sources: Record<string, maplibregl.SourceSpecification>;
  layers: maplibregl.LayerSpecification[];
} {
  const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } };
  return {
    sources: {
      [NEIGHBOURHOOD_SOURCE]: {
        ...empty,
        attribution: 'Neighbourhoods and districts: UN OCHA COD-AB (2016), CC BY-IGO',
      } as maplibregl.SourceSpecification,
      [DISTRICT_SOURCE]: empty as maplibregl.SourceSpecification,
    },
    layers: [
      {
        id: DISTRICT_LINE,
        type: 'line',
        source: DISTRICT_SOURCE,
        paint: { 'line-color': '#6d6a8a', 'line-width': 0.8, 'line-opacity': 0.8 },
      },
      {
        // Transparent: it is what a click or hover on a neighbourhood finds.
        id: NEIGHBOURHOOD_FILL,
        type: 'fill',
        source: NEIGHBOURHOOD_SOURCE,
        paint: { 'fill-color': '#4a4a8a', 'fill-opacity': 0 },
      },
      {
        id: NEIGHBOURHOOD_HOVER,
        type: 'fill',
        source: NEIGHBOURHOOD_SOURCE,
        filter: ['==', ['get', 'pcode'], ''],
        paint: { 'fill-color': '#4a4a8a', 'fill-opacity': 0.18 },
      },
      {
        id: NEIGHBOURHOOD_LINE,
        type: 'line',
        source: NEIGHBOURHOOD_SOURCE,
        paint: { 'line-color': '#4a4a8a', 'line-width': 0.9, 'line-opacity': 0.85 },
      },
      {
        id: NEIGHBOURHOOD_LABEL,
        type: 'symbol',
        source: NEIGHBOURHOOD_SOURCE,
        minzoom: 13,
        layout: {
          'text-field': ['get', 'name_en'],
          'text-font': ['sans-serif'],
          'text-size': 10,
          'text-max-width': 8,
        },
        paint: { 'text-color': '#3c3c6e', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}

function setBoundaryData(map: maplibregl.Map, b: Boundaries): void {
  map.getSource<maplibregl.GeoJSONSource>(NEIGHBOURHOOD_SOURCE)?.setData(b.neighbourhoods);
  map.getSource<maplibregl.GeoJSONSource>(DISTRICT_SOURCE)?.setData(b.districts);
}

/** Which layer the view shows (and snaps to): neighbourhoods once zoomed into Aleppo. */
function activeBoundary(map: maplibregl.Map, b: Boundaries): ShownBoundary {
  const v = map.getBounds();
  const [w, s, e, n] = b.neighbourhoodBounds;
  const overlaps = v.getWest() < e && v.getEast() > w && v.getSouth() < n && v.getNorth() > s;
  return map.getZoom() >= NEIGHBOURHOOD_MIN_ZOOM && overlaps
    ? 'aleppo_neighbourhoods'
    : 'syria_admin2';
}

function showBoundary(map: maplibregl.Map, layer: BoundaryLayer): void {
  const on = (id: string, visible: boolean) =>
    map.getLayer(id) && map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  const city = layer === 'aleppo_neighbourhoods';
  for (const id of [
    NEIGHBOURHOOD_FILL,
    NEIGHBOURHOOD_HOVER,
    NEIGHBOURHOOD_LINE,
    NEIGHBOURHOOD_LABEL,
  ])
    on(id, city);
  on(DISTRICT_LINE, !city);
}

function highlightNeighbourhood(map: maplibregl.Map, pcode: string | null): void {
  if (map.getLayer(NEIGHBOURHOOD_HOVER))
    map.setFilter(NEIGHBOURHOOD_HOVER, ['==', ['get', 'pcode'], pcode ?? '']);
}

/** The pcode of the neighbourhood under a screen point, if the neighbourhoods are shown. */
function neighbourhoodAt(map: maplibregl.Map, point: maplibregl.PointLike): string | null {
  if (!map.getLayer(NEIGHBOURHOOD_FILL)) return null;
  const hit = map.queryRenderedFeatures(point, { layers: [NEIGHBOURHOOD_FILL] })[0];
  return hit ? String(hit.properties.pcode) : null;
}

export type ShownBoundary = 'aleppo_neighbourhoods' | 'syria_admin2';

/** Puts the layers' data into the map and keeps the shown layer in step with the view. */
export function useShownBoundary(map: maplibregl.Map | null, b: Boundaries | null): ShownBoundary {
  const [layer, setLayer] = useState<ShownBoundary>('syria_admin2');
  useEffect(() => {
    if (!map || !b) return;
    setBoundaryData(map, b);
    const follow = () => {
      const l = activeBoundary(map, b);
      showBoundary(map, l);
      setLayer(l);
    };
    follow();
    map.on('moveend', follow);
    return () => {
      map.off('moveend', follow);
    };
  }, [map, b]);
  return layer;
}

/** While `enabled`, hovering highlights a neighbourhood and a click gives its pcode (or null). */
export function useNeighbourhoodPick(
  map: maplibregl.Map | null,
  enabled: boolean,
  onPick: (pcode: string | null) => void,
): void {
  const latest = useRef(onPick);
  latest.current = onPick;
  useEffect(() => {
    if (!map || !enabled) return;
    const move = (e: maplibregl.MapMouseEvent) => {
      const pcode = neighbourhoodAt(map, e.point);
      highlightNeighbourhood(map, pcode);
      map.getCanvas().style.cursor = pcode ? 'copy' : '';
    };
    const click = (e: maplibregl.MapMouseEvent) => latest.current(neighbourhoodAt(map, e.point));
    map.on('mousemove', move);
    map.on('click', click);
    return () => {
      map.off('mousemove', move);
      map.off('click', click);
      highlightNeighbourhood(map, null);
      map.getCanvas().style.cursor = '';
    };
  }, [map, enabled]);
}
