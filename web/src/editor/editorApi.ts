// The zone editor's endpoints: boundary layers to draw and snap to, geometry validation, and
// putting out a proposal. Calls go through the app's one `request` (same error type, same 401 path).
import type { MultiPolygon, Polygon } from 'geojson';
import { request } from '../api.ts';
import type { ProposalDetail } from '../types.ts';
import type {
  BoundaryCollection,
  BoundaryLayer,
  GeometryCheck,
  ProposalRequest,
} from './editorTypes.ts';

const cache = new Map<BoundaryLayer, Promise<BoundaryCollection>>();

export const editorApi = {
  /** A layer is fetched once per page (the server lets the browser keep it for a day). */
  boundaries: (layer: BoundaryLayer): Promise<BoundaryCollection> => {
    let p = cache.get(layer);
    if (!p) {
      p = request<BoundaryCollection>('GET', `/api/v1/map/boundaries/${layer}`);
      p.catch(() => cache.delete(layer));
      cache.set(layer, p);
    }
    return p;
  },
  validate: (geometry: Polygon | MultiPolygon, signal?: AbortSignal) =>
    request<GeometryCheck>('POST', '/api/v1/zones/validate', { geometry }, signal),
  putOutProposal: (agreementId: string, body: ProposalRequest) =>
    request<ProposalDetail>(
      'POST',
      `/api/v1/agreements/${encodeURIComponent(agreementId)}/proposals`,
      body,
    ),
};
