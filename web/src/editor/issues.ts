// Where the server's objections to an outline are, and what stops saving: each problem is placed
// where it is — the crossing point the message names for a self-intersection, else the vertex its
// path (`coordinates[0][3]`) points to, else the middle of the zone. Pure functions, no map.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../map/geo.ts';
import type { GeometryIssue } from './editorTypes.ts';
import type { EditorZone } from './zones.ts';

export interface ZoneCheck {
  /** The outline this answer is about (the zone's geometry object when asked). */
  geometry: Polygon | MultiPolygon;
  status: 'checking' | 'done' | 'failed';
  valid: boolean;
  issues: GeometryIssue[];
  area_km2: number | null;
  error: string | null;
}

export interface PlacedIssue {
  zoneKey: string;
  zoneName: string;
  message: string;
  path: string;
  /** Where on the map; null when the problem has no place (a wrong geometry type). */
  at: Position | null;
}

const isPosition = (v: unknown): v is Position =>
  Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number';

/**
 * Where a problem is: the point its message names ("… crosses edge 2→3 at 37.15, 36.21", "near …",
 * "starts at …"), else the position its path points to (the first vertex of a ring or polygon it
 * names), else — for problems of the whole zone, such as its area — the middle of the zone.
 */
export function issuePosition(
  geometry: Polygon | MultiPolygon,
  issue: GeometryIssue,
): Position | null {
  const named = /\b(?:at|near) (-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)/.exec(issue.message);
  if (named) return [Number(named[1]), Number(named[2])];
  if (!issue.path.startsWith('coordinates')) return null;
  const indices = [...issue.path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (indices.length === 0) {
    const [w, s, e, n] = bboxOf(geometry.coordinates);
    return [(w + e) / 2, (s + n) / 2];
  }
  let node: unknown = geometry.coordinates;
  for (const i of indices) {
    if (!Array.isArray(node) || node[i] === undefined) break;
    node = node[i];
  }
  while (Array.isArray(node) && Array.isArray(node[0])) node = node[0];
  return isPosition(node) ? [node[0]!, node[1]!] : null;
}

export function placeIssues(
  zones: readonly EditorZone[],
  checks: Record<string, ZoneCheck>,
): PlacedIssue[] {
  return zones.flatMap((z) =>
    (checks[z.key]?.issues ?? []).map((issue) => ({
      zoneKey: z.key,
      zoneName: z.name,
      message: issue.message,
      path: issue.path,
      at: issuePosition(z.geometry, issue),
    })),
  );
}

/** Why the zones cannot be saved yet, in words; empty when they can. */
export function saveBlockers(
  zones: readonly EditorZone[],
  checks: Record<string, ZoneCheck>,
): string[] {
  const blockers: string[] = [];
  const state = (z: EditorZone) => checks[z.key]?.status ?? 'checking';
  const invalid = zones.filter((z) => state(z) === 'done' && !checks[z.key]!.valid).length;
  if (zones.length === 0) blockers.push('Add at least one zone.');
  if (zones.some((z) => state(z) === 'checking')) blockers.push('Checking the outlines…');
  if (invalid === 1) blockers.push('A zone has problems: fix or delete it.');
  if (invalid > 1) blockers.push(`${invalid} zones have problems: fix or delete them.`);
  if (zones.some((z) => state(z) === 'failed'))
    blockers.push('Some outlines could not be checked; edit them to check again.');
  if (zones.some((z) => z.name.trim() === '')) blockers.push('Every zone needs a name.');
  return blockers;
}
