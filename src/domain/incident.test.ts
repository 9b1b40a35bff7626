import { describe, expect, it } from 'vitest';
import { incidentContentHash, incidentDraftFromInput } from './incident.ts';
import { incidentInputSchema } from './schemas.ts';
import { parseInput } from './validate.ts';
import { AppError } from './errors.ts';

const base = {
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'air/drone strike',
  lon: 37.1,
  lat: 36.2,
};
const draft = (extra: Record<string, unknown>) =>
  incidentDraftFromInput(parseInput(incidentInputSchema, { ...base, ...extra }));

describe('incident normalisation', () => {
  it('an instant has from = until; an interval keeps its ends', () => {
    expect(draft({ occurred_at: '2018-02-17T09:30:00+02:00' })).toMatchObject({
      occurredFrom: Date.parse('2018-02-17T07:30:00Z'),
      occurredUntil: Date.parse('2018-02-17T07:30:00Z'),
    });
    expect(
      draft({ occurred_from: '2018-02-17T00:00:00Z', occurred_until: '2018-02-18T00:00:00Z' })
        .occurredUntil,
    ).toBe(Date.parse('2018-02-18T00:00:00Z'));
  });
  it('a day with ACLED time precision becomes its interval', () => {
    expect(draft({ occurred_on: '2018-02-17', time_precision: 2 })).toMatchObject({
      occurredFrom: Date.parse('2018-02-14T00:00:00Z'),
      timePrecision: 2,
    });
  });
  it('geo precision gives the radius; uncertainty_m overrides; none is an exact point', () => {
    expect(draft({ occurred_at: '2018-02-17T00:00:00Z', geo_precision: 1 }).uncertaintyM).toBe(
      2_000,
    );
    expect(draft({ occurred_at: '2018-02-17T00:00:00Z', geo_precision: 2 }).uncertaintyM).toBe(
      10_000,
    );
    expect(draft({ occurred_at: '2018-02-17T00:00:00Z', geo_precision: 3 }).uncertaintyM).toBe(
      50_000,
    );
    expect(
      draft({ occurred_at: '2018-02-17T00:00:00Z', geo_precision: 3, uncertainty_m: 700 })
        .uncertaintyM,
    ).toBe(700);
    expect(draft({ occurred_at: '2018-02-17T00:00:00Z' }).uncertaintyM).toBe(0);
  });
  it('sub-event types are matched case-insensitively to the taxonomy', () => {
    expect(draft({ occurred_at: '2018-02-17T00:00:00Z' }).subEventType).toBe('Air/drone strike');
  });
  it('the content hash ignores key order and changes with content', () => {
    const a = draft({ occurred_at: '2018-02-17T00:00:00Z', fatalities: 3 });
    const b = draft({ fatalities: 3, occurred_at: '2018-02-17T00:00:00Z' });
    expect(incidentContentHash(a)).toBe(incidentContentHash(b));
    expect(incidentContentHash({ ...a, fatalities: 4 })).not.toBe(incidentContentHash(a));
  });
  it('refuses two time forms, or none, naming the field', () => {
    const err = (extra: Record<string, unknown>) => {
      try {
        draft(extra);
      } catch (e) {
        return (e as AppError).field;
      }
      return 'no error';
    };
    expect(err({})).toBe('occurred_at');
    expect(err({ occurred_at: '2018-02-17T00:00:00Z', occurred_on: '2018-02-17' })).toBe(
      'occurred_at',
    );
    expect(err({ occurred_from: '2018-02-17T00:00:00Z' })).toBe('occurred_until');
    expect(
      err({ occurred_from: '2018-02-17T00:00:00Z', occurred_until: '2018-02-16T00:00:00Z' }),
    ).toBe('occurred_until');
  });
});
