// Daily report benchmark: a SQLite database of 1,000,000 incidents (BENCH_ROWS to change) spread
// uniformly over the BENCH_DAYS days (default 365) up to 1 March 2018 — the map load of
// bench/map-load.ts, with a governorate per incident — matched against the demo agreements through
// the import path, then reviews, notices and merges on the report's days. Timed, median of 5: the
// rows through the store (loadReportRows: Store.reportRows and the registries) and the figures
// (dailyFigures), the HTML and Markdown editions, against the baseline in the same process of one raw prepared SELECT of the same
// incident columns over the same range (the least any report must read). The database is kept in
// .bench-data and reused when it has the rows.
// Run: npm run bench:report  (BENCH_ROWS=100000 BENCH_DAYS=36.5 keeps the density of 1 M over a year)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppContext, DEFAULT_CONFIG } from '../src/app/context.ts';
import { importIncidentRows } from '../src/app/incidents.ts';
import { buildDailyReport, loadReportRows } from '../src/app/load-report-rows.ts';
import { SYSTEM_ACTOR } from '../src/domain/roles.ts';
import { violationIdOf } from '../src/domain/violation-id.ts';
import { dailyFigures } from '../src/report/daily/daily-figures.ts';
import { reportPeriods } from '../src/report/daily/report-period.ts';
import { DEFAULT_REPORT_SETTINGS } from '../src/report/daily/report-settings.ts';
import { renderReportHtml } from '../src/report/render/report-html.ts';
import { renderReportMarkdown } from '../src/report/render/report-markdown.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadDemoAgreements, mapLoadRows } from './map-load.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const RUNS = 5;
const UNTIL = Date.parse('2018-03-01T00:00:00Z');
const FROM = UNTIL - Math.round(DAYS * 86_400_000);
/** The demo agreements are in force around Damascus and Aleppo from 12 to 26 February 2018. */
const DATE = '2018-02-20';
const DIR = join(process.cwd(), '.bench-data');
const DB = join(DIR, `report-${ROWS}-${DAYS}.db`);
mkdirSync(DIR, { recursive: true });

/** Governorate seats: each incident gets the nearest (a bench's stand-in for the boundaries). */
const SEATS: [string, number, number][] = [
  ['Aleppo', 37.16, 36.2], ['Idleb', 36.63, 35.93], ['Lattakia', 35.79, 35.52], ['Tartous', 35.89, 34.89],
  ['Hama', 36.75, 35.13], ['Homs', 36.72, 34.73], ['Damascus', 36.29, 33.51], ['Rural Damascus', 36.8, 33.4],
  ['Quneitra', 35.82, 33.13], ["Dar'a", 36.1, 32.62], ['As-Sweida', 36.57, 32.71], ['Deir-ez-Zor', 40.14, 35.34],
  ['Ar-Raqqa', 39.01, 35.95], ['Al-Hasakeh', 40.75, 36.5],
]; // prettier-ignore
function governorate(lon: number, lat: number): string {
  let best = SEATS[0]!;
  for (const s of SEATS) if ((s[1] - lon) ** 2 + (s[2] - lat) ** 2 < (best[1] - lon) ** 2 + (best[2] - lat) ** 2) best = s; // prettier-ignore
  return best[0];
}

const periods = reportPeriods(DATE, DEFAULT_REPORT_SETTINGS);
const { range } = periods;

async function build(): Promise<void> {
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });
  // The import's clock: the reviews, notices and merges below happen during the report's days.
  let clock = periods.current.from + 3_600_000;
  const ctx = new AppContext(await openStore(DB), { ...DEFAULT_CONFIG, now: () => clock });
  try {
    await loadDemoAgreements(ctx);
    const t = performance.now();
    const s = await importIncidentRows(ctx, SYSTEM_ACTOR, mapLoadRows(ROWS, { from: FROM, until: UNTIL, admin1: governorate })); // prettier-ignore
    console.log(`built ${DB}: ${s.added.toLocaleString('en-US')} incidents, ${s.violations.toLocaleString('en-US')} violations in ${((performance.now() - t) / 1000).toFixed(1)} s`); // prettier-ignore
    // Reviews straight through the store (the services would journal each one): of the range's
    // violations, every third confirmed and attributed (a notice sent, half of them answered),
    // every seventh dismissed; every hundredth incident of the range merged into the next.
    const { items } = await ctx.store.listViolations({ ...range, limit: 1_000_000 });
    const incidents = (await ctx.store.listIncidents({ ...range, limit: 1_000_000 })).items;
    await ctx.store.transaction(async (tx) => {
      for (const [n, v] of items.entries()) {
        const confirmed = n % 3 === 0;
        if (!confirmed && n % 7 !== 0) continue;
        const attributions = confirmed ? [{ partyId: 'SYR-GOV', kind: 'inferred' as const, evidence: [{ kind: 'rule' as const, ref: 'sole-air-capability' }], note: null }] : []; // prettier-ignore
        const status = confirmed ? ('confirmed' as const) : ('dismissed' as const);
        const key = { incidentId: v.incidentId, agreementId: v.agreementId, zoneKey: v.zoneKey };
        await tx.setViolationReview(key, { status, intent: confirmed ? 'deliberate' : null, attributions, statusNote: 'bench', reviewedBy: 'bench', reviewedAt: clock }); // prettier-ignore
        if (!confirmed) continue;
        clock = v.occurredFrom + 3_600_000;
        await tx.insertNotice({
          incidentId: v.incidentId, agreementId: v.agreementId, zoneKey: v.zoneKey, id: `notice-${violationIdOf(v)}`, partyId: 'SYR-GOV', status: n % 2 ? 'answered' : 'sent', message: 'bench',
          sentAt: clock, sentBy: 'bench', answer: n % 2 ? 'seen' : null, answeredAt: n % 2 ? clock + 3_600_000 : null, answeredBy: n % 2 ? 'bench' : null,
        }); // prettier-ignore
      }
      for (let n = 0; n + 1 < incidents.length; n += 100) {
        const [dup, survivor] = [incidents[n]!, incidents[n + 1]!];
        await tx.setMergedInto(dup.id, survivor.id);
        await tx.insertMerge({ id: `merge-${dup.id}`, survivorId: survivor.id, mergedId: dup.id, reportIds: [], score: null, note: 'bench', mergedBy: 'bench', mergedAt: clock, undoneBy: null, undoneAt: null }); // prettier-ignore
      }
    });
  } finally {
    await ctx.close();
  }
}

