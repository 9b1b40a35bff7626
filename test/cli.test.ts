// The `truceline` command end to end: a real process, a real SQLite file.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_HEADER, acledRow, agreementDoc, versionV1, versionV2 } from './fixtures.ts';
import { ROOT, runCli, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'cli.db');
});
afterAll(() => cleanup());

const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('help', () => {
  it('every command answers --help', () => {
    for (const args of [
      [],
      ['serve'],
      ['agreements', 'import'],
      ['incidents', 'import'],
      ['violations'],
      ['demo'],
    ]) {
      const r = runCli([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: truceline');
    }
  });

  it('an unknown command is a usage error', () => {
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});

describe('agreements import', () => {
  it('records a document, then finds nothing new in it', () => {
    const path = file('agreement.json', JSON.stringify(agreementDoc()));
    const first = runCli(['agreements', 'import', path, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('agreement test-coh: added');
    expect(first.stdout).toContain('versions: added v1');
    const again = runCli(['agreements', 'import', path, '--db', db]);
    expect(again.stdout).toContain('agreement test-coh: unchanged');
    expect(again.stdout).toContain('versions: added none; unchanged v1');
  });

  it('uses TRUCELINE_DB when --db is not given', () => {
    const path = file('agreement2.json', JSON.stringify(agreementDoc()));
    const r = runCli(['agreements', 'import', path, '--json'], { TRUCELINE_DB: db });
    expect(JSON.parse(r.stdout)).toMatchObject({ agreement: { status: 'unchanged' } });
  });

  it('names the field of a bad document and exits non-zero', () => {
    const bad = structuredClone(agreementDoc());
    (bad.versions[0] as { signed_by: string[] }).signed_by = ['NOBODY'];
    const r = runCli(['agreements', 'import', file('bad.json', JSON.stringify(bad)), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('versions[0].signed_by[0]');
  });

  it('says when the file is missing', () => {
    const r = runCli(['agreements', 'import', join(dir, 'nope.json'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });
});

describe('incidents import and violations', () => {
  const csv = () =>
    [
      ACLED_HEADER,
      acledRow({ id: 'SYR10', date: '2018-02-17', lat: 33.5, lon: 36.5 }),
      acledRow({ id: 'SYR11', date: '16 February 2018', lat: 33.02, lon: 36.5, geoPrecision: 2 }),
      acledRow({
        id: 'SYR12',
        date: '2018-02-17',
        lat: 33.5,
        lon: 36.5,
        type: 'Protests',
        sub: 'Peaceful protest',
      }),
      acledRow({ id: 'SYR13', date: '2018-02-17', lat: 33.5, lon: 36.5, timePrecision: 7 }),
      acledRow({ id: 'SYR14', date: '2018-02-17', lat: 33.5, lon: 36.5, fatalities: 'many' }),
    ].join('\n') + '\n';

  it('imports ACLED CSV, reports rejected rows and writes a reject file', () => {
    const rejects = join(dir, 'rejects.csv');
    const r = runCli([
      'incidents',
      'import',
      file('acled.csv', csv()),
      '--db',
      db,
      '--rejects',
      rejects,
    ]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain('5 rows read, 3 added, 0 updated, 0 unchanged, 2 rejected');
    expect(r.stdout).toContain('row 4: time_precision');
    expect(r.stdout).toContain('row 5: fatalities');
    expect(readFileSync(rejects, 'utf8').split('\n')[0]).toBe('row,field,message');
  });

  it('re-importing the same file changes nothing', () => {
    const r = runCli(['incidents', 'import', join(dir, 'acled.csv'), '--db', db]);
    expect(r.stdout).toContain('5 rows read, 0 added, 0 updated, 3 unchanged, 2 rejected');
  });

  it('imports GeoJSON incidents', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'GJ-1',
          geometry: { type: 'Point', coordinates: [36.6, 33.6] },
          properties: {
            event_type: 'Explosions/Remote violence',
            sub_event_type: 'Air/drone strike',
            occurred_from: '2018-02-17T22:00:00Z',
            occurred_until: '2018-02-18T02:00:00Z',
            uncertainty_m: 500,
          },
        },
      ],
    };
    const r = runCli([
      'incidents',
      'import',
      file('incidents.geojson', JSON.stringify(fc)),
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(geojson): 1 rows read, 1 added');
  });

  it('lists violations as JSON with the documented fields', () => {
    const r = runCli(['violations', '--db', db, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    const byRef = Object.fromEntries(items.map((v) => [v.incident_ref, v]));
    expect(Object.keys(byRef).sort()).toEqual(['GJ-1', 'SYR10', 'SYR11']);
    expect(byRef.SYR10).toMatchObject({
      agreement_id: 'test-coh',
      version_label: 'v1',
      zone_name: 'Test area',
      zone_kind: 'ceasefire_area',
      certainty: 'certain',
      occurred_from: '2018-02-17T00:00:00.000Z',
      occurred_until: '2018-02-18T00:00:00.000Z',
    });
    expect(byRef.SYR11).toMatchObject({ certainty: 'possible' }); // 10 km disk 2.2 km from the edge
    expect(byRef['GJ-1']).toMatchObject({ certainty: 'possible' }); // straddles valid_until
  });

  it('filters and prints CSV', () => {
    const r = runCli([
      'violations',
      '--db',
      db,
      '--format',
      'csv',
      '--certainty',
      'certain',
      '--agreement',
      'test-coh',
    ]);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^incident_ref,agreement_id/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['SYR10']);
  });

  it('importing the document with an extension adds v2 and re-evaluates', () => {
    const path = file('agreement-v2.json', JSON.stringify(agreementDoc([versionV1, versionV2])));
    const r = runCli(['agreements', 'import', path, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('versions: added v2; unchanged v1');
    expect(r.stdout).toMatch(/violations: 0 added, 1 changed, 0 removed/);
    const gj = JSON.parse(runCli(['violations', '--db', db]).stdout) as Record<string, unknown>[];
    // GJ-1 straddled v1's end; v2 takes over there with the same zone, so at every instant of its
    // span the version in force has it wholly inside: certain, reported under v1 (in force first).
    expect(gj.find((v) => v.incident_ref === 'GJ-1')).toMatchObject({
      certainty: 'certain',
      version_label: 'v1',
    });
  });

  it('names a bad flag', () => {
    const r = runCli(['violations', '--db', db, '--certainty', 'maybe']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--certainty');
  });
});

describe('serve', () => {
  it('starts on an empty database with the demo loaded and answers the API', async () => {
    const servedDb = join(dir, 'served.db');
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/truceline.js'),
        'serve',
        '--db',
        servedDb,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--no-log',
        // Whatever dist/web holds: `/` is then the status page, which lists the agreements.
        '--web-root',
        join(dir, 'no-web-app'),
      ],
      { cwd: ROOT },
    );
    try {
      let err = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /on (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok' });
      // Not signed in: refused.
      expect((await fetch(`${url}/api/v1/violations?limit=1`)).status).toBe(401);
      // The demo printed one account per role and one liaison per party, with their passwords.
      const accounts = new Map(
        [...err.matchAll(/^ {2}(\S+) +(\S+) {2}(\w+)/gm)].map((m) => [m[1]!, m[2]!]),
      );
      expect([...accounts.keys()]).toEqual(
        expect.arrayContaining([
          'admin',
          'mediator',
          'analyst',
          'monitor',
          'public',
          'liaison-syr-gov',
        ]),
      );
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'analyst', password: accounts.get('analyst') }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const v = (await (
        await fetch(`${url}/api/v1/violations?limit=1`, { headers: { cookie } })
      ).json()) as { total: number };
      expect(v.total).toBe(33);
      expect(await (await fetch(`${url}/`)).text()).toContain('damascus-coh');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
