import { describe, expect, it } from 'vitest';
import {
  assess,
  combineCasualties,
  EMPTY_ASSESSMENT,
  isCorroborated,
  isCredible,
  NO_COUNT,
  reportDraft,
  reportDraftsOf,
  sourceIdFor,
  splitSourceList,
  type CasualtyCount,
  type Credibility,
  type GradedReport,
  type Reliability,
} from './report.ts';

const count = (low: number | null, best: number | null, high: number | null): CasualtyCount => ({
  low,
  best,
  high,
});

/** A report graded `grade` (e.g. `B2`, `D`, `F6`) from source `sourceId`. */
function graded(sourceId: string, grade: string, over: Partial<GradedReport> = {}): GradedReport {
  const reliability = grade[0] as Reliability;
  const credibility = grade.length > 1 ? (Number(grade.slice(1)) as Credibility) : null;
  return {
    sourceId,
    affiliation: null,
    reliability,
    credibility,
    killed: NO_COUNT,
    injured: NO_COUNT,
    civiliansKilled: null,
    combatantsKilled: null,
    ...over,
  };
}

describe('splitSourceList', () => {
  it('splits on semicolons, commas, pipes and "and", trimming each name', () => {
    expect(splitSourceList('SHAAM; SOHR')).toEqual(['SHAAM', 'SOHR']);
    expect(splitSourceList('Reuters, AFP')).toEqual(['Reuters', 'AFP']);
    expect(splitSourceList('A and B')).toEqual(['A', 'B']);
    expect(splitSourceList('A AND B')).toEqual(['A', 'B']);
    expect(splitSourceList('SANA | Reuters|AFP')).toEqual(['SANA', 'Reuters', 'AFP']);
    expect(splitSourceList('  SOHR ;Reuters , AFP and  SANA  ')).toEqual([
      'SOHR',
      'Reuters',
      'AFP',
      'SANA',
    ]);
  });
  it('does not split inside a word that contains "and"', () => {
    expect(splitSourceList('Anderson Times; Band Radio')).toEqual(['Anderson Times', 'Band Radio']);
    expect(splitSourceList('Syrian Observatory for Human Rights')).toEqual([
      'Syrian Observatory for Human Rights',
    ]);
  });
  it('keeps the first of repeated names, in order', () => {
    expect(splitSourceList('SOHR; SANA; SOHR')).toEqual(['SOHR', 'SANA']);
    expect(splitSourceList('SOHR, SOHR and SOHR')).toEqual(['SOHR']);
  });
  it('drops blank entries', () => {
    expect(splitSourceList('SOHR;; ;SANA;')).toEqual(['SOHR', 'SANA']);
    expect(splitSourceList(', ,')).toEqual([]);
    expect(splitSourceList('   ')).toEqual([]);
  });
  it('gives no names for null, undefined or the empty string', () => {
    expect(splitSourceList(null)).toEqual([]);
    expect(splitSourceList(undefined)).toEqual([]);
    expect(splitSourceList('')).toEqual([]);
  });
});

describe('isCredible', () => {
  it('is true for reliability A–C with credibility 1–3 or unstated', () => {
    for (const reliability of ['A', 'B', 'C'] as const) {
      for (const credibility of [1, 2, 3, null] as const)
        expect(isCredible({ reliability, credibility })).toBe(true);
    }
  });
  it('is false for reliability D, E, F or unknown, whatever the credibility', () => {
    for (const reliability of ['D', 'E', 'F', null] as const) {
      expect(isCredible({ reliability, credibility: 1 })).toBe(false);
      expect(isCredible({ reliability, credibility: null })).toBe(false);
    }
  });
  it('is false for credibility 4–6, even from an A source', () => {
    for (const credibility of [4, 5, 6] as const) {
      expect(isCredible({ reliability: 'A', credibility })).toBe(false);
      expect(isCredible({ reliability: 'C', credibility })).toBe(false);
    }
  });
});

