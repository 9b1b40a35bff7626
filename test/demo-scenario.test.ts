// The demo scenario is the engine's oracle: data/demo/README.md lists the expected violations of
// every demo incident, worked out by hand from the real OCHA geometry; the engine must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.ts';
import { tempContext } from './helpers.ts';

const SAFE = 'aleppo-safe-zones';
const EXPECTED: string[] = [
  'DEMO-0001 damascus-coh damascus-eastern-suburbs certain',
  'DEMO-0002 damascus-coh damascus-eastern-suburbs certain',
  'DEMO-0003 damascus-coh damascus-eastern-suburbs certain',
  'DEMO-0004 damascus-coh damascus-eastern-suburbs certain',
  'DEMO-0005 damascus-coh damascus-eastern-suburbs certain v2',
  'DEMO-0006 damascus-coh damascus-eastern-suburbs certain v2',
  'DEMO-0009 damascus-coh damascus-eastern-suburbs possible',
  'DEMO-0010 damascus-coh damascus-eastern-suburbs possible',
  'DEMO-0011 damascus-coh damascus-eastern-suburbs possible',
  'DEMO-0016 syria-north-coh aleppo-idleb-governorates certain',
  'DEMO-0019 syria-north-coh aleppo-idleb-governorates certain',
  'DEMO-0020 syria-north-coh aleppo-idleb-governorates possible',
  'DEMO-0023 syria-north-coh aleppo-idleb-governorates certain',
  `DEMO-0024 ${SAFE} sz-shaar certain`,
  `DEMO-0024 ${SAFE} nfz-east-aleppo certain`,
  `DEMO-0025 ${SAFE} sz-hanano certain`,
  `DEMO-0025 ${SAFE} nfz-east-aleppo certain`,
  `DEMO-0026 ${SAFE} sz-bustan-al-qaser certain`,
  `DEMO-0027 ${SAFE} sz-karm-al-jazmati certain`,
  `DEMO-0029 ${SAFE} nfz-east-aleppo certain`,
  `DEMO-0030 ${SAFE} sz-shaar possible`,
  `DEMO-0030 ${SAFE} sz-hanano possible`,
  `DEMO-0030 ${SAFE} sz-karm-al-jazmati possible`,
  `DEMO-0030 ${SAFE} sz-bustan-al-qaser possible`,
  `DEMO-0030 ${SAFE} nfz-east-aleppo possible`,
  `DEMO-0030 ${SAFE} corridor-al-bab-road possible`,
  'DEMO-0030 syria-north-coh aleppo-idleb-governorates possible',
  `DEMO-0031 ${SAFE} sz-hanano possible`,
  `DEMO-0033 ${SAFE} corridor-al-bab-road certain`,
  'DEMO-0033 syria-north-coh aleppo-idleb-governorates certain',
  `DEMO-0034 ${SAFE} sz-bustan-al-qaser certain`,
  `DEMO-0035 ${SAFE} sz-shaar certain`,
  `DEMO-0035 ${SAFE} nfz-east-aleppo certain`,
];

describe('demo scenario', () => {
  let env: Awaited<ReturnType<typeof tempContext>>;
  beforeAll(async () => {
    env = await tempContext();
    await loadDemo(env.ctx);
  });
  afterAll(() => env.close());

  it('loads three agreements and 35 incidents', async () => {
    expect((await env.ctx.store.listAgreements()).map((a) => a.id)).toEqual([
      SAFE,
      'damascus-coh',
      'syria-north-coh',
    ]);
    expect(await env.ctx.store.countIncidents()).toBe(35);
  });

  it('derives exactly the violations of the oracle table', async () => {
    const { items } = await env.ctx.store.listViolations({ limit: 1000 });
    const got = items
      .map((v) => `${v.incidentRef} ${v.agreementId} ${v.zoneKey} ${v.certainty}`)
      .sort();
    expect(got).toEqual(EXPECTED.map((e) => e.split(' ').slice(0, 4).join(' ')).sort());
  });

  it('attributes incidents only the extension covers to v2', async () => {
    const { items } = await env.ctx.store.listViolations({
      agreementId: 'damascus-coh',
      limit: 1000,
    });
    const byRef = new Map(items.map((v) => [v.incidentRef, v.versionLabel]));
    for (const e of EXPECTED.filter((x) => x.endsWith(' v2')))
      expect(byRef.get(e.split(' ')[0]!)).toBe('v2');
    expect(byRef.get('DEMO-0002')).toBe('v1');
  });

  it('grades its sources: two incidents are corroborated by independent B sources', async () => {
    const all = (await env.ctx.store.listIncidents({ limit: 100 })).items;
    const corroborated = all.filter((i) => i.assessment.corroborated).map((i) => i.externalId);
    expect(corroborated.sort()).toEqual(['DEMO-0002', 'DEMO-0006']);
    const sources = await env.ctx.store.listSources();
    expect(sources.find((x) => x.id === 'sohr')).toMatchObject({ reliability: 'B', auto: false });
    expect(sources.filter((x) => x.auto)).toEqual([]);
  });

  it('is idempotent: loading it again changes nothing', async () => {
    const before = await env.ctx.store.listViolations({ limit: 1000 });
    const again = await loadDemo(env.ctx);
    expect(again.incidents).toMatchObject({ added: 0, updated: 0, unchanged: 35 });
    expect(await env.ctx.store.listViolations({ limit: 1000 })).toEqual(before);
  });
});
