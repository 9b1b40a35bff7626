// HXL CSV (a hashtag row such as `#date`, `#geo+lat` in the first or second line) → incident
// import rows. Tags are matched case-insensitively whatever the order of their attributes; a bad
// row becomes a rejection naming its tag; tags Truceline has no field for are kept as attributes.
import Papa from 'papaparse';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { geocodeMissingCoordinates } from './geocode-row.ts';
import { parseEventType, parseSubEventType, type EventType } from '../domain/event-types.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import { NO_COUNT, reportDraft, type CasualtyCount } from '../domain/report.ts';
import type { IncidentInput } from '../domain/schemas.ts';
import { parseIsoDay, toIso } from '../domain/time-window.ts';
import type { ImportRow } from './import-row.ts';
import {
  cellCode,
  cellCount,
  cellCountError,
  cellDecimal,
  cellText,
  readCsvRecords,
  REPORT_LIMITS,
  sourceNames,
  type CsvSource,
  type IntakeOptions,
} from './csv-records.ts';

/** Truceline field → the HXL tag it is read from and exported as (export column order). */
export const HXL_EXPORT_TAGS = {
  external_id: '#event+id',
  occurred_on: '#date',
  time_precision: '#date+precision',
  event_type: '#event+type',
  sub_event_type: '#event+subtype',
  actor1: '#actor+name+a',
  actor2: '#actor+name+b',
  country: '#country+name',
  admin1: '#adm1+name',
  admin2: '#adm2+name',
  admin3: '#adm3+name',
  location: '#loc+name',
  lat: '#geo+lat',
  lon: '#geo+lon',
  geo_precision: '#geo+precision',
  fatalities: '#affected+killed',
  civilians_killed: '#affected+killed+civilians',
  injured: '#affected+injured',
  source: '#meta+source',
  reference: '#meta+url',
  notes: '#description',
} as const;
export type HxlField = keyof typeof HXL_EXPORT_TAGS;

/** Other tags read into a field when its export tag is absent, in order of preference. */
const ALIASES: Partial<Record<HxlField, string[]>> = {
  actor1: ['#org+name+a', '#actor+name'],
  actor2: ['#org+name+b'],
  notes: ['#event+description'],
};

const REQUIRED: HxlField[] = ['occurred_on', 'lat', 'lon', 'event_type'];

/** `#Geo +Lat` → `#geo+lat` (as written, lower case), key `#geo+lat` (attributes sorted). */
export function parseHxlTag(cell: string): { text: string; key: string } | undefined {
  const text = cell
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  const m = /^(#[a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/.exec(text);
  if (!m) return undefined;
  const attributes = [...new Set(m[2]!.split('+').filter(Boolean))].sort();
  return { text, key: [m[1]!, ...attributes].join('+') };
}

const isHashtagRow = (cells: readonly string[]) =>
  cells.filter((c) =>
    c
      .replace(/^\uFEFF/, '')
      .trim()
      .startsWith('#'),
  ).length >= 2;

/** HXL when the first or second line has at least two cells starting with `#`. */
export function detectHxl(headText: string): boolean {
  const { data } = Papa.parse<string[]>(headText.replace(/^\uFEFF/, ''), { preview: 2 });
  return data.some(isHashtagRow);
}

/**
 * Which column feeds each field (and the tag as the file writes it, for errors), and the tag each
 * other tagged column is kept under as an attribute: attributes sorted, so that `#x+b+a` and
 * `#x+a+b` keep the same key; a repeated tag gets ` (2)`, ` (3)`, …; untagged columns are dropped.
 */
interface HxlColumns {
  width: number;
  fields: Map<HxlField, { index: number; tag: string }>;
  attributes: { index: number; key: string }[];
}

function resolveColumns(tagRow: readonly string[]): HxlColumns {
  const tags = tagRow.map(parseHxlTag);
  const taken = new Set<number>();
  const fields = new Map<HxlField, { index: number; tag: string }>();
  for (const field of Object.keys(HXL_EXPORT_TAGS) as HxlField[]) {
    for (const wanted of [HXL_EXPORT_TAGS[field], ...(ALIASES[field] ?? [])]) {
      const key = parseHxlTag(wanted)!.key;
      const index = tags.findIndex((t, i) => t?.key === key && !taken.has(i));
      if (index < 0) continue;
      taken.add(index);
      fields.set(field, { index, tag: tags[index]!.text });
      break;
    }
  }
  const attributes: { index: number; key: string }[] = [];
  const used = new Set<string>();
  tags.forEach((t, index) => {
    if (!t || taken.has(index)) return;
    let key = t.key;
    for (let n = 2; used.has(key); n++) key = `${t.key} (${n})`;
    used.add(key);
    attributes.push({ index, key });
  });
  const missing = REQUIRED.find((f) => !fields.has(f));
  if (missing)
    throw new AppError(
      'unsupported_format',
      `not an HXL CSV Truceline can read: no column is tagged ${HXL_EXPORT_TAGS[missing]}`,
      HXL_EXPORT_TAGS[missing],
    );
  return { width: tagRow.length, fields, attributes };
}

/** `2024-03-01` → a day; `2024-03-01T10:15Z` (no zone = UTC) → an instant; else undefined. */
export function parseHxlDate(value: string): { day: string } | { at: number } | undefined {
  const t = value.trim();
  if (parseIsoDay(t) !== undefined) return { day: t };
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
    t,
  );
  if (!m || parseIsoDay(m[1]!) === undefined) return undefined;
  const zone = m[3]?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? 'Z';
  const at = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isFinite(at) ? { at } : undefined;
}