function reusable(): boolean {
  if (!existsSync(DB)) return false;
  const raw = new SQLite(DB, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n === ROWS;
  } finally {
    raw.close();
  }
}

async function median(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

if (reusable()) console.log(`reusing ${DB}`);
else await build();

const ctx = new AppContext(await openStore(DB), {
  ...DEFAULT_CONFIG,
  now: () => periods.current.until + 3_600_000,
});
try {
  const raw = new SQLite(DB, { readonly: true });
  const select = raw.prepare(
    `SELECT id, external_id, event_type, sub_event_type, occurred_from, occurred_until, time_precision, lon, lat,
       uncertainty_m, actor1, actor2, fatalities, admin1, location, killed_low, killed_best, killed_high, injured_low,
       injured_best, injured_high, civilians_killed, combatants_killed, corroborated, report_count
     FROM incidents WHERE occurred_from >= ? AND occurred_from < ? AND merged_into IS NULL`,
  ); // prettier-ignore
  const total = (raw.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
  select.all(range.from, range.until); // warm the page cache for everyone alike
  const baseline = await median(() => select.all(range.from, range.until));
  raw.close();

  const rows = await loadReportRows(ctx.store, range);
  const options = { generatedAt: 0, earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning };
  const report = dailyFigures(rows, periods, options);
  const loadMs = await median(() => loadReportRows(ctx.store, range));
  const figuresMs = await median(() => dailyFigures(rows, periods, options));
  const wholeMs = await median(() => buildDailyReport(ctx, { date: DATE }));

  const n = (x: number) => x.toLocaleString('en-US');
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const ratio = (x: number) => `${(x / baseline).toFixed(1)}× baseline`;
  console.log(`${n(total)} incidents over ${DAYS} days; report of ${DATE} (${periods.days.length} report days, ${periods.timeZone} ${periods.cutoff}): ${n(rows.incidents.length)} incidents, ${n(rows.violations.length)} violations, ${n(rows.reports.length)} reports, ${n(rows.merges.length)} merges in range; median of ${RUNS}`); // prettier-ignore
  console.log(
    `baseline raw prepared SELECT of the incident columns over the range: ${ms(baseline)}`,
  );
  console.log(`loadReportRows (Store.reportRows + registries, one read transaction): ${ms(loadMs)} | ${ratio(loadMs)}`); // prettier-ignore
  console.log(`dailyFigures (pure): ${ms(figuresMs)} | ${ratio(figuresMs)}`);
  console.log(`buildDailyReport (both): ${ms(wholeMs)} | ${ratio(wholeMs)}`);
  const html = renderReportHtml(report);
  const md = renderReportMarkdown(report);
  const htmlMs = await median(() => renderReportHtml(report));
  const mdMs = await median(() => renderReportMarkdown(report));
  console.log(`renderReportHtml: ${ms(htmlMs)} | ${ratio(htmlMs)} (${n(Math.round(html.length / 1024))} KiB)`); // prettier-ignore
  console.log(`renderReportMarkdown: ${ms(mdMs)} | ${ratio(mdMs)} (${n(Math.round(md.length / 1024))} KiB)`); // prettier-ignore
  console.log(`whole HTML report (buildDailyReport + renderReportHtml): ${ms(wholeMs + htmlMs)} | ${ratio(wholeMs + htmlMs)}`); // prettier-ignore
  console.log(`period: ${n(report.headline.incidents.current.value)} incidents, ${n(report.headline.violations.total.current.value)} violations (${n(report.headline.violations.dismissed.current.value)} dismissed), ${n(report.headline.casualties.killed.best.current.value)} killed; ${report.earlyWarnings.length} early warnings, ${report.disputed.length} disputed claims, ${n(report.appendix.incidents.length)} appendix incidents`); // prettier-ignore
} finally {
  await ctx.close();
}
