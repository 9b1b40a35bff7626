// Zones whose version changed during the period. Two kinds of event, each per zone:
// - a version with the zone was recorded in the period — `signed` when all required parties signed
//   its proposal in Truceline, `recorded` when it was signed elsewhere — compared with the last
//   earlier version that had the zone (an extension shows as extendedByHours > 0);
// - the zone's version in force changed at an instant of the period: `entered_force`, `extended`
//   (a version ending later took over), `replaced` (one not ending later), `expired`.
// The version in force at an instant is domain/version-in-force.ts's (DESIGN.md §3). Excluded areas
// are carve-outs, not zones, and are not listed.
import type { AgreementVersion, Zone } from '../../domain/types.ts';
import { versionInForce } from '../../domain/version-in-force.ts';
import type { ReportPeriod } from './report-period.ts';
import type { VersionRef, ZoneChange, ZoneChangeKind } from './report-types.ts';

const HOUR_MS = 3_600_000;

const refOf = (v: AgreementVersion): VersionRef => ({
  id: v.id,
  label: v.label,
  validFrom: v.validFrom,
  validUntil: v.validUntil,
  proposalId: v.proposalId,
});

const zonesOf = (v: AgreementVersion | undefined): Map<string, Zone> =>
  new Map((v?.zones ?? []).filter((z) => z.kind !== 'excluded_area').map((z) => [z.key, z]));

/** Hours by which `after` ends later than `before`; null when either is open-ended. */
function extendedBy(after: AgreementVersion | undefined, before: AgreementVersion | undefined) {
  if (!after || !before || after.validUntil === null || before.validUntil === null) return null;
  return (after.validUntil - before.validUntil) / HOUR_MS;
}

export function zoneChanges(
  versions: readonly AgreementVersion[],
  period: Pick<ReportPeriod, 'from' | 'until'>,
): ZoneChange[] {
  const inPeriod = (t: number | null) => t !== null && t >= period.from && t < period.until;
  const out: ZoneChange[] = [];
  const push = (
    kind: ZoneChangeKind,
    at: number,
    zone: Zone,
    after: AgreementVersion | undefined,
    before: AgreementVersion | undefined,
  ) =>
    out.push({
      kind,
      at,
      agreementId: zone.agreementId,
      zoneKey: zone.key,
      zoneName: zone.name,
      zoneKind: zone.kind,
      version: after ? refOf(after) : null,
      previous: before ? refOf(before) : null,
      extendedByHours: kind === 'expired' ? null : extendedBy(after, before),
    });
  const byAgreement = new Map<string, AgreementVersion[]>();
  for (const v of versions) byAgreement.set(v.agreementId, [...(byAgreement.get(v.agreementId) ?? []), v]); // prettier-ignore
  for (const list of byAgreement.values()) {
    list.sort((a, b) => a.seq - b.seq);
    for (const [i, v] of list.entries()) {
      if (!inPeriod(v.recordedAt)) continue;
      for (const zone of zonesOf(v).values()) {
        const before = list.slice(0, i).findLast((w) => zonesOf(w).has(zone.key));
        push(v.proposalId ? 'signed' : 'recorded', v.recordedAt, zone, v, before);
      }
    }
    const boundaries = [
      ...new Set(list.flatMap((v) => [v.validFrom, v.validUntil]).filter(inPeriod)),
    ] as number[];
    for (const b of boundaries.sort((x, y) => x - y)) {
      const before = versionInForce(list, b - 1);
      const after = versionInForce(list, b);
      if (before === after) continue;
      const zb = zonesOf(before);
      const za = zonesOf(after);
      for (const key of [...new Set([...zb.keys(), ...za.keys()])].sort()) {
        const was = zb.get(key);
        const is = za.get(key);
        if (is && !was) push('entered_force', b, is, after, undefined);
        else if (was && !is) push('expired', b, was, after, before);
        else if (was && is) {
          const ends = after!.validUntil ?? Infinity;
          const ended = before!.validUntil ?? Infinity;
          push(ends > ended ? 'extended' : 'replaced', b, is, after, before);
        }
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.at - b.at ||
      (a.agreementId < b.agreementId ? -1 : a.agreementId > b.agreementId ? 1 : 0) ||
      (a.zoneKey < b.zoneKey ? -1 : a.zoneKey > b.zoneKey ? 1 : 0),
  );
}
