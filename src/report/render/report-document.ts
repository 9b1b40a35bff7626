// The daily report as one renderer-neutral document, in reading order: header, early warning
// (first, as the issue asks), summary, headline figures, agreements and zones, zone changes,
// parties, rolling windows, daily series, map, disputed claims, then the appendix.
import type { DailyReport } from '../daily/report-types.ts';
import { DocContext, type ReportDocument } from './document-model.ts';
import { agreementsSection, zoneChangesSection } from './report-agreements.ts';
import { appendixSections } from './report-appendix.ts';
import { mapSection, rollingSection, seriesSection } from './report-areas.ts';
import { formatDateLong } from './report-format.ts';
import { headerSection } from './report-header.ts';
import { headlineSection } from './report-headline.ts';
import { partiesSection } from './report-parties.ts';
import { summarySection } from './report-summary.ts';
import { disputedSection, earlyWarningSection } from './report-warnings.ts';

export interface RenderOptions {
  /** The report's title; default `Daily situation report — 17 February 2018`. */
  title?: string;
  /** Who issues it, shown under the title, e.g. `Joint monitoring cell, Geneva`. */
  issuer?: string;
}

export function reportDocument(report: DailyReport, options: RenderOptions = {}): ReportDocument {
  const ctx = new DocContext(report);
  // Built in reading order, so that figure-index entries are numbered as a reader meets them.
  const sections = [
    headerSection(ctx),
    earlyWarningSection(ctx),
    summarySection(ctx),
    headlineSection(ctx),
    agreementsSection(ctx),
    zoneChangesSection(ctx),
    partiesSection(ctx),
    rollingSection(ctx),
    seriesSection(ctx),
    mapSection(ctx),
    disputedSection(ctx),
    ...appendixSections(ctx),
  ];
  return {
    title: options.title ?? `Daily situation report — ${formatDateLong(report.period.date)}`,
    subtitle: options.issuer ?? null,
    sections,
    figures: ctx.figures,
    rows: ctx.rows,
    report,
  };
}
