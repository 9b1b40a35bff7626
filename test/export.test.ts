// Exports through the CLI and the HTTP API: ACLED CSV and GeoJSON round trips that come back byte
// for byte, filters by agreement, status, box and time, what the public may take out, and
// streaming: thousands of rows arrive whole, a slow or vanished reader is handled.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { createIncident } from '../src/app/incidents.ts';
import { reviewViolation } from '../src/app/reviews.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/domain/roles.ts';
import { agreementDocumentSchema, incidentInputSchema } from '../src/domain/schemas.ts';
import type { Incident } from '../src/domain/types.ts';
import { parseInput } from '../src/domain/validate.ts';
import { violationIdOf } from '../src/domain/violation-id.ts';
import { ExportInterrupted, writeExport, type ExportFormat } from '../src/ingest/export-stream.ts';
import { openStore } from '../src/store/open-store.ts';
import { ACLED_HEADER, acledRow, agreementDoc } from './fixtures.ts';
import { runCli, tempContext, tempDir, testServer } from './helpers.ts';
import { airStrike, setupScenario, type Caller } from './scenario.ts';

const ok = (r: { code: number | null; stderr: string }) => expect(r.code, r.stderr).toBe(0);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => JSON.parse(await res.text());
const csvRows = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

async function incidentsOf(db: string): Promise<Map<string, Incident>> {
  const store = await openStore(db);
  try {
    const { items } = await store.listIncidents({ limit: 10_000 });
    return new Map(items.map((i) => [i.externalId!, i]));
  } finally {
    await store.close();
  }
}
const FIELDS = [
  'externalId', 'eventType', 'subEventType', 'occurredFrom', 'occurredUntil', 'timePrecision',
  'lon', 'lat', 'uncertaintyM', 'geoPrecision', 'actor1', 'actor2', 'fatalities', 'source', 'notes',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'assessment',
] as const; // prettier-ignore
const fieldsOf = (i: Incident | undefined) => i && Object.fromEntries(FIELDS.map((f) => [f, i[f]]));

