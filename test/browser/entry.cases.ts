// Incident entry: a monitor picks a point inside a demo safe zone by clicking the map, fills the
// form and saves; the confirmation lists the violation the server detected, and the store has the
// incident. A bad input (an interval that ends before it starts, then a best estimate below the
// low) is refused next to the field it names and nothing is saved. A pasted article gives claims;
// one used as an incident is saved and accepted, another rejected with its reason. The public role
// has no incident entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { inRing } from '../../src/geo/geometry-predicates.ts';
import { ROOT } from '../helpers.ts';
import { poll, signIn, WAIT, type Harness } from './harness.ts';

const SAFE_ZONE = 'sz-hanano';

/** A point well inside the demo's Hanano safe zone (the data the server loaded). */
function pointInSafeZone(): [number, number] {
  const doc = JSON.parse(
    readFileSync(join(ROOT, 'data/demo/agreements/aleppo-safe-zones.json'), 'utf8'),
  ) as {
    versions: {
      zones: { features: { id: string; geometry: { type: string; coordinates: unknown } }[] };
    }[];
  };
  const zone = doc.versions[0]!.zones.features.find((f) => f.id === SAFE_ZONE)!;
  expect(zone.geometry.type).toBe('Polygon');
  const ring = (zone.geometry.coordinates as Position[][])[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The grid point inside the ring farthest from its vertices, so a pixel's error stays inside.
  let best: [number, number] = [NaN, NaN];
  let bestDistance = -1;
  for (let i = 1; i < 40; i++)
    for (let j = 1; j < 40; j++) {
      const x = w + ((e - w) * i) / 40;
      const y = s + ((n - s) * j) / 40;
      if (!inRing(x, y, ring)) continue;
      const d = Math.min(...ring.map((p) => Math.hypot(p[0]! - x, p[1]! - y)));
      if (d > bestDistance) [best, bestDistance] = [[x, y], d];
    }
  expect(bestDistance).toBeGreaterThan(0);
  return best;
}

/** Zooms the pick map onto `target` and returns its page position once the safe zone is drawn there. */
function projectOnMap(page: Page, target: [number, number]) {
  return poll<{ x: number; y: number }>(
    page,
    `(() => {
      const t = window.__truceline;
      if (!t || !t.map.loaded()) return null;
      const target = ${JSON.stringify(target)};
      if (Math.abs(t.map.getZoom() - 14) > 0.01) t.map.jumpTo({ center: target, zoom: 14 });
      const p = t.map.project(target);
      const drawn = t.map
        .queryRenderedFeatures(p, { layers: t.layers.zones })
        .some((f) => f.properties.key === ${JSON.stringify(SAFE_ZONE)});
      if (!drawn) return null;
      const r = t.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    })()`,
  );
}

const field = (page: Page, name: string) =>
  page.locator(`[data-testid="field-error"][data-field="${name}"]`);

async function openEntry(h: Harness) {
  const session = await signIn(h, 'monitor', '#/entry');
  await session.page.getByTestId('entry-form').waitFor({ timeout: WAIT });
  return session;
}

const ARTICLE = [
  'Shelling hits eastern Aleppo despite new safe zones',
  '',
  'Monitors said on Tuesday that artillery shells struck the Hanano district of Aleppo, breaking the calm that had held since the safe zones took effect.',
  '',
  'Four civilians were killed and eleven people were wounded in shelling of the Hanano district of Aleppo on Tuesday, according to the Syrian Observatory for Human Rights.',
  '',
  'Diplomats in Geneva said a new proposal was being discussed by the parties.',
].join('\n');

export function entryCases(h: () => Harness) {
  it('records an incident picked on the map inside a safe zone and shows its violation', async () => {
    const target = pointInSafeZone();
    const { context, page, errors } = await signIn(h(), 'monitor');
    try {
      await page.getByTestId('nav-entry').click();
      await page.getByTestId('entry-form').waitFor({ timeout: WAIT });
      await page.getByTestId('entry-event_type').selectOption('Explosions/Remote violence');
      await page.getByTestId('entry-sub_event_type').selectOption('Shelling/artillery/missile attack'); // prettier-ignore
      await page.getByTestId('entry-actor1').fill('Unidentified artillery');
      // The Aleppo safe zones are in force from 19 February 2018, open-ended.
      await page.getByTestId('entry-occurred_at').fill('2018-02-21T10:30');
      expect(await page.getByTestId('entry-time-span').textContent()).toContain('2018-02-21 10:30 UTC'); // prettier-ignore

      await page.getByTestId('pick-map').scrollIntoViewIfNeeded();
      const at = await projectOnMap(page, target);
      await page.mouse.click(at.x, at.y);
      const lon = Number(await page.getByTestId('entry-lon').inputValue());
      const lat = Number(await page.getByTestId('entry-lat').inputValue());
      expect(Math.abs(lon - target[0])).toBeLessThan(0.0005);
      expect(Math.abs(lat - target[1])).toBeLessThan(0.0005);
      // The picked point is drawn.
      expect(
        await poll<number>(
          page,
          `window.__truceline.map.queryRenderedFeatures({ layers: ['entry-pick-point'] }).length`,
        ),
      ).toBeGreaterThan(0);

      await page.getByTestId('entry-uncertainty_m').fill('50');
      await page.getByTestId('entry-location').fill('Hanano, Aleppo');
      await page.getByTestId('entry-reports-0-source').selectOption('sohr');
      await page.getByTestId('entry-reports-0-credibility').selectOption('2');
      await page.getByTestId('entry-reports-0-reference').fill('https://example.org/sohr/1');
      await page.getByTestId('entry-reports-0-killed-low').fill('1');
      await page.getByTestId('entry-reports-0-killed-best').fill('2');
      await page.getByTestId('entry-reports-0-killed-high').fill('3');
      await page.getByTestId('entry-reports-0-injured-best').fill('5');
      await page.getByTestId('entry-reports-0-civilians_killed').fill('2');
      await page.getByTestId('entry-fatalities').fill('1');
      await page.getByTestId('entry-submit').click();

      const saved = page.getByTestId('entry-saved');
      await saved.waitFor({ timeout: WAIT });
      const id = (await page.getByTestId('entry-saved-id').textContent())!;
      expect(await saved.getAttribute('data-incident-id')).toBe(id);
      await page
        .locator(`[data-testid="entry-saved-violation"][data-zone-key="${SAFE_ZONE}"]`)
        .waitFor({ timeout: WAIT });
      expect(await page.getByTestId('entry-saved-map-link').getAttribute('href')).toBe(
        '#/map?at=2018-02-21T10%3A30%3A00.000Z',
      );

      const incident = await h().ctx.store.getIncident(id);
      expect(incident).toMatchObject({
        eventType: 'Explosions/Remote violence',
        subEventType: 'Shelling/artillery/missile attack',
        occurredFrom: Date.parse('2018-02-21T10:30:00Z'),
        uncertaintyM: 50,
        fatalities: 1,
        location: 'Hanano, Aleppo',
      });
      expect(Math.abs(incident!.lon - target[0])).toBeLessThan(0.0005);
      const reports = await h().ctx.store.listReports([id]);
      expect(reports.map((r) => [r.sourceId, r.credibility, r.killed])).toEqual([
        ['sohr', 2, { low: 1, best: 2, high: 3 }],
      ]);
      const violations = await h().ctx.store.listViolations({ incidentId: id });
      expect(violations.items.map((v) => v.zoneKey)).toContain(SAFE_ZONE);
      // The form is ready for the next incident.
      expect(await page.getByTestId('entry-lon').inputValue()).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a bad input next to the field it names and saves nothing', async () => {
    const { total: before } = await h().ctx.store.listIncidents({ limit: 1 });
    const { context, page, errors } = await openEntry(h());
    try {
      await page.getByTestId('entry-event_type').selectOption('Battles');
      await page.getByTestId('entry-time-mode-interval').check();
      await page.getByTestId('entry-occurred_from').fill('2018-02-21T12:00');
      await page.getByTestId('entry-occurred_until').fill('2018-02-21T09:00');
      await page.getByTestId('entry-lon').fill('37.2');
      await page.getByTestId('entry-lat').fill('36.23');
      await page.getByTestId('entry-submit').click();

      // The server's refusal, next to "Until" and in the summary; the field is marked invalid.
      await field(page, 'occurred_until').waitFor({ timeout: WAIT });
      expect(await field(page, 'occurred_until').textContent()).toContain('later than');
      expect(await page.getByTestId('entry-error-summary').textContent()).toContain('Until');
      expect(await page.getByTestId('entry-occurred_until').getAttribute('aria-invalid')).toBe(
        'true',
      );

      // Fixed; now two problems at once — a best estimate below the low one in the report's
      // casualties, and a longitude off the globe — each shown at its own field.
      await page.getByTestId('entry-occurred_until').fill('2018-02-21T15:00');
      await page.getByTestId('entry-reports-0-source').selectOption('sana');
      await page.getByTestId('entry-reports-0-killed-low').fill('5');
      await page.getByTestId('entry-reports-0-killed-best').fill('2');
      await page.getByTestId('entry-lon').fill('200');
      await page.getByTestId('entry-submit').click();
      await field(page, 'reports.0.killed.best').waitFor({ timeout: WAIT });
      await field(page, 'lon').waitFor({ timeout: WAIT });
      expect(await field(page, 'occurred_until').count()).toBe(0);
      const summary = await page.getByTestId('entry-error-summary').textContent();
      expect(summary).toContain('Report 1 · Killed (best)');
      expect(summary).toContain('Longitude');
      expect(await page.getByTestId('entry-lon').getAttribute('aria-invalid')).toBe('true');

      // Nothing was saved, and what was typed is still there to correct.
      expect(await page.getByTestId('entry-saved').count()).toBe(0);
      expect((await h().ctx.store.listIncidents({ limit: 1 })).total).toBe(before);
      expect(await page.getByTestId('entry-lon').inputValue()).toBe('200');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('turns a pasted article into claims; one becomes an incident, another is rejected', async () => {
    const { context, page, errors } = await openEntry(h());
    try {
      await page.getByTestId('article-text').fill(ARTICLE);
      await page.getByTestId('entry-published').fill('2018-02-21');
      await page.getByTestId('entry-reference').fill('https://example.org/news/hanano');
      await page.getByTestId('article-submit').click();
      const article = page.getByTestId('article');
      await article.waitFor({ timeout: WAIT });
      const articleId = (await article.getAttribute('data-article-id'))!;
      expect(await page.getByTestId('claim').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('claim-quote').first().locator('mark').count()).toBe(1);

      // The Observatory's incident claim fills the form in, its source matched in the registry.
      const claim = page
        .locator('[data-testid="claim"][data-kind="incident"]')
        .filter({ hasText: 'Syrian Observatory' })
        .first();
      const idx = Number(await claim.getAttribute('data-idx'));
      await claim.getByTestId('claim-use').click();
      await page.getByTestId('entry-claim-banner').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('entry-event_type').inputValue()).toBe(
        'Explosions/Remote violence',
      );
      expect(await page.getByTestId('entry-occurred_from').inputValue()).toBe('2018-02-20T00:00');
      expect(await page.getByTestId('entry-reports-0-source').inputValue()).toBe('sohr');
      expect(Number(await page.getByTestId('entry-lon').inputValue())).toBeCloseTo(37.204, 2);

      // The monitor corrects it and saves: the claim is accepted as this incident.
      await page.getByTestId('entry-uncertainty_m').fill('1000');
      await page.getByTestId('entry-reports-0-credibility').selectOption('3');
      await page.getByTestId('entry-submit').click();
      await page.getByTestId('entry-saved').waitFor({ timeout: WAIT });
      const id = (await page.getByTestId('entry-saved-id').textContent())!;
      expect(await page.getByTestId('entry-saved-claim').textContent()).toContain('accepted');
      await page
        .locator(`[data-testid="claim"][data-idx="${idx}"][data-status="accepted"]`)
        .waitFor({ timeout: WAIT });
      const stored = (await h().ctx.store.listArticleClaims(articleId)).find((c) => c.idx === idx);
      expect(stored).toMatchObject({ status: 'accepted', outcomeKind: 'incident', outcomeId: id });
      expect(await h().ctx.store.getIncident(id)).toMatchObject({ uncertaintyM: 1000 });
      expect((await h().ctx.store.listReports([id]))[0]?.credibility).toBe(3);

      // The proposal claim cannot become an incident; it is rejected, with the reason required.
      const proposal = page.locator('[data-testid="claim"][data-kind="proposal"]');
      expect(await proposal.getByTestId('claim-use').count()).toBe(0);
      await proposal.getByTestId('claim-reject').click();
      await proposal.getByTestId('claim-reject-confirm').click();
      await proposal.getByTestId('claim-error').waitFor({ timeout: WAIT });
      await proposal.getByTestId('claim-reject-note').fill('Diplomatic talk, not an incident.');
      await proposal.getByTestId('claim-reject-confirm').click();
      await page
        .locator('[data-testid="claim"][data-kind="proposal"][data-status="rejected"]')
        .waitFor({ timeout: WAIT });
      const claims = await h().ctx.store.listArticleClaims(articleId);
      expect(claims.find((c) => c.kind === 'proposal')?.status).toBe('rejected');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('gives the public role no incident entry', async () => {
    const { context, page } = await signIn(h(), 'public');
    try {
      await page.getByTestId('nav-map').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('nav-entry').count()).toBe(0);
      // Even by address, the public lands on the map.
      await page.goto(`${h().url}/#/entry`);
      await page.getByTestId('zones-in-force').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('entry-screen').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
}
