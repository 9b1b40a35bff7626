import { describe, expect, it } from 'vitest';
import { sampleExtraction } from '../../../test/news-fixtures.ts';
import { formatArticleText } from './format-article-text.ts';
import { countText } from '../../domain/count-range-text.ts';

describe('formatArticleText', () => {
  const out = formatArticleText(sampleExtraction());

  it('heads with title, date, agency and the removed lines by reason', () => {
    expect(out).toContain('Title:     Air strikes kill dozens in Aleppo');
    expect(out).toContain('Published: 2018-03-04');
    expect(out).toContain('Agency:    Press Association');
    expect(out).toContain('Removed:   3 line(s) (1 dateline, 1 promoted, 1 credit)');
  });

  it('lists places with coordinates and radius, people and organisations', () => {
    expect(out).toContain('Aleppo = Aleppo city (lat 36.2021, lon 37.1343 ± 15 km; ocha SY02)');
    expect(out).toContain('People: none');
    expect(out).toContain('Organisations (2):\n  Syrian Observatory for Human Rights\n  SANA — state news agency');
  }); // prettier-ignore

  it('numbers each claim by its index with its fields, confidence and quote', () => {
    expect(out).toContain('Claims (4):');
    expect(out).toContain('  #0 casualties (confidence 0.90)\n     killed: at least 40\n');
    expect(out).toContain('     cause: air strikes\n');
    expect(out).toContain('period: 2018-03-01 → 2018-03-04 (over the last three days)');
    expect(out).toContain('  #1 truce_extension (confidence 0.80)\n     area: Damascus and eastern suburbs\n     by 48 h\n');
    expect(out).toContain('     “More than 40 people have been killed in air strikes on Aleppo');
    expect(out).toContain('  #3 casualties (confidence 0.70)\n     injured: 2\n');
  }); // prettier-ignore

  it('shows review states when given, and warnings', () => {
    const text = formatArticleText(sampleExtraction({ warnings: ['no date found'] }), {
      claimState: (i) => (i === 1 ? 'accepted' : null),
    });
    expect(text).toContain('#1 truce_extension [accepted] (confidence 0.80)');
    expect(text).toContain('#0 casualties (confidence');
    expect(text).toMatch(/Warnings:\n {2}no date found\n$/);
  });

  it('says when nothing was found', () => {
    const empty = formatArticleText(
      sampleExtraction({ title: null, published: null, agency: null, removed: [], places: [], organizations: [], claims: [] }),
    );
    expect(empty).toContain('Title:     (none found)');
    expect(empty).toContain('Removed:   0 line(s)\n');
    expect(empty).toContain('Places: none');
    expect(empty).toContain('Claims: none');
  }); // prettier-ignore

  it('writes count ranges compactly', () => {
    expect(countText({ low: 240, best: 250, high: 300 })).toBe('250 (240–300)');
    expect(countText({ low: null, best: 12, high: null })).toBe('12');
    expect(countText({ low: 10, best: null, high: 20 })).toBe('10–20');
    expect(countText({ low: null, best: null, high: 5 })).toBe('up to 5');
    expect(countText({ low: null, best: null, high: null })).toBe('?');
  });
});
