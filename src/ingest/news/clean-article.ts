// Step 1 of news extraction: from a page as pasted (or a corpus file with `# key: value` headers)
// to the story alone. Finds the title, the publication date and the agency credit; drops page
// furniture (promoted links, newsletter blurbs, navigation, share and advertisement lines, repeated
// captions, wire tags) and says what it dropped.
import * as chrono from 'chrono-node';
import type { RemovedLine } from '../../domain/news-extraction.ts';

export interface CleanedArticle {
  title: string | null;
  published: string | null;
  agency: string | null;
  text: string;
  removed: RemovedLine[];
}

/** Agencies whose name alone on a line is the credit. */
const AGENCIES: Record<string, string> = {
  'press association': 'Press Association',
  pa: 'Press Association',
  'pa media': 'Press Association',
  reuters: 'Reuters',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  'associated press': 'Associated Press',
  ap: 'Associated Press',
  dpa: 'dpa',
  xinhua: 'Xinhua',
  'anadolu agency': 'Anadolu Agency',
};

const FURNITURE: [RegExp, RemovedLine['reason']][] = [
  [
    /^(promoted (links|content|stories)|sponsored( content| links| stories)?|paid content)$/i,
    'promoted',
  ],
  [/^(advertisement|advert|ad|story continues below( this)? advertisement)$/i, 'advertisement'],
  [
    /^(share( this)?( article| story| on \w+)?|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|comments?|copy link)$/i,
    'share',
  ],
  [
    /^(editors?['’]? ?choice|also in [\w ]{1,40}|more (from|in|on) [\w ]{1,40}|trending( now)?|most (read|popular|viewed)|top stories|related( articles| stories| content| topics)?|read more|you may also like|recommended( for you)?|latest news|source|back to top|skip to content)\s*:?$/i,
    'navigation',
  ],
];
const RELATED =
  /^\[(?:related|see also|read more|watch|video|more)\b[^\]]*\]$|^(?:related (?:stories|articles|content|coverage|links)|read more|see also|more on this(?: story)?)\s*:.{0,200}$/i;
const PROMO = /^today['’]s (?:coverage|headlines|news|top stories)\b|\bfrom our correspondents\b/i;
const NEWSLETTER = /\b(newsletter|to your inbox|sign up|subscribe|unsubscribe)\b/i;
const REPORTING_CREDIT = /^\(?\s*(reporting|writing|additional reporting) by\b.*\)?$/i;
const WIRE_TAG = /\s*\[[A-Z0-9]{6,}\]/g;
const HEADER = /^#\s*([a-z_]+)\s*:\s*(.*)$/i;
/** "BEIRUT ", "WASHINGTON/BEIRUT — ", "GENEVA (Reuters) - ", after an optional photo credit. */
const WIRE_DATELINE =
  /^(\([^()]{0,80}\/(?:AP|AFP|Reuters|Getty Images|EPA)[^()]{0,20}\)\s*)?((?:[A-Z]{3,}|[A-Z]{2,}(?:[-/][A-Z]{2,})+)(?:[ /](?:[A-Z]{2,}))*)(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\((Reuters|AFP|AP)\))?(?:\s*[-–—]\s*|\s+)(?=["“]?[A-Z])/;
const NOT_DATELINES = new Set([
  'NATO',
  'UNICEF',
  'ICRC',
  'SANA',
  'MSF',
  'OPCW',
  'ISIS',
  'ISIL',
  'YPG',
  'SDF',
  'HNC',
]);

/** `Sunday 18 February 2018`, `18 Feb 2018`, `February 18, 2018`, `2018-02-18` → `2018-02-18`. */
export function datelineDate(line: string): string | null {
  const t = line.trim();
  if (t.length > 60 || t.length < 6) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const [hit] = chrono.parse(t);
  if (!hit || hit.text.length < t.replace(/[^\p{L}\p{N}]+$/u, '').length * 0.6) return null;
  const s = hit.start;
  if (!s.isCertain('year') || !s.isCertain('day')) return null;
  return isoDay(s.get('year')!, s.get('month')!, s.get('day')!);
}

export function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const endsSentence = (line: string) => /[.!?:;"”’)]\s*$/.test(line);

export function cleanArticle(raw: string): CleanedArticle {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''));
  const removed: RemovedLine[] = [];
  let title: string | null = null;
  let published: string | null = null;
  let agency: string | null = null;
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };

  // `# title: …` / `# published: …` headers (the corpus files' provenance block).
  skipBlank();
  while (i < lines.length && HEADER.test(lines[i]!.trim())) {
    const [, key, value] = HEADER.exec(lines[i]!.trim())!;
    if (key!.toLowerCase() === 'title' && value) title = value.trim();
    if (key!.toLowerCase() === 'published') published = datelineDate(value!.slice(0, 10));
    removed.push({ text: lines[i]!.trim(), reason: 'header' });
    i++;
  }
  skipBlank();
  // A dateline, then a short line standing alone: the title.
  const dated = i < lines.length ? datelineDate(lines[i]!) : null;
  if (dated) {
    published ??= dated;
    removed.push({ text: lines[i]!.trim(), reason: 'dateline' });
    i++;
    skipBlank();
  }
  if (title === null && i < lines.length) {
    const line = lines[i]!.trim();
    const next = lines[i + 1]?.trim() ?? '';
    if (line.length <= 200 && !/[.!?]$/.test(line) && next === '') {
      title = line;
      removed.push({ text: line, reason: 'title' });
      i++;
    }
  }

  const body = lines.slice(i).map((l) => l.trim());
  const counts = new Map<string, number>();
  for (const l of body) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of body) {
    if (!line) {
      if (kept.length > 0 && kept[kept.length - 1] !== '') kept.push('');
      continue;
    }
    const reason = furnitureReason(line);
    if (reason) {
      removed.push({ text: line, reason });
      continue;
    }
    const agencyName =
      AGENCIES[
        line
          .toLowerCase()
          .replace(/[.()\s]+$/g, '')
          .replace(/^\(/, '')
      ];
    if (agencyName) {
      agency ??= agencyName;
      removed.push({ text: line, reason: 'credit' });
      continue;
    }
    if (REPORTING_CREDIT.test(line)) {
      agency ??= 'Reuters';
      removed.push({ text: line, reason: 'credit' });
      continue;
    }
    // A line seen more than once is a caption or a teaser when it is not a sentence; a sentence
    // repeated keeps its first copy.
    if ((counts.get(line) ?? 0) > 1 && (!endsSentence(line) || seen.has(line))) {
      removed.push({ text: line, reason: 'repeated' });
      seen.add(line);
      continue;
    }
    seen.add(line);
    let text = line;
    for (const m of line.matchAll(WIRE_TAG))
      removed.push({ text: m[0].trim(), reason: 'wire_tag' });
    text = text.replace(WIRE_TAG, '');
    const wire = kept.every((k) => k === '') ? WIRE_DATELINE.exec(text) : null;
    if (wire && !NOT_DATELINES.has(wire[2]!)) {
      if (wire[3]) agency ??= wire[3] === 'AP' ? 'Associated Press' : wire[3];
      removed.push({ text: wire[0].trim(), reason: 'dateline' });
      text = text.slice(wire[0].length);
    }
    kept.push(text);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return { title, published, agency, text: joinParagraphs(kept), removed };
}

function furnitureReason(line: string): RemovedLine['reason'] | null {
  for (const [re, reason] of FURNITURE) if (re.test(line)) return reason;
  if (RELATED.test(line)) return 'navigation';
  if (PROMO.test(line) && line.length < 200) return 'promoted';
  if (NEWSLETTER.test(line) && line.length < 200) return 'newsletter';
  return null;
}

/** Lines of one paragraph are joined by one newline; paragraphs by a blank line. */
function joinParagraphs(kept: string[]): string {
  return kept.join('\n').replace(/\n{3,}/g, '\n\n');
}
