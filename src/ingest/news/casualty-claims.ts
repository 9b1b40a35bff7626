// Casualty claims: a count of people killed or injured, with who they were where the sentence
// says, the place, the period, the cause and the source. "more than 250 people have died in
// shelling and air strikes in the northern city over the last nine days, according to the …
// Observatory" → killed ≥ 250 in Aleppo, [D−8, D+1), shelling + air strikes, SOHR.
import type { CasualtiesClaim } from '../../domain/news-extraction.ts';
import {
  attributedSource,
  causesOf,
  hedged,
  mainPlace,
  type SentenceContext,
} from './claim-context.ts';
import { COUNT_PHRASE, countOf } from './quantities.ts';
import { resolvePeriod } from './time-expressions.ts';

const VICTIMS: [RegExp, string | null][] = [
  [/^(?:people|persons?|others|lives|dead|bodies|man|men)$/i, null],
  [/^(?:civilians?|citizens|residents|inhabitants|villagers|displaced)$/i, 'civilians'],
  [
    /^(?:children|child|boys?|girls?|kids|minors|babies|infants|students|schoolchildren)$/i,
    'children',
  ],
  [/^(?:women|woman)$/i, 'women'],
  [
    /^(?:doctors?|medics|nurses|paramedics|medical|health|rescuers|rescue|aid|volunteers|pediatricians?|paediatricians?)$/i,
    'medical personnel',
  ],
  [
    /^(?:fighters?|soldiers?|rebels|militants|combatants|troops|insurgents|jihadists|members|policemen|guards|servicemen|gunmen|officers|personnel)$/i,
    'combatants',
  ],
];
const VICTIM_AFTER =
  /^(?:\s+(?:more|other|of\s+them|[\p{L}-]+)){0,2}?\s+(people|persons?|others|lives|dead|bodies|civilians?|citizens|woman|man|men|child|boys?|girls?|soldier|fighter|residents|inhabitants|villagers|displaced|children|kids|minors|babies|infants|students|schoolchildren|women|doctors?|medics|nurses|paramedics|medical\s+(?:personnel|staff|workers)|health\s+workers|rescue\s+workers|rescuers|aid\s+workers|volunteers|pediatricians?|paediatricians?|fighters|soldiers|rebels|militants|combatants|troops|insurgents|jihadists|members|policemen|guards|servicemen|gunmen|officers|personnel)\b/iu;
const IMPLIED_VICTIMS =
  /^\s+(?:more\s+|others?\s+|further\s+)?(?:were|was|have\s+been|had\s+been|are)\s+(?:also\s+)?(?:killed|wounded|injured|hurt|left\s+dead|dead|slain|burned)\b/i;
const KILLED =
  /\b(?:killed|killing|kills|died|die|dead|deaths?|toll|lives|perished|massacred|executed|slain|lost their lives)\b/gi;
const INJURED = /\b(?:injured|injuring|injures|wounded|wounding|wounds|hurt|injuries)\b/gi;
const TOLL = /\btoll\b[^.;]{0,30}$/i;

export function casualtyClaims(ctx: SentenceContext): CasualtiesClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const killedAt = [...text.matchAll(KILLED)].map((m) => m.index);
  const injuredAt = [...text.matchAll(INJURED)].map((m) => m.index);
  if (killedAt.length === 0 && injuredAt.length === 0) return [];
  const out: CasualtiesClaim[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(COUNT_PHRASE)) {
    const count = countOf(m);
    if (!count) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end);
    // "Five civilians, two of them children": part of the count before it.
    if (/^\s+of\s+(?:them|whom)\b/i.test(after)) continue;
    const victim = VICTIM_AFTER.exec(after);
    const toll = TOLL.test(text.slice(Math.max(0, m.index - 40), m.index));
    // "A further five were hurt", "seven more were wounded": the people are implied.
    const implied = IMPLIED_VICTIMS.test(after);
    if (!victim && !toll && !implied) continue;
    const nearest = (list: number[]) =>
      list.reduce((best, i) => Math.min(best, Math.abs(i - m.index)), Infinity);
    const dk = toll ? 0 : nearest(killedAt);
    const di = nearest(injuredAt);
    if (Math.min(dk, di) > 120) continue;
    // "two children were hurt": the verb that follows the people counted decides.
    const follows =
      /^\s*(?:,[^,]{0,60},\s*)?(?:were|was|have\s+been|had\s+been|are)\s+(?:also\s+)?(?:left\s+)?(\w+)/i.exec(
        after.slice(victim ? victim[0].length : 0),
      )?.[1];
    const stated =
      follows && /^(?:killed|dead|slain)$/i.test(follows)
        ? 'killed'
        : follows && /^(?:wounded|injured|hurt)$/i.test(follows)
          ? 'injured'
          : null;
    const measure = stated ?? (dk <= di ? 'killed' : 'injured');
    const who = victim ? whoOf(victim[1]!) : [];
    const key = `${measure}|${count.low}|${count.best}|${count.high}|${who.join()}`;
    if (seen.has(key)) continue;
    // "a conflict that has killed more than 250,000 people": the war's toll, not a report.
    if (
      (count.best ?? count.low ?? 0) >= 10_000 &&
      /\b(?:war|conflict|uprising|since 2011)\b/i.test(text)
    )
      continue;
    // "hundreds of thousands of people": an order of magnitude, not a count.
    if (
      m[7] !== undefined &&
      /^\s*(?:of\s+)?(?:thousands|millions|hundreds)\b/i.test(text.slice(end))
    )
      continue;
    seen.add(key);
    // "27 people, including three children": one figure per report, as ACLED codes it.
    if (
      /\b(?:including|among them|of whom)\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index))
    )
      continue;
    const source = attributedSource(text);
    const place = mainPlace(ctx, 0, Infinity, { near: s.start + m.index });
    const period = resolvePeriod(text, ctx.published);
    out.push({
      kind: 'casualties',
      start: s.start,
      end: s.end,
      quote: text,
      confidence: confidence(!!source, !!place, !!period, hedged(text)),
      source,
      measure,
      count,
      who,
      place,
      period,
      cause: causesOf(text),
    });
  }
  return out;
}

function whoOf(noun: string): string[] {
  const first = noun.split(/\s+/)[0]!;
  for (const [re, who] of VICTIMS) if (re.test(first)) return who ? [who] : [];
  return [];
}

function confidence(source: boolean, place: boolean, period: boolean, hedge: boolean): number {
  let c = 0.55 + (source ? 0.15 : 0) + (place ? 0.15 : 0) + (period ? 0.1 : 0);
  if (hedge) c -= 0.2;
  return Math.round(Math.min(0.95, Math.max(0.1, c)) * 100) / 100;
}
