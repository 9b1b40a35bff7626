// The map's first frame, over the WebGL map until that one has drawn its own: the same view, base
// map, zones and incidents painted on a 2D canvas (previewPaint.ts) as soon as each arrives, with
// a progress bar until the interactive map takes over (or for good, a still picture, if the
// browser cannot make a WebGL map). `data-painted` says what it shows.
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import type { Basemap, IncidentMapCollection } from '../types.ts';
import type { Camera } from './camera.ts';
import { paintPreview } from './previewPaint.ts';

export function MapPreview(props: {
  camera: Camera;
  basemap: Basemap | null;
  zones: FeatureCollection;
  incidents: IncidentMapCollection | null;
  /** Whether the interactive map is on its way (false: it failed, the preview is all there is). */
  loading: boolean;
  /** Once the incidents are on the canvas. */
  onIncidentsShown: () => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { camera, basemap, zones, incidents } = props;
  const onShown = useRef(props.onIncidentsShown);
  onShown.current = props.onIncidentsShown;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    paintPreview(el, camera, {
      countries: basemap?.countries ?? null,
      admin1: basemap?.syria_admin1 ?? null,
      zones,
      incidents,
    });
    el.dataset.painted = [
      basemap && 'base',
      zones.features.length > 0 && 'zones',
      incidents && 'incidents',
    ]
      .filter(Boolean)
      .join(' ');
    if (incidents) onShown.current();
  }, [camera, basemap, zones, incidents]);

  return (
    <div className="map-preview" data-testid="map-preview">
      <canvas ref={canvas} aria-hidden="true" />
      {props.loading && (
        <div className="map-preview-status" role="status">
          <progress aria-label="Loading the interactive map" />
          <span>Loading the interactive map…</span>
        </div>
      )}
    </div>
  );
}
