// Screenshots of the web app for the docs: builds it, starts the server on a temp database with the
// demo, signs in as the demo's users in Chromium and saves docs/screenshots/*.png (SHOTS) at
// 1440×900. Run: node --import tsx scripts/screenshots.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
    `(() => { const m = window.__truceline?.map; return !!m && m.getLayoutProperty('zone-labels', 'visibility') !== 'none'; })()`,
  );
  // The text layers come a moment after the first complete frame; then everything settles.
  await poll(
    page,
    `(() => { const m = window.__truceline?.map; return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded(); })()`,
  );
  await page.waitForTimeout(400); // the last frame after the final setData
}

const SHOTS = [
  'sign-in.png',
  'map.png',
  'map-extension.png',
  'desk.png',
  'entry.png',
  'proposals.png',
  'editor.png',
  'report-html.png',
  'report-pdf.png',
];

type Server = Awaited<ReturnType<typeof startServer>>;

async function signedIn(browser: Browser, server: Server, username: string, hash: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const password = server.accounts.find((a) => a.username === username)!.password;
  const login = await context.request.post(`${server.url}/api/v1/auth/login`, {
    data: { username, password },
  });
  if (!login.ok()) throw new Error(`${username} could not sign in: ${login.status()}`);
  const page = await context.newPage();
  await page.goto(`${server.url}/${hash}`);
  await page.getByTestId('whoami').waitFor({ timeout: WAIT });
  return { context, page };
}

/** Incident entry as a monitor: a shelling report in Hanano picked on the map, the form filled. */
async function entryShot(server: Server, browser: Browser) {
  const { context, page } = await signedIn(browser, server, 'monitor', '#/entry');
  await page.getByTestId('entry-form').waitFor({ timeout: WAIT });
  await page.getByTestId('entry-event_type').selectOption('Explosions/Remote violence');
  await page.getByTestId('entry-sub_event_type').selectOption('Shelling/artillery/missile attack');
  await page.getByTestId('entry-actor1').fill('Unidentified artillery');
  await page.getByTestId('entry-occurred_at').fill('2018-02-21T10:30');
  await poll(page, `(() => { const m = window.__truceline?.map; return !!m && m.loaded(); })()`);
  await page.evaluate(`window.__truceline.map.jumpTo({ center: [37.19, 36.215], zoom: 12 })`);
  await page.getByTestId('entry-lon').fill('37.1942');
  await page.getByTestId('entry-lat').fill('36.2282');
  await page.getByTestId('entry-uncertainty_m').fill('250');
  await page.getByTestId('entry-location').fill('Hanano, Aleppo');
  await page.getByTestId('entry-reports-0-source').selectOption('sohr');
  await page.getByTestId('entry-reports-0-credibility').selectOption('2');
  await page.getByTestId('entry-reports-0-killed-low').fill('1');
  await page.getByTestId('entry-reports-0-killed-best').fill('2');
  await page.getByTestId('entry-reports-0-killed-high').fill('3');
  await poll(
    page,
    `(() => { const m = window.__truceline?.map; return !!m && m.loaded() && m.areTilesLoaded(); })()`,
  );
  // The top of the form, nothing focused (the last field filled scrolled the page).
  await page.evaluate(
    `(() => { document.activeElement?.blur(); for (const e of document.querySelectorAll('*')) if (e.scrollTop) e.scrollTop = 0; window.scrollTo(0, 0); })()`,
  );
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, 'entry.png') });
  await context.close();
}

/** The zone editor as the mediator: the Aleppo version in force with the neighbourhood lines. */
async function editorShot(server: Server, browser: Browser) {
  const { context, page } = await signedIn(browser, server, 'mediator', '#/editor');
  await page.getByTestId('editor-screen').waitFor({ timeout: WAIT });
  await poll(
    page,
    `document.querySelectorAll('[data-testid="editor-zone"]').length > 0 &&
     [...document.querySelectorAll('[data-testid="editor-zone"]')].every((e) => e.textContent.includes('km²'))`,
  );
  await poll(
    page,
    `(() => { const m = window.__truceline?.map; return !!m && m.loaded() && m.areTilesLoaded(); })()`,
  );
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, 'editor.png') });
  await context.close();
}

/** Reports as the analyst: the 21 February report in the page, and page 1 of its PDF (pdftoppm). */
async function reportShots(server: Server, browser: Browser, tmp: string) {
  const { context, page } = await signedIn(browser, server, 'analyst', '#/reports');
  await page.getByTestId('report-date').fill('2018-02-21');
  await page.getByTestId('report-show').click();
  await page.frameLocator('[data-testid="report-frame"]').locator('h1').waitFor({ timeout: WAIT });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'report-html.png') });
  const pdf = await context.request.get(
    `${server.url}/api/v1/reports/daily?date=2018-02-21&format=pdf`,
  );
  if (!pdf.ok()) throw new Error(`the PDF report failed: ${pdf.status()} ${await pdf.text()}`);
  const file = join(tmp, 'report.pdf');
  writeFileSync(file, await pdf.body());
  // pdftoppm (Debian poppler-utils) writes <prefix>.png for a single page with -singlefile.
  const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, 'report-pdf')]); // prettier-ignore
  if (r.error || r.status !== 0)
    throw new Error('pdftoppm failed (apt-get install -y poppler-utils): ' + (r.error?.message ?? r.stderr.toString())); // prettier-ignore
  await context.close();
}

async function proposalsShot(server: Server, browser: Browser) {
  const open = (await server.ctx.store.listProposals({ agreementId: 'damascus-coh' })).find(
    (p) => p.status === 'open',
  );
  if (!open) throw new Error('the demo has no open damascus-coh proposal');
  const { context, page } = await signedIn(
    browser,
    server,
    `liaison-${open.required[0]!.toLowerCase()}`,
    `#/proposals?id=${open.id}`,
  );
  await page.getByTestId('proposal-view').waitFor({ timeout: WAIT });
  await poll(
    page,
    `(() => { const m = window.__truceline?.map; return !!m && m.loaded() && m.areTilesLoaded(); })()`,
  );
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, 'proposals.png'), fullPage: true });
  await context.close();
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

    // Agreements & proposals, as a liaison: the open Damascus extension with one party signed.
    await entryShot(server, browser);
    await proposalsShot(server, browser);
    await editorShot(server, browser);
    await reportShots(server, browser, dbDir);
    process.stdout.write(`Saved ${SHOTS.join(', ')} in ${OUT}\n`);
  } finally {
    await browser.close();
    await server.app.close();
    await server.ctx.close();
    rmSync(dbDir, { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  }
}

await main();
