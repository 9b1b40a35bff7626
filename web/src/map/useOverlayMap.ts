// A map for a screen's own overlay (incident entry's pick, the zone editor, a proposal's diff):
// MapLibre on the offline base map with the given style, the usual controls, the zones' hatch
// pattern, the base map's data once it arrives, and `window.__truceline` so browser tests can ask
// what it renders. The live map (MapView) has more (live data, settings) and builds its own.
import * as maplibregl from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import { ADMIN1_SOURCE, COUNTRIES_SOURCE } from './baseStyle.ts';
import { SYRIA_BOUNDS } from './geo.ts';
import { useBasemap } from './useMapData.ts';
import { HATCH_IMAGE, hatchImage } from './zoneStyle.ts';
import { configureMapLibre } from './maplibre.ts';

configureMapLibre(maplibregl);

export interface OverlayMapOptions {
  /** The style, built once when the map is made. */
  style: () => maplibregl.StyleSpecification;
  /** What `window.__truceline.layers` names for tests. */
  layers: { zones: string[]; incidents: string[] };
  scale?: maplibregl.ControlPosition;
  /** A compact attribution control (bottom right). */
  attribution?: boolean;
  /** Called once the map exists (handlers, cursor), before it loads. */
  setup?: (map: maplibregl.Map) => void;
  /** Called before the map is removed (to let go of what was attached to it). */
  beforeRemove?: () => void;
}

/** The map once loaded (null before, and after the component unmounts). */
export function useOverlayMap(
  container: RefObject<HTMLDivElement | null>,
  opts: OverlayMapOptions,
): maplibregl.Map | null {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const basemap = useBasemap();

  useEffect(() => {
    if (!container.current) return;
    const m = new maplibregl.Map({
      container: container.current,
      style: opts.style(),
      bounds: SYRIA_BOUNDS,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    let alive = true;
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), opts.scale ?? 'top-left');
    if (opts.attribution)
      m.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
    m.on('styleimagemissing', (e: { id: string }) => {
      if (e.id === HATCH_IMAGE && !m.hasImage(HATCH_IMAGE))
        m.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 1 });
    });
    m.on('load', () => {
      if (!alive) return;
      window.__truceline = { map: m, layers: opts.layers };
      setMap(m);
    });
    m.on('error', (e) => {
      if (e.error) console.warn('map:', e.error.message);
    });
    opts.setup?.(m);
    return () => {
      alive = false;
      setMap(null);
      opts.beforeRemove?.();
      m.remove();
      if (window.__truceline?.map === m) delete window.__truceline;
    };
    // Made once per mount: the options are read when the map is made.
  }, []);

  useEffect(() => {
    if (!map || !basemap.data) return;
    void map.getSource<maplibregl.GeoJSONSource>(COUNTRIES_SOURCE)?.setData(basemap.data.countries);
    void map.getSource<maplibregl.GeoJSONSource>(ADMIN1_SOURCE)?.setData(basemap.data.syria_admin1);
  }, [map, basemap.data]);

  return map;
}
