// /api/v1/map: what the web app's map draws — the offline base map and the boundary layers the
// zone editor snaps to (anyone; nothing sensitive) and the incidents of the view as clusters and
// single points (signed in).
import { basemapResponse, boundaryLayerResponse, mapIncidentsResponse } from '../../api/map.ts';
import type { AppContext } from '../../app/context.ts';
import { MapIndexCache, mapIncidents } from '../../app/map-incidents.ts';
import { ANYONE, READ_PUBLISHED } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { basemapBody } from '../../places/basemap.ts';
import { BOUNDARY_LAYERS, boundaryBody, boundaryLayerSchema } from '../../places/boundaries.ts';
import { mapIncidentsQuery } from '../../domain/query-schemas.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function mapRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: ANYONE },
    url: '/api/v1/map/basemap',
    tag: 'map',
    summary:
      "Read the offline base map: the world's countries (Natural Earth 1:110m) and Syria's 14 governorates (UN OCHA)",
    response: {
      status: 200,
      description:
        '{ countries: FeatureCollection (name), syria_admin1: FeatureCollection (name_en, pcode), attribution }',
      schema: basemapResponse,
    },
    handler: async ({ reply }) => {
      // Read and serialised once per process; the browser keeps it for a day.
      void reply
        .header('cache-control', 'public, max-age=86400')
        .type('application/json; charset=utf-8');
      return basemapBody();
    },
  });

  r.add({
    method: 'GET',
    access: { roles: ANYONE },
    url: '/api/v1/map/boundaries/:layer',
    tag: 'map',
    summary: `Read a boundary layer (${BOUNDARY_LAYERS.join(', ')}): UN OCHA outlines the zone editor draws and snaps to`,
    response: {
      status: 200,
      description:
        '{ type: FeatureCollection, layer, attribution, features: Polygon | MultiPolygon with name_en, pcode (neighbourhoods also name_ar) }',
      schema: boundaryLayerResponse,
    },
    handler: async ({ params, reply }) => {
      const layer = boundaryLayerSchema.safeParse(params.layer);
      if (!layer.success)
        throw new AppError(
          'not_found',
          `there is no boundary layer ${JSON.stringify(params.layer)}; the layers are ${BOUNDARY_LAYERS.join(', ')}`,
          'layer',
        );
      void reply
        .header('cache-control', 'public, max-age=86400')
        .type('application/json; charset=utf-8');
      return boundaryBody(layer.data);
    },
  });

  const cache = new MapIndexCache();
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/map/incidents',
    tag: 'map',
    summary:
      'Read the incidents of a map view (bbox, zoom) as clusters and single points, each with its most severe visible violation',
    query: mapIncidentsQuery,
    response: {
      status: 200,
      description:
        'FeatureCollection of clusters {cluster, cluster_id, point_count, fatalities, violation} and incidents {id, external_id, event_type, sub_event_type, occurred_from, occurred_until, fatalities, uncertainty_m, violation, review_status}, with total',
      schema: mapIncidentsResponse,
    },
    handler: async ({ query, actor }) =>
      mapIncidents(ctx, cache, actor, {
        bbox: query.bbox,
        zoom: query.zoom,
        from: query.from,
        until: query.until,
        agreementId: query.agreement,
        eventType: query.event_type,
        certainty: query.certainty,
        minReliability: query.min_reliability,
      }),
  });
}
