// /api/v1/reports/daily: the daily situation report as HTML, PDF, Markdown or JSON. The cell makes
// it and sends it to the parties: it counts pending and dismissed violations and their
// attributions, which outside the cell are not shared (the violation list's rule), so it is for
// the cell's staff.
import { useReportCsp } from '../security-headers.ts';
import { dailyReportResponse } from '../../api/reports.ts';
import type { AppContext } from '../../app/context.ts';
import { buildDailyReport } from '../../app/load-report-rows.ts';
import { READ_DAILY_REPORT } from '../../domain/access.ts';
import { dailyReportOutput } from '../../report/output/daily-report-output.ts';
import { dailyReportQuery, settingsOf } from '../../report/output/report-query.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function reportRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: READ_DAILY_REPORT },
    url: '/api/v1/reports/daily',
    tag: 'reports',
    summary:
      'The daily report: the 24 hours up to the cut-off against the day before, per agreement, zone, party and area, every figure linked to its rows',
    query: dailyReportQuery,
    response: {
      status: 200,
      description:
        'HTML (self-contained), PDF (needs Chromium on the server; 503 unavailable otherwise), Markdown, or the figures as JSON',
      contentTypes: ['text/html', 'application/pdf', 'text/markdown', 'application/json'],
      schema: dailyReportResponse,
    },
    handler: async ({ query, reply }) => {
      const report = await buildDailyReport(ctx, {
        date: query.date,
        settings: settingsOf(query),
      });
      const out = await dailyReportOutput(report, query.format);
      const disposition = query.format === 'html' ? 'inline' : 'attachment';
      void reply
        .type(out.contentType)
        .header('content-disposition', `${disposition}; filename="${out.filename}"`)
        .header('cache-control', 'no-store');
      if (query.format === 'html') useReportCsp(reply);
      return out.body;
    },
  });
}
