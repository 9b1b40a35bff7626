// Extraction quality (docs/extraction.md): our own articles with hand-written expected claims, the
// shared corpus (../shared/corpus, when present) with labels for a few files, and inputs that must
// not break the extractor. The scores are printed; the floors below are the quality bar.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/domain/errors.ts';
import type { Claim, ExtractedArticle, Span } from '../src/domain/news-extraction.ts';
import type { PlaceRef } from '../src/domain/place-ref.ts';
import { extractArticle } from '../src/ingest/news/extract-article.ts';
import {
  articleLabelsSchema,
  matchClaims,
  score,
  scoreEntities,
  type ArticleLabels,
  type ClaimLabel,
  type ClaimMatch,
  type Scores,
} from '../src/ingest/news/claim-scoring.ts';

/** The quality bar. Raise it as the extractor improves; do not lower it to make a run pass. */
const QUALITY = {
  /** Each of our own articles on its own. */
  ownArticle: { precision: 0.7, recall: 0.7 },
  /** Our own articles pooled. */
  ownOverall: { precision: 0.9, recall: 0.85 },
  /**
   * Articles written by someone who had not seen the extractor's rules (test/fixtures/news/held-out),
   * including places outside Syria the gazetteers only partly cover; see docs/extraction.md.
   */
  heldOut: { precision: 0.75, recall: 0.6 },
  /** The labelled corpus files pooled. */
  corpusOverall: { precision: 0.85, recall: 0.85 },
} as const;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEWS = join(ROOT, 'test/fixtures/news');
const CORPUS_LABELS = join(NEWS, 'corpus-labels');
const CORPUS = join(ROOT, '../shared/corpus');
const CORPUS_NEWS = join(CORPUS, 'news');
const GENEVA = join(CORPUS, 'geneva-truce-article.txt');

const readLabels = (path: string): ArticleLabels =>
  articleLabelsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

const articlesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(dir, f), 'utf8'),
      labels: readLabels(join(dir, f.replace(/\.txt$/, '.expected.json'))),
    }));
const OWN = articlesIn(NEWS);
const HELD_OUT = articlesIn(join(NEWS, 'held-out'));

interface Evaluation {
  name: string;
  article: ExtractedArticle;
  labels: ArticleLabels;
  match: ClaimMatch;
}

function evaluate(name: string, text: string, labels: ArticleLabels): Evaluation {
  const article = extractArticle(text);
  const match = matchClaims(article.claims, labels.claims, {
    places: article.places,
    ignore: labels.ignore,
  });
  return { name, article, labels, match };
}

// ---------------------------------------------------------------------------------------------
// What a failure or a run prints

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function describeClaim(c: Claim): string {
  const { kind, quote, start: _s, end: _e, confidence: _c, ...rest } = c;
  const brief = JSON.stringify(rest, (k, v: unknown) => {
    if (k === 'expression' || k === 'lon' || k === 'lat' || k === 'radius_m') return undefined;
    return v;
  });
  return `${kind} «${clip(quote)}» ${brief}`;
}

function describeLabel(l: ClaimLabel): string {
  const { kind, quote_includes, note: _n, ...rest } = l;
  return `${kind} «${quote_includes}» ${JSON.stringify(rest)}`;
}

