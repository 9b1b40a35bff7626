// Query-string schemas shared by the list routes and the CLI flags: time ranges, bounding boxes,
// paging, the violation and map filters.
import { z } from 'zod';
import { EVENT_TYPES } from './event-types.ts';
import { RELIABILITY_GRADES } from './report.ts';
import { VIOLATION_STATUSES, type ViolationStatus } from './violation-review.ts';

export const isoQuery = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2018-02-17T00:00:00Z' })
  .transform((v) => Date.parse(v));

export const bboxQuery = z.string().transform((v, ctx) => {
  const parts = v.split(',').map((p) => Number(p.trim()));
  const [x0, y0, x1, y1] = parts;
  if (
    parts.length !== 4 ||
    parts.some((n) => !Number.isFinite(n)) ||
    x0! < -180 || x1! > 180 || y0! < -90 || y1! > 90 || x0! > x1! || y0! > y1!
  ) {
    ctx.issues.push({
      code: 'custom',
      input: v,
      message: 'must be minLon,minLat,maxLon,maxLat in WGS84 degrees, with min <= max',
    });
    return z.NEVER;
  }
  return parts as [number, number, number, number];
}); // prettier-ignore

export const pagingQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(10_000, 'must be at most 10000')
    .default(100),
  offset: z.coerce.number().int().min(0, 'must be 0 or more').default(0),
};

/** Filters on violations, shared by GET /api/v1/violations and `truceline violations`. */
export const violationFilterQuery = z.object({
  agreement: z.string().optional(),
  zone: z.string().optional(),
  certainty: z.enum(['certain', 'possible'], { message: 'must be certain or possible' }).optional(),
  from: isoQuery.optional(),
  until: isoQuery.optional(),
  bbox: bboxQuery.optional(),
  /** Comma-separated statuses, or `all`; default: everything but superseded. */
  status: z
    .string()
    .transform((v, ctx) => {
      if (v === 'all') return [...VIOLATION_STATUSES];
      const parts = v.split(',').map((p) => p.trim());
      const bad = parts.find((p) => !(VIOLATION_STATUSES as readonly string[]).includes(p));
      if (bad !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `"${bad}" is not a status; use ${VIOLATION_STATUSES.join(', ')} or all`,
        });
        return z.NEVER;
      }
      return parts as ViolationStatus[];
    })
    .optional(),
  format: z.enum(['json', 'csv'], { message: 'must be json or csv' }).default('json'),
  /**
   * CSV only: keep cell values verbatim (`raw=true`, CLI `--raw`) instead of making them
   * spreadsheet-safe (a leading `'` before a cell starting with `=`, `+`, `-`, `@`, tab or CR that
   * is not a plain number), for machine round trips.
   */
  raw: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
      message: 'must be true or false',
    })
    .default(false),
});

const ZOOM_MESSAGE = 'must be a whole number from 0 to 22';

/** GET /api/v1/map/incidents: the box and zoom of the map view, the window and the filters. */
export const mapIncidentsQuery = z
  .object({
    bbox: bboxQuery,
    zoom: z.coerce
      .number({ message: ZOOM_MESSAGE })
      .int(ZOOM_MESSAGE)
      .min(0, ZOOM_MESSAGE)
      .max(22, ZOOM_MESSAGE),
    from: isoQuery.optional(),
    until: isoQuery.optional(),
    agreement: z.string().optional(),
    event_type: z.enum(EVENT_TYPES).optional(),
    certainty: z
      .enum(['certain', 'possible'], { message: 'must be certain or possible' })
      .optional(),
    min_reliability: z
      .enum(RELIABILITY_GRADES, { message: 'must be a source reliability grade, A to F' })
      .optional(),
  })
  .refine((q) => q.from === undefined || q.until === undefined || q.from < q.until, {
    message: 'must be later than from',
    path: ['until'],
  });
