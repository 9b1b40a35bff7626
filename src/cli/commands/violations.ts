// `truceline violations`: the current violations, filtered, as JSON (an array) or CSV.
import type { Command } from 'commander';
import { violationToJson } from '../../domain/violation-output.ts';
import { violationsToCsv } from '../../ingest/violation-csv.ts';
import { withContext } from '../context.ts';
import { parseFlags, violationFlags } from '../flags.ts';

const PAGE = 5000;

export function violationsCommand(program: Command): void {
  program
    .command('violations')
    .description('list the violations derived from the incidents and the agreements in force')
    .option('--db <path>', 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)')
    .option('--format <format>', 'json or csv', 'json')
    .option(
      '--raw',
      "csv: keep cell values verbatim (default: a cell starting with =, +, -, @, tab or CR that is not a number gets a leading ' so spreadsheets do not run it)",
    )
    .option('--agreement <id>', 'only this agreement')
    .option('--zone <id-or-key>', 'only this zone (zone id, or zone key / name)')
    .option('--certainty <certainty>', 'certain or possible')
    .option('--from <iso>', 'incidents overlapping [from, until), e.g. 2018-02-17T00:00:00Z')
    .option('--until <iso>', 'see --from')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'incidents inside this box')
    .option(
      '--status <list>',
      'flagged, under_review, confirmed, dismissed, superseded (comma-separated) or all; default: all but superseded',
    )
    .action(async (raw: Record<string, unknown>) => {
      const { db, ...rest } = raw as { db?: string };
      const f = parseFlags(violationFlags, rest);
      await withContext(db, async (ctx) => {
        const filter = {
          agreementId: f.agreement,
          zone: f.zone,
          certainty: f.certainty,
          from: f.from,
          until: f.until,
          bbox: f.bbox,
          statuses: f.status,
        };
        const out = process.stdout;
        if (f.format === 'json') out.write('[');
        for (let offset = 0, first = true; ; offset += PAGE) {
          const { items } = await ctx.store.listViolations({ ...filter, limit: PAGE, offset });
          if (f.format === 'csv') out.write(violationsToCsv(items, offset === 0, f.raw));
          else
            for (const v of items) {
              out.write((first ? '\n  ' : ',\n  ') + JSON.stringify(violationToJson(v)));
              first = false;
            }
          if (items.length < PAGE) break;
        }
        if (f.format === 'json') out.write('\n]\n');
      });
    });
}
