import { describe, expect, it } from 'vitest';
import type { Source } from '../../domain/report.ts';
import type { ReportSourceRow } from './report-rows.ts';
import type { CountedIncident } from './counted-incidents.ts';
import { disputedClaims } from './disputed-claims.ts';
import { incidentRow, reportRow, violationRow } from './daily-test-support.ts';

const source = (id: string, kind: Source['kind'], reliability: Source['reliability'], affiliation: string | null): Source => ({
  id, name: id, aliases: [], kind, reliability, affiliation, notes: null, auto: false, createdAt: 0,
}); // prettier-ignore
const sources = new Map(
  [
    source('sohr', 'monitoring_ngo', 'B', null),
    source('monitors', 'own_monitors', 'A', null),
    source('sana', 'state_media', 'D', 'GOV'),
    source('press-office', 'party', 'B', null),
    source('blog', 'news_media', 'E', null),
  ].map((s) => [s.id, s]),
);
const parties = new Set(['GOV', 'OPP']);

function disputes(reports: ReportSourceRow[], withViolation = true) {
  const row = incidentRow('i', '2018-02-17T08:00:00Z');
  const incident: CountedIncident = { row, day: 0, area: null, violations: [], mergedFrom: [], casualties: { killed: { low: 0, best: 0, high: 0 }, injured: { low: 0, best: 0, high: 0 }, civiliansKilled: 0 } }; // prettier-ignore
  if (withViolation)
    incident.violations.push({ id: 'i~coh~east', row: violationRow('i', 'coh', 'certain', 'flagged'), incident }); // prettier-ignore
  return disputedClaims([incident], () => reports, sources, parties).map((d) => `${d.kind} ${d.partyIds.join('+')} ${d.reportIds.join('+')}`); // prettier-ignore
}

describe('disputed claims', () => {
  it('a party claim stands unconfirmed until a reliable source of no party reports it', () => {
    expect(disputes([reportRow('r1', 'i', 'sana', [null, null, null])])).toEqual(['party_claim_unconfirmed GOV r1']); // prettier-ignore
    // An unreliable neutral source does not confirm; a reliable one does.
    expect(disputes([reportRow('r1', 'i', 'sana', [null, null, null]), reportRow('r2', 'i', 'blog', [null, null, null])])).toHaveLength(1); // prettier-ignore
    expect(disputes([reportRow('r1', 'i', 'sana', [null, null, null]), reportRow('r2', 'i', 'monitors', [null, null, null])])).toEqual([]); // prettier-ignore
    // A party's own office, however well graded, does not confirm itself.
    expect(disputes([reportRow('r1', 'i', 'press-office', [null, null, null])])).toEqual(['party_claim_unconfirmed press-office r1']); // prettier-ignore
    // Without a violation there is no claim of one.
    expect(disputes([reportRow('r1', 'i', 'sana', [null, null, null])], false)).toEqual([]);
  });

  it('casualty figures disagree beyond max(1, a quarter of the higher low), between different sources', () => {
    const pair = (a: [number | null, number | null, number | null], b: [number | null, number | null, number | null]) =>
      disputes([reportRow('ra', 'i', 'sohr', a), reportRow('rb', 'i', 'monitors', b)], false); // prettier-ignore
    expect(pair([null, 0, null], [null, 1, null])).toEqual([]); // 1 apart: within 1
    expect(pair([null, 0, null], [null, 2, null])).toEqual(['casualties_disagree  rb+ra']);
    expect(pair([4, 4, 4], [5, 5, 5])).toEqual([]); // 1 apart
    expect(pair([8, 8, 8], [10, 11, 12])).toEqual([]); // 2 apart, within 10 / 4
    expect(pair([7, 7, 7], [10, 11, 12])).toEqual(['casualties_disagree  rb+ra']); // 3 apart
    expect(pair([2, 5, 9], [6, 6, 6])).toEqual([]); // the ranges overlap
    // Two accounts of one source (a revised count) are no dispute.
    expect(disputes([reportRow('ra', 'i', 'sohr', [0, 0, 0]), reportRow('rb', 'i', 'sohr', [9, 9, 9])], false)).toEqual([]); // prettier-ignore
  });
});
