import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_KINDS,
  type AgreementStatusClaim,
  type CasualtiesClaim,
  type IncidentClaim,
  type PlaceMention,
  type ProposalClaim,
  type TruceExclusionClaim,
  type TruceExtensionClaim,
  type ViolationCountClaim,
} from '../../domain/news-extraction.ts';
import type { PlaceRef, PlaceSource } from '../../domain/place-ref.ts';
import {
  articleLabelsSchema,
  entityRecall,
  matchClaims,
  namesAgree,
  normalizeName,
  rates,
  score,
  scoreEntities,
  type ArticleLabels,
  type ClaimLabel,
} from './claim-scoring.ts';

// Hand-built claims: only the fields a test is about differ from these defaults.
const place = (
  name: string,
  code: string | null = null,
  source: PlaceSource = 'ocha',
  gazetteerName = name,
): PlaceRef => ({
  name,
  gazetteer_name: gazetteerName,
  lon: 36.4,
  lat: 33.57,
  radius_m: 5_000,
  source,
  code,
});
const mention = (ref: PlaceRef, aliases: string[]): PlaceMention => ({
  ...ref,
  aliases,
  mentions: [],
});
const base = (quote: string) => ({
  start: 0,
  end: quote.length,
  quote,
  confidence: 0.8,
  source: null,
});
const period = (from: string, until: string, expression = '') => ({ from, until, expression });

const casualties = (quote: string, o: Partial<CasualtiesClaim> = {}): CasualtiesClaim => ({
  ...base(quote),
  kind: 'casualties',
  measure: 'killed',
  count: { low: null, best: null, high: null },
  who: [],
  place: null,
  period: null,
  cause: [],
  ...o,
});
const incident = (quote: string, o: Partial<IncidentClaim> = {}): IncidentClaim => ({
  ...base(quote),
  kind: 'incident',
  event_type: 'Explosions/Remote violence',
  sub_event_type: null,
  place: null,
  period: null,
  fatalities: null,
  actor: null,
  target: null,
  ...o,
});
const extension = (quote: string, o: Partial<TruceExtensionClaim> = {}): TruceExtensionClaim => ({
  ...base(quote),
  kind: 'truce_extension',
  area: '',
  places: [],
  duration_hours: null,
  new_end: null,
  announced_by: null,
  ...o,
});
const exclusion = (quote: string, o: Partial<TruceExclusionClaim> = {}): TruceExclusionClaim => ({
  ...base(quote),
  kind: 'truce_exclusion',
  place: null,
  group: null,
  ...o,
});
const violations = (quote: string, o: Partial<ViolationCountClaim> = {}): ViolationCountClaim => ({
  ...base(quote),
  kind: 'violation_count',
  count: 0,
  period: null,
  by_area: [],
  counted_by: null,
  ...o,
});
const proposal = (quote: string, o: Partial<ProposalClaim> = {}): ProposalClaim => ({
  ...base(quote),
  kind: 'proposal',
  summary: '',
  addressees: null,
  status: 'under_discussion',
  ...o,
});
const status = (quote: string, o: Partial<AgreementStatusClaim> = {}): AgreementStatusClaim => ({
  ...base(quote),
  kind: 'agreement_status',
  status: 'holding',
  agreement: 'the truce',
  period: null,
  ...o,
});

const ALEPPO = place('Aleppo', 'SY02');
const DUMA = place('Duma', 'SY030400');
const TOLL =
  'The deal excludes Aleppo, and more than 250 people have died there in bombing over the last nine days, the Syrian Observatory for Human Rights said.';
const tollLabel: ClaimLabel = {
  kind: 'casualties',
  quote_includes: 'more than 250 people have died',
  measure: 'killed',
  count: 250,
  place: 'Aleppo',
  period: { from: '2018-02-10', until: '2018-02-19' },
  source: 'Syrian Observatory for Human Rights',
};
const tollClaim = (o: Partial<CasualtiesClaim> = {}) =>
  casualties(TOLL, {
    count: { low: 251, best: 250, high: null },
    place: ALEPPO,
    period: period('2018-02-10', '2018-02-19', 'over the last nine days'),
    source: 'the Britain-based Syrian Observatory for Human Rights',
    ...o,
  });

