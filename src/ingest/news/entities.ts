// Step 3 of news extraction: the people, organisations and places an article names. Candidates are
// runs of capitalised words (with `of`, `for`, `de`, `al-` inside); each distinct run is classified
// once: an organisation by its head word or a known name, a person by a title before it or a first
// name compromise knows, a place when the gazetteers resolve it. Later mentions of a surname
// ("Mr Kerry") join the full name; "the city" and "the northern city" join the last city named.
import nlp from 'compromise';
import type { PlaceResolver, PlaceQualifier } from '../../places/place-resolver.ts';
import type { EntityMention, PlaceMention, Span } from '../../domain/news-extraction.ts';
import {
  findBySurname,
  HONORIFIC_START,
  isLonger,
  roleBefore,
  splitTitle,
  TITLES,
} from './person-names.ts';

export interface EntityMentionAt extends Span {
  kind: 'person' | 'organization' | 'place';
  /** Index into people / organizations / places. */
  index: number;
}

export interface Entities {
  places: PlaceMention[];
  people: EntityMention[];
  organizations: EntityMention[];
  /** Every mention, in text order. */
  mentions: EntityMentionAt[];
}

const CONNECTOR = '(?:of|for|the|de|del|della|von|van|bin|ibn|al|el|le|la|du)';
const ARTICLE_NAME = "(?:al|el|ad|ar|as|ash|az|an|at|abu|bin|ibn)-\\p{Lu}[\\p{L}'’-]*";
const CAP = "(?:U\\.S\\.|U\\.N\\.|\\p{Lu}\\p{Ll}{0,3}\\.(?=[ \\t]+\\p{Lu})|\\p{Lu}[\\p{L}'’&-]*)";
const CANDIDATE = new RegExp(
  `(?:${CAP}|${ARTICLE_NAME})(?:[ \\t]+(?:${CONNECTOR}[ \\t]+)*(?:${CAP}|${ARTICLE_NAME}))*`,
  'gu',
);

const ORG_HEADS = new Set(
  (
    'observatory committee council ministry army front agency organization organisation group ' +
    'association coalition forces movement brigade brigades commission centre center union nations ' +
    'crescent cross party office service defence defense court fund programme program watch ' +
    'frontiers borders command corps division battalion institute department government mission ' +
    'tv news times post company bank alliance authority authorities helmets legion regiment ' +
    'unit units militia emirate caliphate network foundation'
  ).split(' '),
);
const KNOWN_ORGS = new Set(
  (
    'sana|tass|ria|interfax|reuters|afp|ap|hezbollah|hizbollah|icrc|msf|un|u.n.|nato|eu|unicef|who|' +
    'hnc|ypg|sdf|isis|isil|daesh|nusra|islamic state|al qaeda|al-qaeda|nusra front|jabhat al-nusra|' +
    'ahrar al-sham|jaish al-islam|white helmets|kremlin|pentagon|state department|white house|' +
    'medecins sans frontieres|doctors without borders|united nations|red cross|opcw|ocha|' +
    'syrian observatory|observatory|free syrian army|fsa|pkk|pyd|hts|hayat tahrir al-sham'
  ).split('|'),
);
/** Capitalised words that start sentences or name days and months, never entities alone. */
const NOT_NAMES = new Set(
  (
    'a an the he she it they we i you his her its their our this that these those there here but and ' +
    'or if when while after before during since for from in on at by with without as of to what who ' +
    'which where why how some one two three many most more several all any each no not also earlier ' +
    'later meanwhile however speaking civilians monday tuesday wednesday thursday friday saturday ' +
    'sunday january february march april may june july august september october november december ' +
    'living'
  ).split(' '),
);
const DIRECTIONS =
  /^(?:(?:north|south|east|west)(?:ern)?|northeastern|northwestern|southeastern|southwestern|central|rural|greater|old|new)\s+/i;
const CITY_ANAPHORA =
  /\bthe\s+((?:(?:northern|southern|eastern|western|central|besieged|embattled|divided|ancient|capital|coastal|rebel-held|government-held)\s+)*)(city|capital|town)\b/gi;

interface Classified {
  kind: 'person' | 'organization' | 'place' | 'none';
  name: string;
  qualifier?: PlaceQualifier;
}

