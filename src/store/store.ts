// The one storage interface. Services see only this; SQLite (now) and PostgreSQL (later) implement
// it, and nothing outside src/store knows which dialect is in use.
import type {
  Agreement,
  AgreementVersion,
  Certainty,
  Incident,
  IncidentFilter,
  Party,
  Violation,
  ViolationFilter,
  ViolationRecord,
  Zone,
} from '../domain/types.ts';
import type {
  AuthToken,
  FeedEvent,
  Notice,
  PartyKey,
  Proposal,
  ProposalDecision,
  ProposalStatus,
  Shift,
  User,
  ViolationKey,
  ViolationReview,
  ViolationReviewState,
} from '../domain/accountability-types.ts';
import type { AuditEntry } from '../domain/audit-chain.ts';
import type { ReportRowSet } from '../report/daily/report-rows.ts';
import type { IncidentAssessment, Merge, Reliability, Report, Source } from '../domain/report.ts';
import type { EventType } from '../domain/event-types.ts';
import type { ViolationStatus } from '../domain/violation-review.ts';
import type {
  AgreementNote,
  Article,
  ArticleClaim,
  ArticleSummary,
  ClaimDecision,
} from '../domain/news-review.ts';

export interface ZoneFilter {
  agreementId?: string | undefined;
  versionId?: string | undefined;
  kind?: string | undefined;
  /** Zones of versions in force at this instant. */
  at?: number | undefined;
}

export interface IncidentKeyRow {
  id: string;
  externalId: string;
  contentHash: string;
}

/** Where a violation sync applies: the rows of these incidents, or of this agreement. */
export type ViolationScope = { incidentIds: readonly string[] } | { agreementId: string };

export interface SyncResult {
  added: number;
  changed: number;
  /** Unreviewed rows the engine no longer gives: deleted. */
  removed: number;
  /** Reviewed rows the engine no longer gives: kept, marked superseded with the reason. */
  superseded: number;
  /** Superseded rows the engine gives again: back to under_review for a person to look at. */
  restored: number;
}

export interface ProposalFilter {
  agreementId?: string | undefined;
  status?: ProposalStatus | undefined;
}

export interface NoticeFilter {
  partyId?: string | undefined;
  status?: Notice['status'] | undefined;
  key?: ViolationKey | undefined;
}

/** What an export selects: incidents or violations by place and time, and by violation. */
export type ExportFilter = Pick<
  ViolationFilter,
  'agreementId' | 'zone' | 'certainty' | 'from' | 'until' | 'bbox' | 'statuses'
>;

/** Which incidents the map shows: every one not merged whose time span overlaps [from, until). */
export interface MapPointFilter {
  from: number;
  until: number;
  eventType?: EventType | undefined;
  /** Violations of this agreement only (the others do not colour the points). */
  agreementId?: string | undefined;
  /** The violation statuses this reader may see; undefined: every status but superseded. */
  statuses?: readonly ViolationStatus[] | undefined;
  /** Only incidents with a report from a source graded this or better (A best). */
  minReliability?: Reliability | undefined;
}

/** What the map's incident layer needs of an incident, its visible violations folded in. */
export interface MapPoint {
  id: string;
  externalId: string | null;
  eventType: EventType;
  subEventType: string | null;
  occurredFrom: number;
  occurredUntil: number;
  lon: number;
  lat: number;
  fatalities: number | null;
  uncertaintyM: number;
  /** The most severe of its visible violations that was not dismissed; null when none. */
  violation: Certainty | null;
  /** The most advanced status among its visible violations (confirmed > dismissed > under_review > flagged). */
  reviewStatus: ViolationStatus | null;
}

