// The HTTP contract of /api/v1/reports/daily in its JSON form: the daily report's figures as
// src/report/daily/report-types.ts builds them (camelCase keys, times in epoch milliseconds), every
// figure with the ids of the rows it counts.
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/event-types.ts';
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../domain/report.ts';
import { ATTRIBUTION_KINDS, INTENTS, VIOLATION_STATUSES } from '../domain/violation-review.ts';
import { ZONE_KINDS } from '../domain/zone-kinds.ts';
import { PROPOSAL_STATUSES } from './proposals.ts';
import { evidence } from './violations.ts';
import { areaGeometry, bbox, countRange, isoDay } from './common.ts';

const ms = z.number().int();
const certainty = z.enum(['certain', 'possible']);
const figure = z.strictObject({
  value: z.number(),
  of: z.enum(['incident', 'violation', 'notice', 'proposal']),
  refs: z.array(z.string()),
});
const compared = z.strictObject({ current: figure, previous: figure, delta: z.number() });
const violationFigures = z.strictObject({
  total: compared,
  certain: compared,
  possible: compared,
  confirmed: compared,
  pending: compared,
  dismissed: compared,
});
const lowBestHigh = z.strictObject({ low: compared, best: compared, high: compared });
const casualtyFigures = z.strictObject({
  killed: lowBestHigh,
  injured: lowBestHigh,
  civiliansKilled: compared,
});
const period = z.strictObject({ date: isoDay, from: ms, until: ms });
const area = z.string().nullable();
const windowFigures = {
  incidents: compared,
  violations: compared,
  killed: compared,
  civiliansKilled: compared,
};
const versionRef = z.strictObject({
  id: z.string(),
  label: z.string(),
  validFrom: ms,
  validUntil: ms.nullable(),
  proposalId: z.string().nullable(),
});
const count3 = z.strictObject({ low: z.number(), best: z.number(), high: z.number() });

