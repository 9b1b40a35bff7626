// The map of the period: the zones of the versions in force (by kind: fill colour AND outline
// dash, with their names) and the incidents (by most severe violation: colour AND symbol; sized
// by people killed), in a Mercator projection fitted to them, with a legend drawn by Plot too so
// that its symbols are the map's. Each incident links to its appendix row.
import * as Plot from '@observablehq/plot';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CERTAINTIES_MOST_SEVERE_FIRST, certaintyRank } from '../../domain/certainty.ts';
import type { ZoneKind } from '../../domain/zone-kinds.ts';
import type { MapIncident, MapZone } from '../daily/report-types.ts';
import { rowAnchor } from './figure-index.ts';
import { plotSvg, type PlotDocument } from './plot-svg.ts';
import { CERTAINTY_LABELS, ZONE_KIND_LABELS, formatCount, formatLocalTime } from './report-format.ts'; // prettier-ignore

const WIDTH = 680;
type State = MapIncident['violation'];
const STATES = CERTAINTIES_MOST_SEVERE_FIRST;
const STATE_STYLE: Record<State, { symbol: string; fill: string }> = {
  certain: { symbol: 'triangle', fill: '#c0392b' },
  possible: { symbol: 'diamond', fill: '#e08e0b' },
  none: { symbol: 'circle', fill: '#6b7b8c' },
};
const KIND_STYLE: Record<ZoneKind, { fill: string; dash: string }> = {
  ceasefire_area: { fill: '#2f6db5', dash: 'none' },
  safe_zone: { fill: '#2e8b57', dash: '6,3' },
  no_fly_zone: { fill: '#7b4fa0', dash: '2,2' },
  corridor: { fill: '#b8860b', dash: '8,2,2,2' },
  excluded_area: { fill: '#777777', dash: '1,3' },
};
/** Drawn in this order: excluded areas last, on top of what they carve out of. */
const KINDS: ZoneKind[] = ['ceasefire_area', 'safe_zone', 'corridor', 'no_fly_zone', 'excluded_area']; // prettier-ignore

const scales = {
  symbol: { domain: STATES, range: STATES.map((s) => STATE_STYLE[s].symbol) },
  color: { domain: STATES, range: STATES.map((s) => STATE_STYLE[s].fill) },
  r: { type: 'identity' as const },
};

/** Radius in pixels: a visible dot for no one killed, growing with the square root. */
export const killedRadius = (killed: number) => Math.min(16, 3.5 + 1.6 * Math.sqrt(Math.max(0, killed))); // prettier-ignore

/** Twice the signed area of a ring in lon/lat (positive: counter-clockwise). */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo, being spherical, reads that as
 * "everything but this polygon". Outer rings clockwise and holes counter-clockwise for d3.
 */
export function windForD3(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygon = (rings: Position[][]) =>
    rings.map((ring, i) => (ringArea(ring) > 0 === (i === 0) ? [...ring].reverse() : ring));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
}

/** The zones' and incidents' extent, padded, as corner points for the projection to fit. */
function extent(zones: readonly MapZone[], incidents: readonly MapIncident[]) {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const add = (w: number, s: number, e: number, n: number) => {
    [x0, y0, x1, y1] = [Math.min(x0, w), Math.min(y0, s), Math.max(x1, e), Math.max(y1, n)];
  };
  for (const z of zones) add(...z.bbox);
  for (const i of incidents) add(i.lon, i.lat, i.lon, i.lat);
  const px = Math.max(0.05, (x1 - x0) * 0.05);
  const py = Math.max(0.05, (y1 - y0) * 0.05);
  const box = { west: x0 - px, east: x1 + px, south: Math.max(-85, y0 - py), north: Math.min(85, y1 + py) }; // prettier-ignore
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const aspect = ((mercY(box.north) - mercY(box.south)) * 180) / Math.PI / (box.east - box.west);
  return { box, aspect };
}

