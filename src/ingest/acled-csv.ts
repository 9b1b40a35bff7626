// ACLED CSV (the 31 current columns) → incident import rows. Streaming: one record at a time.
// Each row is validated here, at the edge; a bad row becomes a rejection naming its column.
import { Readable, pipeline } from 'node:stream';
import Papa from 'papaparse';
import { z } from 'zod';
import { parseEventType, parseSubEventType } from '../domain/event-types.ts';
import { parseIsoDay } from '../domain/time-window.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import type { GeoPrecisionRadii } from '../domain/geo-precision.ts';
import { fieldPath } from '../domain/validate.ts';
import type { ImportRow } from './import-row.ts';
import { AppError } from '../domain/errors.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { geocodeMissingCoordinates } from './geocode-row.ts';

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

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const t = v?.trim();
      return t ? t.slice(0, max) : null;
    });

const range = (column: string, min: number, max: number) =>
  decimal(column).refine(
    (n) => n >= min && n <= max,
    `${column} must be between ${min} and ${max}`,
  );

/** One ACLED record, validated in a single pass (one schema: the per-row cost of ingest). */
const acledRowObject = z.object({
  event_id_cnty: z.string().trim().min(1, 'event_id_cnty is empty').max(128),
  event_date: z.string().transform((v, ctx) => {
    const d = parseAcledDate(v);
    if (!d || parseIsoDay(d) === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `event_date must be a real date like 2018-02-17 or 17 February 2018, got "${v}"`,
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
  sub_event_type: text(100),
  latitude: range('latitude', -90, 90),
  longitude: range('longitude', -180, 180),
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
  actor1: text(300),
  actor2: text(300),
  source: text(1000),
  notes: text(20_000),
  country: text(100),
  admin1: text(200),
  admin2: text(200),
  admin3: text(200),
  location: text(200),
});

/** Columns that map onto incident fields; the rest are kept as attributes for export. */
const MAPPED: ReadonlySet<string> = new Set(Object.keys(acledRowObject.shape));

const acledRowSchema = acledRowObject.transform((a, ctx) => {
  const sub = a.sub_event_type ? parseSubEventType(a.event_type, a.sub_event_type) : undefined;
  if (a.sub_event_type && !sub) {
    ctx.issues.push({
      code: 'custom',
      input: a.sub_event_type,
      path: ['sub_event_type'],
      message: `"${a.sub_event_type}" is not a sub-event type of ${a.event_type}`,
    });
    return z.NEVER;
  }
  return { ...a, sub_event_type: sub ?? null };
});

/** Validates one ACLED record (already keyed by column) into an import row. */
export function acledRecordToRow(
  row: number,
  record: Record<string, string>,
  radii: GeoPrecisionRadii,
  now = Date.now(),
): ImportRow {
  // No coordinates but a place named: the gazetteer's point, with a radius covering the place.
  const geo = geocodeMissingCoordinates(record, Gazetteer.load);
  if (geo && !geo.ok) return { row, error: { field: 'latitude', message: geo.message } };
  const parsed = acledRowSchema.safeParse(
    geo ? { ...record, latitude: String(geo.lat), longitude: String(geo.lon) } : record,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { row, error: { field: fieldPath(issue.path) || 'row', message: issue.message } };
  }
  const a = parsed.data;
  if ((parseIsoDay(a.event_date) ?? 0) > now)
    return {
      row,
      error: { field: 'event_date', message: `event_date ${a.event_date} is in the future` },
    };
  const draft = incidentDraftFromInput(
    {
      external_id: a.event_id_cnty,
      event_type: a.event_type,
      sub_event_type: a.sub_event_type,
      occurred_on: a.event_date,
      time_precision: a.time_precision ?? 1,
      lon: a.longitude,
      lat: a.latitude,
      geo_precision: a.geo_precision,
      ...(geo && { uncertainty_m: Math.max(geo.uncertainty_m, radii[a.geo_precision ?? 1]) }),
      actor1: a.actor1,
      actor2: a.actor2,
      fatalities: a.fatalities ?? null,
      source: a.source,
      notes: a.notes,
      country: a.country,
      admin1: a.admin1,
      admin2: a.admin2,
      admin3: a.admin3,
      location: a.location,
    },
    radii,
  );
  for (const k in record) {
    const v = record[k]!;
    if (v !== '' && !MAPPED.has(k)) draft.attributes[k] = v;
  }
  if (geo) draft.attributes.geocoded = geo.geocoded;
  return { row, draft };
}

/** Streams ACLED CSV text into import rows; row 1 is the first data row after the header. */
export async function* readAcledCsv(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  radii: GeoPrecisionRadii,
  now = Date.now(),
): AsyncGenerator<ImportRow> {
  // papaparse's streaming mode: ~2× faster than csv-parse on ACLED rows (bench/ingest.bench.ts).
  // Errors of the source surface through the parser's iterator; breaking out destroys both.
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
  pipeline(Readable.from(source), parser, () => {});
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) =>
          h
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        );
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
      yield acledRecordToRow(row, keyed, radii, now);
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