describe('combineCasualties', () => {
  const sohr = graded('sohr', 'B2', { killed: count(250, 260, 300) });
  const reuters = graded('reuters', 'B2', { killed: count(240, 255, null) });

  it('combines the documented worked example to 250 / 258 / 300', () => {
    const sana = graded('sana', 'D3', { killed: count(null, 12, null) });
    const c = combineCasualties([sohr, sana, reuters]);
    expect(c.killed).toEqual(count(250, 258, 300));
    expect(c.fromCredible).toBe(true);
  });
  it('gives 250 / 255 / 300 once SANA is regraded to B and counts as credible', () => {
    const sana = graded('sana', 'B3', { killed: count(null, 12, null) });
    const c = combineCasualties([sohr, sana, reuters]);
    expect(c.killed).toEqual(count(250, 255, 300));
    expect(c.fromCredible).toBe(true);
  });
  it('takes low and best from credible reports but high from any report', () => {
    const weak = graded('x', 'B4', { killed: count(50, 60, 70) });
    const c = combineCasualties([graded('a', 'B2', { killed: count(10, 10, 10) }), weak]);
    expect(c.killed).toEqual(count(10, 10, 70));
  });
  it('falls back to all reports when none is credible', () => {
    const c = combineCasualties([
      graded('sana', 'D3', { killed: count(null, 12, null) }),
      graded('x', 'E2', { killed: count(5, 8, 30) }),
    ]);
    // low = the only stated low, 5; best = median(12, 8) = 10; high = max(12, 30).
    expect(c.killed).toEqual(count(5, 10, 30));
    expect(c.fromCredible).toBe(false);
  });
  it('lets a report with one figure stand for all three of its ends', () => {
    expect(combineCasualties([graded('a', 'A1', { killed: count(null, 7, null) })]).killed).toEqual(
      count(7, 7, 7),
    );
    expect(combineCasualties([graded('a', 'A1', { killed: count(5, null, null) })]).killed).toEqual(
      count(5, 5, 5),
    );
    expect(combineCasualties([graded('a', 'A1', { killed: count(null, null, 9) })]).killed).toEqual(
      count(9, 9, 9),
    );
  });
  it("fills a report's missing end from its other figures", () => {
    // a: low 5 only (best 5, high 5); b: best 10, high 20 and no stated low.
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(5, null, null) }),
      graded('b', 'B2', { killed: count(null, 10, 20) }),
    ]);
    expect(c.killed).toEqual(count(5, 8, 20));
  });
  it('uses the median of the best figures, so one outlier does not move it', () => {
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(null, 10, null) }),
      graded('b', 'B2', { killed: count(null, 1000, null) }),
      graded('c', 'B2', { killed: count(null, 11, null) }),
    ]);
    expect(c.killed.best).toBe(11);
    expect(c.killed.high).toBe(1000);
  });
  it('rounds the median of an even number of best figures', () => {
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(null, 10, null) }),
      graded('b', 'B2', { killed: count(null, 13, null) }),
    ]);
    expect(c.killed.best).toBe(12);
  });
  it('ignores reports without a figure when taking the median', () => {
    const c = combineCasualties([
      graded('a', 'B2', { killed: NO_COUNT }),
      graded('b', 'B2', { killed: count(4, 5, 6) }),
    ]);
    expect(c.killed).toEqual(count(4, 5, 6));
  });
  it('never gives a high below the low', () => {
    // a's own figures are inconsistent (high 10 under low 50): high is raised to the low.
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(50, null, 10) }),
      graded('b', 'B2', { killed: count(0, 0, 0) }),
    ]);
    expect(c.killed.low).toBe(50);
    expect(c.killed.high).toBe(50);
  });
  it('takes civilians and combatants as the largest figure of a base report', () => {
    const c = combineCasualties([
      graded('a', 'B2', { civiliansKilled: 10, combatantsKilled: 3 }),
      graded('b', 'A1', { civiliansKilled: 7, combatantsKilled: 5 }),
      graded('c', 'D2', { civiliansKilled: 100, combatantsKilled: 100 }),
      graded('d', 'B6', { civiliansKilled: 90, combatantsKilled: 90 }),
    ]);
    expect(c.civiliansKilled).toBe(10);
    expect(c.combatantsKilled).toBe(5);
  });
  it('takes civilians and combatants from all reports when none is credible', () => {
    const c = combineCasualties([
      graded('a', 'D2', { civiliansKilled: 4, combatantsKilled: null }),
      graded('b', 'F', { civiliansKilled: 9, combatantsKilled: null }),
    ]);
    expect(c.civiliansKilled).toBe(9);
    expect(c.combatantsKilled).toBeNull();
  });
  it('combines injured independently of killed', () => {
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(10, 10, 10), injured: NO_COUNT }),
      graded('b', 'B2', { killed: NO_COUNT, injured: count(20, 25, 30) }),
      graded('c', 'B2', { killed: NO_COUNT, injured: count(null, 40, 60) }),
    ]);
    expect(c.killed).toEqual(count(10, 10, 10));
    // low = the only stated low, 20; best = median(25, 40) = 32.5 → 33; high = max(30, 60).
    expect(c.injured).toEqual(count(20, 33, 60));
  });
  it('gives all nulls for no reports', () => {
    expect(combineCasualties([])).toEqual({
      killed: NO_COUNT,
      injured: NO_COUNT,
      civiliansKilled: null,
      combatantsKilled: null,
      fromCredible: false,
    });
  });
});

