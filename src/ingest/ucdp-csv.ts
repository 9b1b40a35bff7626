// UCDP GED CSV (23.1+) → incident import rows with one report per source office. Streaming; each
// row is validated here, at the edge; a bad row becomes a rejection naming its column.
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { geocodeMissingCoordinates } from './geocode-row.ts';
import type { EventType } from '../domain/event-types.ts';
import { incidentDraftFromInput } from '../domain/incident.ts';
import { reportDraft, type ReportDraft } from '../domain/report.ts';
import { parseIsoDay, toIso, type TimeSpan } from '../domain/time-window.ts';
import { fieldPath } from '../domain/validate.ts';
import type { ImportRow } from './import-row.ts';
import {
  cellCode,
  cellCount,
  cellCountError,
  cellDecimal,
  cellText,
  keyRecord,
  readCsvRecords,
  REPORT_LIMITS,
  sourceNames,
  type CsvSource,
  type IntakeOptions,
} from './csv-records.ts';

export const UCDP_REQUIRED = ['id', 'date_start', 'date_end', 'latitude', 'longitude', 'best'];

/** When no source_office is given, the one report is UCDP's own. */
export const UCDP_SOURCE = 'UCDP GED';

export type UcdpDatePrec = 1 | 2 | 3 | 4 | 5;
export type UcdpWherePrec = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * where_prec → radius (m): 1 exact location, 2 within 25 km, 3 second-order admin (ADM2),
 * 4 first-order admin (ADM1), 5 linear feature or area between two places, 6 country,
 * 7 international waters or airspace. 1 is ACLED geo_precision 1: the reader uses the
 * configured radii[1] for it (2 km by default).
 */
export const UCDP_WHERE_PREC_RADIUS_M: Readonly<Record<UcdpWherePrec, number>> = {
  1: 2_000,
  2: 25_000,
  3: 50_000,
  4: 150_000,
  5: 50_000,
  6: 500_000,
  7: 500_000,
};

/** type_of_violence → ACLED event type and sub-event type. */
const VIOLENCE: Record<1 | 2 | 3, { type: EventType; sub: string }> = {
  1: { type: 'Battles', sub: 'Armed clash' }, // state-based
  2: { type: 'Battles', sub: 'Armed clash' }, // non-state
  3: { type: 'Violence against civilians', sub: 'Attack' }, // one-sided
};

const DAY = 86_400_000;

/** `2019-05-03` or `2019-05-03 00:00:00.000` → the UTC midnight starting that day, or undefined. */
export function parseUcdpDate(value: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value.trim());
  return m ? parseIsoDay(m[1]!) : undefined;
}

/**
 * The half-open span [from, until) of a UCDP event from its first and last day (UTC midnights)
 * and date_prec: 1 the days as given; 2 (2–6 days) widened by 3 days each side; 3 the ISO weeks
 * (Monday to Monday) holding them; 4 the calendar months; 5 the calendar years.
 */
export function ucdpTimeSpan(startDay: number, endDay: number, datePrec: UcdpDatePrec): TimeSpan {
  const from = new Date(startDay);
  const last = new Date(endDay);
  switch (datePrec) {
    case 1:
      return { from: startDay, until: endDay + DAY };
    case 2:
      return { from: startDay - 3 * DAY, until: endDay + 4 * DAY };
    case 3: {
      const monday = (d: Date) => d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY;
      return { from: monday(from), until: monday(last) + 7 * DAY };
    }
    case 4:
      return {
        from: Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1),
        until: Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1),
      };
    case 5:
      return {
        from: Date.UTC(from.getUTCFullYear(), 0, 1),
        until: Date.UTC(last.getUTCFullYear() + 1, 0, 1),
      };
  }
}

const day = (column: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const d = parseUcdpDate(v ?? '');
      if (d !== undefined) return d;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `${column} must be a real date like 2019-05-03, got "${v?.trim() ?? ''}"`,
      });
      return z.NEVER;
    });

