// Pieces of the HTTP contract every resource shares: ISO times, GeoJSON geometries and features,
// list envelopes, the error body. Response schemas are strict objects, so a field the server adds
// without declaring it fails the response check (test builds) instead of reaching the client
// undocumented. Pure: imports only zod and src/domain.
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.ts';

/** An instant as the server writes it: `Date.prototype.toISOString()` (UTC, milliseconds). */
export const isoTime = z.iso.datetime();
/** A calendar day, `2018-02-17`. */
export const isoDay = z.iso.date();

export const position = z.array(z.number()).min(2).max(3);
export const pointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: position });
export const polygonGeometry = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position)),
});
export const multiPolygonGeometry = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
});
export const areaGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry]);
/** Any GeoJSON geometry but a GeometryCollection (none is served). */
export const anyGeometry = z.discriminatedUnion('type', [
  pointGeometry,
  z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position) }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position)) }),
  polygonGeometry,
  multiPolygonGeometry,
]);
export const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** A GeoJSON Feature of this geometry and these properties (id and bbox where the server sets them). */
export function feature<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.strictObject({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    bbox: bbox.optional(),
    geometry,
    properties,
  });
}

export function featureCollection<F extends z.ZodType>(f: F) {
  return z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(f) });
}

/** `{ items }`: a whole list. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item) });
}

/** `{ items, total, limit, offset }`: one page of a longer list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
  });
}

/** `{ ok: true }`: a step that has nothing else to say. */
export const okResponse = z.strictObject({ ok: z.literal(true) });

/** low / best / high of a count; null where no report gave one. */
export const countRange = z.strictObject({
  low: z.number().nullable(),
  best: z.number().nullable(),
  high: z.number().nullable(),
});

/** Every error leaves the server in this shape (src/server/errors.ts). */
export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    field: z.string().optional().describe('The input field at fault, e.g. versions[0].valid_until'),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  }),
});
