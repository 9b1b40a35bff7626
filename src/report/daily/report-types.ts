// The daily situation report's numbers (issue 7) as one typed object, for the renderers (HTML, PDF,
// Markdown, charts) to lay out. Every number is a Figure carrying the ids of the appendix rows
// behind it, so any figure in the body can link to exactly the incidents, violations, notices or
// proposals it counts. Times are epoch ms (UTC).
import type { MultiPolygon, Polygon } from 'geojson';
import type { Notice, Proposal, ProposalDecision } from '../../domain/accountability-types.ts';
import type { EventType } from '../../domain/event-types.ts';
import type { CasualtyCount, Merge, Reliability, Source, SourceKind } from '../../domain/report.ts';
import type { Agreement, AgreementVersion, Certainty, Party } from '../../domain/types.ts';
import type { CertaintyLevel } from '../../domain/certainty.ts';
import type { ZoneKind } from '../../domain/zone-kinds.ts';
import type { Attribution, Intent, ViolationStatus } from '../../domain/violation-review.ts';
import type { ReportIncidentRow, ReportSourceRow, ReportViolationRow } from './report-rows.ts';
import type { ReportPeriod } from './report-period.ts';

/** Everything the figures are computed from: plain rows, no I/O (load-report-rows.ts reads them). */
export interface ReportRows {
  /** Incidents starting in the periods' range (merged duplicates may be present: they are skipped). */
  incidents: ReportIncidentRow[];
  violations: ReportViolationRow[];
  reports: ReportSourceRow[];
  sources: Source[];
  parties: Party[];
  agreements: Agreement[];
  versions: AgreementVersion[];
  proposals: Proposal[];
  decisions: ProposalDecision[];
  notices: Notice[];
  merges: Merge[];
}

/** Which appendix table a figure's refs point into. */
export type RefTable = 'incident' | 'violation' | 'notice' | 'proposal';

/** A number and the ids of the appendix rows behind it (each row once). */
export interface Figure {
  value: number;
  of: RefTable;
  refs: string[];
}

/** A figure of the period against the same figure of the comparison period. */
export interface Compared {
  current: Figure;
  previous: Figure;
  /** current − previous */
  delta: number;
}

/**
 * Violations by certainty and review. `total` = confirmed + pending = certain + possible; a
 * dismissed violation (judged not to be one) is in `dismissed` only; superseded ones never count.
 */
export interface ViolationFigures<F = Figure> {
  total: F;
  certain: F;
  possible: F;
  confirmed: F;
  /** flagged or under review */
  pending: F;
  dismissed: F;
}

export interface LowBestHigh<F = Figure> {
  low: F;
  best: F;
  high: F;
}

/** Sums over incidents of their combined figures (refs: the incidents that add to each). */
export interface CasualtyFigures<F = Figure> {
  killed: LowBestHigh<F>;
  injured: LowBestHigh<F>;
  civiliansKilled: F;
}

export interface Headline {
  /** Every incident (merged duplicates once, through their survivor) starting in the period. */
  incidents: Compared;
  /** Every ACLED event type, in taxonomy order. */
  incidentsByType: { eventType: EventType; incidents: Compared }[];
  violations: ViolationFigures<Compared>;
  /** Of every incident of the period, whether or not a violation. */
  casualties: CasualtyFigures<Compared>;
}

export interface ZoneFigures {
  agreementId: string;
  zoneKey: string;
  zoneName: string;
  zoneKind: ZoneKind | null;
  /** Whether a version with this zone was in force at some instant of the period. */
  inForce: boolean;
  violations: ViolationFigures<Compared>;
  /** Of the incidents with a violation of this zone that was not dismissed. */
  casualties: CasualtyFigures<Compared>;
}

export interface AgreementFigures {
  agreementId: string;
  title: string;
  violations: ViolationFigures<Compared>;
  /** Of the incidents with a violation of this agreement that was not dismissed, each once. */
  casualties: CasualtyFigures<Compared>;
  zones: ZoneFigures[];
}

export type ZoneChangeKind =
  /** A version with this zone was adopted by sign-off in the period (proposal signed by all). */
  | 'signed'
  /** A version with this zone, signed outside Truceline, was recorded in the period. */
  | 'recorded'
  /** The zone came into force (no version in force had it just before). */
  | 'entered_force'
  /** The zone passed to a version in force that ends later (an extension). */
  | 'extended'
  /** The zone passed to another version in force that does not end later (amended, suspended). */
  | 'replaced'
  /** The zone stopped being in force (its window ended, or the version now in force drops it). */
  | 'expired';

export interface VersionRef {
  id: string;
  label: string;
  validFrom: number;
  validUntil: number | null;
  proposalId: string | null;
}

export interface ZoneChange {
  kind: ZoneChangeKind;
  at: number;
  agreementId: string;
  zoneKey: string;
  zoneName: string;
  zoneKind: ZoneKind;
  /** The version after the change (for signed / recorded: the new one); null when none is in force. */
  version: VersionRef | null;
  /** The version before (for signed / recorded: the last earlier version with this zone). */
  previous: VersionRef | null;
  /**
   * How much later the zone's window now ends than under the previous version, in hours (negative:
   * earlier); null when either is open-ended, or there is no version before or after with the zone.
   */
  extendedByHours: number | null;
}

export interface PartyFigures {
  partyId: string;
  name: string;
  /** Violations of the period (not dismissed) attributed to the party, in all and by kind. */
  attributed: { total: Compared; reported: Compared; inferred: Compared; assessed: Compared };
  notices: {
    /** Notices to the party sent in the period. */
    sent: Compared;
    /** Notices of the party answered in the period. */
    answered: Compared;
    /** Sent before the cut-off and not answered by then. */
    open: Figure;
  };
  /** The party's decisions on proposals in the period (refs: proposal ids). */
  proposals: { signed: Figure; refused: Figure };
}