/** One GED record, validated cell by cell; the order of keys is the order errors are found in. */
const ucdpRowSchema = z.object({
  id: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? '';
      if (t !== '' && t.length <= 120) return t;
      ctx.issues.push({ code: 'custom', input: v, message: 'id must be 1–120 characters' });
      return z.NEVER;
    }),
  date_start: day('date_start'),
  date_end: day('date_end'),
  date_prec: cellCode('date_prec', [1, 2, 3, 4, 5] as const),
  latitude: cellDecimal('latitude', -90, 90),
  longitude: cellDecimal('longitude', -180, 180),
  where_prec: cellCode('where_prec', [1, 2, 3, 4, 5, 6, 7] as const),
  type_of_violence: cellCode('type_of_violence', [1, 2, 3] as const).refine(
    (v) => v !== null,
    'type_of_violence is empty: it must be 1 (state-based), 2 (non-state) or 3 (one-sided)',
  ),
  best: cellCount('best').refine((v) => v !== null, 'best is empty: it must be a whole number'),
  low: cellCount('low'),
  high: cellCount('high'),
  deaths_a: cellCount('deaths_a'),
  deaths_b: cellCount('deaths_b'),
  deaths_civilians: cellCount('deaths_civilians'),
  side_a: cellText(300),
  side_b: cellText(300),
  country: cellText(100),
  adm_1: cellText(200),
  adm_2: cellText(200),
  where_description: cellText(200),
  source_headline: cellText(20_000),
  source_office: cellText(1000),
  source_article: cellText(REPORT_LIMITS.reference),
  source_date: cellText(1000),
});
type UcdpRow = z.output<typeof ucdpRowSchema>;

/**
 * Columns carried by the draft or its reports; every other non-empty column (type_of_violence,
 * date_prec, where_prec, deaths_a, deaths_b, conflict_name, …) is kept as an attribute.
 * date_start and date_end are kept too: date_prec widens the span, losing them.
 */
const MAPPED: ReadonlySet<string> = new Set([
  'id', 'latitude', 'longitude', 'best', 'low', 'high', 'deaths_civilians', 'side_a', 'side_b',
  'country', 'adm_1', 'adm_2', 'where_description', 'source_headline', 'source_office',
  'source_article', 'source_date',
]); // prettier-ignore

/** Checks across cells: the order of the dates and of the casualty figures. */
function crossCheck(a: UcdpRow, now: number): { field: string; message: string } | undefined {
  const iso = (d: number) => toIso(d).slice(0, 10);
  if (a.date_end < a.date_start)
    return {
      field: 'date_end',
      message: `date_end ${iso(a.date_end)} is before date_start ${iso(a.date_start)}`,
    };
  if (a.date_start > now)
    return { field: 'date_start', message: `date_start ${iso(a.date_start)} is in the future` };
  if (a.date_end > now)
    return { field: 'date_end', message: `date_end ${iso(a.date_end)} is in the future` };
  if (a.low !== null && a.low > a.best!)
    return { field: 'low', message: `low (${a.low}) is more than best (${a.best})` };
  if (a.high !== null && a.high < a.best!)
    return { field: 'high', message: `high (${a.high}) is less than best (${a.best})` };
  return undefined;
}

