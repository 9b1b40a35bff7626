// PDF from the report's own HTML, printed by headless Chromium (the same engine the browser tests
// use; never a downloaded browser). Chromium is found at $TRUCELINE_CHROMIUM or /usr/bin/chromium;
// without it the caller gets a clear `unavailable` error, never a half-written file.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../../domain/errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.TRUCELINE_CHROMIUM || DEFAULT_CHROMIUM;
}

/** Headless Debian Chromium, quiet: no sandbox (containers), no background network or updates. */
export function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Headless Chromium still builds a browser window's own web UI (the omnibox popup) for
      // every new context: seconds of CPU on a small machine, nothing a page under test uses.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
    ],
  });
}

export async function htmlToPdf(html: string, executablePath = chromiumPath()): Promise<Buffer> {
  if (!existsSync(executablePath))
    throw new AppError(
      'unavailable',
      `a PDF needs Chromium, which is not at ${executablePath}: install it (apt-get install -y chromium) or set TRUCELINE_CHROMIUM; the html and md formats work without it`,
      'format',
    );
  const browser = await launchChromium(executablePath);
  try {
    const page = await browser.newPage();
    // The HTML is self-contained: nothing to fetch, so the load event means laid out.
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">' +
        '<span class="title"></span> · page <span class="pageNumber"></span> of ' +
        '<span class="totalPages"></span></div>',
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
  }
}
