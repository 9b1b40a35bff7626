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

const COUNT_FONT = `${CLUSTER_TEXT.size}px sans-serif`;
const GLYPH_FONT = `bold ${GLYPH_TEXT.size}px sans-serif`;

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

/** A filled circle with its stroke outside the radius, as MapLibre draws circle layers. */
function disc(
  ctx: CanvasRenderingContext2D,
  [x, y]: [number, number],
  radius: number,
  fill: { colour: string; opacity: number },
  stroke: { colour: string; width: number },
) {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.globalAlpha = fill.opacity;
  ctx.fillStyle = fill.colour;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(x, y, radius + stroke.width / 2, 0, 2 * Math.PI);
  ctx.strokeStyle = stroke.colour;
  ctx.lineWidth = stroke.width;
  ctx.stroke();
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
    const at = project(lon, lat);
    const p = f.properties;
    const style = CERTAINTY_STYLE[p.violation] ?? CERTAINTY_STYLE.none;
    if (p.cluster === true) {
      const fill = { colour: style.clusterFill, opacity: CLUSTER_OPACITY };
      disc(ctx, at, clusterRadius(p.point_count), fill, CLUSTER_STROKE);
      const count = String(p.point_count);
      texts.push(() => label(ctx, count, at, COUNT_FONT, CLUSTER_TEXT.colour, CLUSTER_TEXT.halo));
    } else {
      const fill = { colour: style.fill, opacity: 1 };
      const stroke = { colour: style.stroke, width: style.strokeWidth };
      disc(ctx, at, fatalityRadius(p.fatalities ?? 0), fill, stroke);
      const colour = glyphColour(p.violation);
      texts.push(() => label(ctx, style.glyph, at, GLYPH_FONT, colour, null));
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
