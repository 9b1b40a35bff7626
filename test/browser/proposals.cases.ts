// Agreements & proposals: a liaison of a party required on the demo's open Damascus extension opens
// it, sees the party states and the map diff, makes a signing key in the browser (WebCrypto
// Ed25519, kept in IndexedDB, registered as the party's public key) and signs the digest; the
// party's state turns to signed, and the server agrees — and a mediator watching the proposal in
// another browser sees the signature arrive live.
import { expect, it } from 'vitest';
import { importAgreementDocument } from '../../src/app/agreements.ts';
import { SYSTEM_ACTOR } from '../../src/domain/roles.ts';
import { agreementDocumentSchema } from '../../src/domain/schemas.ts';
import { parseInput } from '../../src/domain/validate.ts';
import { poll, signIn, WAIT, type Harness } from './harness.ts';

export function proposalCases(h: () => Harness) {
  it('lets a liaison sign the open Damascus extension in the browser', async () => {
    const open = (await h().ctx.store.listProposals({ agreementId: 'damascus-coh' })).find(
      (p) => p.status === 'open',
    );
    expect(open, 'the demo has an open damascus-coh proposal').toBeDefined();
    const party = open!.required[0]!;
    // A mediator watches the same proposal in another browser: the signature arrives live.
    const watcher = await signIn(h(), 'mediator', `#/proposals?id=${open!.id}`);
    const { context, page, errors } = await signIn(h(), `liaison-${party.toLowerCase()}`);
    try {
      await watcher.page.getByTestId('proposal-view').waitFor({ timeout: WAIT });
      await watcher.page.locator('[data-testid="live"]:text-is("live")').waitFor({ timeout: WAIT });
      expect(await watcher.page.getByTestId('bundle-download').getAttribute('href')).toBe(
        `/api/v1/proposals/${open!.id}/bundle`,
      );

      await page.getByTestId('nav-proposals').click();
      const row = page.locator(
        `[data-testid="proposal-row"][data-proposal-id=${JSON.stringify(open!.id)}]`,
      );
      await row.waitFor({ timeout: WAIT });
      await row.click();
      const view = page.getByTestId('proposal-view');
      await view.waitFor({ timeout: WAIT });
      expect(await page.getByTestId('proposal-digest').textContent()).toBe(open!.digest);

      // Party states: every required party, this one pending.
      const states = await page.$$eval('[data-testid="party-state"]', (els) =>
        els.map((e) => [e.getAttribute('data-party'), e.getAttribute('data-state')]),
      );
      expect(states.map((s) => s[0]).sort()).toEqual([...open!.required].sort());
      expect(states.find((s) => s[0] === party)?.[1]).toBe('pending');

      // The map diff: MapLibre renders the diff features (here the unchanged zones, in grey).
      const rendered = await poll<number>(
        page,
        `(() => {
          const t = window.__truceline;
          if (!t || !t.map.isStyleLoaded() || !t.map.getLayer('proposal-diff-fill')) return 0;
          return t.map.queryRenderedFeatures({ layers: t.layers.zones }).length;
        })()`,
      );
      expect(rendered).toBeGreaterThan(0);
      expect(await page.getByTestId('terms-diff').locator('ins').count()).toBeGreaterThan(0);

      // The key: made here, registered for the party, shown by its fingerprint.
      await page.getByTestId('create-key').click();
      await page
        .locator('[data-testid="key-status"][data-registered="true"]')
        .waitFor({ timeout: WAIT });
      const fingerprint = (await page.getByTestId('key-fingerprint').textContent())!;
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const keys = await h().ctx.store.listPartyKeys(party);
      expect(keys.map((k) => k.fingerprint)).toContain(fingerprint);

      // Sign: the party's state turns to signed, and the server agrees.
      await page.getByTestId('sign-proposal').click();
      await page
        .locator(
          `[data-testid="party-state"][data-party=${JSON.stringify(party)}][data-state="signed"]`,
        )
        .waitFor({ timeout: WAIT });
      const server = (await page.evaluate(
        `fetch('/api/v1/proposals/${open!.id}').then((r) => r.json())`,
      )) as { parties: { party_id: string; state: string; key_fingerprint?: string }[] };
      const mine = server.parties.find((s) => s.party_id === party);
      expect(mine?.state).toBe('signed');
      expect(mine?.key_fingerprint).toBe(fingerprint);
      await watcher.page
        .locator(
          `[data-testid="party-state"][data-party=${JSON.stringify(party)}][data-state="signed"]`,
        )
        .waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
      expect(watcher.errors).toEqual([]);
    } finally {
      await context.close();
      await watcher.context.close();
    }
  });

  it('draws each version on its own lane, with the spans a later version replaced as superseded', async () => {
    // An amendment (v2) that overlaps v1: v1 is in force 1–5 January, superseded 5–10 January.
    const square = [
      [
        [38.9, 35],
        [39, 35],
        [39, 35.1],
        [38.9, 35.1],
        [38.9, 35],
      ],
    ];
    const version = (label: string, from: string, until: string) => ({
      label, valid_from: from, valid_until: until, signed_by: ['SYR-GOV', 'RUS'], terms: label,
      zones: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'z', properties: { name: 'Z', kind: 'safe_zone' }, geometry: { type: 'Polygon', coordinates: square } }] },
    }); // prettier-ignore
    await importAgreementDocument(
      h().ctx,
      parseInput(agreementDocumentSchema, {
        id: 'timeline-amended',
        title: 'Amended in January',
        parties: [
          {
            id: 'SYR-GOV',
            name: 'Government of the Syrian Arab Republic',
            capabilities: ['air', 'artillery', 'ground'],
          },
          { id: 'RUS', name: 'Russian Federation', capabilities: ['air'] },
        ],
        versions: [
          version('v1', '2018-01-01T00:00:00Z', '2018-01-10T00:00:00Z'),
          version('v2', '2018-01-05T00:00:00Z', '2018-01-15T00:00:00Z'),
        ],
      }),
      SYSTEM_ACTOR,
    );
    const { context, page, errors } = await signIn(h(), 'mediator', '#/proposals');
    try {
      const agreement = page.locator(
        '[data-testid="agreement"][data-agreement-id="timeline-amended"]',
      );
      await agreement.waitFor({ timeout: WAIT });
      const lanes = await agreement.locator('[data-testid="version-block"]').evaluateAll((els) =>
        els.map((e) => ({
          label: e.getAttribute('data-version-label'),
          effective: [...e.querySelectorAll('[data-testid="effective-span"]')].map((x) => x.textContent),
          superseded: [...e.querySelectorAll('[data-testid="superseded-span"]')].map((x) => x.getAttribute('aria-label')),
        })),
      ); // prettier-ignore
      expect(lanes).toEqual([
        {
          label: 'v1',
          effective: ['2018-01-01 00:00 UTC → 2018-01-05 00:00 UTC'],
          superseded: ['superseded 2018-01-05 00:00 UTC → 2018-01-10 00:00 UTC'],
        },
        { label: 'v2', effective: ['2018-01-05 00:00 UTC → 2018-01-15 00:00 UTC'], superseded: [] },
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
