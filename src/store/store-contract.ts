// The storage contract: one suite of cases that every Store implementation must pass. SQLite runs
// it today (sqlite/sqlite-store.test.ts); the PostgreSQL store will run the very same cases.
import { describe, expect, it } from 'vitest';
import type { Party, ViolationRecord } from '../domain/types.ts';
import { EMPTY_ASSESSMENT } from '../domain/report.ts';
import type { Store } from './store.ts';
import { incident } from '../domain/test-incident.ts';

const party: Party = { id: 'GOV', name: 'Government', capabilities: ['air'], createdAt: 1 };

export function storeContract(
  name: string,
  open: () => Promise<{ store: Store; close: () => Promise<void> }>,
): void {
  describe(`Store contract: ${name}`, () => {
    it('round-trips a party and an incident unchanged', async () => {
      const { store, close } = await open();
      try {
        await store.transaction(async (tx) => {
          await tx.insertParty(party);
          await tx.insertIncidents([incident('i1')]);
        });
        expect(await store.getParty('GOV')).toEqual(party);
        expect(await store.getIncident('i1')).toEqual(incident('i1'));
        expect(await store.getIncident('ext-i1')).toEqual(incident('i1'));
        expect([...(await store.findIncidentKeys(['ext-i1', 'nope'])).keys()]).toEqual(['ext-i1']);
      } finally {
        await close();
      }
    });

    it('a transaction that throws leaves nothing behind', async () => {
      const { store, close } = await open();
      try {
        await expect(
          store.transaction(async (tx) => {
            await tx.insertParty(party);
            await tx.insertIncidents([incident('i1')]);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.listParties()).toEqual([]);
        expect(await store.countIncidents()).toBe(0);
      } finally {
        await close();
      }
    });

    it('filters incidents by time overlap (instants and half-open intervals) and bbox', async () => {
      const { store, close } = await open();
      try {
        const day = (d: number) => Date.parse(`2018-02-${String(d).padStart(2, '0')}T00:00:00Z`);
        await store.transaction((tx) =>
          tx.insertIncidents([
            incident('a', { occurredFrom: day(10), occurredUntil: day(10) }),
            incident('b', { occurredFrom: day(11), occurredUntil: day(13), lon: 40 }),
            incident('c', { occurredFrom: day(13), occurredUntil: day(13) }),
          ]),
        );
        const ids = async (f: Parameters<Store['listIncidents']>[0]) =>
          (await store.listIncidents(f)).items.map((i) => i.id).sort();
        expect(await ids({ from: day(10), until: day(11) })).toEqual(['a']);
        expect(await ids({ from: day(13), until: day(14) })).toEqual(['c']);
        expect(await ids({ from: day(12), until: day(13) })).toEqual(['b']);
        expect(await ids({ bbox: [39, 30, 41, 35] })).toEqual(['b']);
        const pages: string[][] = [];
        for await (const page of store.scanIncidents({}, 2)) pages.push(page.map((i) => i.id));
        expect(pages).toEqual([['a', 'b'], ['c']]);
      } finally {
        await close();
      }
    });

    it('listZones at an instant gives the zones of the version in force only, boundaries included', async () => {
      const { store, close } = await open();
      const H = 3_600_000;
      // v1 [0, 100h) with zones a and b; v2 [50h, 148h) amends it with a only; v3 [200h, ∞) adds c.
      const version = (seq: number, from: number, until: number | null, keys: string[]) => ({
        id: `ver${seq}`, agreementId: 'agr', seq, label: `v${seq}`, validFrom: from * H,
        validUntil: until === null ? null : until * H, signedBy: ['GOV'], terms: null,
        contentHash: `h${seq}`, recordedAt: seq, proposalId: null,
        zones: keys.map((key) => ({
          id: `v${seq}-${key}`, agreementId: 'agr', versionId: `ver${seq}`, key, name: key,
          kind: 'safe_zone' as const,
          geometry: { type: 'Polygon' as const, coordinates: [[[36, 33], [37, 33], [37, 34], [36, 33]]] },
          bbox: [36, 33, 37, 34] as [number, number, number, number], areaKm2: 1, properties: {},
        })),
      }); // prettier-ignore
      try {
        await store.transaction(async (tx) => {
          await tx.insertParty(party);
          await tx.insertAgreement({ id: 'agr', title: 'A', description: null, partyIds: ['GOV'], createdAt: 1 }); // prettier-ignore
          await tx.insertVersion(version(1, 0, 100, ['a', 'b']));
          await tx.insertVersion(version(2, 50, 148, ['a']));
          await tx.insertVersion(version(3, 200, null, ['a', 'c']));
        });
        const at = async (hours: number) =>
          (await store.listZones({ at: hours * H })).map((z) => z.id);
        expect(await at(-1)).toEqual([]);
        expect(await at(0)).toEqual(['v1-a', 'v1-b']);
        expect(await at(50 - 1 / 3600)).toEqual(['v1-a', 'v1-b']);
        expect(await at(50)).toEqual(['v2-a']); // b stops being protected at v2's valid_from
        expect(await at(99)).toEqual(['v2-a']); // the overlap: v2 only, one zone per key
        expect(await at(100)).toEqual(['v2-a']);
        expect(await at(148)).toEqual([]); // half-open: nothing in force in the gap
        expect(await at(200)).toEqual(['v3-a', 'v3-c']);
        expect((await store.listZones({ at: 99 * H, agreementId: 'other' })).length).toBe(0);
        expect((await store.listZones({ at: 99 * H, agreementId: 'agr' })).map((z) => z.id)).toEqual(['v2-a']); // prettier-ignore
        expect((await store.listZones({})).length).toBe(5); // without `at`: every version's zones
      } finally {
        await close();
      }
    });

    it('syncViolations adds, changes and removes, keeping detection times of rows that stay', async () => {
      const { store, close } = await open();
      try {
        const v = (
          incidentId: string,
          zoneKey: string,
          certainty: 'certain' | 'possible',
        ): ViolationRecord => ({
          incidentId,
          agreementId: 'agr',
          zoneKey,
          zoneId: `zone-${zoneKey}`,
          versionId: 'ver',
          certainty,
        });
        await store.transaction(async (tx) => {
          await tx.insertParty(party);
          await tx.insertAgreement({
            id: 'agr',
            title: 'A',
            description: null,
            partyIds: ['GOV'],
            createdAt: 1,
          });
          await tx.insertVersion({
            id: 'ver', agreementId: 'agr', seq: 1, label: 'v1', validFrom: 0, validUntil: null, signedBy: ['GOV'],
            terms: null, contentHash: 'x', recordedAt: 1, proposalId: null,
            zones: ['z1', 'z2', 'z3'].map((key) => ({
              id: `zone-${key}`, agreementId: 'agr', versionId: 'ver', key, name: key, kind: 'safe_zone' as const,
              geometry: { type: 'Polygon' as const, coordinates: [[[36, 33], [37, 33], [37, 34], [36, 33]]] },
              bbox: [36, 33, 37, 34] as [number, number, number, number], areaKm2: 1, properties: {},
            })),
          }); // prettier-ignore
          await tx.insertIncidents([incident('i1'), incident('i2')]);
          await tx.insertViolations(
            [v('i1', 'z1', 'certain'), v('i1', 'z2', 'possible'), v('i2', 'z1', 'certain')],
            100,
          );
        });
        const result = await store.transaction((tx) =>
          tx.syncViolations(
            { incidentIds: ['i1'] },
            [v('i1', 'z1', 'certain'), v('i1', 'z2', 'certain'), v('i1', 'z3', 'possible')],
            200,
            'test',
          ),
        );
        expect(result).toEqual({ added: 1, changed: 1, removed: 0, superseded: 0, restored: 0 });
        const all = (await store.listViolations({ limit: 100 })).items;
        expect(
          all.map((x) => `${x.incidentId}/${x.zoneKey}/${x.certainty}/${x.detectedAt}`).sort(),
        ).toEqual([
          'i1/z1/certain/100',
          'i1/z2/certain/100',
          'i1/z3/possible/200',
          'i2/z1/certain/100',
        ]);
        const reviewed = { incidentId: 'i1', agreementId: 'agr', zoneKey: 'z2' };
        await store.setViolationReview(reviewed, {
          status: 'confirmed',
          intent: 'deliberate',
          attributions: [],
          statusNote: 'seen',
          reviewedBy: 'ana',
          reviewedAt: 250,
        });
        const byAgreement = await store.transaction((tx) =>
          tx.syncViolations({ agreementId: 'agr' }, [v('i2', 'z1', 'certain')], 300, 'v2 recorded'),
        );
        // The reviewed row is kept and marked superseded; unreviewed rows go.
        expect(byAgreement).toEqual({
          added: 0,
          changed: 0,
          removed: 2,
          superseded: 1,
          restored: 0,
        });
        expect((await store.listViolations({ zone: 'z1' })).total).toBe(1);
        const [kept] = (await store.listViolations({ statuses: ['superseded'] })).items;
        expect(kept).toMatchObject({
          zoneKey: 'z2',
          status: 'superseded',
          intent: 'deliberate',
          statusNote: 'no longer matched: v2 recorded',
        });
        const again = await store.transaction((tx) =>
          tx.syncViolations(
            { agreementId: 'agr' },
            [v('i2', 'z1', 'certain'), v('i1', 'z2', 'certain')],
            400,
            'v3 recorded',
          ),
        );
        expect(again).toMatchObject({ restored: 1, added: 0 });
        expect((await store.listViolations({ key: reviewed })).items[0]?.status).toBe(
          'under_review',
        );
        expect((await store.listViolations({ zone: 'zone-z1', certainty: 'possible' })).total).toBe(
          0,
        );
      } finally {
        await close();
      }
    });

    it('reportRows: incidents starting in [from, until), not merged, with violations and reports', async () => {
      const { store, close } = await open();
      try {
        const at = (iso: string) => Date.parse(iso);
        const from = at('2018-02-16T17:30:00Z');
        const until = at('2018-02-17T17:30:00Z');
        await store.transaction(async (tx) => {
          await tx.insertIncidents([
            incident('a', { occurredFrom: from, occurredUntil: from, admin1: 'Rural Damascus' }),
            // Starts before the range and ends inside it: it belongs to the day it started.
            incident('b', { occurredFrom: from - 3_600_000, occurredUntil: from + 3_600_000 }),
            incident('c', { occurredFrom: until, occurredUntil: until }),
            incident('d', { occurredFrom: until - 1, occurredUntil: until + 86_400_000 }),
            incident('dup', { occurredFrom: from + 10, occurredUntil: from + 10, mergedInto: 'a' }),
          ]);
          const v = (incidentId: string, zoneKey: string) => ({
            incidentId, agreementId: 'agr', zoneKey, zoneId: `zone-${zoneKey}`, versionId: 'ver',
            certainty: 'certain' as const,
          }); // prettier-ignore
          await tx.insertViolations(
            [v('a', 'z1'), v('a', 'z2'), v('b', 'z1'), v('d', 'z1'), v('dup', 'z1')],
            100,
          );
          await tx.insertReports([
            { id: 'r1', incidentId: 'a', sourceId: 'sohr', source: 'SOHR', reference: 'u', receivedAt: null, text: null,
              credibility: 2, killed: { low: 1, best: 2, high: 3 }, injured: { low: null, best: null, high: null },
              civiliansKilled: 1, combatantsKilled: null, origin: 'record', createdAt: 1 },
            { id: 'r2', incidentId: 'c', sourceId: 'sana', source: 'SANA', reference: null, receivedAt: null, text: null,
              credibility: null, killed: { low: null, best: 0, high: null }, injured: { low: null, best: null, high: null },
              civiliansKilled: null, combatantsKilled: null, origin: 'record', createdAt: 1 },
          ]); // prettier-ignore
        });
        await store.setViolationReview(
          { incidentId: 'a', agreementId: 'agr', zoneKey: 'z2' },
          { status: 'superseded', intent: null, attributions: [], statusNote: 'gone', reviewedBy: 'x', reviewedAt: 5 }, // prettier-ignore
        );
        const attribution = { partyId: 'GOV', kind: 'reported' as const, evidence: [{ kind: 'report' as const, ref: 'r1' }], note: null }; // prettier-ignore
        await store.setViolationReview(
          { incidentId: 'd', agreementId: 'agr', zoneKey: 'z1' },
          { status: 'dismissed', intent: null, attributions: [attribution], statusNote: 'no', reviewedBy: 'x', reviewedAt: 6 }, // prettier-ignore
        );
        const rows = await store.reportRows({ from, until });
        expect(rows.incidents.map((i) => i.id)).toEqual(['a', 'd']);
        expect(rows.incidents[0]).toEqual({
          id: 'a', externalId: 'ext-a', eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike',
          occurredFrom: from, occurredUntil: from, timePrecision: null, lon: 36.5, lat: 33.5, uncertaintyM: 0,
          actor1: 'A', actor2: null, fatalities: 2, admin1: 'Rural Damascus', location: null,
          assessment: EMPTY_ASSESSMENT,
        }); // prettier-ignore
        expect(rows.violations).toEqual([
          { incidentId: 'a', agreementId: 'agr', zoneKey: 'z1', zoneId: 'zone-z1', versionId: 'ver',
            certainty: 'certain', status: 'flagged', intent: null, attributions: [], reviewedAt: null },
          { incidentId: 'd', agreementId: 'agr', zoneKey: 'z1', zoneId: 'zone-z1', versionId: 'ver',
            certainty: 'certain', status: 'dismissed', intent: null, attributions: [attribution], reviewedAt: 6 },
        ]); // prettier-ignore
        expect(rows.reports).toEqual([
          { id: 'r1', incidentId: 'a', sourceId: 'sohr', source: 'SOHR', reference: 'u', credibility: 2,
            killed: { low: 1, best: 2, high: 3 }, civiliansKilled: 1 },
        ]); // prettier-ignore
        expect(await store.reportRows({ from: until, until: until + 1 })).toMatchObject({
          incidents: [{ id: 'c' }],
          violations: [],
          reports: [{ id: 'r2', killed: { low: null, best: 0, high: null } }],
        });
      } finally {
        await close();
      }
    });
  });
}
