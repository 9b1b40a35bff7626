// Time intervals: half-open validity windows, incident intervals and ACLED time precision.

/** An incident's time: [from, until) in epoch ms; an instant has from === until. */
export interface TimeSpan {
  from: number;
  until: number;
}

export const NO_RELATION = 0;
export const OVERLAPS = 1;
export const WITHIN = 2;
export type TimeRelation = 0 | 1 | 2;

const DAY = 86_400_000;

/**
 * How an incident's span relates to a validity window [windowFrom, windowUntil)
 * (windowUntil = Infinity when open-ended). An instant is inside when
 * windowFrom <= t < windowUntil; an interval [a, b) is within when a >= from and b <= until.
 */
export function relateTime(
  from: number,
  until: number,
  windowFrom: number,
  windowUntil: number,
): TimeRelation {
  if (from === until) return from >= windowFrom && from < windowUntil ? WITHIN : NO_RELATION;
  if (from >= windowUntil || until <= windowFrom) return NO_RELATION;
  return from >= windowFrom && until <= windowUntil ? WITHIN : OVERLAPS;
}

/** Parses `YYYY-MM-DD` as the UTC midnight that starts that day, or undefined. */
export function parseIsoDay(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? t : undefined;
}

/**
 * ACLED time_precision: 1 = that UTC day [d, d+1); 2 = the week around it [d-3, d+4);
 * 3 = the calendar month of d.
 */
export function spanForDayPrecision(day: number, precision: 1 | 2 | 3): TimeSpan {
  if (precision === 1) return { from: day, until: day + DAY };
  if (precision === 2) return { from: day - 3 * DAY, until: day + 4 * DAY };
  const d = new Date(day);
  return {
    from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    until: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
