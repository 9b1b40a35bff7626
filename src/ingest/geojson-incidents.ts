// GeoJSON incidents (a FeatureCollection of Points; feature id = external id) → import rows.
import { Readable, pipeline } from 'node:stream';
import { JSONParser } from '@streamparser/json-node';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { geocodeMissingCoordinates } from './geocode-row.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { incidentInputSchema } from '../domain/schemas.ts';
import { fieldPath, parseInput } from '../domain/validate.ts';
import { findInputProblem, parseJsonText } from '../domain/input-safety.ts';
import { reportDraftsOf } from '../domain/report.ts';
import type { ImportRow } from './import-row.ts';

const collectionSchema = z.object({
  type: z.literal('FeatureCollection', { message: 'must be "FeatureCollection"' }),
  features: z.array(z.unknown()),
});

const featureSchema = z.object({
  type: z.literal('Feature', { message: 'must be "Feature"' }),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z
    .object({
      type: z.literal('Point', { message: 'incidents are Point features' }),
      coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
    })
    .nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

export function parseGeoJsonText(text: string): unknown {
  return parseJsonText(text);
}

/** Validates each feature on its own: one bad feature is rejected, the others are read. */
export function* readGeoJsonIncidents(
  collection: unknown,
  radii: GeoPrecisionRadii,
): Generator<ImportRow> {
  const fc = parseInput(collectionSchema, collection);
  for (const [i, raw] of fc.features.entries()) yield featureToRow(raw, i, radii);
}

/**
 * Streams a FeatureCollection feature by feature (constant memory for any file size): only the
 * current feature is ever held, so a file of millions of incidents imports like a CSV.
 */
export async function* readGeoJsonStream(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  radii: GeoPrecisionRadii,
): AsyncGenerator<ImportRow> {
  const parser = new JSONParser({ paths: ['$.type', '$.features.*'], keepStack: false });
  pipeline(Readable.from(source), parser, () => {});
  let index = 0;
  let type: unknown;
  try {
    for await (const { value, key } of parser as AsyncIterable<{ value: unknown; key: unknown }>) {
      if (key === 'type' && typeof value === 'string') {
        type = value;
        if (type !== 'FeatureCollection')
          throw new AppError('unsupported_format', 'must be "FeatureCollection"', 'type');
        continue;
      }
      yield featureToRow(value, index++, radii);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'validation_failed',
      `not valid JSON after feature ${index}: ${(e as Error).message}`,
      `features[${index}]`,
    );
  }
  if (type !== 'FeatureCollection')
    throw new AppError('unsupported_format', 'not a GeoJSON FeatureCollection', 'type');
}

function featureToRow(raw: unknown, i: number, radii: GeoPrecisionRadii): ImportRow {
  const row = i + 1;
  const prefix = `features[${i}]`;
  // The rule of every input (src/domain/input-safety.ts): well-formed Unicode, bounded nesting.
  // The stream parser builds a feature without recursion; this walk is iterative too.
  const problem = findInputProblem(raw);
  if (problem)
    return { row, error: { field: fieldPath(problem.path, prefix), message: problem.message } };
  const feature = featureSchema.safeParse(raw);
  if (!feature.success) {
    const issue = feature.error.issues[0]!;
    return { row, error: { field: fieldPath(issue.path, prefix), message: issue.message } };
  }
  const f = feature.data;
  const p = f.properties ?? {};
  // No geometry but a place named: the gazetteer's point, with a radius covering the place.
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const geo = f.geometry
    ? null
    : geocodeMissingCoordinates(
        {
          admin1: str(p.admin1),
          admin2: str(p.admin2),
          admin3: str(p.admin3),
          location: str(p.location),
        },
        Gazetteer.load,
      );
  if (!f.geometry && !geo)
    return {
      row,
      error: {
        field: `${prefix}.geometry`,
        message: 'incidents are Point features, or name a place (admin1–3, location)',
      },
    };
  if (geo && !geo.ok) return { row, error: { field: `${prefix}.geometry`, message: geo.message } };
  const [lon, lat] = f.geometry ? f.geometry.coordinates : [geo!.lon, geo!.lat];
  const input = incidentInputSchema.safeParse({
    ...p,
    external_id: f.id ?? p.external_id,
    lon,
    lat,
    ...(geo && {
      uncertainty_m: Math.max(
        geo.uncertainty_m,
        typeof p.uncertainty_m === 'number' ? p.uncertainty_m : 0,
      ),
    }),
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const field = fieldPath(issue.path);
    const where =
      field === 'lon' || field === 'lat'
        ? `${prefix}.geometry.coordinates`
        : `${prefix}.properties.${field}`;
    return { row, error: { field: where, message: issue.message } };
  }
  const reports = reportDraftsOf(input.data.reports);
  const draft = incidentDraftFromInput(input.data, radii);
  if (geo) draft.attributes.geocoded = geo.geocoded;
  return { row, draft, ...(reports && { reports }) };
}
