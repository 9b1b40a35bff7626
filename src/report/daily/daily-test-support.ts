// The hand-counted scenario of daily-figures.test.ts: the report of 17 February 2018, cut-off 19:30
// in Asia/Damascus (UTC+2 then), so the period P is [16 Feb 17:30Z, 17 Feb 17:30Z) and the
// comparison period Q is [15 Feb 17:30Z, 16 Feb 17:30Z). Report days run from 19 January (index 0)
// to 17 February (index 29).
//
// | incident    | start (UTC)          | day | area           | killed l/b/h | civ | violations                                   |
// |-------------|----------------------|-----|----------------|--------------|-----|----------------------------------------------|
// | i-old       | 18 Jan 17:29:59      |  —  | Aleppo         | 1/1/1        |     | (before the first report day: not counted)   |
// | i-d01       | 20 Jan 12:00         |  1  | Aleppo         | 1/1/1        |     |                                              |
// | i-d09       |  8 Feb 18:00         | 21  | Idlib          | 4/4/4        |     | north/idlib possible confirmed               |
// | i-d12       | 12 Feb 10:00         | 24  | Idlib          | 2/2/2        |     | north/idlib certain flagged                  |
// | i-multi     | 15 Feb 20:00–17 Feb  | 28  | Rural Damascus | 4/5/6        | 1   | coh/east possible under_review (multi-day)   |
// | i-q1        | 16 Feb 09:00         | 28  | Rural Damascus | 1/1/1        | 1   | coh/east certain confirmed, GOV assessed     |
// | i-q-before  | 16 Feb 17:29:59.999  | 28  | Damascus       | 0            |     | (a Battle, no violation)                     |
// | i-cut       | 16 Feb 17:30:00      | 29  | Rural Damascus | 2/2/2, inj 1/2/3 | 2 | coh/east certain confirmed, GOV reported   |
// | i-possible  | 17 Feb 05:00         | 29  | Idlib          | 0/6/12       |     | north/idlib possible confirmed, OPP + GOV reported |
// | i-air       | 17 Feb 08:00         | 29  | Rural Damascus | 3/3/3        | 3   | coh/east certain flagged, GOV inferred       |
// | i-dup       | 17 Feb 08:10         | 29  | Rural Damascus | 3/3/3        |     | merged into i-air: not counted               |
// | i-undone    | 17 Feb 09:00         | 29  | Aleppo         | 0            |     | (its merge was undone: counted)              |
// | i-dismissed | 17 Feb 10:00         | 29  | Rural Damascus | fatalities 1 |     | coh/east certain dismissed, OPP reported     |
// | i-protest   | 17 Feb 12:00         | 29  | (none)         | 0            |     | (Protests)                                   |
// | i-confirmed | 17 Feb 13:00         | 29  | Rural Damascus | 1/1/1        |     | coh/east certain confirmed, OPP assessed     |
// | i-end       | 17 Feb 17:30:00      |  —  | Rural Damascus | 9            |     | (at the next cut-off: the 18th's report)     |
import type { Attribution, ViolationStatus } from '../../domain/violation-review.ts';
import type { AgreementVersion, Certainty, Zone } from '../../domain/types.ts';
import type { EventType } from '../../domain/event-types.ts';
import type { ReportIncidentRow, ReportSourceRow, ReportViolationRow } from './report-rows.ts';
import type { ReportRows } from './report-types.ts';

export const at = (iso: string) => Date.parse(iso);

