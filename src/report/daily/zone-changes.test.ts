import { describe, expect, it } from 'vitest';
import type { AgreementVersion, Zone } from '../../domain/types.ts';
import { zoneChanges } from './zone-changes.ts';

const at = (iso: string) => Date.parse(iso);
const zone = (versionId: string, key: string, kind: Zone['kind'] = 'safe_zone'): Zone => ({
  id: `${versionId}-${key}`, agreementId: 'a', versionId, key, name: key.toUpperCase(), kind,
  geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, bbox: [0, 0, 1, 1],
  areaKm2: 1, properties: {},
}); // prettier-ignore
const version = (seq: number, from: string, until: string | null, keys: string[], recorded = '2018-01-01T00:00:00Z'): AgreementVersion => ({
  id: `v${seq}`, agreementId: 'a', seq, label: `v${seq}`, validFrom: at(from), validUntil: until ? at(until) : null,
  signedBy: [], terms: null, contentHash: '', recordedAt: at(recorded), proposalId: null,
  zones: keys.map((k) => zone(`v${seq}`, k, k === 'carve' ? 'excluded_area' : 'safe_zone')),
}); // prettier-ignore
const period = { from: at('2018-02-16T17:30:00Z'), until: at('2018-02-17T17:30:00Z') };
const brief = (versions: AgreementVersion[]) =>
  zoneChanges(versions, period).map((c) => `${c.kind} ${c.zoneKey} ${c.previous?.label ?? '-'}→${c.version?.label ?? '-'} ${c.extendedByHours}`); // prettier-ignore

describe('zone changes in a period', () => {
  it('a zone entering force, and one a new version drops (it expires though that version is in force)', () => {
    expect(
      brief([
        version(1, '2018-02-10T00:00:00Z', '2018-02-20T00:00:00Z', ['a', 'b', 'carve']),
        version(2, '2018-02-17T00:00:00Z', '2018-02-20T00:00:00Z', ['a', 'c']),
      ]),
    ).toEqual(['replaced a v1→v2 0', 'expired b v1→v2 null', 'entered_force c -→v2 null']);
  });

  it('a version that ends earlier replaces; open-ended versions give no hours', () => {
    expect(
      brief([
        version(1, '2018-02-10T00:00:00Z', '2018-02-19T00:00:00Z', ['a']),
        version(2, '2018-02-17T00:00:00Z', '2018-02-18T00:00:00Z', ['a']),
      ]),
    ).toEqual(['replaced a v1→v2 -24']);
    expect(
      brief([
        version(1, '2018-02-10T00:00:00Z', null, ['a']),
        version(2, '2018-02-17T00:00:00Z', null, ['a']),
      ]),
    ).toEqual(['replaced a v1→v2 null']);
  });

  it('a boundary exactly at the period end belongs to the next period; one at its start to this', () => {
    expect(brief([version(1, '2018-02-17T17:30:00Z', null, ['a'])])).toEqual([]);
    expect(brief([version(1, '2018-02-16T17:30:00Z', null, ['a'])])).toEqual([
      'entered_force a -→v1 null',
    ]);
  });

  it('a version recorded in the period, against the last earlier version with the zone', () => {
    const changes = zoneChanges(
      [
        version(1, '2018-02-01T00:00:00Z', '2018-02-10T00:00:00Z', ['a']),
        version(2, '2018-02-20T00:00:00Z', '2018-02-22T00:00:00Z', ['b'], '2018-02-05T00:00:00Z'),
        version(3, '2018-02-20T00:00:00Z', '2018-02-25T00:00:00Z', ['a', 'b', 'carve'], '2018-02-17T09:00:00Z'), // prettier-ignore
      ],
      period,
    );
    expect(changes.map((c) => [c.kind, c.zoneKey, c.previous?.label, c.extendedByHours])).toEqual([
      ['recorded', 'a', 'v1', 15 * 24],
      ['recorded', 'b', 'v2', 3 * 24],
    ]);
    expect(changes[0]).toMatchObject({ zoneName: 'A', zoneKind: 'safe_zone', at: at('2018-02-17T09:00:00Z') }); // prettier-ignore
  });
});