/** The row schema for one file: messages name the tags as that file writes them. */
function hxlRowSchema(label: (f: HxlField) => string) {
  const choice = (f: HxlField, types: (v: string) => string | undefined, what: string) =>
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        const t = v?.trim() ?? '';
        const found = t === '' ? undefined : types(t);
        if (found) return found;
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: t === '' ? `${label(f)} is empty` : `${label(f)} "${t}" is not ${what}`,
        });
        return z.NEVER;
      });
  return z.object({
    external_id: cellText(128),
    occurred_on: choice(
      'occurred_on',
      (v) => (parseHxlDate(v) ? v : undefined),
      'a date like 2024-03-01 or a date-time like 2024-03-01T10:15:00Z',
    ),
    time_precision: cellCode(label('time_precision'), [1, 2, 3] as const),
    event_type: choice('event_type', parseEventType, "in ACLED's taxonomy"),
    sub_event_type: cellText(100),
    lat: cellDecimal(label('lat'), -90, 90),
    lon: cellDecimal(label('lon'), -180, 180),
    geo_precision: cellCode(label('geo_precision'), [1, 2, 3] as const),
    fatalities: cellCount(label('fatalities')),
    civilians_killed: cellCount(label('civilians_killed')),
    injured: cellCount(label('injured')),
    actor1: cellText(300),
    actor2: cellText(300),
    country: cellText(100),
    admin1: cellText(200),
    admin2: cellText(200),
    admin3: cellText(200),
    location: cellText(200),
    source: cellText(1000),
    reference: cellText(REPORT_LIMITS.reference),
    notes: cellText(20_000),
  });
}
type HxlRow = z.output<ReturnType<typeof hxlRowSchema>>;

const counted = (n: number | null): CasualtyCount =>
  n === null ? NO_COUNT : { low: n, best: n, high: null };

/** The incident input of a valid row, or the rejection its date or sub-event type earns. */
function toInput(
  a: HxlRow,
  label: (f: HxlField) => string,
  now: number,
): IncidentInput | { field: string; message: string } {
  const date = parseHxlDate(a.occurred_on)!;
  const start = 'at' in date ? date.at : parseIsoDay(date.day)!;
  if (start > now)
    return { field: label('occurred_on'), message: `${label('occurred_on')} is in the future` };
  const eventType = a.event_type as EventType;
  const sub = a.sub_event_type ? parseSubEventType(eventType, a.sub_event_type) : null;
  if (sub === undefined)
    return {
      field: label('sub_event_type'),
      message: `${label('sub_event_type')} "${a.sub_event_type}" is not a sub-event type of ${eventType}`,
    };
  // A date-time with an explicit precision is read as its UTC day at that precision.
  const when =
    'at' in date && a.time_precision === null
      ? { occurred_at: toIso(date.at) }
      : {
          occurred_on: 'at' in date ? toIso(date.at).slice(0, 10) : date.day,
          time_precision: a.time_precision ?? 1,
        };
  return {
    ...when,
    external_id: a.external_id,
    event_type: eventType,
    sub_event_type: sub,
    lon: a.lon,
    lat: a.lat,
    geo_precision: a.geo_precision ?? 1,
    actor1: a.actor1,
    actor2: a.actor2,
    fatalities: a.fatalities,
    source: a.source,
    notes: a.notes,
    country: a.country,
    admin1: a.admin1,
    admin2: a.admin2,
    admin3: a.admin3,
    location: a.location,
  };
}