export function incidentRow(
  id: string,
  start: string,
  o: {
    area?: string | null;
    type?: EventType;
    killed?: [number, number, number] | null;
    fatalities?: number | null;
    civilians?: number | null;
    injured?: [number, number, number];
    until?: string;
  } = {},
): ReportIncidentRow {
  const count = (c: [number, number, number] | null | undefined) =>
    c ? { low: c[0], best: c[1], high: c[2] } : { low: null, best: null, high: null };
  return {
    id,
    externalId: `ext-${id}`,
    eventType: o.type ?? 'Explosions/Remote violence',
    subEventType: null,
    occurredFrom: at(start),
    occurredUntil: at(o.until ?? start),
    timePrecision: null,
    lon: 36.5,
    lat: 33.5,
    uncertaintyM: 0,
    actor1: null,
    actor2: null,
    fatalities: o.fatalities ?? null,
    admin1: o.area === undefined ? 'Rural Damascus' : o.area,
    location: null,
    assessment: {
      killed: count(o.killed),
      injured: count(o.injured),
      civiliansKilled: o.civilians ?? null,
      combatantsKilled: null,
      corroborated: false,
      reportCount: 0,
    },
  };
}

export function violationRow(
  incidentId: string,
  agreement: 'coh' | 'north',
  certainty: Certainty,
  status: ViolationStatus,
  attributions: Attribution[] = [],
): ReportViolationRow {
  const zoneKey = agreement === 'coh' ? 'east' : 'idlib';
  return {
    incidentId,
    agreementId: agreement,
    zoneKey,
    zoneId: `${agreement}-v1-${zoneKey}`,
    versionId: `${agreement}-v1`,
    certainty,
    status,
    intent: status === 'confirmed' ? 'deliberate' : null,
    attributions,
    reviewedAt: status === 'flagged' ? null : at('2018-02-17T15:00:00Z'),
  };
}

export const blame = (partyId: string, kind: Attribution['kind'], report = 'r'): Attribution => ({
  partyId,
  kind,
  evidence: [{ kind: 'report', ref: report }],
  note: null,
});

export function reportRow(
  id: string,
  incidentId: string,
  sourceId: string,
  killed: [number | null, number | null, number | null],
  credibility: 1 | 2 | 3 | 4 | 5 | 6 | null = null,
): ReportSourceRow {
  return {
    id,
    incidentId,
    sourceId,
    source: sourceId.toUpperCase(),
    reference: null,
    credibility,
    killed: { low: killed[0], best: killed[1], high: killed[2] },
    civiliansKilled: null,
  };
}

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
}); // prettier-ignore

function version(
  agreementId: string,
  seq: number,
  from: string,
  until: string | null,
  recorded: string,
  zones: [string, Zone['kind']][],
  proposalId: string | null = null,
): AgreementVersion {
  const id = `${agreementId}-v${seq}`;
  return {
    id, agreementId, seq, label: `v${seq}`, validFrom: at(from), validUntil: until ? at(until) : null,
    signedBy: ['GOV', 'OPP'], terms: null, contentHash: id, recordedAt: at(recorded), proposalId,
    zones: zones.map(([key, kind]) => ({
      id: `${id}-${key}`, agreementId, versionId: id, key, name: `Zone ${key}`, kind,
      geometry: square(36, 33), bbox: [36, 33, 37, 34], areaKm2: 10_000, properties: {},
    })),
  }; // prettier-ignore
}

const source = (id: string, kind: 'monitoring_ngo' | 'state_media' | 'party' | 'wire_service', reliability: 'B' | 'D' | 'E', affiliation: string | null) => ({
  id, name: `Source ${id}`, aliases: [], kind, reliability, affiliation, notes: null, auto: false, createdAt: 0,
}); // prettier-ignore

const notice = (id: string, incidentId: string, partyId: string, sent: string, answered: string | null) => ({
  id, incidentId, agreementId: 'coh', zoneKey: 'east', partyId, status: answered ? ('answered' as const) : ('sent' as const),
  message: 'm', sentAt: at(sent), sentBy: 'analyst', answer: answered ? 'a' : null,
  answeredAt: answered ? at(answered) : null, answeredBy: answered ? 'liaison' : null,
}); // prettier-ignore

const proposal = (id: string, status: 'adopted' | 'open', created: string) => ({
  id, agreementId: 'coh', supersedes: null, label: id, content: '{}', digest: `digest-${id}`,
  required: ['GOV', 'OPP'], status, versionId: null, createdBy: 'mediator', createdAt: at(created), closedAt: null,
}); // prettier-ignore

