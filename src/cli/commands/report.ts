// `truceline report daily [--date YYYY-MM-DD] [--format html|pdf|md|json] [--out FILE]`: the daily
// situation report from the local database, to a file or stdout, with the step it is at on a
// terminal. The cut-off, time zone and rolling window come from the environment
// (TRUCELINE_REPORT_*) unless a flag gives them.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { buildDailyReport } from '../../app/load-report-rows.ts';
import { dailyReportOutput, REPORT_FORMATS } from '../../report/output/daily-report-output.ts';
import { dailyReportQuery, settingsOf } from '../../report/output/report-query.ts';
import { withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { progressBar } from '../progress.ts';

const reportFlags = dailyReportQuery.extend({
  db: z.string().optional(),
  out: z.string().min(1, 'must name a file').optional(),
});

export function reportCommand(program: Command): void {
  const report = program.command('report').description('situation reports');
  report
    .command('daily')
    .description(
      'the daily report: the 24 hours up to the cut-off against the day before, per agreement, zone, party and area, with every figure traced to its rows',
    )
    .option(
      '--date <YYYY-MM-DD>',
      'the local date whose cut-off ends the period (default: the last complete one)',
    )
    .option('--format <format>', `${REPORT_FORMATS.join(' | ')} (pdf needs Chromium)`, 'html')
    .option('--out <file>', 'write here (default: stdout)')
    .option(
      '--cutoff <HH:MM>',
      'local time the reporting day ends (default: $TRUCELINE_REPORT_CUTOFF or 19:30)',
    )
    .option(
      '--tz <zone>',
      'IANA time zone of the cut-off (default: $TRUCELINE_REPORT_TZ or Asia/Damascus)',
    )
    .option(
      '--days <n>',
      'N of the "last N days" window (default: $TRUCELINE_REPORT_ROLLING_DAYS or 9)',
    )
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .action(async (raw: Record<string, unknown>) => {
      const f = parseFlags(reportFlags, raw);
      if (f.format === 'pdf' && !f.out && process.stdout.isTTY)
        throw new Error('a PDF is not printed to a terminal: give --out FILE, or redirect stdout');
      const output = await withContext(f.db, async (ctx) => {
        const bar = progressBar('daily report', 3, 'steps');
        try {
          bar.update(0, 'reading and counting');
          const built = await buildDailyReport(ctx, {
            date: f.date,
            settings: settingsOf(f),
          });
          bar.update(1, f.format === 'pdf' ? 'rendering and printing' : 'rendering');
          const out = await dailyReportOutput(built, f.format);
          bar.update(2, 'writing');
          if (f.out) await writeFile(f.out, out.body);
          else process.stdout.write(out.body);
          bar.update(3, 'done');
          return { out, report: built };
        } finally {
          bar.stop();
        }
      });
      if (f.out)
        process.stderr.write(
          `daily report ${output.report.period.date} (${output.report.headline.violations.total.current.value} violations, ${output.report.headline.incidents.current.value} incidents) written to ${f.out}\n`,
        );
    });
}
