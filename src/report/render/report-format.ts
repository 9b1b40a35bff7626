// Number, date and label formatting shared by the HTML and Markdown renderers of the daily report.
// Built by hand from Intl's date parts rather than Intl's formatted strings, whose spaces and
// punctuation change between ICU versions: the same report renders to the same bytes everywhere.
import type { CertaintyLevel } from '../../domain/certainty.ts';
import type { Reliability } from '../../domain/report.ts';
import type { ViolationStatus } from '../../domain/violation-review.ts';
import type { ZoneKind } from '../../domain/zone-kinds.ts';
import type { Area, DisputeKind, ZoneChangeKind } from '../daily/report-types.ts';
import { wallClock } from '../daily/report-period.ts';

const MINUS = '\u2212';

/** 1234 → `1,234`; negatives with a true minus sign. */
export function formatCount(n: number): string {
  const digits = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `${MINUS}${digits}` : digits;
}

/** A change against the previous period: `+3`, `−2`, `±0`. */
export function formatDelta(d: number): string {
  if (d === 0) return '±0';
  return d > 0 ? `+${formatCount(d)}` : formatCount(d);
}

/** At most `digits` decimals, trailing zeros dropped: 0.2142… → `0.21`, 6 → `6`. */
export function formatDecimal(x: number, digits = 2): string {
  const s = x.toFixed(digits).replace(/\.?0+$/, '');
  return s.startsWith('-') ? `${MINUS}${s.slice(1)}` : s;
}

/** "p = 0.00073" (two significant digits); tiny ones as "p < 0.000001". */
export function formatPValue(p: number): string {
  if (p < 1e-6) return 'p < 0.000001';
  return `p = ${pDigits(p)}`;
}

function pDigits(p: number): string {
  const decimals = Math.max(2, 1 - Math.floor(Math.log10(p)));
  return formatDecimal(Number(p.toPrecision(2)), decimals);
}

/** 1372.4 → `1,400`: two significant digits, for "about once in …" phrases. */
function roundForWords(x: number): number {
  if (x < 100) return Math.round(x);
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / scale) * scale;
}

/** A p-value in words: `about once in 1,400 report days`. */
export function chanceInWords(p: number): string {
  if (p <= 0 || p < 1e-6) return 'less than once in a million report days';
  const days = roundForWords(1 / p);
  return days <= 1 ? 'most days' : `about once in ${formatCount(days)} report days`;
}

const WORDS = [
  'no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve',
]; // prettier-ignore

/** Small whole numbers as words ("over the last nine days"), larger ones as digits. */
export function numberWord(n: number): string {
  return WORDS[n] ?? formatCount(n);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
]; // prettier-ignore

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const utcParts = (t: number): DateParts => {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
};

/** The calendar and clock in `timeZone` at instant `t`. */
const partsIn = (timeZone: string, t: number): DateParts => utcParts(wallClock(timeZone, t));

const two = (n: number) => String(n).padStart(2, '0');
const clock = (p: DateParts) => `${two(p.hour)}:${two(p.minute)}`;
const shortDay = (p: DateParts) => `${p.day} ${MONTHS[p.month - 1]!.slice(0, 3)}`;
const longDay = (p: DateParts) => `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;

/** `2018-02-17` → `17 February 2018`. */
export function formatDateLong(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** `2018-02-17` → `17 Feb`. */
export function formatDateShort(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]!.slice(0, 3)}`;
}

/** Local time in `timeZone`: `17 Feb 2018 19:30`. */
export function formatLocalTime(t: number, timeZone: string): string {
  const p = partsIn(timeZone, t);
  return `${shortDay(p)} ${p.year} ${clock(p)}`;
}

/** UTC: `17 Feb 2018 17:30 UTC`. */
export function formatUtcTime(t: number): string {
  const p = utcParts(t);
  return `${shortDay(p)} ${p.year} ${clock(p)} UTC`;
}

