// Incident claims: one event the sentence reports happening, coded in ACLED's taxonomy. "Air strikes
// hit a hospital in a rebel-held area of Syria's Aleppo and killed at least 27 people" → Explosions/
// Remote violence, Air/drone strike, Aleppo, fatalities 27, target hospital. Sentences that sum up
// many days ("over the last nine days") are casualty counts, not incidents.
import type { CasualtiesClaim, IncidentClaim } from '../../domain/news-extraction.ts';
import type { EventType } from '../../domain/event-types.ts';
import {
  attributedSource,
  hedged,
  mainPlace,
  negated,
  type SentenceContext,
} from './claim-context.ts';
import { resolvePeriod } from './time-expressions.ts';
import { EXTEND, round, TRUCE } from './truce-claims.ts';

const TRIGGERS: [RegExp, EventType, string][] = [
  [
    /\b(?:suicide (?:bomb(?:ing|er)?s?|attacks?|car bombs?))\b/i,
    'Explosions/Remote violence',
    'Suicide bomb',
  ],
  [
    /\b(?:car bombs?|roadside bombs?|IEDs?|explosive devices?|landmines?|bomb (?:exploded|went off)|blasts?)\b/i,
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
  ],
  [
    /\b(?:chemical (?:attack|weapons?)|chlorine|sarin|gas attack)\b/i,
    'Explosions/Remote violence',
    'Chemical weapon',
  ],
  [
    /\b(?:air ?strikes?|strikes|air ?raids?|airstrikes?|warplanes?|jets?|helicopters?|barrel bombs?|bombed|aerial bombing|drone strikes?)\b/i,
    'Explosions/Remote violence',
    'Air/drone strike',
  ],
  [
    /\b(?:shell(?:ing|ed|s)?|mortars?|artillery|rockets?|missiles?)\b/i,
    'Explosions/Remote violence',
    'Shelling/artillery/missile attack',
  ],
  [
    /\b(?:clash(?:es|ed)?|fighting|battles?|offensive|assault|ambush(?:ed)?|stormed|attacked)\b/i,
    'Battles',
    'Armed clash',
  ],
];
/** A verb that says the event happened. */
const HAPPENED =
  /\b(?:hit|struck|targeted|destroyed|killed|wounded|injured|exploded|went off|clashed|attacked|launched|pounded|bombed|shelled|fired|stormed|erupted|broke out|raged|damaged|levelled|leveled|slammed|fell|landed|rained|crashed|tore|ripped|blew up|detonated)\b/i;
const ACTOR =
  /\b(Syrian|Russian|government|regime|rebel|opposition|U\.?S\.?-led(?: coalition)?|coalition|Turkish|Kurdish|pro-government|insurgent|Islamic State|Israeli|jihadist)\b(?=\s+(?:[\p{L}-]+\s+)?(?:air ?strikes?|airstrikes?|warplanes?|jets?|forces|troops|shelling|mortars?|artillery|fighters|rockets?|helicopters?|army|militants|gunmen|bombardment|planes?))/iu;
const TARGET =
  /\b(?:hit|struck|targeted|destroyed|on|at|near)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(hospital|clinic|market|school|mosque|bakery|camp|convoy|building|checkpoint|base|airport|neighbourhood|neighborhood|village|town|residential area|house|home)s?\b/iu;

export function incidentClaims(
  ctx: SentenceContext,
  casualties: readonly CasualtiesClaim[],
): IncidentClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const trigger = TRIGGERS.find(([re]) => re.test(text));
  if (!trigger || !HAPPENED.test(text) || hedged(text) || negated(text)) return [];
  // "The lull in fighting was extended": news of the truce, not an event of the war.
  if (TRUCE.test(text) && EXTEND.test(text) && casualties.length === 0) return [];
  const period = resolvePeriod(text, ctx.published);
  if (period && Date.parse(period.until) - Date.parse(period.from) > 2 * 86_400_000) return [];
  if (/\b(?:over|in|during)\s+the\s+(?:last|past)\b/i.test(text) && !period) return [];
  const place = mainPlace(ctx, 0, Infinity, { countries: false });
  if (!place) return [];
  const killed =
    casualties.find((c) => c.measure === 'killed' && c.who.length === 0) ??
    casualties.find((c) => c.measure === 'killed');
  const actor = ACTOR.exec(text)?.[1] ?? null;
  const source = attributedSource(text);
  return [
    {
      kind: 'incident',
      start: s.start,
      end: s.end,
      quote: text,
      confidence: round(
        0.55 +
          (source ? 0.1 : 0) +
          (period ? 0.1 : 0) +
          (killed ? 0.1 : 0) +
          (place.source === 'ocha' ? 0.05 : 0),
      ),
      source,
      event_type: trigger[1],
      sub_event_type: trigger[2],
      place,
      period,
      fatalities: killed ? (killed.count.best ?? killed.count.low) : null,
      actor,
      target: TARGET.exec(text)?.[1]?.toLowerCase() ?? null,
    },
  ];
}
