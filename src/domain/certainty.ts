// How severe a violation's certainty is, declared once: `none` (no violation) < `possible` <
// `certain`. The map's clusters and points, the store's map query, the report's map and the web's
// legend and styles all order by it.
import type { Certainty } from './types.ts';

/** A violation's certainty, or `none` for an incident that is not (or no longer) a violation. */
export type CertaintyLevel = Certainty | 'none';

/** Least severe first: a level's index is its rank. */
export const CERTAINTIES = [
  'none',
  'possible',
  'certain',
] as const satisfies readonly CertaintyLevel[];

/** Most severe first: the order of legends, and of drawing (the most severe on top). */
export const CERTAINTIES_MOST_SEVERE_FIRST: readonly CertaintyLevel[] = [...CERTAINTIES].reverse();

/** 0 for none (or no violation at all), 1 possible, 2 certain. */
export function certaintyRank(c: CertaintyLevel | null | undefined): number {
  return CERTAINTIES.indexOf(c ?? 'none');
}

/** The level of a rank (as {@link certaintyRank} gives it); `none` for any other number. */
export function certaintyOfRank(rank: number): CertaintyLevel {
  return CERTAINTIES[rank] ?? 'none';
}

/** The more severe of two levels. */
export function mostSevere(a: CertaintyLevel, b: CertaintyLevel): CertaintyLevel {
  return certaintyRank(b) > certaintyRank(a) ? b : a;
}
