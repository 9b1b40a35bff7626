// Browser test harness: builds the web app once (Vite's JS API) into a temp folder, starts the real
// server on a temp SQLite file with the demo loaded, and launches Debian's Chromium with
// playwright-core. The demo's accounts come back from the demo loader with their passwords.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import type { AppContext } from '../../src/app/context.ts';
import { openAppContext } from '../../src/app/upgrade-tasks.ts';
import { loadDemo, type DemoAccount } from '../../src/demo/load-demo.ts';
import { launchChromium as launchHeadless } from '../../src/report/output/html-to-pdf.ts';
import { ROOT, testServer } from '../helpers.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Generous: WebGL runs in software (SwiftShader) and two cores may be busy with other tests. */
export const WAIT = 30_000;

export interface Harness {
  url: string;
  browser: Browser;
  ctx: AppContext;
  account: (username: string) => DemoAccount;
  close: () => Promise<void>;
}

/** Builds web/ into `outDir` (a temp folder by default) and returns it. */
export async function buildWeb(outDir = mkdtempSync(join(tmpdir(), 'truceline-web-'))) {
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** The same Chromium launch the PDF report uses, at CHROMIUM. */
export const launchChromium = (): Promise<Browser> => launchHeadless(CHROMIUM);

/** The real server (real clock) on a temp database with the demo, serving the built app. */
export async function startServer(webRoot: string, dbDir: string) {
  const ctx = await openAppContext(join(dbDir, 'truceline.db'));
  const demo = await loadDemo(ctx);
  const app: FastifyInstance = testServer(ctx, { webRoot, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ctx, app, url: `http://127.0.0.1:${port}`, accounts: demo.accounts };
}

export async function startHarness(): Promise<Harness> {
  const webRoot = await buildWeb();
  const dbDir = mkdtempSync(join(tmpdir(), 'truceline-browser-'));
  const server = await startServer(webRoot, dbDir);
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    ctx: server.ctx,
    account: (username) => {
      const a = server.accounts.find((x) => x.username === username);
      if (!a) throw new Error(`the demo has no account ${username}`);
      return a;
    },
    close: async () => {
      await browser.close();
      await server.app.close();
      await server.ctx.close();
      rmSync(dbDir, { recursive: true, force: true });
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (its own cookies) at 1440×900, signed in as `username`. */
export async function signIn(
  h: Pick<Harness, 'url' | 'browser' | 'account'>,
  username: string,
  hash = '#/map',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Uncaught exceptions in the page (a crashed React tree shows a blank page): tests expect none.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/${hash}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(h.account(username).password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('whoami').waitFor({ timeout: WAIT });
  return { context, page, errors };
}

/**
 * Waits until `expression` (JavaScript run in the page, where `window.__truceline.map` is the map)
 * is truthy, and returns its value. A string, because this code is type-checked without the DOM.
 */
export async function poll<T = unknown>(
  page: Page,
  expression: string,
  timeout = WAIT,
): Promise<T> {
  // Not page.waitForFunction: it evaluates a string with eval in the page, which the app's
  // Content-Security-Policy forbids (no 'unsafe-eval'); page.evaluate goes through DevTools.
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`poll: timed out after ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
