// The endpoints the incident-entry screen calls: the source registry, recording an incident, and
// the news review queue (draft an article, read it, accept a claim as an incident, reject one).
import { request } from '../api.ts';
import type {
  AcceptedClaim,
  ArticleJson,
  ArticleSummary,
  ClaimJson,
  CreatedIncident,
  Source,
} from './entryTypes.ts';

const articlePath = (id: string) => `/api/v1/articles/${encodeURIComponent(id)}`;
const claimPath = (id: string, idx: number) => `${articlePath(id)}/claims/${idx}`;

/** The body of `POST /api/v1/incidents` (src/domain/schemas.ts incidentInputSchema). */
export type IncidentBody = Record<string, unknown>;

export interface ArticleBody {
  text: string;
  published?: string;
  reference?: string;
  publisher?: string;
}

export const entryApi = {
  sources: () => request<{ items: Source[] }>('GET', '/api/v1/sources'),
  createIncident: (body: IncidentBody) =>
    request<CreatedIncident>('POST', '/api/v1/incidents', body),
  articles: () =>
    request<{ items: ArticleSummary[]; total: number }>('GET', '/api/v1/articles?limit=8'),
  article: (id: string) => request<ArticleJson>('GET', articlePath(id)),
  draftArticle: (body: ArticleBody) => request<ArticleJson>('POST', '/api/v1/articles', body),
  /** The claim becomes an incident: the reviewer's fields are merged over what the claim gives. */
  acceptAsIncident: (articleId: string, idx: number, incident: IncidentBody, note?: string) =>
    request<AcceptedClaim>('POST', `${claimPath(articleId, idx)}/accept`, {
      as: 'incident',
      incident,
      ...(note && { note }),
    }),
  rejectClaim: (articleId: string, idx: number, note: string) =>
    request<ClaimJson>('POST', `${claimPath(articleId, idx)}/reject`, { note }),
};
