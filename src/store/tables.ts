// Row types of the tables, as Kysely sees them. They never leave src/store: repositories map
// them to domain types. Times are epoch milliseconds (UTC); JSON columns are text.

export interface PartiesTable {
  id: string;
  name: string;
  capabilities: string;
  created_at: number;
}

export interface AgreementsTable {
  id: string;
  title: string;
  description: string | null;
  created_at: number;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  party_id: string;
}

export interface VersionsTable {
  id: string;
  agreement_id: string;
  seq: number;
  label: string;
  valid_from: number;
  valid_until: number | null;
  signed_by: string;
  terms: string | null;
  content_hash: string;
  recorded_at: number;
  proposal_id: string | null;
}

export interface ZonesTable {
  id: string;
  version_id: string;
  agreement_id: string;
  zone_key: string;
  name: string;
  kind: string;
  geometry: string;
  properties: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  area_km2: number;
}

export interface IncidentsTable {
  id: string;
  external_id: string | null;
  event_type: string;
  sub_event_type: string | null;
  occurred_from: number;
  occurred_until: number;
  time_precision: number | null;
  lon: number;
  lat: number;
  uncertainty_m: number;
  geo_precision: number | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number | null;
  source: string | null;
  notes: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  attributes: string;
  content_hash: string;
  created_at: number;
  updated_at: number;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  injured_low: number | null;
  injured_best: number | null;
  injured_high: number | null;
  civilians_killed: number | null;
  combatants_killed: number | null;
  corroborated: number;
  report_count: number;
  merged_into: string | null;
}

export interface MergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  /** JSON array: the reports moved to the survivor, moved back on undo. */
  report_ids: string;
  score: number | null;
  note: string;
  merged_by: string;
  merged_at: number;
  undone_by: string | null;
  undone_at: number | null;
}

export interface SourcesTable {
  id: string;
  name: string;
  aliases: string;
  kind: string;
  reliability: string;
  affiliation: string | null;
  notes: string | null;
  auto: number;
  created_at: number;
}

/** Every name and alias of a source, lower-cased, for resolving what a report names. */
export interface SourceNamesTable {
  name_key: string;
  source_id: string;
}

export interface ReportsTable {
  id: string;
  incident_id: string;
  source_id: string;
  source_name: string;
  reference: string | null;
  received_at: number | null;
  text: string | null;
  credibility: number | null;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  injured_low: number | null;
  injured_best: number | null;
  injured_high: number | null;
  civilians_killed: number | null;
  combatants_killed: number | null;
  origin: string;
  created_at: number;
}

export interface ViolationsTable {
  incident_id: string;
  agreement_id: string;
  zone_key: string;
  zone_id: string;
  version_id: string;
  certainty: string;
  detected_at: number;
  updated_at: number;
  status: string;
  intent: string | null;
  /** JSON array of attributions. */
  attributions: string | null;
  status_note: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  party_id: string | null;
  password_hash: string;
  must_change_password: number;
  created_at: number;
  disabled_at: number | null;
}

