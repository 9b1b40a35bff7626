// GeoJSON incidents (a FeatureCollection of Points; feature id = external id) → import rows.
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { incidentInputSchema } from '../domain/schemas.ts';
import { fieldPath, parseInput } from '../domain/validate.ts';
import { reportDraftsOf } from '../domain/report.ts';
import type { ImportRow } from '../app/incidents.ts';

const collectionSchema = z.object({
  type: z.literal('FeatureCollection', { message: 'must be "FeatureCollection"' }),
  features: z.array(z.unknown()),
});

const featureSchema = z.object({
  type: z.literal('Feature', { message: 'must be "Feature"' }),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.object({
    type: z.literal('Point', { message: 'incidents are Point features' }),
    coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
  }),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

export function parseGeoJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('validation_failed', `not valid JSON: ${(e as Error).message}`, '(body)');
  }
}

/** Validates each feature on its own: one bad feature is rejected, the others are read. */
export function* readGeoJsonIncidents(
  collection: unknown,
  radii: GeoPrecisionRadii,
): Generator<ImportRow> {
  const fc = parseInput(collectionSchema, collection);
  for (const [i, raw] of fc.features.entries()) {
    const row = i + 1;
    const prefix = `features[${i}]`;
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) {
      const issue = feature.error.issues[0]!;
      yield { row, error: { field: fieldPath(issue.path, prefix), message: issue.message } };
      continue;
    }
    const f = feature.data;
    const [lon, lat] = f.geometry.coordinates;
    const input = incidentInputSchema.safeParse({
      ...f.properties,
      external_id: f.id ?? f.properties?.external_id,
      lon,
      lat,
    });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      const field = fieldPath(issue.path);
      const where =
        field === 'lon' || field === 'lat'
          ? `${prefix}.geometry.coordinates`
          : `${prefix}.properties.${field}`;
      yield { row, error: { field: where, message: issue.message } };
      continue;
    }
    const reports = reportDraftsOf(input.data.reports);
    yield { row, draft: incidentDraftFromInput(input.data, radii), ...(reports && { reports }) };
  }
}