/** `19:30 on 17 February 2018`. */
export function formatClockOnDay(t: number, timeZone: string): string {
  const p = partsIn(timeZone, t);
  return `${clock(p)} on ${longDay(p)}`;
}

/** The zone's offset from UTC at `t`: `UTC+2`, `UTC+5:30`, `UTC−3`, `UTC`. */
export function utcOffsetLabel(t: number, timeZone: string): string {
  const p = partsIn(timeZone, t);
  const u = utcParts(t);
  const minutes =
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) -
      Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute)) /
    60_000;
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hm = abs % 60 === 0 ? String(abs / 60) : `${Math.floor(abs / 60)}:${two(abs % 60)}`;
  return `UTC${minutes > 0 ? '+' : MINUS}${hm}`;
}

/** `[from, until)` in local time with the zone and its offset, then in UTC. */
export function formatSpan(from: number, until: number, timeZone: string): string {
  const offsets = [...new Set([utcOffsetLabel(from, timeZone), utcOffsetLabel(until, timeZone)])];
  const local = `${formatLocalTime(from, timeZone)} to ${formatLocalTime(until, timeZone)} ${timeZone} time (${offsets.join(' → ')})`;
  return `${local}; ${formatUtcTime(from).replace(' UTC', '')} to ${formatUtcTime(until)}`;
}

/** Whole hours of a span (a report day is 23 or 25 hours when the clocks change). */
export function spanHours(from: number, until: number): number {
  return Math.round((until - from) / 3_600_000);
}

export const AREA_NONE = 'No area given';

export function areaLabel(area: Area): string {
  return area ?? AREA_NONE;
}

export const ZONE_KIND_LABELS: Record<ZoneKind, string> = {
  ceasefire_area: 'ceasefire area',
  safe_zone: 'safe zone',
  no_fly_zone: 'no-fly zone',
  corridor: 'humanitarian corridor',
  excluded_area: 'excluded area',
};

export const STATUS_LABELS: Record<ViolationStatus, string> = {
  flagged: 'flagged',
  under_review: 'under review',
  confirmed: 'confirmed',
  dismissed: 'dismissed',
  superseded: 'superseded',
};

export const CERTAINTY_LABELS: Record<CertaintyLevel, string> = {
  certain: 'violation, certain',
  possible: 'violation, possible',
  none: 'no violation',
};

export const DISPUTE_LABELS: Record<DisputeKind, string> = {
  party_claim_unconfirmed: 'Party claim not independently confirmed',
  casualties_disagree: 'Casualty figures disagree',
  attribution_disputed: 'Attribution disputed',
};

export const ZONE_CHANGE_LABELS: Record<ZoneChangeKind, string> = {
  signed: 'new version signed by all required parties',
  recorded: 'new version recorded',
  entered_force: 'came into force',
  extended: 'extended',
  replaced: 'replaced by another version',
  expired: 'expired',
};

export const TIME_PRECISION_LABELS: Record<1 | 2 | 3, string> = {
  1: 'to the day',
  2: 'to the week',
  3: 'to the month',
};

/** The Admiralty scale (DESIGN.md §3): source reliability and information credibility. */
export const RELIABILITY_KEY: [Reliability, string][] = [
  ['A', 'completely reliable'],
  ['B', 'usually reliable'],
  ['C', 'fairly reliable'],
  ['D', 'not usually reliable'],
  ['E', 'unreliable'],
  ['F', 'reliability cannot be judged'],
];

export const CREDIBILITY_KEY: [number, string][] = [
  [1, 'confirmed by other sources'],
  [2, 'probably true'],
  [3, 'possibly true'],
  [4, 'doubtful'],
  [5, 'improbable'],
  [6, 'truth cannot be judged'],
];

export const humanize = (s: string) => s.replace(/_/g, ' ');

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line trend: ▁ for none, ▂ … █ for the rest scaled to the line's largest value. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (v <= 0 || max === 0 ? BARS[0] : BARS[1 + Math.round((v / max) * 6)]))
    .join('');
}
