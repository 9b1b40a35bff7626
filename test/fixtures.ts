// Small hand-made inputs for integration tests: an agreement around a 1°×1° square near Damascus.
export const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

export const PARTIES = [
  { id: 'GOV', name: 'Government', capabilities: ['air', 'artillery'] },
  { id: 'OPP', name: 'Opposition', capabilities: ['artillery'] },
];

export const versionV1 = {
  label: 'v1',
  valid_from: '2018-02-16T00:00:00Z',
  valid_until: '2018-02-18T00:00:00Z',
  signed_by: ['GOV', 'OPP'],
  terms: 'No hostilities of any kind inside the area.',
  zones: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'area',
        properties: { name: 'Test area', kind: 'ceasefire_area' },
        geometry: square(36, 33, 37, 34),
      },
      {
        type: 'Feature',
        id: 'carve',
        properties: { name: 'Carve-out', kind: 'excluded_area' },
        geometry: square(36.7, 33.7, 36.9, 33.9),
      },
    ],
  },
};

/** The 48-hour extension: takes over where v1 ends, same zones (no overlap). */
export const versionV2 = {
  ...versionV1,
  label: 'v2',
  valid_from: '2018-02-18T00:00:00Z',
  valid_until: '2018-02-20T00:00:00Z',
};

export function agreementDoc(versions: unknown[] = [versionV1]) {
  return { id: 'test-coh', title: 'Test cessation of hostilities', parties: PARTIES, versions };
}

export const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

export function acledRow(p: {
  id: string;
  date: string;
  type?: string;
  sub?: string;
  lat: number | string;
  lon: number | string;
  timePrecision?: number | string;
  geoPrecision?: number | string;
  fatalities?: number | string;
  notes?: string;
}): string {
  const cells = [
    p.id, p.date, '2018', String(p.timePrecision ?? 1), 'Political violence',
    p.type ?? 'Explosions/Remote violence', p.sub ?? 'Shelling/artillery/missile attack',
    'Military Forces of Syria (2000-)', '', 'State forces', 'Civilians (Syria)', '', 'Civilians', 'State forces-Civilians', 'Civilian targeting',
    '760', 'Middle East', 'Syria', 'Rural Damascus', 'Duma', 'Duma', 'Duma',
    String(p.lat), String(p.lon), String(p.geoPrecision ?? 1), 'SOHR; SANA', 'National-International',
    p.notes ?? 'Shelling hit a residential area.', String(p.fatalities ?? 0), '', '1618316514',
  ]; // prettier-ignore
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
