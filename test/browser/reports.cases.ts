// Reports: the analyst asks for the demo's report of 21 February, reads it in the page (early
// warning first, a figure followed to its rows in the appendix) and downloads the Markdown; a bad
// time zone is refused with the server's message; a liaison has no Reports screen.
import { expect, it } from 'vitest';
import { signIn, WAIT, type Harness } from './harness.ts';

export function reportCases(h: () => Harness) {
  it('shows the daily report, follows a figure to its rows, and downloads it', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst');
    try {
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('reports-screen').waitFor({ timeout: WAIT });
      await page.getByTestId('report-date').fill('2018-02-21');
      await page.getByTestId('report-show').click();
      const frame = page.frameLocator('[data-testid="report-frame"]');
      await frame.locator('h1').waitFor({ timeout: WAIT });
      expect(await frame.locator('h1').textContent()).toContain('21 February 2018');
      // The first non-zero figure links to an entry listing its rows, each a row of the appendix.
      const target = await frame.locator('a[href^="#fig-"]').evaluateAll(
        (as) =>
          as
            .find((a) => Number((a.textContent ?? '').replace(/[^0-9]/g, '')) > 0)
            ?.getAttribute('href')
            ?.slice(1) ?? '',
      );
      expect(target).not.toBe('');
      const entry = frame.locator(`[id="${target}"]`);
      expect(await entry.count()).toBe(1);
      const rows = await entry
        .locator('a[href^="#"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
      expect(rows.length).toBeGreaterThan(0);
      for (const id of rows.slice(0, 5))
        expect(await frame.locator(`[id="${id}"]`).count()).toBe(1);

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: WAIT }),
        page.getByTestId('report-download-md').click(),
      ]);
      expect(download.suggestedFilename()).toBe('truceline-daily-2018-02-21.md');

      await page.getByTestId('report-tz').fill('Mars/Olympus');
      await page.getByTestId('report-show').click();
      await page.getByTestId('report-error').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('report-error').textContent()).toMatch(/tz.*IANA time zone/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no Reports screen for a liaison', async () => {
    const party = (await h().ctx.store.listParties())[0]!.id;
    const { context, page } = await signIn(h(), `liaison-${party.toLowerCase()}`, '#/reports');
    try {
      await page.getByTestId('nav-map').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('nav-reports').count()).toBe(0);
      expect(await page.getByTestId('reports-screen').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
}
