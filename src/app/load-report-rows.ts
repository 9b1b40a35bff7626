// The daily report's rows, read from the store in one read transaction (one consistent snapshot):
// the incidents starting in the report's range with their violations and reports through the one
// narrow query (Store.reportRows, which walks the start-time index, so a long history outside the
// range costs nothing), and the small registries beside them. Then the figures (src/report/daily).
import { AppError } from '../domain/errors.ts';
import { governorateAt } from '../places/governorates.ts';
import { parseIsoDay } from '../domain/time-window.ts';
import { dailyFigures } from '../report/daily/daily-figures.ts';
import { latestReportDate, reportPeriods } from '../report/daily/report-period.ts';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../report/daily/report-settings.ts';
import type { DailyReport, ReportRows } from '../report/daily/report-types.ts';
import type { Store } from '../store/store.ts';
import type { AppContext } from './context.ts';

export async function loadReportRows(
  store: Store,
  range: { from: number; until: number },
): Promise<ReportRows> {
  return store.transaction(async (tx) => {
    const rows = await tx.reportRows(range);
    const { violations, reports } = rows;
    // The report counts per governorate: an incident that names none is placed by its point.
    const incidents = rows.incidents.map((r) =>
      r.admin1 ? r : { ...r, admin1: governorateAt(r.lon, r.lat) },
    );
    const proposals = await tx.listProposals({});
    const decisions = [];
    for (let i = 0; i < proposals.length; i += 500)
      decisions.push(...(await tx.listDecisions(proposals.slice(i, i + 500).map((p) => p.id))));
    return {
      incidents,
      violations,
      reports,
      sources: await tx.listSources(),
      parties: await tx.listParties(),
      agreements: await tx.listAgreements(),
      versions: await tx.listVersions(),
      proposals,
      decisions,
      notices: await tx.listNotices({}),
      merges: await tx.listMerges({}),
    };
  });
}

/**
 * The report of `date` (YYYY-MM-DD, the local date whose cut-off ends the period); by default the
 * latest period complete at the clock's reading. Settings come from the configuration, then from
 * `opts.settings` (already validated at the edge).
 */
export async function buildDailyReport(
  ctx: AppContext,
  opts: { date?: string | undefined; settings?: Partial<ReportSettings> } = {},
): Promise<DailyReport> {
  const settings = { ...(ctx.config.report ?? DEFAULT_REPORT_SETTINGS), ...opts.settings };
  const now = ctx.config.now();
  if (opts.date !== undefined && parseIsoDay(opts.date) === undefined)
    throw new AppError('validation_failed', 'date: must be a date YYYY-MM-DD', 'date');
  const periods = reportPeriods(opts.date ?? latestReportDate(now, settings), settings);
  const rows = await loadReportRows(ctx.store, periods.range);
  return dailyFigures(rows, periods, { generatedAt: now, earlyWarning: settings.earlyWarning });
}
