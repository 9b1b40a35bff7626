// The live map: zones in force listed and drawn, incidents counted and drawn (what MapLibre
// renders, read with queryRenderedFeatures), incident details, no request leaves the server's
// origin (the base map is offline), and the instant moving the Damascus truce from v1 to its extension.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fitCamera, projector } from '../../web/src/map/camera.ts';
import { SYRIA_BOUNDS } from '../../web/src/map/geo.ts';
import { poll, signIn, WAIT, type Harness } from './harness.ts';

interface ZoneItem {
  key: string;
  agreement: string;
  version: string;
}

/** The zone list once it has settled on `at` (the instant shown and the list agree). */
async function zonesAt(page: Page, at: string): Promise<ZoneItem[]> {
  await page.getByTestId('time-input').fill(at.slice(0, 16));
  await page.locator(`[data-testid="instant"]:text-is("${at}")`).waitFor({ timeout: WAIT });
  await page
    .locator(`[data-testid="zones-in-force"][data-at="${at}"][aria-busy="false"]`)
    .waitFor({ timeout: WAIT });
  return page.$$eval('[data-testid="zone-item"]', (els) =>
    els.map((e) => ({
      key: e.getAttribute('data-zone-key') ?? '',
      agreement: e.getAttribute('data-agreement') ?? '',
      version: e.getAttribute('data-version') ?? '',
    })),
  );
}

/** Rendered features of the zone or incident layers, counted in the page. */
const rendered = (page: Page, which: 'zones' | 'incidents') =>
  poll<number>(
    page,
    `(() => {
    const t = window.__truceline;
    if (!t || !t.map.loaded()) return 0;
    return t.map.queryRenderedFeatures({ layers: t.layers['${which}'] }).length;
  })()`,
  );

