// People in news text: a name after its title ("US Secretary of State John Kerry"), the title
// before a name ("Russia's foreign minister Sergei Lavrov"), and later mentions by surname alone.
import type { EntityMention } from '../../domain/news-extraction.ts';

export const TITLES =
  /(?:^|\s)(mr|mrs|ms|dr|prof|president|secretary|minister|envoy|gen|general|lt|col|colonel|maj|major|capt|captain|spokesman|spokeswoman|spokesperson|sheikh|king|prince|queen|ambassador|chancellor|premier|commander|chief|head|director|leader|official|officer|emir|mayor|governor|senator|rep|pope|patriarch|foreign|defence|defense|deputy)\.?\s*$/i;
export const HONORIFIC_START =
  /^(Mr|Mrs|Ms|Dr|Prof|President|Secretary|Minister|Gen|General|Lt|Col|Colonel|Maj|Capt|Sheikh|King|Prince|Queen|Ambassador|Chancellor|Premier|Commander|Chief)\.?\s+/;
const TITLE_WORDS = new Set(
  (
    'mr mrs ms dr prof president secretary minister envoy gen general lt col colonel maj major capt ' +
    'captain sheikh king prince queen ambassador chancellor premier commander chief spokesman ' +
    'spokeswoman sgt brig admiral emir mayor governor senator'
  ).split(' '),
);

/**
 * "US Secretary of State John Kerry" → role "US Secretary of State", name "John Kerry";
 * "Russian Lt Gen Sergei Kuralenko", "Mr Kerry". Null when no title word precedes a name.
 */
export function splitTitle(candidate: string): { role: string | null; name: string } | null {
  const t = candidate.split(/\s+/);
  let last = -1;
  for (let j = 0; j < t.length - 1; j++) {
    if (!TITLE_WORDS.has(t[j]!.toLowerCase().replace(/\.$/, ''))) continue;
    last = j;
    if (t[j + 1] === 'of' && /^(State|Defence|Defense|Staff)$/.test(t[j + 2] ?? '')) last = j += 2;
    else if (t[j + 1] === 'General') last = ++j;
  }
  if (last < 0 || last === t.length - 1) return null;
  const name = t.slice(last + 1).join(' ');
  if (!/^\p{Lu}/u.test(name) || /^(?:of|for)\b/i.test(name)) return null;
  const role = t.slice(0, last + 1).join(' ');
  const honorificOnly = /^(mr|mrs|ms|dr)\.?$/i.test(role);
  return { role: honorificOnly ? null : role, name };
}

export function findBySurname(people: EntityMention[], name: string): number | undefined {
  const last = name
    .split(/\s+/)
    .pop()!
    .replace(/^(?:al|el)-/i, '')
    .toLowerCase();
  const i = people.findIndex((p) => {
    const parts = p.name.toLowerCase().split(/\s+/);
    const surname = parts[parts.length - 1]!.replace(/^(?:al|el)-/, '');
    return surname === last && p.name.length >= name.length;
  });
  return i >= 0 ? i : undefined;
}

export function isLonger(a: string, b: string): boolean {
  return a.split(/\s+/).length > b.split(/\s+/).length;
}

const ROLE_WORD =
  /^(?:minister|secretary|envoy|president|spokesman|spokeswoman|spokesperson|official|head|commander|general|chief|ambassador|leader|director|mediator|negotiator|coordinator|co-ordinator)$/i;
const ROLE_MODIFIER =
  /^(?:\p{Lu}[\p{L}'’.-]*|foreign|defence|defense|deputy|prime|former|senior|top|interior|special|opposition|rebel|military|state|peace|un|u\.n\.|of|for)$/u;

/**
 * The title just before a name: "Saudi foreign minister X", "Russia's foreign minister X", "the UN
 * envoy for Syria, X" → the run of title and modifier words that ends right before the name.
 */
export function roleBefore(before: string): string | null {
  const clause = before.split(/(?<=\p{Ll}{2}[.!?]["”]?)\s+/u).pop() ?? '';
  const words = clause.replace(/,\s*$/, '').trimEnd().split(/\s+/);
  let end = words.length;
  // "envoy for Syria": a trailing "for Country" belongs to the title.
  if (end >= 3 && words[end - 2] === 'for' && /^\p{Lu}/u.test(words[end - 1]!)) end -= 2;
  if (end === 0 || !ROLE_WORD.test(words[end - 1]!)) return null;
  let start = end - 1;
  while (start > 0 && start > end - 5 && ROLE_MODIFIER.test(words[start - 1]!)) start--;
  while (start < end - 1 && /^(?:of|for)$/.test(words[start]!)) start++;
  return words.slice(start).join(' ');
}
