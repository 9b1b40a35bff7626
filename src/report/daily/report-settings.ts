// The daily report's settings: when the reporting day ends (a local cut-off time in a time zone) and
// how long its windows are. Read once from the environment at the edge (the CLI and the server),
// validated, and carried in the app configuration; the rules receive them, never read them.
import { z } from 'zod';
import { parseInput } from '../../domain/validate.ts';

export interface EarlyWarningRule {
  /** A place is never flagged below this many (violations, or people killed) in the period. */
  minCount: number;
  /** …and only when a rise this large had at most this probability under the baseline. */
  alpha: number;
}

export interface ReportSettings {
  /** Local wall-clock time ("HH:MM") at which each reporting day ends, e.g. "19:30". */
  cutoff: string;
  /** IANA time zone of the cut-off, e.g. "Asia/Damascus". */
  timeZone: string;
  /** N of the "last N days" window; the 7-day window is always given too. */
  rollingDays: number;
  /** Days of the daily series (charts). */
  seriesDays: number;
  /** Report days before the period that make the early-warning baseline. */
  baselineDays: number;
  earlyWarning: EarlyWarningRule;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  cutoff: '19:30',
  timeZone: 'Asia/Damascus',
  // "over the last nine days" (DESIGN.md §1).
  rollingDays: 9,
  seriesDays: 30,
  baselineDays: 28,
  earlyWarning: { minCount: 3, alpha: 0.01 },
};

export const CUTOFF_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const days = (max: number) =>
  z.coerce.number().int(`must be a whole number of days`).min(1, 'must be 1 or more').max(max);

const envSchema = z.object({
  TRUCELINE_REPORT_CUTOFF: z
    .string()
    .regex(CUTOFF_PATTERN, 'must be a local time HH:MM, e.g. 19:30')
    .optional(),
  TRUCELINE_REPORT_TZ: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Damascus or Europe/Kyiv')
    .optional(),
  TRUCELINE_REPORT_ROLLING_DAYS: days(90).optional(),
});

/** The settings an environment gives over `base`; a bad value throws an AppError naming the variable. */
export function reportSettingsFromEnv(
  env: Record<string, string | undefined>,
  base: ReportSettings = DEFAULT_REPORT_SETTINGS,
): ReportSettings {
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('TRUCELINE_REPORT_') && v !== ''),
  );
  const e = parseInput(envSchema, given);
  return {
    ...base,
    cutoff: e.TRUCELINE_REPORT_CUTOFF ?? base.cutoff,
    timeZone: e.TRUCELINE_REPORT_TZ ?? base.timeZone,
    rollingDays: e.TRUCELINE_REPORT_ROLLING_DAYS ?? base.rollingDays,
  };
}
