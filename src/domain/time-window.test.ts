import { describe, expect, it } from 'vitest';
import {
  NO_RELATION,
  OVERLAPS,
  parseIsoDay,
  relateTime,
  spanForDayPrecision,
  WITHIN,
} from './time-window.ts';

const T = (iso: string) => Date.parse(iso);
const W = [T('2018-02-16T00:00:00Z'), T('2018-02-18T00:00:00Z')] as const;

describe('relateTime: half-open windows [from, until)', () => {
  it('an instant at valid_from is within, at valid_until it is not', () => {
    expect(relateTime(W[0], W[0], ...W)).toBe(WITHIN);
    expect(relateTime(W[1] - 1, W[1] - 1, ...W)).toBe(WITHIN);
    expect(relateTime(W[1], W[1], ...W)).toBe(NO_RELATION);
    expect(relateTime(W[0] - 1, W[0] - 1, ...W)).toBe(NO_RELATION);
  });
  it('an interval is within when both ends are, overlaps when only part is', () => {
    expect(relateTime(W[0], W[1], ...W)).toBe(WITHIN);
    expect(relateTime(W[0] - 1, W[1], ...W)).toBe(OVERLAPS);
    expect(relateTime(W[0], W[1] + 1, ...W)).toBe(OVERLAPS);
    expect(relateTime(W[0] - 1, W[0], ...W)).toBe(NO_RELATION);
    expect(relateTime(W[1], W[1] + 1, ...W)).toBe(NO_RELATION);
  });
  it('an open-ended window (Infinity) contains everything after its start', () => {
    expect(relateTime(T('2040-01-01T00:00:00Z'), T('2040-01-02T00:00:00Z'), W[0], Infinity)).toBe(
      WITHIN,
    );
  });
});

describe('ACLED time precision', () => {
  const d = T('2018-02-17T00:00:00Z');
  it('1 is the UTC day', () => {
    expect(spanForDayPrecision(d, 1)).toEqual({ from: d, until: T('2018-02-18T00:00:00Z') });
  });
  it('2 is the week around it [d−3, d+4)', () => {
    expect(spanForDayPrecision(d, 2)).toEqual({
      from: T('2018-02-14T00:00:00Z'),
      until: T('2018-02-21T00:00:00Z'),
    });
  });
  it('3 is the calendar month', () => {
    expect(spanForDayPrecision(d, 3)).toEqual({
      from: T('2018-02-01T00:00:00Z'),
      until: T('2018-03-01T00:00:00Z'),
    });
    expect(spanForDayPrecision(T('2018-12-31T00:00:00Z'), 3).until).toBe(T('2019-01-01T00:00:00Z'));
  });
  it('parses real calendar days only', () => {
    expect(parseIsoDay('2018-02-17')).toBe(d);
    expect(parseIsoDay('2018-02-31')).toBeUndefined();
    expect(parseIsoDay('17/02/2018')).toBeUndefined();
  });
});
