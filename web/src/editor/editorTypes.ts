// The shapes the zone editor exchanges with the server (boundary layers, geometry checks, the
// proposal it puts out): types only, so the editor's pure modules and their tests need no browser.
// What the server answers is typed from its response schemas (src/api/); the proposal it is sent
// keeps its own type, with the geometry typed as the server has validated it.
import type { MultiPolygon, Polygon } from 'geojson';
import type { z } from 'zod';
import type { boundaryLayerResponse, boundaryProperties } from '../../../src/api/map.ts';
import type { geometryCheckResponse, geometryIssue } from '../../../src/api/zones.ts';
import type { ZoneKind } from '../types.ts';

export type { BoundaryLayer } from '../../../src/domain/boundary-layers.ts';

export type BoundaryProperties = z.output<typeof boundaryProperties>;
/** GET /api/v1/map/boundaries/:layer: the layer's outlines with its attribution. */
export type BoundaryCollection = z.output<typeof boundaryLayerResponse>;

/** One problem with a geometry: where (`coordinates[0][3]`) and what, in words. */
export type GeometryIssue = z.output<typeof geometryIssue>;
/** POST /api/v1/zones/validate. */
export type GeometryCheck = z.output<typeof geometryCheckResponse>;

export interface ProposalZone {
  type: 'Feature';
  /** The zone's key: kept from the version so the diff can tell unchanged from added. */
  id: string;
  properties: Record<string, unknown> & { name: string; kind: ZoneKind };
  geometry: Polygon | MultiPolygon;
}

/** The body of POST /api/v1/agreements/:id/proposals (src/domain/proposal.ts). */
export interface ProposalRequest {
  label: string;
  terms?: string;
  valid_from: string;
  valid_until: string | null;
  required_signatories: string[];
  supersedes: string | null;
  zones: { type: 'FeatureCollection'; features: ProposalZone[] };
}