describe('round trips through the CLI', () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  const notes = 'Shelling hit a market, "a big one",\nand two homes; 3 killed.';
  const lines = [
    acledRow({ id: 'SYR1', date: '2018-02-17', lat: 33.5138, lon: 36.2912, notes, fatalities: 3 }),
    acledRow({ id: 'SYR2', date: '2018-02-20', lat: 33.6, lon: 36.123456789, timePrecision: 2, geoPrecision: 2 }), // prettier-ignore
    acledRow({ id: 'SYR3', date: '2018-02-03', lat: -12.25, lon: 36.4, timePrecision: 3, geoPrecision: 3, fatalities: '' }), // prettier-ignore
    acledRow({ id: 'SYR4', date: '2018-02-28', type: 'Battles', sub: 'Armed clash', lat: 33.51, lon: 36.3, geoPrecision: '' }), // prettier-ignore
    // Formulas a spreadsheet would run (issue 20, point 10), one at a negative longitude.
    acledRow({ id: 'SYR5', date: '2018-02-17', lat: 33.2, lon: -1.5, notes: '=HYPERLINK("http://x","y")' }), // prettier-ignore
    acledRow({ id: 'SYR6', date: '2018-02-17', lat: 33.3, lon: 36.2, notes: '@SUM(1)' }),
  ];
  afterAll(() => tmp.cleanup());

  it('exports ACLED CSV that re-imports into an empty database and exports byte for byte again', async () => {
    writeFileSync(file('in.csv'), [ACLED_HEADER, ...lines].join('\n') + '\n');
    ok(runCli(['incidents', 'import', file('in.csv'), '--db', file('a.db')]));
    // --raw: the values verbatim, as a machine reads them back (no spreadsheet-safe quote).
    ok(runCli(['incidents', 'export', '--raw', '--db', file('a.db'), '--out', file('a.csv')]));
    ok(runCli(['incidents', 'import', file('a.csv'), '--db', file('b.db')]));
    const again = runCli(['incidents', 'export', '--raw', '--db', file('b.db')]);
    ok(again);
    expect(again.stderr).toMatch(/exported 6 incidents as acled-csv to stdout/);
    const first = readFileSync(file('a.csv'), 'utf8');
    expect(again.stdout).toBe(first);
    // The export is the imported file itself, but for the month-precision day (its 15th).
    expect(first).toBe([ACLED_HEADER, ...lines].join('\n').replace('2018-02-03', '2018-02-15') + '\n');
    const [a, b] = [await incidentsOf(file('a.db')), await incidentsOf(file('b.db'))];
    expect(b.size).toBe(6);
    for (const [id, i] of a) {
      expect(fieldsOf(b.get(id))).toEqual(fieldsOf(i));
      expect(b.get(id)!.attributes).toEqual({ ...i.attributes, year: '2018' });
    }
  }, 180_000); // prettier-ignore

  it('neutralises formula cells by default (a leading quote), but never numbers', () => {
    const r = runCli(['export', 'incidents', '--db', file('a.db')]);
    ok(r);
    const rows = new Map(csvRows(r.stdout).map((row) => [row.event_id_cnty!, row]));
    expect(rows.get('SYR5')!.notes).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows.get('SYR6')!.notes).toBe(`'@SUM(1)`);
    expect(rows.get('SYR5')!.longitude).toBe('-1.5');
    expect(rows.get('SYR3')!.latitude).toBe('-12.25');
    expect(rows.get('SYR1')!.notes).toBe(notes);
    const hxl = runCli(['export', 'incidents', '--format', 'hxl-csv', '--db', file('a.db')]);
    ok(hxl);
    expect(hxl.stdout).toContain(`'@SUM(1)`);
    expect(hxl.stdout).not.toMatch(/(^|,)@SUM/m);
  });

  it('does the same with GeoJSON', async () => {
    ok(runCli(['export', 'incidents', '--format', 'geojson', '--db', file('a.db'), '--out', file('a.geojson')])); // prettier-ignore
    ok(runCli(['incidents', 'import', file('a.geojson'), '--db', file('c.db')]));
    const again = runCli(['incidents', 'export', '--format', 'geojson', '--db', file('c.db')]);
    ok(again);
    const first = readFileSync(file('a.geojson'), 'utf8');
    expect(again.stdout).toBe(first);
    const fc = JSON.parse(first);
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['SYR1', 'SYR2', 'SYR3', 'SYR4', 'SYR5', 'SYR6']); // prettier-ignore
    const [a, c] = [await incidentsOf(file('a.db')), await incidentsOf(file('c.db'))];
    for (const [id, i] of a) expect(fieldsOf(c.get(id))).toEqual(fieldsOf(i));
  }, 180_000);

  it('names a bad flag, and leaves no file behind', () => {
    const r = runCli(['export', 'incidents', '--format', 'xlsx', '--db', file('a.db'), '--out', file('x.csv')]); // prettier-ignore
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--format/);
    expect(() => readFileSync(file('x.csv'))).toThrow();
  });
});

