// Truce claims: an extension (area, hours or new end, who announced it) and an exclusion (a place
// or a group left out). "Syria's state news agency said the military has extended its ceasefire
// around Damascus and opposition strongholds in eastern suburbs for another 48 hours." "But it
// excludes Aleppo, where …"
import type { TruceExclusionClaim, TruceExtensionClaim } from '../../domain/news-extraction.ts';
import type { PlaceRef } from '../../domain/place-ref.ts';
import {
  attributedSource,
  cleanSource,
  hedged,
  mainPlace,
  placeRef,
  textOf,
  type SentenceContext,
} from './claim-context.ts';
import { durationHours, untilDate } from './time-expressions.ts';

export const TRUCE =
  /\b(?:cease-?fires?|truces?|cessation(?: of hostilities)?|calm|lull|(?:humanitarian )?pause|de-escalation|regime of silence|halt (?:to|in) (?:the\s+)?(?:fighting|artillery fire|shelling|bombing|strikes|air strikes|hostilities))\b/i;
export const EXTEND = /\b(?:extend(?:ed|s|ing)?|prolong(?:ed|s)?|renew(?:ed|s)?)\b/i;
const AREA =
  /\b(?:cease-?fire|truce|cessation of hostilities|calm|lull|pause)\s+(?:(?:in|around|for|across|covering|over|on)\s+)((?:[^,.;](?!\bfor\s+(?:another|a further|an additional|\d|\w+\s+(?:hours|days))|\buntil\b|\bby\b))*[^,.;]?)/i;
/** Groups that truces leave out, as news names them. */
const GROUPS =
  /\b(?:Islamic State(?: group)?|ISIS|ISIL|Daesh|(?:the\s+)?(?:al-)?Nusra Front|Jabhat al-Nusra|Jabhat Fateh al-Sham|al[- ]Qaeda(?:'s Syria branch)?|Hayat Tahrir al-Sham|HTS|groups? (?:designated|deemed|listed) (?:as )?terrorists?(?: by [^,.;]+)?|terrorist groups?)\b/gi;

export function truceExtensionClaims(ctx: SentenceContext): TruceExtensionClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  if (!TRUCE.test(text) || !EXTEND.test(text) || /\bnot\s+(?:be\s+)?extend/i.test(text)) return [];
  const hours = durationHours(text);
  const newEnd = untilDate(text, ctx.published);
  if (hours === null && newEnd === null) return [];
  const area = AREA.exec(text);
  const areaText = area ? area[1]!.trim() : '';
  const areaStart = area ? s.start + area.index + area[0].length - area[1]!.length : s.start;
  const areaEnd = areaStart + (area?.[1]?.length ?? 0);
  const places = ctx.places
    .filter((p) => area && p.start >= areaStart && p.end <= areaEnd + 1)
    .map((p) => placeRef(p.place, textOf(ctx, p)));
  const source = attributedSource(text);
  // "The lull … was extended by 24 hours, the ministry said": who said so announced it.
  const announcedBy =
    announcer(text) ??
    (/\b(?:was|were|has been|have been)\s+extended\b/i.test(text) ? source : null);
  return [
    {
      kind: 'truce_extension',
      start: s.start,
      end: s.end,
      quote: text,
      confidence: round(
        0.6 +
          (areaText ? 0.1 : 0) +
          (announcedBy ? 0.1 : 0) +
          (source ? 0.1 : 0) -
          (hedged(text) ? 0.3 : 0),
      ),
      source,
      area: areaText,
      places: uniquePlaces(places),
      duration_hours: hours,
      new_end: newEnd,
      announced_by: announcedBy,
    },
  ];
}

/**
 * The subject of "extended": "… said the military has extended" → "the military", given the
 * nationality the sentence names ("Syria's", "Syrian", "Russian") → "Syrian military".
 */
function announcer(text: string): string | null {
  const m =
    /(?:^|\bsaid(?:\s+that)?\s+|,\s*)((?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,5}?)\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+)?(?:extended|extends|prolonged|renewed|agreed to extend|decided to extend)\b/iu.exec(
      text,
    );
  if (!m) return null;
  let who = cleanSource(m[1]!);
  // "The Russian military said it had extended …": the one who said it.
  if (/^(?:it|they|he|she)$/i.test(who) || who === '') {
    const said =
      /((?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,4}?)\s+said\s+(?:that\s+)?(?:it|they|he|she)\b/iu.exec(
        text,
      );
    if (!said) return null;
    who = cleanSource(said[1]!);
  }
  if (/^(?:military|army|government|regime|command|authorities)$/i.test(who)) {
    const nation =
      /\b(Syria|Russia|Turkey|Iran|Israel)(?:'s|’s)|\b(Syrian|Russian|Turkish|Iranian|Israeli)\b/.exec(
        text,
      );
    const adjective = nation?.[2] ?? (nation?.[1] ? NATIONALITY[nation[1]] : undefined);
    if (adjective) who = `${adjective} ${who.toLowerCase()}`;
  }
  return who;
}

