// The daily situation report's numbers (issue 7): from plain rows and the report's periods to one
// DailyReport object, with no I/O — load-report-rows.ts (src/app) reads the rows, renderers lay
// the object out. One pass places every incident in its report day (counted-incidents.ts); the
// sections are built from that: headline, per agreement and zone, zone changes, per party, rolling
// windows and series per area, early warnings, disputed claims, the map and the appendix. Every
// figure carries the ids of its appendix rows. The counting rules are in report-period.ts (which
// day an incident counts in), figures.ts (what counts as a violation), early-warning.ts and
// disputed-claims.ts, and together in docs/daily-report.md.
import { EVENT_TYPES } from '../../domain/event-types.ts';
import type { ReportSourceRow } from './report-rows.ts';
import { appendixIncidents, appendixRecords, appendixViolations, periodMap } from './appendix.ts';
import { dailyByArea, dailyByZone, dailySeries, rollingWindows } from './area-figures.ts';
import { countIncidents, slotOf, type CountedIncident } from './counted-incidents.ts';
import { disputedClaims } from './disputed-claims.ts';
import { earlyWarnings } from './early-warning.ts';
import {
  addCasualties,
  addViolation,
  casualtyTallies,
  compareCasualties,
  compareTallies,
  compareViolations,
  Tally,
  violationTallies,
} from './figures.ts';
import { partyFigures } from './party-figures.ts';
import type { ReportPeriods } from './report-period.ts';
import type { EarlyWarningRule } from './report-settings.ts';
import type { DailyReport, Figure, Headline, ReportRows } from './report-types.ts';
import { zoneChanges } from './zone-changes.ts';
import { latestZones, zoneFigures, zoneKeyOf } from './zone-figures.ts';

export interface FigureOptions {
  /** When the report is made (the clock's reading); review states are as of then. */
  generatedAt: number;
  earlyWarning: EarlyWarningRule;
}

function headlineFigures(
  incidents: readonly CountedIncident[],
  dayOf: { current: number; previous: number },
): Headline {
  const count = [new Tally('incident'), new Tally('incident')] as const;
  const byType = new Map(EVENT_TYPES.map((t) => [t, [new Tally('incident'), new Tally('incident')] as const])); // prettier-ignore
  const violations = [violationTallies(), violationTallies()] as const;
  const casualties = [casualtyTallies(), casualtyTallies()] as const;
  for (const i of incidents) {
    const slot = slotOf(i.day, dayOf);
    if (slot === null) continue;
    count[slot].add(i.row.id);
    byType.get(i.row.eventType)?.[slot].add(i.row.id);
    addCasualties(casualties[slot], i.row.id, i.casualties);
    for (const v of i.violations)
      addViolation(violations[slot], v.id, v.row.certainty, v.row.status);
  }
  return {
    incidents: compareTallies(count[0], count[1]),
    incidentsByType: EVENT_TYPES.map((eventType) => {
      const [now, before] = byType.get(eventType)!;
      return { eventType, incidents: compareTallies(now, before) };
    }),
    violations: compareViolations(violations[0], violations[1]),
    casualties: compareCasualties(casualties[0], casualties[1]),
  };
}

export function dailyFigures(
  rows: ReportRows,
  periods: ReportPeriods,
  options: FigureOptions,
): DailyReport {
  const counted = countIncidents(rows, periods);
  const current = periods.days.length - 1;
  const dayOf = { current, previous: current - 1 };
  const reports = new Map<string, ReportSourceRow[]>();
  for (const r of rows.reports) {
    const list = reports.get(r.incidentId);
    if (list) list.push(r);
    else reports.set(r.incidentId, [r]);
  }
  const reportsOf = (id: string) => reports.get(id) ?? [];
  const sources = new Map(rows.sources.map((s) => [s.id, s]));
  const zones = latestZones(rows.versions);

  const byArea = dailyByArea(counted.incidents, periods.days.length);
  const warnings = earlyWarnings(
    {
      current,
      baselineDays: periods.baselineDays,
      areas: byArea.areas,
      zones: dailyByZone(counted.incidents, periods.days.length),
      zoneName: (a, k) => zones.get(zoneKeyOf(a, k))?.name ?? k,
    },
    options.earlyWarning,
  );
  const parties = partyFigures(rows, counted.violations, dayOf, periods);
  const referred = (pick: (f: Figure) => boolean, figures: Figure[]) =>
    new Set(figures.filter(pick).flatMap((f) => f.refs));
  const partyRefs = parties.flatMap((p) => [
    p.notices.sent.current, p.notices.sent.previous, p.notices.answered.current,
    p.notices.answered.previous, p.notices.open, p.proposals.signed, p.proposals.refused,
  ]); // prettier-ignore

  return {
    generatedAt: options.generatedAt,
    timeZone: periods.timeZone,
    cutoff: periods.cutoff,
    period: periods.current,
    previousPeriod: periods.previous,
    rules: {
      rollingDays: periods.rollingDays,
      seriesDays: periods.seriesDays,
      baselineDays: periods.baselineDays,
      earlyWarning: { ...options.earlyWarning },
    },
    earlyWarnings: warnings,
    headline: headlineFigures(counted.incidents, dayOf),
    agreements: zoneFigures(rows, counted.incidents, dayOf, periods),
    zoneChanges: zoneChanges(rows.versions, periods.current),
    parties,
    rolling: rollingWindows(periods, byArea),
    series: dailySeries(periods, byArea),
    map: periodMap(counted.incidents, current, rows.versions, periods),
    disputed: disputedClaims(
      counted.incidents.filter((i) => i.day === current),
      reportsOf,
      sources,
      new Set(rows.parties.map((p) => p.id)),
    ),
    appendix: {
      incidents: appendixIncidents(counted.incidents, periods, reportsOf, sources),
      violations: appendixViolations(counted.violations, rows.versions),
      ...appendixRecords(
        rows,
        referred((f) => f.of === 'notice', partyRefs),
        referred((f) => f.of === 'proposal', partyRefs),
      ),
    },
  };
}
