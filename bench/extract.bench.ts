// News extraction benchmark: a 20,000-word article (the project's own test articles, repeated)
// through extractArticle, against a baseline run in the same process — cleaning the page and
// splitting it into sentences, the least any reader of the text must do. Also prints the one-time
// load of the gazetteers and the language data, which a server pays once.
// Run: npm run bench:extract  (or: node --import tsx bench/extract.bench.ts)
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { extractArticle } = await import('../src/ingest/news/extract-article.ts');
const { PlaceResolver } = await import('../src/places/place-resolver.ts');
const { Gazetteer } = await import('../src/places/gazetteer.ts');
const { WorldPlaces } = await import('../src/places/world-places.ts');
const { cleanArticle } = await import('../src/ingest/news/clean-article.ts');
const { splitSentences } = await import('../src/ingest/news/sentences.ts');
PlaceResolver.default();
const loadMs = performance.now() - t0;

const dir = new URL('../test/fixtures/news/', import.meta.url);
const stories = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) =>
    readFileSync(new URL(f, dir), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n'),
  );
// Each copy's paragraphs differ (a numbered closing sentence), so none is dropped as a repeat.
let body = '';
for (let copy = 1; body.split(/\s+/).length < 20_000; copy++)
  body +=
    stories
      .join('\n\n')
      .split('\n')
      .map((line) => (line.trim() ? `${line} Report ${copy}.` : line))
      .join('\n') + '\n\n';
const article = `Sunday 18 February 2018\n\nA long day of reports\n\n${body}`;
const words = article.split(/\s+/).filter(Boolean).length;

function time(run: () => unknown, rounds: number): number {
  run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return (performance.now() - start) / rounds;
}

const ROUNDS = 10;
const baseline = time(() => splitSentences(cleanArticle(article).text), ROUNDS);
let claims = 0;
// A fresh resolver each round: its cache of names starts empty, as for a new article's places.
const full = time(() => {
  const places = new PlaceResolver(Gazetteer.load(), WorldPlaces.load());
  claims = extractArticle(article, { places }).claims.length;
}, ROUNDS);

console.log(`article: ${words} words, ${claims} claims`);
console.log(`one-time load (gazetteers, cities, language data): ${loadMs.toFixed(0)} ms`);
console.log(`baseline (clean + split sentences): ${baseline.toFixed(1)} ms per article`);
console.log(
  `extractArticle: ${full.toFixed(1)} ms per article (${(full / baseline).toFixed(1)}× baseline)`,
);
