// The headline figures — incidents by type, violations by certainty and review, casualties low /
// best / high — each for the period against the previous period.
import type { Compared } from '../daily/report-types.ts';
import type { DocContext, Inline, Section, Table, TableRow } from './document-model.ts';
import { formatDelta } from './report-format.ts';

export function comparedRow(
  ctx: DocContext,
  label: string,
  c: Compared,
  caption: string,
): TableRow {
  const { current, previous } = ctx.periodLabels;
  const cell = (f: Compared['current'], day: string): Inline[] => [ctx.fig(f, `${caption} · ${day}`)]; // prettier-ignore
  return {
    cells: [[label], cell(c.current, current), cell(c.previous, previous), [formatDelta(c.delta)]],
  };
}

function comparedTable(ctx: DocContext, rows: TableRow[], caption: string): Table {
  const { current, previous } = ctx.periodLabels;
  return {
    caption,
    head: ['', `This period (${current})`, `Previous (${previous})`, 'Change'],
    numeric: [false, true, true, true],
    rows,
  };
}

export function headlineSection(ctx: DocContext): Section {
  const h = ctx.report.headline;
  const row = (label: string, c: Compared, caption = label) =>
    comparedRow(ctx, label, c, `Headline · ${caption}`);
  const byType = h.incidentsByType
    .filter((t) => t.incidents.current.value > 0 || t.incidents.previous.value > 0)
    .map((t) => row(t.eventType, t.incidents, `incidents, ${t.eventType}`));
  const v = h.violations;
  const k = h.casualties;
  return {
    id: 'headline',
    title: 'Headline figures',
    role: 'body',
    blocks: [
      {
        kind: 'table',
        table: comparedTable(
          ctx,
          [{ ...row('Incidents, all types', h.incidents), total: true }, ...byType],
          'Incidents by type (types with none in either period left out)',
        ),
      },
      {
        kind: 'table',
        table: comparedTable(
          ctx,
          [
            { ...row('Violations', v.total), total: true },
            row('certain', v.certain, 'violations, certain'),
            row('possible', v.possible, 'violations, possible'),
            row('confirmed', v.confirmed, 'violations, confirmed'),
            row('pending review', v.pending, 'violations, pending review'),
            row('Dismissed (not violations)', v.dismissed, 'dismissed'),
          ],
          'Violations: certain + possible = confirmed + pending review',
        ),
      },
      {
        kind: 'table',
        table: comparedTable(
          ctx,
          [
            { ...row('Killed, best estimate', k.killed.best), total: true },
            row('Killed, low estimate', k.killed.low),
            row('Killed, high estimate', k.killed.high),
            row('Civilians killed', k.civiliansKilled),
            row('Injured, best estimate', k.injured.best),
            row('Injured, low estimate', k.injured.low),
            row('Injured, high estimate', k.injured.high),
          ],
          'Casualties of every incident of the period, violation or not',
        ),
      },
    ],
  };
}
