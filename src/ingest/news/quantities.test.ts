import { describe, expect, it } from 'vitest';
import { COUNT_PHRASE, countOf, numberValue } from './quantities.ts';

const first = (s: string) => countOf([...s.matchAll(COUNT_PHRASE)][0]!);

describe('count phrases (ACLED conventions)', () => {
  it.each([
    ['more than 250 people', { low: 250, best: 250, high: null }],
    ['at least 27 people', { low: 27, best: 27, high: null }],
    ['nearly 40 civilians', { low: null, best: 40, high: 40 }],
    ['as many as 20 people', { low: null, best: 20, high: 20 }],
    ['about 60 fighters', { low: null, best: 60, high: null }],
    ['between 30 and 40 people', { low: 30, best: 30, high: 40 }],
    ['30 to 40 people', { low: 30, best: 30, high: 40 }],
    ['twelve children', { low: 12, best: 12, high: 12 }],
    ['forty-eight hours', { low: 48, best: 48, high: 48 }],
    ['1,200 people', { low: 1200, best: 1200, high: 1200 }],
    ['dozens of people', { low: 12, best: 12, high: null }],
    ['tens of civilians', { low: 10, best: 10, high: null }],
    ['hundreds of residents', { low: 100, best: 100, high: null }],
  ])('%s', (phrase, expected) => {
    expect(first(phrase)).toEqual(expected);
  });

  it('reads number words and refuses what is not a number', () => {
    expect(numberValue('nine')).toBe(9);
    expect(numberValue('a dozen')).toBe(12);
    expect(numberValue('seventy two')).toBe(72);
    expect(numberValue('several')).toBeNull();
  });

  it('does not take a percentage for a count', () => {
    expect([...'rose 40 percent'.matchAll(COUNT_PHRASE)].map((m) => m[0])).toEqual([]);
  });
});
