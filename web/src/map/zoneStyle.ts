// How each zone kind looks: colour, boundary dash pattern and fill, the same in the map layers and
// the legend, so that kinds differ by line pattern (and excluded areas by hatching), not colour alone.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { ZONE_KINDS, type ZoneKind } from '../types.ts';

export interface KindStyle {
  label: string;
  colour: string;
  /** MapLibre line-dasharray, in line widths; empty = solid. */
  dash: number[];
  fillOpacity: number;
  description: string;
}

export const KIND_STYLE: Record<ZoneKind, KindStyle> = {
  ceasefire_area: {
    label: 'Ceasefire area',
    colour: '#1d5fa8',
    dash: [],
    fillOpacity: 0.2,
    description: 'no hostilities of any kind',
  },
  safe_zone: {
    label: 'Safe zone',
    colour: '#1b7a3a',
    dash: [4, 2],
    fillOpacity: 0.22,
    description: 'no attacks into it',
  },
  no_fly_zone: {
    label: 'No-fly zone',
    colour: '#7b2d9c',
    dash: [1, 1.5],
    fillOpacity: 0.1,
    description: 'no air operations',
  },
  corridor: {
    label: 'Humanitarian corridor',
    colour: '#b35a00',
    dash: [6, 2, 1, 2],
    fillOpacity: 0.3,
    description: 'no attacks along it',
  },
  excluded_area: {
    label: 'Excluded area',
    colour: '#3d3d3d',
    dash: [2, 2],
    fillOpacity: 0.6,
    description: 'carved out of its agreement: nothing inside counts',
  },
};

export const HATCH_IMAGE = 'hatch-excluded';
export const ZONE_LINE_WIDTH = 2;
export const ZONE_SOURCE = 'zones';
export const SELECTED_ZONE_SOURCE = 'zone-selected';

export const zoneFillLayerId = (kind: ZoneKind) => `zone-fill-${kind}`;
export const zoneLineLayerId = (kind: ZoneKind) => `zone-line-${kind}`;
export const ZONE_FILL_LAYERS = ZONE_KINDS.map(zoneFillLayerId);
export const ZONE_LINE_LAYERS = ZONE_KINDS.map(zoneLineLayerId);
export const ZONE_LABEL_LAYER = 'zone-labels';

/** A diagonal hatch (dark lines on transparent) for excluded areas, drawn on a canvas. */
export function hatchCanvas(size = 12): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = 'rgba(40, 40, 40, 0.75)';
  ctx.lineWidth = 1.6;
  ctx.lineCap = 'square';
  // Three strokes so the pattern tiles seamlessly at 45°.
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return canvas;
}

/** The hatch as the image MapLibre's fill-pattern takes. */
export function hatchImage(size = 12): ImageData {
  return hatchCanvas(size).getContext('2d')!.getImageData(0, 0, size, size);
}

const byKind = (kind: ZoneKind) => ['==', ['get', 'kind'], kind] as ['==', ['get', string], string];

export function zoneLayers(): LayerSpecification[] {
  const fills: LayerSpecification[] = ZONE_KINDS.map((kind) =>
    kind === 'excluded_area'
      ? {
          id: zoneFillLayerId(kind),
          type: 'fill',
          source: ZONE_SOURCE,
          filter: byKind(kind),
          paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': KIND_STYLE[kind].fillOpacity },
        }
      : {
          id: zoneFillLayerId(kind),
          type: 'fill',
          source: ZONE_SOURCE,
          filter: byKind(kind),
          paint: {
            'fill-color': KIND_STYLE[kind].colour,
            'fill-opacity': KIND_STYLE[kind].fillOpacity,
          },
        },
  );
  const lines: LayerSpecification[] = ZONE_KINDS.map((kind) => ({
    id: zoneLineLayerId(kind),
    type: 'line',
    source: ZONE_SOURCE,
    filter: byKind(kind),
    layout: { 'line-join': 'miter', 'line-cap': 'butt' },
    paint: {
      'line-color': KIND_STYLE[kind].colour,
      'line-width': ZONE_LINE_WIDTH,
      ...(KIND_STYLE[kind].dash.length > 0 && { 'line-dasharray': KIND_STYLE[kind].dash }),
    },
  }));
  const selected: LayerSpecification = {
    id: 'zone-selected-line',
    type: 'line',
    source: SELECTED_ZONE_SOURCE,
    paint: { 'line-color': '#ffbf00', 'line-width': 5, 'line-opacity': 0.85 },
  };
  return [...fills, selected, ...lines];
}

/** Zone names in their kind's colour (the zone editor draws them from its own source). */
export function zoneLabelLayer(id = ZONE_LABEL_LAYER, source = ZONE_SOURCE): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['sans-serif'],
      'text-size': 12,
      'text-max-width': 10,
      'text-padding': 4,
    },
    paint: {
      'text-color': [
        'match',
        ['get', 'kind'],
        ...ZONE_KINDS.flatMap((k) => [k, KIND_STYLE[k].colour]),
        '#222222',
      ] as unknown as ExpressionSpecification,
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.6,
    },
  };
}
