// The one storage interface. Services see only this; SQLite (now) and PostgreSQL (later) implement
// it, and nothing outside src/store knows which dialect is in use.
import type {
  Agreement,
  AgreementVersion,
  Incident,
  IncidentFilter,
  Party,
  Violation,
  ViolationFilter,
  ViolationRecord,
  Zone,
} from '../domain/types.ts';

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
  removed: number;
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
  maxUncertaintyM(): Promise<number>;
  countIncidents(): Promise<number>;

  /** Makes the stored violations in `scope` equal to `rows`, keeping detection times of rows that stay. */
  syncViolations(
    scope: ViolationScope,
    rows: readonly ViolationRecord[],
    now: number,
  ): Promise<SyncResult>;
  /** Adds rows for incidents that have none yet (fast path for new incidents). */
  insertViolations(rows: readonly ViolationRecord[], now: number): Promise<void>;
  listViolations(filter: ViolationFilter): Promise<{ items: Violation[]; total: number }>;
}