const LABEL_FONT = 11;

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * One label per zone (its latest version) at the middle of its bounding box, smaller zones first,
 * leaving out a label that would overlap one already placed (the zone keeps its tooltip, and the
 * tables name it): at truce scale a city's zones sit side by side under a wide ceasefire area.
 * Positions are estimated in the map's Mercator plane, text at ~0.6 em a character.
 */
export function placedLabels(
  zones: readonly MapZone[],
  box: Box,
  size: { width: number; height: number },
): { lon: number; lat: number; name: string }[] {
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const px = (lon: number) => ((lon - box.west) / (box.east - box.west)) * size.width;
  const py = (lat: number) =>
    ((mercY(box.north) - mercY(lat)) / (mercY(box.north) - mercY(box.south))) * size.height;
  const latest = new Map<string, MapZone>();
  for (const z of zones) latest.set(`${z.agreementId}\u0000${z.key}`, z);
  const area = (z: MapZone) => (z.bbox[2] - z.bbox[0]) * (z.bbox[3] - z.bbox[1]);
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const out: { lon: number; lat: number; name: string }[] = [];
  for (const z of [...latest.values()].sort((a, b) => area(a) - area(b))) {
    const lon = (z.bbox[0] + z.bbox[2]) / 2;
    const lat = (z.bbox[1] + z.bbox[3]) / 2;
    const [x, y] = [px(lon), py(lat)];
    const half = (z.name.length * LABEL_FONT * 0.6) / 2 + 2;
    const r = {
      x0: x - half,
      x1: x + half,
      y0: y - LABEL_FONT / 2 - 2,
      y1: y + LABEL_FONT / 2 + 2,
    };
    if (placed.some((q) => r.x0 < q.x1 && q.x0 < r.x1 && r.y0 < q.y1 && q.y0 < r.y1)) continue;
    placed.push(r);
    out.push({ lon, lat, name: z.name });
  }
  return out;
}

function zoneMarks(
  zones: readonly MapZone[],
  agreementTitle: (id: string) => string,
  box: Box,
  size: { width: number; height: number },
) {
  const marks: Plot.Markish[] = [];
  for (const kind of KINDS) {
    const features = zones
      .filter((z) => z.kind === kind)
      .map((z) => ({
        type: 'Feature' as const,
        properties: { title: `${z.name} (${ZONE_KIND_LABELS[z.kind]}), ${agreementTitle(z.agreementId)} ${z.versionLabel}` }, // prettier-ignore
        geometry: windForD3(z.geometry),
      }));
    if (features.length === 0) continue;
    const style = KIND_STYLE[kind];
    marks.push(
      Plot.geo(features, {
        fill: style.fill,
        fillOpacity: kind === 'excluded_area' ? 0.35 : 0.12,
        stroke: style.fill,
        strokeWidth: 1.2,
        strokeDasharray: style.dash,
        title: (f: { properties: { title: string } }) => f.properties.title,
        className: `zones-${kind}`,
        ariaDescription: `zones: ${ZONE_KIND_LABELS[kind]}`,
      }),
    );
  }
  marks.push(
    Plot.text(placedLabels(zones, box, size), {
      x: 'lon',
      y: 'lat',
      text: 'name',
      fontSize: LABEL_FONT,
      fontWeight: 600,
      fill: '#333',
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
      className: 'zone-names',
    }),
  );
  return marks;
}

function incidentMark(incidents: readonly MapIncident[], timeZone: string) {
  // Larger first, and certain violations on top of possible ones on top of the rest.
  const order = [...incidents].sort(
    (a, b) =>
      certaintyRank(a.violation) - certaintyRank(b.violation) || b.killedBest - a.killedBest,
  );
  return Plot.dot(order, {
    x: 'lon',
    y: 'lat',
    r: (d: MapIncident) => killedRadius(d.killedBest),
    symbol: 'violation',
    fill: 'violation',
    stroke: 'white',
    strokeWidth: 0.8,
    href: (d: MapIncident) => `#${rowAnchor('incident', d.id)}`,
    title: (d: MapIncident) =>
      `${d.eventType}${d.subEventType ? ` — ${d.subEventType}` : ''}, ${formatLocalTime(d.occurredFrom, timeZone)}: ${CERTAINTY_LABELS[d.violation]}, ${formatCount(d.killedBest)} killed`,
    className: 'incidents',
    ariaDescription: 'incidents of the period',
  });
}

