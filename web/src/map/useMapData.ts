// The map's data: agreements (for the time span and details), the offline base map, the zones in
// force at the instant, and the incidents of the current view, each with its own error so one
// failing endpoint leaves the rest of the map working.
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { View } from './camera.ts';
import type { Agreement, Basemap, IncidentMapCollection, ZoneCollection } from '../types.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export function useAgreements(): Loaded<Agreement[]> {
  const [state, setState] = useState<Loaded<Agreement[]>>({
    data: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    let live = true;
    api
      .agreements()
      .then((r) => live && setState({ data: r.items, error: null, loading: false }))
      .catch(
        (e: unknown) => live && setState({ data: [], error: errorMessage(e), loading: false }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function useBasemap(): Loaded<Basemap> {
  const [state, setState] = useState<Loaded<Basemap>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    api
      .basemap()
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch(
        (e: unknown) => live && setState({ data: null, error: errorMessage(e), loading: false }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * Zones of the versions in force at `at` (ISO); refetched when the instant changes. `loading` is
 * derived from the instant the data answers (`at`), so it is true in the very render that changes it.
 */
export function useZones(
  at: string | null,
  refresh = 0,
): Loaded<ZoneCollection> & { at: string | null } {
  const [state, setState] = useState<{
    data: ZoneCollection | null;
    error: string | null;
    at: string | null;
  }>({ data: null, error: null, at: null });
  const first = useRef(true);
  useEffect(() => {
    if (!at) return;
    const abort = new AbortController();
    // A short pause so dragging the slider asks once it rests, not at every hour it passes (the
    // first request goes at once).
    const timer = setTimeout(
      () => {
        api
          .zones(at, abort.signal)
          .then((data) => setState({ data, error: null, at }))
          .catch((e: unknown) => {
            if (!abort.signal.aborted) setState({ data: null, error: errorMessage(e), at });
          });
      },
      first.current ? 0 : 120,
    );
    first.current = false;
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [at, refresh]);
  return { ...state, loading: state.at !== at };
}

export interface IncidentQuery {
  from: string;
  until: string;
  agreement: string;
  eventType: string;
  certainty: string;
}

/** Incidents (clustered by the server) for the view and filters; debounced, latest answer wins. */
export function useIncidents(view: View | null, query: IncidentQuery | null, refresh = 0) {
  const [state, setState] = useState<Loaded<IncidentMapCollection>>({
    data: null,
    error: null,
    loading: true,
  });
  const seq = useRef(0);
  const key = view && query ? JSON.stringify([view, query, refresh]) : null;
  useEffect(() => {
    if (!view || !query) return;
    const mine = ++seq.current;
    const abort = new AbortController();
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, loading: true }));
        api
          .mapIncidents(
            {
              bbox: view.bbox.map((n) => n.toFixed(5)).join(','),
              zoom: Math.max(0, Math.round(view.zoom)),
              from: query.from,
              until: query.until,
              agreement: query.agreement || undefined,
              event_type: query.eventType || undefined,
              certainty: query.certainty || undefined,
            },
            abort.signal,
          )
          .then((data) => mine === seq.current && setState({ data, error: null, loading: false }))
          .catch((e: unknown) => {
            if (!abort.signal.aborted && mine === seq.current)
              setState({
                data: null,
                error: `Incidents could not be loaded: ${errorMessage(e)}`,
                loading: false,
              });
          });
      },
      state.data ? 250 : 0,
    );
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `key` stands for view and query by value, so equal objects do not refetch.
  }, [key]);
  return state;
}
