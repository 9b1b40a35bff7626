// The violation desk, live: analyst A and monitor B each have the desk open in their own browser;
// A takes a flagged violation under review with the keyboard alone, and B's row for it changes
// status without a reload, pushed by the server-sent event stream.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { poll, signIn, WAIT, type Harness } from './harness.ts';

const rowSelector = (id: string, status?: string) =>
  `[data-testid="queue-row"][data-violation-id=${JSON.stringify(id)}]${status ? `[data-status="${status}"]` : ''}`;

/** Signs in and opens the desk: by its address, or from the map with the header link. */
async function openDesk(h: Harness, username: string, via: 'address' | 'nav' = 'address') {
  const session = await signIn(h, username, via === 'address' ? '#/desk' : '#/map');
  const { page } = session;
  if (via === 'nav') {
    await page.getByTestId('zones-in-force').waitFor({ timeout: WAIT });
    await page.getByTestId('nav-desk').click();
  }
  await page.getByTestId('desk').waitFor({ timeout: WAIT });
  await page.locator('[data-testid="live"]:text-is("live")').waitFor({ timeout: WAIT });
  await page.getByTestId('queue-row').first().waitFor({ timeout: WAIT });
  return session;
}

const rows = (page: Page) =>
  page.$$eval('[data-testid="queue-row"]', (els) =>
    els.map((e) => ({
      id: e.getAttribute('data-violation-id')!,
      status: e.getAttribute('data-status')!,
    })),
  );

export function deskCases(h: () => Harness) {
  it('lets an analyst triage by keyboard while a monitor sees the row change live', async () => {
    const a = await openDesk(h(), 'analyst', 'nav');
    const b = await openDesk(h(), 'monitor');
    try {
      // B's page must not reload: a marker set now must still be there at the end.
      await b.page.evaluate('window.__noReload = true');
      const queue = await rows(a.page);
      const index = queue.findIndex((r) => r.status === 'flagged');
      expect(index).toBeGreaterThanOrEqual(0);
      const target = queue[index]!.id;
      await b.page.locator(rowSelector(target, 'flagged')).waitFor({ timeout: WAIT });

      // Keyboard only: focus the first row, j down to the target, Enter, note, Ctrl+Enter.
      await a.page.getByTestId('queue-row').first().focus();
      for (let i = 0; i < index; i++) await a.page.keyboard.press('j');
      await a.page
        .locator(`${rowSelector(target)}[aria-selected="true"]`)
        .waitFor({ timeout: WAIT });
      await a.page.keyboard.press('Enter');
      const form = a.page.getByTestId('review-form');
      await form.waitFor({ timeout: WAIT });
      expect(await form.getAttribute('data-violation-id')).toBe(target);
      expect(await a.page.getByTestId('review-action').inputValue()).toBe('under_review');
      await a.page.keyboard.press('Tab');
      await a.page.keyboard.type('Two sources disagree on the time; taking it under review.');
      await a.page.keyboard.press('Control+Enter');
      await form.waitFor({ state: 'detached', timeout: WAIT });
      await a.page.locator(rowSelector(target, 'under_review')).waitFor({ timeout: WAIT });

      // B: the same row, now under review, pushed live and highlighted as just changed.
      await b.page.locator(rowSelector(target, 'under_review')).waitFor({ timeout: WAIT });
      expect(await b.page.getByTestId('live').textContent()).toContain('live');
      expect(await b.page.evaluate('window.__noReload === true')).toBe(true);
      const fresh = await b.page.locator(rowSelector(target)).getAttribute('data-fresh');
      expect(fresh).toBe('true');

      // A monitor may only triage: B is offered no step on the row A moved.
      await b.page.locator(rowSelector(target)).click();
      await b.page.keyboard.press('Enter');
      await b.page.getByTestId('review-form').waitFor({ timeout: WAIT });
      expect(await b.page.getByTestId('review-action').count()).toBe(0);
      await b.page.keyboard.press('Escape');
      await b.page.getByTestId('review-form').waitFor({ state: 'detached', timeout: WAIT });
      expect([...a.errors, ...b.errors]).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('shows a server error inline in the review form', async () => {
    const a = await openDesk(h(), 'analyst');
    try {
      const queue = await rows(a.page);
      const target = queue.find((r) => r.status === 'flagged')!;
      await a.page.locator(rowSelector(target.id)).click();
      await a.page.keyboard.press('Enter');
      await a.page.getByTestId('review-form').waitFor({ timeout: WAIT });
      await a.page.getByTestId('review-action').selectOption('under_review');
      // A note the client accepts but the server refuses once trimmed ("a review step needs a note").
      await a.page.getByTestId('review-note').fill('  ab   ');
      await a.page.getByTestId('review-submit').click();
      await a.page.getByTestId('review-error').waitFor({ timeout: WAIT });
      expect(
        await poll<boolean>(a.page, `!!document.querySelector('[data-testid="review-form"]')`),
      ).toBe(true);
    } finally {
      await a.context.close();
    }
  });
}
