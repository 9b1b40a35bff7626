// Scoring news-text extraction against hand-written labels (docs/extraction.md): a greedy
// one-to-one match of predicted claims to labelled ones (claim-labels.ts), precision/recall per
// claim kind, and recall of the places, people and organisations an article names. Pure: no I/O.
import type { ArticleLabels, ClaimLabel, IgnoreLabel } from './claim-labels.ts';
import {
  CLAIM_KINDS,
  type Claim,
  type ClaimKind,
  type ExtractedArticle,
  type Period,
  type PlaceMention,
} from '../../domain/news-extraction.ts';
import type { PlaceRef } from '../../domain/place-ref.ts';

// ---------------------------------------------------------------------------------------------
// Comparing names

/**
 * Lower case, no diacritics or apostrophes, no Arabic article prefix (`al-`, `ash-` …), words
 * separated by single spaces, without `the`/`a`/`an`: `Ma'arrat al-Nu'man` → `maarrat numan`,
 * `Bashar al-Assad` → `bashar assad`, `the Syrian military` → `syrian military`.
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼʻ]/g, '')
    .replace(/(^|[^a-z])(?:al|el|ar|as|ash|at|ad|an|az|ath)-/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .join(' ');
}
const ARTICLES = new Set(['the', 'a', 'an']);

/** Case-insensitive "contains, either way", on whole words, after normalizeName; needs ≥ 3 letters. */
export function namesAgree(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && ` ${long} `.includes(` ${short} `);
}

const anyAgree = (expected: string, names: readonly string[]) =>
  names.some((n) => namesAgree(expected, n));

/**
 * The names a place reference goes by: the article's, the gazetteer's, and every form the article
 * used for the same place (an OCHA unit by p-code, anything else by its gazetteer name).
 */
function placeNames(ref: PlaceRef, places: readonly PlaceMention[]): string[] {
  const key = normalizeName(ref.gazetteer_name);
  const out = [ref.name, ref.gazetteer_name];
  for (const m of places) {
    const same =
      m.source === ref.source &&
      (ref.source === 'ocha' && ref.code !== null
        ? m.code === ref.code
        : normalizeName(m.gazetteer_name) === key);
    if (same) out.push(m.name, m.gazetteer_name, ...m.aliases);
  }
  return out;
}

const placeAgrees = (label: string, ref: PlaceRef | null, places: readonly PlaceMention[]) =>
  ref !== null && anyAgree(label, placeNames(ref, places));

const textAgrees = (label: string, value: string | null) =>
  value !== null && namesAgree(label, value);

const periodAgrees = (label: { from: string; until: string }, period: Period | null) =>
  period !== null && period.from === label.from && period.until === label.until;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The quote contains the fragment (exactly, up to runs of white space). */
export function quoteIncludes(quote: string, fragment: string): boolean {
  return squash(quote).includes(squash(fragment));
}

// ---------------------------------------------------------------------------------------------
// Matching claims to labels

export interface MatchOptions {
  /** The article's places, so a claim's PlaceRef also answers to the forms the article used. */
  places?: readonly PlaceMention[];
  ignore?: readonly IgnoreLabel[];
}

/** Whether `claim` is what `label` describes: same kind, quote, and every key field the label gives. */
export function claimMatchesLabel(
  label: ClaimLabel,
  claim: Claim,
  places: readonly PlaceMention[] = [],
): boolean {
  if (claim.kind !== label.kind || !quoteIncludes(claim.quote, label.quote_includes)) return false;
  switch (label.kind) {
    case 'casualties': {
      if (claim.kind !== 'casualties') return false;
      const count = claim.count.best ?? claim.count.low;
      return (
        (label.measure === undefined || claim.measure === label.measure) &&
        (label.count === undefined || count === label.count) &&
        (label.place === undefined || placeAgrees(label.place, claim.place, places)) &&
        (label.period === undefined || periodAgrees(label.period, claim.period)) &&
        (label.source === undefined || textAgrees(label.source, claim.source))
      );
    }
    case 'incident': {
      if (claim.kind !== 'incident') return false;
      return (
        (label.event_type === undefined || claim.event_type === label.event_type) &&
        (label.place === undefined || placeAgrees(label.place, claim.place, places)) &&
        (label.period === undefined || periodAgrees(label.period, claim.period)) &&
        (label.source === undefined || textAgrees(label.source, claim.source))
      );
    }
    case 'truce_extension': {
      if (claim.kind !== 'truce_extension') return false;
      const where = label.place;
      return (
        (label.duration_hours === undefined || claim.duration_hours === label.duration_hours) &&
        (label.new_end === undefined || claim.new_end === label.new_end) &&
        (where === undefined || claim.places.some((p) => placeAgrees(where, p, places))) &&
        (label.announced_by === undefined || textAgrees(label.announced_by, claim.announced_by))
      );
    }
    case 'truce_exclusion': {
      if (claim.kind !== 'truce_exclusion') return false;
      return (
        (label.place === undefined || placeAgrees(label.place, claim.place, places)) &&
        (label.group === undefined || textAgrees(label.group, claim.group))
      );
    }
    case 'violation_count': {
      if (claim.kind !== 'violation_count') return false;
      return (
        (label.count === undefined || claim.count === label.count) &&
        (label.period === undefined || periodAgrees(label.period, claim.period)) &&
        (label.by_area ?? []).every((want) =>
          claim.by_area.some(
            (got) =>
              got.count === want.count &&
              (namesAgree(want.area, got.area) || placeAgrees(want.area, got.place, places)),
          ),
        )
      );
    }
    case 'proposal':
      return (
        claim.kind === 'proposal' && (label.status === undefined || claim.status === label.status)
      );
    case 'agreement_status': {
      if (claim.kind !== 'agreement_status') return false;
      return (
        (label.status === undefined || claim.status === label.status) &&
        (label.period === undefined || periodAgrees(label.period, claim.period))
      );
    }
  }
}