export function findEntities(text: string, resolver: PlaceResolver): Entities {
  const raw = [...text.matchAll(CANDIDATE)]
    .flatMap((m) => splitCandidate(m[0], m.index))
    .map((c) => trimCandidate(c.text, c.start));
  const candidates = raw.filter((c): c is { text: string; start: number } => c !== null);
  const firstNames = firstNameSet(candidates.map((c) => c.text));
  const out: Entities = { places: [], people: [], organizations: [], mentions: [] };
  const placeIndex = new Map<string, number>();
  const personIndex = new Map<string, number>();
  const orgIndex = new Map<string, number>();
  for (const c of candidates) {
    if (!/\p{Ll}/u.test(lineAround(text, c.start))) continue; // an all-capitals subhead
    const before = text.slice(Math.max(0, c.start - 60), c.start);
    const after = text.slice(c.start + c.text.length, c.start + c.text.length + 60);
    const titled = splitTitle(c.text);
    const cls: Classified = titled
      ? { kind: 'person', name: titled.name }
      : classify(c.text, before, after, firstNames, resolver, out);
    const span = titled
      ? { start: c.start + c.text.length - titled.name.length, end: c.start + c.text.length }
      : { start: c.start, end: c.start + c.text.length };
    const role = titled?.role ? titled.role : roleBefore(before);
    if (cls.kind === 'person') {
      const key = cls.name.toLowerCase();
      let i = personIndex.get(key) ?? findBySurname(out.people, cls.name);
      if (i === undefined) {
        i = out.people.push({ name: cls.name, role, mentions: [] }) - 1;
        personIndex.set(key, i);
      } else if (isLonger(cls.name, out.people[i]!.name)) out.people[i]!.name = cls.name;
      out.people[i]!.role ??= role;
      out.people[i]!.mentions.push(span);
      out.mentions.push({ ...span, kind: 'person', index: i });
    } else if (cls.kind === 'organization') {
      const key = cls.name.toLowerCase();
      let i = orgIndex.get(key) ?? orgContaining(out.organizations, cls.name);
      if (i === undefined) {
        i = out.organizations.push({ name: cls.name, role: null, mentions: [] }) - 1;
        orgIndex.set(key, i);
      }
      out.organizations[i]!.mentions.push(span);
      out.mentions.push({ ...span, kind: 'organization', index: i });
    } else if (cls.kind === 'place') {
      const ref = resolver.resolve(cls.name, cls.qualifier);
      if (!ref) continue;
      const key = `${ref.code}|${ref.gazetteer_name}`;
      let i = placeIndex.get(key);
      if (i === undefined) {
        i = out.places.push({ ...ref, aliases: [], mentions: [] }) - 1;
        placeIndex.set(key, i);
      }
      const p = out.places[i]!;
      if (!p.aliases.includes(c.text)) p.aliases.push(c.text);
      p.mentions.push(span);
      out.mentions.push({ ...span, kind: 'place', index: i });
    }
  }
  addCityAnaphora(text, out);
  addSuburbs(text, out, resolver);
  out.mentions.sort((a, b) => a.start - b.start);
  return out;
}

function lineAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to < 0 ? text.length : to);
}

/** Drops leading sentence words and trailing connectors or possessives; null when nothing is left. */
function trimCandidate(s: string, start: number): { text: string; start: number } | null {
  let text = s;
  let at = start;
  const words = () => text.split(/\s+/);
  const skippable = (w: string) =>
    NOT_NAMES.has(w.toLowerCase().replace(/[.'’]+$/, '')) || /-based$/i.test(w);
  while (words().length > 0 && skippable(words()[0]!)) {
    const w = words()[0]!;
    const skip = text.indexOf(w) + w.length;
    const rest = text.slice(skip).replace(/^\s+/, '');
    at += text.length - rest.length;
    text = rest;
    if (!text) return null;
  }
  text = text
    .replace(/(?:\s+(?:of|for|the|de|on|al|el))+$/i, '')
    .replace(/['’]s?$/, '')
    .replace(/[.,;:&-]+$/, '');
  if (!text || !/\p{Lu}/u.test(text)) return null;
  return { text, start: at };
}

function firstNameSet(names: string[]): Set<string> {
  const words = [
    ...new Set(names.flatMap((n) => n.split(/\s+/)).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w))),
  ];
  const set = new Set<string>();
  if (words.length === 0) return set;
  const doc = nlp(words.join(', '));
  for (const t of doc.json() as { terms: { text: string; tags: string[] }[] }[])
    for (const term of t.terms) if (term.tags.includes('FirstName')) set.add(term.text);
  return set;
}

function classify(
  name: string,
  before: string,
  after: string,
  firstNames: Set<string>,
  resolver: PlaceResolver,
  found: Entities,
): Classified {
  const people = found.people;
  const words = name.split(/\s+/);
  const lower = name.toLowerCase();
  if (
    KNOWN_ORGS.has(lower) ||
    (words.length > 1 && words.some((w) => ORG_HEADS.has(w.toLowerCase()))) ||
    (/^[A-Z]{2,6}$/.test(name) && !resolver.resolve(name))
  )
    return { kind: 'organization', name };
  const honorific = HONORIFIC_START.exec(name);
  if (honorific) return { kind: 'person', name: name.slice(honorific[0].length) };
  if (TITLES.test(before) && !/\b(?:of|in)\s*$/i.test(before)) {
    if (!resolver.resolve(name)) return { kind: 'person', name };
  }
  // The qualifier picks a level; when no place of that level has the name, the name decides.
  // "eastern Ghouta": the direction written in lower case is part of the name.
  const direction = /\b(eastern|western|northern|southern)\s+$/i.exec(before);
  if (direction) {
    const full = `${direction[1]![0]!.toUpperCase()}${direction[1]!.slice(1)} ${name}`;
    if (resolver.resolve(full)) return { kind: 'place', name: full };
  }
  const given = qualifierOf(before, after);
  const qualifier = given && resolver.resolve(name, given) ? given : undefined;
  const place =
    resolver.resolve(name, qualifier) ?? resolver.resolve(name.replace(DIRECTIONS, ''), qualifier);
  const known = findBySurname(people, name) !== undefined;
  if (words.length > 1 && firstNames.has(words[0]!) && !place) return { kind: 'person', name };
  if (known && !place) return { kind: 'person', name };
  if (place)
    return {
      kind: 'place',
      name: resolver.resolve(name, qualifier) ? name : name.replace(DIRECTIONS, ''),
      ...(qualifier && { qualifier }),
    };
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}\p{Ll}+$|^(?:al|el|de|bin|ibn)(?:-\p{Lu}\p{Ll}+)?$/u.test(w)) &&
    /^[^.;]{0,45}\b(?:said|told|says)\b/.test(after)
  )
    return { kind: 'person', name };
  return { kind: 'none', name };
}

