// Disputed claims among the period's incidents: where the sources, or the parties speaking through
// them, disagree. Three rules (docs/daily-report.md):
//
// - party_claim_unconfirmed: an incident with a violation that a party reports — a report from a
//   source affiliated with a registered party, or of kind `party` — and that no report from a
//   reliable source (graded A–C) speaking for no party confirms. "One party reports violations
//   another does not confirm." Two parties reporting the same incident confirm nothing.
// - casualties_disagree: two reports from different sources give killed figures so far apart that
//   they cannot both be right: the higher one's low exceeds the lower one's high by more than
//   max(1, a quarter of that low) — the tolerance of "similar fatalities" in domain/duplicates.ts.
// - attribution_disputed: a violation whose `reported` attributions (a source names the actor)
//   point at two or more different parties — each side blames the other.
//
// A party answering a notice is not read as a denial: answers are free text.
import type { Source } from '../../domain/report.ts';
import type { ReportSourceRow } from './report-rows.ts';
import type { CountedIncident } from './counted-incidents.ts';
import type { DisputedClaim } from './report-types.ts';

const RELIABLE = new Set(['A', 'B', 'C']);

function range(r: ReportSourceRow): { lo: number; hi: number } | null {
  const { low, best, high } = r.killed;
  const lo = low ?? best ?? high;
  const hi = high ?? best ?? low;
  return lo === null || hi === null ? null : { lo, hi };
}

const count = ({ lo, hi }: { lo: number; hi: number }) => (lo === hi ? `${lo}` : `${lo}–${hi}`);

export function disputedClaims(
  incidents: readonly CountedIncident[],
  reportsOf: (incidentId: string) => readonly ReportSourceRow[],
  sources: ReadonlyMap<string, Source>,
  partyIds: ReadonlySet<string>,
): DisputedClaim[] {
  const out: DisputedClaim[] = [];
  const nameOf = (r: ReportSourceRow) => sources.get(r.sourceId)?.name ?? r.source;
  /** The party a report speaks for: its source's affiliation when that is a party. */
  const partyOf = (r: ReportSourceRow) => {
    const s = sources.get(r.sourceId);
    if (s?.affiliation && partyIds.has(s.affiliation)) return s.affiliation;
    return s?.kind === 'party' ? (s.affiliation ?? s.id) : null;
  };
  for (const i of incidents) {
    const reports = reportsOf(i.row.id);
    const violationIds = i.violations.map((v) => v.id);
    const claim = (c: Omit<DisputedClaim, 'incidentId' | 'violationIds'>, only?: string[]) =>
      out.push({ incidentId: i.row.id, violationIds: only ?? violationIds, ...c });

    if (violationIds.length > 0) {
      const claims = reports.filter((r) => partyOf(r) !== null);
      const claimants = new Set(claims.map((r) => partyOf(r)!));
      // Confirmed: by a reliable source that speaks for no party (every party's source claims).
      const confirmed = reports.some(
        (r) => partyOf(r) === null && RELIABLE.has(sources.get(r.sourceId)?.reliability ?? 'F'),
      );
      if (claims.length > 0 && !confirmed)
        claim({
          kind: 'party_claim_unconfirmed',
          partyIds: [...claimants].sort(),
          reportIds: claims.map((r) => r.id),
          reason: `reported by ${[...new Set(claims.map(nameOf))].join(', ')} (${[...claimants].sort().join(', ')}); no independent source graded A–C confirms it`,
        });
    }

    let widest: { gap: number; high: ReportSourceRow; low: ReportSourceRow } | null = null;
    for (const a of reports)
      for (const b of reports) {
        const ra = range(a);
        const rb = range(b);
        if (!ra || !rb || a.sourceId === b.sourceId || ra.lo <= rb.hi) continue;
        const gap = ra.lo - rb.hi;
        if (gap > Math.max(1, ra.lo / 4) && (!widest || gap > widest.gap))
          widest = { gap, high: a, low: b };
      }
    if (widest) {
      const { high, low } = widest;
      claim({
        kind: 'casualties_disagree',
        partyIds: [...new Set([partyOf(high), partyOf(low)].filter((p) => p !== null))].sort(),
        reportIds: [high.id, low.id],
        reason: `${nameOf(high)} reports ${count(range(high)!)} killed, ${nameOf(low)} ${count(range(low)!)}`,
      });
    }

    for (const v of i.violations) {
      const reported = v.row.attributions.filter((a) => a.kind === 'reported');
      const blamed = [...new Set(reported.map((a) => a.partyId))].sort();
      if (blamed.length < 2) continue;
      claim(
        {
          kind: 'attribution_disputed',
          partyIds: blamed,
          reportIds: [
            ...new Set(reported.flatMap((a) => a.evidence.filter((e) => e.kind === 'report').map((e) => e.ref))), // prettier-ignore
          ],
          reason: `sources attribute violation ${v.id} to ${blamed.join(' and ')}`,
        },
        [v.id],
      );
    }
  }
  return out;
}
