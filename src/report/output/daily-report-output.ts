// The daily report in the format asked for, as the CLI writes it and the HTTP API sends it: HTML
// (self-contained, prints well), PDF (that HTML printed by Chromium), Markdown (for e-mail) or JSON
// (the figures themselves, with every row id). One place decides names and content types.
import type { DailyReport } from '../daily/report-types.ts';
import { renderReportHtml } from '../render/report-html.ts';
import { renderReportMarkdown } from '../render/report-markdown.ts';
import { htmlToPdf } from './html-to-pdf.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOutput {
  body: string | Buffer;
  contentType: string;
  /** e.g. truceline-daily-2018-02-18.html */
  filename: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export async function dailyReportOutput(
  report: DailyReport,
  format: ReportFormat,
): Promise<ReportOutput> {
  const filename = `truceline-daily-${report.period.date}.${format}`;
  const body =
    format === 'html'
      ? renderReportHtml(report)
      : format === 'pdf'
        ? await htmlToPdf(renderReportHtml(report))
        : format === 'md'
          ? renderReportMarkdown(report)
          : JSON.stringify(report, null, 2) + '\n';
  return { body, contentType: CONTENT_TYPES[format], filename };
}
