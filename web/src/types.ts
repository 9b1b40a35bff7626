// The shapes the JSON API returns (snake_case, ISO times), as far as the web app reads them.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type Role = 'admin' | 'mediator' | 'analyst' | 'monitor' | 'liaison' | 'public';

export interface User {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  party_id: string | null;
  must_change_password: boolean;
}

export interface VersionSummary {
  id: string;
  agreement_id: string;
  seq: number;
  label: string;
  valid_from: string;
  valid_until: string | null;
  signed_by: string[];
  terms: string | null;
  /** When this version is the one in force (src/domain/version-in-force.ts), in time order. */
  effective_windows: TimeSpanJson[];
  /** The parts of its own window in which a later version is in force instead. */
  superseded_windows: TimeSpanJson[];
}

export interface TimeSpanJson {
  from: string;
  until: string | null;
}

export interface Agreement {
  id: string;
  title: string;
  description: string | null;
  parties: string[];
  versions?: VersionSummary[];
}

// Zone kinds are the server's own (a pure module, bundled into the app).
export { ZONE_KINDS, type ZoneKind } from '../../src/domain/zone-kinds.ts';
import type { ZoneKind } from '../../src/domain/zone-kinds.ts';

export interface ZoneProperties {
  name: string;
  kind: ZoneKind;
  key: string;
  agreement_id: string;
  version_id: string;
  version_label?: string;
  valid_from?: string;
  valid_until?: string | null;
  area_km2: number;
}
export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProperties>;
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;

/** A map feature's most severe violation ('none' without one); ordered in src/domain/certainty.ts. */
import type { CertaintyLevel } from '../../src/domain/certainty.ts';
export type Certainty = CertaintyLevel;

export interface IncidentPointProps {
  cluster?: false;
  id: string;
  external_id: string | null;
  event_type: string;
  sub_event_type: string | null;
  occurred_from: string;
  occurred_until: string;
  fatalities: number | null;
  uncertainty_m: number;
  violation: Certainty;
  review_status: string | null;
}
export interface ClusterProps {
  cluster: true;
  cluster_id: number;
  point_count: number;
  fatalities: number;
  violation: Certainty;
}
export type IncidentMapFeature = Feature<Point, IncidentPointProps | ClusterProps>;
export interface IncidentMapCollection extends FeatureCollection<
  Point,
  IncidentPointProps | ClusterProps
> {
  total: number;
}

export interface Basemap {
  countries: FeatureCollection;
  syria_admin1: FeatureCollection;
  attribution: string;
}

export interface Report {
  id: string;
  source_name: string;
  as_named: string | null;
  grade: string;
  reference: string | null;
  received_at: string | null;
  killed: { low: number | null; best: number | null; high: number | null } | null;
  injured: { low: number | null; best: number | null; high: number | null } | null;
}

/** A violation as the API gives it: the server's own JSON shape (a type only; no server code). */
import type { ViolationJson } from '../../src/domain/violation-output.ts';
export type Violation = ViolationJson;

export interface Range3 {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface IncidentDetail {
  id: string;
  external_id: string | null;
  event_type: string;
  sub_event_type: string | null;
  occurred_from: string;
  occurred_until: string;
  lon: number;
  lat: number;
  uncertainty_m: number;
  actor1: string | null;
  actor2: string | null;
  location: string | null;
  notes: string | null;
  casualties: { killed: Range3 | null; injured: Range3 | null };
  corroborated: boolean;
  reports: Report[];
  violations: Violation[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Shift {
  id: string;
  started_by: string;
  started_at: string;
  notes: string | null;
  handed_over_at: string | null;
  handed_over_by: string | null;
  handed_to: string | null;
}

// Proposals (GET /api/v1/proposals, /api/v1/proposals/:id) and party keys.
export type ProposalStatus = 'open' | 'adopted' | 'refused' | 'superseded' | 'withdrawn';

export interface PartyState {
  party_id: string;
  state: 'signed' | 'refused' | 'pending';
  at?: string;
  key_fingerprint?: string | null;
  signature?: string | null;
  reason?: string | null;
  submitted_by?: string;
}

export interface ProposalSummary {
  id: string;
  agreement_id: string;
  label: string;
  status: ProposalStatus;
  digest: string;
  supersedes: string | null;
  version_id: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  signed: number;
  required: number;
  parties: PartyState[];
}

/** A proposal's diff and signed content are the server's own JSON shapes (types only). */
import type { ProposalDiff } from '../../src/domain/proposal-diff.ts';
import type { ProposalContent } from '../../src/domain/proposal.ts';
export type { ProposalContent, ProposalDiff };

export interface ProposalDetail extends ProposalSummary {
  superseded_by: string[];
  content: ProposalContent;
  canonical_content: string;
  diff: ProposalDiff;
}

export interface VersionWithZones extends VersionSummary {
  zones: ZoneCollection;
}

export interface PartyKey {
  fingerprint: string;
  party_id: string;
  public_key: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}
