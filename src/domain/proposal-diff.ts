// What a proposal would change against the agreement version in force: a word diff and unified
// patch of the terms, zones added/removed/changed by key (with areas), and the validity window.
// Pure; the result is JSON-ready (snake_case) for GET /api/v1/proposals/:id.
import { createTwoFilesPatch, diffWordsWithSpace } from 'diff';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaKm2 } from '../geo/validate-geometry.ts';
import { canonicalJson, type ProposalContent } from './proposal.ts';

/** The version in force, reduced to what the diff needs (AgreementVersion maps onto it). */
export interface DiffBase {
  versionId: string;
  label: string;
  terms: string | null;
  validFrom: number;
  validUntil: number | null;
  zones: {
    key: string;
    name: string;
    kind: string;
    geometry: Polygon | MultiPolygon;
    areaKm2: number;
    /** Extra feature properties; name and kind, if present, are ignored. */
    properties: Record<string, unknown>;
  }[];
}

export type ZoneChangeField = 'geometry' | 'kind' | 'name' | 'properties';
export interface ZoneSummary {
  key: string;
  name: string;
  kind: string;
  area_km2: number;
}
export interface ZoneChange {
  key: string;
  /** The proposed name. */
  name: string;
  changes: ZoneChangeField[];
  kind_before: string;
  kind_after: string;
  area_before_km2: number;
  area_after_km2: number;
  area_change_km2: number;
}
export interface TextPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}
export interface ProposalDiff {
  base: { version_id: string; label: string } | null;
  terms: { changed: boolean; parts: TextPart[]; unified: string };
  zones: {
    added: ZoneSummary[];
    removed: ZoneSummary[];
    changed: ZoneChange[];
    /** Keys of zones identical in name, kind, geometry and properties. */
    unchanged: string[];
    /** Total proposed area minus total base area, over all zones whatever their kind. */
    area_change_km2: number;
  };
  window: {
    valid_from: { before: string | null; after: string; changed: boolean };
    valid_until: { before: string | null; after: string | null; changed: boolean };
    /** Change of valid_until in hours, when both ends are set and differ; else null. */
    extended_by_hours: number | null;
  };
}

type Side = DiffBase['zones'][number];

const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0; // + 0 turns -0 into 0
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const byKey = <T extends { key: string }>(a: T, b: T) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
const summary = (z: Side): ZoneSummary => ({
  key: z.key,
  name: z.name,
  kind: z.kind,
  area_km2: round3(z.areaKm2),
});
/** Canonical JSON of the properties other than name and kind. */
function extras(props: Record<string, unknown>): string {
  const { name: _n, kind: _k, ...rest } = props;
  return canonicalJson(rest);
}

function diffTerms(before: string, after: string): ProposalDiff['terms'] {
  const parts = diffWordsWithSpace(before, after).map((c): TextPart => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
  return {
    changed: before !== after,
    parts,
    unified: createTwoFilesPatch('in force', 'proposed', before, after),
  };
}

export function diffProposal(base: DiffBase | null, proposal: ProposalContent): ProposalDiff {
  const proposed: Side[] = proposal.zones.features.map((f) => ({
    key: f.id,
    name: f.properties.name,
    kind: f.properties.kind,
    geometry: f.geometry,
    areaKm2: areaKm2(f.geometry),
    properties: f.properties,
  }));
  const before = new Map((base?.zones ?? []).map((z) => [z.key, z]));
  const after = new Map(proposed.map((z) => [z.key, z]));

  const added = proposed.filter((z) => !before.has(z.key)).map(summary);
  const removed = [...before.values()].filter((z) => !after.has(z.key)).map(summary);
  const changed: ZoneChange[] = [];
  const unchanged: string[] = [];
  for (const a of proposed) {
    const b = before.get(a.key);
    if (!b) continue;
    const changes: ZoneChangeField[] = [];
    if (canonicalJson(a.geometry) !== canonicalJson(b.geometry)) changes.push('geometry');
    if (a.kind !== b.kind) changes.push('kind');
    if (a.name !== b.name) changes.push('name');
    if (extras(a.properties) !== extras(b.properties)) changes.push('properties');
    if (changes.length === 0) unchanged.push(a.key);
    else
      changed.push({
        key: a.key,
        name: a.name,
        changes,
        kind_before: b.kind,
        kind_after: a.kind,
        area_before_km2: round3(b.areaKm2),
        area_after_km2: round3(a.areaKm2),
        area_change_km2: round3(a.areaKm2 - b.areaKm2),
      });
  }
  const total = (zs: Iterable<Side>) => [...zs].reduce((s, z) => s + z.areaKm2, 0);

  // Instants are compared as times, so an equal instant written differently is no change.
  const fromAfter = Date.parse(proposal.valid_from);
  const untilAfter = proposal.valid_until === null ? null : Date.parse(proposal.valid_until);
  const fromChanged = !base || base.validFrom !== fromAfter;
  const untilChanged = !base || base.validUntil !== untilAfter;
  const extended =
    base && base.validUntil !== null && untilAfter !== null && untilChanged
      ? (untilAfter - base.validUntil) / 3.6e6
      : null;
  return {
    base: base ? { version_id: base.versionId, label: base.label } : null,
    terms: diffTerms(base?.terms ?? '', proposal.terms ?? ''),
    zones: {
      added: added.sort(byKey),
      removed: removed.sort(byKey),
      changed: changed.sort(byKey),
      unchanged: unchanged.sort(),
      area_change_km2: round3(total(after.values()) - total(before.values())),
    },
    window: {
      valid_from: {
        before: base ? iso(base.validFrom) : null,
        after: new Date(fromAfter).toISOString(),
        changed: fromChanged,
      },
      valid_until: {
        before: base ? iso(base.validUntil) : null,
        after: iso(untilAfter),
        changed: untilChanged,
      },
      extended_by_hours: extended,
    },
  };
}
