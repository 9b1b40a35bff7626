// Validation while editing: each zone's outline is checked by the server (POST /api/v1/zones/validate)
// shortly after it changes, and each problem, placed by issues.ts, is shown as a numbered marker on
// the map (the list beside it is IssueList).
import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';
import { editorApi } from './editorApi.ts';
import type { PlacedIssue, ZoneCheck } from './issues.ts';
import type { EditorZone } from './zones.ts';

const DEBOUNCE_MS = 250;

/** Asks the server about every zone whose outline changed; answers for older outlines are dropped. */
export function useValidation(zones: readonly EditorZone[]): Record<string, ZoneCheck> {
  const [checks, setChecks] = useState<Record<string, ZoneCheck>>({});
  const asked = useRef(new Map<string, { geometry: unknown; abort: AbortController }>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const keys = new Set(zones.map((z) => z.key));
    for (const [key, a] of asked.current)
      if (!keys.has(key)) {
        a.abort.abort();
        asked.current.delete(key);
        clearTimeout(timers.current.get(key));
        timers.current.delete(key);
      }
    const stale = zones.filter((z) => asked.current.get(z.key)?.geometry !== z.geometry);
    setChecks((prev) => {
      const same =
        Object.keys(prev).length === zones.length &&
        zones.every((z) => prev[z.key]?.geometry === z.geometry);
      if (same) return prev;
      const next: Record<string, ZoneCheck> = {};
      for (const z of zones) {
        const old = prev[z.key];
        next[z.key] =
          old && old.geometry === z.geometry
            ? old
            : {
                geometry: z.geometry,
                status: 'checking',
                valid: false,
                issues: [],
                area_km2: null,
                error: null,
              };
      }
      return next;
    });
    for (const z of stale) {
      asked.current.get(z.key)?.abort.abort();
      const abort = new AbortController();
      asked.current.set(z.key, { geometry: z.geometry, abort });
      clearTimeout(timers.current.get(z.key));
      const { key, geometry } = z;
      const settle = (check: Omit<ZoneCheck, 'geometry'>) =>
        setChecks((prev) =>
          prev[key]?.geometry === geometry ? { ...prev, [key]: { geometry, ...check } } : prev,
        );
      timers.current.set(
        key,
        setTimeout(() => {
          editorApi
            .validate(geometry, abort.signal)
            .then((r) =>
              settle({
                status: 'done',
                valid: r.valid,
                issues: r.issues,
                area_km2: r.area_km2,
                error: null,
              }),
            )
            .catch((e: unknown) => {
              if (!abort.signal.aborted)
                settle({
                  status: 'failed',
                  valid: false,
                  issues: [],
                  area_km2: null,
                  error: `could not be checked: ${errorMessage(e)}`,
                });
            });
        }, DEBOUNCE_MS),
      );
    }
  }, [zones]);

  useEffect(() => {
    const pending = timers.current;
    const requests = asked.current;
    return () => {
      for (const t of pending.values()) clearTimeout(t);
      for (const a of requests.values()) a.abort.abort();
      // Forgotten, so that a remount (React's development double mount) asks again.
      pending.clear();
      requests.clear();
    };
  }, []);
  return checks;
}

/** One numbered marker per placed problem; clicking a marker selects its item in the list. */
export function useIssueMarkers(
  map: maplibregl.Map | null,
  issues: readonly PlacedIssue[],
  active: number | null,
  onSelect: (index: number) => void,
): void {
  const latest = useRef(onSelect);
  latest.current = onSelect;
  useEffect(() => {
    if (!map) return;
    const markers = issues.flatMap((issue, i) => {
      if (!issue.at) return [];
      const el = document.createElement('div');
      el.className = `issue-marker${active === i ? ' active' : ''}`;
      el.textContent = String(i + 1);
      el.title = `${issue.zoneName}: ${issue.message}`;
      el.dataset.testid = 'issue-marker';
      el.dataset.issue = String(i);
      // The list is the accessible form of these markers; the map marker is a pointer shortcut.
      el.setAttribute('aria-hidden', 'true');
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        latest.current(i);
      });
      const [lng = 0, lat = 0] = issue.at;
      return [new maplibregl.Marker({ element: el }).setLngLat([lng, lat]).addTo(map)];
    });
    return () => {
      for (const m of markers) m.remove();
    };
  }, [map, issues, active]);
}
