// The daily report as users get it: through the HTTP API (HTML, Markdown, JSON, PDF; who may ask;
// bad queries refused naming the field) and the CLI (a file written, flags checked), over the demo
// in a real SQLite file. The numbers themselves are checked in test/daily-report.test.ts and
// src/report/daily; the layout in src/report/render.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.ts';
import { governorateAt } from '../src/places/governorates.ts';
import type { DailyReport } from '../src/report/daily/report-types.ts';
import { runCli, signedIn, tempContext, testServer } from './helpers.ts';

const hasChromium = existsSync(process.env.TRUCELINE_CHROMIUM || '/usr/bin/chromium');
const DAY = '2018-02-21';

let env: Awaited<ReturnType<typeof tempContext>>;
let app: FastifyInstance;
let analyst: { authorization: string };

beforeAll(async () => {
  env = await tempContext(() => Date.parse('2018-02-25T12:00:00Z'));
  await loadDemo(env.ctx);
  app = testServer(env.ctx, { logger: false });
  analyst = await signedIn(env.ctx, 'analyst', null, 'report-analyst');
}, 60_000);
afterAll(async () => {
  await app.close();
  await env.close();
});

const get = (url: string, headers = analyst) => app.inject({ method: 'GET', url, headers });

describe('governorates', () => {
  it('places a point in the OCHA governorate it lies in, and nothing outside Syria', () => {
    expect(governorateAt(37.16, 36.2)).toBe('Aleppo');
    expect(governorateAt(36.29, 33.51)).toBe('Damascus');
    expect(governorateAt(35.5, 33.89)).toBeNull(); // Beirut
  });
});

describe('GET /api/v1/reports/daily', () => {
  it('sends the report as self-contained HTML whose figures all link to rows in it', async () => {
    const res = await get(`/api/v1/reports/daily?date=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toContain(`truceline-daily-${DAY}.html`);
    const html = res.body;
    expect(html).toContain('Daily situation report — 21 February 2018');
    expect(html).not.toMatch(/<script|src=|https?:\/\/[^"<\s]*"/i);
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(50);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it('counts the demo per governorate, placing incidents by their point', async () => {
    const res = await get(`/api/v1/reports/daily?date=${DAY}&format=json`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as DailyReport;
    expect(report.period.date).toBe(DAY);
    const areas = report.rolling[0]!.areas.map((a) => a.area);
    expect(areas).toContain('Aleppo');
    // Every incident of the period is in the appendix, and every violation it counts too.
    const listed = new Set(report.appendix.incidents.map((i) => i.id));
    for (const id of report.headline.incidents.current.refs) expect(listed.has(id)).toBe(true);
    expect(report.headline.violations.total.current.value).toBe(
      report.headline.violations.total.current.refs.length,
    );
  });

  it('sends Markdown for e-mail with the headline table', async () => {
    const res = await get(
      `/api/v1/reports/daily?date=${DAY}&format=md&tz=Europe/Kyiv&cutoff=18:00`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.body).toMatch(/^# Daily situation report/);
    expect(res.body).toContain('Europe/Kyiv');
    expect(res.body).toContain('18:00');
    expect(res.body).toMatch(/\| *This period/);
  });

  it.skipIf(!hasChromium)(
    'prints a PDF from the same HTML with Chromium',
    async () => {
      const res = await get(`/api/v1/reports/daily?date=${DAY}&format=pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(20_000);
    },
    60_000,
  );

  it('says clearly when Chromium is missing for a PDF', async () => {
    const before = process.env.TRUCELINE_CHROMIUM;
    process.env.TRUCELINE_CHROMIUM = '/nonexistent/chromium';
    try {
      const res = await get(`/api/v1/reports/daily?date=${DAY}&format=pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('unavailable');
      expect(res.json().error.message).toMatch(/Chromium.*apt-get install -y chromium/);
    } finally {
      if (before === undefined) delete process.env.TRUCELINE_CHROMIUM;
      else process.env.TRUCELINE_CHROMIUM = before;
    }
  });

  it('refuses a bad date, time zone, cut-off or format, naming the field', async () => {
    for (const [query, field] of [
      ['date=2018-02-31', 'date'],
      ['tz=Mars/Olympus', 'tz'],
      ['cutoff=25:00', 'cutoff'],
      ['format=docx', 'format'],
      ['days=0', 'days'],
    ] as const) {
      const res = await get(`/api/v1/reports/daily?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });

  it('is for the cell: a liaison and the public are refused', async () => {
    const party = (await env.ctx.store.listParties())[0]!.id;
    const liaison = await signedIn(env.ctx, 'liaison', party, 'report-liaison');
    expect((await get(`/api/v1/reports/daily?date=${DAY}`, liaison)).statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/reports/daily' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('truceline report daily', () => {
  it('writes the report to a file, and checks its flags', () => {
    const out = join(env.dir, 'daily.md');
    const r = runCli(['report', 'daily', '--db', env.path, '--date', DAY, '--format', 'md', '--out', out]); // prettier-ignore
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /daily report 2018-02-21 \(\d+ violations, \d+ incidents\) written to/,
    );
    expect(readFileSync(out, 'utf8')).toMatch(/^# Daily situation report — 21 February 2018/);

    const html = runCli(['report', 'daily', '--db', env.path, '--date', DAY]);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);

    const bad = runCli(['report', 'daily', '--db', env.path, '--date', '21/02/2018']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--date: must be a date YYYY-MM-DD');
  }, 60_000);
});
