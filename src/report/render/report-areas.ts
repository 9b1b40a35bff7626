// Per area (governorate): the rolling windows (last 7 and N report days against the days before),
// the daily series behind the charts, and the map's legend in numbers.
import type { CertaintyLevel } from '../../domain/certainty.ts';
import type { Figure, RollingWindow, WindowFigures } from '../daily/report-types.ts';
import type {
  Block,
  DocContext,
  Inline,
  Section,
  SeriesPanel,
  TableRow,
} from './document-model.ts';
import { sumFigures } from './figure-index.ts';
import { CERTAINTY_LABELS, areaLabel, formatDateShort, formatLocalTime, numberWord, sparkline } from './report-format.ts'; // prettier-ignore

function windowRow(ctx: DocContext, label: string, f: WindowFigures, caption: string): TableRow {
  const cap = (what: string) => `${caption} · ${label} · ${what}`;
  return {
    cells: [
      [label],
      [ctx.cmp(f.incidents, cap('incidents'))],
      [ctx.cmp(f.violations, cap('violations'))],
      [ctx.cmp(f.killed, cap('killed, best'))],
      [ctx.cmp(f.civiliansKilled, cap('civilians killed'))],
    ],
  };
}

function windowBlocks(ctx: DocContext, w: RollingWindow): Block[] {
  const tz = ctx.report.timeZone;
  const caption = `Last ${w.days} days`;
  return [
    {
      kind: 'heading',
      text: `Last ${numberWord(w.days)} report days, ${formatLocalTime(w.from, tz)} to ${formatLocalTime(w.until, tz)}, against the ${numberWord(w.days)} before (from ${formatLocalTime(w.previousFrom, tz)})`,
    },
    {
      kind: 'table',
      table: {
        head: ['Area', 'Incidents', 'Violations', 'Killed (best)', 'Civilians killed'],
        numeric: [false, true, true, true, true],
        rows: [
          { ...windowRow(ctx, 'All areas', w.total, caption), total: true },
          ...w.areas.map((a) => windowRow(ctx, areaLabel(a.area), a, caption)),
        ],
      },
    },
  ];
}

export function rollingSection(ctx: DocContext): Section {
  return {
    id: 'rolling',
    title: 'Rolling windows per area',
    role: 'body',
    blocks: [
      {
        kind: 'paragraph',
        content: ['Violations are those not dismissed; the “was” figure is the same number of report days just before.'], // prettier-ignore
        role: 'note',
      },
      ...ctx.report.rolling.flatMap((w) => windowBlocks(ctx, w)),
    ],
  };
}

export function seriesSection(ctx: DocContext): Section {
  const s = ctx.report.series;
  const days = s.days.length;
  const panels: SeriesPanel[] = [
    { label: 'All areas', violations: s.total.violations, killed: s.total.killed },
    ...s.areas.map((a) => ({ label: areaLabel(a.area), violations: a.violations, killed: a.killed })), // prettier-ignore
  ];
  const values = (fs: readonly Figure[]) => fs.map((f) => f.value);
  const rows: TableRow[] = panels.map((p, i) => ({
    total: i === 0,
    cells: [
      [p.label],
      [ctx.fig(sumFigures('violation', p.violations), `Last ${days} days · ${p.label} · violations`)], // prettier-ignore
      [{ kind: 'spark', text: sparkline(values(p.violations)) }],
      [ctx.fig(sumFigures('incident', p.killed), `Last ${days} days · ${p.label} · killed, best`)], // prettier-ignore
      [{ kind: 'spark', text: sparkline(values(p.killed)) }],
    ],
  }));
  return {
    id: 'series',
    title: `Daily series, last ${numberWord(days)} report days`,
    role: 'body',
    blocks: [
      {
        kind: 'paragraph',
        content: [
          `Violations (not dismissed) and people killed (best estimate) per report day, ${s.days[0] ? formatDateShort(s.days[0].date) : ''} to ${formatDateShort(ctx.report.period.date)}, for all areas and each area with any. In the trend lines ▁ is a day with none and █ the line’s busiest day.`,
        ],
        role: 'note',
      },
      { kind: 'series', dates: s.days.map((d) => d.date), panels },
      {
        kind: 'table',
        table: {
          head: ['Area', `Violations, ${days} days`, 'Per day', `Killed, ${days} days`, 'Per day'],
          numeric: [false, true, false, true, false],
          rows,
        },
      },
    ],
  };
}

export function mapSection(ctx: DocContext): Section {
  const { incidents, zones } = ctx.report.map;
  const by = (state: CertaintyLevel): Figure => {
    const refs = incidents.filter((i) => i.violation === state).map((i) => i.id);
    return { value: refs.length, of: 'incident', refs };
  };
  const states: [CertaintyLevel, string][] = [
    ['certain', ' with a certain violation, '],
    ['possible', ' with a possible one and '],
    ['none', ' with none'],
  ];
  const counts: Inline[] = states.flatMap(([state, words]) => [
    ctx.fig(by(state), `Map · incidents, ${CERTAINTY_LABELS[state]}`),
    words,
  ]);
  const names = new Set(zones.map((z) => `${z.agreementId}\u0000${z.key}`)).size;
  return {
    id: 'map',
    title: 'Map of the period',
    role: 'body',
    blocks: [
      {
        kind: 'paragraph',
        content: [
          'The period’s incidents by their most severe violation not dismissed — ',
          ...counts,
          ` — over the ${numberWord(names)} ${names === 1 ? 'zone' : 'zones'} of the agreement versions in force during it (excluded areas included).`,
        ],
      },
      { kind: 'map' },
    ],
  };
}