export interface AuthTokensTable {
  id: string;
  /** SHA-256 of the secret; the secret itself is never stored. */
  token_hash: string;
  user_id: string;
  kind: string;
  label: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface PartyKeysTable {
  fingerprint: string;
  party_id: string;
  public_key: string;
  label: string | null;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
}

export interface ProposalsTable {
  id: string;
  agreement_id: string;
  supersedes: string | null;
  label: string;
  /** The canonical JSON that was signed, byte for byte. */
  content: string;
  digest: string;
  required: string;
  status: string;
  version_id: string | null;
  created_by: string;
  created_at: number;
  closed_at: number | null;
}

export interface ProposalDecisionsTable {
  proposal_id: string;
  party_id: string;
  decision: string;
  key_fingerprint: string | null;
  signature: string | null;
  reason: string | null;
  decided_by: string;
  decided_at: number;
}

export interface AuditLogTable {
  seq: number;
  at: number;
  actor: string;
  actor_role: string | null;
  actor_party: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface EventsTable {
  seq: number;
  at: number;
  type: string;
  audience: string;
  party_id: string | null;
  payload: string;
}

export interface ViolationReviewsTable {
  id: string;
  incident_id: string;
  agreement_id: string;
  zone_key: string;
  from_status: string;
  to_status: string;
  note: string;
  intent: string | null;
  attributions: string | null;
  by_actor: string;
  at: number;
}

export interface NoticesTable {
  id: string;
  incident_id: string;
  agreement_id: string;
  zone_key: string;
  party_id: string;
  status: string;
  message: string;
  sent_at: number;
  sent_by: string;
  answer: string | null;
  answered_at: number | null;
  answered_by: string | null;
}

export interface ShiftsTable {
  id: string;
  started_by: string;
  started_at: number;
  notes: string | null;
  handed_over_at: number | null;
  handed_over_by: string | null;
  handed_to: string | null;
  handover: string | null;
}

export interface ArticlesTable {
  id: string;
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  agency: string | null;
  reference: string | null;
  publisher: string | null;
  text: string;
  /** JSON: the extraction without its text and claims (removed lines, places, people, …). */
  extraction: string;
  created_by: string;
  created_at: number;
}

export interface ArticleClaimsTable {
  article_id: string;
  idx: number;
  kind: string;
  /** JSON of the extracted claim. */
  claim: string;
  status: string;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  outcome_kind: string | null;
  outcome_id: string | null;
}

export interface AgreementNotesTable {
  id: string;
  agreement_id: string;
  kind: string;
  body: string;
  quote: string | null;
  article_id: string;
  claim_idx: number;
  source_name: string | null;
  created_by: string;
  created_at: number;
}

export interface Database {
  parties: PartiesTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  versions: VersionsTable;
  zones: ZonesTable;
  incidents: IncidentsTable;
  violations: ViolationsTable;
  users: UsersTable;
  auth_tokens: AuthTokensTable;
  party_keys: PartyKeysTable;
  proposals: ProposalsTable;
  proposal_decisions: ProposalDecisionsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  violation_reviews: ViolationReviewsTable;
  notices: NoticesTable;
  shifts: ShiftsTable;
  sources: SourcesTable;
  source_names: SourceNamesTable;
  reports: ReportsTable;
  merges: MergesTable;
  articles: ArticlesTable;
  article_claims: ArticleClaimsTable;
  agreement_notes: AgreementNotesTable;
  upgrade_tasks: UpgradeTasksTable;
}

/** The tables a backup's summary counts (every table that holds the cell's records). */
export const COUNTED_TABLES = [
  'parties',
  'agreements',
  'versions',
  'zones',
  'incidents',
  'reports',
  'sources',
  'violations',
  'violation_reviews',
  'notices',
  'merges',
  'users',
  'auth_tokens',
  'party_keys',
  'proposals',
  'proposal_decisions',
  'shifts',
  'articles',
  'article_claims',
  'agreement_notes',
  'audit_log',
  'events',
] as const satisfies readonly (keyof Database)[];

export interface UpgradeTasksTable {
  name: string;
  reason: string;
  created_at: number;
}

export const INCIDENT_COLUMNS = [
  'id',
  'external_id',
  'event_type',
  'sub_event_type',
  'occurred_from',
  'occurred_until',
  'time_precision',
  'lon',
  'lat',
  'uncertainty_m',
  'geo_precision',
  'actor1',
  'actor2',
  'fatalities',
  'source',
  'notes',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'attributes',
  'content_hash',
  'created_at',
  'updated_at',
  'killed_low',
  'killed_best',
  'killed_high',
  'injured_low',
  'injured_best',
  'injured_high',
  'civilians_killed',
  'combatants_killed',
  'corroborated',
  'report_count',
  'merged_into',
] as const satisfies readonly (keyof IncidentsTable)[];

export const REPORT_COLUMNS = [
  'id',
  'incident_id',
  'source_id',
  'source_name',
  'reference',
  'received_at',
  'text',
  'credibility',
  'killed_low',
  'killed_best',
  'killed_high',
  'injured_low',
  'injured_best',
  'injured_high',
  'civilians_killed',
  'combatants_killed',
  'origin',
  'created_at',
] as const satisfies readonly (keyof ReportsTable)[];