describe('matching claims to labels', () => {
  it('matches a claim that agrees on every key field; precision and recall are 1', () => {
    const m = matchClaims([tollClaim()], [tollLabel]);
    expect(m.matched).toEqual([[0, 0]]);
    expect(m.missed).toEqual([]);
    expect(m.spurious).toEqual([]);
    expect(score([m])).toMatchObject({
      labels: 1,
      predicted: 1,
      matched: 1,
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('counts a claim with the wrong count as both missed and spurious', () => {
    const wrong = tollClaim({ count: { low: 25, best: 25, high: null } });
    const m = matchClaims([wrong], [tollLabel]);
    expect(m.matched).toEqual([]);
    expect(m.missed).toEqual([tollLabel]);
    expect(m.spurious).toEqual([wrong]);
    expect(score([m])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('fails on each key field that disagrees, and ignores the ones the label omits', () => {
    const cases: Partial<CasualtiesClaim>[] = [
      { measure: 'injured' },
      { place: place('Damascus', 'SY01') },
      { place: null },
      { period: period('2018-02-11', '2018-02-19') },
      { period: null },
      { source: 'SANA' },
      { source: null },
    ];
    for (const o of cases)
      expect(matchClaims([tollClaim(o)], [tollLabel]).matched, JSON.stringify(o)).toEqual([]);
    const bare: ClaimLabel = { kind: 'casualties', quote_includes: 'more than 250 people' };
    for (const o of cases) expect(matchClaims([tollClaim(o)], [bare]).matched).toEqual([[0, 0]]);
  });

  it('needs the same kind and a quote that contains the fragment', () => {
    const other = casualties('Three people were killed in Douma on Monday.', {
      count: { low: 250, best: 250, high: null },
    });
    expect(matchClaims([other], [tollLabel]).matched).toEqual([]);
    const asIncident = incident(TOLL, { place: ALEPPO });
    expect(
      matchClaims([asIncident], [{ kind: 'casualties', quote_includes: 'more than 250' }]).matched,
    ).toEqual([]);
    // Runs of white space (a wrapped line) do not matter; letters do.
    expect(
      matchClaims(
        [tollClaim()],
        [{ ...tollLabel, quote_includes: 'more than 250\n  people have died' }],
      ).matched,
    ).toHaveLength(1);
    expect(
      matchClaims(
        [tollClaim()],
        [{ ...tollLabel, quote_includes: 'More than 250 people have died' }],
      ).matched,
    ).toHaveLength(0);
  });

  it('reads the count as count.best, or count.low when best is null', () => {
    const label: ClaimLabel = {
      kind: 'casualties',
      quote_includes: 'dozens',
      measure: 'injured',
      count: 12,
    };
    const q = 'A rescue worker said dozens of people were injured.';
    expect(
      matchClaims(
        [casualties(q, { measure: 'injured', count: { low: 12, best: null, high: null } })],
        [label],
      ).matched,
    ).toHaveLength(1);
    expect(
      matchClaims(
        [casualties(q, { measure: 'injured', count: { low: 12, best: 24, high: null } })],
        [label],
      ).matched,
    ).toHaveLength(0);
    expect(matchClaims([casualties(q, { measure: 'injured' })], [label]).matched).toHaveLength(0);
  });

  it("lets a claim's place answer to the forms the article used for it", () => {
    const q = 'At least 27 people were killed in Douma and nearby towns in the past 24 hours.';
    const claim = casualties(q, { count: { low: 27, best: 27, high: null }, place: DUMA });
    const label: ClaimLabel = {
      kind: 'casualties',
      quote_includes: 'killed in Douma',
      place: 'Douma',
    };
    expect(matchClaims([claim], [label]).matched).toEqual([]);
    expect(matchClaims([claim], [label], { places: [mention(DUMA, ['Douma'])] }).matched).toEqual([
      [0, 0],
    ]);
    // The article's own name and the gazetteer's both count.
    const both = place('Douma', 'SY030400', 'ocha', 'Duma');
    expect(matchClaims([{ ...claim, place: both }], [label]).matched).toEqual([[0, 0]]);
    expect(matchClaims([{ ...claim, place: both }], [{ ...label, place: 'Duma' }]).matched).toEqual(
      [[0, 0]],
    );
    // Another place's aliases do not count, nor does a world city that merely shares a country code.
    expect(
      matchClaims([claim], [label], { places: [mention(place('Harasta', 'SY030401'), ['Douma'])] })
        .matched,
    ).toEqual([]);
    const geneva = place('Geneva', 'CH', 'world_city');
    const claimGeneva = casualties(q, { place: geneva });
    expect(
      matchClaims([claimGeneva], [{ ...label, place: 'Zurich' }], {
        places: [mention(place('Zurich', 'CH', 'world_city'), ['Zurich'])],
      }).matched,
    ).toEqual([]);
  });

  it('compares names case-insensitively, contained either way, on whole words', () => {
    expect(namesAgree('Observatory', 'the Britain-based Syrian Observatory for Human Rights')).toBe(
      true,
    );
    expect(namesAgree('the Syrian military', 'military')).toBe(true);
    expect(namesAgree('Bashar Assad', 'Bashar al-Assad')).toBe(true);
    expect(namesAgree('Nusra Front', 'al-Nusra')).toBe(true);
    expect(namesAgree('Maarat al-Numan', "Ma'arat al-Nu'man")).toBe(true);
    expect(namesAgree('SANA', 'state news agency SANA')).toBe(true);
    expect(namesAgree('Al', 'Aleppo')).toBe(false);
    expect(namesAgree('Aleppo', 'Aleppo province')).toBe(true);
    expect(namesAgree('Homs', 'Hama')).toBe(false);
    expect(namesAgree('Ham', 'Hama')).toBe(false);
    expect(normalizeName("Ash-Sheikh Maqsoud's")).toBe('sheikh maqsouds');
  });

  it('compares truce extensions by duration, new end, any of their places and who announced them', () => {
    const q =
      "Syria's state news agency said the military has extended its ceasefire around Damascus and opposition strongholds in eastern suburbs for another 48 hours.";
    const claim = extension(q, {
      area: 'Damascus and opposition strongholds in eastern suburbs',
      places: [place('Eastern Ghouta', 'AREA-EG'), place('Damascus', 'SY01')],
      duration_hours: 48,
      announced_by: 'the military',
    });
    const label: ClaimLabel = {
      kind: 'truce_extension',
      quote_includes: 'extended its ceasefire around Damascus',
      duration_hours: 48,
      place: 'Damascus',
      announced_by: 'Syrian military',
    };
    expect(matchClaims([claim], [label]).matched).toHaveLength(1);
    expect(matchClaims([{ ...claim, duration_hours: 72 }], [label]).matched).toHaveLength(0);
    expect(matchClaims([{ ...claim, places: [ALEPPO] }], [label]).matched).toHaveLength(0);
    expect(
      matchClaims([{ ...claim, announced_by: "Syria's state news agency" }], [label]).matched,
    ).toHaveLength(0);
    const until: ClaimLabel = {
      kind: 'truce_extension',
      quote_includes: 'extended',
      new_end: '2017-03-19',
    };
    expect(matchClaims([{ ...claim, new_end: '2017-03-19' }], [until]).matched).toHaveLength(1);
    expect(matchClaims([claim], [until]).matched).toHaveLength(0);
  });

  it('compares violation counts in total and per area named in the label', () => {
    const q =
      'The centre registered 15 violations in the past 24 hours, including 6 in Latakia province.';
    const claim = violations(q, {
      count: 15,
      by_area: [{ area: 'Latakia province', place: place('Lattakia', 'SY07'), count: 6 }],
    });
    const label: ClaimLabel = {
      kind: 'violation_count',
      quote_includes: 'registered 15 violations',
      count: 15,
      by_area: [{ area: 'Latakia', count: 6 }],
    };
    expect(matchClaims([claim], [label]).matched).toHaveLength(1);
    expect(matchClaims([{ ...claim, count: 16 }], [label]).matched).toHaveLength(0);
    expect(
      matchClaims(
        [{ ...claim, by_area: [{ area: 'Latakia province', place: null, count: 5 }] }],
        [label],
      ).matched,
    ).toHaveLength(0);
    expect(matchClaims([{ ...claim, by_area: [] }], [label]).matched).toHaveLength(0);
    // The area may also be recognised through the geocoded place's name.
    expect(
      matchClaims(
        [
          {
            ...claim,
            by_area: [{ area: 'the coastal province', place: place('Lattakia', 'SY07'), count: 6 }],
          },
        ],
        [{ ...label, by_area: [{ area: 'Lattakia', count: 6 }] }],
      ).matched,
    ).toHaveLength(1);
  });

  it('compares exclusions by place or group, proposals and agreements by status', () => {
    const q = 'The ceasefire does not cover areas held by Islamic State and the Nusra Front.';
    const is = exclusion(q, { group: 'Islamic State' });
    const nusra = exclusion(q, { group: 'the Nusra Front' });
    const labels: ClaimLabel[] = [
      { kind: 'truce_exclusion', quote_includes: 'does not cover', group: 'Nusra Front' },
      { kind: 'truce_exclusion', quote_includes: 'does not cover', group: 'Islamic State' },
    ];
    expect(matchClaims([is, nusra], labels).matched).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matchClaims([is, is], labels).missed).toEqual([labels[0]]);
    const p = proposal('Two drafts have gone back to the key players for them to sign off.', {
      status: 'sent_for_signoff',
    });
    expect(
      matchClaims(
        [p],
        [{ kind: 'proposal', quote_includes: 'key players', status: 'sent_for_signoff' }],
      ).matched,
    ).toHaveLength(1);
    expect(
      matchClaims([p], [{ kind: 'proposal', quote_includes: 'key players', status: 'accepted' }])
        .matched,
    ).toHaveLength(0);
    const s = status('The truce has collapsed.', {
      status: 'collapsed',
      period: period('2016-09-22', '2016-09-23'),
    });
    expect(
      matchClaims(
        [s],
        [{ kind: 'agreement_status', quote_includes: 'collapsed', status: 'collapsed' }],
      ).matched,
    ).toHaveLength(1);
    expect(
      matchClaims(
        [s],
        [{ kind: 'agreement_status', quote_includes: 'collapsed', status: 'holding' }],
      ).matched,
    ).toHaveLength(0);
    expect(
      matchClaims(
        [s],
        [
          {
            kind: 'agreement_status',
            quote_includes: 'collapsed',
            period: { from: '2016-09-21', until: '2016-09-22' },
          },
        ],
      ).matched,
    ).toHaveLength(0);
  });

  it('matches one to one; the label with fewer candidates chooses first', () => {
    const q = 'Rebel shelling killed two children and injured nine people on Wednesday.';
    const killed = casualties(q, { count: { low: 2, best: 2, high: null } });
    const any: ClaimLabel = { kind: 'casualties', quote_includes: 'Rebel shelling' };
    const two: ClaimLabel = { kind: 'casualties', quote_includes: 'Rebel shelling', count: 2 };
    // `any` could take either claim; `two` only the first, so `two` chooses first.
    const injured = casualties(q, { measure: 'injured', count: { low: 9, best: 9, high: null } });
    expect(matchClaims([killed, injured], [any, two]).matched).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // One claim cannot serve two labels.
    const m = matchClaims([killed], [two, { ...two }]);
    expect(m.matched).toEqual([[0, 0]]);
    expect(m.missed).toHaveLength(1);
    // Two claims for one label: the second is spurious.
    expect(matchClaims([killed, { ...killed }], [two]).spurious).toHaveLength(1);
  });

  it('leaves claims from ignored sentences out of precision, by kind when given', () => {
    const bg = casualties('The war has killed more than 400,000 people.', {
      count: { low: 400_001, best: 400_000, high: null },
    });
    const inc = incident('The war has killed more than 400,000 people.');
    const m = matchClaims([bg, inc], [], {
      ignore: [{ kind: 'casualties', quote_includes: 'The war has killed' }],
    });
    expect(m.ignored).toEqual([bg]);
    expect(m.spurious).toEqual([inc]);
    expect(score([m])).toMatchObject({
      labels: 0,
      predicted: 1,
      matched: 0,
      precision: 0,
      recall: 1,
    });
    // A matched claim is matched even when its sentence is also in the ignore list.
    const label: ClaimLabel = {
      kind: 'casualties',
      quote_includes: 'The war has killed',
      count: 400_000,
    };
    const both = matchClaims([bg], [label], { ignore: [{ quote_includes: 'The war' }] });
    expect([both.matched.length, both.ignored.length]).toEqual([1, 0]);
  });
});

describe('scores', () => {
  it('pools articles and splits the counts by kind', () => {
    const a = matchClaims(
      [tollClaim(), proposal('Proposals are being discussed.'), status('It is holding.')],
      [
        tollLabel,
        { kind: 'proposal', quote_includes: 'being discussed', status: 'under_discussion' },
        { kind: 'truce_exclusion', quote_includes: 'excludes Aleppo', place: 'Aleppo' },
      ],
    );
    const b = matchClaims([tollClaim({ count: { low: 1, best: 1, high: null } })], [tollLabel]);
    const s = score([a, b]);
    expect(s).toMatchObject({
      labels: 4,
      predicted: 4,
      matched: 2,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(s.per_kind.casualties).toMatchObject({
      labels: 2,
      predicted: 2,
      matched: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(s.per_kind.proposal).toMatchObject({ labels: 1, predicted: 1, matched: 1 });
    expect(s.per_kind.truce_exclusion).toMatchObject({
      labels: 1,
      predicted: 0,
      matched: 0,
      precision: 1,
      recall: 0,
    });
    expect(s.per_kind.agreement_status).toMatchObject({
      labels: 0,
      predicted: 1,
      matched: 0,
      precision: 0,
      recall: 1,
    });
    expect(Object.keys(s.per_kind).sort()).toEqual([...CLAIM_KINDS].sort());
  });

  it('treats 0/0 as 1 and gives f1 0 when nothing is right', () => {
    expect(rates({ labels: 0, predicted: 0, matched: 0 })).toMatchObject({
      precision: 1,
      recall: 1,
      f1: 1,
    });
    expect(rates({ labels: 3, predicted: 2, matched: 0 })).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(score([])).toMatchObject({ labels: 0, predicted: 0, precision: 1, recall: 1 });
  });
});

describe('entity recall', () => {
  it('finds expected names among extracted names, their aliases and mention texts', () => {
    const text =
      "Speaking in Geneva, Mr Kerry criticised Syrian president Bashar Assad's military.";
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const article = {
      text,
      places: [
        { ...mention(place('Geneva', 'CH', 'world_city'), ['Geneva']), mentions: [at('Geneva')] },
      ],
      people: [
        { name: 'John Kerry', role: 'US Secretary of State', mentions: [at('Mr Kerry')] },
        { name: 'Bashar al-Assad', role: null, mentions: [at('Bashar Assad')] },
      ],
      organizations: [],
    };
    const s = scoreEntities(article, {
      places: ['Geneva', 'Moscow'],
      people: ['John Kerry', 'Bashar Assad', 'Sergei Lavrov'],
      organizations: [],
    });
    expect(s.places).toEqual({ expected: 2, found: 1, missing: ['Moscow'], recall: 0.5 });
    expect(s.people).toMatchObject({ found: 2, missing: ['Sergei Lavrov'] });
    expect(s.organizations.recall).toBe(1);
    expect(entityRecall(['Kerry'], ['Mr Kerry']).recall).toBe(1);
    expect(entityRecall(['Adel al-Jubeir'], ['Mr al-Jubeir']).recall).toBe(0);
  });
});

describe('label files', () => {
  it('rejects misspelt fields, missing fragments, unknown event types and backwards periods', () => {
    const ok = {
      claims: [{ kind: 'proposal', quote_includes: 'sign off', status: 'sent_for_signoff' }],
    };
    expect(articleLabelsSchema.parse(ok)).toMatchObject({
      places: [],
      ignore: [],
      not_in_text: [],
    });
    const bad = [
      { claims: [{ kind: 'proposal', quote_includes: 'x', stauts: 'accepted' }] },
      { claims: [{ kind: 'proposal', status: 'accepted' }] },
      { claims: [{ kind: 'proposal', quote_includes: '  ' }] },
      { claims: [{ kind: 'incident', quote_includes: 'x', event_type: 'Air strike' }] },
      {
        claims: [
          {
            kind: 'casualties',
            quote_includes: 'x',
            period: { from: '2018-02-19', until: '2018-02-10' },
          },
        ],
      },
      { claims: [{ kind: 'casualties', quote_includes: 'x', count: 12.5 }] },
      { claims: [{ kind: 'ceasefire', quote_includes: 'x' }] },
      { published: '18 February 2018', claims: [] },
      { claims: [], ignore: [{ kind: 'casualty', quote_includes: 'x' }] },
    ];
    for (const b of bad)
      expect(articleLabelsSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });

  // The labels themselves: they parse, and every fragment is really in its text.
  const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
  const NEWS = join(ROOT, 'test/fixtures/news');
  const CORPUS = join(ROOT, '../shared/corpus');
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const fragments = (labels: ArticleLabels) => [
    ...labels.claims.map((c) => c.quote_includes),
    ...labels.ignore.map((g) => g.quote_includes),
  ];
  const own = readdirSync(NEWS).filter((f) => f.endsWith('.txt'));

  it('has an expected file for each own article, with fragments from its text', () => {
    expect(own.length).toBeGreaterThanOrEqual(8);
    const kinds = new Map<string, number>();
    for (const f of own) {
      const text = squash(readFileSync(join(NEWS, f), 'utf8'));
      const labels = articleLabelsSchema.parse(
        JSON.parse(readFileSync(join(NEWS, f.replace(/\.txt$/, '.expected.json')), 'utf8')),
      );
      for (const q of fragments(labels)) expect(text, `${f}: ${q}`).toContain(squash(q));
      for (const s of labels.not_in_text) expect(text, `${f}: ${s}`).toContain(squash(s));
      for (const c of labels.claims) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    }
    for (const k of CLAIM_KINDS) expect(kinds.get(k) ?? 0, k).toBeGreaterThanOrEqual(3);
  });

  const corpusLabels = readdirSync(join(NEWS, 'corpus-labels')).filter((f) => f.endsWith('.json'));

  it('keeps corpus fragments short (≤ 8 words) and valid', () => {
    expect(corpusLabels.length).toBeGreaterThanOrEqual(7);
    for (const f of corpusLabels) {
      const labels = articleLabelsSchema.parse(
        JSON.parse(readFileSync(join(NEWS, 'corpus-labels', f), 'utf8')),
      );
      for (const q of fragments(labels))
        expect(q.trim().split(/\s+/).length, `${f}: ${q}`).toBeLessThanOrEqual(8);
    }
  });

  it.skipIf(!existsSync(CORPUS))('takes corpus fragments from the corpus texts', () => {
    for (const f of corpusLabels) {
      const name = f.replace(/\.json$/, '.txt');
      const path = [join(CORPUS, name), join(CORPUS, 'news', name)].find((p) => existsSync(p));
      expect(path, `${f} has no corpus text`).toBeDefined();
      const text = squash(readFileSync(path!, 'utf8'));
      const labels = articleLabelsSchema.parse(
        JSON.parse(readFileSync(join(NEWS, 'corpus-labels', f), 'utf8')),
      );
      for (const q of fragments(labels)) expect(text, `${f}: ${q}`).toContain(squash(q));
    }
  });
});
