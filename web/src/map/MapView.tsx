// The MapLibre map: created once per tile setting, fed by props through GeoJSON sources, reporting
// the view (on moveend) and clicks on zones and incidents; hovering an incident draws its
// uncertainty disk. `window.__truceline.map` lets browser tests query what is rendered.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import {
  buildStyle,
  ADMIN1_SOURCE,
  COUNTRIES_SOURCE,
  EMPTY,
  textLayers,
  tileKind,
} from './baseStyle.ts';
import { diskPolygon, SYRIA_BOUNDS, type BBox } from './geo.ts';
import {
  selectedIncidentFilter,
  SELECTED_INCIDENT_LAYER,
  CLUSTER_LAYER,
  HOVER_SOURCE,
  INCIDENT_LAYERS,
  INCIDENT_SOURCE,
  POINT_LAYER,
} from './incidentStyle.ts';
import {
  HATCH_IMAGE,
  hatchImage,
  SELECTED_ZONE_SOURCE,
  ZONE_FILL_LAYERS,
  ZONE_SOURCE,
} from './zoneStyle.ts';
import type { Basemap, IncidentMapCollection } from '../types.ts';
import type { View } from './useMapData.ts';

maplibregl.setWorkerUrl(workerUrl);
// Start the map's workers while the app signs in and asks for its data, not when the map is made.
maplibregl.prewarm();

declare global {
  interface Window {
    __truceline?: { map: maplibregl.Map; layers: { zones: string[]; incidents: string[] } };
  }
}

export interface MapViewProps {
  tileUrl: string;
  basemap: Basemap | null;
  zones: FeatureCollection;
  selectedZone: FeatureCollection;
  incidents: IncidentMapCollection | null;
  /** Where to move the view (a zone chosen in the list); a new object moves it again. */
  focus: { bbox: BBox } | null;
  selectedIncident: string | null;
  onView: (view: View) => void;
  onSelectZone: (zoneId: string) => void;
  onSelectIncident: (incidentId: string) => void;
  onError: (message: string | null) => void;
}

function setData(map: maplibregl.Map, source: string, data: FeatureCollection) {
  const s = map.getSource<maplibregl.GeoJSONSource>(source);
  if (s) void s.setData(data);
}

/**
 * The view to ask incidents for: the visible bounds at a whole zoom, widened to a grid of a quarter
 * tile. A pixel's pan or a resize then asks the same question (and hits the server's cache), and
 * the clusters at the edges are whole.
 */
