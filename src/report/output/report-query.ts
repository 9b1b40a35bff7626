// What a caller may ask of the daily report — the same fields from the CLI's flags and the HTTP
// query string, validated once at either edge: the date, the format, and settings that override
// the configured cut-off, time zone and rolling window for this one report.
import { z } from 'zod';
import { parseIsoDay } from '../../domain/time-window.ts';
import { CUTOFF_PATTERN, isTimeZone, type ReportSettings } from '../daily/report-settings.ts';
import { REPORT_FORMATS } from './daily-report-output.ts';

export const dailyReportQuery = z.object({
  date: z
    .string()
    .refine((d) => parseIsoDay(d) !== undefined, 'must be a date YYYY-MM-DD')
    .optional(),
  format: z
    .enum(REPORT_FORMATS, { message: `must be ${REPORT_FORMATS.join(', ')}` })
    .default('html'),
  cutoff: z.string().regex(CUTOFF_PATTERN, 'must be a local time HH:MM, e.g. 19:30').optional(),
  tz: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Damascus').optional(),
  days: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be 1 or more')
    .max(90, 'must be 90 or fewer')
    .optional(),
});
export type DailyReportQuery = z.output<typeof dailyReportQuery>;

/** The settings the query overrides. */
export function settingsOf(q: DailyReportQuery): Partial<ReportSettings> {
  return {
    ...(q.cutoff && { cutoff: q.cutoff }),
    ...(q.tz && { timeZone: q.tz }),
    ...(q.days && { rollingDays: q.days }),
  };
}
