// Zone names on the report's map: small zones side by side keep their names; a wide zone whose
// name would sit on top of theirs loses its label (it keeps its tooltip and table rows).
import { describe, expect, it } from 'vitest';
import type { MapZone } from '../daily/report-types.ts';
import { placedLabels } from './report-map-svg.ts';

const zone = (key: string, name: string, bbox: MapZone['bbox']): MapZone => ({
  zoneId: key, versionId: 'v', versionLabel: 'v1', agreementId: 'a', key, name, kind: 'safe_zone', bbox,
  geometry: { type: 'Polygon', coordinates: [[[bbox[0], bbox[1]], [bbox[2], bbox[1]], [bbox[2], bbox[3]], [bbox[0], bbox[1]]]] },
}); // prettier-ignore

describe('placedLabels', () => {
  const box = { west: 36, east: 38, south: 35.5, north: 37 };
  const size = { width: 900, height: 600 };

  it('keeps the small zones’ names and drops the wide one whose centre falls on them', () => {
    const labels = placedLabels(
      [
        zone('wide', 'Northern ceasefire area', [36.2, 35.7, 38, 36.7]),
        zone('a', 'Hanano', [37.05, 36.18, 37.15, 36.22]),
        zone('b', 'Shaar', [37.3, 36.1, 37.4, 36.15]),
      ],
      box,
      size,
    );
    expect(labels.map((l) => l.name).sort()).toEqual(['Hanano', 'Shaar']);
  });

  it('keeps every name when none overlap, one per zone even over several versions', () => {
    const far = [
      zone('a', 'West', [36.1, 35.6, 36.2, 35.7]),
      zone('b', 'East', [37.8, 36.8, 37.9, 36.9]),
    ];
    const labels = placedLabels([...far, { ...far[0]!, versionId: 'v2' }], box, size);
    expect(labels.map((l) => l.name).sort()).toEqual(['East', 'West']);
  });
});
