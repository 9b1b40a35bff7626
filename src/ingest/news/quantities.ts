// Counts as news words them: "more than 250", "at least 27", "nearly 40", "between 30 and 40",
// "twelve", "dozens" → { low, best, high }. Vague plurals follow ACLED's coding conventions: tens →
// 10, dozens → 12, scores → 20, hundreds → 100, thousands → 1000 (as lower bounds). Number words are
// read by compromise.
import nlp from 'compromise';
import type { CountRange } from '../../domain/news-extraction.ts';

export const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|a thousand)';

const wordCache = new Map<string, number | null>();

/** `27`, `1,200`, `nine`, `forty-eight`, `a dozen` → the number, or null. */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d[\d,]*$/.test(t)) return Number(t.replace(/,/g, ''));
  if (t === 'a dozen' || t === 'dozen') return 12;
  if (wordCache.has(t)) return wordCache.get(t)!;
  const got = nlp(t).numbers().get() as unknown[];
  const v = typeof got[0] === 'number' && Number.isFinite(got[0]) ? got[0] : null;
  wordCache.set(t, v);
  return v;
}

const VAGUE: Record<string, number> = {
  tens: 10,
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1000,
};

const NUM = `(?:\\d[\\d,]*|${NUMBER_WORD}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))*)`;
const QUALIFIER =
  '(?:more than|over|at least|nearly|almost|about|around|some|up to|as many as|roughly|approximately|an estimated|fewer than|less than|close to)';

/**
 * A count phrase: a range, a qualified or bare number, or a vague plural (`dozens of`). Used with
 * a victim noun after it by the casualty rules.
 */
export const COUNT_PHRASE = new RegExp(
  `\\b(?:between\\s+(${NUM})\\s+and\\s+(${NUM})|(${NUM})(?:(?<=\\d)\\s*[-–]\\s*|\\s+to\\s+)(${NUM})|(?:(${QUALIFIER})\\s+)?(${NUM})(?!\\s*(?:%|per\\s*cent|percent))|(tens|dozens|scores|hundreds|thousands)\\s+of)\\b`,
  'gi',
);

/** The count range a COUNT_PHRASE match stands for (null when a number word does not parse). */
export function countOf(m: RegExpMatchArray): CountRange | null {
  if (m[1] !== undefined || m[3] !== undefined) {
    const a = numberValue(m[1] ?? m[3]!);
    const b = numberValue(m[2] ?? m[4]!);
    if (a === null || b === null || b < a) return null;
    return { low: a, best: a, high: b };
  }
  if (m[7] !== undefined) {
    const v = VAGUE[m[7].toLowerCase()]!;
    return { low: v, best: v, high: null };
  }
  const n = numberValue(m[6]!);
  if (n === null) return null;
  const q = (m[5] ?? '').toLowerCase();
  if (/more than|over|at least/.test(q)) return { low: n, best: n, high: null };
  if (/nearly|almost|up to|as many as|fewer than|less than|close to/.test(q))
    return { low: null, best: n, high: n };
  if (q) return { low: null, best: n, high: null };
  return { low: n, best: n, high: n };
}
