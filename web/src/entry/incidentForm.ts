// The incident form's state (strings, as typed) and the one function that turns it into the body
// of `POST /api/v1/incidents`. Only what the server cannot be sent is checked here (a missing or
// unreadable value); every rule on the values themselves is the server's, whose errors name the
// field by the same path the controls use (`reports.0.killed.best`).
import { parseIsoDay, spanForDayPrecision } from '../../../src/domain/time-window.ts';
import { fromInputValue, iso } from '../time.ts';
import type { Source } from './entryTypes.ts';
import type { IncidentBody } from './entryApi.ts';

export type TimeMode = 'instant' | 'interval' | 'day';
export type PlaceMode = 'metres' | 'precision';
export type Precision = '1' | '2' | '3';

export interface RangeForm {
  low: string;
  best: string;
  high: string;
}

/** The source chosen is a registry id, this value (a name typed in), or '' (none yet). */
export const OTHER_SOURCE = '__other__';

export interface ReportForm {
  sourceId: string;
  otherName: string;
  credibility: string;
  reference: string;
  receivedAt: string;
  text: string;
  killed: RangeForm;
  injured: RangeForm;
  civiliansKilled: string;
  combatantsKilled: string;
}

export interface IncidentForm {
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  timeMode: TimeMode;
  /** datetime-local values, read as UTC. */
  occurredAt: string;
  occurredFrom: string;
  occurredUntil: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  timePrecision: Precision;
  lon: string;
  lat: string;
  placeMode: PlaceMode;
  uncertaintyM: string;
  geoPrecision: Precision;
  location: string;
  fatalities: string;
  notes: string;
  reports: ReportForm[];
}

/** Error messages by field path (`lat`, `occurred_until`, `reports.0.killed.best`). */
export type FieldErrors = Record<string, string>;

const NO_RANGE: RangeForm = { low: '', best: '', high: '' };

export const blankReport = (): ReportForm => ({
  sourceId: '',
  otherName: '',
  credibility: '',
  reference: '',
  receivedAt: '',
  text: '',
  killed: { ...NO_RANGE },
  injured: { ...NO_RANGE },
  civiliansKilled: '',
  combatantsKilled: '',
});

export const blankForm = (): IncidentForm => ({
  eventType: '',
  subEventType: '',
  actor1: '',
  actor2: '',
  timeMode: 'instant',
  occurredAt: '',
  occurredFrom: '',
  occurredUntil: '',
  occurredOn: '',
  timePrecision: '1',
  lon: '',
  lat: '',
  placeMode: 'metres',
  uncertaintyM: '0',
  geoPrecision: '1',
  location: '',
  fatalities: '',
  notes: '',
  reports: [blankReport()],
});

/** The name a report's source goes by: the registry's name, or the one typed in. */
export function sourceName(r: ReportForm, sources: readonly Source[]): string {
  if (r.sourceId === OTHER_SOURCE) return r.otherName.trim();
  return sources.find((s) => s.id === r.sourceId)?.name ?? '';
}

const isBlankReport = (r: ReportForm) =>
  JSON.stringify({ ...r, credibility: '' }) === JSON.stringify(blankReport());

/** Builds the request body, or says which fields cannot be read. */
export function toBody(
  form: IncidentForm,
  sources: readonly Source[],
): { body: IncidentBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (value: string, field: string): number | null => {
    if (value.trim() === '') return null;
    const n = Number(value);
    if (!Number.isFinite(n)) errors[field] = 'must be a number';
    return n;
  };
  const instant = (value: string, field: string, what: string): string | undefined => {
    const ms = fromInputValue(value);
    if (Number.isFinite(ms)) return iso(ms);
    errors[field] = value ? 'must be a date and time (UTC)' : `enter ${what} (UTC)`;
    return undefined;
  };
  const text = (value: string) => value.trim() || null;

  if (!form.eventType) errors.event_type = 'choose the event type';
  let time: IncidentBody = {};
  if (form.timeMode === 'instant')
    time = { occurred_at: instant(form.occurredAt, 'occurred_at', 'when it happened') };
  else if (form.timeMode === 'interval')
    time = {
      occurred_from: instant(form.occurredFrom, 'occurred_from', 'the start'),
      occurred_until: instant(form.occurredUntil, 'occurred_until', 'the end'),
    };
  else if (!form.occurredOn) errors.occurred_on = 'enter the day';
  else time = { occurred_on: form.occurredOn, time_precision: Number(form.timePrecision) };

  const lon = num(form.lon, 'lon');
  const lat = num(form.lat, 'lat');
  if (lon === null) errors.lon = 'pick a point on the map or enter the longitude';
  if (lat === null) errors.lat = 'pick a point on the map or enter the latitude';
  const place =
    form.placeMode === 'metres'
      ? { uncertainty_m: num(form.uncertaintyM, 'uncertainty_m') ?? 0 }
      : { geo_precision: Number(form.geoPrecision) };

  const reports = form.reports.flatMap((r, i) => {
    if (isBlankReport(r)) return [];
    const at = `reports.${i}`;
    const range = (x: RangeForm, key: string) => ({
      low: num(x.low, `${at}.${key}.low`),
      best: num(x.best, `${at}.${key}.best`),
      high: num(x.high, `${at}.${key}.high`),
    });
    return [
      {
        source: sourceName(r, sources),
        reference: text(r.reference),
        received_at: r.receivedAt ? instant(r.receivedAt, `${at}.received_at`, '') : null,
        text: text(r.text),
        credibility: r.credibility ? Number(r.credibility) : null,
        killed: range(r.killed, 'killed'),
        injured: range(r.injured, 'injured'),
        civilians_killed: num(r.civiliansKilled, `${at}.civilians_killed`),
        combatants_killed: num(r.combatantsKilled, `${at}.combatants_killed`),
      },
    ];
  });

  const body: IncidentBody = {
    event_type: form.eventType,
    sub_event_type: form.subEventType || null,
    ...time,
    lon,
    lat,
    ...place,
    location: text(form.location),
    actor1: text(form.actor1),
    actor2: text(form.actor2),
    fatalities: num(form.fatalities, 'fatalities'),
    notes: text(form.notes),
    // ACLED's source column: the names of the sources, as the reports give them.
    source: reports.map((r) => r.source).join('; ') || null,
    reports,
  };
  return { body, errors };
}

/** The time the form gives, as the server will read it: [from, until) in ms (an instant: equal). */
export function formSpan(form: IncidentForm): { from: number; until: number } | null {
  if (form.timeMode === 'instant') {
    const at = fromInputValue(form.occurredAt);
    return Number.isFinite(at) ? { from: at, until: at } : null;
  }
  if (form.timeMode === 'interval') {
    const from = fromInputValue(form.occurredFrom);
    const until = fromInputValue(form.occurredUntil);
    return Number.isFinite(from) && Number.isFinite(until) ? { from, until } : null;
  }
  const day = parseIsoDay(form.occurredOn);
  return day === undefined
    ? null
    : spanForDayPrecision(day, Number(form.timePrecision) as 1 | 2 | 3);
}

/** A server field path as the controls name it: `incident.reports[0].killed` → `reports.0.killed`. */
export function fieldKey(field: string): string {
  return field.replace(/^incident\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** The server's problems by form key (see fieldKey); the first problem at a field is shown. */
export function problemsByField(
  problems: readonly { field: string; message: string }[],
  keyOf: (field: string) => string = fieldKey,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) errors[keyOf(p.field)] ??= p.message;
  return errors;
}
