import { describe, expect, it } from 'vitest';
import {
  CERTAINTIES_MOST_SEVERE_FIRST,
  certaintyOfRank,
  certaintyRank,
  mostSevere,
} from './certainty.ts';

describe('certainty severity', () => {
  it('orders none < possible < certain, and no violation as none', () => {
    expect([null, 'none', 'possible', 'certain'].map((c) => certaintyRank(c as never))).toEqual([0, 0, 1, 2]); // prettier-ignore
    expect([0, 1, 2, 3, -1].map(certaintyOfRank)).toEqual(['none', 'possible', 'certain', 'none', 'none']); // prettier-ignore
    expect(CERTAINTIES_MOST_SEVERE_FIRST).toEqual(['certain', 'possible', 'none']);
  });

  it('keeps the more severe of two', () => {
    expect(mostSevere('none', 'possible')).toBe('possible');
    expect(mostSevere('certain', 'possible')).toBe('certain');
    expect(mostSevere('possible', 'possible')).toBe('possible');
  });
});
