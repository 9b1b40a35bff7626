// Intake through the CLI and the HTTP API: UCDP GED and HXL files (with nasty rows), the source
// registry with aliases and grades, reports per incident, combined casualties and corroboration.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../src/app/sources.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { sourceRegistrySchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { SOURCES_FILE } from '../src/demo/load-demo.ts';
import { ACLED_HEADER, acledRow } from './fixtures.ts';
import { ROOT, runCli, tempContext, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let headers: Record<Caller, { authorization: string }>;
const fixture = (name: string) => join(ROOT, 'test/fixtures/intake', name);

beforeAll(async () => {
  env = await tempContext();
  app = testServer(env.ctx);
  const registry = parseInput(sourceRegistrySchema, JSON.parse(readFileSync(SOURCES_FILE, 'utf8')));
  await importSources(env.ctx, SYSTEM_ACTOR, registry.sources);
  ({ headers } = await setupScenario(env.ctx));
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const call = (as: Caller, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: headers[as], ...(payload !== undefined && { payload: payload as object }) }); // prettier-ignore
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: { body: string }): any => JSON.parse(r.body);

describe('UCDP GED and HXL files', () => {
  it('imports a UCDP GED file with low/best/high per report; a re-import changes nothing', () => {
    const r = runCli(['incidents', 'import', fixture('ucdp-ged-sample.csv'), '--db', env.path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.format).toBe('ucdp-csv');
    expect(s.added).toBeGreaterThanOrEqual(5);
    expect(s.rejected).toEqual([]);
    const again = JSON.parse(runCli(['incidents', 'import', fixture('ucdp-ged-sample.csv'), '--db', env.path, '--json']).stdout);
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, s.added]);
  }); // prettier-ignore

  it('shows a UCDP incident with its graded reports and combined casualties', async () => {
    const i = body(await call('analyst', 'GET', '/api/v1/incidents/UCDP-1001'));
    expect(i.actor1).toBe('Government of Arcadia');
    expect(i.reports.length).toBeGreaterThanOrEqual(1);
    expect(i.reports[0]).toMatchObject({ reliability: 'F', grade: expect.stringMatching(/^F[1-6]$/) });
    expect(i.casualties.killed.best).toBe(i.fatalities);
    expect(i.casualties.killed.low).toBeLessThanOrEqual(i.casualties.killed.best);
    expect(i.casualties.killed.high).toBeGreaterThanOrEqual(i.casualties.killed.best);
  }); // prettier-ignore

  it('rejects nasty UCDP rows by row, column and reason, lands the good ones and lists the rejects', () => {
    const rejects = join(env.dir, 'ucdp-rejects.csv');
    const r = runCli(['incidents', 'import', fixture('ucdp-nasty.csv'), '--db', env.path, '--json', '--rejects', rejects]);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBeGreaterThan(0);
    const fields = s.rejected.map((x: { field: string }) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['latitude', 'external_id']));
    expect(s.rejected.some((x: { message: string }) => /future/.test(x.message))).toBe(true);
    expect(s.rejected.some((x: { message: string }) => /columns/.test(x.message))).toBe(true);
    expect(readFileSync(rejects, 'utf8').split('\n')[0]).toBe('row,field,message');
  }); // prettier-ignore

  it('imports an HXL-tagged CSV, and rejects its nasty rows by tag', () => {
    const ok = runCli(['incidents', 'import', fixture('hxl-sample.csv'), '--db', env.path, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'hxl-csv', rejected: [] });
    const bad = runCli(['incidents', 'import', fixture('hxl-nasty.csv'), '--db', env.path, '--json']);
    expect(bad.code).toBe(3);
    const s = JSON.parse(bad.stdout);
    expect(s.added).toBeGreaterThan(0);
    expect(s.rejected.map((x: { field: string }) => x.field).join(' ')).toMatch(/#/);
  }); // prettier-ignore

  it('forces a format with --format and names a bad one', () => {
    const r = runCli(['incidents', 'import', fixture('hxl-sample.csv'), '--format', 'nope', '--db', env.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--format/);
  }); // prettier-ignore
});

describe('sources, reports, casualties and corroboration', () => {
  const post = (over: Record<string, unknown>) =>
    call('analyst', 'POST', '/api/v1/incidents', airStrike(over));

  it('resolves aliases; two independent sources graded C or better corroborate', async () => {
    const two = body(await post({ external_id: 'C-1', source: 'SOHR; Reuters' }));
    expect(two).toMatchObject({ corroborated: true, report_count: 2 });
    const same = body(await post({ external_id: 'C-2', source: 'SOHR; Syrian Observatory' }));
    expect(same).toMatchObject({ corroborated: false, report_count: 1 });
    const weak = body(await post({ external_id: 'C-3', source: 'SANA; Tass' }));
    expect(weak.corroborated).toBe(false);
  });

  it('registers an unknown source graded F, for an analyst to grade', async () => {
    await post({ external_id: 'C-4', source: 'Aleppo Media Centre' });
    const src = body(await call('monitor', 'GET', '/api/v1/sources/aleppo-media-centre'));
    expect(src).toMatchObject({ reliability: 'F', kind: 'other', auto: true });
  });

  it('combines casualties by the documented rule, and again when a grade changes', async () => {
    const r = await post({
      external_id: 'CAS-1',
      fatalities: 250,
      source: null,
      reports: [
        { source: 'SOHR', credibility: 2, killed: { low: 250, best: 260, high: 300 }, civilians_killed: 200 },
        { source: 'SANA', credibility: 3, killed: { best: 12 } },
        { source: 'Reuters', credibility: 2, killed: { low: 240, best: 255 } },
      ],
    });
    expect(r.statusCode).toBe(201);
    // Credible (B, 1–3): SOHR and Reuters. low = max lows 250; best = median(260, 255) = 258;
    // high = max of every report's high = 300.
    expect(body(r).casualties).toEqual({
      killed: { low: 250, best: 258, high: 300 },
      injured: { low: null, best: null, high: null },
      civilians_killed: 200,
      combatants_killed: null,
    });
    const regrade = await call('analyst', 'POST', '/api/v1/sources', {
      id: 'sana', name: 'Syrian Arab News Agency', aliases: ['SANA', "Syria's state news agency"],
      kind: 'state_media', reliability: 'B', affiliation: 'SYR-GOV',
    });
    expect(body(regrade).status).toBe('changed');
    const after = body(await call('analyst', 'GET', '/api/v1/incidents/CAS-1'));
    expect(after.casualties.killed).toEqual({ low: 250, best: 255, high: 300 });
    expect(after.reports.map((x: { grade: string }) => x.grade)).toEqual(['B2', 'B3', 'B2']);
  }); // prettier-ignore

  it('keeps a report added later when the incident record changes', async () => {
    const added = await call('monitor', 'POST', '/api/v1/incidents/C-2/reports', {
      source: 'AFP', credibility: 2, killed: { best: 4 }, reference: 'https://example.org/afp/1',
    });
    expect(added.statusCode).toBe(201);
    expect(body(added)).toMatchObject({ report_count: 2, corroborated: true });
    await call('analyst', 'PUT', '/api/v1/incidents/C-2', airStrike({ external_id: 'C-2', source: 'SOHR', fatalities: 5 }));
    const i = body(await call('analyst', 'GET', '/api/v1/incidents/C-2'));
    expect(i.reports.map((x: { source_id: string; origin: string }) => `${x.source_id}/${x.origin}`).sort()).toEqual(['afp/added', 'sohr/record']);
  }); // prettier-ignore

  it('refuses a bad report naming the field, and a liaison may not add reports', async () => {
    const bad = await call('monitor', 'POST', '/api/v1/incidents/C-2/reports', {
      source: 'AFP', killed: { low: 9, best: 4 },
    });
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error.field).toBe('killed.best');
    const grade = await call('monitor', 'POST', '/api/v1/incidents/C-2/reports', { source: 'AFP', credibility: 7 });
    expect(body(grade).error.field).toBe('credibility');
    expect((await call('liaison-gov', 'POST', '/api/v1/incidents/C-2/reports', { source: 'X' })).statusCode).toBe(403);
  }); // prettier-ignore
});

