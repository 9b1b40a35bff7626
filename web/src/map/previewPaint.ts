// The map's first frame drawn with a 2D canvas, from the data the WebGL map is about to take and
// with the same style tables, on the camera it will open on: base map, zones by kind (fills, dash
// patterns, hatching) and incidents (clusters and points by violation certainty and fatalities).
// It shows while MapLibre starts, which in software WebGL takes seconds (docs/performance.md).
// Cluster counts and certainty glyphs are drawn; place names come with the interactive map.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { ZONE_KINDS, type ZoneKind } from '../types.ts';
import type { IncidentMapCollection } from '../types.ts';
import { BASE } from './baseStyle.ts';
import { projector, type Camera } from './camera.ts';
import {
  CERTAINTY_STYLE,
  CLUSTER_OPACITY,
  CLUSTER_STROKE,
  CLUSTER_TEXT,
  clusterRadius,
  fatalityRadius,
  GLYPH_TEXT,
  glyphColour,
} from './incidentStyle.ts';
import { hatchCanvas, KIND_STYLE, ZONE_LINE_WIDTH } from './zoneStyle.ts';

export interface PreviewData {
  countries: FeatureCollection | null;
  admin1: FeatureCollection | null;
  zones: FeatureCollection;
  incidents: IncidentMapCollection | null;
}

type Project = (lon: number, lat: number) => [number, number];

/** Adds a geometry's rings (polygons) or lines to the current path. */
function trace(ctx: CanvasRenderingContext2D, g: Geometry | null, project: Project) {
  const line = (ring: Position[], close: boolean) => {
    ring.forEach(([lon = 0, lat = 0], i) => {
      const [x, y] = project(lon, lat);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    if (close) ctx.closePath();
  };
  if (!g) return;
  if (g.type === 'Polygon') g.coordinates.forEach((r) => line(r, true));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r) => line(r, true)));
  else if (g.type === 'LineString') line(g.coordinates, false);
  else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => line(l, false));
  else if (g.type === 'GeometryCollection') g.geometries.forEach((c) => trace(ctx, c, project));
}

function path(ctx: CanvasRenderingContext2D, features: Feature[], project: Project) {
  ctx.beginPath();
  for (const f of features) trace(ctx, f.geometry, project);
}

/** MapLibre's line-dasharray is in line widths; the canvas takes pixels. */
const dash = (pattern: number[], width: number) => pattern.map((d) => d * width);

function paintBase(ctx: CanvasRenderingContext2D, data: PreviewData, project: Project) {
  ctx.fillStyle = BASE.sea;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (data.countries) {
    path(ctx, data.countries.features, project);
    ctx.fillStyle = BASE.land;
    ctx.fill('evenodd');
    ctx.strokeStyle = BASE.border;
    ctx.lineWidth = BASE.borderWidth;
    ctx.stroke();
  }
  if (data.admin1) {
    path(ctx, data.admin1.features, project);
    ctx.setLineDash(dash(BASE.admin1Dash, BASE.admin1Width));
    ctx.strokeStyle = BASE.admin1;
    ctx.lineWidth = BASE.admin1Width;
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function paintZones(ctx: CanvasRenderingContext2D, zones: FeatureCollection, project: Project) {
  const ofKind = (kind: ZoneKind) => zones.features.filter((f) => f.properties?.kind === kind);
  // Fills first, then every outline on top, in the map's layer order.
  for (const kind of ZONE_KINDS) {
    const style = KIND_STYLE[kind];
    path(ctx, ofKind(kind), project);
    ctx.globalAlpha = style.fillOpacity;
    ctx.fillStyle =
      kind === 'excluded_area'
        ? (ctx.createPattern(hatchCanvas(), 'repeat') ?? style.colour)
        : style.colour;
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
  }
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
  ctx.lineWidth = ZONE_LINE_WIDTH;
  for (const kind of ZONE_KINDS) {
    const style = KIND_STYLE[kind];
    path(ctx, ofKind(kind), project);
    ctx.setLineDash(dash(style.dash, ZONE_LINE_WIDTH));
    ctx.strokeStyle = style.colour;
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Text centred on a point with a halo, as the map's symbol layers draw counts and glyphs. */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  [x, y]: [number, number],
  font: string,
  colour: string,
  halo: string | null,
) {
  if (!text) return;
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (halo) {
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2;
    ctx.strokeStyle = halo;
    ctx.strokeText(text, x, y);
  }
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

function paintIncidents(
  ctx: CanvasRenderingContext2D,
  incidents: IncidentMapCollection,
  project: Project,
) {
  // Circles first and text over all of them, as the map's layers stack.
  const texts: (() => void)[] = [];
  for (const f of incidents.features) {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    const [x, y] = project(lon, lat);
    const p = f.properties;
    const style = CERTAINTY_STYLE[p.violation] ?? CERTAINTY_STYLE.none;
    ctx.beginPath();
    if (p.cluster === true) {
      const r = clusterRadius(p.point_count);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.globalAlpha = CLUSTER_OPACITY;
      ctx.fillStyle = style.clusterFill;
      ctx.fill();
      ctx.globalAlpha = 1;
      // MapLibre strokes circles outside their radius.
      ctx.beginPath();
      ctx.arc(x, y, r + CLUSTER_STROKE.width / 2, 0, 2 * Math.PI);
      ctx.strokeStyle = CLUSTER_STROKE.colour;
      ctx.lineWidth = CLUSTER_STROKE.width;
      ctx.stroke();
      const count = String(p.point_count);
      texts.push(() => label(ctx, count, [x, y], CLUSTER_TEXT.font, CLUSTER_TEXT.colour, CLUSTER_TEXT.halo)); // prettier-ignore
    } else {
      const r = fatalityRadius(p.fatalities ?? 0);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = style.fill;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(x, y, r + style.strokeWidth / 2, 0, 2 * Math.PI);
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = style.strokeWidth;
      ctx.stroke();
      const glyph = style.glyph;
      texts.push(() => label(ctx, glyph, [x, y], GLYPH_TEXT.font, glyphColour(p.violation), null));
    }
  }
  for (const draw of texts) draw();
}

/** Draws the preview of `data` on a canvas of the camera's size (at the device's pixel ratio). */
export function paintPreview(canvas: HTMLCanvasElement, camera: Camera, data: PreviewData) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(camera.width * ratio);
  canvas.height = Math.round(camera.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const project = projector(camera);
  paintBase(ctx, data, project);
  paintZones(ctx, data.zones, project);
  if (data.incidents) paintIncidents(ctx, data.incidents, project);
}
