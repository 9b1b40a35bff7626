// Agreements & proposals: a liaison of a party required on the demo's open Damascus extension opens
// it, sees the party states and the map diff, makes a signing key in the browser (WebCrypto
// Ed25519, kept in IndexedDB, registered as the party's public key) and signs the digest; the
// party's state turns to signed, and the server agrees — and a mediator watching the proposal in
// another browser sees the signature arrive live.
import { expect, it } from 'vitest';
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
}
