// The MapLibre map: created once per tile setting, fed by props through GeoJSON sources, reporting
// the view (on moveend) and clicks on zones and incidents; hovering an incident draws its
// uncertainty disk. Until its first complete frame a 2D preview of the same view stands over it
// (MapPreview; MapLibre itself loads meanwhile). `window.__truceline.map` lets browser tests query
// what is rendered.
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import {
  buildStyle,
  ADMIN1_SOURCE,
  COUNTRIES_SOURCE,
  EMPTY,
  textLayers,
  tileKind,
} from './baseStyle.ts';
import { cameraBounds, fitCamera, viewOf, type Camera, type View } from './camera.ts';
import { diskPolygon, SYRIA_BOUNDS, type BBox } from './geo.ts';
import { loadMapLibre, type MapLibreModule } from './maplibre.ts';
import { MapPreview } from './MapPreview.tsx';
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

/** The live map's view to ask incidents for. */
const mapView = (map: maplibregl.Map): View => {
  const b = map.getBounds();
  return viewOf([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom());
};

/** The WebGL map is made once the preview shows the incidents, or after this if they are late. */
const MAP_START_MS = 1000;

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
  /** The view the map opens on, known from the container's size before the map exists. */
  const [camera, setCamera] = useState<Camera | null>(null);
  /** Whether the 2D preview still stands in for the WebGL map (see MapPreview). */
  const [previewing, setPreviewing] = useState(true);
  /** Whether to make the WebGL map (once the preview shows the incidents, or MAP_START_MS on). */
  const [start, setStart] = useState(false);
  /** Whether the WebGL map could not be made (no WebGL, MapLibre not loaded): the preview stays. */
  const [failed, setFailed] = useState(false);
  /** Whether the WebGL map has been made (the opening view is then fixed). */
  const mapMade = useRef(false);
  /** MapLibre, once loaded (maplibre.ts). */
  const libRef = useRef<MapLibreModule | null>(null);

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    let size = '';
    const open = () => {
      const [width, height] = [el.clientWidth || 800, el.clientHeight || 600];
      if (`${width}x${height}` === size) return;
      size = `${width}x${height}`;
      const opening = fitCamera(SYRIA_BOUNDS, width, height);
      setCamera(opening);
      // Its incidents are asked for now, while the map's code and data are still on their way.
      latest.current.onView(viewOf(cameraBounds(opening), opening.zoom));
    };
    open();
    // Resized before the map is made: a new opening view. After: the map follows the size itself,
    // and a stretched picture would mislead, so the map shows as it is.
    const resized = new ResizeObserver(() => {
      if (!mapMade.current) open();
      else setPreviewing(false);
    });
    resized.observe(el);
    const timer = setTimeout(() => setStart(true), MAP_START_MS);
    return () => {
      clearTimeout(timer);
      resized.disconnect();
    };
  }, [props.tileUrl]);

  useEffect(() => {
    if (!start || !camera) return;
    let created: maplibregl.Map | null = null;
    let cancelled = false;
    const create = async () => {
      const lib = await loadMapLibre();
      libRef.current = lib;
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
      const m = new lib.Map({
        container: container.current,
        style,
        center: camera.center,
        zoom: camera.zoom,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
      created = m;
      mapMade.current = true;
      m.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
      m.addControl(new lib.ScaleControl({ unit: 'metric' }), 'top-left');
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
        latest.current.onView(mapView(m));
      });
      // The text once the first incidents are drawn (or after 3 s, whatever came), a frame after
      // that drawing is complete, so the zones and incidents show on their own first.
      const reveal = () => {
        if (!incidentsIn.current && Date.now() - made < 3000) return;
        m.off('idle', reveal);
        setPreviewing(false);
        setTimeout(() => {
          if (alive.current !== m) return;
          for (const id of textLayers(style))
            if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', 'visible');
        }, 100);
      };
      m.on('idle', reveal);
      m.on('moveend', () => latest.current.onView(mapView(m)));
      // Moved by hand before its first frame: show the map as it is.
      m.on('movestart', (e: { originalEvent?: unknown }) => {
        if (e.originalEvent) setPreviewing(false);
      });
      m.on('error', (e) => {
        // Tile and style failures are reported; a missing online tile should not break the page.
        if (e.error) console.warn('map:', e.error.message);
      });
      wireInteractions(m, latest);
    };
    create().catch((e: unknown) => {
      if (cancelled) return;
      setFailed(true);
      latest.current.onError(
        `The interactive map could not start (${e instanceof Error ? e.message : String(e)}): showing a still picture of it. Try another browser, or one with WebGL enabled.`,
      );
    });
    return () => {
      cancelled = true;
      setMap(null);
      alive.current = null;
      created?.remove();
      if (window.__truceline?.map === created) delete window.__truceline;
    };
    // The map is rebuilt only when the tile setting changes; data flows in through the effects below.
  }, [props.tileUrl, start, camera]);

  useEffect(() => {
    const lib = libRef.current;
    if (!map || !lib) return;
    if (props.basemap && props.basemap !== inStyle.current) {
      inStyle.current = props.basemap;
      setData(map, COUNTRIES_SOURCE, props.basemap.countries);
      setData(map, ADMIN1_SOURCE, props.basemap.syria_admin1);
    }
    // The base map's attribution (and the sources' own) as soon as it is known.
    const attribution = new lib.AttributionControl({
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
    <>
      <div
        ref={container}
        className="map"
        data-testid="map"
        role="region"
        aria-label="Map of zones and incidents; use the arrow keys to pan and plus or minus to zoom"
      />
      {previewing && camera && (
        <MapPreview
          camera={camera}
          basemap={props.basemap}
          zones={props.zones}
          incidents={props.incidents}
          loading={!failed}
          onIncidentsShown={() => setStart(true)}
        />
      )}
    </>
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
