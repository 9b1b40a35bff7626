// The zone editor: the demo mediator starts from the Aleppo safe zones in force, draws a zone by
// clicking on the map (its first corner snapping to a neighbourhood vertex), adds neighbourhoods'
// exact outlines from the list and from the map, draws a bow-tie and sees the server's error as a
// marker at the crossing and in the list, deletes it, changes a kind, deletes a zone and saves: the
// proposals screen shows the map diff (added zones rendered, their km²), the store has the open
// proposal, and the signed version is untouched. A monitor never sees the editor.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { poll, signIn, WAIT, type Harness } from './harness.ts';

type Pos = [number, number];
interface Zone {
  key: string;
  name: string;
  origin: string;
  geometry: { type: string; coordinates: Pos[][] };
}
interface Issue {
  zoneKey: string;
  message: string;
  at: Pos | null;
}
interface Neighbourhood {
  properties: { name_en: string; pcode: string };
  geometry: { type: 'Polygon'; coordinates: Pos[][] };
}

const AGREEMENT = 'aleppo-safe-zones';

const zones = (page: Page) => page.evaluate(`window.__trucelineEditor.zones()`) as Promise<Zone[]>;
const issues = (page: Page) =>
  page.evaluate(`window.__trucelineEditor.issues()`) as Promise<Issue[]>;

/** Page coordinates of lon/lat positions on the editor's map (one round trip for them all). */
const toPage = (page: Page, positions: Pos[]) =>
  page.evaluate(`(() => {
    const m = window.__truceline.map;
    const r = m.getCanvas().getBoundingClientRect();
    return ${JSON.stringify(positions)}.map((q) => {
      const p = m.project(q);
      return { x: r.left + p.x, y: r.top + p.y };
    });
  })()`) as Promise<{ x: number; y: number }[]>;

/** Waits until the list has `n` zones, every one checked by the server; returns their states. */
async function settled(page: Page, n: number): Promise<Record<string, string>> {
  return poll<Record<string, string>>(
    page,
    `(() => {
      const rows = [...document.querySelectorAll('[data-testid="editor-zone"]')];
      if (rows.length !== ${n} || rows.some((r) => r.dataset.state === 'checking')) return null;
      return Object.fromEntries(rows.map((r) => [r.dataset.zoneKey, r.dataset.state]));
    })()`,
  );
}

async function clickAll(page: Page, points: { x: number; y: number }[]) {
  for (const p of points) {
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(120);
  }
}

/** A point inside a polygon: the middle of the first span of a scanline through its middle. */
function interiorPoint(ring: Pos[]): Pos {
  const lats = ring.map((p) => p[1]);
  const y = (Math.min(...lats) + Math.max(...lats)) / 2 + 1e-9;
  const xs: number[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  }
  xs.sort((a, b) => a - b);
  return [(xs[0]! + xs[1]!) / 2, y];
}

