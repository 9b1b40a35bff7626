// The JSON shapes the incident-entry screen reads: the source registry, a saved incident with the
// violations it gave, and drafted news articles with their claims. Each is the server's own output
// type (type imports only; no server code reaches the app) where the server declares one.
import type { Claim } from '../../../src/domain/news-extraction.ts';
import type {
  articleSummaryToJson,
  claimToJson,
  headToJson,
} from '../../../src/domain/news-review-output.ts';
import type { sourceToJson } from '../../../src/domain/source-output.ts';
import type { incidentToJson } from '../../../src/domain/resource-output.ts';
import type { Violation } from '../types.ts';

export type { Claim };

/** A source of the registry (kind and Admiralty reliability), as the server writes it. */
export type Source = ReturnType<typeof sourceToJson>;

/** An incident as the API returns it (ISO times, snake_case). */
export type IncidentJson = ReturnType<typeof incidentToJson>;

/** What `POST /api/v1/incidents` answers: the incident, whether it was new, and its violations. */
export interface CreatedIncident extends IncidentJson {
  status: 'added' | 'updated' | 'unchanged';
  violations: Violation[];
}

/** One claim of a drafted article with its review state; `claim` is the extractor's claim. */
export type ClaimJson = Omit<ReturnType<typeof claimToJson>, 'claim' | 'status'> & {
  status: 'pending' | 'accepted' | 'rejected';
  claim: Claim;
};

/** A drafted article: its cleaned text (claim offsets index into it), warnings and claims. */
export type ArticleJson = ReturnType<typeof headToJson> & {
  text: string;
  claims: ClaimJson[];
  /** Part of the stored extraction (articleToJson spreads it), which the server keeps untyped. */
  warnings?: string[];
};

/** An article as listed: without its text, with its count of claims in each state. */
export type ArticleSummary = ReturnType<typeof articleSummaryToJson>;

/** What accepting a claim as an incident answers. */
export interface AcceptedClaim {
  claim: ClaimJson;
  incident: IncidentJson;
  violations: Violation[];
}

/** What the screen shows after a save, whichever way the incident was made. */
export interface SavedIncident {
  incident: IncidentJson;
  violations: Violation[];
  status: CreatedIncident['status'];
  /** The claim the incident was accepted from, when it came from an article. */
  claim: ClaimJson | null;
}
