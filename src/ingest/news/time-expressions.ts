// Step 2 of news extraction: relative time against the publication date. A period is a half-open
// interval of days [from, until). Conventions (docs/extraction.md): "over the last nine days" is
// the nine days ending with the publication day; "in the past 24 hours" the publication day and
// the day before; "since April 22" from that day through the publication day; a weekday is the
// latest such day on or before publication, or the next one when the sentence speaks of the future
// ("later on Monday", "will", "is heading"). Absolute dates are read by chrono-node.
import * as chrono from 'chrono-node';
import type { Period } from '../../domain/news-extraction.ts';
import { isoDay } from './clean-article.ts';
import { numberValue, NUMBER_WORD } from './quantities.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const AMOUNT = `(?:\\d+|${NUMBER_WORD}(?:[- ]${NUMBER_WORD})?)`;
const LAST_SPAN = new RegExp(
  `\\b(?:over|in|during|for|within)\\s+the\\s+(?:last|past|previous)\\s+(?:(${AMOUNT})\\s+)?(hours?|days?|weeks?|months?)\\b`,
  'i',
);
const SINCE =
  /\bsince\s+((?:early\s+|late\s+|mid-?)?(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|monday|tuesday|wednesday|thursday|friday|saturday|sunday))/i;
const WEEKDAY =
  /\b(later\s+on\s+|later\s+|earlier\s+on\s+|next\s+|last\s+|on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const YESTERDAY =
  /\b(yesterday|today|tonight|overnight|this morning|this afternoon|this evening)\b/i;
const FUTURE =
  /\b(will|would|is due|are due|is to|are to|plans? to|planned|is heading|are heading|is expected|are expected|is scheduled|are scheduled|later on|next|to take effect|will take effect)\b/i;
const ON_DATE =
  /\bon\s+((?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?)/i;

/** A span of time the sentence gives for what it reports, or null. */
export function resolvePeriod(sentence: string, published: string | null): Period | null {
  if (!published) return null;
  const until = addDays(published, 1);
  const last = LAST_SPAN.exec(sentence);
  if (last) {
    const n = last[1] ? numberValue(last[1]) : 1;
    if (n !== null && n > 0) {
      const unit = last[2]!.toLowerCase().replace(/s$/, '');
      // "the past day" is the last 24 hours: it reaches into the day before.
      const days =
        unit === 'hour' || (unit === 'day' && !last[1])
          ? Math.ceil((unit === 'hour' ? n : 24) / 24) + 1
          : unit === 'week'
            ? 7 * n
            : unit === 'month'
              ? 30 * n
              : n;
      return { from: addDays(until, -days), until, expression: last[0] };
    }
  }
  const since = SINCE.exec(sentence);
  if (since) {
    const named = WEEKDAYS.indexOf(since[1]!.toLowerCase().replace(/^(?:early|late|mid-?)\s*/, ''));
    const from =
      named >= 0
        ? addDays(published, -((weekday(published) - named + 7) % 7))
        : pastDate(since[1]!, published);
    if (from && from <= published) return { from, until, expression: since[0] };
  }
  return resolveDay(sentence, published);
}

/** A single day the sentence names ("on Thursday", "later on Monday", "on April 22"), or null. */
export function resolveDay(sentence: string, published: string | null): Period | null {
  if (!published) return null;
  const rel = YESTERDAY.exec(sentence);
  const wd = WEEKDAY.exec(sentence);
  const on = ON_DATE.exec(sentence);
  const first = [rel, wd, on]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  let day: string | null;
  if (first === rel) {
    const w = rel[1]!.toLowerCase();
    day = w === 'yesterday' || w === 'overnight' ? addDays(published, -1) : published;
  } else if (first === wd) {
    const target = WEEKDAYS.indexOf(wd[2]!.toLowerCase());
    const lead = (wd[1] ?? '').toLowerCase();
    const future = /later|next/.test(lead) || (!/last|earlier/.test(lead) && FUTURE.test(sentence));
    const diff = (target - weekday(published) + 7) % 7;
    day = future
      ? addDays(published, diff === 0 && !/next/.test(lead) ? 0 : diff || 7)
      : addDays(published, -((7 - diff) % 7));
  } else day = FUTURE.test(sentence) ? nextDate(on![1]!, published) : pastDate(on![1]!, published);
  return day ? { from: day, until: addDays(day, 1), expression: first[0].trim() } : null;
}

/** A month-day date in a sentence about what is to come: the next such day. */
function nextDate(text: string, published: string): string | null {
  const [hit] = chrono.parse(text, new Date(`${published}T12:00:00Z`), { forwardDate: true });
  if (!hit || !hit.start.isCertain('month')) return null;
  return isoDay(hit.start.get('year')!, hit.start.get('month')!, hit.start.get('day')!);
}

/** A month-day date read against the publication date, taken in the past when no year is given. */
function pastDate(text: string, published: string): string | null {
  const ref = new Date(`${published}T12:00:00Z`);
  const [hit] = chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  if (!hit) return null;
  const s = hit.start;
  if (!s.isCertain('month')) return null;
  const y = s.get('year')!;
  const m = s.get('month')!;
  const d = s.get('day')!;
  const day = isoDay(y, m, d);
  return !s.isCertain('year') && day > published ? isoDay(y - 1, m, d) : day;
}

/** "for another 48 hours", "for a further three days", "a 72-hour truce" → hours. */
export function durationHours(sentence: string): number | null {
  const m = new RegExp(
    `\\b(?:for|by)\\s+(?:another|a\\s+further|an\\s+additional|a\\s+new|the\\s+next|a|an)?\\s*(${AMOUNT})\\s+(hours?|days?|weeks?)\\b|\\b(${AMOUNT})[- ](hour|day|week)\\b`,
    'i',
  ).exec(sentence);
  if (!m) return null;
  const n = numberValue(m[1] ?? m[3]!);
  if (n === null) return null;
  const unit = (m[2] ?? m[4]!).toLowerCase().replace(/s$/, '');
  return unit === 'hour' ? n : unit === 'day' ? n * 24 : n * 168;
}

/** "until Sunday", "until March 7" → the day it ends, read forward from publication. */
export function untilDate(sentence: string, published: string | null): string | null {
  const m = /\buntil\s+([^,.;]+)/i.exec(sentence);
  if (!m || !published) return null;
  const [hit] = chrono.parse(m[1]!, new Date(`${published}T12:00:00Z`), { forwardDate: true });
  if (!hit) return null;
  const s = hit.start;
  return isoDay(s.get('year')!, s.get('month')!, s.get('day')!);
}
