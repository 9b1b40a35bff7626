// The daily series as small multiples: one row per area (all areas first), a bar per report day,
// one chart for violations and one for people killed. Each bar links to the figure-index entry
// of that day's rows and carries its number as a tooltip; the same numbers are in the table
// beside the charts, so nothing rests on the picture alone.
import * as Plot from '@observablehq/plot';
import type { Figure } from '../daily/report-types.ts';
import type { SeriesPanel } from './document-model.ts';
import { figureAnchor, type FigureIndex } from './figure-index.ts';
import { plotSvg, type PlotDocument } from './plot-svg.ts';
import { formatCount, formatDateShort } from './report-format.ts';

export type SeriesMeasure = 'violations' | 'killed';

const MEASURE: Record<SeriesMeasure, { title: string; unit: [string, string]; fill: string }> = {
  violations: { title: 'Violations per report day', unit: ['violation', 'violations'], fill: '#8c2d1e' }, // prettier-ignore
  killed: { title: 'People killed per report day (best estimate)', unit: ['killed', 'killed'], fill: '#3b4a5c' }, // prettier-ignore
};

const DAY_MS = 86_400_000;
const WIDTH = 680;
const ROW_HEIGHT = 44;

interface Bar {
  key: string;
  x1: Date;
  x2: Date;
  value: number;
  href: string;
  title: string;
}

/** The bars of one measure (days with a value only), registering each day's rows. */
function bars(
  dates: readonly string[],
  panels: readonly SeriesPanel[],
  measure: SeriesMeasure,
  figures: FigureIndex,
): Bar[] {
  const [one, many] = MEASURE[measure].unit;
  const out: Bar[] = [];
  panels.forEach((p, row) => {
    const days: readonly Figure[] = p[measure];
    days.forEach((f, i) => {
      const date = dates[i];
      if (f.value <= 0 || date === undefined) return;
      const day = formatDateShort(date);
      const n = figures.ref(f, `Daily series · ${p.label} · ${many} · ${day}`);
      const start = Date.parse(`${date}T00:00:00Z`);
      out.push({
        key: String(row),
        x1: new Date(start),
        x2: new Date(start + DAY_MS),
        value: f.value,
        href: `#${figureAnchor(n)}`,
        title: `${p.label}, ${day}: ${formatCount(f.value)} ${f.value === 1 ? one : many}`,
      });
    });
  });
  return out;
}

/** The chart of one measure, or null when the series has none of it. */
export function seriesChart(
  document: PlotDocument,
  dates: readonly string[],
  panels: readonly SeriesPanel[],
  measure: SeriesMeasure,
  figures: FigureIndex,
): string | null {
  const data = bars(dates, panels, measure, figures);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (data.length === 0 || first === undefined || last === undefined) return null;
  const max = Math.max(...data.map((d) => d.value));
  const keys = panels.map((_, i) => String(i));
  const labels = panels.map((p, i) => ({ key: String(i), label: p.label }));
  return plotSvg(document, `tl-series-${measure}`, {
    width: WIDTH,
    height: 30 + panels.length * ROW_HEIGHT,
    marginLeft: 130,
    marginRight: 36,
    marginTop: 6,
    ariaLabel: MEASURE[measure].title,
    x: {
      type: 'utc',
      domain: [new Date(Date.parse(`${first}T00:00:00Z`)), new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS)], // prettier-ignore
      label: null,
      ticks: 6,
    },
    y: { domain: [0, max], ticks: [max], tickFormat: (d: number) => formatCount(d), axis: 'right', label: null, grid: true }, // prettier-ignore
    fy: { domain: keys, axis: null, padding: 0.2 },
    marks: [
      Plot.frame({ stroke: '#ccc', strokeWidth: 0.5 }),
      Plot.rectY(data, {
        x1: 'x1',
        x2: 'x2',
        y: 'value',
        fy: 'key',
        inset: 0.5,
        fill: MEASURE[measure].fill,
        href: 'href',
        title: 'title',
      }),
      Plot.text(labels, {
        fy: 'key',
        text: 'label',
        frameAnchor: 'left',
        textAnchor: 'end',
        dx: -6,
        lineWidth: 11,
        textOverflow: 'ellipsis',
      }),
      Plot.ruleY([0], { stroke: '#888' }),
    ],
  });
}

export const seriesTitle = (measure: SeriesMeasure) => MEASURE[measure].title;