export function mapCases(h: () => Harness) {
  it('shows the zones in force and the incidents, drawn by MapLibre from local data only', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst');
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    try {
      await page.getByTestId('zone-item').first().waitFor({ timeout: WAIT });
      // Opened at now: the open-ended Aleppo safe zones are in force.
      const keys = await page.$$eval('[data-testid="zone-item"]', (els) =>
        els.map((e) => e.getAttribute('data-agreement')),
      );
      expect(keys).toContain('aleppo-safe-zones');
      const count = await poll<number>(
        page,
        `(() => { const n = Number(document.querySelector('[data-testid="incident-count"]')?.textContent); return n > 0 ? n : 0; })()`,
      );
      expect(count).toBeGreaterThan(0);
      expect(await rendered(page, 'zones')).toBeGreaterThan(0);
      expect(await rendered(page, 'incidents')).toBeGreaterThan(0);
      expect(await page.getByTestId('map-error').count()).toBe(0);
      expect(
        [...origins].filter((o) => o !== h().url && !o.startsWith('blob:') && o !== 'null'),
      ).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('paints a first frame of zones and incidents on the view the WebGL map then opens on, and gives way to it', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst', '#/map?at=2018-02-17T12:00:00Z');
    try {
      // Every state the preview reports, and whether the WebGL map had drawn incidents by then.
      await page.addInitScript({
        content: `window.__previewLog = [];
          new MutationObserver((records) => {
            for (const r of records) if (r.attributeName === 'data-painted') window.__previewLog.push(r.target.dataset.painted);
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-painted'] });`,
      });
      await page.reload();
      await page.getByTestId('map-preview').waitFor({ state: 'attached', timeout: WAIT });
      expect(await page.getByRole('status').filter({ hasText: 'Loading the interactive map' }).count()).toBe(1); // prettier-ignore
      expect(await rendered(page, 'incidents')).toBeGreaterThan(0);
      // The WebGL map has drawn: the preview is gone, after it showed the base map, zones and incidents.
      await page.getByTestId('map-preview').waitFor({ state: 'detached', timeout: WAIT });
      const log = await page.evaluate('window.__previewLog');
      expect(log).toContain('base zones incidents');

      // The map opened on the preview's camera: the same zoom, centre and pixel for every vertex.
      const seen = await page.evaluate(`(() => {
        const m = window.__truceline.map;
        const c = m.getContainer();
        const zone = m.querySourceFeatures('zones')[0];
        const ring = zone.geometry.type === 'Polygon' ? zone.geometry.coordinates[0] : zone.geometry.coordinates[0][0];
        const points = ring.slice(0, 8).map(([lon, lat]) => ({ lon, lat, ...m.project([lon, lat]) }));
        return { width: c.clientWidth, height: c.clientHeight, zoom: m.getZoom(), points };
      })()`);
      const { width, height, zoom, points } = seen as {
        width: number;
        height: number;
        zoom: number;
        points: { lon: number; lat: number; x: number; y: number }[];
      };
      const camera = fitCamera(SYRIA_BOUNDS, width, height);
      expect(zoom).toBeCloseTo(camera.zoom, 6);
      const project = projector(camera);
      expect(points.length).toBeGreaterThan(3);
      for (const p of points) {
        const [x, y] = project(p.lon, p.lat);
        expect(Math.abs(x - p.x)).toBeLessThan(0.5);
        expect(Math.abs(y - p.y)).toBeLessThan(0.5);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the still picture, and says why, in a browser that cannot make a WebGL map', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst', '#/map?at=2018-02-17T12:00:00Z');
    try {
      await page.addInitScript({
        content: `const getContext = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
            return /webgl/.test(type) ? null : getContext.call(this, type, ...rest);
          };`,
      });
      await page.reload();
      await page.getByTestId('map-error').filter({ hasText: 'could not start' }).waitFor({ timeout: WAIT }); // prettier-ignore
      expect(await page.getByTestId('map-error').textContent()).toMatch(/still picture/);
      const preview = page.getByTestId('map-preview');
      await preview
        .locator('canvas[data-painted="base zones incidents"]')
        .waitFor({ timeout: WAIT });
      expect(await preview.getByRole('status').count()).toBe(0);
      expect(await page.getByTestId('zone-item').count()).toBeGreaterThan(0);
      // A smaller window: the picture is drawn again for the new size, not stretched.
      await page.setViewportSize({ width: 1100, height: 700 });
      await poll(
        page,
        `(() => { const c = document.querySelector('[data-testid="map-preview"] canvas');
          const m = document.querySelector('[data-testid="map"]');
          return c.width === Math.round(m.clientWidth * devicePixelRatio) && c.height === Math.round(m.clientHeight * devicePixelRatio); })()`,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('moves the Damascus truce from v1 to its 48-hour extension as the instant passes 18 February', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst');
    try {
      // damascus-coh v1 is in force [16 Feb, 18 Feb), the extension v2 [16 Feb, 20 Feb).
      const before = await zonesAt(page, '2018-02-15T12:00:00Z');
      expect(before.some((z) => z.agreement === 'damascus-coh')).toBe(false);
      expect(before.some((z) => z.agreement === 'syria-north-coh')).toBe(true);

      const during = await zonesAt(page, '2018-02-17T12:00:00Z');
      const damascus = during.filter((z) => z.agreement === 'damascus-coh');
      expect(damascus.map((z) => z.version)).toContain('v1');
      expect(damascus.every((z) => z.key === 'damascus-eastern-suburbs')).toBe(true);

      const extended = await zonesAt(page, '2018-02-19T12:00:00Z');
      const versions = extended.filter((z) => z.agreement === 'damascus-coh').map((z) => z.version);
      expect(versions).toEqual(['v2']);
      expect(extended.some((z) => z.agreement === 'aleppo-safe-zones')).toBe(true);
      const zones = await rendered(page, 'zones');
      expect(zones).toBeGreaterThan(0);

      const after = await zonesAt(page, '2018-02-20T12:00:00Z');
      expect(after.some((z) => z.agreement === 'damascus-coh')).toBe(false);

      // The slider moves the same instant, an hour per arrow key.
      await page.getByTestId('time-slider').focus();
      await page.keyboard.press('ArrowRight');
      await page
        .locator('[data-testid="instant"]:text-is("2018-02-20T13:00:00Z")')
        .waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens an incident with its graded reports, casualties and violations, and draws its uncertainty disk on hover', async () => {
    const { context, page, errors } = await signIn(h(), 'analyst', '#/map?at=2018-02-17T12:00:00Z');
    try {
      // Zoom in on eastern Damascus so the demo incidents there are single points.
      await poll(
        page,
        `(() => { const t = window.__truceline; if (!t || !t.map.loaded()) return false; t.map.jumpTo({ center: [36.37, 33.545], zoom: 13 }); return true; })()`,
      );
      await page.getByTestId('incident-item').first().waitFor({ state: 'attached', timeout: WAIT });
      const point = await poll<{ x: number; y: number }>(
        page,
        `(() => {
          const t = window.__truceline;
          const r = t.map.getCanvas().getBoundingClientRect();
          // A certain violation with an uncertainty disk, clear of the map's controls and panels.
          const hit = t.map
            .queryRenderedFeatures({ layers: ['incident-points'] })
            .filter((f) => f.properties.uncertainty_m > 0 && f.properties.violation === 'certain')
            .map((f) => t.map.project(f.geometry.coordinates))
            .find((p) => p.x > 60 && p.x < r.width - 440 && p.y > 60 && p.y < r.height - 80);
          return hit ? { x: r.left + hit.x, y: r.top + hit.y } : null;
      })()`,
      );
      await page.mouse.move(point.x, point.y);
      expect(
        await poll<number>(
          page,
          `window.__truceline.map.queryRenderedFeatures({ layers: ['incident-hover-fill'] }).length`,
        ),
      ).toBeGreaterThan(0);
      await page.mouse.click(point.x, point.y);
      const details = page.getByTestId('incident-details');
      await details.locator('[data-testid="incident-report"]').first().waitFor({ timeout: WAIT });
      const text = (await details.textContent()) ?? '';
      expect(text).toMatch(/Killed \(low \/ best \/ high\)/);
      expect(text).toMatch(/[A-F][1-6]/); // an Admiralty grade such as B2
      await details
        .locator('[data-testid="incident-violation"]')
        .first()
        .waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