const decision = (proposalId: string, partyId: string, decision: 'signed' | 'refused', when: string) => ({
  proposalId, partyId, decision, keyFingerprint: null, signature: null, reason: null, decidedBy: 'liaison', decidedAt: at(when),
}); // prettier-ignore

const merge = (survivorId: string, mergedId: string, undone: boolean) => ({
  id: `m-${mergedId}`, survivorId, mergedId, reportIds: [], score: 0.9, note: 'same event', mergedBy: 'analyst',
  mergedAt: at('2018-02-17T15:00:00Z'), undoneBy: undone ? 'analyst' : null, undoneAt: undone ? at('2018-02-17T16:00:00Z') : null,
}); // prettier-ignore

export function scenarioRows(): ReportRows {
  return {
    incidents: [
      incidentRow('i-old', '2018-01-18T17:29:59Z', { area: 'Aleppo', type: 'Battles', killed: [1, 1, 1] }),
      incidentRow('i-d01', '2018-01-20T12:00:00Z', { area: 'Aleppo', type: 'Battles', killed: [1, 1, 1] }),
      incidentRow('i-d09', '2018-02-08T18:00:00Z', { area: 'Idlib', killed: [4, 4, 4] }),
      incidentRow('i-d12', '2018-02-12T10:00:00Z', { area: 'Idlib', killed: [2, 2, 2] }),
      incidentRow('i-multi', '2018-02-15T20:00:00Z', { killed: [4, 5, 6], civilians: 1, until: '2018-02-17T12:00:00Z' }),
      incidentRow('i-q1', '2018-02-16T09:00:00Z', { killed: [1, 1, 1], civilians: 1 }),
      incidentRow('i-q-before', '2018-02-16T17:29:59.999Z', { area: 'Damascus', type: 'Battles', killed: [0, 0, 0] }),
      incidentRow('i-cut', '2018-02-16T17:30:00Z', { killed: [2, 2, 2], civilians: 2, injured: [1, 2, 3] }),
      incidentRow('i-possible', '2018-02-17T05:00:00Z', { area: 'Idlib', killed: [0, 6, 12] }),
      incidentRow('i-air', '2018-02-17T08:00:00Z', { killed: [3, 3, 3], civilians: 3 }),
      incidentRow('i-dup', '2018-02-17T08:10:00Z', { killed: [3, 3, 3] }),
      incidentRow('i-undone', '2018-02-17T09:00:00Z', { area: 'Aleppo', type: 'Battles' }),
      incidentRow('i-dismissed', '2018-02-17T10:00:00Z', { fatalities: 1 }),
      incidentRow('i-protest', '2018-02-17T12:00:00Z', { area: null, type: 'Protests' }),
      incidentRow('i-confirmed', '2018-02-17T13:00:00Z', { killed: [1, 1, 1] }),
      incidentRow('i-end', '2018-02-17T17:30:00Z', { killed: [9, 9, 9] }),
    ], // prettier-ignore
    violations: [
      violationRow('i-d09', 'north', 'possible', 'confirmed'),
      violationRow('i-d12', 'north', 'certain', 'flagged'),
      violationRow('i-multi', 'coh', 'possible', 'under_review'),
      violationRow('i-q1', 'coh', 'certain', 'confirmed', [blame('GOV', 'assessed')]),
      violationRow('i-cut', 'coh', 'certain', 'confirmed', [
        blame('GOV', 'reported', 'r-cut-sohr'),
      ]),
      violationRow('i-possible', 'north', 'possible', 'confirmed', [
        blame('OPP', 'reported', 'r-pos-sana'),
        blame('GOV', 'reported', 'r-pos-opp'),
      ]),
      violationRow('i-air', 'coh', 'certain', 'flagged', [blame('GOV', 'inferred')]),
      violationRow('i-dup', 'coh', 'certain', 'flagged'),
      violationRow('i-dismissed', 'coh', 'certain', 'dismissed', [blame('OPP', 'reported')]),
      violationRow('i-confirmed', 'coh', 'certain', 'confirmed', [blame('OPP', 'assessed')]),
      violationRow('i-end', 'coh', 'certain', 'flagged'),
    ],
    reports: [
      reportRow('r-cut-sohr', 'i-cut', 'sohr', [2, 2, 2], 2),
      reportRow('r-pos-sana', 'i-possible', 'sana', [null, 0, null]),
      reportRow('r-pos-opp', 'i-possible', 'opp-media', [10, 12, null], 3),
      reportRow('r-air-sohr', 'i-air', 'sohr', [3, 3, 3], 2),
      reportRow('r-dup-reuters', 'i-air', 'reuters', [null, 3, null]),
      reportRow('r-dis-sana', 'i-dismissed', 'sana', [1, 1, 1]),
      reportRow('r-conf-sana', 'i-confirmed', 'sana', [1, 1, 1]),
      reportRow('r-conf-reuters', 'i-confirmed', 'reuters', [1, 1, 1]),
    ],
    sources: [
      source('opp-media', 'party', 'E', 'OPP'),
      source('reuters', 'wire_service', 'B', null),
      source('sana', 'state_media', 'D', 'GOV'),
      source('sohr', 'monitoring_ngo', 'B', null),
    ],
    parties: [
      { id: 'GOV', name: 'Government', capabilities: ['air'], createdAt: 0 },
      { id: 'OPP', name: 'Opposition', capabilities: [], createdAt: 0 },
    ],
    agreements: [
      { id: 'coh', title: 'Damascus truce', description: null, partyIds: ['GOV', 'OPP'], createdAt: 0 },
      { id: 'north', title: 'Northern truce', description: null, partyIds: ['GOV', 'OPP'], createdAt: 0 },
    ], // prettier-ignore
    versions: [
      version('coh', 1, '2018-02-10T00:00:00Z', '2018-02-17T00:00:00Z', '2018-02-09T12:00:00Z', [['east', 'ceasefire_area'], ['carve', 'excluded_area']]),
      // The 48-hour extension, signed by both parties in the period, in force from midnight.
      version('coh', 2, '2018-02-17T00:00:00Z', '2018-02-19T00:00:00Z', '2018-02-16T20:00:00Z', [['east', 'ceasefire_area']], 'prop-2'),
      // Expires at 06:00 UTC on the 17th, inside the period.
      version('north', 1, '2018-02-01T00:00:00Z', '2018-02-17T06:00:00Z', '2018-01-30T12:00:00Z', [['idlib', 'safe_zone']]),
    ], // prettier-ignore
    proposals: [
      proposal('prop-2', 'adopted', '2018-02-15T12:00:00Z'),
      proposal('prop-3', 'open', '2018-02-15T13:00:00Z'),
    ],
    decisions: [
      decision('prop-3', 'GOV', 'signed', '2018-02-15T14:00:00Z'),
      decision('prop-2', 'GOV', 'signed', '2018-02-16T19:00:00Z'),
      decision('prop-2', 'OPP', 'signed', '2018-02-16T20:00:00Z'),
      decision('prop-3', 'OPP', 'refused', '2018-02-17T10:00:00Z'),
    ],
    notices: [
      notice('n1', 'i-q1', 'GOV', '2018-02-16T10:00:00Z', '2018-02-17T09:00:00Z'),
      notice('n2', 'i-cut', 'GOV', '2018-02-17T10:00:00Z', null),
      notice('n3', 'i-confirmed', 'OPP', '2018-02-17T14:00:00Z', '2018-02-17T15:00:00Z'),
      notice('n4', 'i-old', 'OPP', '2018-02-10T10:00:00Z', null),
      notice('n5', 'i-end', 'GOV', '2018-02-17T18:00:00Z', null),
    ],
    merges: [merge('i-air', 'i-dup', false), merge('i-air', 'i-undone', true)],
  };
}