/** An admin1 (governorate) name as the incidents give it; null: incidents that name none. */
export type Area = string | null;

export interface WindowFigures {
  incidents: Compared;
  /** Violations not dismissed. */
  violations: Compared;
  /** People killed, best estimate. */
  killed: Compared;
  civiliansKilled: Compared;
}

export interface AreaWindow extends WindowFigures {
  area: Area;
}

export interface RollingWindow {
  days: number;
  /** [from, until): the last `days` report days; compared with the `days` before them. */
  from: number;
  until: number;
  previousFrom: number;
  total: WindowFigures;
  areas: AreaWindow[];
}

export interface DailySeries {
  days: ReportPeriod[];
  total: { violations: Figure[]; killed: Figure[] };
  /** One entry per area with anything in the series; each array follows `days`. */
  areas: { area: Area; violations: Figure[]; killed: Figure[] }[];
}

export type WarningPlace =
  | { kind: 'area'; area: Area }
  | { kind: 'zone'; agreementId: string; zoneKey: string; zoneName: string };

/** A place where violations or people killed rose well above the baseline (early-warning.ts). */
export interface EarlyWarning {
  place: WarningPlace;
  measure: 'violations' | 'killed';
  value: Figure;
  /** Mean per report day over the baseline days before the period. */
  baselineMean: number;
  baselineDays: number;
  /** Variance over mean of the baseline days (1 when not over-dispersed). */
  dispersion: number;
  /** The smallest value the rule flags at this baseline. */
  threshold: number;
  /** Probability of a value at least this high under the baseline. */
  pValue: number;
}

export type DisputeKind =
  'party_claim_unconfirmed' | 'casualties_disagree' | 'attribution_disputed';

/** Sources or parties disagreeing about an incident of the period (disputed-claims.ts). */
export interface DisputedClaim {
  kind: DisputeKind;
  incidentId: string;
  /** The incident's violations (not superseded), dismissed ones included. */
  violationIds: string[];
  /** The claiming parties, or the parties the reported attributions disagree about. */
  partyIds: string[];
  /** The reports that claim or disagree (listed with their sources in the appendix incident). */
  reportIds: string[];
  reason: string;
}

export interface MapIncident {
  id: string;
  lon: number;
  lat: number;
  uncertaintyM: number;
  eventType: EventType;
  subEventType: string | null;
  occurredFrom: number;
  killedBest: number;
  /** The most severe of its violations not dismissed; 'none' without. */
  violation: CertaintyLevel;
}

export interface MapZone {
  zoneId: string;
  versionId: string;
  versionLabel: string;
  agreementId: string;
  key: string;
  name: string;
  kind: ZoneKind;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

export interface AppendixSource {
  reportId: string;
  sourceId: string;
  /** The source's registry name (the name as written when it is not in the registry). */
  name: string;
  kind: SourceKind | null;
  affiliation: string | null;
  reliability: Reliability | null;
  credibility: number | null;
  /** Both Admiralty grades, e.g. `B2` (F and 6 when not known). */
  grade: string;
  reference: string | null;
  killed: CasualtyCount;
}

export interface AppendixIncident {
  id: string;
  externalId: string | null;
  eventType: EventType;
  subEventType: string | null;
  occurredFrom: number;
  occurredUntil: number;
  timePrecision: 1 | 2 | 3 | null;
  /** The report day it counts in (the one containing its start). */
  reportDate: string;
  lon: number;
  lat: number;
  uncertaintyM: number;
  area: Area;
  location: string | null;
  actor1: string | null;
  actor2: string | null;
  /** Combined from its reports (its coded fatalities when it has none). */
  killed: { low: number; best: number; high: number };
  injured: { low: number; best: number; high: number };
  civiliansKilled: number;
  corroborated: boolean;
  /** Duplicates merged into it (they count through it, once). */
  mergedFrom: string[];
  sources: AppendixSource[];
  violationIds: string[];
}

export interface AppendixViolation {
  id: string;
  incidentId: string;
  agreementId: string;
  zoneKey: string;
  zoneName: string;
  zoneKind: ZoneKind | null;
  versionId: string;
  versionLabel: string | null;
  certainty: Certainty;
  status: ViolationStatus;
  intent: Intent | null;
  attributions: Attribution[];
}

export interface AppendixNotice {
  id: string;
  violationId: string;
  partyId: string;
  status: Notice['status'];
  sentAt: number;
  answeredAt: number | null;
}

export interface AppendixProposal {
  id: string;
  agreementId: string;
  label: string;
  status: Proposal['status'];
  digest: string;
}

export interface DailyReport {
  generatedAt: number;
  timeZone: string;
  cutoff: string;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  /** The rules' parameters, for the report's method note. */
  rules: {
    rollingDays: number[];
    seriesDays: number;
    baselineDays: number;
    earlyWarning: { minCount: number; alpha: number };
  };
  /** Listed first: places well above their baseline, most significant first. */
  earlyWarnings: EarlyWarning[];
  headline: Headline;
  agreements: AgreementFigures[];
  zoneChanges: ZoneChange[];
  parties: PartyFigures[];
  rolling: RollingWindow[];
  series: DailySeries;
  map: { incidents: MapIncident[]; zones: MapZone[] };
  disputed: DisputedClaim[];
  /** Every row a figure refers to, in time order. */
  appendix: {
    incidents: AppendixIncident[];
    violations: AppendixViolation[];
    notices: AppendixNotice[];
    proposals: AppendixProposal[];
  };
}
