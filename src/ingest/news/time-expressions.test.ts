import { describe, expect, it } from 'vitest';
import { durationHours, resolveDay, resolvePeriod, untilDate } from './time-expressions.ts';

// 2018-02-18 is a Sunday.
const D = '2018-02-18';
const period = (s: string) => {
  const p = resolvePeriod(s, D);
  return p && [p.from, p.until];
};

describe('relative time against the publication date', () => {
  it('reads spans ending with the publication day, half-open in days', () => {
    expect(period('killed over the last nine days')).toEqual(['2018-02-10', '2018-02-19']);
    expect(period('nine violations in the past 24 hours')).toEqual(['2018-02-17', '2018-02-19']);
    expect(period('in the past 48 hours')).toEqual(['2018-02-16', '2018-02-19']);
    expect(period('over the past week')).toEqual(['2018-02-12', '2018-02-19']);
    expect(period('in the last two weeks')).toEqual(['2018-02-05', '2018-02-19']);
  });

  it('reads "since" a date or a weekday through the publication day', () => {
    expect(period('since February 9 the toll has risen')).toEqual(['2018-02-09', '2018-02-19']);
    expect(period('since late Wednesday')).toEqual(['2018-02-14', '2018-02-19']);
    // A month-day after the publication date is last year's.
    expect(period('since March 3')).toEqual(['2017-03-03', '2018-02-19']);
  });

  it('takes a weekday in the past, or the next one when the sentence speaks of the future', () => {
    expect(resolveDay('the strikes on Thursday killed', D)?.from).toBe('2018-02-15');
    expect(resolveDay('he would telephone Lavrov later on Monday', D)?.from).toBe('2018-02-19');
    expect(resolveDay('the envoy is heading to Moscow on Tuesday', D)?.from).toBe('2018-02-20');
    expect(resolveDay('talks held on Sunday', D)?.from).toBe('2018-02-18');
    expect(resolveDay('shelling overnight', D)?.from).toBe('2018-02-17');
    expect(resolveDay('a strike on February 11 hit', D)).toMatchObject({
      from: '2018-02-11',
      until: '2018-02-12',
    });
  });

  it('reads nothing without a publication date', () => {
    expect(resolvePeriod('over the last nine days', null)).toBeNull();
  });

  it('reads durations and new end dates', () => {
    expect(durationHours('extended for another 48 hours')).toBe(48);
    expect(durationHours('for a further three days')).toBe(72);
    expect(durationHours('a 72-hour truce')).toBe(72);
    expect(durationHours('extended the truce')).toBeNull();
    expect(untilDate('extended until Sunday', '2018-02-15')).toBe('2018-02-18');
  });
});
