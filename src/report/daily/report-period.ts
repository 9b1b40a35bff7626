// Reporting periods of the daily situation report, as UTC instants. No I/O; Intl's time-zone data
// (full ICU in Node 20) gives the local clock.
//
// The rules (docs/daily-report.md):
// - The report of date D covers [cut-off on D−1, cut-off on D), the cut-off being a local wall-clock
//   time (default 19:30) in the configured time zone, as the OSCE monitoring mission's daily reports
//   count "between 19:30 on the 16th and 19:30 on the 17th". Half-open: an incident at exactly the
//   cut-off belongs to the period that starts then, i.e. to the next report.
// - Days are local calendar days, so a report day is 23 or 25 hours long when the clocks change
//   in between. A cut-off that does not exist that day (inside a spring-forward gap) moves forward
//   by the gap; one that exists twice (a fall-back overlap) is the earlier instant — the
//   "compatible" disambiguation of ECMAScript Temporal.
// - An incident counts once, in the period that contains its start (occurredFrom), however long it
//   lasts: a multi-day incident is reported on the day it began and never again, as in ACLED's and
//   UCDP's event counts (one event, one date) — so a published day's figures do not change when an
//   incident's end is learned later. An incident dated only to a week or a month (ACLED
//   time_precision 2 or 3) starts at the beginning of that span and counts there; the appendix
//   shows its whole span.
// - The comparison period is the report day before; the series, the rolling windows and the
//   early-warning baseline are made of whole report days ending with the period.
import { parseIsoDay } from '../../domain/time-window.ts';
import { CUTOFF_PATTERN, isTimeZone, type ReportSettings } from './report-settings.ts';

const DAY_MS = 86_400_000;

/** One report day: the period that ends at the cut-off on `date` (local calendar date). */
export interface ReportPeriod {
  date: string;
  from: number;
  until: number;
}

export interface ReportPeriods {
  timeZone: string;
  cutoff: string;
  /** Consecutive report days, oldest first; the last is the reporting period. */
  days: ReportPeriod[];
  current: ReportPeriod;
  /** The comparison period: the report day before. */
  previous: ReportPeriod;
  /** Lengths of the rolling windows, ascending (7 and N). */
  rollingDays: number[];
  seriesDays: number;
  baselineDays: number;
  /** [days[0].from, current.until): every incident the report counts starts in it. */
  range: { from: number; until: number };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time at instant `t`, as if it were UTC (ms). */
export function wallClock(timeZone: string, t: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Local time minus UTC at instant `t`, in ms (whole seconds: every zone's offset is). */
function offsetAt(timeZone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallClock(timeZone, whole) - whole;
}

/** The UTC instant at which the local clock in `timeZone` shows `wall` (as if UTC, in ms). */
export function instantOfWallClock(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const valid = [wall - before, wall - after].filter((t) => wallClock(timeZone, t) === wall);
  // Both valid: the wall time repeats (fall back) — the earlier. None: it is skipped (spring
  // forward) — the offset from before the change, which lands after the gap.
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

/** `YYYY-MM-DD` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  const t = parseIsoDay(date);
  if (t === undefined) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return new Date(t + n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of the cut-off ("HH:MM", local) on `date` in `timeZone`. */
export function cutoffInstant(date: string, cutoff: string, timeZone: string): number {
  const day = parseIsoDay(date);
  if (day === undefined) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const m = CUTOFF_PATTERN.exec(cutoff);
  if (!m) throw new RangeError(`not a cut-off time HH:MM: ${cutoff}`);
  if (!isTimeZone(timeZone)) throw new RangeError(`not an IANA time zone: ${timeZone}`);
  return instantOfWallClock(timeZone, day + (Number(m[1]) * 60 + Number(m[2])) * 60_000);
}

/** The report day ending at the cut-off on `date`. */
export function reportPeriod(date: string, cutoff: string, timeZone: string): ReportPeriod {
  return {
    date,
    from: cutoffInstant(addDays(date, -1), cutoff, timeZone),
    until: cutoffInstant(date, cutoff, timeZone),
  };
}

/** The date of the latest report day complete at `now`: its cut-off is at or before `now`. */
export function latestReportDate(
  now: number,
  settings: Pick<ReportSettings, 'cutoff' | 'timeZone'>,
): string {
  const today = new Date(wallClock(settings.timeZone, now)).toISOString().slice(0, 10);
  return cutoffInstant(today, settings.cutoff, settings.timeZone) <= now
    ? today
    : addDays(today, -1);
}

/** The reporting period of `date`, the one before it, and every report day the figures need. */
export function reportPeriods(
  date: string,
  settings: Pick<
    ReportSettings,
    'cutoff' | 'timeZone' | 'rollingDays' | 'seriesDays' | 'baselineDays'
  >,
): ReportPeriods {
  const rollingDays = [...new Set([7, settings.rollingDays])].sort((a, b) => a - b);
  // Each rolling window is compared with the window before it, hence twice its length.
  const count = Math.max(
    settings.seriesDays,
    settings.baselineDays + 1,
    2 * rollingDays[rollingDays.length - 1]!,
    2,
  );
  const { cutoff, timeZone } = settings;
  const bounds = Array.from({ length: count + 1 }, (_, i) =>
    cutoffInstant(addDays(date, i - count), cutoff, timeZone),
  );
  const days = bounds
    .slice(1)
    .map((until, i) => ({ date: addDays(date, i + 1 - count), from: bounds[i]!, until }));
  return {
    timeZone,
    cutoff,
    days,
    current: days[count - 1]!,
    previous: days[count - 2]!,
    rollingDays,
    seriesDays: settings.seriesDays,
    baselineDays: settings.baselineDays,
    range: { from: bounds[0]!, until: bounds[count]! },
  };
}

/** Index in `days` of the report day containing instant `t`, or -1 outside them all. */
export function dayIndexOf(days: readonly ReportPeriod[], t: number): number {
  let lo = 0;
  let hi = days.length - 1;
  if (hi < 0 || t < days[0]!.from || t >= days[hi]!.until) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]!.from <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
