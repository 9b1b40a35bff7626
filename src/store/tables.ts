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
}

export interface Database {
  parties: PartiesTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  versions: VersionsTable;
  zones: ZonesTable;
  incidents: IncidentsTable;
  violations: ViolationsTable;
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
] as const satisfies readonly (keyof IncidentsTable)[];
