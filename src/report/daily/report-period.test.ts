import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import {
  addDays,
  cutoffInstant,
  dayIndexOf,
  latestReportDate,
  reportPeriod,
  reportPeriods,
} from './report-period.ts';
import { DEFAULT_REPORT_SETTINGS, reportSettingsFromEnv } from './report-settings.ts';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('report periods', () => {
  it('ends each report day at the local cut-off (Damascus was UTC+2 in February 2018)', () => {
    expect(reportPeriod('2018-02-17', '19:30', 'Asia/Damascus')).toEqual({
      date: '2018-02-17',
      from: at('2018-02-16T17:30:00Z'),
      until: at('2018-02-17T17:30:00Z'),
    });
    // Syria has kept UTC+3 all year since late 2022.
    expect(cutoffInstant('2024-01-10', '19:30', 'Asia/Damascus')).toBe(at('2024-01-10T16:30:00Z'));
  });

  it('gives 23- and 25-hour days when the clocks change (Europe/Kyiv, 2018)', () => {
    const spring = reportPeriod('2018-03-25', '19:30', 'Europe/Kyiv');
    expect(spring.from).toBe(at('2018-03-24T17:30:00Z')); // 19:30 EET (UTC+2)
    expect(spring.until).toBe(at('2018-03-25T16:30:00Z')); // 19:30 EEST (UTC+3)
    expect(spring.until - spring.from).toBe(23 * HOUR);
    const autumn = reportPeriod('2018-10-28', '19:30', 'Europe/Kyiv');
    expect(autumn.until - autumn.from).toBe(25 * HOUR);
  });

  it('moves a cut-off inside the spring-forward gap forward and takes the earlier of a repeated one', () => {
    // 03:00 → 04:00 on 25 March 2018 in Kyiv: 03:30 does not exist; it becomes 04:30 EEST.
    expect(cutoffInstant('2018-03-25', '03:30', 'Europe/Kyiv')).toBe(at('2018-03-25T01:30:00Z'));
    // 04:00 → 03:00 on 28 October 2018: 03:30 happens twice, first at 00:30Z (EEST).
    expect(cutoffInstant('2018-10-28', '03:30', 'Europe/Kyiv')).toBe(at('2018-10-28T00:30:00Z'));
  });

  it('puts an instant exactly at the cut-off in the period that starts then', () => {
    const p = reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS);
    const cut = at('2018-02-17T17:30:00Z');
    expect(p.days[dayIndexOf(p.days, cut - 1)]!.date).toBe('2018-02-17');
    expect(dayIndexOf(p.days, cut)).toBe(-1); // the 18th's report, not this one's
    expect(dayIndexOf(p.days, p.range.from)).toBe(0);
    expect(dayIndexOf(p.days, p.range.from - 1)).toBe(-1);
  });

  it('lays out consecutive days: series, baseline, and twice the longest rolling window', () => {
    const p = reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS);
    expect(p.days).toHaveLength(30);
    expect(p.current.date).toBe('2018-02-17');
    expect(p.previous.date).toBe('2018-02-16');
    expect(p.days[0]!.date).toBe('2018-01-19');
    expect(p.rollingDays).toEqual([7, 9]);
    for (let i = 1; i < p.days.length; i++) expect(p.days[i]!.from).toBe(p.days[i - 1]!.until);
    expect(p.range).toEqual({ from: p.days[0]!.from, until: p.current.until });
    const long = reportPeriods('2018-02-17', { ...DEFAULT_REPORT_SETTINGS, rollingDays: 20 });
    expect(long.days).toHaveLength(40);
    expect(long.rollingDays).toEqual([7, 20]);
  });

  it('finds the latest complete report day for a clock reading', () => {
    const s = DEFAULT_REPORT_SETTINGS;
    expect(latestReportDate(at('2018-02-17T17:30:00Z'), s)).toBe('2018-02-17');
    expect(latestReportDate(at('2018-02-17T17:29:59Z'), s)).toBe('2018-02-16');
    // 23:00 UTC on the 17th is already the 18th in Damascus, before that day's cut-off.
    expect(latestReportDate(at('2018-02-17T23:00:00Z'), s)).toBe('2018-02-17');
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(() => addDays('2018-02-30', 1)).toThrow(RangeError);
  });

  it('rejects a malformed cut-off or time zone', () => {
    expect(() => cutoffInstant('2018-02-17', '7:30', 'Asia/Damascus')).toThrow(/HH:MM/);
    expect(() => cutoffInstant('2018-02-17', '19:30', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('report settings from the environment', () => {
  it('defaults to 19:30 in Asia/Damascus, nine days', () => {
    expect(reportSettingsFromEnv({})).toEqual(DEFAULT_REPORT_SETTINGS);
    expect(DEFAULT_REPORT_SETTINGS).toMatchObject({
      cutoff: '19:30',
      timeZone: 'Asia/Damascus',
      rollingDays: 9,
    });
  });

  it('reads the cut-off, the time zone and N', () => {
    const s = reportSettingsFromEnv({
      TRUCELINE_REPORT_CUTOFF: '18:00',
      TRUCELINE_REPORT_TZ: 'Europe/Kyiv',
      TRUCELINE_REPORT_ROLLING_DAYS: '14',
      TRUCELINE_DB: 'x.db',
    });
    expect(s).toMatchObject({ cutoff: '18:00', timeZone: 'Europe/Kyiv', rollingDays: 14 });
  });

  it('names the variable that is wrong', () => {
    const bad = (env: Record<string, string>) => {
      try {
        reportSettingsFromEnv(env);
      } catch (e) {
        return e instanceof AppError ? e.field : 'not an AppError';
      }
      return 'accepted';
    };
    expect(bad({ TRUCELINE_REPORT_CUTOFF: '25:00' })).toBe('TRUCELINE_REPORT_CUTOFF');
    expect(bad({ TRUCELINE_REPORT_TZ: 'Damascus' })).toBe('TRUCELINE_REPORT_TZ');
    expect(bad({ TRUCELINE_REPORT_ROLLING_DAYS: '0' })).toBe('TRUCELINE_REPORT_ROLLING_DAYS');
  });
});
