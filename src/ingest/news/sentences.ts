// Sentences of the cleaned text with their offsets. A line break always ends a sentence (wire copy
// puts one paragraph per line); inside a line, a full stop, ! or ? followed by a capital, a digit
// or an opening quote ends one unless it closes an abbreviation or an initial.
import type { Span } from '../../domain/news-extraction.ts';

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof lt gen col maj sgt capt cpl adm gov sen rep st jr sr no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'u.s u.n u.k e.u a.m p.m vs etc i.e e.g inc co corp ltd dept est approx ft mt'
  ).split(' '),
);

const BOUNDARY = /([.!?]+)(["”’')\]]*)\s+(?=["“‘'(]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      let start = 0;
      for (const m of line.matchAll(BOUNDARY)) {
        const stopAt = m.index + m[1]!.length;
        const word = /([\p{L}.]+)$/u.exec(line.slice(start, m.index))?.[1] ?? '';
        const bare = word.toLowerCase().replace(/^\.+/, '');
        if (m[1] === '.' && (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word))) continue;
        const end = stopAt + m[2]!.length;
        push(out, text, lineStart + start, lineStart + end, paragraph);
        start = m.index + m[0].length;
      }
      push(out, text, lineStart + start, lineEnd, paragraph);
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, paragraph: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end), paragraph });
}