function explain(e: Evaluation): string {
  return [
    `${e.name}:`,
    ...e.match.missed.map((l) => `  missed   ${describeLabel(l)}`),
    ...e.match.spurious.map((c) => `  spurious ${describeClaim(c)}`),
  ].join('\n');
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function printTable(title: string, results: Evaluation[], total: Scores): void {
  const width = Math.max(5, ...results.map((r) => clip(r.name, 48).length));
  const row = (cells: (string | number)[]) =>
    cells
      .map((c, i) => (i === 0 ? clip(String(c), 48).padEnd(width) : String(c).padStart(9)))
      .join(' ');
  const rates = (s: Scores) => [s.labels, s.predicted, s.matched, pct(s.precision), pct(s.recall)];
  const lines = [title, row(['file', 'labels', 'predicted', 'matched', 'P', 'R'])];
  for (const r of results) lines.push(row([r.name, ...rates(score([r.match]))]));
  lines.push(row(['TOTAL', ...rates(total)]));
  lines.push('per kind:');
  for (const [kind, k] of Object.entries(total.per_kind))
    lines.push(
      row([`  ${kind}`, k.labels, k.predicted, k.matched, pct(k.precision), pct(k.recall)]),
    );
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Offsets, confidences and coordinates that hold together

function consistencyProblems(a: ExtractedArticle): string[] {
  const out: string[] = [];
  const inText = (s: Span) =>
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.start <= s.end &&
    s.end <= a.text.length;
  const checkPlace = (p: PlaceRef, where: string) => {
    if (
      !Number.isFinite(p.lon) ||
      !Number.isFinite(p.lat) ||
      Math.abs(p.lon) > 180 ||
      Math.abs(p.lat) > 90
    )
      out.push(`${where}: ${p.name} at (${p.lon}, ${p.lat})`);
    if (!(p.radius_m > 0)) out.push(`${where}: ${p.name} has radius ${p.radius_m}`);
  };
  a.claims.forEach((c, i) => {
    const where = `claim ${i} (${c.kind})`;
    if (!inText(c) || a.text.slice(c.start, c.end) !== c.quote)
      out.push(`${where}: text[${c.start}, ${c.end}) is not the quote «${clip(c.quote)}»`);
    if (!(c.confidence > 0 && c.confidence <= 1)) out.push(`${where}: confidence ${c.confidence}`);
    const refs =
      c.kind === 'truce_extension'
        ? c.places
        : c.kind === 'violation_count'
          ? c.by_area.flatMap((b) => (b.place ? [b.place] : []))
          : 'place' in c && c.place
            ? [c.place]
            : [];
    for (const p of refs) checkPlace(p, where);
  });
  for (const p of a.places) {
    checkPlace(p, `place ${p.name}`);
    for (const m of p.mentions) {
      const at = inText(m) ? a.text.slice(m.start, m.end) : null;
      if (at === null || ![p.name, ...p.aliases].includes(at))
        out.push(
          `place ${p.name}: mention [${m.start}, ${m.end}) reads «${at}», not a name or alias`,
        );
    }
  }
  for (const e of [...a.people, ...a.organizations])
    for (const m of e.mentions)
      if (!inText(m)) out.push(`${e.name}: mention [${m.start}, ${m.end}) outside the text`);
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('own articles (test/fixtures/news)', () => {
  it.each(OWN)(
    '$name: date, title, agency, entities, offsets and claims',
    ({ name, text, labels }) => {
      const e = evaluate(name, text, labels);
      const a = e.article;
      expect.soft(consistencyProblems(a)).toEqual([]);
      if (labels.published !== undefined) expect.soft(a.published).toBe(labels.published);
      if (labels.title !== undefined) expect.soft(a.title).toBe(labels.title);
      if (labels.agency !== undefined) expect.soft(a.agency).toBe(labels.agency);
      for (const s of labels.not_in_text)
        expect.soft(a.text, 'page furniture left in the text').not.toContain(s);
      const ent = scoreEntities(a, labels);
      expect
        .soft({
          places: ent.places.missing,
          people: ent.people.missing,
          organizations: ent.organizations.missing,
        })
        .toEqual({ places: [], people: [], organizations: [] });
      const s = score([e.match]);
      expect.soft(s.recall, explain(e)).toBeGreaterThanOrEqual(QUALITY.ownArticle.recall);
      expect.soft(s.precision, explain(e)).toBeGreaterThanOrEqual(QUALITY.ownArticle.precision);
    },
  );

  it('reaches the overall precision and recall across own articles', () => {
    const results = OWN.map((o) => evaluate(o.name, o.text, o.labels));
    const total = score(results.map((r) => r.match));
    printTable('Own articles', results, total);
    const why = results.map(explain).join('\n');
    expect(total.recall, why).toBeGreaterThanOrEqual(QUALITY.ownOverall.recall);
    expect(total.precision, why).toBeGreaterThanOrEqual(QUALITY.ownOverall.precision);
  });
});

describe('held-out articles (test/fixtures/news/held-out)', () => {
  it('keeps offsets consistent, finds the dates, and reaches its floors', () => {
    const results = HELD_OUT.map((o) => evaluate(o.name, o.text, o.labels));
    for (const e of results) {
      expect.soft(consistencyProblems(e.article), e.name).toEqual([]);
      expect.soft(e.article.published, e.name).toBe(e.labels.published);
      for (const s of e.labels.not_in_text)
        expect.soft(e.article.text, `${e.name}: page furniture`).not.toContain(s);
    }
    const total = score(results.map((r) => r.match));
    printTable('Held-out articles', results, total);
    const why = results.map(explain).join('\n');
    expect(total.recall, why).toBeGreaterThanOrEqual(QUALITY.heldOut.recall);
    expect(total.precision, why).toBeGreaterThanOrEqual(QUALITY.heldOut.precision);
  });
});

describe.skipIf(!existsSync(GENEVA))('the Geneva truce article (../shared/corpus)', () => {
  /** The photo caption printed twice near the top (read from the file: its text is not ours). */
  const caption = () => {
    const lines = readFileSync(GENEVA, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.find((l, i) => lines.indexOf(l) !== i) ?? '';
  };
  /** What the product is built for: each of these must be read, exactly. */
  const MUST: ClaimLabel[] = [
    {
      kind: 'casualties',
      quote_includes: 'more than 250 people have died',
      measure: 'killed',
      count: 250,
      place: 'Aleppo',
      period: { from: '2018-02-10', until: '2018-02-19' },
      source: 'Syrian Observatory for Human Rights',
    },
    {
      kind: 'truce_extension',
      quote_includes: 'extended its ceasefire around Damascus',
      duration_hours: 48,
      place: 'Damascus',
      announced_by: 'military',
    },
    { kind: 'truce_exclusion', quote_includes: 'excludes Aleppo', place: 'Aleppo' },
    {
      kind: 'proposal',
      quote_includes: 'going back to key players to sign off',
      status: 'sent_for_signoff',
    },
  ];
  let cached: ExtractedArticle | undefined;
  const article = () => (cached ??= extractArticle(readFileSync(GENEVA, 'utf8')));

  it('reads the dateline and the credit line', () => {
    expect(article().published).toBe('2018-02-18');
    expect(article().agency).toBe('Press Association');
  });

  it('reads the casualty count, the 48-hour extension, the exclusion and the proposal', () => {
    const a = article();
    const m = matchClaims(a.claims, MUST, { places: a.places });
    expect(m.missed.map(describeLabel), a.claims.map(describeClaim).join('\n')).toEqual([]);
  });

  it('names the places and the people', () => {
    const s = scoreEntities(article(), {
      places: ['Aleppo', 'Damascus', 'Geneva', 'Moscow'],
      people: [
        'John Kerry',
        'Adel al-Jubeir',
        'Staffan de Mistura',
        'Sergei Lavrov',
        'Bashar Assad',
        'Sergei Kuralenko',
      ],
      organizations: [],
    });
    expect({ places: s.places.missing, people: s.people.missing }).toEqual({
      places: [],
      people: [],
    });
  });

  it('drops the page furniture, the credit line and the repeated caption', () => {
    const a = article();
    for (const s of [
      'Promoted Links',
      'Editors Choice',
      'Also in World News',
      'directly to your inbox',
      'Press Association',
    ])
      expect(a.text).not.toContain(s);
    const CAPTION = caption();
    expect(CAPTION).not.toBe('');
    expect(a.text.split(CAPTION).length - 1).toBeLessThanOrEqual(1);
    expect(a.removed.some((r) => r.reason === 'repeated' && r.text.trim() === CAPTION)).toBe(true);
  });

  it('keeps offsets, confidences and coordinates consistent', () => {
    expect(consistencyProblems(article())).toEqual([]);
  });
});

describe.skipIf(!existsSync(CORPUS_NEWS))('the shared corpus (../shared/corpus)', () => {
  it('scores the labelled files and prints precision and recall', () => {
    const labelled = readdirSync(CORPUS_LABELS)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const file = f.replace(/\.json$/, '.txt');
        const path = [join(CORPUS, file), join(CORPUS_NEWS, file)].find((p) => existsSync(p));
        return { name: f.replace(/\.json$/, ''), path, labels: readLabels(join(CORPUS_LABELS, f)) };
      });
    const missing = labelled.filter((l) => l.path === undefined).map((l) => l.name);
    expect(missing, 'label files whose corpus text is absent').toEqual([]);
    const results = labelled.map((l) => evaluate(l.name, readFileSync(l.path!, 'utf8'), l.labels));
    const total = score(results.map((r) => r.match));
    printTable('Labelled corpus files', results, total);
    const dates = results
      .filter((r) => r.labels.published !== undefined && r.article.published !== r.labels.published)
      .map((r) => `${r.name}: published ${r.article.published}, labelled ${r.labels.published}`);
    if (dates.length > 0) console.log(dates.join('\n'));
    const why = results.map(explain).join('\n');
    expect(total.recall, why).toBeGreaterThanOrEqual(QUALITY.corpusOverall.recall);
    expect(total.precision, why).toBeGreaterThanOrEqual(QUALITY.corpusOverall.precision);
  });

  it('extracts every corpus file without throwing, with consistent offsets', () => {
    const files = readdirSync(CORPUS_NEWS).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const f of files) {
      try {
        const a = extractArticle(readFileSync(join(CORPUS_NEWS, f), 'utf8'));
        problems.push(...consistencyProblems(a).map((p) => `${f}: ${p}`));
      } catch (err) {
        problems.push(`${f}: threw ${String(err)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('inputs that must not break the extractor', () => {
  it.each([
    ['empty', ''],
    ['white space only', ' \n\t\r\n   \u00a0 '],
  ])('%s input: a validation_failed AppError or no claims', (_what, raw) => {
    let out: ExtractedArticle;
    try {
      out = extractArticle(raw);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation_failed');
      return;
    }
    expect(out.claims).toEqual([]);
  });

  it('200 KB of random bytes read as latin1', () => {
    let x = 0x2545f491;
    const bytes = Buffer.alloc(200 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    expect(consistencyProblems(extractArticle(bytes.toString('latin1')))).toEqual([]);
  });

  it('a text of nothing but numbers', () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => {
      const line = [
        i,
        (i * 7919) % 100_000,
        `${i % 97},${String(i % 1000).padStart(3, '0')}`,
        `${i}.5`,
      ];
      return i % 10 === 9 ? `${line.join(' ')}\n` : line.join(' ');
    });
    expect(consistencyProblems(extractArticle(lines.join('\n')))).toEqual([]);
  });

  it('a 20,000-word article made of the fixtures', () => {
    const withHeader = OWN.find((o) => o.text.startsWith('# '))!;
    const header = withHeader.text
      .split('\n')
      .filter((l) => l.startsWith('# '))
      .join('\n');
    const bodies = OWN.map((o) =>
      o.text
        .split('\n')
        .filter((l) => !l.startsWith('# '))
        .join('\n'),
    );
    const parts = [header];
    let words = 0;
    for (let i = 0; words < 20_000; i++) {
      const body = bodies[i % bodies.length]!;
      parts.push(body);
      words += body.split(/\s+/).filter(Boolean).length;
    }
    expect(consistencyProblems(extractArticle(parts.join('\n\n')))).toEqual([]);
  });
});
