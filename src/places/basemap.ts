// The offline base map (GET /api/v1/map/basemap): the world's countries (Natural Earth 1:110m via
// `world-atlas`) and Syria's 14 governorates (data/basemap/syria-adm1.json, simplified from the
// OCHA admin 1 layer by scripts/build-basemap.ts). Read once; the JSON body is kept as text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const BASEMAP_ATTRIBUTION =
  'Countries: Natural Earth (public domain), via world-atlas. Syrian governorates: UN OCHA Syria ' +
  'Common Operational Datasets (COD-AB), admin 1 (2020), CC BY-IGO — © UN OCHA.';

const SYRIA_ADM1 = new URL('../../data/basemap/syria-adm1.json', import.meta.url);

export interface Basemap {
  countries: FeatureCollection<Geometry, { name: string }>;
  syria_admin1: FeatureCollection<Geometry, { name_en: string; pcode: string }>;
  attribution: string;
}

// Three decimals (~100 m) are finer than 1:110m's own detail and keep the body small. 1:110m
// rather than 1:50m: the countries are context around the OCHA governorates, and the 1:50m
// layer (1.8 MB) took the map's web worker ~2 s to tile before the first paint.
const round3 = (x: number) => Math.round(x * 1000) / 1000;
type Coordinates = Position | Coordinates[];
const roundCoordinates = (c: Coordinates): Coordinates =>
  typeof c[0] === 'number'
    ? (c as Position).map(round3)
    : (c as Coordinates[]).map(roundCoordinates);

function rounded(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(rounded) };
  return { ...g, coordinates: roundCoordinates(g.coordinates as Coordinates) } as Geometry;
}

function countries(): Basemap['countries'] {
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries);
  const features: Feature<Geometry, { name: string }>[] = [];
  for (const f of fc.features)
    if (f.geometry)
      features.push({
        type: 'Feature',
        properties: { name: f.properties.name },
        geometry: rounded(f.geometry),
      });
  return { type: 'FeatureCollection', features };
}

function syriaAdmin1(): Basemap['syria_admin1'] {
  const file = JSON.parse(readFileSync(SYRIA_ADM1, 'utf8')) as Basemap['syria_admin1'];
  return { type: 'FeatureCollection', features: file.features };
}

export function loadBasemap(): Basemap {
  return { countries: countries(), syria_admin1: syriaAdmin1(), attribution: BASEMAP_ATTRIBUTION };
}

let body: string | null = null;

/** The base map as a JSON body, built on first use and kept for the life of the process. */
export function basemapBody(): string {
  body ??= JSON.stringify(loadBasemap());
  return body;
}
