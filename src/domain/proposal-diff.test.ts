import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2 } from '../geo/validate-geometry.ts';
import { diffProposal, type DiffBase } from './proposal-diff.ts';
import { PROPOSAL_FORMAT, type ProposalContent, type ProposalZoneFeature } from './proposal.ts';

/** An axis-aligned square with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

type BaseZone = DiffBase['zones'][number];
const baseZone = (key: string, kind: string, geometry: Polygon, extra = {}): BaseZone => ({
  key,
  name: key.toUpperCase(),
  kind,
  geometry,
  areaKm2: areaKm2(geometry),
  properties: extra,
});
const feature = (
  key: string,
  kind: string,
  geometry: Polygon,
  extra = {},
): ProposalZoneFeature => ({
  type: 'Feature',
  id: key,
  properties: { name: key.toUpperCase(), kind, ...extra },
  geometry,
});

const T0 = Date.parse('2024-03-01T00:00:00.000Z');
const HOUR = 3.6e6;

const base: DiffBase = {
  versionId: 'v_1',
  label: 'v1',
  terms: 'Hostilities cease for 48 hours.',
  validFrom: T0,
  validUntil: T0 + 48 * HOUR,
  zones: [
    baseZone('alpha', 'safe_zone', square(0, 0, 0.1)),
    baseZone('bravo', 'safe_zone', square(1, 1, 0.1)),
    baseZone('charlie', 'safe_zone', square(2, 2, 0.1), { note: 'a' }),
    baseZone('delta', 'safe_zone', square(3, 3, 0.1)),
  ],
};

const proposal = (over: Partial<ProposalContent> = {}): ProposalContent => ({
  format: PROPOSAL_FORMAT,
  proposal_id: 'p_1',
  agreement_id: 'a_1',
  supersedes: 'v1',
  label: 'v2',
  terms: 'Hostilities cease for another 48 hours.',
  valid_from: new Date(T0).toISOString(),
  valid_until: new Date(T0 + 96 * HOUR).toISOString(),
  required_signatories: ['north', 'south'],
  zones: {
    type: 'FeatureCollection',
    features: [
      feature('echo', 'safe_zone', square(0, 0, 0.1)), // added
      feature('delta', 'safe_zone', square(3, 3, 0.1)), // unchanged
      feature('charlie', 'safe_zone', square(2, 2, 0.1), { note: 'b' }), // properties only
      feature('bravo', 'no_fly_zone', square(1, 1, 0.2)), // kind and geometry
      // alpha removed
    ],
  },
  proposed_at: new Date(T0).toISOString(),
  ...over,
});

describe('diffProposal', () => {
  const d = diffProposal(base, proposal());

  it('sorts zones into added, removed, changed and unchanged by key', () => {
    expect(d.base).toEqual({ version_id: 'v_1', label: 'v1' });
    expect(d.zones.added.map((z) => z.key)).toEqual(['echo']);
    expect(d.zones.removed.map((z) => z.key)).toEqual(['alpha']);
    expect(d.zones.changed.map((z) => z.key)).toEqual(['bravo', 'charlie']);
    expect(d.zones.unchanged).toEqual(['delta']);
  });

  it('gives areas in km², a 0.1° square at the equator being about 123.6–123.9 km²', () => {
    // By hand: R² · Δλ · (sin φ₂ − sin φ₁) with R ≈ 6371–6378 km, Δλ = φ₂ = 0.1°, φ₁ = 0.
    const rad = (0.1 * Math.PI) / 180;
    const expected = 6375 ** 2 * rad * Math.sin(rad);
    const echo = d.zones.added[0]!;
    expect(echo).toMatchObject({ name: 'ECHO', kind: 'safe_zone' });
    expect(Math.abs(echo.area_km2 - expected)).toBeLessThan(0.5);
    expect(d.zones.removed[0]!.area_km2).toBe(echo.area_km2);
    expect(echo.area_km2).toBe(Math.round(echo.area_km2 * 1000) / 1000);
  });

  it('reports a kind change with the areas before and after', () => {
    const bravo = d.zones.changed[0]!;
    expect(bravo.changes).toEqual(['geometry', 'kind']);
    expect(bravo).toMatchObject({ kind_before: 'safe_zone', kind_after: 'no_fly_zone' });
    // Doubling the side near 1°N roughly quadruples the area.
    expect(bravo.area_after_km2 / bravo.area_before_km2).toBeCloseTo(4, 1);
    expect(bravo.area_change_km2).toBeCloseTo(bravo.area_after_km2 - bravo.area_before_km2, 2);
    // Total: echo replaces alpha (same square), so only bravo's growth remains.
    expect(d.zones.area_change_km2).toBeCloseTo(bravo.area_change_km2, 2);
  });

  it('reports a change to the other properties alone', () => {
    const charlie = d.zones.changed[1]!;
    expect(charlie.changes).toEqual(['properties']);
    expect(charlie.area_change_km2).toBe(0);
  });

  it('diffs the terms word by word and as a unified patch', () => {
    expect(d.terms.changed).toBe(true);
    expect(d.terms.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'insert', text: 'another ' },
    ]);
    expect(d.terms.parts.map((p) => (p.op === 'delete' ? '' : p.text)).join('')).toBe(
      'Hostilities cease for another 48 hours.',
    );
    expect(d.terms.unified).toContain('--- in force');
    expect(d.terms.unified).toContain('+++ proposed');
    expect(d.terms.unified).toContain('-Hostilities cease for 48 hours.');
    expect(d.terms.unified).toContain('+Hostilities cease for another 48 hours.');
  });

  it('reports an extension of the window in hours', () => {
    expect(d.window).toEqual({
      valid_from: {
        before: '2024-03-01T00:00:00.000Z',
        after: '2024-03-01T00:00:00.000Z',
        changed: false,
      },
      valid_until: {
        before: '2024-03-03T00:00:00.000Z',
        after: '2024-03-05T00:00:00.000Z',
        changed: true,
      },
      extended_by_hours: 48,
    });
  });

  it('reports no extension when the end is unchanged or open', () => {
    const same = diffProposal(
      base,
      proposal({ valid_until: new Date(T0 + 48 * HOUR).toISOString() }),
    );
    expect(same.window.valid_until.changed).toBe(false);
    expect(same.window.extended_by_hours).toBeNull();
    const open = diffProposal(base, proposal({ valid_until: null }));
    expect(open.window.valid_until).toMatchObject({ after: null, changed: true });
    expect(open.window.extended_by_hours).toBeNull();
  });

  it('treats everything as added when there is no version in force', () => {
    const first = diffProposal(null, proposal({ terms: null }));
    expect(first.base).toBeNull();
    expect(first.zones.added.map((z) => z.key)).toEqual(['bravo', 'charlie', 'delta', 'echo']);
    expect(first.zones.removed).toEqual([]);
    expect(first.zones.changed).toEqual([]);
    expect(first.zones.unchanged).toEqual([]);
    const sum = first.zones.added.reduce((s, z) => s + z.area_km2, 0);
    expect(first.zones.area_change_km2).toBeCloseTo(sum, 2);
    expect(first.terms).toEqual({ changed: false, parts: [], unified: expect.any(String) });
    expect(first.window.valid_from).toMatchObject({ before: null, changed: true });
    expect(first.window.valid_until).toMatchObject({ before: null, changed: true });
    expect(first.window.extended_by_hours).toBeNull();
  });

  it('diffs terms against the empty string when there is no version in force', () => {
    const first = diffProposal(null, proposal());
    expect(first.terms.changed).toBe(true);
    expect(first.terms.parts).toEqual([
      { op: 'insert', text: 'Hostilities cease for another 48 hours.' },
    ]);
  });
});