export interface Store {
  /** Runs `fn` in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  getParty(id: string): Promise<Party | undefined>;
  listParties(): Promise<Party[]>;
  insertParty(party: Party): Promise<void>;
  updateParty(party: Party): Promise<void>;

  getAgreement(id: string): Promise<Agreement | undefined>;
  listAgreements(): Promise<Agreement[]>;
  insertAgreement(agreement: Agreement): Promise<void>;
  addAgreementParties(agreementId: string, partyIds: readonly string[]): Promise<void>;

  /** Versions (with their zones) of one agreement, or of all, in recording order. */
  listVersions(agreementId?: string): Promise<AgreementVersion[]>;
  insertVersion(version: AgreementVersion): Promise<void>;
  /** Changes whenever a version is recorded (by this process or another). */
  versionsStamp(): Promise<string>;
  /**
   * A consistent copy of the whole database in a new file at `path`, taken while other
   * connections (a running server) keep writing. Not inside a transaction.
   */
  backupTo(path: string): Promise<void>;
  /** How many rows each table holds (COUNTED_TABLES), to check a copy against what was written. */
  tableCounts(): Promise<Record<string, number>>;
  /** Work an upgrade owes to stored data: migrations queue it, the application does it once. */
  pendingUpgradeTasks(): Promise<{ name: string; reason: string }[]>;
  /** Ticks a task off, inside the transaction that did its work. */
  completeUpgradeTask(name: string): Promise<void>;

  listZones(filter: ZoneFilter): Promise<Zone[]>;
  getZone(id: string): Promise<Zone | undefined>;

  getIncident(idOrExternalId: string): Promise<Incident | undefined>;
  findIncidentKeys(externalIds: readonly string[]): Promise<Map<string, IncidentKeyRow>>;
  insertIncidents(incidents: readonly Incident[]): Promise<void>;
  updateIncident(incident: Incident): Promise<void>;
  listIncidents(filter: IncidentFilter): Promise<{ items: Incident[]; total: number }>;
  /** Pages through incidents (keyset order) whose time span and place may touch the box/window. */
  scanIncidents(
    filter: { bbox?: [number, number, number, number]; from?: number; until?: number },
    pageSize: number,
  ): AsyncIterable<Incident[]>;
  /**
   * Pages through incidents in id order for an export; with an agreement, zone, certainty or
   * statuses in the filter, only incidents that have such a violation.
   */
  scanIncidentsForExport(filter: ExportFilter, pageSize: number): AsyncIterable<Incident[]>;
  maxUncertaintyM(): Promise<number>;
  countIncidents(): Promise<number>;
  /** One row per incident for the map, in one grouped query (only the columns the map needs). */
  mapPoints(filter: MapPointFilter): Promise<MapPoint[]>;
  /** The daily report's rows for incidents starting in [from, until) (only the columns it needs). */
  reportRows(range: { from: number; until: number }): Promise<ReportRowSet>;

  /**
   * Makes the stored violations in `scope` equal to `rows`, keeping detection times and review
   * state of rows that stay; reviewed rows that go are marked superseded with `reason`.
   */
  syncViolations(
    scope: ViolationScope,
    rows: readonly ViolationRecord[],
    now: number,
    reason: string,
  ): Promise<SyncResult>;
  /** Adds rows for incidents that have none yet (fast path for new incidents). */
  insertViolations(rows: readonly ViolationRecord[], now: number): Promise<void>;
  listViolations(filter: ViolationFilter): Promise<{ items: Violation[]; total: number }>;
  /** Pages through violations in key order (incident, agreement, zone key) for an export. */
  scanViolationsForExport(filter: ExportFilter, pageSize: number): AsyncIterable<Violation[]>;
  setViolationReview(key: ViolationKey, state: ViolationReviewState): Promise<void>;
  insertViolationReview(review: ViolationReview): Promise<void>;
  listViolationReviews(key: ViolationKey): Promise<ViolationReview[]>;

  // ── sources and reports ──
  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | undefined>;
  /** Inserts or replaces a source with its names and aliases. */
  putSource(source: Source): Promise<void>;
  /** Source ids of names, given as lower-cased keys (sourceNameKey); unknown names are absent. */
  resolveSourceNames(keys: readonly string[]): Promise<Map<string, string>>;
  /** Only ever called inside a transaction (bulk path). */
  insertReports(reports: readonly Report[]): Promise<void>;
  listReports(incidentIds: readonly string[]): Promise<Report[]>;
  deleteReports(incidentIds: readonly string[], origin: Report['origin']): Promise<void>;
  setAssessment(incidentId: string, assessment: IncidentAssessment): Promise<void>;
  incidentIdsWithSource(sourceId: string): Promise<string[]>;
  /** Re-points every report of one incident to another; returns the ids moved. */
  moveReports(fromIncidentId: string, toIncidentId: string): Promise<string[]>;
  moveReportsById(ids: readonly string[], toIncidentId: string): Promise<void>;
  setMergedInto(incidentId: string, survivorId: string | null): Promise<void>;
  insertMerge(merge: Merge): Promise<void>;
  listMerges(filter: { id?: string; incidentId?: string }): Promise<Merge[]>;
  markMergeUndone(id: string, by: string, at: number): Promise<void>;