function qualifierOf(before: string, after: string): PlaceQualifier | undefined {
  if (/^\s*(?:province|governorate)\b/i.test(after)) return 'province';
  // "the Latakia town of al-Haffa": the governorate names where the town is.
  if (
    /\bthe\s*$/i.test(before) &&
    /^\s+(?:town|village|city|district|countryside|suburb)\s+of\b/i.test(after)
  )
    return 'province';
  if (/^\s*(?:district|sub-district)\b/i.test(after)) return 'district';
  if (/\b(?:city|town) of\s*$/i.test(before) || /^\s*city\b/i.test(after)) return 'city';
  return undefined;
}

/** Splits runs at a possessive ("Russia's Tass") and at "X of the Y" unless X ends in an organisation word. */
function splitCandidate(s: string, start: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let at = 0;
  for (const m of s.matchAll(/['’]s\s+|\s+of\s+the\s+/g)) {
    const left = s.slice(at, m.index);
    if (m[0].includes('of') && ORG_HEADS.has(left.split(/\s+/).pop()!.toLowerCase())) continue;
    parts.push({ text: left, start: start + at });
    at = m.index + m[0].length;
  }
  parts.push({ text: s.slice(at), start: start + at });
  return parts.filter((p) => p.text.trim());
}

/** An organisation named in full earlier that this short form ("Observatory") is part of. */
function orgContaining(orgs: EntityMention[], name: string): number | undefined {
  const key = name.toLowerCase();
  const i = orgs.findIndex(
    (o) =>
      o.name.toLowerCase().split(/\s+/).includes(key) || o.name.toLowerCase().includes(` ${key}`),
  );
  return i >= 0 ? i : undefined;
}

/** "eastern suburbs" of Damascus (said in the same sentence) are Eastern Ghouta. */
const SUBURBS = /\b(?:its\s+|the\s+)?eastern suburbs\b/gi;

function addSuburbs(text: string, out: Entities, resolver: PlaceResolver): void {
  for (const m of text.matchAll(SUBURBS)) {
    const around = text.slice(Math.max(0, m.index - 120), m.index + m[0].length + 40);
    if (!/\bDamascus\b/.test(around)) continue;
    const ref = resolver.resolve('Eastern Ghouta');
    if (!ref) continue;
    let i = out.places.findIndex((p) => p.code === ref.code);
    if (i < 0)
      i = out.places.push({ ...ref, name: 'Eastern Ghouta', aliases: [], mentions: [] }) - 1;
    const p = out.places[i]!;
    const span = { start: m.index, end: m.index + m[0].length };
    if (!p.aliases.includes(m[0])) p.aliases.push(m[0]);
    p.mentions.push(span);
    out.mentions.push({ ...span, kind: 'place', index: i });
  }
}

/** "the northern city", "the city" → the last city named before it. */
function addCityAnaphora(text: string, out: Entities): void {
  const named = out.mentions.filter(
    (x) =>
      x.kind === 'place' &&
      out.places[x.index]!.source === 'ocha' &&
      out.places[x.index]!.radius_m <= 60_000,
  ); // in text order
  let k = -1;
  for (const m of text.matchAll(CITY_ANAPHORA)) {
    while (k + 1 < named.length && named[k + 1]!.end <= m.index) k++;
    const prior = named[k];
    if (!prior) continue;
    if (/^\s+of\b/.test(text.slice(m.index + m[0].length))) continue; // "the city of Aleppo" names it
    const p = out.places[prior.index]!;
    const span = { start: m.index, end: m.index + m[0].length };
    if (!p.aliases.includes(m[0])) p.aliases.push(m[0]);
    p.mentions.push(span);
    out.mentions.push({ ...span, kind: 'place', index: prior.index });
  }
}
