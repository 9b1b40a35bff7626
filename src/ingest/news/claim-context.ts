// What every claim rule needs to know about a sentence: its text and offsets, the publication
// date, the places and organisations named in it, who it is attributed to, what caused the harm
// it reports, and whether it is hedged (a question, a denial, a hope).
import { haversineM } from '../../geo/distance.ts';
import type { PlaceMention } from '../../domain/news-extraction.ts';
import type { PlaceRef } from '../../domain/place-ref.ts';
import type { Entities } from './entities.ts';
import type { Sentence } from './sentences.ts';

export interface SentenceContext {
  sentence: Sentence;
  published: string | null;
  /** The sentence before, for "it excludes …" after "the truce … was extended". */
  previous: string | null;
  /** Places named in the sentence, in order, each with where it was named. */
  places: { place: PlaceMention; start: number; end: number }[];
  /** Organisations named in the sentence (armed groups among them), in order. */
  organizations: { name: string; start: number; end: number }[];
}

export function sentenceContexts(
  sentences: readonly Sentence[],
  entities: Entities,
  published: string | null,
): SentenceContext[] {
  let m = 0;
  return sentences.map((sentence, i) => {
    const places: SentenceContext['places'] = [];
    const organizations: SentenceContext['organizations'] = [];
    while (m < entities.mentions.length && entities.mentions[m]!.start < sentence.start) m++;
    for (let k = m; k < entities.mentions.length; k++) {
      const x = entities.mentions[k]!;
      if (x.start >= sentence.end) break;
      if (x.kind === 'organization')
        organizations.push({
          name: entities.organizations[x.index]!.name,
          start: x.start,
          end: x.end,
        });
      if (x.kind === 'place')
        places.push({ place: entities.places[x.index]!, start: x.start, end: x.end });
    }
    return {
      sentence,
      published,
      previous: sentences[i - 1]?.text ?? null,
      places,
      organizations,
    };
  });
}

/** A place as a claim carries it (without the mention list). */
export function placeRef(p: PlaceMention, asWritten?: string): PlaceRef {
  return {
    name: asWritten && /^\p{Lu}/u.test(asWritten) ? asWritten : p.name,
    gazetteer_name: p.gazetteer_name,
    lon: p.lon,
    lat: p.lat,
    radius_m: p.radius_m,
    source: p.source,
    code: p.code,
  };
}

const SOURCE_RANK: Record<PlaceRef['source'], number> = { ocha: 0, world_city: 1, country: 2 };

/**
 * The place a sentence reports from: of the places named between `from` and `to` (offsets in the
 * text; default the whole sentence), a Syrian place before a world city before a country, and the
 * smallest of those.
 */
export function mainPlace(
  ctx: SentenceContext,
  from = 0,
  to = Infinity,
  options: { countries?: boolean; near?: number } = {},
): PlaceRef | null {
  const text = ctx.sentence.text;
  const inside = ctx.places.filter(
    (p) =>
      p.start >= from &&
      p.end <= to &&
      // "a monitor based in Britain": where a source sits is not where it happened.
      !/\b(?:based|headquartered)\s+in\s+$/i.test(
        text.slice(Math.max(0, p.start - ctx.sentence.start - 20), p.start - ctx.sentence.start),
      ) &&
      (p.place.source !== 'country' ||
        (options.countries !== false &&
          /\b(?:in|across|throughout|inside|of)\s+(?:\p{L}+\s+){0,2}$/iu.test(
            text.slice(
              Math.max(0, p.start - ctx.sentence.start - 30),
              p.start - ctx.sentence.start,
            ),
          ))),
  );
  if (inside.length === 0) return null;
  if (options.near !== undefined) {
    const at = options.near;
    const distance = (p: { start: number; end: number }) =>
      p.end <= at ? at - p.end : Math.max(0, p.start - at);
    const local = inside.filter((p) => p.place.source !== 'country');
    const pool = local.length > 0 ? local : inside;
    let best = pool.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    // "Maarat al-Numan in Idlib province": a smaller place inside the nearest one is meant.
    for (const p of pool)
      if (
        p.place.radius_m < best.place.radius_m &&
        haversineM(p.place.lon, p.place.lat, best.place.lon, best.place.lat) <= best.place.radius_m
      )
        best = p;
    return placeRef(best.place, textOf(ctx, best));
  }
  const best = inside.reduce((a, b) => {
    const ra = SOURCE_RANK[a.place.source];
    const rb = SOURCE_RANK[b.place.source];
    if (ra !== rb) return rb < ra ? b : a;
    return b.place.radius_m < a.place.radius_m ? b : a;
  });
  return placeRef(best.place, textOf(ctx, best));
}

export function textOf(ctx: SentenceContext, span: { start: number; end: number }): string {
  const s = ctx.sentence;
  return s.text.slice(span.start - s.start, span.end - s.start);
}