export interface ClaimMatch {
  labels: ClaimLabel[];
  /** [label index, claim index] pairs, by label index. */
  matched: [number, number][];
  missed: ClaimLabel[];
  /** Predicted claims that match no label and no ignore entry. */
  spurious: Claim[];
  /** Predicted claims that match no label but an ignore entry: neither right nor wrong. */
  ignored: Claim[];
}

/**
 * Greedy one-to-one matching. Labels with fewer candidate claims choose first (ties: file order),
 * each taking the earliest claim not yet taken.
 */
export function matchClaims(
  predicted: readonly Claim[],
  labels: readonly ClaimLabel[],
  options: MatchOptions = {},
): ClaimMatch {
  const places = options.places ?? [];
  const candidates = labels.map((label) =>
    predicted.flatMap((claim, i) => (claimMatchesLabel(label, claim, places) ? [i] : [])),
  );
  const order = labels
    .map((_, i) => i)
    .sort((a, b) => candidates[a]!.length - candidates[b]!.length || a - b);
  const taken = new Set<number>();
  const matched: [number, number][] = [];
  for (const li of order) {
    const ci = candidates[li]!.find((i) => !taken.has(i));
    if (ci === undefined) continue;
    taken.add(ci);
    matched.push([li, ci]);
  }
  matched.sort((a, b) => a[0] - b[0]);
  const matchedLabels = new Set(matched.map(([li]) => li));
  const ignore = options.ignore ?? [];
  const spurious: Claim[] = [];
  const ignored: Claim[] = [];
  predicted.forEach((claim, i) => {
    if (taken.has(i)) return;
    const excused = ignore.some(
      (g) =>
        (g.kind === undefined || g.kind === claim.kind) &&
        quoteIncludes(claim.quote, g.quote_includes),
    );
    (excused ? ignored : spurious).push(claim);
  });
  return {
    labels: [...labels],
    matched,
    missed: labels.filter((_, i) => !matchedLabels.has(i)),
    spurious,
    ignored,
  };
}

// ---------------------------------------------------------------------------------------------
// Scores

export interface Counts {
  labels: number;
  /** Predicted claims that count: matched + spurious (ignored ones are left out). */
  predicted: number;
  matched: number;
}

export interface Rates extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores extends Rates {
  per_kind: Record<ClaimKind, Rates>;
}

/** Precision and recall of 0/0 are 1: nothing to find and nothing claimed is not an error. */
export function rates(c: Counts): Rates {
  const precision = c.predicted === 0 ? 1 : c.matched / c.predicted;
  const recall = c.labels === 0 ? 1 : c.matched / c.labels;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Pools the matches of one or more articles into overall and per-kind precision and recall. */
export function score(results: readonly ClaimMatch[]): Scores {
  const zero = (): Counts => ({ labels: 0, predicted: 0, matched: 0 });
  const total = zero();
  const kinds = Object.fromEntries(CLAIM_KINDS.map((k) => [k, zero()])) as Record<
    ClaimKind,
    Counts
  >;
  for (const r of results) {
    for (const l of r.labels) kinds[l.kind].labels += 1;
    for (const [li] of r.matched) {
      const k = kinds[r.labels[li]!.kind];
      k.matched += 1;
      k.predicted += 1;
    }
    for (const c of r.spurious) kinds[c.kind].predicted += 1;
    total.labels += r.labels.length;
    total.matched += r.matched.length;
    total.predicted += r.matched.length + r.spurious.length;
  }
  const per_kind = Object.fromEntries(CLAIM_KINDS.map((k) => [k, rates(kinds[k])])) as Record<
    ClaimKind,
    Rates
  >;
  return { ...rates(total), per_kind };
}

export interface EntityRecall {
  expected: number;
  found: number;
  missing: string[];
  recall: number;
}

/** How many expected names some extracted name agrees with (namesAgree). */
export function entityRecall(
  expected: readonly string[],
  extracted: readonly string[],
): EntityRecall {
  const missing = expected.filter((e) => !anyAgree(e, extracted));
  const found = expected.length - missing.length;
  return {
    expected: expected.length,
    found,
    missing,
    recall: expected.length === 0 ? 1 : found / expected.length,
  };
}

export interface EntityScores {
  places: EntityRecall;
  people: EntityRecall;
  organizations: EntityRecall;
}

/**
 * Recall of the labelled places, people and organisations. An extracted entity answers to its
 * name, its gazetteer name and aliases (places), and the text at each of its mentions.
 */
export function scoreEntities(
  article: Pick<ExtractedArticle, 'text' | 'places' | 'people' | 'organizations'>,
  labels: Pick<ArticleLabels, 'places' | 'people' | 'organizations'>,
): EntityScores {
  const at = (spans: readonly { start: number; end: number }[]) =>
    spans.map((s) => article.text.slice(s.start, s.end));
  const placeNamesFound = article.places.flatMap((p) => [
    p.name,
    p.gazetteer_name,
    ...p.aliases,
    ...at(p.mentions),
  ]);
  const names = (es: ExtractedArticle['people']) => es.flatMap((e) => [e.name, ...at(e.mentions)]);
  return {
    places: entityRecall(labels.places, placeNamesFound),
    people: entityRecall(labels.people, names(article.people)),
    organizations: entityRecall(labels.organizations, names(article.organizations)),
  };
}

export { articleLabelsSchema, claimLabelSchema, ignoreLabelSchema } from './claim-labels.ts';
export type { ArticleLabels, ClaimLabel, IgnoreLabel } from './claim-labels.ts';
