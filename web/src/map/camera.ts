// The map's camera without a map: Web Mercator as MapLibre draws it (512-pixel world at zoom 0,
// no rotation or pitch), so the first view can be known — and its incidents asked for, and a
// preview drawn — before the WebGL map exists, and the map then opens on exactly that view.
import type { BBox } from './geo.ts';

export interface Camera {
  center: [number, number];
  zoom: number;
  /** The canvas size in CSS pixels. */
  width: number;
  height: number;
}

/** The view to ask incidents for (see viewOf). */
export interface View {
  bbox: [number, number, number, number];
  zoom: number;
}

const TILE = 512;
const MAX_LAT = 85.051129;

/** [lon, lat] → Mercator in [0, 1] (x east, y south). */
export function mercator(lon: number, lat: number): [number, number] {
  const φ = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + φ / 2)) / Math.PI) / 2];
}

function unmercator(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/** The camera that fits `bounds` in a canvas (as MapLibre's fitBounds without padding). */
export function fitCamera(bounds: BBox, width: number, height: number, maxZoom = 22): Camera {
  const [x0, y1] = mercator(bounds[0], bounds[1]);
  const [x1, y0] = mercator(bounds[2], bounds[3]);
  const scale = Math.min(width / ((x1 - x0) * TILE), height / ((y1 - y0) * TILE));
  return {
    center: unmercator((x0 + x1) / 2, (y0 + y1) / 2),
    zoom: Math.min(maxZoom, Math.log2(scale)),
    width,
    height,
  };
}

/** A projector from [lon, lat] to canvas pixels for a camera. */
export function projector(camera: Camera): (lon: number, lat: number) => [number, number] {
  const world = TILE * 2 ** camera.zoom;
  const [cx, cy] = mercator(camera.center[0], camera.center[1]);
  const ox = camera.width / 2 - cx * world;
  const oy = camera.height / 2 - cy * world;
  return (lon, lat) => {
    const [x, y] = mercator(lon, lat);
    return [ox + x * world, oy + y * world];
  };
}

/** The camera's visible bounds [west, south, east, north]. */
export function cameraBounds(camera: Camera): BBox {
  const world = TILE * 2 ** camera.zoom;
  const [cx, cy] = mercator(camera.center[0], camera.center[1]);
  const [w, n] = unmercator(cx - camera.width / 2 / world, cy - camera.height / 2 / world);
  const [e, s] = unmercator(cx + camera.width / 2 / world, cy + camera.height / 2 / world);
  return [w, s, e, n];
}

/**
 * The view to ask incidents for: the visible bounds at a whole zoom, widened to a grid of a quarter
 * tile. A pixel's pan or a resize then asks the same question (and hits the server's cache), and
 * the clusters at the edges are whole.
 */
export function viewOf(bounds: BBox, mapZoom: number): View {
  const zoom = Math.max(0, Math.round(mapZoom));
  const step = 90 / 2 ** zoom;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  return {
    bbox: [
      clamp(down(bounds[0]), -180, 180),
      clamp(down(bounds[1]), -90, 90),
      clamp(up(bounds[2]), -180, 180),
      clamp(up(bounds[3]), -90, 90),
    ],
    zoom,
  };
}
