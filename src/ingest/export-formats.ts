// Export row writers, pure: an incident as an ACLED record, an HXL record or a GeoJSON Feature that
// the importers read back as the same incident; a violation as a GeoJSON Feature. No I/O.
import { DEFAULT_GEO_PRECISION_RADII_M } from '../domain/geo-precision.ts';
import { parseIsoDay, spanForDayPrecision, toIso } from '../domain/time-window.ts';
import type { Incident, Violation } from '../domain/types.ts';
import { violationIdOf } from '../domain/violation-id.ts';
import { ACLED_COLUMNS, parseAcledDate } from './acled-csv.ts';
import { HXL_EXPORT_TAGS, type HxlField } from './hxl-csv.ts';
import { violationToJson } from '../domain/violation-output.ts';

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
type Precision = 1 | 2 | 3;
type IncidentTime = Pick<Incident, 'occurredFrom' | 'occurredUntil' | 'timePrecision'> & {
  attributes?: Record<string, string>;
};

const DAY = 86_400_000;
const isoDay = (ms: number) => toIso(ms).slice(0, 10);

function spanIs(day: number | undefined, p: Precision, i: IncidentTime): boolean {
  if (day === undefined) return false;
  const s = spanForDayPrecision(day, p);
  return s.from === i.occurredFrom && s.until === i.occurredUntil;
}

/**
 * The day and ACLED time_precision that give back exactly this incident's span on import: the
 * original ACLED date when the attributes keep one, else the day the span is built around (a
 * week's middle day, the 15th of a month). A span no precision gives (an instant, an interval
 * from the API) gets the smallest one that covers it, so the exported record never claims less
 * time than the incident may have taken.
 */
export function acledDayOf(i: IncidentTime): { day: string; precision: Precision } {
  const p = i.timePrecision;
  if (p !== null) {
    const original = parseAcledDate(i.attributes?.event_date ?? '');
    if (original && spanIs(parseIsoDay(original), p, i)) return { day: original, precision: p };
    const start = new Date(i.occurredFrom);
    const day =
      p === 1
        ? i.occurredFrom
        : p === 2
          ? i.occurredFrom + 3 * DAY
          : Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 15);
    if (spanIs(day, p, i)) return { day: isoDay(day), precision: p };
  }
  const dayStart = Math.floor(i.occurredFrom / DAY) * DAY;
  const until = Math.max(i.occurredUntil, i.occurredFrom + 1);
  if (until <= dayStart + DAY) return { day: isoDay(dayStart), precision: 1 };
  if (until <= dayStart + 7 * DAY) return { day: isoDay(dayStart + 3 * DAY), precision: 2 };
  const d = new Date(i.occurredFrom);
  return { day: isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 15)), precision: 3 };
}

/**
 * The incident's geo_precision; for one without (from GeoJSON or the API) the smallest whose
 * default radius covers its uncertainty, or none for an exact point.
 */
export function geoPrecisionOf(
  i: Pick<Incident, 'geoPrecision' | 'uncertaintyM'>,
): Precision | null {
  if (i.geoPrecision !== null) return i.geoPrecision;
  if (i.uncertaintyM <= 0) return null;
  const radii = DEFAULT_GEO_PRECISION_RADII_M;
  return i.uncertaintyM <= radii[1] ? 1 : i.uncertaintyM <= radii[2] ? 2 : 3;
}

const text = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/**
 * One ACLED CSV record: the incident's own fields in their ACLED columns (the coded fatalities,
 * not the combined casualties), every other ACLED column from the attributes the import kept.
 */
export function incidentToAcledRecord(i: Incident): Record<AcledColumn, string> {
  const { day, precision } = acledDayOf(i);
  const kept = (c: AcledColumn) => i.attributes[c] ?? '';
  // One literal in column order: the hot path of an export (a record built key by key is slower).
  return {
    event_id_cnty: i.externalId ?? i.id,
    event_date: day,
    year: day.slice(0, 4),
    time_precision: String(precision),
    disorder_type: kept('disorder_type'),
    event_type: i.eventType,
    sub_event_type: text(i.subEventType),
    actor1: text(i.actor1),
    assoc_actor_1: kept('assoc_actor_1'),
    inter1: kept('inter1'),
    actor2: text(i.actor2),
    assoc_actor_2: kept('assoc_actor_2'),
    inter2: kept('inter2'),
    interaction: kept('interaction'),
    civilian_targeting: kept('civilian_targeting'),
    iso: kept('iso'),
    region: kept('region'),
    country: text(i.country),
    admin1: text(i.admin1),
    admin2: text(i.admin2),
    admin3: text(i.admin3),
    location: text(i.location),
    latitude: String(i.lat),
    longitude: String(i.lon),
    geo_precision: text(geoPrecisionOf(i)),
    source: text(i.source),
    source_scale: kept('source_scale'),
    notes: text(i.notes),
    fatalities: text(i.fatalities),
    tags: kept('tags'),
    timestamp: kept('timestamp'),
  };
}

