// /api/v1/zones: the zones of recorded versions as GeoJSON, and geometry validation for editors.
import {
  geometryCheckResponse,
  validateGeometryBody,
  zoneCollection,
  zoneFeature,
  zoneQuery,
} from '../../api/zones.ts';
import type { AppContext } from '../../app/context.ts';
import { checkZoneGeometry } from '../../app/geometry-check.ts';
import { READ_PUBLISHED, VALIDATE_ZONES } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { areaKm2 } from '../../geo/validate-geometry.ts';
import { zoneToFeature } from '../../domain/resource-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function zoneRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/zones',
    tag: 'zones',
    summary:
      'Zones as a GeoJSON FeatureCollection; `at` keeps those of versions in force at that instant',
    query: zoneQuery,
    response: {
      status: 200,
      description: 'GeoJSON FeatureCollection',
      contentTypes: ['application/geo+json'],
      schema: zoneCollection,
    },
    handler: async ({ query, reply }) => {
      const [zones, versions] = await Promise.all([
        ctx.store.listZones({
          agreementId: query.agreement,
          versionId: query.version,
          kind: query.kind,
          at: query.at,
        }),
        ctx.store.listVersions(query.agreement),
      ]);
      const byId = new Map(versions.map((v) => [v.id, v]));
      void reply.type('application/geo+json');
      return {
        type: 'FeatureCollection',
        features: zones.map((zn) => zoneToFeature(zn, byId.get(zn.versionId))),
      };
    },
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/zones/:id',
    tag: 'zones',
    summary: 'One zone as a GeoJSON Feature',
    response: { status: 200, description: 'GeoJSON Feature', schema: zoneFeature },
    handler: async ({ params }) => {
      const zone = await ctx.store.getZone(params.id!);
      if (!zone) throw new AppError('not_found', `zone ${params.id} does not exist`);
      const version = (await ctx.store.listVersions(zone.agreementId)).find(
        (v) => v.id === zone.versionId,
      );
      return zoneToFeature(zone, version);
    },
  });
  r.add({
    method: 'POST',
    access: { roles: VALIDATE_ZONES },
    url: '/api/v1/zones/validate',
    tag: 'zones',
    summary:
      'Check a zone geometry without saving it: every problem with the ring and place it is at',
    body: validateGeometryBody,
    response: {
      status: 200,
      description: '{ valid, issues: [{ path, message }], area_km2 }',
      schema: geometryCheckResponse,
    },
    handler: async ({ body }) => {
      const result = await checkZoneGeometry(body.geometry);
      return result.ok
        ? { valid: true, issues: [], area_km2: areaKm2(result.geometry) }
        : { valid: false, issues: result.issues, area_km2: null };
    },
  });
}
