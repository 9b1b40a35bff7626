import { describe, expect, it } from 'vitest';
import { ALEPPO, sampleClaims } from '../../test/news-fixtures.ts';
import type { CasualtiesClaim, Claim } from './news-extraction.ts';
import {
  claimSummary,
  eventTypeOfCauses,
  incidentValueOf,
  type ArticleFacts,
} from './claim-outcomes.ts';

const facts: ArticleFacts = {
  published: '2018-03-04',
  reference: 'https://example.org/a',
  publisher: 'BBC News',
  agency: 'Press Association',
};
const claims = sampleClaims();
const killed = claims[0] as CasualtiesClaim;
const injured = claims[3] as CasualtiesClaim;
const base = { start: 0, end: 1, quote: 'q', confidence: 0.5, source: null };

describe('the incident a claim gives', () => {
  it('reads the event type from the first cause that names one', () => {
    expect(eventTypeOfCauses(['air strikes'])).toEqual({ event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' }); // prettier-ignore
    expect(eventTypeOfCauses(['shelling', 'air strikes'])?.sub_event_type).toBe('Shelling/artillery/missile attack'); // prettier-ignore
    expect(eventTypeOfCauses(['barrel bombs'])?.sub_event_type).toBe('Air/drone strike');
    expect(eventTypeOfCauses(['a car bomb'])?.sub_event_type).toBe('Remote explosive/landmine/IED');
    expect(eventTypeOfCauses(['clashes'])?.event_type).toBe('Battles');
    expect(eventTypeOfCauses(['hunger'])).toBeNull();
  });

  it('takes period, place, count and source from the claim', () => {
    expect(incidentValueOf(killed, facts)).toMatchObject({
      occurred_from: '2018-03-01T00:00:00Z',
      occurred_until: '2018-03-04T00:00:00Z',
      lon: ALEPPO.lon,
      lat: ALEPPO.lat,
      uncertainty_m: 15_000,
      location: 'Aleppo',
      fatalities: 40,
      source: 'Syrian Observatory for Human Rights',
      notes: killed.quote,
      reports: [{ source: 'Syrian Observatory for Human Rights', reference: facts.reference, text: killed.quote, killed: killed.count }], // prettier-ignore
    });
  });

  it('falls back to the publication day and the publisher', () => {
    const v = incidentValueOf({ ...injured, source: null }, facts);
    expect(v).toMatchObject({ occurred_on: '2018-03-04', time_precision: 1, fatalities: null, source: 'BBC News' }); // prettier-ignore
    expect(v).not.toHaveProperty('lon');
    expect(v.reports).toEqual([expect.objectContaining({ injured: injured.count })]);
  });

  it("replaces the claim's time or point wholly when the reviewer gives one", () => {
    const v = incidentValueOf(killed, facts, { occurred_on: '2018-03-02', lon: 37, lat: 36 });
    expect(v).not.toHaveProperty('occurred_from');
    expect(v).not.toHaveProperty('uncertainty_m');
    expect(v).toMatchObject({ occurred_on: '2018-03-02', lon: 37, lat: 36, location: 'Aleppo' });
    const radius = incidentValueOf(killed, facts, { geo_precision: 2 });
    expect(radius).toMatchObject({ lon: ALEPPO.lon, geo_precision: 2 });
    expect(radius).not.toHaveProperty('uncertainty_m');
  });
});

describe('the summary line of an agreement note', () => {
  const line = (c: Claim) => claimSummary(c);
  it('says what each kind of claim says, and who says it', () => {
    expect(line(claims[1]!)).toBe('Truce extended by 48 h around Damascus and eastern suburbs — announced by Syrian military, per SANA'); // prettier-ignore
    expect(line(killed)).toBe('At least 40 people killed by air strikes in Aleppo, over the last three days — per Syrian Observatory for Human Rights'); // prettier-ignore
    expect(line(claims[2]!)).toBe('17 violation(s) counted — by A monitoring group');
    expect(line({ ...base, kind: 'truce_exclusion', place: ALEPPO, group: null })).toBe('Excluded from the truce: Aleppo'); // prettier-ignore
    expect(line({ ...base, kind: 'proposal', summary: 'safe zones in Aleppo', addressees: 'key players', status: 'sent_for_signoff', source: 'Kerry' })).toBe('Proposal sent for signoff: safe zones in Aleppo (to key players) — per Kerry'); // prettier-ignore
    expect(line({ ...base, kind: 'agreement_status', agreement: 'cessation of hostilities', status: 'holding', period: null })).toBe('Cessation of hostilities: holding'); // prettier-ignore
    expect(line({ ...base, kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', place: ALEPPO, period: null, fatalities: 3, actor: 'Government', target: 'a hospital' })).toBe('Air/drone strike in Aleppo by Government on a hospital, 3 killed'); // prettier-ignore
  });
});
