// Per agreement and per zone: the period's violations and the casualties of the incidents that
// violated it, against the comparison period. Every zone in force in either period is listed, with
// zeros when nothing happened there; excluded areas are not zones of their own.
import type { AgreementVersion, Zone } from '../../domain/types.ts';
import { versionsInForceDuring } from '../../domain/version-in-force.ts';
import { slotOf, type CountedIncident } from './counted-incidents.ts';
import {
  addCasualties,
  addViolation,
  casualtyTallies,
  compareCasualties,
  compareViolations,
  violationTallies,
  type Tally,
} from './figures.ts';
import type { ReportPeriod } from './report-period.ts';
import type {
  AgreementFigures,
  CasualtyFigures,
  ReportRows,
  ViolationFigures,
  ZoneFigures,
} from './report-types.ts';

interface Pair {
  violations: [ViolationFigures<Tally>, ViolationFigures<Tally>];
  casualties: [CasualtyFigures<Tally>, CasualtyFigures<Tally>];
}

const pair = (): Pair => ({
  violations: [violationTallies(), violationTallies()],
  casualties: [casualtyTallies(), casualtyTallies()],
});

export const zoneKeyOf = (agreementId: string, zoneKey: string) => `${agreementId}\u0000${zoneKey}`;

/** The versions in force at some instant of the period (their effective windows overlap it). */
export function inForceDuring(
  versions: readonly AgreementVersion[],
  p: { from: number; until: number },
): Set<AgreementVersion> {
  return new Set(versionsInForceDuring(versions, p.from, p.until));
}

/** The zone each (agreement, zone key) is known by: its latest version's. */
export function latestZones(versions: readonly AgreementVersion[]): Map<string, Zone> {
  const out = new Map<string, Zone>();
  for (const v of [...versions].sort((a, b) => a.seq - b.seq))
    for (const z of v.zones) out.set(zoneKeyOf(v.agreementId, z.key), z);
  return out;
}

export function zoneFigures(
  rows: ReportRows,
  incidents: readonly CountedIncident[],
  dayOf: { current: number; previous: number },
  periods: { current: ReportPeriod; previous: ReportPeriod },
): AgreementFigures[] {
  const zones = latestZones(rows.versions);
  const byZone = new Map<string, Pair>();
  const byAgreement = new Map<string, Pair>();
  const inForce = new Set<string>();
  const current = inForceDuring(rows.versions, periods.current);
  const previous = inForceDuring(rows.versions, periods.previous);
  for (const v of rows.versions) {
    const now = current.has(v);
    if (!now && !previous.has(v)) continue;
    if (!byAgreement.has(v.agreementId)) byAgreement.set(v.agreementId, pair());
    for (const z of v.zones) {
      if (z.kind === 'excluded_area') continue;
      const key = zoneKeyOf(v.agreementId, z.key);
      if (!byZone.has(key)) byZone.set(key, pair());
      if (now) inForce.add(key);
    }
  }
  for (const i of incidents) {
    const slot = slotOf(i.day, dayOf);
    if (slot === null || i.violations.length === 0) continue;
    const counted = new Set<string>();
    for (const v of i.violations) {
      const { agreementId, zoneKey, certainty, status } = v.row;
      const zone = byZone.get(zoneKeyOf(agreementId, zoneKey)) ?? pair();
      byZone.set(zoneKeyOf(agreementId, zoneKey), zone);
      const agreement = byAgreement.get(agreementId) ?? pair();
      byAgreement.set(agreementId, agreement);
      addViolation(zone.violations[slot], v.id, certainty, status);
      addViolation(agreement.violations[slot], v.id, certainty, status);
      if (status === 'dismissed') continue;
      // One violation per (incident, agreement, zone key): the zone's casualties count once
      // anyway; the agreement's must not count an incident once per zone.
      addCasualties(zone.casualties[slot], i.row.id, i.casualties);
      if (!counted.has(agreementId)) {
        counted.add(agreementId);
        addCasualties(agreement.casualties[slot], i.row.id, i.casualties);
      }
    }
  }
  const titles = new Map(rows.agreements.map((a) => [a.id, a.title]));
  const compare = (p: Pair) => ({
    violations: compareViolations(p.violations[0], p.violations[1]),
    casualties: compareCasualties(p.casualties[0], p.casualties[1]),
  });
  const zoneList = new Map<string, ZoneFigures[]>();
  for (const [key, p] of [...byZone].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [agreementId, zoneKey] = key.split('\u0000') as [string, string];
    const z = zones.get(key);
    const list = zoneList.get(agreementId) ?? [];
    list.push({
      agreementId,
      zoneKey,
      zoneName: z?.name ?? zoneKey,
      zoneKind: z?.kind ?? null,
      inForce: inForce.has(key),
      ...compare(p),
    });
    zoneList.set(agreementId, list);
  }
  return [...byAgreement]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([agreementId, p]) => ({
      agreementId,
      title: titles.get(agreementId) ?? agreementId,
      ...compare(p),
      zones: zoneList.get(agreementId) ?? [],
    }));
}
