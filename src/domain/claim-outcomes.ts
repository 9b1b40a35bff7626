// What an accepted news claim becomes: the incident input or the report input it gives (before
// the reviewer's overrides and the one validation), or the one-line summary of an agreement note.
// Pure.
import { AppError } from './errors.ts';
import type { EventType } from './event-types.ts';
import type { ClaimOutcome } from './news-review.ts';
import type { CasualtiesClaim, Claim, IncidentClaim } from './news-extraction.ts';
import type { PlaceRef } from './place-ref.ts';
import { countText } from './count-range-text.ts';

/** What the claims take from their article. */
export interface ArticleFacts {
  published: string | null;
  reference: string | null;
  publisher: string | null;
  agency: string | null;
}

export type IncidentClaimLike = CasualtiesClaim | IncidentClaim;

export function givesIncident(c: Claim): c is IncidentClaimLike {
  return c.kind === 'casualties' || c.kind === 'incident';
}

const CAUSES: [RegExp, EventType, string][] = [
  [/suicide/i, 'Explosions/Remote violence', 'Suicide bomb'],
  [/chemical|chlorine|sarin|toxic gas/i, 'Explosions/Remote violence', 'Chemical weapon'],
  [/car bomb|\bied\b|explosive device|land ?mine/i, 'Explosions/Remote violence', 'Remote explosive/landmine/IED'], // prettier-ignore
  [/\bair|drone|warplane|jet|helicopter|barrel bomb/i, 'Explosions/Remote violence', 'Air/drone strike'], // prettier-ignore
  [/shell|artillery|mortar|rocket|missile|bombard/i, 'Explosions/Remote violence', 'Shelling/artillery/missile attack'], // prettier-ignore
  [/clash|fighting|battle|gunfire/i, 'Battles', 'Armed clash'],
];

/** The claim, if it can give an incident or a report (a casualties or an incident claim). */
export function incidentClaim(c: Claim, as: ClaimOutcome): IncidentClaimLike {
  if (givesIncident(c)) return c;
  throw new AppError(
    'validation_failed',
    `a ${c.kind} claim cannot become ${as === 'incident' ? 'an incident' : 'a report'}; accept it as an agreement_note`,
    'as',
  );
}

/** The event type of the first cause that names one (`air strikes` → Air/drone strike). */
export function eventTypeOfCauses(
  cause: readonly string[],
): { event_type: EventType; sub_event_type: string } | null {
  for (const c of cause)
    for (const [re, event_type, sub_event_type] of CAUSES)
      if (re.test(c)) return { event_type, sub_event_type };
  return null;
}

/** The source a claim is credited to: its own, else the publisher or agency of the article. */
export function claimSource(c: Claim, a: ArticleFacts): string | null {
  return c.source ?? a.publisher ?? a.agency ?? null;
}

/** The report a claim gives: the source's account with the article as reference. */
export function reportValueOf(c: IncidentClaimLike, a: ArticleFacts): Record<string, unknown> {
  const counts =
    c.kind === 'casualties'
      ? { [c.measure]: c.count }
      : c.fatalities !== null
        ? { killed: { low: null, best: c.fatalities, high: null } }
        : {};
  return { source: claimSource(c, a), reference: a.reference, text: c.quote, ...counts };
}

const TIME_FIELDS = ['occurred_at', 'occurred_from', 'occurred_until', 'occurred_on'];
const PAIR_FIELDS = ['lon', 'lat'];

/**
 * The incident a claim gives, with the reviewer's overrides merged over it. Giving any time
 * field replaces the claim's time; giving lon or lat replaces its point and radius.
 */