export const dailyReportResponse = z.strictObject({
  generatedAt: ms,
  timeZone: z.string(),
  cutoff: z.string(),
  period,
  previousPeriod: period,
  rules: z.strictObject({
    rollingDays: z.array(z.number().int()),
    seriesDays: z.number().int(),
    baselineDays: z.number().int(),
    earlyWarning: z.strictObject({ minCount: z.number(), alpha: z.number() }),
  }),
  earlyWarnings: z.array(
    z.strictObject({
      place: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('area'), area }),
        z.strictObject({
          kind: z.literal('zone'),
          agreementId: z.string(),
          zoneKey: z.string(),
          zoneName: z.string(),
        }),
      ]),
      measure: z.enum(['violations', 'killed']),
      value: figure,
      baselineMean: z.number(),
      baselineDays: z.number().int(),
      dispersion: z.number(),
      threshold: z.number(),
      pValue: z.number(),
    }),
  ),
  headline: z.strictObject({
    incidents: compared,
    incidentsByType: z.array(
      z.strictObject({ eventType: z.enum(EVENT_TYPES), incidents: compared }),
    ),
    violations: violationFigures,
    casualties: casualtyFigures,
  }),
  agreements: z.array(
    z.strictObject({
      agreementId: z.string(),
      title: z.string(),
      violations: violationFigures,
      casualties: casualtyFigures,
      zones: z.array(
        z.strictObject({
          agreementId: z.string(),
          zoneKey: z.string(),
          zoneName: z.string(),
          zoneKind: z.enum(ZONE_KINDS).nullable(),
          inForce: z.boolean(),
          violations: violationFigures,
          casualties: casualtyFigures,
        }),
      ),
    }),
  ),
  zoneChanges: z.array(
    z.strictObject({
      kind: z.enum(['signed', 'recorded', 'entered_force', 'extended', 'replaced', 'expired']),
      at: ms,
      agreementId: z.string(),
      zoneKey: z.string(),
      zoneName: z.string(),
      zoneKind: z.enum(ZONE_KINDS),
      version: versionRef.nullable(),
      previous: versionRef.nullable(),
      extendedByHours: z.number().nullable(),
    }),
  ),
  parties: z.array(
    z.strictObject({
      partyId: z.string(),
      name: z.string(),
      attributed: z.strictObject({
        total: compared,
        reported: compared,
        inferred: compared,
        assessed: compared,
      }),
      notices: z.strictObject({ sent: compared, answered: compared, open: figure }),
      proposals: z.strictObject({ signed: figure, refused: figure }),
    }),
  ),
  rolling: z.array(
    z.strictObject({
      days: z.number().int(),
      from: ms,
      until: ms,
      previousFrom: ms,
      total: z.strictObject(windowFigures),
      areas: z.array(z.strictObject({ area, ...windowFigures })),
    }),
  ),
  series: z.strictObject({
    days: z.array(period),
    total: z.strictObject({ violations: z.array(figure), killed: z.array(figure) }),
    areas: z.array(z.strictObject({ area, violations: z.array(figure), killed: z.array(figure) })),
  }),
  map: z.strictObject({
    incidents: z.array(
      z.strictObject({
        id: z.string(),
        lon: z.number(),
        lat: z.number(),
        uncertaintyM: z.number(),
        eventType: z.enum(EVENT_TYPES),
        subEventType: z.string().nullable(),
        occurredFrom: ms,
        killedBest: z.number(),
        violation: z.enum(['certain', 'possible', 'none']),
      }),
    ),
    zones: z.array(
      z.strictObject({
        zoneId: z.string(),
        versionId: z.string(),
        versionLabel: z.string(),
        agreementId: z.string(),
        key: z.string(),
        name: z.string(),
        kind: z.enum(ZONE_KINDS),
        geometry: areaGeometry,
        bbox,
      }),
    ),
  }),
  disputed: z.array(
    z.strictObject({
      kind: z.enum(['party_claim_unconfirmed', 'casualties_disagree', 'attribution_disputed']),
      incidentId: z.string(),
      violationIds: z.array(z.string()),
      partyIds: z.array(z.string()),
      reportIds: z.array(z.string()),
      reason: z.string(),
    }),
  ),
  appendix: z.strictObject({
    incidents: z.array(
      z.strictObject({
        id: z.string(),
        externalId: z.string().nullable(),
        eventType: z.enum(EVENT_TYPES),
        subEventType: z.string().nullable(),
        occurredFrom: ms,
        occurredUntil: ms,
        timePrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
        reportDate: z.string(),
        lon: z.number(),
        lat: z.number(),
        uncertaintyM: z.number(),
        area,
        location: z.string().nullable(),
        actor1: z.string().nullable(),
        actor2: z.string().nullable(),
        killed: count3,
        injured: count3,
        civiliansKilled: z.number(),
        corroborated: z.boolean(),
        mergedFrom: z.array(z.string()),
        sources: z.array(
          z.strictObject({
            reportId: z.string(),
            sourceId: z.string(),
            name: z.string(),
            kind: z.enum(SOURCE_KINDS).nullable(),
            affiliation: z.string().nullable(),
            reliability: z.enum(RELIABILITY_GRADES).nullable(),
            credibility: z.number().nullable(),
            grade: z.string(),
            reference: z.string().nullable(),
            killed: countRange,
          }),
        ),
        violationIds: z.array(z.string()),
      }),
    ),
    violations: z.array(
      z.strictObject({
        id: z.string(),
        incidentId: z.string(),
        agreementId: z.string(),
        zoneKey: z.string(),
        zoneName: z.string(),
        zoneKind: z.enum(ZONE_KINDS).nullable(),
        versionId: z.string(),
        versionLabel: z.string().nullable(),
        certainty,
        status: z.enum(VIOLATION_STATUSES),
        intent: z.enum(INTENTS).nullable(),
        attributions: z.array(
          z.strictObject({
            partyId: z.string(),
            kind: z.enum(ATTRIBUTION_KINDS),
            evidence: z.array(evidence),
            note: z.string().nullable(),
          }),
        ),
      }),
    ),
    notices: z.array(
      z.strictObject({
        id: z.string(),
        violationId: z.string(),
        partyId: z.string(),
        status: z.enum(['sent', 'answered']),
        sentAt: ms,
        answeredAt: ms.nullable(),
      }),
    ),
    proposals: z.array(
      z.strictObject({
        id: z.string(),
        agreementId: z.string(),
        label: z.string(),
        status: z.enum(PROPOSAL_STATUSES),
        digest: z.string(),
      }),
    ),
  }),
});
