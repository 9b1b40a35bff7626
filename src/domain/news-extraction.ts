// What news-text extraction produces (docs/extraction.md): the cleaned article, the places, people
// and organisations it names, and claims tied to the sentence they came from. Nothing here counts
// until an analyst accepts it (src/app/news-review.ts). Field names are the JSON the CLI and the
// API print.
import type { EventType } from './event-types.ts';
import type { PlaceRef } from './place-ref.ts';

/** A span of the cleaned text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A line dropped from the page, and why (page furniture, a repeated caption, the credit line). */
export interface RemovedLine {
  text: string;
  reason:
    | 'header'
    | 'dateline'
    | 'title'
    | 'promoted'
    | 'newsletter'
    | 'navigation'
    | 'share'
    | 'advertisement'
    | 'repeated'
    | 'credit'
    | 'wire_tag';
}

export interface PlaceMention extends PlaceRef {
  /** The forms the article used: `Aleppo`, `the northern city`, `Halab`. */
  aliases: string[];
  mentions: Span[];
}

export interface EntityMention {
  name: string;
  /** Title or role where the article gives it: `US Secretary of State`. */
  role: string | null;
  mentions: Span[];
}

/** A half-open interval of days [from, until), YYYY-MM-DD, and the words it was read from. */
export interface Period {
  from: string;
  until: string;
  expression: string;
}

export interface CountRange {
  low: number | null;
  best: number | null;
  high: number | null;
}

interface ClaimBase extends Span {
  /** The sentence, exactly as in `text`. */
  quote: string;
  /** 0–1: how sure the rule is that it read the sentence right. */
  confidence: number;
  /** Who the sentence attributes it to ("according to …", "… said"), or null. */
  source: string | null;
}

export interface CasualtiesClaim extends ClaimBase {
  kind: 'casualties';
  measure: 'killed' | 'injured';
  count: CountRange;
  /** civilians, children, medical personnel, … where said. */
  who: string[];
  place: PlaceRef | null;
  period: Period | null;
  /** air strikes, shelling, … */
  cause: string[];
}

export interface IncidentClaim extends ClaimBase {
  kind: 'incident';
  event_type: EventType;
  sub_event_type: string | null;
  place: PlaceRef | null;
  period: Period | null;
  fatalities: number | null;
  actor: string | null;
  target: string | null;
}

export interface TruceExtensionClaim extends ClaimBase {
  kind: 'truce_extension';
  /** The area in the article's words: `Damascus and opposition strongholds in eastern suburbs`. */
  area: string;
  places: PlaceRef[];
  duration_hours: number | null;
  /** A new end date, when the article gives one instead of a duration. */
  new_end: string | null;
  announced_by: string | null;
}

export interface TruceExclusionClaim extends ClaimBase {
  kind: 'truce_exclusion';
  place: PlaceRef | null;
  /** A group left out (`Islamic State`, `Nusra Front`), when it is a group rather than a place. */
  group: string | null;
}

export interface ViolationCountClaim extends ClaimBase {
  kind: 'violation_count';
  count: number;
  period: Period | null;
  by_area: { area: string; place: PlaceRef | null; count: number }[];
  counted_by: string | null;
}

export interface ProposalClaim extends ClaimBase {
  kind: 'proposal';
  /** What the article says is proposed, in its words. */
  summary: string;
  /** Who it goes to (`key players`), when said. */
  addressees: string | null;
  status: 'under_discussion' | 'sent_for_signoff' | 'accepted' | 'rejected';
}

export interface AgreementStatusClaim extends ClaimBase {
  kind: 'agreement_status';
  status: 'agreed' | 'in_force' | 'holding' | 'violated' | 'collapsed' | 'announced';
  agreement: string;
  period: Period | null;
}

export type Claim =
  | CasualtiesClaim
  | IncidentClaim
  | TruceExtensionClaim
  | TruceExclusionClaim
  | ViolationCountClaim
  | ProposalClaim
  | AgreementStatusClaim;

export type ClaimKind = Claim['kind'];
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'casualties',
  'incident',
  'truce_extension',
  'truce_exclusion',
  'violation_count',
  'proposal',
  'agreement_status',
];

export interface ExtractedArticle {
  title: string | null;
  /** YYYY-MM-DD: the dateline, a `# published:` header, or the date the caller gave. */
  published: string | null;
  /** The agency credit line (`Press Association`, `Reuters`), kept out of `text`. */
  agency: string | null;
  /** The article with the page furniture removed; claim and mention offsets index into it. */
  text: string;
  removed: RemovedLine[];
  places: PlaceMention[];
  people: EntityMention[];
  organizations: EntityMention[];
  claims: Claim[];
  /** Things the reader should know: no publication date found, so relative times are unresolved. */
  warnings: string[];
}

export interface ExtractOptions {
  /** YYYY-MM-DD; overrides the dateline. */
  published?: string;
}
