// Incident layers: server-side clusters as circles with counts, single incidents as circles sized
// by fatalities and marked by violation certainty three ways (colour, outline, and a ! or ? glyph),
// and the uncertainty disk of the incident under the pointer.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CERTAINTIES_MOST_SEVERE_FIRST } from '../../../src/domain/certainty.ts';
import type { Certainty } from '../types.ts';

export const INCIDENT_SOURCE = 'incidents';
export const HOVER_SOURCE = 'incident-hover';
export const CLUSTER_LAYER = 'incident-clusters';
export const POINT_LAYER = 'incident-points';
export const INCIDENT_LAYERS = [CLUSTER_LAYER, POINT_LAYER];
export const SELECTED_INCIDENT_LAYER = 'incident-selected';

/** Only the selected incident (none: an id no incident has). */
export const selectedIncidentFilter = (id: string | null): ExpressionSpecification => [
  '==',
  ['get', 'id'],
  id ?? '',
];

export interface CertaintyStyle {
  label: string;
  fill: string;
  /** Clusters are filled; a pale fill would vanish, so they take the outline colour. */
  clusterFill: string;
  stroke: string;
  strokeWidth: number;
  glyph: string;
  description: string;
}

export const CERTAINTY_STYLE: Record<Certainty, CertaintyStyle> = {
  certain: {
    label: 'Certain violation',
    fill: '#c62828',
    clusterFill: '#c62828',
    stroke: '#3b0a0a',
    strokeWidth: 3,
    glyph: '!',
    description: 'solid red disc, dark outline, “!”',
  },
  possible: {
    label: 'Possible violation',
    fill: '#fff4e0',
    clusterFill: '#e07b00',
    stroke: '#d46a00',
    strokeWidth: 3,
    glyph: '?',
    description: 'pale disc, thick orange ring, “?”',
  },
  none: {
    label: 'No violation',
    fill: '#6b7f8c',
    clusterFill: '#6b7f8c',
    stroke: '#ffffff',
    strokeWidth: 1,
    glyph: '',
    description: 'small grey disc',
  },
};

const byCertainty = (pick: (s: CertaintyStyle) => string | number, fallback: string | number) =>
  [
    'match',
    ['get', 'violation'],
    ...CERTAINTIES_MOST_SEVERE_FIRST.flatMap((c) => [c, pick(CERTAINTY_STYLE[c])]),
    fallback,
  ] as unknown as ExpressionSpecification;

const isCluster: ExpressionSpecification = ['==', ['get', 'cluster'], true];
const notCluster: ExpressionSpecification = ['!=', ['get', 'cluster'], true];

/** Circle radius in pixels by fatalities (0 or unknown → 5 px). */
export const FATALITY_RADIUS: [number, number][] = [
  [0, 5],
  [1, 6],
  [10, 9],
  [50, 14],
  [200, 20],
];

/** Cluster circle radius in pixels: 14 px, then from each point count on, the next size. */
export const CLUSTER_RADIUS = {
  base: 14,
  steps: [
    [10, 18],
    [50, 24],
    [200, 30],
  ] as [number, number][],
};
export const CLUSTER_OPACITY = 0.85;
export const CLUSTER_STROKE = { colour: '#ffffff', width: 2 };
/** Cluster counts and the ! / ? glyphs (sizes in pixels). */
export const CLUSTER_TEXT = { size: 13, colour: '#ffffff', halo: '#222222' };
export const GLYPH_TEXT = { size: 11 };
/** The glyph's colour: white on a certain violation's red disc, dark orange on the pale one. */
export const glyphColour = (violation: Certainty): string =>
  violation === 'certain' ? '#ffffff' : '#7a3b00';

/** The incident point radius: linear between the fatality stops, as the point layer's interpolate. */
export function fatalityRadius(fatalities: number): number {
  const stops = FATALITY_RADIUS;
  if (fatalities <= stops[0]![0]) return stops[0]![1];
  for (let i = 1; i < stops.length; i++) {
    const [x1, r1] = stops[i]!;
    const [x0, r0] = stops[i - 1]!;
    if (fatalities <= x1) return r0 + ((r1 - r0) * (fatalities - x0)) / (x1 - x0);
  }
  return stops[stops.length - 1]![1];
}

/** The cluster radius: the cluster layer's step expression over the point count. */
export function clusterRadius(count: number): number {
  let r = CLUSTER_RADIUS.base;
  for (const [from, radius] of CLUSTER_RADIUS.steps) if (count >= from) r = radius;
  return r;
}

export function incidentLayers(): LayerSpecification[] {
  return [
    {
      id: 'incident-hover-fill',
      type: 'fill',
      source: HOVER_SOURCE,
      paint: { 'fill-color': '#c62828', 'fill-opacity': 0.12 },
    },
    {
      id: 'incident-hover-line',
      type: 'line',
      source: HOVER_SOURCE,
      paint: { 'line-color': '#7a1010', 'line-width': 1.5, 'line-dasharray': [2, 1] },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: INCIDENT_SOURCE,
      filter: isCluster,
      paint: {
        'circle-color': byCertainty((s) => s.clusterFill, '#6b7f8c'),
        'circle-opacity': CLUSTER_OPACITY,
        'circle-radius': [
          'step',
          ['get', 'point_count'],
          CLUSTER_RADIUS.base,
          ...CLUSTER_RADIUS.steps.flat(),
        ] as unknown as ExpressionSpecification,
        'circle-stroke-color': CLUSTER_STROKE.colour,
        'circle-stroke-width': CLUSTER_STROKE.width,
      },
    },
    {
      id: 'incident-cluster-count',
      type: 'symbol',
      source: INCIDENT_SOURCE,
      filter: isCluster,
      layout: {
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': ['sans-serif'],
        'text-size': CLUSTER_TEXT.size,
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': CLUSTER_TEXT.colour,
        'text-halo-color': CLUSTER_TEXT.halo,
        'text-halo-width': 1,
      },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: INCIDENT_SOURCE,
      filter: notCluster,
      paint: {
        'circle-color': byCertainty((s) => s.fill, '#6b7f8c'),
        'circle-stroke-color': byCertainty((s) => s.stroke, '#ffffff'),
        'circle-stroke-width': byCertainty((s) => s.strokeWidth, 1),
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['coalesce', ['get', 'fatalities'], 0],
          ...FATALITY_RADIUS.flat(),
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: SELECTED_INCIDENT_LAYER,
      type: 'circle',
      source: INCIDENT_SOURCE,
      filter: selectedIncidentFilter(null),
      paint: {
        'circle-radius': 16,
        'circle-opacity': 0,
        'circle-stroke-color': '#ffbf00',
        'circle-stroke-width': 4,
      },
    },
    {
      id: 'incident-point-glyph',
      type: 'symbol',
      source: INCIDENT_SOURCE,
      filter: notCluster,
      layout: {
        'text-field': byCertainty((s) => s.glyph, ''),
        'text-font': ['sans-serif'],
        'text-size': GLYPH_TEXT.size,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': [
          'match',
          ['get', 'violation'],
          'certain',
          glyphColour('certain'),
          glyphColour('possible'),
        ],
      },
    },
  ];
}
