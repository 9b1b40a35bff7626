// The OCHA boundary layers the server offers the zone editor to snap to (GET
// /api/v1/map/boundaries/:layer): their names, and the schema that checks a requested one.
import { z } from 'zod';

export const BOUNDARY_LAYERS = ['aleppo_neighbourhoods', 'syria_admin2', 'syria_admin1'] as const;
export type BoundaryLayer = (typeof BOUNDARY_LAYERS)[number];

export const boundaryLayerSchema = z.enum(BOUNDARY_LAYERS, {
  message: `must be one of ${BOUNDARY_LAYERS.join(', ')}`,
});
