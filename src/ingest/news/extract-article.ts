// News text → an ExtractedArticle (docs/extraction.md): clean the page, split sentences, find and
// geocode places, people and organisations, then read claims sentence by sentence. Pure given a
// PlaceResolver; the default one reads the gazetteers once per process.
import { AppError } from '../../domain/errors.ts';
import { PlaceResolver } from '../../places/place-resolver.ts';
import type { Claim, ExtractedArticle, ExtractOptions } from '../../domain/news-extraction.ts';
import { casualtyClaims } from './casualty-claims.ts';
import { sentenceContexts } from './claim-context.ts';
import { cleanArticle } from './clean-article.ts';
import { findEntities, type Entities } from './entities.ts';
import { incidentClaims } from './incident-claims.ts';
import { agreementStatusClaims, proposalClaims, violationCountClaims } from './report-claims.ts';
import { splitSentences } from './sentences.ts';
import { truceExclusionClaims, truceExtensionClaims } from './truce-claims.ts';

/**
 * A short form the article used for someone it named in full: "Kerry" → "John Kerry",
 * "Observatory" → "Syrian Observatory for Human Rights".
 */
function canonicalName(name: string | null, entities: Entities): string | null {
  if (!name) return name;
  // "Organization for Security and Cooperation in Europe" is one name; "the Observatory and SANA" two.
  const oneName =
    !/\sand\s/.test(name) ||
    entities.organizations.some((o) => / and /.test(o.name) && name.includes(o.name));
  if (oneName) return canonicalPart(name, entities);
  return name
    .split(/\s+and\s+/)
    .map((part) => canonicalPart(part, entities))
    .join(' and ');
}

function canonicalPart(name: string, entities: Entities): string {
  const key = name.toLowerCase();
  const person = entities.people.find((p) => {
    const full = p.name.toLowerCase();
    return (
      full === key ||
      full.endsWith(` ${key}`) ||
      key.startsWith(`${full} `) ||
      key.endsWith(` ${full}`)
    );
  });
  // "Bebars Mishal of the Civil Defence" stays as written; "US Secretary of State John Kerry",
  // "Mr Kerry" and "Kerry" become the name.
  if (person) return key.startsWith(`${person.name.toLowerCase()} `) ? name : person.name;
  const org = entities.organizations.find((o) => {
    const full = o.name.toLowerCase();
    return full !== key && full.split(/\s+/).includes(key);
  });
  if (org) return org.name;
  // "Syria's state news agency SANA" → "SANA": the organisation the phrase ends with.
  const tail = entities.organizations.find((o) => key.endsWith(` ${o.name.toLowerCase()}`));
  return tail ? tail.name : name;
}

/** Longer sentences are not read for claims (a table or a run-on paste, not prose). */
const MAX_SENTENCE = 2000;

export function extractArticle(
  raw: string,
  options: ExtractOptions & { places?: PlaceResolver } = {},
): ExtractedArticle {
  if (raw.trim() === '')
    throw new AppError('validation_failed', 'text: the article is empty', 'text');
  const cleaned = cleanArticle(raw);
  const published = options.published ?? cleaned.published;
  const warnings: string[] = [];
  if (!published)
    warnings.push(
      'no publication date found (no dateline or header): relative times ("on Thursday", "over the last nine days") are left unresolved; give --published / "published"',
    );
  const resolver = options.places ?? PlaceResolver.default();
  const entities = findEntities(cleaned.text, resolver);
  const claims: Claim[] = [];
  for (const ctx of sentenceContexts(splitSentences(cleaned.text), entities, published)) {
    if (ctx.sentence.text.length > MAX_SENTENCE) continue;
    const casualties = casualtyClaims(ctx);
    claims.push(
      ...incidentClaims(ctx, casualties),
      ...casualties,
      ...truceExtensionClaims(ctx),
      ...truceExclusionClaims(ctx),
      ...violationCountClaims(ctx),
      ...proposalClaims(ctx),
      ...agreementStatusClaims(ctx),
    );
  }
  for (const c of claims) {
    c.source = canonicalName(c.source, entities);
    if (c.kind === 'violation_count') c.counted_by = canonicalName(c.counted_by, entities);
  }
  return {
    title: cleaned.title,
    published,
    agency: cleaned.agency,
    text: cleaned.text,
    removed: cleaned.removed,
    places: entities.places,
    people: entities.people,
    organizations: entities.organizations,
    claims,
    warnings,
  };
}
