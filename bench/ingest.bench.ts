// Ingest benchmark: a 1,000,000-row ACLED CSV (BENCH_ROWS to change) imported into a fresh SQLite
// file with matching against 5,000 zones in 200 agreements — the `truceline incidents import`
// path — and, in the same run, the baseline of raw prepared inserts of the same rows.
// Run: npm run bench  (or: node --import tsx bench/ingest.bench.ts)
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { importAgreementDocument } from '../src/app/agreements.ts';
import { AppContext } from '../src/app/context.ts';
import { importIncidentFile } from '../src/cli/commands/incidents.ts';
import { DEMO_DIR } from '../src/demo/load-demo.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { agreementDocumentSchema } from '../src/domain/schemas.ts';
import { parseInput } from '../src/domain/validate.ts';
import { ACLED_COLUMNS } from '../src/ingest/acled-csv.ts';
import { openStore } from '../src/store/open-store.ts';
import { makeStarLoad, mulberry32 } from './star-load.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** `star`: 5,000 dense star zones (~7 per point, the engine stress load); `demo`: the demo agreements over Syria. */
const ZONES = process.env.BENCH_ZONES === 'demo' ? 'demo' : 'star';
const DIR = join(process.cwd(), '.bench-data');
const CSV = join(DIR, `acled-${ZONES}-${ROWS}.csv`);
const DB = join(DIR, 'ingest.db');
const AGREEMENTS = 200;

mkdirSync(DIR, { recursive: true });
for (const f of [DB, `${DB}-wal`, `${DB}-shm`, join(DIR, 'baseline.db')])
  rmSync(f, { force: true });

const { polygons, points } = makeStarLoad(ZONES === 'star' ? 5_000 : 0, ROWS);
const rand = mulberry32(11);
if (ZONES === 'demo') {
  // Syria's bounding box, where the demo agreements lie.
  for (let i = 0; i < ROWS; i++) {
    points.lon[i] = 35.7 + rand() * 6.7;
    points.lat[i] = 32.3 + rand() * 5;
  }
}
const SUB = [
  'Air/drone strike',
  'Shelling/artillery/missile attack',
  'Remote explosive/landmine/IED',
];

async function writeCsv(): Promise<void> {
  const out = createWriteStream(CSV);
  out.write(ACLED_COLUMNS.join(',') + '\n');
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const precision = rand() < 0.7 ? 1 : rand() < 0.83 ? 2 : 3;
    const row = [
      `BEN${i}`, `2018-02-${String(day).padStart(2, '0')}`, '2018', '1', 'Political violence',
      'Explosions/Remote violence', SUB[i % 3]!, 'Military Forces of Syria (2000-)', '', 'State forces',
      'Civilians (Syria)', '', 'Civilians', 'State forces-Civilians', 'Civilian targeting', '760', 'Middle East',
      'Syria', 'Aleppo', 'Jebel Saman', 'Jebel Saman', 'Aleppo', points.lat[i]!.toFixed(4), points.lon[i]!.toFixed(4),
      String(precision), 'SOHR', 'National', '"Shelling hit a residential area, damaging homes."', String(i % 4), '', '1618316514',
    ]; // prettier-ignore
    if (!out.write(row.join(',') + '\n'))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

let t = performance.now();
await writeCsv();
console.log(
  `wrote ${ROWS.toLocaleString('en-US')} ACLED rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const ctx = new AppContext(await openStore(DB));
t = performance.now();
if (ZONES === 'demo') {
  for (const file of readdirSync(join(DEMO_DIR, 'agreements')))
    await importAgreementDocument(
      ctx,
      parseInput(
        agreementDocumentSchema,
        JSON.parse(readFileSync(join(DEMO_DIR, 'agreements', file), 'utf8')),
      ),
      SYSTEM_ACTOR,
    );
}
for (let a = 0; a < (ZONES === 'star' ? AGREEMENTS : 0); a++) {
  const features = polygons
    .map((geometry, z) => ({ geometry, z }))
    .filter(({ z }) => z % AGREEMENTS === a)
    .map(({ geometry, z }) => ({
      type: 'Feature',
      id: `z${z}`,
      properties: { name: `zone ${z}`, kind: 'ceasefire_area' },
      geometry,
    }));
  const doc = parseInput(agreementDocumentSchema, {
    id: `agr-${a}`,
    title: `Agreement ${a}`,
    parties: [{ id: 'P1', name: 'Party one' }],
    versions: [
      {
        label: 'v1',
        valid_from: `2018-02-${String(1 + (a % 14)).padStart(2, '0')}T00:00:00Z`,
        valid_until: '2018-03-01T00:00:00Z',
        signed_by: ['P1'],
        zones: { type: 'FeatureCollection', features },
      },
    ],
  });
  await importAgreementDocument(ctx, doc, SYSTEM_ACTOR);
}
console.log(
  `recorded ${ZONES === 'star' ? `5,000 zones in ${AGREEMENTS} agreements` : 'the demo agreements'} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

t = performance.now();
const summary = await importIncidentFile(ctx, CSV);
const importSeconds = (performance.now() - t) / 1000;
await ctx.close();
console.log(
  `import with matching (${ZONES} zones): ${summary.added.toLocaleString('en-US')} incidents, ${summary.violations.toLocaleString('en-US')} violations in ${importSeconds.toFixed(1)} s (${Math.round(ROWS / importSeconds).toLocaleString('en-US')} rows/s)`,
);

// Baseline: the same number of rows through one prepared INSERT in one transaction, no parsing.
const raw = new SQLite(join(DIR, 'baseline.db'));
raw.pragma('journal_mode = WAL');
raw.exec('CREATE TABLE t (id TEXT PRIMARY KEY, lon REAL, lat REAL, day TEXT, notes TEXT)');
const insert = raw.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)');
t = performance.now();
raw.transaction(() => {
  for (let i = 0; i < ROWS; i++)
    insert.run(
      `BEN${i}`,
      points.lon[i],
      points.lat[i],
      '2018-02-01',
      'Shelling hit a residential area.',
    );
})();
const rawSeconds = (performance.now() - t) / 1000;
raw.close();
console.log(
  `baseline raw inserts: ${rawSeconds.toFixed(1)} s | import / baseline ratio ${(importSeconds / rawSeconds).toFixed(1)}×`,
);