export function incidentValueOf(
  c: IncidentClaimLike,
  a: ArticleFacts,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const kind =
    c.kind === 'incident'
      ? { event_type: c.event_type, sub_event_type: c.sub_event_type }
      : (eventTypeOfCauses(c.cause) ?? {});
  const time = c.period
    ? { occurred_from: `${c.period.from}T00:00:00Z`, occurred_until: `${c.period.until}T00:00:00Z` } // prettier-ignore
    : { occurred_on: a.published ?? undefined, time_precision: 1 };
  const place = c.place
    ? { lon: c.place.lon, lat: c.place.lat, uncertainty_m: c.place.radius_m, location: c.place.name } // prettier-ignore
    : {};
  const killed = c.kind === 'incident' ? c.fatalities : c.measure === 'killed' ? (c.count.best ?? c.count.low) : null; // prettier-ignore
  const source = claimSource(c, a);
  const value: Record<string, unknown> = {
    ...kind,
    ...time,
    ...place,
    fatalities: killed,
    actor1: c.kind === 'incident' ? c.actor : null,
    source,
    notes: c.quote,
    ...(source !== null && { reports: [reportValueOf(c, a)] }),
  };
  const given = (keys: string[]) => keys.some((k) => k in overrides);
  const drop = (keys: string[]) => keys.forEach((k) => delete value[k]);
  if (given(TIME_FIELDS)) drop([...TIME_FIELDS, 'time_precision']);
  if (given(PAIR_FIELDS)) drop([...PAIR_FIELDS, 'uncertainty_m']);
  // A precision code stands for a radius; the claim's radius would win over it.
  if ('geo_precision' in overrides) drop(['uncertainty_m']);
  return { ...value, ...overrides };
}

// ── the one-line summary of an agreement note ──

const words = (s: string) => s.replace(/_/g, ' ');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const placeName = (p: PlaceRef | null) => (p ? ` in ${p.name}` : '');

/** ` — announced by X, per Y`: who the article credits, in the order given. */
function credits(parts: [string, string | null][]): string {
  const given = parts.filter(([, who]) => who).map(([how, who]) => `${how} ${who}`);
  return given.length ? ` — ${given.join(', ')}` : '';
}

/** E.g. "Truce extended by 48 h around Damascus and eastern suburbs — announced by Syrian military, per SANA". */
export function claimSummary(c: Claim): string {
  const per: [string, string | null] = ['per', c.source];
  switch (c.kind) {
    case 'truce_extension': {
      const how = c.duration_hours !== null ? ` by ${c.duration_hours} h` : c.new_end ? ` until ${c.new_end}` : ''; // prettier-ignore
      return `Truce extended${how} around ${c.area}${credits([['announced by', c.announced_by], per])}`;
    }
    case 'truce_exclusion': {
      const what = [c.place?.name, c.group].filter(Boolean).join(' / ') || 'an unnamed area';
      return `Excluded from the truce: ${what}${credits([per])}`;
    }
    case 'casualties': {
      const who = c.who.length ? c.who.join(', ') : 'people';
      const cause = c.cause.length ? ` by ${c.cause.join(' and ')}` : '';
      const when = c.period ? `, ${c.period.expression}` : '';
      return capitalised(`${countText(c.count)} ${who} ${c.measure}${cause}${placeName(c.place)}${when}${credits([per])}`); // prettier-ignore
    }
    case 'incident': {
      const what = c.sub_event_type ?? c.event_type;
      const by = c.actor ? ` by ${c.actor}` : '';
      const on = c.target ? ` on ${c.target}` : '';
      const dead = c.fatalities !== null ? `, ${c.fatalities} killed` : '';
      return `${what}${placeName(c.place)}${by}${on}${dead}${credits([per])}`;
    }
    case 'violation_count': {
      const when = c.period ? ` ${c.period.expression}` : '';
      const areas = c.by_area.length ? ` (${c.by_area.map((x) => `${x.area} ${x.count}`).join(', ')})` : ''; // prettier-ignore
      return `${c.count} violation(s) counted${when}${areas}${credits([['by', c.counted_by], per])}`;
    }
    case 'proposal': {
      const to = c.addressees ? ` (to ${c.addressees})` : '';
      return `Proposal ${words(c.status)}: ${c.summary}${to}${credits([per])}`;
    }
    case 'agreement_status': {
      const when = c.period ? `, ${c.period.expression}` : '';
      return `${capitalised(c.agreement)}: ${words(c.status)}${when}${credits([per])}`;
    }
  }
}