const viewOf = (map: maplibregl.Map): View => {
  const b = map.getBounds();
  const zoom = Math.max(0, Math.round(map.getZoom()));
  const step = 90 / 2 ** zoom;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  return {
    bbox: [
      clamp(down(b.getWest()), -180, 180),
      clamp(down(b.getSouth()), -90, 90),
      clamp(up(b.getEast()), -180, 180),
      clamp(up(b.getNorth()), -90, 90),
    ],
    zoom,
  };
};

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  /** The map until it is removed: cleanups that run after the removal must leave it alone. */
  const alive = useRef<maplibregl.Map | null>(null);
  /** The base map the map's sources already hold. */
  const inStyle = useRef<Basemap | null>(null);
  /** Whether incidents have been handed to the map (the text layers wait for them). */
  const incidentsIn = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let created: maplibregl.Map | null = null;
    let cancelled = false;
    const create = async () => {
      let remote: maplibregl.StyleSpecification | null = null;
      if (tileKind(props.tileUrl) === 'style') {
        try {
          remote = (await (await fetch(props.tileUrl)).json()) as maplibregl.StyleSpecification;
        } catch (e) {
          latest.current.onError(
            `The tile style could not be loaded (${String(e)}); showing the offline map.`,
          );
        }
      }
      if (cancelled || !container.current) return;
      // The base map goes into the style when it is already here (it usually is: index.html asks
      // for it first), so the workers tile it once, not again after the map loads.
      const basemap = latest.current.basemap;
      inStyle.current = basemap;
      const style = buildStyle({
        tileUrl: remote || tileKind(props.tileUrl) === 'raster' ? props.tileUrl : '',
        remote,
        basemap,
        labelsHidden: true,
      });
      const made = Date.now();
      const m = new maplibregl.Map({
        container: container.current,
        style,
        bounds: SYRIA_BOUNDS,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
      created = m;
      // The view is known as soon as the map exists: ask for its incidents while the style and
      // the base map load, not after (the first paint waits for both).
      latest.current.onView(viewOf(m));
      m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'top-left');
      m.on('styleimagemissing', (e: { id: string }) => {
        if (e.id === HATCH_IMAGE && !m.hasImage(HATCH_IMAGE))
          m.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 1 });
      });
      m.on('load', () => {
        if (!m.hasImage(HATCH_IMAGE)) m.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 1 });
        alive.current = m;
        window.__truceline = {
          map: m,
          layers: { zones: ZONE_FILL_LAYERS, incidents: INCIDENT_LAYERS },
        };
        setMap(m);
        latest.current.onView(viewOf(m));
      });
      // The text once the first incidents are drawn (or after 3 s, whatever came), a frame after
      // that drawing is complete, so the zones and incidents show on their own first.
      const reveal = () => {
        if (!incidentsIn.current && Date.now() - made < 3000) return;
        m.off('idle', reveal);
        setTimeout(() => {
          if (alive.current !== m) return;
          for (const id of textLayers(style))
            if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', 'visible');
        }, 100);
      };
      m.on('idle', reveal);
      m.on('moveend', () => latest.current.onView(viewOf(m)));
      m.on('error', (e) => {
        // Tile and style failures are reported; a missing online tile should not break the page.
        if (e.error) console.warn('map:', e.error.message);
      });
      wireInteractions(m, latest);
    };
    void create();
    return () => {
      cancelled = true;
      setMap(null);
      alive.current = null;
      created?.remove();
      if (window.__truceline?.map === created) delete window.__truceline;
    };
    // The map is rebuilt only when the tile setting changes; data flows in through the effects below.
  }, [props.tileUrl]);

  useEffect(() => {
    if (!map) return;
    if (props.basemap && props.basemap !== inStyle.current) {
      inStyle.current = props.basemap;
      setData(map, COUNTRIES_SOURCE, props.basemap.countries);
      setData(map, ADMIN1_SOURCE, props.basemap.syria_admin1);
    }
    // The base map's attribution (and the sources' own) as soon as it is known.
    const attribution = new maplibregl.AttributionControl({
      compact: true,
      ...(props.basemap?.attribution && { customAttribution: props.basemap.attribution }),
    });
    map.addControl(attribution, 'bottom-right');
    return () => {
      if (alive.current === map) map.removeControl(attribution);
    };
  }, [map, props.basemap]);
  useEffect(() => {
    if (map) setData(map, ZONE_SOURCE, props.zones);
  }, [map, props.zones]);
  useEffect(() => {
    if (map) setData(map, SELECTED_ZONE_SOURCE, props.selectedZone);
  }, [map, props.selectedZone]);
  useEffect(() => {
    if (!map) return;
    setData(map, INCIDENT_SOURCE, props.incidents ?? EMPTY);
    if (props.incidents) incidentsIn.current = true;
  }, [map, props.incidents]);
  useEffect(() => {
    if (map) map.setFilter(SELECTED_INCIDENT_LAYER, selectedIncidentFilter(props.selectedIncident));
  }, [map, props.selectedIncident]);
  useEffect(() => {
    if (!map || !props.focus) return;
    const [w, s, e, n] = props.focus.bbox;
    // Room on the right for the details panel that opens with the selection, on a wide map.
    const right = map.getContainer().clientWidth > 900 ? 420 : 40;
    map.fitBounds([w, s, e, n], {
      padding: { top: 60, bottom: 60, left: 40, right },
      maxZoom: 13,
      duration: 0,
    });
  }, [map, props.focus]);

  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      role="region"
      aria-label="Map of zones and incidents; use the arrow keys to pan and plus or minus to zoom"
    />
  );
}

function wireInteractions(m: maplibregl.Map, latest: { current: MapViewProps }) {
  m.on('mousemove', POINT_LAYER, (e) => {
    const f = e.features?.[0];
    if (!f || f.geometry.type !== 'Point') return;
    m.getCanvas().style.cursor = 'pointer';
    const radius = Number(f.properties.uncertainty_m) || 0;
    const disk = radius > 0 ? [diskPolygon(f.geometry.coordinates, radius)] : [];
    setData(m, HOVER_SOURCE, { type: 'FeatureCollection', features: disk });
  });
  m.on('mouseleave', POINT_LAYER, () => {
    m.getCanvas().style.cursor = '';
    setData(m, HOVER_SOURCE, EMPTY);
  });
  m.on('mouseenter', CLUSTER_LAYER, () => (m.getCanvas().style.cursor = 'zoom-in'));
  m.on('mouseleave', CLUSTER_LAYER, () => (m.getCanvas().style.cursor = ''));
  for (const layer of ZONE_FILL_LAYERS) {
    m.on('mouseenter', layer, () => (m.getCanvas().style.cursor ||= 'pointer'));
    m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
  }
  m.on('click', (e) => {
    const hits = m.queryRenderedFeatures(e.point, { layers: [POINT_LAYER, CLUSTER_LAYER] });
    const hit = hits[0];
    if (hit && hit.properties.cluster === true && hit.geometry.type === 'Point') {
      const [lon = 0, lat = 0] = hit.geometry.coordinates;
      m.easeTo({ center: [lon, lat], zoom: Math.min(m.getZoom() + 2, 16) });
      return;
    }
    if (hit) return latest.current.onSelectIncident(String(hit.properties.id));
    const zone = m.queryRenderedFeatures(e.point, { layers: ZONE_FILL_LAYERS })[0];
    if (zone) latest.current.onSelectZone(String(zone.properties.zone_id));
  });
}
