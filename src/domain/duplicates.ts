// Duplicate candidates: two incidents that may be the same event reported twice. A pair is a
// candidate only when the event types are the same or compatible, the time spans overlap and the
// uncertainty disks come within a configurable distance; its score (0–1) adds up weighted
// evidence, and every point of it comes with a reason the analyst can read. No I/O.
import { haversineM } from '../geo/distance.ts';
import type { EventType } from './event-types.ts';
import type { Incident } from './types.ts';

export interface DuplicateOptions {
  /** How far apart (beyond both uncertainty radii) two disks may be: default 10 km. */
  maxDistanceM: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { maxDistanceM: 10_000 };

/** Event types that different sources often code differently for the same event. */
const COMPATIBLE: ReadonlySet<string> = new Set([
  'Battles|Explosions/Remote violence',
  'Explosions/Remote violence|Violence against civilians',
]);

function compatible(a: EventType, b: EventType): boolean {
  return COMPATIBLE.has(a < b ? `${a}|${b}` : `${b}|${a}`);
}

export interface DuplicateMatch {
  score: number;
  reasons: string[];
}

const km = (m: number) => (m < 950 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`);
const day = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Weights: event type 0.30 (same) or 0.15 (compatible), sub-event type 0.10, time overlap 0.25 ×
 * the share of the shorter span covered, nearness 0.25 × (1 − distance / reach), fatalities 0.10
 * when both are given and within 25 % (or 1) of each other. Null when not a candidate at all.
 */
export function compareIncidents(
  a: Incident,
  b: Incident,
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): DuplicateMatch | null {
  if (a.id === b.id) return null;
  const reasons: string[] = [];
  let score = 0;
  if (a.eventType === b.eventType) {
    score += 0.3;
    reasons.push(`same event type (${a.eventType})`);
  } else if (compatible(a.eventType, b.eventType)) {
    score += 0.15;
    reasons.push(`compatible event types (${a.eventType} / ${b.eventType})`);
  } else return null;
  if (a.subEventType && a.subEventType === b.subEventType) {
    score += 0.1;
    reasons.push(`same sub-event type (${a.subEventType})`);
  }
  // Spans overlap ([from, until), an instant as a point; closed at both ends for instants).
  const start = Math.max(a.occurredFrom, b.occurredFrom);
  const end = Math.min(a.occurredUntil, b.occurredUntil);
  const instant = a.occurredFrom === a.occurredUntil || b.occurredFrom === b.occurredUntil;
  if (instant ? start > end : start >= end) return null;
  const shorter = Math.min(a.occurredUntil - a.occurredFrom, b.occurredUntil - b.occurredFrom);
  const share = shorter === 0 ? 1 : (end - start) / shorter;
  score += 0.25 * share;
  reasons.push(
    share >= 1
      ? `times coincide (${day(start)}${end > start ? ` – ${day(end)}` : ''} UTC)`
      : `times overlap by ${Math.round(share * 100)} % of the shorter span`,
  );
  const d = haversineM(a.lon, a.lat, b.lon, b.lat);
  const reach = a.uncertaintyM + b.uncertaintyM + opts.maxDistanceM;
  if (d > reach) return null;
  score += 0.25 * (1 - d / reach);
  reasons.push(
    `places ${km(d)} apart (uncertainty ${km(a.uncertaintyM)} and ${km(b.uncertaintyM)}; reach ${km(reach)})`,
  );
  if (a.fatalities !== null && b.fatalities !== null) {
    const diff = Math.abs(a.fatalities - b.fatalities);
    if (diff <= Math.max(1, 0.25 * Math.max(a.fatalities, b.fatalities))) {
      score += 0.1;
      reasons.push(`similar fatalities (${a.fatalities} and ${b.fatalities})`);
    } else reasons.push(`fatalities differ (${a.fatalities} and ${b.fatalities})`);
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