/** The map, or null when there is nothing to draw. */
export function mapSvg(
  document: PlotDocument,
  map: { incidents: readonly MapIncident[]; zones: readonly MapZone[] },
  timeZone: string,
  agreementTitle: (id: string) => string,
): string | null {
  if (map.incidents.length === 0 && map.zones.length === 0) return null;
  const { box, aspect } = extent(map.zones, map.incidents);
  const height = Math.round(Math.min(560, Math.max(260, WIDTH * aspect)));
  const corners = { type: 'MultiPoint' as const, coordinates: [[box.west, box.south], [box.east, box.north]] }; // prettier-ignore
  return plotSvg(document, 'tl-map', {
    width: WIDTH,
    height,
    ariaLabel: 'Map of the period’s incidents over the zones in force',
    projection: { type: 'mercator', domain: corners, inset: 6 },
    ...scales,
    marks: [
      Plot.frame({ stroke: '#999', strokeWidth: 0.5 }),
      ...zoneMarks(map.zones, agreementTitle, box, { width: WIDTH, height }),
      incidentMark(map.incidents, timeZone),
    ],
  });
}

/** The legend: violation states (symbol and colour), sizes, and the zone kinds on the map. */
export function mapLegendSvg(document: PlotDocument, kinds: readonly ZoneKind[]): string {
  const col = 170;
  const symbols = STATES.map((s, i) => ({ x: 10 + i * col, y: 14, state: s, r: 5.5, label: CERTAINTY_LABELS[s] })); // prettier-ignore
  const sizes = [0, 5, 25].map((k, i) => ({ x: 10 + i * col, y: 42, state: 'none' as const, r: killedRadius(k), label: `${formatCount(k)} killed` })); // prettier-ignore
  const shown = KINDS.filter((k) => kinds.includes(k));
  const rows = Math.ceil(shown.length / 4);
  const swatch = (k: ZoneKind, i: number) => ({ x: 2 + (i % 4) * col, y: 64 + Math.floor(i / 4) * 24, kind: k }); // prettier-ignore
  const swatches = shown.map(swatch);
  return plotSvg(document, 'tl-map-legend', {
    width: WIDTH,
    height: 62 + rows * 24,
    margin: 0,
    ariaLabel: 'Map legend',
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    ...scales,
    marks: [
      Plot.dot([...symbols, ...sizes], { x: 'x', y: 'y', r: 'r', symbol: 'state', fill: 'state', stroke: 'white', strokeWidth: 0.8 }), // prettier-ignore
      Plot.text([...symbols, ...sizes], { x: (d: { x: number }) => d.x + 20, y: 'y', text: 'label', textAnchor: 'start', fontSize: 11 }), // prettier-ignore
      ...swatches.map((s) =>
        Plot.rect([s], {
          x1: 'x',
          x2: (d: { x: number }) => d.x + 18,
          y1: (d: { y: number }) => d.y - 7,
          y2: (d: { y: number }) => d.y + 7,
          fill: KIND_STYLE[s.kind].fill,
          fillOpacity: s.kind === 'excluded_area' ? 0.35 : 0.12,
          stroke: KIND_STYLE[s.kind].fill,
          strokeWidth: 1.2,
          strokeDasharray: KIND_STYLE[s.kind].dash,
        }),
      ),
      Plot.text(swatches, { x: (d: { x: number }) => d.x + 26, y: 'y', text: (d: { kind: ZoneKind }) => ZONE_KIND_LABELS[d.kind], textAnchor: 'start', fontSize: 11 }), // prettier-ignore
    ],
  });
}
