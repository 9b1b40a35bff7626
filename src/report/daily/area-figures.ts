// Figures per report day — per area (the incident's admin1, i.e. governorate) and per zone — and
// what is built from them: the rolling windows (last 7 and N days against the days before them)
// and the daily series for the charts. Violations here are those not dismissed; killed is the
// best estimate.
import type { CountedIncident } from './counted-incidents.ts';
import { compared, sumOf, Tally } from './figures.ts';
import type { ReportPeriods } from './report-period.ts';
import type { Area, DailySeries, RollingWindow, WindowFigures } from './report-types.ts';
import { zoneKeyOf } from './zone-figures.ts';

/** One tally per report day (index as in periods.days). */
export interface Days {
  incidents: Tally[];
  violations: Tally[];
  killed: Tally[];
  civiliansKilled: Tally[];
}

function days(count: number): Days {
  const make = (of: 'incident' | 'violation') => Array.from({ length: count }, () => new Tally(of));
  return {
    incidents: make('incident'),
    violations: make('violation'),
    killed: make('incident'),
    civiliansKilled: make('incident'),
  };
}

function addIncident(d: Days, i: CountedIncident): void {
  d.incidents[i.day]!.add(i.row.id);
  d.killed[i.day]!.add(i.row.id, i.casualties.killed.best);
  d.civiliansKilled[i.day]!.add(i.row.id, i.casualties.civiliansKilled);
  for (const v of i.violations) if (v.row.status !== 'dismissed') d.violations[i.day]!.add(v.id);
}

/** Areas in name order, incidents without an admin1 last. */
const byArea = (a: Area, b: Area) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1); // prettier-ignore

export function dailyByArea(incidents: readonly CountedIncident[], dayCount: number) {
  const total = days(dayCount);
  const areas = new Map<Area, Days>();
  for (const i of incidents) {
    addIncident(total, i);
    let d = areas.get(i.area);
    if (!d) areas.set(i.area, (d = days(dayCount)));
    addIncident(d, i);
  }
  return { total, areas: [...areas].sort(([a], [b]) => byArea(a, b)) };
}

export interface ZoneDays {
  agreementId: string;
  zoneKey: string;
  days: Days;
}

/** Per zone with a violation not dismissed: those violations and their incidents' killed, per day. */
export function dailyByZone(incidents: readonly CountedIncident[], dayCount: number): ZoneDays[] {
  const zones = new Map<string, ZoneDays>();
  for (const i of incidents)
    for (const v of i.violations) {
      if (v.row.status === 'dismissed') continue;
      const key = zoneKeyOf(v.row.agreementId, v.row.zoneKey);
      let z = zones.get(key);
      if (!z)
        zones.set(key, (z = { agreementId: v.row.agreementId, zoneKey: v.row.zoneKey, days: days(dayCount) })); // prettier-ignore
      z.days.violations[i.day]!.add(v.id);
      z.days.killed[i.day]!.add(i.row.id, i.casualties.killed.best);
    }
  return [...zones].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, z]) => z);
}

function windowOf(d: Days, from: number, until: number, width: number): WindowFigures {
  const w = (ts: Tally[], of: 'incident' | 'violation') =>
    compared(sumOf(of, ts.slice(from, until)), sumOf(of, ts.slice(from - width, from)));
  return {
    incidents: w(d.incidents, 'incident'),
    violations: w(d.violations, 'violation'),
    killed: w(d.killed, 'incident'),
    civiliansKilled: w(d.civiliansKilled, 'incident'),
  };
}

export function rollingWindows(
  periods: ReportPeriods,
  byArea: ReturnType<typeof dailyByArea>,
): RollingWindow[] {
  const end = periods.days.length;
  return periods.rollingDays.map((width) => {
    const start = end - width;
    return {
      days: width,
      from: periods.days[start]!.from,
      until: periods.current.until,
      previousFrom: periods.days[start - width]!.from,
      total: windowOf(byArea.total, start, end, width),
      areas: byArea.areas.map(([area, d]) => ({ area, ...windowOf(d, start, end, width) })),
    };
  });
}

export function dailySeries(
  periods: ReportPeriods,
  byArea: ReturnType<typeof dailyByArea>,
): DailySeries {
  const start = periods.days.length - periods.seriesDays;
  const figures = (ts: Tally[]) => ts.slice(start).map((t) => t.figure());
  return {
    days: periods.days.slice(start),
    total: { violations: figures(byArea.total.violations), killed: figures(byArea.total.killed) },
    areas: byArea.areas
      .map(([area, d]) => ({ area, violations: figures(d.violations), killed: figures(d.killed) }))
      .filter((a) => a.violations.some((f) => f.value > 0) || a.killed.some((f) => f.value > 0)),
  };
}
