// How a claimed count reads (the extraction's low / best / high): one wording for the terminal
// listing, the claim summaries and the web's claim cards.
import type { CountRange } from './news-extraction.ts';

/** `250`, `250 (240–300)`, `at least 40`, `up to 12`, `?`. */
export function countText(c: CountRange): string {
  const { low, best, high } = c;
  if (best !== null)
    return low !== null || high !== null ? `${best} (${low ?? '?'}–${high ?? '?'})` : `${best}`;
  if (low !== null && high !== null) return `${low}–${high}`;
  if (low !== null) return `at least ${low}`;
  if (high !== null) return `up to ${high}`;
  return '?';
}
