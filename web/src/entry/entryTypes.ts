// The JSON shapes the incident-entry screen reads: the source registry, a saved incident with the
// violations it gave, and drafted news articles with their claims. Each is the server's response
// schema's output type (src/api/; type imports only, so neither zod nor server code reaches the app).
import type { z } from 'zod';
import type {
  createdIncidentResponse,
  incidentResponse,
  INCIDENT_SAVE_STATUSES,
} from '../../../src/api/incidents.ts';
import type {
  acceptClaimResponse,
  articleResponse,
  articleSummaryResponse,
  claimResponse,
  claimSchema,
} from '../../../src/api/news.ts';
import type { sourceResponse } from '../../../src/api/sources.ts';
import type { Violation } from '../types.ts';

/** A claim as the extractor found it. */
export type Claim = z.output<typeof claimSchema>;

/** A source of the registry (kind and Admiralty reliability). */
export type Source = z.output<typeof sourceResponse>;

/** An incident as the API returns it (ISO times, snake_case). */
export type IncidentJson = z.output<typeof incidentResponse>;

/** What `POST /api/v1/incidents` answers: the incident, whether it was new, and its violations. */
export type CreatedIncident = z.output<typeof createdIncidentResponse>;

/** One claim of a drafted article with its review state; `claim` is the extractor's claim. */
export type ClaimJson = z.output<typeof claimResponse>;

/** A drafted article: its cleaned text (claim offsets index into it), warnings and claims. */
export type ArticleJson = z.output<typeof articleResponse>;

/** An article as listed: without its text, with its count of claims in each state. */
export type ArticleSummary = z.output<typeof articleSummaryResponse>;

type AcceptResult = z.output<typeof acceptClaimResponse>;
/** What accepting a claim as an incident answers: the claim, the incident and its violations. */
export type AcceptedClaim = AcceptResult & Required<Pick<AcceptResult, 'incident' | 'violations'>>;

/** What the screen shows after a save, whichever way the incident was made. */
export interface SavedIncident {
  incident: IncidentJson;
  violations: Violation[];
  status: (typeof INCIDENT_SAVE_STATUSES)[number];
  /** The claim the incident was accepted from, when it came from an article. */
  claim: ClaimJson | null;
}
