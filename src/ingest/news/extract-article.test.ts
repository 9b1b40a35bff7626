// The extractor on short texts written for these tests (never the corpus texts themselves).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import type { Claim } from '../../domain/news-extraction.ts';
import { extractArticle } from './extract-article.ts';

const PAGE = `Thursday 8 March 2018

Envoy says 'two drafts' could save the Ghouta pause

UN envoy Staffan de Mistura is in Vienna for talks on the Ghouta pause
UN envoy Staffan de Mistura is in Vienna for talks on the Ghouta pause

UN envoy Staffan de Mistura said on Thursday that two draft texts had been sent to the warring parties for their signature, as fighting continued in Eastern Ghouta.

"Both drafts are now with the parties to sign off," Mr de Mistura said after meeting Russian foreign minister Sergei Lavrov in Vienna.

Syria's state news agency SANA said the army had extended its humanitarian pause in Douma for another 72 hours.

The pause does not cover areas held by the Nusra Front, the agency said.

More than 40 people have been killed in air strikes and shelling on Eastern Ghouta over the last five days, according to the Syrian Observatory for Human Rights.

At least 12 civilians were injured when shells hit a market in Douma on Tuesday, a rescue worker said.

The Russian reconciliation centre registered 15 ceasefire violations in the past 24 hours, including six in Latakia province and four in Aleppo province.

Reuters

Promoted Links

Sign up for our daily newsletter

Share this article

Advertisement`;

const byKind = <K extends Claim['kind']>(claims: Claim[], kind: K) =>
  claims.filter((c): c is Extract<Claim, { kind: K }> => c.kind === kind);

describe('extractArticle', () => {
  const a = extractArticle(PAGE);

  it('finds title, date and agency, and drops the page furniture', () => {
    expect(a.title).toBe("Envoy says 'two drafts' could save the Ghouta pause");
    expect(a.published).toBe('2018-03-08');
    expect(a.agency).toBe('Reuters');
    for (const junk of ['Promoted Links', 'newsletter', 'Share this', 'Advertisement', 'Reuters'])
      expect(a.text).not.toContain(junk);
    expect(a.text).not.toContain('is in Vienna for talks on the Ghouta pause');
    expect(a.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'dateline',
        'title',
        'repeated',
        'credit',
        'promoted',
        'newsletter',
        'share',
        'advertisement',
      ]),
    );
    expect(a.warnings).toEqual([]);
  });

  it('ties every claim to its sentence by offsets', () => {
    expect(a.claims.length).toBeGreaterThan(0);
    for (const c of a.claims) {
      expect(a.text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads a casualty count with place, period, cause and source', () => {
    const killed = byKind(a.claims, 'casualties').find((c) => c.measure === 'killed');
    expect(killed).toMatchObject({
      count: { low: 40, best: 40, high: null },
      place: { name: 'Eastern Ghouta', source: 'ocha' },
      period: { from: '2018-03-04', until: '2018-03-09' },
      source: 'Syrian Observatory for Human Rights',
    });
    expect(killed!.cause).toEqual(['air strikes', 'shelling']);
    const injured = byKind(a.claims, 'casualties').find((c) => c.measure === 'injured');
    expect(injured).toMatchObject({
      count: { low: 12, best: 12, high: null },
      who: ['civilians'],
      place: { name: 'Douma' },
      period: { from: '2018-03-06', until: '2018-03-07' },
      source: 'rescue worker',
    });
  });

  it('reads an incident in ACLED terms', () => {
    const [incident] = byKind(a.claims, 'incident');
    expect(incident).toMatchObject({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      place: { name: 'Douma' },
      target: 'market',
    });
  });

  it('reads an extension, an exclusion, a violation count and a proposal', () => {
    expect(byKind(a.claims, 'truce_extension')[0]).toMatchObject({
      duration_hours: 72,
      announced_by: 'Syrian army',
      source: 'SANA',
    });
    expect(byKind(a.claims, 'truce_extension')[0]!.places.map((p) => p.name)).toEqual(['Douma']);
    expect(byKind(a.claims, 'truce_exclusion')[0]).toMatchObject({
      group: 'Nusra Front',
      place: null,
    });
    expect(byKind(a.claims, 'violation_count')[0]).toMatchObject({
      count: 15,
      period: { from: '2018-03-07', until: '2018-03-09' },
      counted_by: 'Russian reconciliation centre',
    });
    expect(byKind(a.claims, 'violation_count')[0]!.by_area.map((x) => [x.area, x.count])).toEqual([
      ['Latakia province', 6],
      ['Aleppo province', 4],
    ]);
    const proposals = byKind(a.claims, 'proposal');
    expect(proposals.map((p) => p.status)).toContain('sent_for_signoff');
  });

  it('names people with their roles, organisations, and geocoded places', () => {
    expect(a.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Staffan de Mistura', 'Sergei Lavrov']),
    );
    expect(a.people.find((p) => p.name === 'Sergei Lavrov')?.role).toBe('Russian foreign minister');
    expect(a.organizations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['SANA', 'Syrian Observatory for Human Rights', 'Nusra Front']),
    );
    const vienna = a.places.find((p) => p.name === 'Vienna');
    expect(vienna).toMatchObject({ source: 'world_city', code: 'AT' });
    expect(vienna!.lon).toBeCloseTo(16.37, 1);
    for (const p of a.places) {
      expect(p.radius_m).toBeGreaterThan(0);
      for (const m of p.mentions)
        expect([p.name, ...p.aliases]).toContain(a.text.slice(m.start, m.end));
    }
  });

  it('takes --published over the dateline and warns when there is no date at all', () => {
    expect(extractArticle(PAGE, { published: '2018-03-09' }).published).toBe('2018-03-09');
    const undated = extractArticle(
      'Air strikes killed 20 people in Idlib on Friday, activists said.',
    );
    expect(undated.published).toBeNull();
    expect(undated.warnings[0]).toMatch(/no publication date/);
    expect(byKind(undated.claims, 'casualties')[0]).toMatchObject({
      period: null,
      place: { name: 'Idlib' },
    });
  });

  it('refuses an empty text and survives garbage', () => {
    expect(() => extractArticle('  \n ')).toThrow(AppError);
    const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256)).toString(
      'latin1',
    );
    expect(extractArticle(bytes).claims).toBeInstanceOf(Array);
    expect(extractArticle('1 2 3 4 5 6 7 8 9 10 '.repeat(500)).claims).toEqual([]);
  });
});
