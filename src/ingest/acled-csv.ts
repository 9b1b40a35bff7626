// ACLED CSV (the 31 current columns) → incident import rows. Streaming: one record at a time.
// Each row is validated here, at the edge; a bad row becomes a rejection naming its column.
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { parseEventType, parseSubEventType } from '../domain/event-types.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { incidentInputSchema } from '../domain/schemas.ts';
import { fieldPath } from '../domain/validate.ts';
import type { ImportRow } from '../app/incidents.ts';
import { AppError } from '../domain/errors.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'latitude',
  'longitude',
];

/** Columns that map onto incident fields; the rest are kept as attributes for export. */
const MAPPED = new Set([
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
]);

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]; // prettier-ignore

/** `2018-02-17` or `17 February 2018` → `2018-02-17`, or undefined. */
export function parseAcledDate(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const m = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(v);
  if (!m) return undefined;
  const month = MONTHS.findIndex(
    (name) => name.startsWith(m[2]!.toLowerCase()) && m[2]!.length >= 3,
  );
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const precision = (column: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return undefined;
      if (v === '1' || v === '2' || v === '3') return Number(v) as 1 | 2 | 3;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `${column} must be 1, 2 or 3, got "${v}"`,
      });
      return z.NEVER;
    });

const decimal = (column: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) {
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `${column} must be a number, got "${v}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const acledRowSchema = z.object({
  event_id_cnty: z.string().trim().min(1, 'event_id_cnty is empty'),
  event_date: z.string().transform((v, ctx) => {
    const d = parseAcledDate(v);
    if (!d) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `event_date must look like 2018-02-17 or 17 February 2018, got "${v}"`,
      });
      return z.NEVER;
    }
    return d;
  }),
  time_precision: precision('time_precision').optional(),
  event_type: z.string().transform((v, ctx) => {
    const t = parseEventType(v);
    if (!t) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `event_type "${v}" is not in ACLED's taxonomy`,
      });
      return z.NEVER;
    }
    return t;
  }),
  sub_event_type: z.string().optional(),
  latitude: decimal('latitude'),
  longitude: decimal('longitude'),
  geo_precision: precision('geo_precision').optional(),
  fatalities: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (!/^\d+$/.test(v)) {
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `fatalities must be a whole number, got "${v}"`,
        });
        return z.NEVER;
      }
      return Number(v);
    }),
});

/** Validates one ACLED record (already keyed by column) into an import row. */
export function acledRecordToRow(
  row: number,
  record: Record<string, string>,
  radii: GeoPrecisionRadii,
): ImportRow {
  const parsed = acledRowSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { row, error: { field: fieldPath(issue.path) || 'row', message: issue.message } };
  }
  const a = parsed.data;
  const sub = a.sub_event_type?.trim();
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (!MAPPED.has(k) && v !== '') attributes[k] = v;
  const input = incidentInputSchema.safeParse({
    external_id: a.event_id_cnty,
    event_type: a.event_type,
    sub_event_type: sub ? (parseSubEventType(a.event_type, sub) ?? sub) : undefined,
    occurred_on: a.event_date,
    time_precision: a.time_precision ?? 1,
    lon: a.longitude,
    lat: a.latitude,
    geo_precision: a.geo_precision,
    actor1: record.actor1,
    actor2: record.actor2,
    fatalities: a.fatalities,
    source: record.source,
    notes: record.notes,
    country: record.country,
    admin1: record.admin1,
    admin2: record.admin2,
    admin3: record.admin3,
    location: record.location,
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const acledName: Record<string, string> = {
      lon: 'longitude',
      lat: 'latitude',
      external_id: 'event_id_cnty',
      occurred_on: 'event_date',
    };
    const f = fieldPath(issue.path);
    return { row, error: { field: acledName[f] ?? f, message: issue.message } };
  }
  const draft = incidentDraftFromInput(input.data, radii);
  draft.attributes = attributes;
  return { row, draft };
}

/** Streams ACLED CSV text into import rows; row 1 is the first data row after the header. */
export async function* readAcledCsv(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  radii: GeoPrecisionRadii,
): AsyncGenerator<ImportRow> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  // Errors of the source surface through the parser's iterator; breaking out destroys both.
  pipeline(Readable.from(source), parser, () => {});
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = ACLED_REQUIRED.filter((c) => !header!.includes(c));
        if (missing.length > 0)
          throw new AppError(
            'unsupported_format',
            `not an ACLED CSV: the header lacks ${missing.join(', ')}`,
            missing[0],
          );
        continue;
      }
      row++;
      if (record.length !== header.length) {
        yield {
          row,
          error: {
            field: 'row',
            message: `has ${record.length} columns where the header has ${header.length}`,
          },
        };
        continue;
      }
      const keyed: Record<string, string> = {};
      header.forEach((h, i) => (keyed[h] = record[i]!));
      yield acledRecordToRow(row, keyed, radii);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'validation_failed',
      `CSV cannot be read after data row ${row}: ${(e as Error).message}`,
      `row ${row + 1}`,
    );
  }
}