const NATIONALITY: Record<string, string> = {
  Syria: 'Syrian',
  Russia: 'Russian',
  Turkey: 'Turkish',
  Iran: 'Iranian',
  Israel: 'Israeli',
};

const EXCLUDES = [
  /\b(?:exclud(?:es|ed|ing)|exempts?|exempted|leaves?\s+out|left\s+out)\s+((?:[^,.;](?!\bwhere\b))+)/i,
  /\b(?:does|did|do|will|would)\s+not\s+(?:cover|include|apply\s+to|extend\s+to)\s+([^,.;]+)/i,
  /\bexcept\s+(?:in|for)\s+([^,.;]+)/i,
];
const EXCLUDED_SUBJECT =
  /(?:^|[,;]\s*|\b(?:but|and|while)\s+)([^,.;]+?),?\s+(?:is|are|was|were|would\s+be|will\s+be|has\s+been|have\s+been)\s+(?:not\s+included|excluded|left\s+out|not\s+covered|not\s+part)\b/i;

export function truceExclusionClaims(ctx: SentenceContext): TruceExclusionClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const truceHere =
    TRUCE.test(text) || /\b(?:it|the\s+(?:deal|agreement|plan|accord))\b/i.test(text);
  if (!truceHere || !(TRUCE.test(text) || (ctx.previous && TRUCE.test(ctx.previous)))) return [];
  let target: { text: string; at: number } | null = null;
  for (const re of EXCLUDES) {
    const m = re.exec(text);
    if (m) {
      target = { text: m[1]!, at: m.index + m[0].length - m[1]!.length };
      break;
    }
  }
  if (!target) {
    const m = EXCLUDED_SUBJECT.exec(text);
    if (m) target = { text: m[1]!, at: m.index + m[0].indexOf(m[1]!) };
  }
  if (!target) return [];
  // "… shelling of Aleppo, which was not included in the truce": the clause before the comma.
  // "X, an alliance led by …, are not covered": the appositive is about the clause before it.
  if (/^\s*(?:an?|the)\s/i.test(target.text) && text[target.at - 2] === ',') {
    const from = text.lastIndexOf(',', target.at - 3) + 1;
    target = { text: text.slice(from, target.at + target.text.length), at: from };
  }
  // "The town of X, where fighters hold most positions, is not included": the clause before.
  if (/^(?:which|that|where|who|it)\b/i.test(target.text.trim())) {
    const comma = text.lastIndexOf(',', target.at);
    if (comma <= 0) return [];
    const from = Math.max(0, text.lastIndexOf(',', comma - 1) + 1, comma - 80);
    target = { text: text.slice(from, comma), at: from };
  } // Attributed within its own clause: "…, according to X" after a "where …" clause is X's count.
  const clause = text.slice(0, target.at + target.text.length);
  const source = attributedSource(clause);
  const base = {
    kind: 'truce_exclusion' as const,
    start: s.start,
    end: s.end,
    quote: text,
    source,
    confidence: round(0.75 + (source ? 0.1 : 0) - (hedged(text) ? 0.3 : 0)),
  };
  // "Hayat Tahrir al-Sham, an alliance led by al-Qaeda's former affiliate, is …": the appositive
  // describes the group; it names no other.
  const targetText = target.text.replace(/,\s+(?:an?|the)\s+[^,]{3,90},/g, (m) =>
    ' '.repeat(m.length),
  );
  const named = ctx.organizations
    .filter(
      (o) => o.start >= s.start + target!.at && o.end <= s.start + target!.at + target!.text.length,
    )
    .filter(
      (o) =>
        targetText.slice(o.start - s.start - target!.at, o.end - s.start - target!.at).trim() !==
        '',
    )
    .map((o) => o.name);
  const groups = [
    ...new Set([
      ...[...targetText.matchAll(GROUPS)].map((g) => g[0].replace(/^the\s+/i, '')),
      ...named.filter((n) => !/^(?:U\.?N\.?|United Nations|Red Cross|ICRC)$/i.test(n)),
    ]),
  ].filter((g, _i, all) => !all.some((o) => o !== g && o.includes(g)));
  const out: TruceExclusionClaim[] = groups.map((group) => ({ ...base, place: null, group }));
  // "does not cover Raqqa or other areas held by Islamic State": a place named before the group.
  const placeText = target.text.split(
    /\b(?:(?:other\s+)?areas?\s+)?(?:held|controlled|run)\s+by\b/i,
  )[0]!;
  const from = s.start + target.at;
  const place = mainPlace(ctx, from, from + placeText.length, { countries: false });
  if (place && (groups.length === 0 || !groups.some((g) => g.includes(place.name))))
    out.unshift({ ...base, place, group: null });
  return out;
}

function uniquePlaces(list: PlaceRef[]): PlaceRef[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.gazetteer_name) && seen.add(p.gazetteer_name));
}

export const round = (c: number) => Math.round(Math.min(0.95, Math.max(0.1, c)) * 100) / 100;
