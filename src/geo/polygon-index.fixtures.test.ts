// Golden-file tests in the Turf style (see test/README.md): every point of test/in/*.geojson is
// related to its zone and the annotated collection must equal test/out/*.geojson.
// `REGEN=1 npx vitest run src/geo` rewrites the outputs; review their diff before committing.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PolygonIndex } from './polygon-index.ts';

const IN = new URL('./test/in/', import.meta.url);
const OUT = new URL('./test/out/', import.meta.url);
const RELATION = ['NONE', 'OVERLAPS', 'INSIDE'] as const;

/** One feature per line: readable diffs without a megabyte of pretty-printed coordinates. */
function format(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function annotate(fc: FeatureCollection): FeatureCollection {
  const [zone, ...points] = fc.features as [Feature<Polygon | MultiPolygon>, ...Feature<Point>[]];
  const index = PolygonIndex.from(zone.geometry);
  return {
    type: 'FeatureCollection',
    features: [
      zone,
      ...points.map((p) => {
        const [lon, lat] = p.geometry.coordinates as [number, number];
        const relation = RELATION[index.relateDisk(lon, lat, Number(p.properties?.radius_m))];
        // Centimetres: enough to notice a change, not so many digits that rounding noise shows.
        const distance = Math.round(index.distanceToBoundaryM(lon, lat) * 100) / 100;
        return { ...p, properties: { ...p.properties, relation, distance_m: distance } };
      }),
    ],
  };
}

describe('PolygonIndex golden files', () => {
  const files = readdirSync(IN).filter((f) => f.endsWith('.geojson'));

  it('has the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(file, () => {
      const input = JSON.parse(readFileSync(new URL(file, IN), 'utf8')) as FeatureCollection;
      const output = annotate(input);
      for (const f of output.features.slice(1)) {
        const { name, expect: wanted, relation } = f.properties ?? {};
        if (wanted !== undefined) expect(relation, `${file}: ${name}`).toBe(wanted);
      }
      const text = format(output);
      if (process.env.REGEN) writeFileSync(new URL(file, OUT), text);
      else expect(text).toBe(readFileSync(new URL(file, OUT), 'utf8'));
    });
  }
});
