// Export benchmark: a database of 1,000,000 incidents (BENCH_ROWS to change) over the demo
// agreements, exported as ACLED CSV and GeoJSON (and its violations as CSV) to files — the
// `truceline export` path — against, in the same run, the baseline of iterating the incident rows
// with a raw prepared SELECT and writing them out comma-joined. The peak RSS sampled while each
// export runs shows that memory stays flat whatever the row count.
// Run: node --import tsx bench/export.bench.ts  (BENCH_ROWS=200000 for a quicker run)
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
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
import {
  INCIDENT_EXPORTS,
  VIOLATION_EXPORTS,
  writeExport,
  type ExportFormat,
} from '../src/ingest/export-stream.ts';
import { openStore } from '../src/store/open-store.ts';
import { INCIDENT_COLUMNS } from '../src/store/tables.ts';
import { mulberry32 } from './star-load.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PAGE = 2000;
const DIR = join(process.cwd(), '.bench-data');
/** bench/ingest.bench.ts with BENCH_ZONES=demo writes the same rows: reuse its file when present. */
const CSV = join(DIR, `acled-demo-${ROWS}.csv`);
const DB = join(DIR, `export-${ROWS}.db`);
const OUT = join(DIR, 'export-out');
mkdirSync(OUT, { recursive: true });

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const rate = (rows: number, s: number) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;

/** Runs `fn`, sampling the RSS every 20 ms (the export yields to the event loop between pages). */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t = performance.now();
  try {
    const value = await fn();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - t) / 1000, peakRss };
  } finally {
    clearInterval(timer);
  }
}

async function writeCsv(): Promise<void> {
  const rand = mulberry32(11);
  const out = createWriteStream(CSV);
  out.write(ACLED_COLUMNS.join(',') + '\n');
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const row = [
      `BEN${i}`, `2018-02-${String(day).padStart(2, '0')}`, '2018', String(1 + (i % 3)), 'Political violence',
      'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Military Forces of Syria (2000-)', '',
      'State forces', 'Civilians (Syria)', '', 'Civilians', 'State forces-Civilians', 'Civilian targeting', '760',
      'Middle East', 'Syria', 'Aleppo', 'Jebel Saman', 'Jebel Saman', 'Aleppo', (32.3 + rand() * 5).toFixed(4),
      (35.7 + rand() * 6.7).toFixed(4), String(1 + (i % 3)), 'SOHR', 'National',
      '"Shelling hit a residential area, damaging homes."', String(i % 4), '', '1618316514',
    ]; // prettier-ignore
    if (!out.write(row.join(',') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function buildDatabase(): Promise<void> {
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });
  if (!existsSync(CSV)) await writeCsv();
  const ctx = new AppContext(await openStore(DB));
  try {
    for (const file of readdirSync(join(DEMO_DIR, 'agreements')))
      await importAgreementDocument(
        ctx,
        parseInput(
          agreementDocumentSchema,
          JSON.parse(readFileSync(join(DEMO_DIR, 'agreements', file), 'utf8')),
        ),
        SYSTEM_ACTOR,
      );
    const t = performance.now();
    const s = await importIncidentFile(ctx, CSV);
    console.log(`built ${DB}: ${s.added.toLocaleString('en-US')} incidents, ${s.violations.toLocaleString('en-US')} violations in ${((performance.now() - t) / 1000).toFixed(1)} s`); // prettier-ignore
  } finally {
    await ctx.close();
  }
}

/** Reuse the database of an earlier run when it has the rows and today's incident columns. */
function reusable(): boolean {
  if (!existsSync(DB)) return false;
  const raw = new SQLite(DB, { readonly: true });
  try {
    const columns = new Set(
      (
        raw.prepare("SELECT name FROM pragma_table_info('incidents')").all() as { name: string }[]
      ).map((c) => c.name),
    );
    if (!INCIDENT_COLUMNS.every((c) => columns.has(c))) return false;
    return (raw.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n === ROWS;
  } finally {
    raw.close();
  }
}
const reuse = reusable();
if (reuse) console.log(`reusing ${DB}`);
else await buildDatabase();

const ctx = new AppContext(await openStore(DB));
const violations = (await ctx.store.listViolations({ limit: 1 })).total;
console.log(`${ROWS.toLocaleString('en-US')} incidents, ${violations.toLocaleString('en-US')} violations; RSS before exporting ${mb(process.memoryUsage().rss)}`); // prettier-ignore

async function toFile<T>(name: string, pages: AsyncIterable<T[]>, format: ExportFormat<T>) {
  const path = join(OUT, name);
  const out = createWriteStream(path);
  const r = await measured(async () => {
    const n = await writeExport(pages, format, out);
    out.end();
    await once(out, 'close');
    return n;
  });
  return { ...r, bytes: statSync(path).size };
}

// Baseline: the incident rows through one raw prepared SELECT (.iterate()), each row's values
// comma-joined, written out in pages of the same size with the same backpressure. Run twice: the
// first run warms the OS page cache, the second is timed.
const rawExport = () =>
  measured(async () => {
    const raw = new SQLite(DB, { readonly: true });
    const out = createWriteStream(join(OUT, 'baseline.txt'));
    let chunk = '';
    let n = 0;
    for (const row of raw.prepare('SELECT * FROM incidents ORDER BY id').iterate() as Iterable<
      Record<string, unknown>
    >) {
      chunk += Object.values(row).join(',') + '\n';
      if (++n % PAGE === 0) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'close');
    raw.close();
    return n;
  });
await rawExport();
const baseline = await rawExport();
const baseBytes = statSync(join(OUT, 'baseline.txt')).size;
console.log(`baseline raw SELECT + write: ${baseline.seconds.toFixed(1)} s (${rate(baseline.value, baseline.seconds)}, ${mb(baseBytes)}), peak RSS ${mb(baseline.peakRss)}`); // prettier-ignore

const runs = [
  ['incidents ACLED CSV', () => toFile('incidents.csv', ctx.store.scanIncidentsForExport({}, PAGE), INCIDENT_EXPORTS['acled-csv'])],
  ['incidents GeoJSON', () => toFile('incidents.geojson', ctx.store.scanIncidentsForExport({}, PAGE), INCIDENT_EXPORTS.geojson)],
  ['violations CSV', () => toFile('violations.csv', ctx.store.scanViolationsForExport({}, PAGE), VIOLATION_EXPORTS.csv)],
] as const; // prettier-ignore
for (const [label, run] of runs) {
  const r = await run();
  console.log(`${label}: ${r.value.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s (${rate(r.value, r.seconds)}, ${mb(r.bytes)}), peak RSS ${mb(r.peakRss)} | export / baseline ratio ${(r.seconds / baseline.seconds).toFixed(1)}×`); // prettier-ignore
}
await ctx.close();
