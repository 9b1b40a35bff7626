// The zone editor's map: the offline base map (or the raster tiles chosen in the map settings),
// the boundary layer, outlines the map cannot edit (drawn like the live map's zones), every zone's
// name, and — added by useDraw — terra-draw's editable outlines on top. `window.__truceline` lets
// browser tests query what MapLibre renders.
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import { buildStyle, tileKind } from '../map/baseStyle.ts';
import { loadTileUrl } from '../map/Settings.tsx';
import { useOverlayMap } from '../map/useOverlayMap.ts';
import {
  ZONE_FILL_LAYERS,
  ZONE_LABEL_LAYER,
  ZONE_SOURCE,
  zoneLabelLayer,
} from '../map/zoneStyle.ts';
import { boundaryStyle } from './boundaries.ts';

export const LABEL_SOURCE = 'editor-zone-names';
export const LABEL_LAYER = 'editor-zone-names';
/** terra-draw's layers (the MapLibre adapter's default `td` prefix). */
export const DRAW_FILL_LAYER = 'td-polygon';
export const DRAW_LINE_LAYER = 'td-polygon-outline';

export function EditorMap(props: {
  /** Outlines drawn as they are (not editable on the map). */
  fixed: FeatureCollection;
  /** Every zone, for its name. */
  labels: FeatureCollection;
  onMap: (map: maplibregl.Map | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const onMap = useRef(props.onMap);
  onMap.current = props.onMap;
  const map = useOverlayMap(container, {
    style: () => {
      const tiles = loadTileUrl();
      const style = buildStyle({
        tileUrl: tileKind(tiles) === 'raster' ? tiles : '',
        attribution: 'Countries: Natural Earth. Governorates: UN OCHA COD-AB (2020), CC BY-IGO',
      });
      // Boundaries over the base map, under the zones; the live map's own label layer is not used.
      const boundaries = boundaryStyle();
      Object.assign(style.sources, boundaries.sources, {
        [LABEL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      });
      const firstZone = style.layers.findIndex((l) => l.id === ZONE_FILL_LAYERS[0]);
      style.layers.splice(firstZone, 0, ...boundaries.layers);
      style.layers = style.layers.filter((l) => l.id !== ZONE_LABEL_LAYER);
      style.layers.push(zoneLabelLayer(LABEL_LAYER, LABEL_SOURCE));
      return style;
    },
    layers: { zones: [DRAW_FILL_LAYER, ...ZONE_FILL_LAYERS], incidents: [] },
    scale: 'bottom-left',
    attribution: true,
    // The drawing (useDraw) lets go of the map before it is removed.
    beforeRemove: () => onMap.current(null),
  });
  // …and attaches to it once it is loaded.
  useEffect(() => {
    if (map) onMap.current(map);
  }, [map]);

  useEffect(() => {
    map?.getSource<maplibregl.GeoJSONSource>(ZONE_SOURCE)?.setData(props.fixed);
  }, [map, props.fixed]);
  useEffect(() => {
    map?.getSource<maplibregl.GeoJSONSource>(LABEL_SOURCE)?.setData(props.labels);
  }, [map, props.labels]);

  return (
    <div
      ref={container}
      className="editor-map"
      data-testid="editor-map"
      role="region"
      aria-label="Zone editor map: draw and edit zone outlines with a pointer; the lists beside it do everything else"
    />
  );
}