const DESCRIPTORS = /^(?:the|a|an|[\p{L}.]+-based)\s+/iu;
const TRAILING = /\s+(?:monitoring group|war monitor|monitor|in\s+\p{Lu}[\p{L}'’-]+)$/u;

/** Cleans a source phrase: "the Britain-based Syrian Observatory for Human Rights" → "Syrian Observatory for Human Rights". */
export function cleanSource(s: string): string {
  let out = s.trim().replace(/^["“'‘]+|["”'’]+$/g, '');
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out
      .replace(DESCRIPTORS, '')
      .replace(/^(?:but|and|which|where|while|as|so|then)\s+/i, '')
      .replace(/\s+(?:also|too|however|said it|it)$/i, '');
  }
  const trimmed = out.replace(TRAILING, '');
  if (/\s/.test(trimmed) || /^\p{Lu}/u.test(trimmed)) out = trimmed;
  return out
    .replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, '')
    .replace(
      /\s+(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/i,
      '',
    )
    .trim();
}

const SAY =
  '(?:said|says|reported|reports|announced|told\\s+\\w+|added|estimated|counted|put (?:the|that|its|this) (?:death )?toll|documented|confirmed)';
const PRONOUN = /^(?:he|she|they|it|we|i|this|that|which|who)$/i;

/**
 * Who the sentence attributes its content to: "according to X", "X said", "said X", "X told
 * Reuters", "X reported". Pronouns are not sources (null).
 */
export function attributedSource(raw: string): string | null {
  // "X, a Britain-based monitoring group, said": the appositive is not part of the name.
  const sentence = raw.replace(
    /,\s+(?:a|an|the)\s+[^,;"”]{3,70},(?=\s+(?:has\s+|have\s+)?(?:said|says|reported|told|added|put|estimated|counted)\b)/gi,
    '',
  );
  const acc =
    /\baccording to\s+((?:the\s+)?[^,;"”]+?)(?=\s*(?:[,;"”]|\.(?:\s|$)|$|\s+(?:on|in|which|who|as)\s))/i.exec(
      sentence,
    );
  if (acc) return cleanSource(acc[1]!);
  const subj = new RegExp(
    `(?:^|[,;"”]\\s*|\\b(?:and|but|while|as|when|after|because)\\s+)((?:the\\s+|a\\s+|an\\s+)?[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){0,7}?)\\s+(?:has\\s+|have\\s+|had\\s+)?${SAY}\\b`,
    'iu',
  ).exec(sentence);
  if (subj && !PRONOUN.test(subj[1]!.trim()) && !/\b(?:people|killed|died)\b/.test(subj[1]!))
    return cleanSource(subj[1]!);
  const inverted =
    /[,"”]\s*said\s+((?:the\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+(?:of|for|the|[\p{Lu}][\p{L}'’.-]*))*)/u.exec(
      sentence,
    );
  if (inverted) return cleanSource(inverted[1]!);
  return null;
}

const CAUSES: [RegExp, string][] = [
  [
    /\b(?:air ?strikes?|air ?raids?|airstrikes?|warplanes?|jets?|aerial|bombing raids?|planes?)\b/i,
    'air strikes',
  ],
  [/\bbarrel bombs?\b/i, 'barrel bombs'],
  [/\b(?:shell(?:ing|ed|s)?|mortars?|artillery|rockets?|missiles?)\b/i, 'shelling'],
  [
    /\b(?:car bombs?|suicide (?:bomb(?:ing|er)?s?|attacks?)|roadside bombs?|IEDs?|explosive devices?)\b/i,
    'bombing',
  ],
  [/\b(?:clash(?:es|ed)?|fighting|gunfire|sniper)\b/i, 'clashes'],
  [/\b(?:chemical|chlorine|sarin|gas attack)\b/i, 'chemical weapons'],
];

export function causesOf(sentence: string): string[] {
  return CAUSES.filter(([re]) => re.test(sentence)).map(([, c]) => c);
}

/** A question, a denial or a hope: what it reports did not (yet) happen as stated. */
export function hedged(sentence: string): boolean {
  return (
    /\b(?:whether|if|could|might|hope[sd]?|hoping|would like|not immediately clear|denied|denies|deny|rejected claims|at stake|at risk)\b/i.test(
      sentence,
    ) || /\bmay\b/.test(sentence) // "may", not the month
  );
}

/** Fears and threats: "amid fears of a collapse of the truce" reports no collapse. */
export function feared(sentence: string): boolean {
  return /\b(?:fears?|feared|threat|threatens?|risks?|verge|brink|warned|warns|danger)\b/i.test(
    sentence,
  );
}

export function negated(sentence: string): boolean {
  return /\b(?:not|never|no longer|denied|denies|deny)\b/i.test(sentence);
}
