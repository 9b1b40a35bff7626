// The shapes the zone editor exchanges with the server (boundary layers, geometry checks, the
// proposal it puts out): types only, so the editor's pure modules and their tests need no browser.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ZoneKind } from '../types.ts';

export type BoundaryLayer = 'aleppo_neighbourhoods' | 'syria_admin2' | 'syria_admin1';

export interface BoundaryProperties {
  name_en: string;
  /** Neighbourhoods only. */
  name_ar?: string;
  pcode: string;
}

export interface BoundaryCollection extends FeatureCollection<
  Polygon | MultiPolygon,
  BoundaryProperties
> {
  layer: BoundaryLayer;
  attribution: string;
}

/** One problem with a geometry: where (`coordinates[0][3]`) and what, in words. */
export interface GeometryIssue {
  path: string;
  message: string;
}

export interface GeometryCheck {
  valid: boolean;
  issues: GeometryIssue[];
  area_km2: number | null;
}

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
