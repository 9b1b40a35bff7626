// The shapes the JSON API returns (snake_case, ISO times): the server's own response schemas
// (src/api/), as types only — `import type` keeps zod and the schemas out of the bundle. The names
// are the ones the app has always used.
import type { z } from 'zod';
import type {
  agreementResponse,
  versionResponse,
  versionSummary,
} from '../../src/api/agreements.ts';
import type { loginResponse, userResponse } from '../../src/api/auth.ts';
import type { countRange, okResponse, pageOf } from '../../src/api/common.ts';
import type { shiftResponse } from '../../src/api/desk.ts';
import type { incidentDetailResponse, reportResponse } from '../../src/api/incidents.ts';
import type {
  basemapResponse,
  clusterProperties,
  incidentPointProperties,
  mapIncidentFeature,
  mapIncidentsResponse,
  mapViolation,
} from '../../src/api/map.ts';
import type { partyKeyResponse } from '../../src/api/parties.ts';
import type {
  partyState,
  proposalContent,
  proposalDiff,
  proposalSummaryResponse,
  proposalViewResponse,
  signatureResponse,
} from '../../src/api/proposals.ts';
import type {
  attributionSuggestion,
  reviewStepResponse,
  violationDetailResponse,
  violationResponse,
} from '../../src/api/violations.ts';
import type { zoneCollection, zoneFeature, zoneProperties } from '../../src/api/zones.ts';

export type User = z.output<typeof userResponse>;
export type Role = User['role'];
export type LoginResponse = z.output<typeof loginResponse>;
/** `{ ok: true }`. */
export type Ok = z.output<typeof okResponse>;

export type Agreement = z.output<typeof agreementResponse>;
/** A version with its zones as GeoJSON (GET /api/v1/agreements/:id/versions). */
export type VersionWithZones = z.output<typeof versionResponse>;
/** A version as listed with its agreement (zones named, without geometry). */
export type ListedVersion = z.output<typeof versionSummary>;
/** A version's own fields, whichever way its zones come. */
export type VersionSummary = Omit<VersionWithZones, 'zones'>;

// Zone kinds are the server's own (a pure module, bundled into the app).
export { ZONE_KINDS, type ZoneKind } from '../../src/domain/zone-kinds.ts';

export type ZoneProperties = z.output<typeof zoneProperties>;
export type ZoneFeature = z.output<typeof zoneFeature>;
export type ZoneCollection = z.output<typeof zoneCollection>;

/** The most severe violation of a map point or cluster. */
export type Certainty = z.output<typeof mapViolation>;
/** A single incident on the map (`cluster` absent, so the two kinds tell apart). */
export type IncidentPointProps = z.output<typeof incidentPointProperties> & { cluster?: false };
export type ClusterProps = z.output<typeof clusterProperties>;
export type IncidentMapFeature = Omit<z.output<typeof mapIncidentFeature>, 'properties'> & {
  properties: IncidentPointProps | ClusterProps;
};
export type IncidentMapCollection = Omit<z.output<typeof mapIncidentsResponse>, 'features'> & {
  features: IncidentMapFeature[];
};

export type Basemap = z.output<typeof basemapResponse>;

export type Report = z.output<typeof reportResponse>;
export type Violation = z.output<typeof violationResponse>;
/** GET /api/v1/violations/:id: the violation, its review history, notices and suggestions. */
export type ViolationDetail = z.output<typeof violationDetailResponse>;
export type AttributionSuggestion = z.output<typeof attributionSuggestion>;
/** POST /api/v1/violations/:id/review. */
export type ReviewStep = z.output<typeof reviewStepResponse>;
export type Range3 = z.output<typeof countRange>;
export type IncidentDetail = z.output<typeof incidentDetailResponse>;

/** One page of a list (`{ items, total, limit, offset }`). */
export type Page<T> = Omit<z.output<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };

export type Shift = z.output<typeof shiftResponse>;

// Proposals (GET /api/v1/proposals, /api/v1/proposals/:id) and party keys.
export type ProposalSummary = z.output<typeof proposalSummaryResponse>;
export type ProposalStatus = ProposalSummary['status'];
export type PartyState = z.output<typeof partyState>;
export type ProposalContent = z.output<typeof proposalContent>;
export type ProposalDiff = z.output<typeof proposalDiff>;
export type ProposalDetail = z.output<typeof proposalViewResponse>;
/** POST /api/v1/proposals/:id/signatures. */
export type SignatureResult = z.output<typeof signatureResponse>;
export type PartyKey = z.output<typeof partyKeyResponse>;