  // ── accounts ──
  countUsers(): Promise<number>;
  getUserById(id: string): Promise<User | undefined>;
  getUserByUsername(username: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  insertUser(user: User): Promise<void>;
  updateUser(user: User): Promise<void>;
  insertToken(token: AuthToken): Promise<void>;
  findToken(tokenHash: string): Promise<AuthToken | undefined>;
  revokeToken(id: string, at: number): Promise<void>;
  /** Revokes every live session and API token of a user but `exceptId`; returns how many. */
  revokeUserTokens(userId: string, at: number, exceptId?: string): Promise<number>;

  // ── sign-off ──
  listPartyKeys(partyId?: string): Promise<PartyKey[]>;
  getPartyKey(fingerprint: string): Promise<PartyKey | undefined>;
  insertPartyKey(key: PartyKey): Promise<void>;
  revokePartyKey(fingerprint: string, at: number): Promise<void>;
  insertProposal(proposal: Proposal): Promise<void>;
  getProposal(id: string): Promise<Proposal | undefined>;
  listProposals(filter: ProposalFilter): Promise<Proposal[]>;
  closeProposal(
    id: string,
    status: ProposalStatus,
    versionId: string | null,
    at: number,
  ): Promise<void>;
  insertDecision(decision: ProposalDecision): Promise<void>;
  listDecisions(proposalIds: readonly string[]): Promise<ProposalDecision[]>;

  // ── notices and shifts ──
  insertNotice(notice: Notice): Promise<void>;
  getNotice(id: string): Promise<Notice | undefined>;
  listNotices(filter: NoticeFilter): Promise<Notice[]>;
  updateNotice(notice: Notice): Promise<void>;
  insertShift(shift: Shift): Promise<void>;
  getShift(id: string): Promise<Shift | undefined>;
  listShifts(limit: number): Promise<Shift[]>;
  updateShift(shift: Shift): Promise<void>;

  // ── news review queue ──
  /** Stores an article with its claims (all pending). */
  insertArticle(article: Article, claims: readonly ArticleClaim[]): Promise<void>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Newest first, each with how many of its claims are pending, accepted and rejected. */
  listArticles(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: ArticleSummary[]; total: number }>;
  listArticleClaims(articleId: string): Promise<ArticleClaim[]>;
  getArticleClaim(articleId: string, idx: number): Promise<ArticleClaim | undefined>;
  /** Decides a pending claim; false (and nothing written) when it is not pending. */
  decideArticleClaim(articleId: string, idx: number, decision: ClaimDecision): Promise<boolean>;
  insertAgreementNote(note: AgreementNote): Promise<void>;
  /** An agreement's notes, oldest first. */
  listAgreementNotes(agreementId: string): Promise<AgreementNote[]>;

  // ── audit log and feed ──
  /** The last entry of the audit chain, or null when it is empty. */
  auditHead(): Promise<{ seq: number; hash: string } | null>;
  insertAuditEntries(entries: readonly AuditEntry[]): Promise<void>;
  /** Pages through the chain in seq order, starting after `afterSeq`. */
  scanAudit(afterSeq: number, pageSize: number): AsyncIterable<AuditEntry[]>;
  listAudit(filter: {
    entity?: string | undefined;
    entityId?: string | undefined;
    beforeSeq?: number | undefined;
    limit: number;
  }): Promise<AuditEntry[]>;
  feedHead(): Promise<number>;
  insertEvents(events: readonly FeedEvent[]): Promise<void>;
  eventsAfter(seq: number, limit: number): Promise<FeedEvent[]>;
}