/** HXL: a human header row (the field names), then the hashtag row, in HXL_EXPORT_TAGS order. */
export const HXL_FIELDS = Object.keys(HXL_EXPORT_TAGS) as HxlField[];
export const HXL_HEADER_ROWS: readonly (readonly string[])[] = [
  HXL_FIELDS,
  HXL_FIELDS.map((f) => HXL_EXPORT_TAGS[f]),
];

/** One HXL record; an instant without a precision is written as its date-time. */
export function incidentToHxlRecord(i: Incident): Record<HxlField, string> {
  const instant = i.timePrecision === null && i.occurredFrom === i.occurredUntil;
  const when = instant ? null : acledDayOf(i);
  const a = i.assessment;
  return {
    external_id: i.externalId ?? i.id,
    occurred_on: when ? when.day : toIso(i.occurredFrom),
    time_precision: when ? String(when.precision) : '',
    event_type: i.eventType,
    sub_event_type: text(i.subEventType),
    actor1: text(i.actor1),
    actor2: text(i.actor2),
    country: text(i.country),
    admin1: text(i.admin1),
    admin2: text(i.admin2),
    admin3: text(i.admin3),
    location: text(i.location),
    lat: String(i.lat),
    lon: String(i.lon),
    geo_precision: text(geoPrecisionOf(i)),
    fatalities: text(i.fatalities),
    civilians_killed: text(a.civiliansKilled),
    injured: text(a.injured.best),
    source: text(i.source),
    reference: '',
    notes: text(i.notes),
  };
}

/**
 * Time as GeoJSON import reads it back exactly: a day with its precision, an instant, or an
 * interval.
 */
function featureTime(i: Incident) {
  if (i.timePrecision !== null) {
    const { day, precision } = acledDayOf(i);
    if (precision === i.timePrecision) return { occurred_on: day, time_precision: precision };
  }
  if (i.occurredFrom === i.occurredUntil) return { occurred_at: toIso(i.occurredFrom) };
  return { occurred_from: toIso(i.occurredFrom), occurred_until: toIso(i.occurredUntil) };
}

/**
 * A GeoJSON Point Feature whose properties src/ingest/geojson-incidents.ts reads back as the same
 * incident; `casualties`, `corroborated` and `report_count` are read-only extras the import
 * ignores (they come from the incident's reports).
 */
export function incidentToFeature(i: Incident) {
  const a = i.assessment;
  return {
    type: 'Feature' as const,
    id: i.externalId ?? i.id,
    geometry: { type: 'Point' as const, coordinates: [i.lon, i.lat] },
    properties: {
      external_id: i.externalId ?? i.id,
      event_type: i.eventType,
      sub_event_type: i.subEventType,
      ...featureTime(i),
      uncertainty_m: i.uncertaintyM,
      ...(i.geoPrecision !== null && { geo_precision: i.geoPrecision }),
      actor1: i.actor1,
      actor2: i.actor2,
      fatalities: i.fatalities,
      source: i.source,
      notes: i.notes,
      country: i.country,
      admin1: i.admin1,
      admin2: i.admin2,
      admin3: i.admin3,
      location: i.location,
      casualties: {
        killed: a.killed,
        injured: a.injured,
        civilians_killed: a.civiliansKilled,
        combatants_killed: a.combatantsKilled,
      },
      corroborated: a.corroborated,
      report_count: a.reportCount,
    },
  };
}

/** A violation as a Point Feature at its incident; properties as in the API, less lon/lat. */
export function violationToFeature(v: Violation) {
  const { lon: _lon, lat: _lat, ...properties } = violationToJson(v);
  return {
    type: 'Feature' as const,
    id: violationIdOf(v),
    geometry: { type: 'Point' as const, coordinates: [v.lon, v.lat] },
    properties,
  };
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export const csvCell = (c: string): string =>
  /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would not run as a formula (CSV injection, as OWASP recommends): a cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless it is a
 * plain number (a negative longitude such as `-1.5` stays a number). Exports do this by default;
 * their raw flag (`--raw`, `raw=true`) keeps values verbatim for machine round trips.
 */
export function spreadsheetSafe(c: string): string {
  if (c === '' || !'=+-@\t\r'.includes(c[0]!) || PLAIN_NUMBER.test(c)) return c;
  return `'${c}`;
}

/**
 * One CSV line; joined rather than concatenated, so that the string is flat when written. Cells
 * are made spreadsheet-safe unless `raw`.
 */
export function csvLine(cells: readonly string[], raw = false): string {
  return cells.map((c) => csvCell(raw ? c : spreadsheetSafe(c))).join(',') + '\n';
}