describe('isCorroborated', () => {
  it('is true for two different B sources', () => {
    expect(isCorroborated([graded('sohr', 'B2'), graded('reuters', 'B3')])).toBe(true);
  });
  it('counts C as good enough and ignores credibility', () => {
    expect(isCorroborated([graded('a', 'C6'), graded('b', 'A')])).toBe(true);
  });
  it('is false for one source reporting twice', () => {
    expect(isCorroborated([graded('sohr', 'B2'), graded('sohr', 'B1')])).toBe(false);
  });
  it('is false for two sources with the same affiliation', () => {
    expect(
      isCorroborated([
        graded('gov-army', 'B2', { affiliation: 'GOV' }),
        graded('gov-tv', 'A1', { affiliation: 'GOV' }),
      ]),
    ).toBe(false);
  });
  it('is true for sources with different affiliations, or one without', () => {
    expect(
      isCorroborated([
        graded('gov-tv', 'B2', { affiliation: 'GOV' }),
        graded('reb-tv', 'B2', { affiliation: 'REB' }),
      ]),
    ).toBe(true);
    expect(
      isCorroborated([graded('gov-tv', 'B2', { affiliation: 'GOV' }), graded('sohr', 'B2')]),
    ).toBe(true);
  });
  it('is false for one C and one D source', () => {
    expect(isCorroborated([graded('a', 'C2'), graded('b', 'D1')])).toBe(false);
  });
  it('is false for sources graded D, E, F or not graded', () => {
    expect(isCorroborated([graded('a', 'F'), graded('b', 'F'), graded('c', 'F')])).toBe(false);
    expect(isCorroborated([graded('a', 'D1'), graded('b', 'E1')])).toBe(false);
    expect(
      isCorroborated([
        graded('a', 'B2', { reliability: null }),
        graded('b', 'B2', { reliability: null }),
      ]),
    ).toBe(false);
  });
  it('is false for no reports or one', () => {
    expect(isCorroborated([])).toBe(false);
    expect(isCorroborated([graded('a', 'A1')])).toBe(false);
  });
});

describe('assess', () => {
  it('counts every report, combines figures and corroboration', () => {
    const a = assess([
      graded('sohr', 'B2', { killed: count(250, 260, 300) }),
      graded('sana', 'D3', { killed: count(null, 12, null) }),
      graded('reuters', 'B2', { killed: count(240, 255, null), civiliansKilled: 200 }),
    ]);
    expect(a).toEqual({
      killed: count(250, 258, 300),
      injured: NO_COUNT,
      civiliansKilled: 200,
      combatantsKilled: null,
      corroborated: true,
      reportCount: 3,
    });
  });
  it('of no reports is the empty assessment', () => {
    expect(assess([])).toEqual(EMPTY_ASSESSMENT);
  });
});

