// A complete incident for tests (the storage contract, the duplicate rules): built from the domain
// alone, so a unit test of a low layer needs nothing from the layers above it.
import { EMPTY_ASSESSMENT } from './report.ts';
import type { Incident } from './types.ts';

/** A complete incident for tests: an air strike near Damascus on 17 Feb 2018 (SOHR, 2 killed). */
export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    externalId: `ext-${id}`,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Air/drone strike',
    occurredFrom: Date.parse('2018-02-17T00:00:00Z'),
    occurredUntil: Date.parse('2018-02-17T00:00:00Z'),
    timePrecision: null,
    lon: 36.5,
    lat: 33.5,
    uncertaintyM: 0,
    geoPrecision: null,
    actor1: 'A',
    actor2: null,
    fatalities: 2,
    source: 'SOHR',
    notes: 'n',
    country: 'Syria',
    admin1: null,
    admin2: null,
    admin3: null,
    location: null,
    attributes: { inter1: '1' },
    contentHash: 'h',
    createdAt: 1,
    updatedAt: 1,
    assessment: EMPTY_ASSESSMENT,
    mergedInto: null,
    ...over,
  };
}
