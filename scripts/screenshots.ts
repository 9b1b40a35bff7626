// Screenshots of the web app for the docs: builds it, starts the server on a temp database with the
// demo, signs in as the demo analyst in Chromium and saves docs/screenshots/{sign-in,map,
// map-extension,desk}.png at 1440×900. Run: node --import tsx scripts/screenshots.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  buildWeb,
  CHROMIUM,
  hasChromium,
  launchChromium,
  poll,
  startServer,
  WAIT,
} from '../test/browser/harness.ts';
import { ROOT } from '../test/helpers.ts';

const OUT = join(ROOT, 'docs/screenshots');
const VIEWPORT = { width: 1440, height: 900 };

/** Until the map has drawn everything it was given and the incident count is in. */
async function mapSettled(page: Page) {
  await page
    .locator('[data-testid="zones-in-force"][aria-busy="false"]')
    .waitFor({ timeout: WAIT });
  await poll(
    page,
    `/^\\d+$/.test(document.querySelector('[data-testid="incident-count"]')?.textContent ?? '')`,
  );
  await poll(
    page,
    `(() => { const m = window.__truceline?.map; return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded(); })()`,
  );
  await page.waitForTimeout(400); // the last frame after the final setData
}

async function main() {
  if (!hasChromium) throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install -y chromium)`);
  mkdirSync(OUT, { recursive: true });
  const webRoot = await buildWeb();
  const dbDir = mkdtempSync(join(tmpdir(), 'truceline-shots-'));
  const server = await startServer(webRoot, dbDir);
  const browser = await launchChromium();
  try {
    const password = server.accounts.find((a) => a.username === 'analyst')!.password;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();

    await page.goto(`${server.url}/#/map?at=2018-02-21T12:00:00Z`);
    await page.getByTestId('login-username').fill('analyst');
    await page.getByTestId('login-password').fill(password);
    await page.screenshot({ path: join(OUT, 'sign-in.png') });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('whoami').waitFor({ timeout: WAIT });

    // Aleppo on 21 February: the safe zones, the no-fly zone, the corridor and the hatched Aleppo
    // city carved out of the northern truce; a certain violation open in the details panel.
    await mapSettled(page);
    await page.evaluate(`window.__truceline.map.jumpTo({ center: [37.19, 36.215], zoom: 12.8 })`);
    await mapSettled(page);
    await page
      .getByTestId('incident-item')
      .filter({ hasText: 'DEMO-0029' })
      .first()
      .dispatchEvent('click');
    await page
      .getByTestId('incident-details')
      .locator('[data-testid="incident-violation"]')
      .first()
      .waitFor({ timeout: WAIT });
    await mapSettled(page);
    await page.screenshot({ path: join(OUT, 'map.png') });

    // Damascus and its eastern suburbs on 19 February, during the 48-hour extension (v2).
    await page.getByTestId('time-input').fill('2018-02-19T12:00');
    await page
      .locator('[data-testid="instant"]:text-is("2018-02-19T12:00:00Z")')
      .waitFor({ timeout: WAIT });
    await page.evaluate(`window.__truceline.map.jumpTo({ center: [36.45, 33.55], zoom: 10.2 })`);
    await page.locator('[data-testid="zone-item"][data-agreement="damascus-coh"] button').click();
    await page.getByTestId('zone-details').waitFor({ timeout: WAIT });
    await page.evaluate(`document.querySelector('.sidebar').scrollTop = 0`);
    await mapSettled(page);
    await page.screenshot({ path: join(OUT, 'map-extension.png') });

    // The desk: a shift open, one violation taken under review, the form open on the next one.
    await page.getByTestId('nav-desk').click();
    await page.locator('[data-testid="live"]:text-is("live")').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'Start a shift' }).click();
    await page.getByTestId('handover-notes').waitFor({ timeout: WAIT });
    const flagged = () => page.locator('[data-testid="queue-row"][data-status="flagged"]');
    await flagged().nth(2).click();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('review-note')
      .fill('Air strike inside the no-fly zone; checking the sources.');
    await page.keyboard.press('Control+Enter');
    await page
      .locator('[data-testid="queue-row"][data-status="under_review"]')
      .waitFor({ timeout: WAIT });
    await flagged().nth(0).click();
    await page.keyboard.press('Enter');
    await page.getByTestId('review-note').fill('Two independent sources; taking it under review.');
    await page.screenshot({ path: join(OUT, 'desk.png') });
    await context.close();
    process.stdout.write(`Saved sign-in.png, map.png, map-extension.png and desk.png in ${OUT}\n`);
  } finally {
    await browser.close();
    await server.app.close();
    await server.ctx.close();
    rmSync(dbDir, { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  }
}

await main();
