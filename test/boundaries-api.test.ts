// GET /api/v1/map/boundaries/:layer — the committed OCHA boundary layers the zone editor draws,
// snaps to and copies as zone outlines — end to end through fastify's request injection.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateZoneGeometry } from '../src/geo/validate-geometry.ts';
import { tempContext, testServer } from './helpers.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await env.close();
});

interface Layer {
  type: string;
  layer: string;
  attribution: string;
  features: {
    type: string;
    properties: { name_en: string; name_ar?: string; pcode: string };
    geometry: { type: string; coordinates: unknown };
  }[];
}

async function layer(name: string) {
  const r = await app.inject({ method: 'GET', url: `/api/v1/map/boundaries/${name}` });
  return { r, body: JSON.parse(r.body) as Layer & { error?: Record<string, string> } };
}

describe('GET /api/v1/map/boundaries/:layer', () => {
  it('serves Aleppo’s 109 neighbourhoods without sign-in, each a valid zone outline', async () => {
    const { r, body } = await layer('aleppo_neighbourhoods');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=86400');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.layer).toBe('aleppo_neighbourhoods');
    expect(body.attribution).toMatch(/OCHA/);
    expect(body.attribution).toMatch(/CC BY-IGO/);
    expect(body.features).toHaveLength(109);
    const pcodes = body.features.map((f) => f.properties.pcode);
    expect(new Set(pcodes).size).toBe(109);
    expect(pcodes).toEqual([...pcodes].sort());
    for (const f of body.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['name_ar', 'name_en', 'pcode']);
      expect(f.properties.name_en.length, f.properties.pcode).toBeGreaterThan(0);
      expect(f.properties.name_ar?.length, f.properties.pcode).toBeGreaterThan(0);
      // The editor copies these outlines into proposals as they are: the server must accept them.
      const check = validateZoneGeometry(f.geometry);
      expect(check.ok ? [] : check.issues, f.properties.pcode).toEqual([]);
    }
    const names = body.features.map((f) => f.properties.name_en);
    expect(names).toContain("Sha'aar");
    expect(names).toContain('Hanano');
  });

  it('serves Syria’s 62 districts and 14 governorates', async () => {
    const adm2 = await layer('syria_admin2');
    expect(adm2.r.statusCode).toBe(200);
    expect(adm2.body.features).toHaveLength(62);
    expect(adm2.body.attribution).toMatch(/admin 2/);
    const aleppo = adm2.body.features.find((f) => f.properties.pcode === 'SY0200');
    expect(aleppo?.properties).toEqual({ name_en: 'Jebel Saman', pcode: 'SY0200' });
    expect(new Set(adm2.body.features.map((f) => f.geometry.type))).toEqual(
      new Set(['Polygon', 'MultiPolygon']),
    );

    const adm1 = await layer('syria_admin1');
    expect(adm1.r.statusCode).toBe(200);
    expect(adm1.body.features).toHaveLength(14);
    expect(adm1.body.features.map((f) => f.properties.name_en)).toContain('Aleppo');
  });

  it('answers the same body every time (read once per process)', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/v1/map/boundaries/syria_admin2' });
    const b = await app.inject({ method: 'GET', url: '/api/v1/map/boundaries/syria_admin2' });
    expect(b.body).toBe(a.body);
    expect(a.body.length).toBeLessThan(320 * 1024);
  });

  it('refuses an unknown layer with not_found naming the field and the layers', async () => {
    for (const name of ['aleppo', 'syria_admin3', 'SYRIA_ADMIN1']) {
      const { r, body } = await layer(name);
      expect(r.statusCode, name).toBe(404);
      expect(body.error?.code).toBe('not_found');
      expect(body.error?.field).toBe('layer');
      expect(body.error?.message).toContain('aleppo_neighbourhoods, syria_admin2, syria_admin1');
    }
  });
});