/** `2019-05-03`, `2019-05-03 10:00:00.000` (no zone = UTC) → epoch ms; anything else → null. */
function parseSourceDate(value: string): number | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      value.trim(),
    );
  if (!m || parseIsoDay(m[1]!) === undefined) return null;
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`);
  return Number.isFinite(ms) ? ms : null;
}

/** One report per source office; source_date pairs with them when it lists one date each. */
function ucdpReports(a: UcdpRow): ReportDraft[] {
  const names = sourceNames(a.source_office);
  if (names.length === 0) names.push(UCDP_SOURCE);
  const dates = a.source_date?.split(';').map(parseSourceDate) ?? [];
  const dateOf = (i: number) =>
    dates.length === 1 ? dates[0]! : dates.length === names.length ? dates[i]! : null;
  const combatants = a.deaths_a !== null && a.deaths_b !== null ? a.deaths_a + a.deaths_b : null;
  return names.map((name, i) =>
    reportDraft(name, {
      reference: a.source_article,
      receivedAt: dateOf(i),
      text: a.source_headline,
      killed: { low: a.low, best: a.best, high: a.high },
      civiliansKilled: a.deaths_civilians,
      combatantsKilled: combatants,
    }),
  );
}

/** Validates one GED record (keyed by column) into an import row with its reports. */
export function ucdpRecordToRow(
  row: number,
  record: Record<string, string>,
  options: IntakeOptions & { now: number },
): ImportRow {
  const geo = geocodeMissingCoordinates(
    {
      latitude: record.latitude,
      longitude: record.longitude,
      admin1: record.adm_1,
      admin2: record.adm_2,
      location: record.where_description,
    },
    Gazetteer.load,
  );
  if (geo && !geo.ok) return { row, error: { field: 'latitude', message: geo.message } };
  const parsed = ucdpRowSchema.safeParse(
    geo ? { ...record, latitude: String(geo.lat), longitude: String(geo.lon) } : record,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { row, error: { field: fieldPath(issue.path) || 'row', message: issue.message } };
  }
  const a = parsed.data;
  const bad = crossCheck(a, options.now);
  if (bad) return { row, error: bad };
  const span = ucdpTimeSpan(a.date_start, a.date_end, a.date_prec ?? 1);
  const wherePrec = a.where_prec ?? 1;
  const violence = VIOLENCE[a.type_of_violence!];
  const draft = incidentDraftFromInput(
    {
      external_id: `UCDP-${a.id}`,
      event_type: violence.type,
      sub_event_type: violence.sub,
      occurred_from: toIso(span.from),
      occurred_until: toIso(span.until),
      lon: a.longitude,
      lat: a.latitude,
      uncertainty_m: Math.max(
        geo?.uncertainty_m ?? 0,
        wherePrec === 1 ? options.radii[1] : UCDP_WHERE_PREC_RADIUS_M[wherePrec],
      ),
      actor1: a.side_a,
      actor2: a.side_b,
      fatalities: a.best,
      source: a.source_office ?? UCDP_SOURCE,
      notes: a.source_headline,
      country: a.country,
      admin1: a.adm_1,
      admin2: a.adm_2,
      admin3: null,
      location: a.where_description,
    },
    options.radii,
  );
  for (const k in record) {
    const v = record[k]!.trim();
    if (v !== '' && !MAPPED.has(k)) draft.attributes[k] = v;
  }
  if (geo) draft.attributes.geocoded = geo.geocoded;
  return { row, draft, reports: ucdpReports(a) };
}

/** A header line with the GED columns Truceline needs (and type_of_violence). */
export function detectUcdp(headText: string): boolean {
  const first = headText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cells = new Set(first.split(',').map((c) => c.replace(/"/g, '').trim().toLowerCase()));
  return [...UCDP_REQUIRED, 'type_of_violence'].every((c) => cells.has(c));
}

/** Streams UCDP GED CSV text into import rows; row 1 is the first data row after the header. */
export async function* readUcdpCsv(
  source: CsvSource,
  options: IntakeOptions,
): AsyncGenerator<ImportRow> {
  const opts = { ...options, now: options.now ?? Date.now() };
  const onHeader = (header: string[]) => {
    const missing = UCDP_REQUIRED.filter((c) => !header.includes(c));
    if (missing.length > 0)
      throw new AppError(
        'unsupported_format',
        `not a UCDP GED CSV: the header lacks ${missing.join(', ')}`,
        missing[0],
      );
  };
  for await (const { row, header, record } of readCsvRecords(source, { onHeader })) {
    const wrong = cellCountError(record, header.length);
    yield wrong ? { row, error: wrong } : ucdpRecordToRow(row, keyRecord(header, record), opts);
  }
}
