// Instants in UTC: ISO strings for the API, `datetime-local` values (read as UTC) for inputs, the
// span the time slider covers, and readable validity windows.
import type { Agreement } from './types.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** `YYYY-MM-DDTHH:mm` in UTC, the value of a datetime-local input that we read as UTC. */
export function toInputValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** A datetime-local value read as UTC; NaN when it is not one. */
export function fromInputValue(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return Number.NaN;
  return Date.parse(`${value}${value.length === 16 ? ':00' : ''}Z`);
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `2018-02-17 12:00 UTC`. */
export function formatInstant(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatWindow(from: string | undefined, until: string | null | undefined): string {
  if (!from) return '';
  return `${formatInstant(from)} → ${until ? formatInstant(until) : 'open-ended'}`;
}

export const floorHour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
export const ceilHour = (ms: number) => Math.ceil(ms / HOUR) * HOUR;

/**
 * What the slider spans: from a day before the earliest version starts to a day after the latest
 * one ends (or after now, when a version is open-ended or ends later than now is not known).
 */
export function timeSpan(
  agreements: readonly Agreement[],
  now: number,
): { min: number; max: number } {
  const versions = agreements.flatMap((a) => a.versions ?? []);
  if (versions.length === 0) return { min: floorHour(now - 30 * DAY), max: ceilHour(now + DAY) };
  const starts = versions.map((v) => Date.parse(v.valid_from));
  const ends = versions.map((v) => (v.valid_until ? Date.parse(v.valid_until) : now));
  return {
    min: floorHour(Math.min(...starts) - DAY),
    max: ceilHour(Math.max(...ends) + DAY),
  };
}

export const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** How long ago, for the live desk ("3 min ago"). */
export function ago(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}
