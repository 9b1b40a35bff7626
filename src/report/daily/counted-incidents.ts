// The incidents the report counts, each once: merged duplicates are left out (their reports moved
// to the survivor, which counts), every incident is placed in the report day that contains its
// start, and its casualties are read once.
import { violationIdOf } from '../../domain/violation-id.ts';
import type { CasualtyCount } from '../../domain/report.ts';
import type { ReportIncidentRow, ReportViolationRow } from './report-rows.ts';
import type { Casualties } from './figures.ts';
import { dayIndexOf, type ReportPeriods } from './report-period.ts';
import type { Area, ReportRows } from './report-types.ts';

export interface CountedViolation {
  id: string;
  row: ReportViolationRow;
  incident: CountedIncident;
}

export interface CountedIncident {
  row: ReportIncidentRow;
  /** Index of its report day in periods.days. */
  day: number;
  area: Area;
  casualties: Casualties;
  /** Not superseded, by agreement and zone key. */
  violations: CountedViolation[];
  mergedFrom: string[];
}

export interface Counted {
  /** In start order (then id). */
  incidents: CountedIncident[];
  byId: Map<string, CountedIncident>;
  /** In the incidents' order, then agreement and zone key. */
  violations: CountedViolation[];
}

const filled = (c: CasualtyCount) => ({
  low: c.low ?? c.best ?? c.high ?? 0,
  best: c.best ?? c.low ?? c.high ?? 0,
  high: c.high ?? c.best ?? c.low ?? 0,
});

/**
 * The figures combined from the incident's reports (domain/report.ts); an incident with no figure
 * from any report counts its coded fatalities as low = best = high.
 */
export function casualtiesOf(i: ReportIncidentRow): Casualties {
  const k = i.assessment.killed;
  const given = k.low !== null || k.best !== null || k.high !== null;
  const f = i.fatalities ?? 0;
  return {
    killed: given ? filled(k) : { low: f, best: f, high: f },
    injured: filled(i.assessment.injured),
    civiliansKilled: i.assessment.civiliansKilled ?? 0,
  };
}

const byStart = (a: ReportIncidentRow, b: ReportIncidentRow) =>
  a.occurredFrom - b.occurredFrom || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function countIncidents(rows: ReportRows, periods: ReportPeriods): Counted {
  const merged = new Set<string>();
  const mergedFrom = new Map<string, string[]>();
  for (const m of rows.merges) {
    if (m.undoneAt !== null) continue;
    merged.add(m.mergedId);
    const list = mergedFrom.get(m.survivorId) ?? [];
    list.push(m.mergedId);
    mergedFrom.set(m.survivorId, list);
  }
  let list = rows.incidents;
  for (let i = 1; i < list.length; i++)
    if (byStart(list[i - 1]!, list[i]!) > 0) {
      list = [...list].sort(byStart);
      break;
    }
  const incidents: CountedIncident[] = [];
  const byId = new Map<string, CountedIncident>();
  for (const row of list) {
    if (merged.has(row.id) || byId.has(row.id)) continue;
    const day = dayIndexOf(periods.days, row.occurredFrom);
    if (day < 0) continue;
    const c: CountedIncident = {
      row,
      day,
      area: row.admin1,
      casualties: casualtiesOf(row),
      violations: [],
      mergedFrom: mergedFrom.get(row.id) ?? [],
    };
    incidents.push(c);
    byId.set(row.id, c);
  }
  for (const v of rows.violations) {
    const incident = byId.get(v.incidentId);
    if (!incident || v.status === 'superseded') continue;
    incident.violations.push({ id: violationIdOf(v), row: v, incident });
  }
  const violations: CountedViolation[] = [];
  for (const i of incidents) {
    if (i.violations.length > 1)
      i.violations.sort((a, b) =>
        a.row.agreementId === b.row.agreementId
          ? a.row.zoneKey < b.row.zoneKey
            ? -1
            : 1
          : a.row.agreementId < b.row.agreementId
            ? -1
            : 1,
      );
    for (const v of i.violations) violations.push(v);
  }
  return { incidents, byId, violations };
}

/** 0 for the reporting period, 1 for the comparison period, null for the other days. */
export function slotOf(day: number, dayOf: { current: number; previous: number }): 0 | 1 | null {
  return day === dayOf.current ? 0 : day === dayOf.previous ? 1 : null;
}