describe('sourceIdFor', () => {
  it('slugs a name to lower-case words joined by dashes', () => {
    expect(sourceIdFor('Syrian Observatory for Human Rights')).toBe(
      'syrian-observatory-for-human-rights',
    );
    expect(sourceIdFor('SOHR')).toBe('sohr');
  });
  it('strips diacritics', () => {
    expect(sourceIdFor('Médecins Sans Frontières')).toBe('medecins-sans-frontieres');
    expect(sourceIdFor('Agência Lusa')).toBe('agencia-lusa');
  });
  it('collapses punctuation and trims dashes at the ends', () => {
    expect(sourceIdFor('  Reuters (UK) — wire!! ')).toBe('reuters-uk-wire');
    expect(sourceIdFor('A/B__C')).toBe('a-b-c');
    expect(sourceIdFor('24 News')).toBe('24-news');
  });
  it("gives 'source' when nothing usable is left", () => {
    expect(sourceIdFor('')).toBe('source');
    expect(sourceIdFor('!!! ---')).toBe('source');
    expect(sourceIdFor('سانا')).toBe('source');
  });
  it('caps the id at 60 characters', () => {
    expect(sourceIdFor('x'.repeat(100))).toBe('x'.repeat(60));
  });
});

describe('reportDraftsOf', () => {
  it('gives undefined for no reports array and [] for an empty one', () => {
    expect(reportDraftsOf(undefined)).toBeUndefined();
    expect(reportDraftsOf([])).toEqual([]);
  });
  it('maps every field, parsing received_at to epoch ms', () => {
    expect(
      reportDraftsOf([
        {
          source: 'SOHR',
          reference: 'https://example.org/1',
          received_at: '2018-02-17T09:30:00+02:00',
          text: 'ten killed',
          credibility: 2,
          killed: { low: 8, best: 10, high: 12 },
          injured: { best: 4 },
          civilians_killed: 6,
          combatants_killed: 2,
        },
      ]),
    ).toEqual([
      {
        source: 'SOHR',
        reference: 'https://example.org/1',
        receivedAt: Date.parse('2018-02-17T07:30:00Z'),
        text: 'ten killed',
        credibility: 2,
        killed: count(8, 10, 12),
        injured: count(null, 4, null),
        civiliansKilled: 6,
        combatantsKilled: 2,
      },
    ]);
  });
  it('fills what is missing or null with null', () => {
    const expected = reportDraft('SANA');
    expect(reportDraftsOf([{ source: 'SANA' }])).toEqual([expected]);
    expect(
      reportDraftsOf([
        {
          source: 'SANA',
          reference: null,
          received_at: null,
          text: null,
          credibility: null,
          killed: {},
          injured: { low: null },
          civilians_killed: null,
          combatants_killed: null,
        },
      ]),
    ).toEqual([expected]);
  });
  it('keeps the order of the reports', () => {
    expect(reportDraftsOf([{ source: 'A' }, { source: 'B' }])?.map((r) => r.source)).toEqual([
      'A',
      'B',
    ]);
  });
});

describe('combineCasualties: consistency', () => {
  it('never gives a best below the low', () => {
    const c = combineCasualties([
      graded('a', 'B2', { killed: count(100, 100, 100) }),
      graded('b', 'B2', { killed: count(10, 10, 10) }),
    ]);
    expect(c.killed).toEqual(count(100, 100, 100));
  });
  it('takes each measure from the credible reports that give it', () => {
    // The B2 report gives no killed figure: the F-graded report's 20 stands.
    const c = combineCasualties([
      graded('a', 'B2', { killed: NO_COUNT, civiliansKilled: null }),
      graded('b', 'F6', { killed: count(20, 20, null), civiliansKilled: 7 }),
    ]);
    expect(c.killed).toEqual(count(20, 20, 20));
    expect(c.civiliansKilled).toBe(7);
  });
});
