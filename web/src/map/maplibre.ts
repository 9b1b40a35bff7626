// MapLibre GL (about 1 MB of JavaScript) is loaded when a map is first made, not with the app: the
// live map paints its first frame (MapPreview) while it loads. Its worker comes from our own build.
import type * as MapLibre from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

export type MapLibreModule = typeof MapLibre;

let configured = false;
/** Points MapLibre at the bundled worker once (the screens that import it directly call this). */
export function configureMapLibre(lib: MapLibreModule): MapLibreModule {
  if (!configured) {
    lib.setWorkerUrl(workerUrl);
    configured = true;
  }
  return lib;
}

let loading: Promise<MapLibreModule> | null = null;
/** MapLibre, configured, with its workers started. */
export function loadMapLibre(): Promise<MapLibreModule> {
  loading ??= import('maplibre-gl').then((lib) => {
    configureMapLibre(lib);
    lib.prewarm();
    return lib;
  });
  return loading;
}
