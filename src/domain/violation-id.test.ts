import { describe, expect, it } from 'vitest';
import { parseViolationId, violationIdOf } from './violation-id.ts';

describe('violationIdOf / parseViolationId', () => {
  it('joins incident, agreement and zone key with ~', () => {
    expect(violationIdOf({ incidentId: 'inc-1', agreementId: 'agr-1', zoneKey: 'z1' })).toBe(
      'inc-1~agr-1~z1',
    );
  });

  it('round-trips ordinary keys', () => {
    const k = { incidentId: 'inc-1', agreementId: 'agr.2024:v1', zoneKey: 'zone-a' };
    expect(parseViolationId(violationIdOf(k))).toEqual(k);
  });

  it('round-trips a zone key containing ~ and /', () => {
    for (const zoneKey of [
      'a~b',
      'north/east',
      '~lead',
      'trail~',
      '~',
      'a~/~b/c',
      'Zone ~ 3 / west',
    ]) {
      const k = { incidentId: 'inc-9', agreementId: 'agr', zoneKey };
      expect(parseViolationId(violationIdOf(k)), zoneKey).toEqual(k);
    }
  });

  it('round-trips a uuid incident id and a numeric zone key', () => {
    const k = {
      incidentId: '0b9e3c2a-6a0e-4a57-9a3b-2f4f1f3e9d11',
      agreementId: 'ceasefire-2024',
      zoneKey: '17',
    };
    expect(parseViolationId(violationIdOf(k))).toEqual(k);
  });

  it('rejects ids that do not have three non-empty parts', () => {
    for (const bad of [
      '',
      'inc-1',
      'inc-1~agr-1',
      'inc-1~agr-1~',
      '~agr-1~z1',
      'inc-1~~z1',
      '~~z1',
      '~~',
      '~',
      'inc-1~',
    ])
      expect(parseViolationId(bad), JSON.stringify(bad)).toBeNull();
  });
});