/** Where segment a→b crosses c→d. */
function crossing(a: Pos, b: Pos, c: Pos, d: Pos): Pos {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

export function editorCases(h: () => Harness) {
  it('creates a proposal in the zone editor and shows its map diff', async () => {
    const before = (await h().ctx.store.listVersions(AGREEMENT)).map((v) => v.contentHash);
    const proposals = async () =>
      (await h().ctx.store.listProposals({ agreementId: AGREEMENT })).length;
    const proposalsBefore = await proposals();
    const layer = (await (
      await fetch(`${h().url}/api/v1/map/boundaries/aleppo_neighbourhoods`)
    ).json()) as { features: Neighbourhood[] };
    const { context, page, errors } = await signIn(h(), 'mediator');
    try {
      await page.getByTestId('nav-editor').click();
      await page.getByTestId('editor-screen').waitFor({ timeout: WAIT });
      await page.getByTestId('editor-agreement').selectOption(AGREEMENT);
      // The version in force: six zones, each checked valid by the server.
      const base = await settled(page, 6);
      expect(Object.values(base)).toEqual(Array(6).fill('valid'));
      expect(Object.keys(base)).toContain('sz-hanano');
      const box = (await page.getByTestId('editor-map').boundingBox())!;
      const inMap = (p: { x: number; y: number }, margin = 80) =>
        p.x > box.x + margin &&
        p.x < box.x + box.width - margin &&
        p.y > box.y + margin &&
        p.y < box.y + box.height - margin;

      // 1. Draw a zone: its first corner is clicked 2 px off a neighbourhood vertex (no other
      // vertex within 6 px of the click) and snaps to it.
      const vertices = layer.features.flatMap((f) => f.geometry.coordinates[0]!);
      const onPage = await toPage(page, vertices);
      const i = onPage.findIndex(
        (p, k) =>
          p.x > box.x + 40 &&
          p.x < box.x + 200 &&
          p.y > box.y + 80 &&
          p.y < box.y + 320 &&
          onPage.every((q, j) => {
            const same = vertices[j]![0] === vertices[k]![0] && vertices[j]![1] === vertices[k]![1];
            return same || Math.hypot(q.x - p.x - 2, q.y - p.y - 2) > 6;
          }),
      );
      expect(i, 'a neighbourhood vertex in the west of the view').toBeGreaterThanOrEqual(0);
      const target = { at: vertices[i]!, ...onPage[i]! };
      await page.getByTestId('editor-tool-polygon').click();
      const p1 = { x: target.x + 2, y: target.y + 2 };
      const right = p1.x + 110;
      const below = p1.y + 80;
      await clickAll(page, [
        p1,
        { x: right, y: p1.y },
        { x: right, y: below },
        { x: p1.x, y: below },
        p1,
      ]);
      await settled(page, 7);
      const drawn = (await zones(page)).find((z) => z.origin === 'drawn')!;
      expect(drawn.geometry.type).toBe('Polygon');
      expect(drawn.geometry.coordinates[0]).toHaveLength(5);
      expect(drawn.geometry.coordinates[0]).toContainEqual(target.at);
      const drawnRow = page.locator(`[data-testid="editor-zone"][data-zone-key="${drawn.key}"]`);
      expect(await drawnRow.getAttribute('data-state')).toBe('valid');
      await drawnRow.getByTestId('zone-name').fill('West Aleppo safe zone');

      // 2. A bow-tie: the server's error is a marker at the crossing and an item in the list.
      const a = { x: p1.x, y: p1.y + 170 };
      const [ar, ab] = [a.x + 110, a.y + 80];
      await clickAll(page, [a, { x: ar, y: ab }, { x: ar, y: a.y }, { x: a.x, y: ab }, a]);
      const states = await settled(page, 8);
      const bowKey = Object.keys(states).find((k) => states[k] === 'invalid')!;
      expect(bowKey).toBeDefined();
      const bowZone = (await zones(page)).find((z) => z.key === bowKey)!;
      const issue = (await issues(page)).find((i) => i.zoneKey === bowKey)!;
      const edges =
        /edge (\d)→(\d) crosses edge (\d)→(\d) at .* \(the ring intersects itself\)/.exec(
          issue.message,
        );
      expect(edges, issue.message).not.toBeNull();
      const ring = bowZone.geometry.coordinates[0]!;
      const [e0, e1, e2, e3] = edges!.slice(1).map((n) => ring[Number(n)]!);
      const expected = crossing(e0!, e1!, e2!, e3!);
      expect(issue.at![0]).toBeCloseTo(expected[0], 5);
      expect(issue.at![1]).toBeCloseTo(expected[1], 5);
      const marker = page.getByTestId('issue-marker');
      await marker.first().waitFor({ timeout: WAIT });
      expect(await marker.count()).toBe(1);
      const m = (await marker.boundingBox())!;
      const [where] = await toPage(page, [issue.at!]);
      expect(Math.hypot(m.x + m.width / 2 - where!.x, m.y + m.height / 2 - where!.y)).toBeLessThan(
        3,
      );
      expect(await page.getByTestId('issue-item').count()).toBe(1);
      expect(await page.getByTestId('editor-save').isDisabled()).toBe(true);
      expect(await page.getByTestId('save-blockers').textContent()).toMatch(/problems/);
      // Choosing the item flies the map to the crossing.
      await page.getByTestId('issue-item').click();
      await poll(
        page,
        `(() => { const c = window.__truceline.map.getCenter();
          return Math.abs(c.lng - ${issue.at![0]}) < 1e-4 && Math.abs(c.lat - ${issue.at![1]}) < 1e-4; })()`,
      );
      await page
        .locator(`[data-testid="editor-zone"][data-zone-key="${bowKey}"]`)
        .getByTestId('zone-delete')
        .click();
      await page.getByTestId('issues-none').waitFor({ timeout: WAIT });
      expect(await marker.count()).toBe(0);

      // 3. A neighbourhood's exact outline, chosen by name from the list.
      await page.getByTestId('neighbourhood-search').fill('sheikh maqsoud');
      const option = page.getByTestId('neighbourhood-option').first();
      const listed = (await option.getAttribute('data-pcode'))!;
      await option.click();
      await settled(page, 8);
      const byName = layer.features.find((f) => f.properties.pcode === listed)!;
      expect(byName.properties.name_en).toBe('Ash-Sheikh Maqsoud');
      const fromList = (await zones(page)).find((z) => z.name === 'Ash-Sheikh Maqsoud')!;
      expect(fromList.geometry).toEqual(byName.geometry);

      // 4. …and one picked on the map, clear of the zones already drawn.
      await page.getByTestId('editor-tool-pick').click();
      const candidates = layer.features.filter((f) => f.properties.pcode !== listed);
      const inside = await toPage(
        page,
        candidates.map((f) => interiorPoint(f.geometry.coordinates[0]!)),
      );
      // What the map has under each point: no zone, and this very neighbourhood.
      const under = (await page.evaluate(`(() => {
        const m = window.__truceline.map;
        const r = m.getCanvas().getBoundingClientRect();
        return ${JSON.stringify(inside)}.map((p) => {
          const hits = m.queryRenderedFeatures([p.x - r.left, p.y - r.top], {
            layers: ['td-polygon', 'editor-neighbourhoods-fill'],
          });
          if (hits.some((h) => h.layer.id === 'td-polygon')) return null;
          return hits[0] ? hits[0].properties.pcode : null;
        });
      })()`)) as (string | null)[];
      const k = candidates.findIndex(
        (f, j) => under[j] === f.properties.pcode && inMap(inside[j]!),
      );
      expect(k, 'a neighbourhood in view, outside every zone').toBeGreaterThanOrEqual(0);
      const picked = { f: candidates[k]!, ...inside[k]! };
      await page.mouse.move(picked.x, picked.y, { steps: 4 });
      await page.mouse.click(picked.x, picked.y);
      await settled(page, 9);
      const fromMap = (await zones(page)).find((z) => z.name === picked.f.properties.name_en)!;
      expect(fromMap.origin).toBe('neighbourhood');
      expect(fromMap.geometry).toEqual(picked.f.geometry);

      // 5. A kind changed, a zone deleted; every outline valid, so it can be saved.
      await page
        .locator('[data-testid="editor-zone"][data-zone-key="sz-shaar"]')
        .getByTestId('zone-kind')
        .selectOption('ceasefire_area');
      await page
        .locator('[data-testid="editor-zone"][data-zone-key="sz-hanano"]')
        .getByTestId('zone-delete')
        .click();
      const final = await settled(page, 8);
      expect(Object.values(final)).toEqual(Array(8).fill('valid'));
      const added = [drawn.key, fromList.key, fromMap.key];
      const areas: Record<string, string> = {};
      for (const key of added)
        areas[key] = (await page
          .locator(`[data-testid="editor-zone"][data-zone-key="${key}"]`)
          .getByTestId('zone-area')
          .textContent())!.replace(' km²', '');
      const save = page.getByTestId('editor-save');
      await poll(page, `!document.querySelector('[data-testid="editor-save"]').disabled`);
      const label = page.getByTestId('proposal-label');
      expect(await label.inputValue()).toBe('v2');
      // A server error is shown at the field it names, and nothing is saved.
      await label.fill('v1');
      await save.click();
      await page.getByTestId('error-label').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('error-label').textContent()).toContain(
        'v1 is already recorded',
      );
      expect(await proposals()).toBe(proposalsBefore);
      await label.fill('v2');
      const terms = page.getByTestId('proposal-terms');
      expect(await terms.inputValue()).not.toBe('');
      await terms.fill(
        `${await terms.inputValue()}\nWest Aleppo and Ash-Sheikh Maqsoud are added.`,
      );
      await save.click();

      // The proposals screen: the new proposal with its map diff.
      await page.getByTestId('proposal-view').waitFor({ timeout: WAIT });
      const id = new URLSearchParams(page.url().split('?')[1]).get('id')!;
      expect(await page.getByTestId('proposal-view').getAttribute('data-proposal-id')).toBe(id);
      const changes = await page.$$eval('[data-testid="zone-change"]', (els) =>
        els.map((e) => [e.getAttribute('data-change'), e.getAttribute('data-zone'), e.textContent]),
      );
      const of = (kind: string) => changes.filter((c) => c[0] === kind).map((c) => c[1]);
      expect(of('added').sort()).toEqual([...added].sort());
      expect(of('removed')).toEqual(['sz-hanano']);
      const changed = changes.filter((c) => c[0] === 'changed');
      expect(changed.map((c) => c[1])).toEqual(['sz-shaar']);
      expect(changed[0]![2]).toContain('safe_zone → ceasefire_area');
      for (const key of added)
        expect(changes.find((c) => c[1] === key)![2]).toContain(`+${areas[key]} km²`);
      const unchanged = (await page.getByTestId('zones-unchanged').textContent()) ?? '';
      const kept = [
        'corridor-al-bab-road',
        'nfz-east-aleppo',
        'sz-bustan-al-qaser',
        'sz-karm-al-jazmati',
      ];
      for (const key of kept) expect(unchanged).toContain(key);
      const renderedAdded = await poll<string[]>(
        page,
        `(() => {
          const t = window.__truceline;
          if (!t || !t.map.getLayer('proposal-diff-fill') || !t.map.loaded()) return null;
          const keys = t.map.queryRenderedFeatures({ layers: ['proposal-diff-fill'] })
            .filter((f) => f.properties.change === 'added').map((f) => f.properties.key);
          return keys.length > 0 ? [...new Set(keys)].sort() : null;
        })()`,
      );
      expect(renderedAdded).toEqual([...added].sort());

      // The store has the open proposal; the signed version is as it was.
      const stored = (await h().ctx.store.listProposals({ agreementId: AGREEMENT })).find(
        (p) => p.id === id,
      );
      expect(stored?.status).toBe('open');
      expect(stored?.label).toBe('v2');
      expect(stored?.createdBy).toBe('mediator');
      expect(JSON.parse(stored!.content).zones.features).toHaveLength(8);
      const after = (await h().ctx.store.listVersions(AGREEMENT)).map((v) => v.contentHash);
      expect(after).toEqual(before);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is not offered to a monitor, even by address', async () => {
    const { context, page } = await signIn(h(), 'monitor');
    try {
      await page.getByTestId('nav-map').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('nav-editor').count()).toBe(0);
      await page.goto(`${h().url}/#/editor`);
      await page.getByTestId('map').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('editor-screen').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
}
