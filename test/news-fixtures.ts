// Hand-built extraction results for tests that must not depend on the extractor, and a short
// article of our own in the style of a wire story (for the routes and commands that extract).
import type { Claim, ExtractedArticle } from '../src/domain/news-extraction.ts';
import type { PlaceRef } from '../src/domain/place-ref.ts';

export const ALEPPO: PlaceRef = {
  name: 'Aleppo',
  gazetteer_name: 'Aleppo city',
  lon: 37.1343,
  lat: 36.2021,
  radius_m: 15_000,
  source: 'ocha',
  code: 'SY02',
};
export const DAMASCUS: PlaceRef = {
  name: 'Damascus',
  gazetteer_name: 'Damascus',
  lon: 36.2913,
  lat: 33.5138,
  radius_m: 12_000,
  source: 'ocha',
  code: 'SY01',
};

const SENTENCES = [
  'More than 40 people have been killed in air strikes on Aleppo over the last three days, according to the Syrian Observatory for Human Rights.',
  "Syria's state news agency SANA said the military has extended its truce around Damascus and eastern suburbs for another 48 hours.",
  'A monitoring group counted 17 violations of the truce on Saturday.',
  'Two civilians were injured by shelling, residents said.',
];
const TEXT = SENTENCES.join('\n\n') + '\n';

/** The span and quote of sentence `i` of TEXT. */
function at(i: number) {
  const quote = SENTENCES[i]!;
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length, quote };
}

export function sampleClaims(): Claim[] {
  return [
    {
      kind: 'casualties',
      ...at(0),
      confidence: 0.9,
      source: 'Syrian Observatory for Human Rights',
      measure: 'killed',
      count: { low: 40, best: null, high: null },
      who: [],
      place: ALEPPO,
      period: { from: '2018-03-01', until: '2018-03-04', expression: 'over the last three days' },
      cause: ['air strikes'],
    },
    {
      kind: 'truce_extension',
      ...at(1),
      confidence: 0.8,
      source: 'SANA',
      area: 'Damascus and eastern suburbs',
      places: [DAMASCUS],
      duration_hours: 48,
      new_end: null,
      announced_by: 'Syrian military',
    },
    {
      kind: 'violation_count',
      ...at(2),
      confidence: 0.6,
      source: null,
      count: 17,
      period: null,
      by_area: [],
      counted_by: 'A monitoring group',
    },
    {
      kind: 'casualties',
      ...at(3),
      confidence: 0.7,
      source: 'residents',
      measure: 'injured',
      count: { low: null, best: 2, high: null },
      who: ['civilians'],
      place: null,
      period: null,
      cause: ['shelling'],
    },
  ];
}

/** A complete ExtractedArticle, as the extractor would give it for TEXT. */
export function sampleExtraction(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: 'Air strikes kill dozens in Aleppo as Damascus truce is extended',
    published: '2018-03-04',
    agency: 'Press Association',
    text: TEXT,
    removed: [
      { text: 'Sunday 4 March 2018', reason: 'dateline' },
      { text: 'Promoted Links', reason: 'promoted' },
      { text: 'Press Association', reason: 'credit' },
    ],
    places: [
      { ...ALEPPO, aliases: ['Aleppo'], mentions: [{ start: 52, end: 58 }] },
      { ...DAMASCUS, aliases: ['Damascus'], mentions: [] },
    ],
    people: [],
    organizations: [
      { name: 'Syrian Observatory for Human Rights', role: null, mentions: [] },
      { name: 'SANA', role: 'state news agency', mentions: [] },
    ],
    claims: sampleClaims(),
    warnings: [],
    ...over,
  };
}

/** A short story of our own, laid out like a news page, for routes and commands that extract. */
export const OWN_ARTICLE = `Sunday 4 March 2018

Air strikes kill dozens in Aleppo as Damascus truce is extended

More than 40 people have been killed in air strikes on Aleppo over the last three days, according to the Syrian Observatory for Human Rights.

Syria's state news agency said the military has extended its truce around Damascus and opposition areas in the eastern suburbs for another 48 hours.

Diplomats in Geneva said the truce excludes Aleppo, where shelling continued on Saturday.

Press Association

Promoted Links
`;