describe('geocoding places named without coordinates', () => {
  it('places an ACLED row without coordinates at its named place, flagged, with a covering radius', () => {
    const file = join(env.dir, 'no-coords.csv');
    writeFileSync(file, [
      ACLED_HEADER,
      acledRow({ id: 'GEO-1', date: '2018-02-17', lat: '', lon: '' }),
      acledRow({ id: 'GEO-2', date: '2018-02-17', lat: '', lon: '' }).replace(/Rural Damascus,Duma,Duma,Duma/, 'Atlantis,Nowhere,Nowhere,Nowhere'),
    ].join('\n') + '\n');
    const r = runCli(['incidents', 'import', file, '--db', env.path, '--json']);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBe(1);
    expect(s.rejected).toEqual([{ row: 2, field: 'latitude', message: expect.stringMatching(/not in the gazetteer/) }]);
  }); // prettier-ignore

  it('shows the geocoded incident with its flag; a GeoJSON feature may name a place instead of a point', async () => {
    const i = body(await call('analyst', 'GET', '/api/v1/incidents/GEO-1'));
    expect(i.attributes.geocoded).toMatch(/^adm3:SY/);
    expect(i.uncertainty_m).toBeGreaterThan(2000);
    expect(i.lon).toBeGreaterThan(36.2);
    expect(i.lon).toBeLessThan(36.6);
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'GEO-3', geometry: null, properties: { event_type: 'Explosions/Remote violence', occurred_on: '2018-02-17', location: 'Eastern Ghouta' } },
        { type: 'Feature', id: 'GEO-4', geometry: null, properties: { event_type: 'Battles', occurred_on: '2018-02-17' } },
      ],
    };
    const r = await app.inject({ method: 'POST', url: '/api/v1/incidents/import', headers: { ...headers.analyst, 'content-type': 'application/geo+json' }, payload: JSON.stringify(fc) });
    const s = body(r);
    expect(s.added).toBe(1);
    expect(s.rejected[0]).toMatchObject({ row: 2, field: 'features[1].geometry' });
    const g = body(await call('analyst', 'GET', '/api/v1/incidents/GEO-3'));
    expect(g.attributes.geocoded).toMatch(/^area:AREA-EASTERN-GHOUTA/);
  }); // prettier-ignore
});

