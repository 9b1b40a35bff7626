// The live map (home screen): the instant and filters on the left, the map in the middle, and the
// details of a selected zone or incident on the right. The zone list and the map's zone source are
// fed from one array, so what the list says is what the map draws.
import { useCallback, useEffect, useMemo, useState } from 'react';
import './map.css';
import type { FeatureCollection } from 'geojson';
import { LiveIndicator } from '../components.tsx';
import { replaceHashParams } from '../route.ts';
import { QUEUE_EVENTS, useEventStream } from '../useEventStream.ts';
import { clamp, DAY, iso, timeSpan } from '../time.ts';
import type { User, ZoneFeature } from '../types.ts';
import { IncidentDetails, ZoneDetails } from './Details.tsx';
import { Filters, NO_FILTERS, type MapFilters } from './Filters.tsx';
import { bboxOf, type BBox } from './geo.ts';
import { IncidentList } from './IncidentList.tsx';
import { Legend } from './Legend.tsx';
import { MapView } from './MapView.tsx';
import { loadTileUrl, Settings } from './Settings.tsx';
import { TimeControls } from './TimeControls.tsx';
import type { View } from './camera.ts';
import { useAgreements, useBasemap, useIncidents, useZones } from './useMapData.ts';
import { ZoneList } from './ZoneList.tsx';

type Selection = { kind: 'zone'; id: string } | { kind: 'incident'; id: string } | null;

const PERIOD_DAYS = { '1d': 1, '7d': 7, '30d': 30 } as const;

export function MapScreen(props: { user: User; params: URLSearchParams }) {
  const agreements = useAgreements();
  const basemap = useBasemap();
  const requested = Date.parse(props.params.get('at') ?? '');
  const [instant, setInstant] = useState(() =>
    Number.isFinite(requested) ? requested : Date.now(),
  );
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [tileUrl, setTileUrl] = useState(loadTileUrl);
  const [view, setView] = useState<View | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ bbox: BBox } | null>(null);
  // Live: new incidents, reviews and recorded versions redraw what they touch.
  const [tick, setTick] = useState(0);
  const live = useEventStream(QUEUE_EVENTS, () => setTick((t) => t + 1));

  const span = useMemo(() => timeSpan(agreements.data ?? [], Date.now()), [agreements.data]);
  // Without an instant in the address, open at now, kept inside the agreements' span.
  useEffect(() => {
    if (agreements.data && !Number.isFinite(requested))
      setInstant((t) => clamp(t, span.min, span.max));
  }, [agreements.data]);
  const at = iso(instant);
  useEffect(() => replaceHashParams('map', { at }), [at]);

  const zones = useZones(at, tick);
  const shown: ZoneFeature[] = useMemo(
    () =>
      (zones.data?.features ?? [])
        .filter((f) => !filters.agreement || f.properties.agreement_id === filters.agreement)
        .map((f) => ({ ...f, properties: { ...f.properties, zone_id: String(f.id) } })),
    [zones.data, filters.agreement],
  );
  const zoneSource: FeatureCollection = useMemo(
    () => ({ type: 'FeatureCollection', features: shown }),
    [shown],
  );
  const selectedZone =
    selection?.kind === 'zone' ? shown.find((z) => String(z.id) === selection.id) : undefined;
  const selectedSource: FeatureCollection = useMemo(
    () => ({ type: 'FeatureCollection', features: selectedZone ? [selectedZone] : [] }),
    [selectedZone],
  );

  const query = useMemo(() => {
    if (!agreements.data) return null;
    const days = filters.period === 'span' ? null : PERIOD_DAYS[filters.period];
    return {
      from: iso(days === null ? span.min : instant - days * DAY),
      until: iso(days === null ? span.max : instant + days * DAY),
      agreement: filters.agreement,
      eventType: filters.eventType,
      certainty: filters.certainty,
    };
  }, [agreements.data, filters, span, instant]);
  const incidents = useIncidents(view, query, tick);
  const inView = incidents.data
    ? incidents.data.features.reduce(
        (n, f) => n + (f.properties.cluster === true ? f.properties.point_count : 1),
        0,
      )
    : null;

  // The same view twice (first from the new map, again at its 'load') asks for nothing new.
  const onView = useCallback(
    (v: View) => setView((prev) => (JSON.stringify(prev) === JSON.stringify(v) ? prev : v)),
    [],
  );
  const selectZone = useCallback((id: string) => setSelection({ kind: 'zone', id }), []);
  /** Chosen in the list: select it and bring it into view. */
  const showZone = (id: string) => {
    const zone = shown.find((z) => String(z.id) === id);
    if (zone)
      setFocus({ bbox: (zone.bbox as BBox | undefined) ?? bboxOf(zone.geometry.coordinates) });
    selectZone(id);
  };
  const selectIncident = useCallback((id: string) => setSelection({ kind: 'incident', id }), []);

  const errors = [
    agreements.error && `Agreements could not be loaded: ${agreements.error}`,
    basemap.error && `The offline base map could not be loaded: ${basemap.error}`,
    zones.error && `Zones could not be loaded: ${zones.error}`,
    incidents.error,
    mapError,
  ].filter((e): e is string => !!e);

  return (
    <main className="map-screen" aria-label="Live map">
      <aside className="sidebar" aria-label="Map controls">
        <TimeControls instant={instant} min={span.min} max={span.max} onChange={setInstant} />
        <Filters agreements={agreements.data ?? []} value={filters} onChange={setFilters} />
        <p className="incident-total" aria-live="polite">
          <strong data-testid="incident-count">{incidents.data?.total ?? '…'}</strong> incidents in
          the period with these filters
          {inView !== null && <> · {inView} in view</>}
          {incidents.loading ? ' (updating)' : ''} <LiveIndicator state={live} />
        </p>
        <ZoneList
          zones={shown}
          selectedId={selection?.kind === 'zone' ? selection.id : null}
          loading={zones.loading}
          at={zones.at}
          onSelect={showZone}
        />
        <IncidentList incidents={incidents.data} onSelect={selectIncident} />
        <Legend />
        <Settings tileUrl={tileUrl} onChange={setTileUrl} />
      </aside>
      <div className="map-wrap">
        {errors.length > 0 && (
          <div className="error-banner" role="alert" data-testid="map-error">
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        )}
        <MapView
          key={tileUrl}
          tileUrl={tileUrl}
          basemap={basemap.data}
          zones={zoneSource}
          selectedZone={selectedSource}
          incidents={incidents.data}
          focus={focus}
          selectedIncident={selection?.kind === 'incident' ? selection.id : null}
          onView={onView}
          onSelectZone={selectZone}
          onSelectIncident={selectIncident}
          onError={setMapError}
        />
        {selection && (
          <aside className="details-pane" aria-label="Details">
            {selection.kind === 'zone' && selectedZone && (
              <ZoneDetails
                zone={selectedZone}
                agreements={agreements.data ?? []}
                onClose={() => setSelection(null)}
              />
            )}
            {selection.kind === 'incident' && (
              <IncidentDetails incidentId={selection.id} onClose={() => setSelection(null)} />
            )}
          </aside>
        )}
      </div>
    </main>
  );
}