/** What one file's hashtag row settles: its columns, how errors name them, its row schema. */
interface HxlLayout extends HxlColumns {
  label: (f: HxlField) => string;
  schema: ReturnType<typeof hxlRowSchema>;
}

function layoutOf(tagRow: readonly string[]): HxlLayout {
  const columns = resolveColumns(tagRow);
  const label = (f: HxlField) => columns.fields.get(f)?.tag ?? HXL_EXPORT_TAGS[f];
  return { ...columns, label, schema: hxlRowSchema(label) };
}

/** One data row of a file laid out by `layout` → an import row with its reports. */
function hxlRecordToRow(
  row: number,
  record: readonly string[],
  layout: HxlLayout,
  options: IntakeOptions & { now: number },
): ImportRow {
  const { width, label } = layout;
  const extra = record.slice(width).some((v) => v.trim() !== '');
  if (record.length < width || extra)
    return { row, error: cellCountError(record, width, 'the hashtag row')! };
  const keyed: Partial<Record<HxlField, string>> = {};
  for (const [f, { index }] of layout.fields) keyed[f] = record[index];
  const geo = geocodeMissingCoordinates(
    {
      latitude: keyed.lat,
      longitude: keyed.lon,
      admin1: keyed.admin1,
      admin2: keyed.admin2,
      admin3: keyed.admin3,
      location: keyed.location,
    },
    Gazetteer.load,
  );
  if (geo && !geo.ok) return { row, error: { field: label('lat'), message: geo.message } };
  if (geo) [keyed.lat, keyed.lon] = [String(geo.lat), String(geo.lon)];
  const parsed = layout.schema.safeParse(keyed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] as HxlField | undefined;
    return { row, error: { field: field ? label(field) : 'row', message: issue.message } };
  }
  const a = parsed.data;
  const input = toInput(a, label, options.now);
  if ('field' in input) return { row, error: input };
  if (geo)
    input.uncertainty_m = Math.max(geo.uncertainty_m, options.radii[input.geo_precision ?? 1]);
  const draft = incidentDraftFromInput(input, options.radii);
  if (geo) draft.attributes.geocoded = geo.geocoded;
  for (const { index, key } of layout.attributes) {
    const v = record[index]?.trim();
    if (v) draft.attributes[key] = v;
  }
  const reports = sourceNames(a.source).map((name) =>
    reportDraft(name, {
      reference: a.reference,
      killed: counted(a.fatalities),
      injured: counted(a.injured),
      civiliansKilled: a.civilians_killed,
    }),
  );
  return { row, draft, reports };
}

/**
 * Streams HXL CSV text into import rows. The hashtag row is the first line, or the second under a
 * human header line; row 1 is the first data row after it.
 */
export async function* readHxlCsv(
  source: CsvSource,
  options: IntakeOptions,
): AsyncGenerator<ImportRow> {
  const opts = { ...options, now: options.now ?? Date.now() };
  let layout: HxlLayout | undefined;
  let skip = 0; // 1 when the hashtag row is the second line
  const onHeader = (header: string[]) => {
    if (isHashtagRow(header)) layout = layoutOf(header);
  };
  for await (const { row, record } of readCsvRecords(source, { onHeader })) {
    if (layout) {
      yield hxlRecordToRow(row - skip, record, layout, opts);
      continue;
    }
    if (!isHashtagRow(record))
      throw new AppError(
        'unsupported_format',
        'not an HXL CSV: neither of the first two rows is a hashtag row (#date, #geo+lat, …)',
        'file',
      );
    layout = layoutOf(record);
    skip = 1;
  }
}