describe('ACLED CSV: the nasty fixture', () => {
  it('reads BOM, CRLF and quoted newlines, and rejects each bad row by row, column and reason', async () => {
    const r = runCli(['incidents', 'import', fixture('acled-nasty.csv'), '--db', env.path, '--json']);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout);
    expect(s.format).toBe('acled-csv');
    expect(s.read).toBe(8);
    expect(s.rejected.map((x: { row: number; field: string }) => [x.row, x.field])).toEqual([
      [3, 'latitude'],
      [4, 'event_date'],
      [5, 'external_id'],
      [6, 'fatalities'],
      [7, 'row'],
    ]);
    expect(s.added).toBe(3);
    const n1 = body(await call('analyst', 'GET', '/api/v1/incidents/N1'));
    expect(n1.notes).toBe('Shelling, then "more" shelling,\r\nat night; two sources.');
    expect(n1.reports.map((x: { source_id: string }) => x.source_id)).toEqual(['shaam', 'sohr']);
    const n2 = body(await call('analyst', 'GET', '/api/v1/incidents/N2'));
    expect(n2.occurred_from).toBe('2018-02-17T00:00:00.000Z');
    const n7 = body(await call('analyst', 'GET', '/api/v1/incidents/N7'));
    expect(n7.attributes.geocoded).toMatch(/^(area|adm\d|neighbourhood):/);
  }); // prettier-ignore
});

describe('POST /api/v1/imports', () => {
  it('takes a file body in any supported format, detected or named', async () => {
    const text = readFileSync(fixture('hxl-sample.csv'), 'utf8');
    const r = await app.inject({ method: 'POST', url: '/api/v1/imports?format=hxl-csv', headers: { ...headers.monitor, 'content-type': 'text/csv' }, payload: text });
    expect(r.statusCode).toBe(200);
    expect(body(r)).toMatchObject({ format: 'hxl-csv', rejected: [] });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/imports?format=xls', headers: { ...headers.monitor, 'content-type': 'text/csv' }, payload: text });
    expect(body(bad).error.field).toBe('format');
  }); // prettier-ignore
});

describe('grades wherever an incident is shown', () => {
  it('lists incidents with their sources and Admiralty grades', async () => {
    const r = body(await call('public', 'GET', '/api/v1/incidents?limit=500'));
    const c1 = r.items.find((i: { external_id: string }) => i.external_id === 'C-1');
    expect(c1.sources).toEqual([
      { source_id: 'sohr', name: 'Syrian Observatory for Human Rights', grade: 'B6' },
      { source_id: 'reuters', name: 'Reuters', grade: 'B6' },
    ]);
  });
});
