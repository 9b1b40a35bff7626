// First map paint in real Chromium, with 100,000 incidents (BENCH_ROWS to change) against a
// baseline run in the same process — the same page over the demo alone (35 incidents). Two times
// per page load, from navigation: the first paint (zones and incidents on screen: the 2D preview,
// or the WebGL map if it came first) and the interactive map (MapLibre loaded, incidents drawn
// by WebGL). Both servers serve the same build; each page load is a fresh browser context, so
// nothing is cached between runs but the server's index (the first, cold load is reported on
// its own).
// Run: npm run bench:map-paint  (needs /usr/bin/chromium)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadDemo } from '../src/demo/load-demo.ts';
import { AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/server/build-server.ts';
import { openStore } from '../src/store/open-store.ts';
import { buildWeb, hasChromium, launchChromium } from '../test/browser/harness.ts';
import { importMapLoad } from './map-load.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 5;
const AT = '2018-02-18T12:00:00.000Z';

if (!hasChromium) {
  console.error('needs Debian Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(2);
}

async function server(webRoot: string, rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-paint-'));
  const ctx = new AppContext(await openStore(join(dir, 'truceline.db')));
  const demo = await loadDemo(ctx);
  if (rows > 0) await importMapLoad(ctx, rows);
  const app = buildServer(ctx, { webRoot, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const analyst = demo.accounts.find((a) => a.username === 'analyst')!;
  return {
    url: `http://127.0.0.1:${port}`,
    analyst,
    close: async () => {
      await app.close();
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Paint {
  /** Zones and incidents on screen. */
  first: number;
  /** The WebGL map loaded with its incidents drawn. */
  interactive: number;
}

const PREVIEW_SHOWS_INCIDENTS = `/incidents/.test(document.querySelector('[data-testid=map-preview] canvas')?.dataset.painted ?? '')`;
const MAP_SHOWS_INCIDENTS = `(() => { const t = window.__truceline; return !!t && t.map.loaded() &&
  t.map.queryRenderedFeatures({ layers: t.layers.incidents }).length > 0; })()`;

/** Milliseconds from navigation to each paint, in a fresh signed-in context. */
async function paint(browser: Browser, s: Awaited<ReturnType<typeof server>>): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const login = await context.request.post(`${s.url}/api/v1/auth/login`, {
    data: { username: s.analyst.username, password: s.analyst.password },
  });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
  const page = await context.newPage();
  const t = performance.now();
  await page.goto(`${s.url}/#/map?at=${AT}`);
  const wait = (expression: string) =>
    page.waitForFunction(expression, undefined, { timeout: 60_000, polling: 'raf' });
  await wait(`${PREVIEW_SHOWS_INCIDENTS} || ${MAP_SHOWS_INCIDENTS}`);
  const first = performance.now() - t;
  await wait(MAP_SHOWS_INCIDENTS);
  const interactive = performance.now() - t;
  await context.close();
  return { first, interactive };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}× baseline`;

const webRoot = await buildWeb();
const browser = await launchChromium();
const base = await server(webRoot, 0);
const t = performance.now();
const load = await server(webRoot, ROWS);
console.log(`loaded ${ROWS.toLocaleString('en-US')} incidents in ${((performance.now() - t) / 1000).toFixed(1)} s`); // prettier-ignore
try {
  const cold = await paint(browser, load);
  const baseRuns: Paint[] = [];
  const loadRuns: Paint[] = [];
  for (let r = 0; r < RUNS; r++) {
    baseRuns.push(await paint(browser, base));
    loadRuns.push(await paint(browser, load));
  }
  const rows = ROWS.toLocaleString('en-US');
  for (const key of ['first', 'interactive'] as const) {
    const b = median(baseRuns.map((p) => p[key]));
    const l = median(loadRuns.map((p) => p[key]));
    const what = key === 'first' ? 'first paint (zones and incidents on screen)' : 'interactive map (WebGL)'; // prettier-ignore
    console.log(`${what}, median of ${RUNS}:`);
    console.log(`  baseline (demo, 35 incidents): ${ms(b)}`);
    console.log(`  ${rows} incidents: ${ms(l)} (${ratio(l, b)})`);
    console.log(`  ${rows} incidents, first load (server index cold): ${ms(cold[key])} (${ratio(cold[key], b)})`); // prettier-ignore
  }
} finally {
  await browser.close();
  await base.close();
  await load.close();
  rmSync(webRoot, { recursive: true, force: true });
}
