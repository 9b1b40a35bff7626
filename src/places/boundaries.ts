// Boundary layers for the zone editor (GET /api/v1/map/boundaries/:layer): Aleppo city's
// neighbourhoods, Syria's districts and governorates, as built into data/basemap/ by
// scripts/build-basemap.ts from UN OCHA's COD-AB. Each file is read and serialised once per
// process, on first use; the body is the committed GeoJSON with its attribution.
import { readFileSync } from 'node:fs';
import { type BoundaryLayer } from '../domain/boundary-layers.ts';

export {
  BOUNDARY_LAYERS,
  boundaryLayerSchema,
  type BoundaryLayer,
} from '../domain/boundary-layers.ts';

const FILES: Record<BoundaryLayer, URL> = {
  aleppo_neighbourhoods: new URL('../../data/basemap/aleppo-neighbourhoods.json', import.meta.url),
  syria_admin2: new URL('../../data/basemap/syria-adm2.json', import.meta.url),
  syria_admin1: new URL('../../data/basemap/syria-adm1.json', import.meta.url),
};

interface BoundaryFile {
  type: 'FeatureCollection';
  attribution: string;
  features: unknown[];
}

/** The layer as served: a FeatureCollection (name_en, pcode; neighbourhoods also name_ar). */
function loadLayer(layer: BoundaryLayer): string {
  const file = JSON.parse(readFileSync(FILES[layer], 'utf8')) as BoundaryFile;
  return JSON.stringify({
    type: 'FeatureCollection',
    layer,
    attribution: file.attribution,
    features: file.features,
  });
}

const bodies = new Map<BoundaryLayer, string>();

/** One layer as a JSON body, read on first use and kept for the life of the process. */
export function boundaryBody(layer: BoundaryLayer): string {
  let body = bodies.get(layer);
  if (body === undefined) {
    body = loadLayer(layer);
    bodies.set(layer, body);
  }
  return body;
}