describe('filters and who sees what over HTTP', () => {
  let env: Awaited<ReturnType<typeof tempContext>>;
  let app: FastifyInstance;
  let url: string;
  let headers: Record<Caller, { authorization: string }>;
  const get = (as: Caller | null, path: string) =>
    fetch(`${url}/api/v1/exports/${path}`, { headers: as ? headers[as] : {} });
  const ids = async (as: Caller, path: string) => {
    const res = await get(as, path);
    expect(res.status).toBe(200);
    const text = await res.text();
    if (path.includes('.geojson'))
      return JSON.parse(text).features.map((f: { id: string }) => f.id.split('~')[0]);
    const rows = csvRows(path.includes('.hxl.') ? text.slice(text.indexOf('\n') + 1) : text);
    return rows.map((r) => r.event_id_cnty ?? r['#event+id'] ?? r.incident_ref);
  };

  beforeAll(async () => {
    env = await tempContext();
    app = testServer(env.ctx);
    ({ headers } = await setupScenario(env.ctx));
    const add = (over: Record<string, unknown>) =>
      createIncident(env.ctx, SYSTEM_ACTOR, parseInput(incidentInputSchema, airStrike(over)));
    await add({ external_id: 'OUT-1', lon: 38, lat: 35 });
    await add({ external_id: 'LATE-1', occurred_at: '2018-02-19T09:00:00Z' });
    const { violations } = await add({ external_id: 'AIR-2', lon: 36.3, lat: 33.3 });
    const analyst: Actor = { id: 'x', name: 'analyst', role: 'analyst', partyId: null };
    const id = violationIdOf(violations[0]!);
    await reviewViolation(env.ctx, analyst, id, { to: 'under_review', note: 'look' });
    await reviewViolation(env.ctx, analyst, id, {
      to: 'confirmed',
      note: 'two monitors',
      intent: 'deliberate',
      attributions: [
        {
          partyId: 'GOV',
          kind: 'assessed',
          evidence: [{ kind: 'incident', ref: 'AIR-2' }],
          note: null,
        },
      ],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('sends a download with its type and file name', async () => {
    const res = await get('analyst', 'incidents.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="truceline-incidents-2018-02-18.csv"'); // prettier-ignore
    expect((await get('analyst', 'violations.geojson')).headers.get('content-type')).toMatch(/^application\/geo\+json/); // prettier-ignore
  });

  it('filters incidents by their violations, box and time', async () => {
    expect(await ids('analyst', 'incidents.csv')).toEqual(['AIR-1', 'OUT-1', 'LATE-1', 'AIR-2']);
    expect(await ids('analyst', 'incidents.geojson?agreement=test-coh')).toEqual(['AIR-1', 'AIR-2']); // prettier-ignore
    expect(await ids('analyst', 'incidents.csv?agreement=test-coh&status=flagged')).toEqual(['AIR-1']); // prettier-ignore
    expect(await ids('analyst', 'incidents.csv?zone=area&certainty=certain')).toEqual(['AIR-1', 'AIR-2']); // prettier-ignore
    expect(await ids('analyst', 'incidents.hxl.csv?bbox=37.5,34.5,38.5,35.5')).toEqual(['OUT-1']);
    expect(await ids('analyst', 'incidents.hxl.csv?from=2018-02-18T00:00:00Z')).toEqual(['LATE-1']);
  });

  it('shares with the public every incident, but only confirmed violations', async () => {
    expect(await ids('public', 'incidents.csv')).toEqual(['AIR-1', 'OUT-1', 'LATE-1', 'AIR-2']);
    expect(await ids('public', 'incidents.csv?agreement=test-coh')).toEqual(['AIR-2']);
    expect(await ids('public', 'incidents.csv?status=flagged')).toEqual([]);
    expect(await ids('analyst', 'violations.csv')).toHaveLength(2);
    for (const as of ['public', 'liaison-opp'] as const) {
      expect(await ids(as, 'violations.csv?status=all')).toHaveLength(1);
      const fc = await json(await get(as, 'violations.geojson'));
      expect(fc.features.map((f: { properties: { status: string } }) => f.properties.status)).toEqual(['confirmed']); // prettier-ignore
    }
  });

  it('refuses bad filters and strangers with the usual error', async () => {
    const bad = await get('analyst', 'incidents.csv?bbox=1,2');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({ code: 'validation_failed', field: 'bbox' });
    expect((await get('analyst', 'violations.csv?status=nope')).status).toBe(400);
    expect((await get(null, 'incidents.csv')).status).toBe(401);
  });

  it('neutralises formula cells in violation CSV unless raw=true', async () => {
    const ref = '=HYPERLINK("http://x","y")';
    await createIncident(env.ctx, SYSTEM_ACTOR, parseInput(incidentInputSchema, airStrike({ external_id: ref }))); // prettier-ignore
    const refsOf = (text: string) => csvRows(text).map((r) => r.incident_ref);
    const safe = await get('analyst', 'violations.csv');
    expect(refsOf(await safe.text())).toContain(`'${ref}`);
    const raw = await get('analyst', 'violations.csv?raw=true');
    expect(refsOf(await raw.text())).toContain(ref);
    const list = await fetch(`${url}/api/v1/violations?format=csv`, { headers: headers.analyst });
    const rows = csvRows(await list.text());
    expect(rows.map((r) => r.incident_ref)).toContain(`'${ref}`);
    expect(rows.every((r) => !r.lon!.startsWith("'"))).toBe(true);
    const listRaw = await fetch(`${url}/api/v1/violations?format=csv&raw=true`, { headers: headers.analyst }); // prettier-ignore
    expect(refsOf(await listRaw.text())).toContain(ref);
    expect((await get('analyst', 'violations.csv?raw=maybe')).status).toBe(400);
    const cli = runCli(['violations', '--format', 'csv', '--db', env.path]);
    ok(cli);
    expect(refsOf(cli.stdout)).toContain(`'${ref}`);
    const cliRaw = runCli(['violations', '--format', 'csv', '--raw', '--db', env.path]);
    ok(cliRaw);
    expect(refsOf(cliRaw.stdout)).toContain(ref);
  });

  it('exports violations from the command line too', () => {
    const r = runCli(['export', 'violations', '--format', 'geojson', '--status', 'confirmed', '--db', env.path]); // prettier-ignore
    ok(r);
    expect(JSON.parse(r.stdout).features).toHaveLength(1);
  });
});

describe('streaming', () => {
  const ROWS = 5_000;
  let env: Awaited<ReturnType<typeof tempContext>>;
  let app: FastifyInstance;
  let url: string;
  let headers: Record<Caller, { authorization: string }>;

  beforeAll(async () => {
    env = await tempContext();
    await importAgreementDocument(env.ctx, parseInput(agreementDocumentSchema, agreementDoc()), SYSTEM_ACTOR); // prettier-ignore
    const rows = Array.from({ length: ROWS }, (_, k) =>
      acledRow({ id: `S${k}`, date: '2018-02-17', lat: 33.1 + (k % 50) / 100, lon: 36.1 + Math.floor(k / 50) / 200 }),
    ); // prettier-ignore
    const csv = join(env.dir, 'many.csv');
    writeFileSync(csv, [ACLED_HEADER, ...rows].join('\n') + '\n');
    ok(runCli(['incidents', 'import', csv, '--db', env.path]));
    app = testServer(env.ctx);
    ({ headers } = await setupScenario(env.ctx));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  const get = (path: string, as: Caller = 'analyst') =>
    fetch(`${url}/api/v1/exports/${path}`, { headers: headers[as] });

  it(`delivers all ${ROWS + 1} incidents and their violations, page after page`, async () => {
    const csv = csvRows(await (await get('incidents.csv')).text());
    expect(csv).toHaveLength(ROWS + 1); // and the scenario's AIR-1
    expect(new Set(csv.map((r) => r.event_id_cnty)).size).toBe(ROWS + 1);
    const fc = await json(await get('incidents.geojson'));
    expect(fc.features).toHaveLength(ROWS + 1);
    const v = csvRows(await (await get('violations.csv')).text());
    expect(new Set(v.map((r) => r.id)).size).toBe(ROWS + 1);
    expect(csvRows(await (await get('violations.csv', 'public')).text())).toEqual([]);
  });

  it('lets a reader leave half way, and serves the next one whole', async () => {
    // A client that reads one chunk, stops reading (the server must wait), then hangs up.
    await new Promise<void>((resolve, reject) => {
      const req = request(`${url}/api/v1/exports/incidents.geojson`, { headers: headers.analyst });
      req.on('response', (res) => {
        res.once('data', () => {
          res.pause();
          setTimeout(() => (req.destroy(), resolve()), 200);
        });
      });
      req.on('error', (e) => (req.destroyed ? resolve() : reject(e)));
      req.end();
    });
    const again = await json(await get('incidents.geojson'));
    expect(again.features).toHaveLength(ROWS + 1);
  });

  it('does not keep the server from closing for a reader that stopped reading', async () => {
    const abort = new AbortController();
    const res = await fetch(`${url}/api/v1/exports/incidents.geojson`, { headers: headers.analyst, signal: abort.signal }); // prettier-ignore
    await res.body!.getReader().read();
    abort.abort();
  });
});

describe('writeExport', () => {
  const format: ExportFormat<number> = {
    contentType: 'text/plain',
    extension: '.txt',
    head: '[',
    rows: (items, first) => (first ? '' : ',') + items.join(','),
    tail: ']',
  };
  async function* pages(n: number, closed: { done: boolean }) {
    try {
      for (let p = 0; p < n; p++) yield Array.from({ length: 100 }, (_, k) => p * 100 + k);
    } finally {
      closed.done = true;
    }
  }

  it('waits for a slow reader and writes every row in order', async () => {
    let text = '';
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk, _enc, done) {
        text += String(chunk);
        setTimeout(done, 1);
      },
    });
    slow.on('drain', () => waits++);
    const closed = { done: false };
    const progress: number[] = [];
    expect(await writeExport(pages(20, closed), format, slow, (n) => progress.push(n))).toBe(2000);
    await new Promise((r) => slow.end(r));
    expect(JSON.parse(text)).toEqual(Array.from({ length: 2000 }, (_, k) => k));
    expect(waits).toBeGreaterThanOrEqual(20);
    expect(progress.at(-1)).toBe(2000);
    expect(closed.done).toBe(true);
  });

  it('stops reading pages when the stream goes away', async () => {
    const gone = new Writable({
      highWaterMark: 64,
      write(_chunk, _enc, done) {
        setTimeout(() => (gone.destroy(), done()), 1);
      },
    });
    const closed = { done: false };
    await expect(writeExport(pages(1000, closed), format, gone)).rejects.toBeInstanceOf(ExportInterrupted); // prettier-ignore
    expect(closed.done).toBe(true);
  });
});
